"""Run inside a private mount namespace (``unshare -m``): a failed `demo` on a nearly full disk,
then what later commands do. Prints one JSON object: what each step returned and left."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

disk = Path(sys.argv[1])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], check=True)
data = disk / "d"
root = Path(__file__).resolve().parents[2]


def cli(*args: str) -> dict:
    r = subprocess.run([sys.executable, "-m", "pathway_app", "--data-dir", str(data), "--unencrypted", *args],
                       capture_output=True, text=True, cwd=root, timeout=180)
    wal = data / "pathway.db-wal"
    return {"rc": r.returncode, "out": r.stdout, "err": r.stderr, "wal": wal.stat().st_size if wal.exists() else 0}


steps = {"new": cli("list")}
filler = disk / "filler"
room = shutil.disk_usage(disk).free - 700_000
with open(filler, "wb") as fh:
    fh.write(b"\0" * room)
steps["demo_fails"] = cli("demo", "--today", "2026-11-23")
steps["list_full"] = cli("list")
os.truncate(filler, room - 150_000)  # a little room again
steps["list_room"] = cli("list")
filler.unlink()
steps["demo_again"] = cli("demo", "--today", "2026-11-23")
steps["check"] = cli("check")
print(json.dumps(steps))
