"""Keys for the encrypted database: derive, wrap, check, unlock, change the passphrase.

The database is encrypted (SQLCipher, see :mod:`.encrypted`) with a random 32-byte *data key*.
The data key is kept in the key file (:mod:`.keyfile`) wrapped with AES-256-GCM by a key derived
from the passphrase with Argon2id (64 MiB, 3 passes, 4 lanes, random 16-byte salt). So:

- changing the passphrase rewraps 32 bytes; the database file is not touched;
- a wrong passphrase is recognised by the passphrase check (16 further bytes of the Argon2id
  output) and told apart from a damaged key file (checksum) and, once the key is known to be
  right, from a damaged database (:class:`.encrypted.DatabaseDamaged`);
- wrong attempts are *never* punished by wiping anything — these are statutory records kept
  until the young person is 75. Instead each run of consecutive failures makes the next attempt
  wait longer (after 3 free tries: 5 s, 10 s, 20 s … at most 5 minutes). The count is kept in a
  small file beside the key file so that restarting the app does not reset it.

Passphrases are Unicode-normalised (NFC) before use, so "é" typed as one character or as "e" +
accent unlocks the same records on every keyboard and operating system.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import TryAgainLater, UserFacingError, WrongPassphrase, _plain_seconds
from ..fileio import write_atomically
from .keyfile import KdfParams, KeyFile, KeyFileDamaged, read_keyfile, write_keyfile

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
CHECK_BYTES = 16
MIN_PASSPHRASE_CHARS = 8
DEFAULT_PARAMS = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=4)

FREE_ATTEMPTS = 3
FIRST_DELAY_S = 5.0
MAX_DELAY_S = 300.0

_KEY_CHECK_LABEL = b"pathway-planner data key check v1"
_ANCHOR_LABEL = b"pathway-planner audit anchor v1"


class WeakPassphrase(UserFacingError):
    """A new passphrase was refused (too short)."""


# --------------------------------------------------------------------------- primitives


def normalise(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; a few "
            "ordinary words with spaces between them are easy to remember and hard to guess."
        )


def derive(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    """Argon2id(passphrase, salt) → (32-byte key-encryption key, 16-byte passphrase check)."""
    out = hash_secret_raw(
        normalise(passphrase),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=DATA_KEY_BYTES + CHECK_BYTES,
        type=Type.ID,
    )
    return out[:DATA_KEY_BYTES], out[DATA_KEY_BYTES:]


def key_check(data_key: bytes) -> bytes:
    return hmac.new(data_key, _KEY_CHECK_LABEL, hashlib.sha256).digest()[:CHECK_BYTES]


def anchor_key(data_key: bytes) -> bytes:
    """The key that authenticates the audit trail's anchors kept outside the database (in backup
    manifests): derived from the data key, so it never needs storing and proves nothing about
    the data key itself."""
    return hmac.new(data_key, _ANCHOR_LABEL, hashlib.sha256).digest()


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def wrap(data_key: bytes, passphrase: str, params: KdfParams | None = None) -> KeyFile:
    """A key file body locking ``data_key`` with ``passphrase`` (fresh salt and nonce)."""
    params = params or DEFAULT_PARAMS
    salt = secrets.token_bytes(SALT_BYTES)
    kek, pcheck = derive(passphrase, salt, params)
    draft = KeyFile(params, salt, secrets.token_bytes(NONCE_BYTES), b"", pcheck, key_check(data_key))
    wrapped = AESGCM(kek).encrypt(draft.nonce, data_key, draft.associated_data())
    return KeyFile(params, salt, draft.nonce, wrapped, pcheck, draft.key_check)


def _unwrap(kf: KeyFile, passphrase: str) -> bytes | None:
    """The data key, or None when the passphrase is wrong. Raises KeyFileDamaged."""
    kek, pcheck = derive(passphrase, kf.salt, kf.params)
    if not hmac.compare_digest(pcheck, kf.passphrase_check):
        return None
    try:
        data_key = AESGCM(kek).decrypt(kf.nonce, kf.wrapped_key, kf.associated_data())
    except InvalidTag:
        raise KeyFileDamaged("The key file has been changed or damaged. Put back the copy kept with your backups.") from None
    if not hmac.compare_digest(key_check(data_key), kf.key_check):
        raise KeyFileDamaged("The key file does not hold the key it says it does. Put back the copy kept with your backups.")
    return data_key


# --------------------------------------------------------------------------- retry slow-down


def attempts_path(keyfile: str | os.PathLike[str]) -> Path:
    p = Path(keyfile)
    return p.with_name(p.name + ".attempts")


def delay_after(failures: int) -> float:
    """How long to wait after ``failures`` consecutive wrong passphrases."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(FIRST_DELAY_S * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_S))


@dataclass
class Attempts:
    failures: int = 0
    last_failure: float = 0.0  # wall-clock seconds (persisted, so not monotonic)

    def wait_remaining(self, now: float) -> float:
        delay = delay_after(self.failures)
        if delay <= 0:
            return 0.0
        elapsed = max(0.0, now - self.last_failure)  # a clock set back never lengthens the wait
        return max(0.0, delay - elapsed)


def read_attempts(keyfile: str | os.PathLike[str]) -> Attempts:
    try:
        d = json.loads(attempts_path(keyfile).read_text(encoding="utf-8"))
        return Attempts(int(d["failures"]), float(d["last_failure"]))
    except (OSError, ValueError, KeyError, TypeError):
        return Attempts()


def _write_attempts(keyfile: str | os.PathLike[str], a: Attempts) -> None:
    path = attempts_path(keyfile)
    try:
        if a.failures == 0:
            path.unlink(missing_ok=True)
        else:
            write_atomically(path, json.dumps({"failures": a.failures, "last_failure": a.last_failure}).encode())
    except OSError:  # a read-only folder must not stop anyone opening their records
        pass


# --------------------------------------------------------------------------- the key file


def create_keyfile(path: str | os.PathLike[str], passphrase: str, *, params: KdfParams | None = None,
                   data_key: bytes | None = None) -> bytes:
    """Make a new data key (or use ``data_key``), lock it with ``passphrase`` in ``path``.

    Refuses to overwrite an existing key file: that would lose the records it unlocks.
    """
    check_new_passphrase(passphrase)
    path = Path(path)
    if path.exists():
        raise UserFacingError(f"A key file already exists at {path}; it was not replaced.")
    data_key = data_key if data_key is not None else new_data_key()
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    write_keyfile(path, wrap(data_key, passphrase, params))
    return data_key


def unlock(path: str | os.PathLike[str], passphrase: str, *, now: Callable[[], float] = time.time) -> bytes:
    """The data key in the key file at ``path``.

    Raises :class:`TryAgainLater` while a slow-down is running (the passphrase is then not even
    tried), :class:`WrongPassphrase` for a wrong one (the count of failures goes up and is
    saved), :class:`~.keyfile.KeyFileDamaged` when the file is missing or damaged.
    """
    attempts = read_attempts(path)
    wait = attempts.wait_remaining(now())
    if wait > 0:
        raise TryAgainLater(wait)
    kf = read_keyfile(path)
    data_key = _unwrap(kf, passphrase)
    if data_key is None:
        attempts = Attempts(attempts.failures + 1, now())
        _write_attempts(path, attempts)
        wait = delay_after(attempts.failures)
        msg = "That passphrase does not unlock these records. Nothing has been changed or deleted."
        if wait:
            msg += f" Too many tries in a row: please wait {_plain_seconds(wait)} before the next one."
        raise WrongPassphrase(msg, wait)
    if attempts.failures:
        _write_attempts(path, Attempts())
    return data_key


def change_passphrase(path: str | os.PathLike[str], old: str, new: str, *,
                      params: KdfParams | None = None) -> None:
    """Lock the same data key with ``new`` (new salt and nonce); the database is untouched.

    The key file is replaced atomically: a crash leaves the old passphrase working.
    """
    check_new_passphrase(new)
    data_key = unlock(path, old)
    # Re-lock at today's cost (never weaker than what the app now uses).
    write_keyfile(path, wrap(data_key, new, params))
