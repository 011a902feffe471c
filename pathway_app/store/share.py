"""Share files: one young person's plan as a foster carer or key worker may see it, sealed with a
passphrase, worked on away from the records, and brought back.

The file is sealed exactly like a handover file (:func:`.handover.seal` / :func:`.handover.unseal`:
Argon2id and AES-256-GCM, and the same limits on what a file may ask of the machine). Inside::

    {"format": "pathway-planner-share", "format_version": 1,
     "file_id": <uuid>, "audience": "foster_carer" | "key_worker",
     "plan_id": <id>, "plan_version": <n>, "plans_format": <plans-file format of the copies>,
     "made_at": <UTC>, "made_by": <who made it>, "name": <the young person's name>,
     "base": <the audience's view of the plan when the file was made>,
     "plan": <the copy the carer or key worker works on>,
     "revision": <how many times it was saved back>, "saved_at": <UTC or null>}

``base`` never changes; ``plan`` is what the carer or key worker saves back into the same file
(:func:`save_share`). Back at the adviser's, :func:`read_return` shows what changed, field by
field, against the plan as it is now, and :func:`import_return` saves the changes the adviser
accepts as one audited change (see :mod:`pathway_app.domain.sharing` for the rules). Older
share files are brought up to date by :data:`STEPS`, like plans files.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..domain.audiences import Audience, view
from ..domain.model import Plan
from ..domain.serialize import DecodeError, plan_from_dict, plan_to_dict
from ..domain.sharing import (
    ALREADY,
    CONFLICT,
    SHARE_AUDIENCES,
    ReturnedChange,
    ShareRefused,
    against_now,
    check_return,
    merged,
    returned_copy,
    workspace_plan,
)
from ..domain.validation import ValidationError
from ..errors import UserFacingError
from ..fileio import write_atomically
from . import audit as _audit
from . import handover
from .keyfile import KdfParams
from .upgrades import current_version as plans_format_version
from .upgrades import upgrade as upgrade_plan

FORMAT = "pathway-planner-share"
FORMAT_VERSION = 1
SUFFIX = ".pathway-share"
#: ``STEPS[n]`` brings a version-``n`` share file's contents to version ``n + 1``.
STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
FROM_SHARE = "share file"
_ENVELOPE = frozenset({"format", "format_version", "file_id", "audience", "plan_id", "plan_version", "plans_format",
                       "made_at", "made_by", "name", "base", "plan", "revision", "saved_at"})


class ShareFileProblem(UserFacingError):
    """A share file that cannot be used: not one, damaged, for someone else, from a newer app."""


class ShareWrongPassphrase(ShareFileProblem):
    """The passphrase does not open this share file."""


class ReturnRefused(ShareFileProblem):
    """A returned share file that changes what its audience may not change: refused whole."""


@dataclass
class ShareFile:
    file_id: str
    audience: Audience
    plan_id: str
    plan_version: int
    made_at: str
    made_by: str
    name: str
    base: dict[str, Any]
    plan: dict[str, Any]
    revision: int = 0
    saved_at: str | None = None

    def workspace(self) -> Plan:
        """The plan the carer or key worker works on (see :func:`~.sharing.workspace_plan`)."""
        try:
            return workspace_plan(self.plan)
        except ShareRefused as exc:
            raise ShareFileProblem(f"The shared plan cannot be opened: {exc}. Nothing was changed.") from None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "file_id": self.file_id,
            "audience": self.audience.value, "plan_id": self.plan_id, "plan_version": self.plan_version,
            "plans_format": plans_format_version(), "made_at": self.made_at, "made_by": self.made_by,
            "name": self.name, "base": self.base, "plan": self.plan, "revision": self.revision,
            "saved_at": self.saved_at,
        }


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _audience(text: str) -> Audience:
    try:
        aud = Audience(text.replace("-", "_"))
    except ValueError:
        aud = None
    if aud not in SHARE_AUDIENCES:
        raise ShareFileProblem(f"A plan can be shared with a foster carer or a key worker, not “{text}”.")
    return aud


# --------------------------------------------------------------------------- making one


def make_share(plan: Plan, audience: Audience | str, *, made_by: str) -> ShareFile:
    """The share file's contents for ``plan`` as ``audience`` may see it (nothing is written)."""
    aud = _audience(audience.value if isinstance(audience, Audience) else audience)
    base = view(plan, aud).dict()
    return ShareFile(
        file_id=str(uuid.uuid4()), audience=aud, plan_id=plan.id, plan_version=plan.version, made_at=_now(),
        made_by=made_by, name=plan.person.display_name, base=base, plan=json.loads(json.dumps(base)),
    )


def seal_share(share: ShareFile, passphrase: str, params: KdfParams | None = None) -> bytes:
    data = json.dumps(share.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return handover.seal(data, passphrase, params)


def export_share(store: Any, plan_id: str, audience: Audience | str, path: str | os.PathLike[str],
                 passphrase: str, *, params: KdfParams | None = None) -> ShareFile:
    """Write the share file for one young person (atomically) and record it in the audit trail."""
    plan = store.load(plan_id, opened=False)
    share = make_share(plan, audience, made_by=getattr(store, "user", "") or "")
    write_atomically(Path(path), seal_share(share, passphrase, params))
    store.record_event(_audit.EXPORTED, plan.id, {
        "to": FROM_SHARE, "audience": share.audience.value, "file": str(path), "share_file": share.file_id})
    return share


# --------------------------------------------------------------------------- opening one


def unseal_share(blob: bytes, passphrase: str) -> ShareFile:
    """The contents of a share file, or :class:`ShareFileProblem` saying plainly why not."""
    try:
        data = handover.unseal(blob, passphrase)
    except handover.HandoverWrongPassphrase:
        raise ShareWrongPassphrase(
            "That passphrase does not open this shared plan. Check it with the person who made the file "
            "(passphrases are case-sensitive). Nothing was changed.") from None
    except handover.NotAHandoverFile as exc:
        newer = "newer version" in str(exc)
        raise ShareFileProblem(
            "This shared plan was made by a newer version of Pathway Planner. Please update the app, then "
            "open it again. Nothing was changed." if newer else
            "This is not a Pathway Planner shared plan. Nothing was changed.") from None
    except handover.HandoverDamaged:
        raise ShareFileProblem(
            "The shared plan file is damaged or cut short, so it cannot be trusted. Ask for it to be sent "
            "again. Nothing was changed.") from None
    return _read(data)


def _read(data: bytes) -> ShareFile:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ShareFileProblem("The shared plan file is damaged: its contents cannot be read. Nothing was changed.") from None
    if isinstance(doc, dict) and doc.get("format") == "pathway-planner-plans":
        raise ShareFileProblem("This is a handover file of plans, not a shared plan: import it with "
                               "“handover import”. Nothing was changed.")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ShareFileProblem("This is not a Pathway Planner shared plan. Nothing was changed.")
    version = doc.get("format_version")
    plans_format = doc.get("plans_format")
    if not isinstance(version, int) or isinstance(version, bool) or not isinstance(plans_format, int):
        raise ShareFileProblem("The shared plan file is damaged (its version is missing). Nothing was changed.")
    if version > FORMAT_VERSION or plans_format > plans_format_version():
        raise ShareFileProblem("This shared plan was made by a newer version of Pathway Planner. Please update "
                               "the app, then open it again. Nothing was changed.")
    for n in range(version, FORMAT_VERSION):
        doc = STEPS[n](doc)
    extra = sorted(set(doc) - _ENVELOPE)
    if extra:
        raise ShareFileProblem("The shared plan file holds something a shared plan never holds "
                               f"({', '.join(map(str, extra))}), so it cannot be trusted. Nothing was changed.")
    try:
        base, copy = doc["base"], doc["plan"]
        if not isinstance(base, dict) or not isinstance(copy, dict):
            raise TypeError
        base, copy = upgrade_plan(base, plans_format), upgrade_plan(copy, plans_format)
        share = ShareFile(
            file_id=str(doc["file_id"]), audience=_audience(str(doc["audience"])), plan_id=str(doc["plan_id"]),
            plan_version=int(doc["plan_version"]), made_at=str(doc["made_at"]), made_by=str(doc["made_by"]),
            name=str(doc.get("name", "")), base=base, plan=copy, revision=int(doc.get("revision", 0)),
            saved_at=doc.get("saved_at"),
        )
    except (KeyError, TypeError, ValueError):
        raise ShareFileProblem("The shared plan file is damaged: part of it is missing. Nothing was changed.") from None
    return share


def open_share(path: str | os.PathLike[str], passphrase: str) -> ShareFile:
    try:
        blob = Path(path).read_bytes()
    except OSError as exc:
        raise ShareFileProblem(f"The shared plan {path} could not be read ({exc.strerror}).") from None
    return unseal_share(blob, passphrase)


def save_share(path: str | os.PathLike[str], passphrase: str, share: ShareFile, edited: Plan, *,
               params: KdfParams | None = None) -> ShareFile:
    """Save the carer's or key worker's work back into the same file (a new copy of it is sealed
    and written atomically). Refused, with nothing written, where an edit is outside what the
    audience may change."""
    copy = returned_copy(share.plan, edited)
    try:
        check_return(share.audience, share.base, copy)
    except ShareRefused as exc:
        raise ReturnRefused(f"This cannot be saved into the shared plan: {exc}.") from None
    saved = ShareFile(**{**share.__dict__, "plan": copy, "revision": share.revision + 1, "saved_at": _now()})
    write_atomically(Path(path), seal_share(saved, passphrase, params))
    return saved


# --------------------------------------------------------------------------- bringing it back


@dataclass
class ReturnReport:
    """What a returned share file would change in the plan as it is now."""

    share: ShareFile
    file: str
    changes: list[ReturnedChange]
    now_version: int
    notes: list[str] = field(default_factory=list)
    already_imported: str = ""  # when this very file was imported before: when and by whom

    @property
    def to_decide(self) -> list[ReturnedChange]:
        """The changes the adviser accepts or rejects (what is already in the plan is not asked)."""
        return [c for c in self.changes if c.state != ALREADY]


def read_return(store: Any, path: str | os.PathLike[str], passphrase: str, share: ShareFile | None = None) -> ReturnReport:
    """Open a returned share file and line its changes up with the plan as it is now.

    Refuses (:class:`ShareFileProblem`) a file for a young person not in these records, and
    (:class:`ReturnRefused`) one that changes anything its audience may not change, naming the
    field. Nothing is changed.
    """
    share = share or open_share(path, passphrase)
    if not store.exists(share.plan_id):
        who = f" ({share.name})" if share.name else ""
        raise ShareFileProblem(f"This shared plan was made for a young person{who} who is not in these records. "
                               "Nothing was changed.")
    try:
        changes = check_return(share.audience, share.base, share.plan)
    except ShareRefused as exc:
        raise ReturnRefused(f"The returned plan was not imported (nothing was changed): {exc}.") from None
    plan = store.load(share.plan_id, opened=False)
    now = plan_to_dict(plan)
    report = ReturnReport(share, str(path), against_now(changes, share.base, now), plan.version)
    if plan.version > share.plan_version:
        report.notes.append(
            f"The file was made from version {share.plan_version} of the plan; it is now at version {plan.version}. "
            "Changes to anything that was changed here since are marked as conflicts: nothing is overwritten "
            "unless you accept it.")
    report.already_imported = _imported_before(store, share)
    return report


def _imported_before(store: Any, share: ShareFile) -> str:
    try:
        entries = _audit.history(store.engine, share.plan_id)
    except Exception:  # pragma: no cover - a database without the audit trail
        return ""
    for e in entries:
        d = e.detail
        if d.get("from") == FROM_SHARE and d.get("share_file") == share.file_id and d.get("revision") == share.revision:
            return f"{e.when:%d %B %Y at %H:%M} UTC by {e.user_name}".lstrip("0")
    return ""


@dataclass
class ImportOutcome:
    accepted: list[str]
    rejected: list[str]
    saved_version: int | None  # None when nothing was saved


def import_return(store: Any, report: ReturnReport, accept: Iterable[str], today: date | None = None) -> ImportOutcome:
    """Save the accepted changes (by path) as one audited change naming the file's audience; the
    others are rejected. Importing a file already imported does nothing."""
    if report.already_imported:
        return ImportOutcome([], [], None)
    wanted = set(accept)
    accepted = [c for c in report.to_decide if c.path in wanted]
    rejected = [c.path for c in report.to_decide if c.path not in wanted]
    unknown = wanted - {c.path for c in report.changes}
    if unknown:
        raise ValueError(f"not changes in this file: {sorted(unknown)}")
    detail = {"from": FROM_SHARE, "audience": report.share.audience.value, "file": report.file,
              "share_file": report.share.file_id, "revision": report.share.revision,
              "made_at": report.share.made_at, "rejected": rejected,
              "conflicts_accepted": [c.path for c in accepted if c.state == CONFLICT]}
    if not accepted:
        store.record_event(_audit.IMPORTED, report.share.plan_id, {**detail, "accepted": 0})
        return ImportOutcome([], rejected, None)
    plan = store.load(report.share.plan_id, opened=False)
    try:
        new = plan_from_dict(merged(plan_to_dict(plan), accepted))
    except DecodeError as exc:
        raise ReturnRefused(f"The returned plan was not imported (nothing was changed): it is damaged ({exc}).") from None
    new.version, new.updated_at = plan.version, plan.updated_at
    try:
        store.save(new, today, audit=detail)
    except ValidationError as exc:
        raise ReturnRefused("The accepted changes were not saved (nothing was changed): "
                            + "; ".join(str(p) for p in exc.problems)) from None
    return ImportOutcome([c.path for c in accepted], rejected, new.version)
