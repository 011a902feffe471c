"""The small key file that sits beside an encrypted database (``pathway.db`` → ``pathway.db.key``).

It holds nothing secret on its own: the Argon2id parameters and salt, the random 32-byte data
key *wrapped* (AES-256-GCM) by the key derived from the passphrase, a passphrase check (so a
wrong passphrase is told apart from a damaged file) and a key check (so the unwrapped data key
is known to be the one the database was made with). A SHA-256 checksum over the rest tells a
damaged key file apart from a wrong passphrase.

The data key never changes for the life of the database, so any copy of the key file opens any
backup of the database, whatever passphrase each copy is locked with. Losing *every* copy of the
key file loses the records: backups must carry it (it is safe to copy; it is useless without the
passphrase).

The file is JSON so that a support person can see what it is; it is written to a temporary file,
flushed to disk and moved into place (``os.replace``), so a crash leaves either the old file or
the new one, never half of one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DatabaseProblem
from ..fileio import write_atomically

FORMAT = "pathway-planner-key"
VERSION = 1
SUFFIX = ".key"


class KeyFileDamaged(DatabaseProblem):
    """The key file is missing, unreadable, changed or from a newer version of the app."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes."""

    memory_kib: int = 64 * 1024
    time_cost: int = 3
    parallelism: int = 4

    def as_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "time_cost": self.time_cost, "parallelism": self.parallelism}

    def allowed(self) -> bool:
        """Within what the app itself uses, with a little room (:data:`MAX_KDF`). A file (a key
        file, a handover file) that asks for more is refused before anything is derived: each
        try of a passphrase would otherwise cost whatever the file's maker chose (4 GiB, 100
        passes)."""
        return (
            1 <= self.parallelism <= MAX_KDF.parallelism
            and 8 * self.parallelism <= self.memory_kib <= MAX_KDF.memory_kib
            and 1 <= self.time_cost <= MAX_KDF.time_cost
        )


#: The most a file may ask for: twice the memory and passes the app uses (64 MiB, 3), 8 lanes.
MAX_KDF = KdfParams(memory_kib=128 * 1024, time_cost=6, parallelism=8)


@dataclass(frozen=True)
class KeyFile:
    params: KdfParams
    salt: bytes  # 16 random bytes for Argon2id
    nonce: bytes  # 12 random bytes for AES-GCM
    wrapped_key: bytes  # the 32-byte data key + 16-byte tag
    passphrase_check: bytes  # 16 bytes of the Argon2id output not used as the wrapping key
    key_check: bytes  # HMAC-SHA256(data key, label)[:16]

    def associated_data(self) -> bytes:
        """What the wrapping authenticates besides the key: format, version and the KDF."""
        return _canonical({"format": FORMAT, "version": VERSION, "kdf": self.params.as_dict(), "salt": _b64(self.salt)})

    def to_json(self) -> dict[str, Any]:
        body = {
            "format": FORMAT,
            "version": VERSION,
            "kdf": {"name": "argon2id", **self.params.as_dict(), "salt": _b64(self.salt)},
            "wrap": {"alg": "A256GCM", "nonce": _b64(self.nonce), "data_key": _b64(self.wrapped_key)},
            "passphrase_check": _b64(self.passphrase_check),
            "key_check": _b64(self.key_check),
        }
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return body


def keyfile_path(db_path: str | os.PathLike[str]) -> Path:
    """Where the key file of the database at ``db_path`` lives."""
    p = Path(db_path)
    return p.with_name(p.name + SUFFIX)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: Any, n: int | None, what: str) -> bytes:
    if not isinstance(s, str):
        raise ValueError(f"{what} is not text")
    b = base64.b64decode(s.encode("ascii"), validate=True)
    if n is not None and len(b) != n:
        raise ValueError(f"{what} has {len(b)} bytes, expected {n}")
    return b


def read_keyfile(path: str | os.PathLike[str]) -> KeyFile:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileDamaged(
            f"The key file {path} is missing. The records cannot be opened without it: "
            "put back the copy kept with your backups."
        ) from None
    except OSError as exc:
        raise KeyFileDamaged(f"The key file {path} cannot be read ({exc.strerror}).") from None
    damaged = (
        f"The key file {path} is damaged, so the records cannot be unlocked with it. Your "
        "passphrase is not the problem: put back the copy of the key file kept with your backups."
    )
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a key file")
        if not isinstance(data.get("version"), int):
            raise ValueError("no version")
        if data["version"] > VERSION:
            raise KeyFileDamaged(
                f"The key file {path} was made by a newer version of Pathway Planner. "
                "Please update the app on this computer."
            )
        body = {k: v for k, v in data.items() if k != "checksum"}
        if data.get("checksum") != hashlib.sha256(_canonical(body)).hexdigest():
            raise ValueError("checksum")
        kdf, wrap = data["kdf"], data["wrap"]
        if kdf.get("name") != "argon2id" or wrap.get("alg") != "A256GCM":
            raise ValueError("algorithm")
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["time_cost"]), int(kdf["parallelism"]))
        if not params.allowed():
            raise KeyFileDamaged(
                f"The key file {path} asks for far more work to unlock than Pathway Planner ever uses "
                f"({params.memory_kib // 1024} MiB, {params.time_cost} passes), so it was not tried. "
                "Put back the copy kept with your backups."
            )
        return KeyFile(
            params=params,
            salt=_unb64(kdf["salt"], 16, "salt"),
            nonce=_unb64(wrap["nonce"], 12, "nonce"),
            wrapped_key=_unb64(wrap["data_key"], 48, "wrapped key"),
            passphrase_check=_unb64(data["passphrase_check"], 16, "passphrase check"),
            key_check=_unb64(data["key_check"], 16, "key check"),
        )
    except KeyFileDamaged:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise KeyFileDamaged(damaged) from None


def write_keyfile(path: str | os.PathLike[str], kf: KeyFile) -> None:
    """Write ``kf`` to ``path`` atomically and durably (temp file, fsync, rename, fsync dir)."""
    write_atomically(Path(path), json.dumps(kf.to_json(), indent=2).encode("utf-8") + b"\n")
