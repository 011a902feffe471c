"""Mistakes a PA makes at the command line, found by using it on a fresh data folder: each gets a
plain message naming what is wrong, the right exit status and no traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pathway_app.domain.fields import record_title
from pathway_app.domain.labels import label
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.store import open_store
from pathway_app.store.interchange import FORMAT_VERSION

from builders import realistic_plan

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "correct horse battery"


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "pathway_app", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120, input=stdin if stdin is not None else "")
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def plain(tmp_path):
    """An unencrypted database with three synthetic young people."""
    path = tmp_path / "plain.db"
    store = open_store(url=f"sqlite:///{path}", create_unencrypted=True)
    plans = [realistic_plan(seed) for seed in (1, 2, 3)]
    for p in plans:
        store.save(p, TODAY)
    store.close()
    return f"sqlite:///{path}", plans


@pytest.fixture
def encrypted(tmp_path):
    """An encrypted data folder with one young person, and the passphrase file."""
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    plan = realistic_plan(7)
    src = tmp_path / "one.json"
    from pathway_app.store.interchange import dumps_plans

    src.write_bytes(dumps_plans([plan]))
    proc = cli("import", str(src), "--data-dir", str(folder), "--passphrase-file", str(pw))
    assert proc.returncode == 0, proc.stderr
    return folder, pw, plan


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("day,words", [
    ("9999-12-31", "outside the dates"),
    ("0001-01-01", "outside the dates"),
    ("2026-02-30", "is not a real date"),
    ("tomorrow", "is not a date like"),
])
def test_a_today_that_cannot_be_used_is_refused_plainly(plain, day, words):
    url, plans = plain
    for command in (["dates", plans[0].id], ["list"]):
        proc = cli(*command, "--db", url, "--today", day)
        assert proc.returncode == 2
        assert "--today" in proc.stderr and words in proc.stderr


def test_a_day_before_the_birth_does_not_give_a_negative_age(plain):
    url, plans = plain
    proc = cli("dates", plans[0].id, "--db", url, "--today", "1900-01-01")
    assert proc.returncode == 0, proc.stderr
    assert "aged -" not in proc.stdout and "not yet born on that day" in proc.stdout


# --------------------------------------------------------------------------- show


def test_show_uses_words_not_codes(plain):
    url, plans = plain
    store = open_store(url=url)
    plan = store.load(plans[0].id)
    plan.health.gp_registered = True
    store.save(plan, TODAY)
    store.close()
    out = cli("show", plans[0].id, "--db", url).stdout
    assert "Key:" not in out and "Gp registered" not in out and "Pa support" not in out
    assert "Registered with a GP: Yes" in out and "Asked for PA support from 21 to 25" in out
    if plans[0].skills:
        # each skill is named by its words (its title), never by its code
        first = plans[0].skills[0]
        assert f"1. {record_title('skills', first)}\n" in out and label(first.key, "Skill").startswith(record_title('skills', first)[:20])
        # the code never shows on its own or after a label ("Food, meals and cooking" is words)
        assert not re.search(r"(?m)(^|: )\s*cooking$", out) and "Skill: cooking" not in out
    # each support area's name is its heading, not repeated underneath
    assert "     Area: " not in out


# --------------------------------------------------------------------------- audit


def test_audit_of_an_identifier_nobody_has_is_an_error(plain):
    url, _ = plain
    proc = cli("audit", "zzzz", "--db", url)
    assert proc.returncode == 2
    assert "zzzz" in proc.stderr and proc.stdout == ""


# --------------------------------------------------------------------------- import


def test_a_second_copy_of_a_plan_in_a_file_is_one_problem_not_one_per_record(plain, tmp_path):
    url, plans = plain
    doc = {"format": "pathway-planner-plans", "format_version": FORMAT_VERSION,
           "plans": [plan_to_dict(plans[0]), plan_to_dict(plans[0])]}
    doc["plans"][1]["version"] = 0
    f = tmp_path / "twice.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    proc = cli("import", str(f), "--db", url)
    assert proc.returncode == 2
    assert "1 problem:" in proc.stderr and "plan twice" in proc.stderr
    assert "a record has the same identifier" not in proc.stderr


def test_an_edited_copy_with_the_same_version_is_not_silently_called_unchanged(plain, tmp_path):
    url, plans = plain
    d = plan_to_dict(plans[0])
    d["person"]["date_of_birth"] = "2008-02-29"
    f = tmp_path / "edited.json"
    f.write_text(json.dumps({"format": "pathway-planner-plans", "format_version": FORMAT_VERSION, "plans": [d]}), encoding="utf-8")
    proc = cli("import", str(f), "--db", url)
    assert proc.returncode == 0, proc.stderr
    assert "different from the one here" in proc.stdout and "higher version" in proc.stdout
    again = cli("import", str(f), "--db", url, "--json")
    assert json.loads(again.stdout)["notes"]
    # an identical copy says nothing more than "unchanged"
    same = tmp_path / "same.json"
    same.write_text(json.dumps({"format": "pathway-planner-plans", "format_version": FORMAT_VERSION, "plans": [plan_to_dict(plans[0])]}), encoding="utf-8")
    assert json.loads(cli("import", str(same), "--db", url, "--json").stdout)["notes"] == []


# --------------------------------------------------------------------------- passphrases


def test_handover_takes_the_common_options_after_the_action(encrypted, tmp_path):
    folder, pw, plan = encrypted
    hpw = tmp_path / "hpw"
    hpw.write_text("a handover passphrase\n", encoding="utf-8")
    sealed = tmp_path / "out.handover"
    proc = cli("handover", "export", str(sealed), plan.id[:8], "--data-dir", str(folder), "--passphrase-file", str(pw),
               "--handover-passphrase-file", str(hpw))
    assert proc.returncode == 0, proc.stderr
    assert sealed.exists()
    other = tmp_path / "other"
    other.mkdir()
    proc = cli("handover", "import", str(sealed), "--data-dir", str(other), "--passphrase-file", str(pw),
               "--handover-passphrase-file", str(hpw))
    assert proc.returncode == 0, proc.stderr
    assert "1 new" in proc.stdout


def test_a_missing_handover_passphrase_names_its_own_option(encrypted, tmp_path):
    folder, pw, plan = encrypted
    proc = cli("handover", "--data-dir", str(folder), "--passphrase-file", str(pw), "export", str(tmp_path / "x.handover"))
    assert proc.returncode == 2
    assert "--handover-passphrase-file" in proc.stderr


def test_passphrase_change_takes_the_current_one_from_passphrase_file(encrypted, tmp_path):
    folder, pw, plan = encrypted
    new = tmp_path / "new"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    proc = cli("passphrase", "--data-dir", str(folder), "--passphrase-file", str(pw), "--new-passphrase-file", str(new))
    assert proc.returncode == 0, proc.stderr
    assert cli("list", "--data-dir", str(folder), "--passphrase-file", str(new)).returncode == 0
    proc = cli("passphrase", "--data-dir", str(folder), "--passphrase-file", str(new))
    assert proc.returncode == 2 and "--new-passphrase-file" in proc.stderr


# --------------------------------------------------------------------------- restore


@pytest.mark.parametrize("what", ["missing", "no-manifest", "folder"])
def test_restoring_something_that_is_not_a_backup_says_what_it_is(encrypted, tmp_path, what):
    folder, pw, plan = encrypted
    target = tmp_path / "thing.db"
    if what == "no-manifest":
        target.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    elif what == "folder":
        target.mkdir()
    proc = cli("restore", str(target), "--data-dir", str(folder), "--passphrase-file", str(pw))
    assert proc.returncode == 1
    assert "not encrypted" not in proc.stderr
    expected = {"missing": "does not exist", "no-manifest": "no manifest", "folder": "is a folder"}[what]
    assert expected in proc.stderr and "Nothing was changed" in proc.stderr


def test_a_new_data_folder_and_its_backups_folder_are_private(tmp_path):
    import os
    import stat

    folder = tmp_path / "new" / "data"
    env = {**os.environ, "PATHWAY_DATA_DIR": str(folder)}
    proc = subprocess.run([sys.executable, "-m", "pathway_app", "demo", "--unencrypted"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([sys.executable, "-m", "pathway_app", "backup"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    for d in (folder, folder / "backups"):
        assert stat.S_IMODE(d.stat().st_mode) & 0o077 == 0, f"{d} can be read by other users"


def test_databases_and_backups_are_readable_by_their_owner_only(tmp_path):
    """Records, their backups and key files are never left readable by other accounts."""
    import stat

    from pathway_app.store import open_store
    from pathway_app.store.backup import make_backup

    def mode(p):
        return stat.S_IMODE(p.stat().st_mode)

    plain = tmp_path / "plain" / "pathway.db"
    plain.parent.mkdir()
    open_store(url=f"sqlite:///{plain}", create_unencrypted=True).close()
    secret = tmp_path / "secret" / "pathway.db"
    secret.parent.mkdir()
    open_store(url=f"sqlite:///{secret}", passphrase="a long enough passphrase").close()
    made = [plain, secret, make_backup(plain, reason="test")]
    made += sorted((secret.parent / "backups").glob("*"))
    made += sorted((plain.parent / "backups").glob("*"))
    for p in made:
        assert mode(p) & 0o077 == 0, f"{p.name} is readable by others ({oct(mode(p))})"
