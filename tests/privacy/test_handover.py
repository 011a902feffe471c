"""Handover files and the `handover`, `encrypt`, `passphrase` commands."""

from __future__ import annotations

import io
import json

import pytest

from pathway_app.domain.serialize import plan_to_dict
from pathway_app.store import handover as ho
from pathway_app.store.interchange import export_plans

from .conftest import FAST, TODAY, files_containing
from builders import realistic_plan

PASS = "purple elephant tuesday"


@pytest.fixture
def two_plans(plain_store):
    plans = [realistic_plan(21), realistic_plan(22, "heavy"), realistic_plan(23)]
    for p in plans:
        plain_store.save(p, TODAY)
    return plain_store, plans


def test_seal_and_unseal(tmp_path):
    blob = ho.seal(b"some plans" * 100, PASS, FAST)
    assert blob.startswith(ho.MAGIC)
    assert b"some plans" not in blob
    assert ho.unseal(blob, PASS) == b"some plans" * 100
    assert ho.seal(b"x", PASS, FAST) != ho.seal(b"x", PASS, FAST)  # fresh salt and nonce


def test_handover_round_trip_between_databases(two_plans, tmp_path, script_location, fast_kdf):
    from pathway_app.store.engine import make_engine
    from pathway_app.store.target import resolve_file

    from .conftest import migrated_store

    store, plans = two_plans
    f = tmp_path / "out" / "handover.pphandover"
    f.parent.mkdir()
    name = plans[1].person.family_name
    assert ho.export_handover(store, f, PASS, [plans[1].id, plans[0].id]) == sorted([plans[0].id, plans[1].id])
    assert files_containing(f.parent, name) == [] and files_containing(f.parent, plans[1].id) == []
    other = migrated_store(make_engine(resolve_file(tmp_path / "other.db")), script_location)
    report = ho.import_handover(other, f, PASS, TODAY)
    assert sorted(i for i, _ in report.created) == sorted([plans[0].id, plans[1].id])
    assert plan_to_dict(other.load(plans[1].id)) == plan_to_dict(plans[1])
    assert not other.exists(plans[2].id)
    other.close()


def test_wrong_passphrase_and_tampering_get_different_plain_messages(two_plans, tmp_path, fast_kdf):
    store, plans = two_plans
    f = tmp_path / "h"
    ho.export_handover(store, f, PASS)
    good = f.read_bytes()
    with pytest.raises(ho.HandoverWrongPassphrase) as wrong:
        ho.unseal(good, "Purple elephant tuesday")
    damaged_messages = set()
    for where in (ho.HEADER_BYTES + 10, len(good) - 1, len(ho.MAGIC) + 3, ho.HEADER_BYTES - 3):
        bad = bytearray(good)
        bad[where] ^= 0x20
        with pytest.raises(ho.HandoverDamaged) as e:
            ho.unseal(bytes(bad), PASS)
        damaged_messages.add(str(e.value))
    with pytest.raises(ho.HandoverDamaged):
        ho.unseal(good[: len(good) // 2], PASS)
    with pytest.raises(ho.NotAHandoverFile):
        ho.unseal(export_plans(store), PASS)
    assert "passphrase does not open" in str(wrong.value)
    assert all("changed or damaged" in m or "cut short" in m for m in damaged_messages)
    assert str(wrong.value) not in damaged_messages


def test_a_failed_import_writes_nothing(two_plans, tmp_path, plain_store, fast_kdf):
    store, plans = two_plans
    f = tmp_path / "h"
    ho.export_handover(store, f, PASS, [plans[0].id])
    store.delete(plans[0].id, today=__import__("datetime").date(2200, 1, 1))  # after the 75th birthday
    with pytest.raises(ho.HandoverWrongPassphrase):
        ho.import_handover(store, f, "not the passphrase at all")
    assert not store.exists(plans[0].id)


def test_newer_version_is_refused_plainly(fast_kdf):
    blob = bytearray(ho.seal(b"{}", PASS))
    blob[len(ho.MAGIC) + 1] = 9
    with pytest.raises(ho.NotAHandoverFile, match="newer version"):
        ho.unseal(bytes(blob), PASS)


# --------------------------------------------------------------------------- commands


def _cli(*argv, stdin: str | None = None, monkeypatch=None):
    """Run the command line; returns (exit code, stdout, stderr)."""
    from pathway_app import cli

    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin or ""))
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_handover_commands(tmp_path, monkeypatch, fast_kdf):
    from pathway_app.store import open_store

    a, b = tmp_path / "a", tmp_path / "b"
    with open_store(data_dir=a, create_unencrypted=True) as s:
        plan = realistic_plan(31)
        s.save(plan, TODAY)
    pw = tmp_path / "pw.txt"
    pw.write_text(PASS + "\n")
    f = tmp_path / "x.handover"
    code, out, err = _cli("handover", "--data-dir", str(a), "export", str(f), plan.id[:8], "--handover-passphrase-file", str(pw),
                          monkeypatch=monkeypatch)
    assert code == 0, err
    assert "Sealed 1 plan" in out
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("something else entirely\n")
    code, out, err = _cli("handover", "--data-dir", str(b), "--unencrypted", "import", str(f),
                          "--handover-passphrase-file", str(wrong),
                          monkeypatch=monkeypatch)
    assert code == 1 and "passphrase does not open" in err
    code, out, err = _cli("--json", "handover", "--data-dir", str(b), "import", str(f), "--handover-passphrase-file", "-",
                          stdin=PASS + "\r\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert json.loads(out)["created"] == [plan.id]


def test_encrypt_and_passphrase_commands(tmp_path, monkeypatch, fast_kdf):
    from pathway_app.store import open_store
    from pathway_app.store.encrypted import open_encrypted
    from pathway_app.store.target import encryption_state

    d = tmp_path / "data"
    with open_store(data_dir=d, create_unencrypted=True) as s:
        plan = realistic_plan(32)
        s.save(plan, TODAY)
    name = plan.person.family_name
    pw, pw2 = tmp_path / "pw", tmp_path / "pw2"
    pw.write_text("first passphrase here\n")
    pw2.write_text("second passphrase here\n")
    code, out, err = _cli("encrypt", "--data-dir", str(d), "--passphrase-file", str(pw), monkeypatch=monkeypatch)
    assert code == 0, err
    assert "Encrypted" in out
    db = d / "pathway.db"
    assert encryption_state(db) == "encrypted"
    assert files_containing(d, name) == [] or all("backups" in str(p) for p in files_containing(d, name))
    code, out, err = _cli("passphrase", "--data-dir", str(d), "--old-file", str(pw2), "--new-file", str(pw),
                          monkeypatch=monkeypatch)
    assert code == 1 and "does not unlock" in err
    code, out, err = _cli("passphrase", "--data-dir", str(d), "--old-file", str(pw), "--new-file", str(pw2),
                          monkeypatch=monkeypatch)
    assert code == 0, err
    open_encrypted(db, "second passphrase here").dispose()


def test_passphrase_is_never_taken_from_a_pipe_without_asking(tmp_path, monkeypatch):
    from pathway_app.store import open_store

    open_store(data_dir=tmp_path, create_unencrypted=True).close()  # plain records, ready to encrypt
    code, out, err = _cli("encrypt", "--data-dir", str(tmp_path), stdin="", monkeypatch=monkeypatch)
    assert code == 2 and "passphrase" in err


def _asking_for(params) -> bytes:
    """A handover file as a hostile maker would write it: header checksum right, cost its own."""
    import hashlib
    import secrets

    fixed = ho.MAGIC + ho._FIXED.pack(ho.VERSION, params.memory_kib, params.time_cost, params.parallelism,
                                      secrets.token_bytes(16), secrets.token_bytes(12), secrets.token_bytes(16))
    return fixed + hashlib.sha256(fixed).digest()[:8] + secrets.token_bytes(64)


@pytest.mark.parametrize("asks", [(4 * 1024 * 1024, 3, 4), (512 * 1024, 3, 4), (64 * 1024, 100, 4), (64 * 1024, 3, 64)],
                         ids=["4GiB", "512MiB", "100-passes", "64-lanes"])
def test_a_handover_file_may_not_choose_its_own_argon2_cost(monkeypatch, tmp_path, asks):
    """Issue 14 item 7: refused before anything is derived (a crafted file took 12.9 s a try).
    Nothing derived is the proof; benchmarks/bench_privacy.py times the refusal (≤ 500 ms)."""
    from pathway_app.store import crypto
    from pathway_app.store.keyfile import KdfParams

    derived = []
    monkeypatch.setattr(crypto, "derive", lambda *a: derived.append(a) or (b"k" * 32, b"c" * 16))
    blob = _asking_for(KdfParams(*asks))
    with pytest.raises(ho.HandoverDamaged, match="far more work to open"):
        ho.unseal(blob, PASS)
    assert derived == []
    # what the app itself writes (and a little more) is still tried
    with pytest.raises(ho.HandoverWrongPassphrase):
        ho.unseal(_asking_for(KdfParams(128 * 1024, 6, 8)), PASS)
    assert len(derived) == 1


def test_a_key_file_may_not_choose_its_own_argon2_cost(tmp_path, monkeypatch):
    import json as _json

    from pathway_app.store import crypto
    from pathway_app.store.keyfile import KeyFileDamaged, keyfile_path

    kf = keyfile_path(tmp_path / "pathway.db")
    crypto.create_keyfile(kf, PASS, params=FAST)
    body = _json.loads(kf.read_text())
    body["kdf"]["memory_kib"] = 4 * 1024 * 1024
    body.pop("checksum")
    body["checksum"] = __import__("hashlib").sha256(
        _json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
    kf.write_text(_json.dumps(body))
    monkeypatch.setattr(crypto, "derive", lambda *a: pytest.fail("derived"))
    with pytest.raises(KeyFileDamaged, match="far more work"):
        crypto.unlock(kf, PASS)
