""""Everything we hold about you": the subject access bundle as a readable PDF.

    from pathway_app.export.subject_access import render_subject_access_pdf
    render_subject_access_pdf(bundle, "everything-held.pdf")

``bundle`` is the plain dict from :func:`pathway_app.store.subject_access.subject_access_bundle`
(this package never imports the store: it reads only the dict). :func:`document_model` builds it
as the same :class:`~pathway_app.export.model.Document` as every edition of the plan, and
:mod:`pathway_app.export.render` draws it. Sections:

1. About this document — what it is, the young person's rights in plain words, what the
   "For review" marks mean, how long records are kept;
2. Your plan — every field of the plan with words for codes and dates written out; fields
   with nothing recorded are listed by name, so nothing is silently missing (one part of the
   outline for each part of the plan: :mod:`.outline`);
3. Prompts and checks — what was done about each prompt;
4. The history of your record — who opened, changed, exported or printed it, and what changed;
5. Information about other people — every part marked for review, where it is and why.

Every piece of information about another person is a :class:`~pathway_app.export.model.Marked`
value: it carries a visible "For review" mark on an amber band wherever it appears. Page
furniture (OFFICIAL-SENSITIVE, Page X of Y), fonts per script, escaping of user text and the
bookmarks come from the renderer; the file is written atomically. Every field's and part's name
is the field catalogue's (:mod:`pathway_app.domain.fields`); the words for values and the
history, and this document's own headings, are in :mod:`.words`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..model import MARKING, Block, Callout, Cell, Document, Heading, KeyValues, Marked, Para, Section, Table
from .outline import Group, Row, hidden_names, item_title, places, plan_outline
from .words import (
    ABOUT_TITLE,
    HISTORY_COLUMNS,
    HISTORY_TITLE,
    MARK,
    OTHER_PEOPLE_COLUMNS,
    OTHER_PEOPLE_TITLE,
    PLAN_TITLE,
    TITLE,
    change_words,
    date_words,
    entry_words,
    gone_names,
    moment,
    name,
    reason,
    remembered,
    value,
)

__all__ = [
    "EDITION", "MARK", "TITLE", "Group", "Row", "change_words", "document_model", "entry_words", "moment", "name",
    "plan_outline", "render_subject_access_bytes", "render_subject_access_pdf", "value",
]

EDITION = "subject-access"
PROMPTS = "prompt_responses"  # answers to the planner's prompts: a section of their own


def render_subject_access_pdf(bundle: dict[str, Any], out_path) -> Path:
    """Draw ``bundle`` as "Everything we hold about you" and write it atomically to ``out_path``."""
    from .. import _write_atomically

    return _write_atomically(render_subject_access_bytes(bundle), Path(out_path))


def render_subject_access_bytes(bundle: dict[str, Any]) -> bytes:
    from ..render import render_bytes

    return render_bytes(document_model(bundle))


def document_model(bundle: dict[str, Any]) -> Document:
    """The whole document for ``bundle``: its cover, sections and PDF metadata (pure)."""
    about = bundle["about"]
    name = about.get("young_person") or "(no name)"
    parts = _Parts(bundle)
    return Document(
        edition=EDITION,
        title=TITLE,
        person_name=name,
        produced_on=date.fromisoformat(about["produced_on"]),
        version=int(about.get("plan_version") or 0),
        cover=parts.cover(),
        sections=[parts.about_this(), parts.your_plan(), *parts.plan_parts(), parts.prompts(), parts.history(),
                  parts.third_party()],
        author=about.get("produced_by") or "Pathway Planner",
        subject=f"Subject access: everything held about {name}",
        keywords="subject access request, leaving care, " + MARKING,
    )


def prompt_words(pr: dict[str, Any]) -> str:
    """What a prompt said, in the planner's words (the bundle keeps its rule's reference)."""
    from ...domain.guidance.rules import rules_by_id

    rule_id = str(pr.get("rule_id", ""))
    rule_part, _sep, subject = rule_id.partition(":")
    rule = rules_by_id().get(rule_part)
    if rule is None:
        return pr.get("prompt") or rule_id
    return rule.practitioner_text.replace("{area}", value("support_areas.area", subject))


def mark_text(flag: dict[str, Any]) -> str:
    """The words of a mark. They never repeat the other person's name: the marked text beside it
    says who it is, and the list at the end names them for the reviewer."""
    return f"{MARK} · {reason(flag)}"


class _Parts:
    """The cover and sections of one bundle; knows which values are marked for review."""

    def __init__(self, bundle: dict[str, Any]):
        self.b = bundle
        self.about = bundle["about"]
        self.flags: dict[str, dict[str, Any]] = {t["path"]: t for t in bundle.get("third_party", [])}
        plan = bundle["plan"]
        entries = bundle.get("history", {}).get("entries", [])
        self.outline = plan_outline(plan)
        self.places = places(self.outline)
        # the history names records as the plan does now, or as they last were; never by words
        # marked for review (those records go by their heading in "Your plan")
        self.seen = remembered(plan, entries)
        self.names = hidden_names(plan, set(self.flags)) | gone_names(plan, entries, set(self.flags))
        self.first = self.about.get("young_person", "").split(" ")[0] or "the young person"

    def marked(self, value: str, path: str, *, in_table: bool = False) -> Cell:
        """``value``, marked for review when the bundle marks its path. A table cell has room
        for the mark alone; the list at the end says why."""
        flag = self.flags.get(path)
        if flag is None:
            return value
        return Marked(value, MARK if in_table else mark_text(flag))

    # ---------------------------------------------------------------- cover and about

    def cover(self) -> list[Block]:
        a = self.about
        n = len(self.b.get("third_party", []))
        rows: list[tuple[str, Cell]] = [
            ("About", a.get("young_person", "")),
            (name("person.date_of_birth"), date_words(a.get("date_of_birth")) or "Not recorded"),
            ("Asked for on", date_words(a.get("requested_on"))),
            ("Answer due by", date_words(a.get("response_due_by"))),
            ("Produced on", date_words(a.get("produced_on"))),
            ("Produced by", a.get("produced_by", "")),
            (name("id"), a.get("plan_id", "")),
            ("Records kept until", date_words(a.get("keep_until")) or "Not known (no date of birth recorded)"),
            ("Parts marked for review", str(n)),
        ]
        out: list[Block] = [KeyValues(rows)]
        if n:
            out.append(Callout(
                f"{n} part{'s' if n != 1 else ''} of this document {'are' if n != 1 else 'is'} about other people "
                f"and marked “{MARK}” on an amber band. Check each one before this copy is given to "
                f"{self.first}; they are all listed in “{OTHER_PEOPLE_TITLE}” at the end.",
                "Before this is released", tone="warm",
            ))
        return out

    def about_this(self) -> Section:
        a = self.about
        due = date_words(a.get("response_due_by"))
        asked = date_words(a.get("requested_on"))
        keep = date_words(a.get("keep_until"))
        return Section(ABOUT_TITLE, "about", [
            Para(
                "This is a copy of everything we hold about you in Pathway Planner, the system your leaving-care "
                "team uses for your pathway plan. It has every part of your plan, including notes and dates, "
                "and a list of every time someone opened, changed, printed or exported your record.", "lead"),
            Heading("Your rights"),
            Para(
                "You have the right to see the information we hold about you. Asking for it is called a "
                "“subject access request”, and it is normally free. "
                f"You asked on {asked}. We should give you everything within one month: by {due}.\n"
                "If something here is wrong, you can ask us to correct it. If you disagree with something we "
                "wrote, you can ask us to add your view to your record.\n"
                "If you are not happy with how we have dealt with your request, tell us first. You can also "
                "complain to the Information Commissioner's Office (ICO), which makes sure organisations "
                "look after people's information properly."),
            Heading(f"Parts marked “{MARK}”"),
            Para(
                "Some of the information about you is also about other people: your family, carers, friends and "
                f"staff. Those parts are marked “{MARK}” on an amber band. Before this copy is given to you, someone "
                "checks each of them. Most of it is usually shared. Sometimes a part may be left out or blacked out, "
                "for example when the other person has not agreed and sharing it would not be fair to them, or when "
                "it could put someone at risk. Wherever we can, we will tell you what was left out and why."),
            Heading("How long we keep your records"),
            Para(
                "Records about young people who were in care are kept until their 75th birthday"
                + (f": for you, that is {keep}." if keep else ". Your date of birth is not recorded, so we cannot say the date yet.")
                + " They are kept even after you stop getting support from the leaving-care team."),
            Heading("How to read this document"),
            Para(
                f"“{PLAN_TITLE}” shows every piece of your plan. Where nothing has been written down yet, the "
                "heading is listed under “Nothing recorded for”, so you can see nothing has been left out. "
                f"“{HISTORY_TITLE}” shows who did what and when (times are in UTC, which is UK "
                "winter time). A computer file (JSON) comes with this document: it holds exactly the same "
                "information, including the reference numbers the system uses, in a form another computer "
                "can read."),
        ])

    # ---------------------------------------------------------------- the plan

    def your_plan(self) -> Section:
        return Section(PLAN_TITLE, "plan", [Para("Everything in your pathway plan, part by part.", "muted")], new_page=True)

    def plan_parts(self) -> list[Section]:
        """One section within "Your plan" for each part of the plan, in the plan's own order."""
        return [self._plan_part(title, key, groups) for title, key, groups in self.outline]

    def _plan_part(self, title: str, key: str, groups: list[Group]) -> Section:
        s = Section(title, key, level=1)
        shown = False
        for g in groups:
            if g.title:
                s.blocks.append(Heading(g.title, 3 if g.level <= 2 else 4))
            if g.table == ():
                s.blocks.append(Para("None recorded.", "empty"))
                continue
            if g.table is not None:
                n = len(g.table)
                widths = {3: (0.34, 0.2, 0.46), 4: (0.42, 0.2, 0.16, 0.22)}.get(n, tuple([1 / n] * n))
                rows = [tuple(self.marked(c.value, c.path, in_table=True) for c in row) for row in g.table_rows or []]
                s.blocks.append(Table(g.table, rows, widths, empty="None recorded."))
                shown = True
                continue
            if g.rows:
                s.blocks.append(KeyValues([(r.key, self.marked(r.value, r.path)) for r in g.rows]))
            if g.empty:
                s.blocks.append(Para("Nothing recorded for: " + ", ".join(g.empty) + ".", "empty"))
            shown = shown or bool(g.rows or g.empty or g.title)
        if not shown:
            s.blocks.append(Para("Nothing recorded.", "empty"))
        return s

    def where(self, path: str) -> str:
        """Where a marked part of this document is, in words."""
        if path in self.places:
            return self.places[path]
        if path.startswith(f"plan.{PROMPTS}["):
            i = int(path.split("[", 1)[1].split("]", 1)[0])
            items = self.b["plan"].get(PROMPTS, [])
            head = item_title(PROMPTS, items[i], i) if i < len(items) else ""
            return f"{name(PROMPTS)} — {head}: {name(PROMPTS + '.' + path.rsplit('.', 1)[1])}"
        if path.startswith("history.entries[]"):
            return f"{HISTORY_TITLE}: {HISTORY_COLUMNS[1]}"
        if path.startswith("history.entries["):
            n = int(path.split("[", 1)[1].split("]", 1)[0]) + 1
            return f"{HISTORY_TITLE} — entry {n}"
        return PLAN_TITLE

    # ---------------------------------------------------------------- prompts, history, other people

    def prompts(self) -> Section:
        s = Section(name(PROMPTS), "prompts", [Para(
            "The system reminds your adviser about things that often matter to young people leaving care. "
            "This is what was done about each reminder.", "muted")])
        rows = []
        for i, pr in enumerate(self.b.get("prompt_responses", [])):
            path = f"plan.{PROMPTS}[{i}]"
            answer = value(f"{PROMPTS}.answer", pr.get("answer"))
            if pr.get("until"):
                answer += f" (until {value(f'{PROMPTS}.until', pr['until'])})"
            rows.append((
                prompt_words(pr),
                answer,
                self.marked(pr.get("note", ""), path + ".note", in_table=True),
                self.marked(pr.get("by", ""), path + ".by", in_table=True),
                value(f"{PROMPTS}.at", pr.get("at")),
            ))
        header = tuple(name(f"{PROMPTS}.{c}") for c in ("rule_id", "answer", "note", "by", "at"))
        s.blocks.append(Table(header, rows, (0.3, 0.14, 0.26, 0.14, 0.16),
                              empty="No reminders have been answered in your record."))
        return s

    def history(self) -> Section:
        h = self.b.get("history", {})
        s = Section(HISTORY_TITLE, "history", [Para(h.get("note", ""), "muted")])
        if not h.get("available"):
            s.blocks.append(Callout(
                "There is no history of who opened or changed your record to show here.", tone="missing"))
            return s
        staff = self.flags.get("history.entries[].user")
        if staff:
            s.blocks.append(Callout(f"{mark_text(staff)}: the “{HISTORY_COLUMNS[1]}” column names staff who used your record.",
                                    tone="warm"))
        rows = []
        for i, e in enumerate(h.get("entries", [])):
            # each change on its own line; a change to information about someone else is marked
            changes = [self.marked(change_words(c, self.seen, self.names), f"history.entries[{i}].changes[{j}]")
                       for j, c in enumerate(e.get("changes", []))]
            rows.append((moment(e.get("at", "")), e.get("user", ""), entry_words(e), changes or ""))
        s.blocks.append(Table(HISTORY_COLUMNS, rows, (0.17, 0.15, 0.2, 0.48),
                              empty="Nothing has been recorded yet.", band_from=3))
        return s

    def third_party(self) -> Section:
        items = self.b.get("third_party", [])
        s = Section(OTHER_PEOPLE_TITLE, "third-party", [Para(
            f"Every part of this document marked “{MARK}”, where to find it and why it is marked. Marking "
            "a part does not mean it will be held back: it means a person must look at it first. This list "
            "is for the person doing that check.", "muted")])
        if items:
            reasons: dict[str, str] = {}
            for t in items:
                reasons.setdefault(reason(t), t.get("why", ""))
            s.blocks.append(Heading("Why parts are marked"))
            s.blocks.append(KeyValues([(k[0].upper() + k[1:], v) for k, v in reasons.items()]))
        rows = []
        for t in items:
            why = reason(t)
            rows.append((Marked(self.where(t["path"]), MARK), t.get("about", ""),
                         why[:1].upper() + why[1:]))
        s.blocks.append(Table(OTHER_PEOPLE_COLUMNS, rows, (0.46, 0.24, 0.3),
                              empty="Nothing in this document is about anyone else."))
        return s
