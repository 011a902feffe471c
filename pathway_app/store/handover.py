"""Handover files: one or more plans sealed with a passphrase, for moving a young person's plan
to another adviser or authority (an email attachment, a USB stick).

Layout (all integers big-endian)::

    magic        17 bytes  b"PATHWAY-HANDOVER\\n"
    version       2 bytes  1
    memory_kib    4 bytes  Argon2id cost
    time_cost     4 bytes
    parallelism   1 byte
    salt         16 bytes
    nonce        12 bytes
    check        16 bytes  Argon2id output bytes 32..47: tells a wrong passphrase apart
    header_sum    8 bytes  SHA-256 of everything above, first 8 bytes (accidental damage)
    ciphertext    ...      AES-256-GCM(zlib(plans file)), associated data = all of the above

The payload is :func:`.interchange.export_plans`' bytes; importing goes through
:func:`.interchange.import_plans`, so everything that import checks (and refuses as a whole)
still applies. The passphrase of a handover file should not be the database passphrase, and
should travel by another route (say it on the phone; don't put it in the same email).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import struct
import zlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import UserFacingError, WrongPassphrase
from ..fileio import write_atomically
from . import crypto
from .keyfile import KdfParams

if TYPE_CHECKING:
    from .interchange import ImportReport

MAGIC = b"PATHWAY-HANDOVER\n"
VERSION = 1
_FIXED = struct.Struct(">HIIB16s12s16s")
_SUM_BYTES = 8
HEADER_BYTES = len(MAGIC) + _FIXED.size + _SUM_BYTES
MAX_PAYLOAD = 512 * 1024 * 1024  # refuse to inflate more than this (a zip bomb is not a plan)


class NotAHandoverFile(UserFacingError):
    """The file is not a Pathway Planner handover file (or is from a newer version)."""


class HandoverDamaged(UserFacingError):
    """The file was changed or damaged after it was made; nothing was imported."""


class HandoverWrongPassphrase(WrongPassphrase):
    """The passphrase is not the one this handover file was sealed with."""


def seal(payload: bytes, passphrase: str, params: KdfParams | None = None) -> bytes:
    """The handover file for ``payload`` locked with ``passphrase``."""
    crypto.check_new_passphrase(passphrase)
    params = params or crypto.DEFAULT_PARAMS
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    nonce = secrets.token_bytes(crypto.NONCE_BYTES)
    key, check = crypto.derive(passphrase, salt, params)
    fixed = MAGIC + _FIXED.pack(VERSION, params.memory_kib, params.time_cost, params.parallelism, salt, nonce, check)
    header = fixed + hashlib.sha256(fixed).digest()[:_SUM_BYTES]
    return header + AESGCM(key).encrypt(nonce, zlib.compress(payload, 6), header)


def unseal(blob: bytes, passphrase: str) -> bytes:
    """The payload of a handover file. Raises :class:`NotAHandoverFile`,
    :class:`HandoverWrongPassphrase` or :class:`HandoverDamaged`."""
    if not blob.startswith(MAGIC):
        if MAGIC.startswith(blob[: len(MAGIC)]) and len(blob) < len(MAGIC):
            raise HandoverDamaged("The handover file is cut short; ask for it to be sent again. Nothing was imported.")
        raise NotAHandoverFile("This is not a Pathway Planner handover file. Nothing was imported.")
    if len(blob) < HEADER_BYTES + 16:
        raise HandoverDamaged("The handover file is cut short; ask for it to be sent again. Nothing was imported.")
    fixed = blob[: len(MAGIC) + _FIXED.size]
    header = blob[:HEADER_BYTES]
    version = struct.unpack(">H", fixed[len(MAGIC): len(MAGIC) + 2])[0]
    if version > VERSION:
        raise NotAHandoverFile(
            "This handover file was made by a newer version of Pathway Planner. Please update the app "
            "on this computer, then import it again."
        )
    if not hmac.compare_digest(hashlib.sha256(fixed).digest()[:_SUM_BYTES], header[len(fixed):]):
        raise HandoverDamaged(_CHANGED)
    _v, mem, t, par, salt, nonce, check = _FIXED.unpack(fixed[len(MAGIC):])
    params = KdfParams(mem, t, par)
    if not params.allowed():  # refused before anything is derived: each try would cost what the file asks
        raise HandoverDamaged(
            f"This handover file asks for far more work to open than Pathway Planner ever uses ({mem // 1024} MiB, "
            f"{t} passes), so it was not tried: it was not made by Pathway Planner, or it was changed. "
            "Nothing was imported; ask for it to be sent again."
        )
    key, expected = crypto.derive(passphrase, salt, params)
    if not hmac.compare_digest(check, expected):
        raise HandoverWrongPassphrase(
            "That passphrase does not open this handover file. Check it with the person who sent "
            "it (passphrases are case-sensitive). Nothing was imported."
        )
    try:
        compressed = AESGCM(key).decrypt(nonce, blob[HEADER_BYTES:], header)
    except InvalidTag:
        raise HandoverDamaged(_CHANGED) from None
    d = zlib.decompressobj()
    payload = d.decompress(compressed, MAX_PAYLOAD)
    if d.unconsumed_tail or not d.eof:
        raise HandoverDamaged("The handover file is larger than any set of plans can be; nothing was imported.")
    return payload


_CHANGED = (
    "The handover file has been changed or damaged since it was made, so it cannot be trusted. "
    "Nothing was imported; ask for it to be sent again."
)


def export_handover(store: Any, path: str | os.PathLike[str], passphrase: str,
                    ids: Iterable[str] | None = None, *, params: KdfParams | None = None) -> list[str]:
    """Seal the plans ``ids`` (default: all) into ``path`` (written atomically). Returns the ids."""
    from .interchange import export_plans

    wanted = sorted(set(store.ids() if ids is None else ids))
    blob = seal(export_plans(store, wanted, detail={"to": "handover file", "file": str(path)}), passphrase, params)
    write_atomically(Path(path), blob)
    return wanted


def import_handover(store: Any, path: str | os.PathLike[str], passphrase: str,
                    today: date | None = None) -> ImportReport:
    """Open the handover file at ``path`` and import its plans (all or nothing)."""
    from .interchange import import_plans

    try:
        blob = Path(path).read_bytes()
    except OSError as exc:
        raise UserFacingError(f"The handover file {path} could not be read ({exc.strerror}).") from None
    return import_plans(store, unseal(blob, passphrase), today, detail={"from": "handover file", "file": str(path)})
