"""Key file, passphrase, retry slow-down (pathway_app.store.crypto / keyfile)."""

from __future__ import annotations

import json
import os
import stat

import pytest

from pathway_app.errors import DatabaseProblem, UserFacingError
from pathway_app.store import crypto
from pathway_app.store.keyfile import KdfParams, KeyFileDamaged, keyfile_path, read_keyfile

PASS = "correct horse battery staple"


class Clock:
    def __init__(self, t: float = 1_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_real_parameters_are_argon2id_64mib_3_passes_4_lanes(tmp_path):
    kf = tmp_path / "pathway.db.key"
    key = crypto.create_keyfile(kf, PASS)
    data = json.loads(kf.read_text())
    assert data["kdf"] == {**data["kdf"], "name": "argon2id", "memory_kib": 65536, "time_cost": 3, "parallelism": 4}
    assert len(read_keyfile(kf).salt) == 16
    assert len(key) == 32
    assert crypto.unlock(kf, PASS) == key
    if os.name == "posix":
        assert stat.S_IMODE(kf.stat().st_mode) == 0o600
    assert key.hex() not in kf.read_text() and PASS not in kf.read_text()


def test_keyfile_sits_beside_the_database(tmp_path):
    assert keyfile_path(tmp_path / "pathway.db") == tmp_path / "pathway.db.key"


def test_two_keyfiles_for_the_same_passphrase_differ(tmp_path, fast_kdf):
    a = crypto.create_keyfile(tmp_path / "a", PASS)
    b = crypto.create_keyfile(tmp_path / "b", PASS)
    assert a != b
    assert read_keyfile(tmp_path / "a").salt != read_keyfile(tmp_path / "b").salt


def test_wrong_passphrase_is_told_apart_from_a_damaged_keyfile(tmp_path, fast_kdf):
    kf = tmp_path / "k"
    crypto.create_keyfile(kf, PASS)
    with pytest.raises(crypto.WrongPassphrase) as e:
        crypto.unlock(kf, PASS + "!")
    assert "Nothing has been changed or deleted" in str(e.value)
    crypto.unlock(kf, PASS)  # resets the count

    data = json.loads(kf.read_text())
    wrapped = bytearray(data["wrap"]["data_key"].encode())
    wrapped[3] = ord("A") if wrapped[3] != ord("A") else ord("B")
    data["wrap"]["data_key"] = wrapped.decode()
    kf.write_text(json.dumps(data))  # checksum no longer matches
    with pytest.raises(KeyFileDamaged) as e:
        crypto.unlock(kf, PASS)
    assert "passphrase is not the problem" in str(e.value)
    assert not isinstance(e.value, crypto.WrongPassphrase)
    assert crypto.read_attempts(kf).failures == 0  # damage is not a wrong guess


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "missing", "newer"])
def test_damaged_or_missing_keyfile(tmp_path, fast_kdf, damage):
    kf = tmp_path / "k"
    crypto.create_keyfile(kf, PASS)
    text = kf.read_text()
    if damage == "truncate":
        kf.write_text(text[: len(text) // 2])
    elif damage == "garbage":
        kf.write_bytes(os.urandom(300))
    elif damage == "empty":
        kf.write_bytes(b"")
    elif damage == "missing":
        kf.unlink()
    else:
        d = json.loads(text)
        d["version"] = 99
        kf.write_text(json.dumps(d))
    with pytest.raises(KeyFileDamaged) as e:
        crypto.unlock(kf, PASS)
    assert isinstance(e.value, DatabaseProblem)
    if damage == "newer":
        assert "newer version" in str(e.value)
    if damage == "missing":
        assert "missing" in str(e.value)


def test_an_edited_wrapped_key_with_a_fixed_checksum_is_still_caught(tmp_path, fast_kdf):
    """Someone recomputes the checksum: the GCM tag and the key check still catch it."""
    import base64
    import hashlib

    from pathway_app.store import keyfile as kmod

    kf = tmp_path / "k"
    crypto.create_keyfile(kf, PASS)
    d = json.loads(kf.read_text())
    raw = bytearray(base64.b64decode(d["wrap"]["data_key"]))
    raw[0] ^= 1
    d["wrap"]["data_key"] = base64.b64encode(bytes(raw)).decode()
    body = {k: v for k, v in d.items() if k != "checksum"}
    d["checksum"] = hashlib.sha256(kmod._canonical(body)).hexdigest()
    kf.write_text(json.dumps(d))
    with pytest.raises(KeyFileDamaged):
        crypto.unlock(kf, PASS)


def test_retry_delay_grows_survives_a_restart_and_never_wipes(tmp_path, fast_kdf):
    db = tmp_path / "pathway.db"
    db.write_bytes(b"pretend encrypted records" * 100)
    kf = keyfile_path(db)
    key = crypto.create_keyfile(kf, PASS)
    before = (db.read_bytes(), kf.read_bytes())
    clock = Clock()
    waits = []
    for _ in range(12):
        with pytest.raises(crypto.WrongPassphrase) as e:
            crypto.unlock(kf, "not it at all", now=clock)
        waits.append(e.value.wait_seconds)
        # too soon: refused without even trying the passphrase (the right one too)
        if e.value.wait_seconds:
            clock.t += e.value.wait_seconds / 2
            with pytest.raises(crypto.TryAgainLater) as soon:
                crypto.unlock(kf, PASS, now=clock)
            assert 0 < soon.value.wait_seconds <= e.value.wait_seconds / 2 + 1e-6
            clock.t += e.value.wait_seconds / 2
    assert waits[:3] == [0, 0, 5]
    assert waits[3:6] == [10, 20, 40]
    assert max(waits) == crypto.MAX_DELAY_S
    assert waits == sorted(waits)
    # "restart": the count lives on disk
    assert crypto.read_attempts(kf).failures == 12
    # records and key file untouched by all of it
    assert (db.read_bytes(), kf.read_bytes()) == before
    assert crypto.unlock(kf, PASS, now=clock) == key
    assert crypto.read_attempts(kf).failures == 0
    assert not crypto.attempts_path(kf).exists()


def test_a_clock_set_back_never_makes_the_wait_longer_than_the_delay(tmp_path, fast_kdf):
    a = crypto.Attempts(failures=5, last_failure=10_000.0)
    assert a.wait_remaining(0.0) == crypto.delay_after(5)
    assert a.wait_remaining(10_000.0 + 1000) == 0


def test_change_passphrase_rewraps_the_same_key(tmp_path, fast_kdf):
    kf = tmp_path / "k"
    key = crypto.create_keyfile(kf, PASS)
    old_salt = read_keyfile(kf).salt
    crypto.change_passphrase(kf, PASS, "a brand new passphrase")
    assert crypto.unlock(kf, "a brand new passphrase") == key
    assert read_keyfile(kf).salt != old_salt
    with pytest.raises(crypto.WrongPassphrase):
        crypto.unlock(kf, PASS)


def test_change_passphrase_needs_the_old_one_and_a_decent_new_one(tmp_path, fast_kdf):
    kf = tmp_path / "k"
    crypto.create_keyfile(kf, PASS)
    before = kf.read_bytes()
    with pytest.raises(crypto.WrongPassphrase):
        crypto.change_passphrase(kf, "wrong guess!", "a brand new passphrase")
    with pytest.raises(crypto.WeakPassphrase):
        crypto.change_passphrase(kf, PASS, "short")
    assert kf.read_bytes() == before


def test_change_passphrase_is_atomic(tmp_path, fast_kdf, monkeypatch):
    kf = tmp_path / "k"
    key = crypto.create_keyfile(kf, PASS)
    before = kf.read_bytes()

    def boom(*a, **k):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        crypto.change_passphrase(kf, PASS, "a brand new passphrase")
    monkeypatch.undo()
    assert kf.read_bytes() == before
    assert crypto.unlock(kf, PASS) == key
    assert [p.name for p in tmp_path.iterdir()] == ["k"]  # no temp file left


def test_passphrases_are_unicode_normalised(tmp_path, fast_kdf):
    kf = tmp_path / "k"
    composed = "caf\u00e9 au lait s'il vous pla\u00eet"
    decomposed = "cafe\u0301 au lait s'il vous plai\u0302t"
    key = crypto.create_keyfile(kf, composed)
    assert crypto.unlock(kf, decomposed) == key


def test_create_refuses_to_replace_a_keyfile_or_a_short_passphrase(tmp_path, fast_kdf):
    kf = tmp_path / "k"
    crypto.create_keyfile(kf, PASS)
    before = kf.read_bytes()
    with pytest.raises(UserFacingError):
        crypto.create_keyfile(kf, PASS)
    assert kf.read_bytes() == before
    with pytest.raises(crypto.WeakPassphrase):
        crypto.create_keyfile(tmp_path / "k2", "1234567")
    assert not (tmp_path / "k2").exists()


def test_kdf_params_are_taken_from_the_file(tmp_path):
    kf = tmp_path / "k"
    key = crypto.create_keyfile(kf, PASS, params=KdfParams(2048, 2, 2))
    assert read_keyfile(kf).params == KdfParams(2048, 2, 2)
    assert crypto.unlock(kf, PASS) == key
