"""Helper for test_encrypt_crash.py: encrypt a records file and SIGKILL this process at one point.

    python encrypt_kill_child.py DB PASSPHRASE POINT

POINT names the moment (see ``POINTS``); the process kills itself there, as a power cut or a
killed task would stop it. Exits 0 only if the encryption finished (the point was never reached).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pathway_app.store import crypto  # noqa: E402
from pathway_app.store import encrypted as enc  # noqa: E402

POINTS = ("copy-made", "key-written", "second-name", "swapped", "shredding", "shredded")


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(db: str, passphrase: str, point: str) -> None:
    real_verify, real_key, real_name, real_shred = enc._verify_copy, crypto.create_keyfile, enc._second_name, enc._shred
    calls = {"verify": 0}

    def verify(path, *a):
        calls["verify"] += 1
        if (point == "copy-made" and calls["verify"] == 1) or (point == "swapped" and calls["verify"] == 2):
            die()
        return real_verify(path, *a)

    def key(*a, **k):
        out = real_key(*a, **k)
        if point == "key-written":
            die()
        return out

    def second_name(*a):
        real_name(*a)
        if point == "second-name":
            die()

    def shred(path: Path) -> None:
        if point == "shredding":  # half overwritten, then the power goes
            with open(path, "r+b") as fh:
                fh.write(b"\0" * (path.stat().st_size // 2))
                fh.flush()
                os.fsync(fh.fileno())
            die()
        real_shred(path)
        if point == "shredded":
            die()

    enc._verify_copy, enc._second_name, enc._shred = verify, second_name, shred
    crypto.create_keyfile = key
    enc.encrypt_database(db, passphrase)


if __name__ == "__main__":
    main(*sys.argv[1:4])
