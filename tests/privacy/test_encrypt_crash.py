"""Encrypting the records is crash-safe end to end (issue 14 item 2).

``encrypt`` is SIGKILLed at each of its steps (and at random moments): whatever the moment, the
records are whole, an unencrypted copy left behind is reported by ``check`` and overwritten and
removed the next time the records are opened or encrypted, and in the end no file in the data
folder holds a young person's words in clear.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pathway_app.store import open_store

from .conftest import MARKER, files_containing
from .encrypt_kill_child import POINTS

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery staple"
TODAY = "2026-11-23"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A plain data folder with the demo young people and MARKER in one of their plans (no backups)."""
    data = tmp_path_factory.mktemp("template") / "data"
    cli(data, "--unencrypted", "demo", "--today", TODAY)
    store = open_store(data_dir=data)
    try:
        plan = store.load(store.ids()[0])
        plan.person.about_me_own_words = MARKER
        store.save(plan)
        names = sorted(s.display_name for s in store.summaries())
    finally:
        store.close()
    shutil.rmtree(data / "backups", ignore_errors=True)  # older plain copies are reported, not removed
    return data, names


def cli(data: Path, *args: str, passphrase: Path | None = None) -> subprocess.CompletedProcess:
    extra = ["--passphrase-file", str(passphrase)] if passphrase else []
    return subprocess.run([sys.executable, "-m", "pathway_app", "--data-dir", str(data), *extra, *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)


def _copy(template, tmp_path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(template[0], data)
    pw = tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    return data, pw


def _clear_in_the_end(data: Path, pw: Path, names: list[str]) -> None:
    """After the kill: ``encrypt`` again finishes (or clears up), nothing readable is left, the records are whole."""
    r = cli(data, "encrypt", passphrase=pw)
    assert r.returncode == 0 or "is already encrypted" in r.stderr, r.stderr
    assert files_containing(data, MARKER) == [], "plain text left on disk"
    leftovers = [p.name for p in data.iterdir() if ".before-encryption" in p.name or ".encrypting" in p.name]
    assert leftovers == []
    r = cli(data, "list", "--json", passphrase=pw)
    assert r.returncode == 0, r.stderr
    assert sorted(row["name"] for row in json.loads(r.stdout)) == names
    assert cli(data, "check", passphrase=pw).returncode == 0


@pytest.mark.parametrize("point", POINTS)
def test_killed_at_each_step_nothing_is_lost_or_left_in_clear(template, tmp_path, point):
    data, pw = _copy(template, tmp_path)
    child = Path(__file__).with_name("encrypt_kill_child.py")
    r = subprocess.run([sys.executable, str(child), str(data / "pathway.db"), PASS, point],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == -signal.SIGKILL, r.stderr
    check = cli(data, "check", passphrase=pw)
    plain_copy = data / "pathway.db.before-encryption"
    if point in ("swapped", "shredding"):  # the encrypted file is in place; an unencrypted copy is not gone yet
        assert plain_copy.exists()
        assert check.returncode == 1 and "unencrypted copy" in check.stdout, check.stdout
        if point == "swapped":  # opening the records (here: list) overwrites and removes it
            r = cli(data, "list", passphrase=pw)
            assert r.returncode == 0 and "was found and removed" in r.stderr, r.stderr
        else:  # and so does running encrypt again, which no longer just says "already encrypted"
            r = cli(data, "encrypt", passphrase=pw)
            assert r.returncode == 0 and "overwritten and removed" in r.stdout, r.stdout + r.stderr
        assert not plain_copy.exists() and files_containing(data, MARKER) == []
    elif point in ("key-written", "second-name"):
        assert check.returncode == 1 and "interrupted" in check.stdout
    _clear_in_the_end(data, pw, template[1])


@pytest.mark.slow
def test_killed_at_random_moments_nothing_is_lost_or_left_in_clear(template, tmp_path):
    rng = random.Random(14)
    timings = []
    for trial in range(6):
        data, pw = _copy(template, tmp_path / f"t{trial}")
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "pathway_app", "--data-dir", str(data),
                                 "--passphrase-file", str(pw), "encrypt"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        timings.append((round(time.monotonic() - start, 2), proc.returncode))
        _clear_in_the_end(data, pw, template[1])
    assert any(code == -signal.SIGKILL for _t, code in timings), timings
