""""Everything we hold about you": the subject access bundle as a readable PDF.

    from pathway_app.export.subject_access import render_subject_access_pdf
    render_subject_access_pdf(bundle, "everything-held.pdf")

``bundle`` is the plain dict from :func:`pathway_app.store.subject_access.subject_access_bundle`
(this module never imports the store: it reads only the dict). Sections:

1. About this document — what it is, the young person's rights in plain words, what the
   "For review" marks mean, how long records are kept;
2. Your plan — every field of the plan with words for codes and dates written out; fields
   with nothing recorded are listed by name, so nothing is silently missing;
3. Prompts and checks — what was done about each prompt;
4. The history of your record — who opened, changed, exported or printed it, and what changed;
5. Information about other people — every part marked for review, where it is and why.

Every piece of information about another person carries a visible "For review" mark on an
amber band wherever it appears. Page furniture (OFFICIAL-SENSITIVE, Page X of Y), fonts per
script, escaping of user text and the bookmarks come from :mod:`pathway_app.export.render`;
the file is written atomically.
"""

from __future__ import annotations

import dataclasses
import io
import re
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..domain import model as m
from ..domain.dates import fmt
from ..domain.labels import label
from . import model as dm

TITLE = "Everything we hold about you"
EDITION = "subject-access"
MARK = "For review"
AMBER_BG = "#fff3cd"
AMBER_LINE = "#d39e00"
AMBER_INK = "#7a4a00"

# --------------------------------------------------------------------------- words for the plan's fields

SECTION_TITLES: dict[str, str] = {
    "person": "About you",
    "care_episodes": "Where you have lived",
    "relationships": "People in your life",
    "education": "Education, training and work",
    "home": "Your home",
    "staying_put": "Staying Put",
    "staying_close": "Staying Close",
    "health": "Health and wellbeing",
    "money": "Money",
    "skills": "Everyday skills",
    "identity": "Identity",
    "life_story": "Life story",
    "support_areas": "Your plan, area by area",
    "contingency": "If things don't go to plan",
    "reviews": "Reviews of your plan",
    "advisers": "Personal advisers",
    "prompt_responses": "Prompts and checks",
}
RECORD_TITLE = "Dates and record details"

FIELD_LABELS: dict[str, str] = {
    "given_name": "Given name",
    "family_name": "Family name",
    "preferred_name": "Known as",
    "date_of_birth": "Date of birth",
    "phone": "Phone",
    "email": "Email",
    "legal_status": "Legal status",
    "local_authority": "Local authority",
    "immigration_status": "Immigration status",
    "parenting": "Being a parent",
    "parenting_notes": "Notes about being a parent",
    "youth_justice": "Involved with youth justice",
    "youth_justice_notes": "Youth justice notes",
    "detained_or_in_hospital_on_16th_birthday": "Detained or in hospital on 16th birthday",
    "about_me_own_words": "About me, in your own words",
    "home_type": "Type of home",
    "short_break": "Short break (respite)",
    "home_name": "Home",
    "relationship_type": "Who they are",
    "description": "Description",
    "contact_frequency": "How often you are in touch",
    "contact_means": "How you keep in touch",
    "there_at_25": "There for you at 25",
    "keep_in_touch_plan": "Plan for keeping in touch",
    "in_support_plan": "Part of your support plan",
    "what_they_bring": "What they bring",
    "safety_notes": "Safety notes",
    "contact_restrictions": "Contact restrictions",
    "expected_end": "Expected to finish",
    "year_round_housing": "Housing all year round",
    "designated_contact": "Contact at college or university",
    "current_type": "Type of home now",
    "current_name": "Home now",
    "current_since": "Living there since",
    "planned_type": "Planned type of home",
    "planned_description": "Planned home",
    "planned_move_date": "Planned move date",
    "fallback": "If the move doesn't work out",
    "carer_name": "Carer",
    "house_agreements": "House agreements",
    "review_date": "Review date",
    "new_home": "New home",
    "come_back": "Coming back",
    "how_keep_in_touch": "How they keep in touch",
    "emotional_wellbeing": "Emotional wellbeing",
    "mental_health": "Mental health",
    "mental_health_need": "Mental health need",
    "adult_services_transition": "Move to adult services",
    "gp_registered": "Registered with a GP",
    "bank_account": "Bank account",
    "council_tax_exemption": "Council tax exemption",
    "local_offer_explained_on": "Local offer explained on",
    "own_words": "In your own words",
    "recorded_with_young_person": "Recorded with you",
    "when": "When",
    "kind": "Kind",
    "assessment": "Assessment",
    "fallback_home": "Fallback home",
    "who_to_call": "Who to call",
    "held_on": "Held on",
    "participants": "Who was there",
    "young_person_views": "Your views",
    "handover_notes": "Handover notes",
    "needs_assessment_done_on": "Needs assessment done on",
    "plan_agreed_on": "Plan agreed on",
    "review_requested_on": "Review asked for on",
    "pa_support_to_25": "Asked for PA support to 25",
    "id": "Reference",
    "version": "Version",
    "created_at": "Record created",
    "updated_at": "Last saved",
    "rule_id": "Prompt",
    "by_when": "By when",
    "what": "What",
    "who": "Who",
    "by": "By",
    "at": "When",
    "until": "Until",
    "answer": "Answer",
    "note": "Note",
    "key": "Skill",
    "level": "Level",
    "status": "Status",
}
# Internal bookkeeping kept in the JSON file but not spelled out in the PDF.
_PDF_SKIP = frozenset({"id", "fingerprint"})

_KIND_WORDS = {
    "person": "information about another person",
    "safety": "safety note involving another person",
    "staff": "names someone who worked with you",
    "carer": "about your carer",
    "contact": "other people's contact details",
    "mention": "mentions someone else by name",
}

ACTION_WORDS = {
    "opened": "Opened the record",
    "created": "Created the record",
    "changed": "Changed the record",
    "exported": "Exported the record",
    "printed": "Printed the record",
    "imported": "Imported the record",
    "deleted": "Deleted the record",
}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _inner(tp: Any) -> Any:
    """``X | None`` → X; ``list[X]`` stays."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return tp


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


def words_for(value: Any, tp: Any = None, name: str = "") -> str:
    """A field's value in words: codes through the vocabularies, dates written out."""
    tp = _inner(tp) if tp is not None else None
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if _is_enum(tp):
        try:
            return label(tp(value))
        except ValueError:
            return str(value)
    if name == "key" and isinstance(value, str):
        return label(value, "Skill")
    if tp is date and isinstance(value, str):
        try:
            return fmt(date.fromisoformat(value))
        except ValueError:
            return value
    if tp is datetime and isinstance(value, str):
        return moment(value)
    if isinstance(value, (list, dict)):
        return _short_json(value)
    return str(value)


def moment(text: str) -> str:
    """``2026-11-23T14:05:09Z`` → "23 November 2026, 14:05 UTC"."""
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return str(text)
    return f"{fmt(dt.date())}, {dt:%H:%M} UTC"


def _short_json(v: Any) -> str:
    if isinstance(v, dict):
        for k in ("name", "title", "what", "area", "rule_id"):
            if v.get(k):
                return str(v[k])
        return ", ".join(f"{field_label(k)}: {words_for(x)}" for k, x in v.items() if x not in (None, "", [], {}) and k not in _PDF_SKIP)
    if isinstance(v, list):
        return ", ".join(_short_json(x) if isinstance(x, (dict, list)) else str(x) for x in v)
    return str(v)


# --------------------------------------------------------------------------- an intermediate, reportlab-free outline


@dataclasses.dataclass
class Row:
    key: str
    value: str
    path: str  # the field's path in the bundle, "plan.relationships[2].phone"


@dataclasses.dataclass
class Group:
    """A heading (optional) and the rows under it; ``table`` groups are drawn as a table."""

    title: str
    rows: list[Row]
    empty: list[str]  # names of fields with nothing recorded
    level: int = 2
    table: tuple[str, ...] | None = None  # column keys, when drawn as a table
    table_rows: list[list[Row]] | None = None


def _span(item: dict[str, Any]) -> str:
    start, end = words_for(item.get("start"), date), words_for(item.get("end"), date)
    if not start and not end:
        return ""
    return f"{start or 'date not recorded'} to {end or 'now'}"


def _item_title(list_name: str, item: dict[str, Any], i: int) -> str:
    """A heading for one record of a list. Headings never carry another person's name or words
    (those are in the marked rows below), so a reviewer need only look at marked rows."""
    n = i + 1
    if list_name == "relationships":
        kind = words_for(item.get("relationship_type"), m.RelationshipType)
        return f"Person {n}" + (f" ({kind})" if kind else "")
    if list_name == "advisers":
        span = _span(item)
        return f"Personal adviser {n}" + (f": {span}" if span else "")
    if list_name == "care_episodes":
        kind = words_for(item.get("home_type"), m.HomeType)
        span = _span(item)
        return f"Home {n}" + (f" ({kind})" if kind else "") + (f": {span}" if span else "")
    if list_name == "life_story":
        kind = words_for(item.get("kind"), m.LifeStoryKind)
        when = words_for(item.get("when"), date)
        return f"Entry {n}" + (f" ({kind})" if kind else "") + (f", {when}" if when else "")
    if list_name == "reviews":
        return f"Review on {words_for(item.get('held_on'), date)}" if item.get("held_on") else f"Review {n}"
    if list_name == "support_areas":
        return label(item.get("area"), "Area")
    if list_name == "staff":
        return f"Person {n}"
    if list_name == "skills":
        return label(item.get("key"), "Skill")
    if list_name == "actions":
        return f"Action {n}"
    return f"{n}"


def _rows_for(obj: dict[str, Any], cls: type, path: str) -> tuple[list[Row], list[str], list[tuple[str, list, type]]]:
    """Scalar rows, empty field names and nested lists of one record."""
    hints = _hints(cls)
    rows, empty, lists = [], [], []
    for f in dataclasses.fields(cls):
        name = f.name
        if name in _PDF_SKIP or (cls is m.SupportArea and name == "area"):  # the area is the heading
            continue
        tp = hints[name]
        value = obj.get(name)
        if typing.get_origin(tp) is list:
            (item_tp,) = typing.get_args(tp)
            lists.append((name, value or [], item_tp))
            continue
        if dataclasses.is_dataclass(_inner(tp)):
            continue
        words = words_for(value, tp, name)
        if words.strip():
            rows.append(Row(field_label(name), words, f"{path}.{name}"))
        else:
            empty.append(field_label(name))
    return rows, empty, lists


def plan_outline(plan_d: dict[str, Any]) -> list[tuple[str, str, list[Group]]]:
    """(title, bookmark, groups) for each part of the plan, in the plan's own order."""
    hints = _hints(m.Plan)
    parts: list[tuple[str, str, list[Group]]] = []
    record_rows: list[Row] = []
    record_empty: list[str] = []
    for f in dataclasses.fields(m.Plan):
        name = f.name
        tp = hints[name]
        value = plan_d.get(name)
        path = f"plan.{name}"
        if name == "prompt_responses":
            continue  # its own section
        if typing.get_origin(tp) is list:
            (item_tp,) = typing.get_args(tp)
            groups = []
            for i, item in enumerate(value or []):
                groups.extend(_record_groups(item, item_tp, f"{path}[{i}]", _item_title(name, item, i)))
            if name == "skills":
                groups = [_table_group("", value or [], item_tp, path, ("key", "level", "notes"))]
            if not groups:
                groups = [Group("", [], [], level=2)]
            parts.append((SECTION_TITLES.get(name, field_label(name)), f"plan-{name}", groups))
        elif dataclasses.is_dataclass(tp):
            parts.append((SECTION_TITLES.get(name, field_label(name)), f"plan-{name}", _record_groups(value or {}, tp, path, "")))
        else:
            words = words_for(value, tp, name)
            if name == "version":
                words = str(value)
            if words.strip():
                record_rows.append(Row(field_label(name), words, path))
            else:
                record_empty.append(field_label(name))
    parts.append((RECORD_TITLE, "plan-record", [Group("", record_rows, record_empty)]))
    return parts


def _record_groups(obj: dict[str, Any], cls: type, path: str, title: str) -> list[Group]:
    rows, empty, lists = _rows_for(obj, cls, path)
    out = [Group(title, rows, empty)]
    for name, items, item_tp in lists:
        lpath = f"{path}.{name}"
        if name == "actions":
            out.append(_table_group("Actions", items, item_tp, lpath, ("what", "who", "by_when", "status")))
        else:
            for i, item in enumerate(items):
                sub = _record_groups(item, item_tp, f"{lpath}[{i}]", _item_title(name, item, i))
                for g in sub:
                    g.level = 3
                out.extend(sub)
            if not items:
                out.append(Group(field_label(name), [], [], level=3, table=(), table_rows=[]))
    return out


def _table_group(title: str, items: list[dict[str, Any]], cls: type, path: str, cols: tuple[str, ...]) -> Group:
    hints = _hints(cls)
    rows = []
    for i, item in enumerate(items):
        rows.append([Row(field_label(c), words_for(item.get(c), hints[c], c), f"{path}[{i}].{c}") for c in cols])
    return Group(title, [], [], level=3, table=tuple(field_label(c) for c in cols), table_rows=rows)


# --------------------------------------------------------------------------- the history in words


def _id_names(plan_d: dict[str, Any]) -> dict[str, str]:
    """Record id → the record's heading in this document, for the history's change paths."""
    out: dict[str, str] = {}
    for lst in ("care_episodes", "relationships", "skills", "life_story", "reviews", "advisers", "prompt_responses"):
        for i, item in enumerate(plan_d.get(lst, [])):
            out[str(item.get("id"))] = _item_title(lst, item, i) if lst != "prompt_responses" else f"reminder {i + 1}"
    for i, item in enumerate(plan_d.get("staying_close", {}).get("staff", [])):
        out[str(item.get("id"))] = _item_title("staff", item, i)
    for sa in plan_d.get("support_areas", []):
        out[str(sa.get("area"))] = label(sa.get("area"), "Area")
        for i, a in enumerate(sa.get("actions", [])):
            out[str(a.get("id"))] = _item_title("actions", a, i)
    return out


def change_place(path: str, names: dict[str, str]) -> str:
    """``relationships[<id>].phone`` → "People in your life › Person 3 (Parent) › Phone"."""
    order = path.endswith("#order")
    path = path.removesuffix("#order")
    out = []
    for i, seg in enumerate(re.findall(r"[^.\[\]]+|\[[^\]]*\]", path)):
        if seg.startswith("["):
            key = seg[1:-1]
            out.append(names.get(key) or "a record no longer in the plan")
        elif i == 0:
            out.append(SECTION_TITLES.get(seg, field_label(seg)))
        else:
            out.append(field_label(seg))
    return " › ".join(out) + (" (order)" if order else "")


def change_words(c: dict[str, Any], names: dict[str, str]) -> str:
    place = change_place(str(c.get("path") or ""), names)
    before, after = c.get("before"), c.get("after")
    if str(c.get("path") or "").endswith("#order"):
        return f"{place}: put in a new order"
    if before is None and isinstance(after, dict):
        return f"{place}: added"
    if after is None and isinstance(before, dict):
        return f"{place}: removed"

    def w(v: Any) -> str:
        if v is None or v == "":
            return "(empty)"
        s = words_for(v)
        return f"“{s}”" if isinstance(v, str) else s

    # (no arrow: Noto Sans as shipped has no "→", and it would print as a [U+2192] marker)
    return f"{place}: was {w(before)}, now {w(after)}"


def entry_words(e: dict[str, Any]) -> str:
    what = ACTION_WORDS.get(str(e.get("action")), str(e.get("action", "")).capitalize())
    v = e.get("plan_version")
    extra = [f"{k.replace('_', ' ')}: {words_for(x)}" for k, x in sorted((e.get("detail") or {}).items())
             if k not in ("name",) and x not in (None, "", [], {})]
    return what + (f" (version {v})" if v is not None else "") + ("; " + "; ".join(extra) if extra else "")


# --------------------------------------------------------------------------- rendering


def render_subject_access_pdf(bundle: dict[str, Any], out_path) -> Path:
    """Draw ``bundle`` as "Everything we hold about you" and write it atomically to ``out_path``."""
    from . import _write_atomically

    return _write_atomically(render_subject_access_bytes(bundle), Path(out_path))


def document_model(bundle: dict[str, Any]) -> dm.Document:
    """The page furniture's model: title, marking, produced date, version and PDF metadata."""
    about = bundle["about"]
    name = about.get("young_person") or "(no name)"
    return dm.Document(
        edition=EDITION,
        title=TITLE,
        person_name=name,
        produced_on=date.fromisoformat(about["produced_on"]),
        version=int(about.get("plan_version") or 0),
        sections=[],
        author=about.get("produced_by") or "Pathway Planner",
        subject=f"Subject access: everything held about {name}",
        keywords="subject access request, leaving care, " + dm.MARKING,
    )


def render_subject_access_bytes(bundle: dict[str, Any]) -> bytes:
    from reportlab.platypus import PageBreak

    from . import render as r
    from .theme import FULL

    model = document_model(bundle)
    st = r.Styles(FULL, EDITION)
    kit = _Kit(st, bundle)
    story: list = r._banner(model, st)
    story += kit.cover()
    story += kit.about_section()
    story.append(PageBreak())
    story += kit.plan_section()
    story += kit.prompts_section()
    story += kit.history_section()
    story += kit.third_party_section()
    buf = io.BytesIO()
    doc = r._Doc(buf, model, st)
    total_style = (r.text.font_name("sans"), 7.5, st.theme.muted)

    def maker(*a, **kw):
        c = r._Canvas(*a, **kw)
        c._pp_pages = 0
        c.total_style = total_style
        c.showOutline()
        return c

    doc.build(story, canvasmaker=maker)
    return buf.getvalue()


class _Kit:
    """Flowables for each section, built from the render module's helpers and styles."""

    def __init__(self, st, bundle: dict[str, Any]):
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        from . import render as r

        self.r, self.st, self.b = r, st, bundle
        self.about = bundle["about"]
        self.flags: dict[str, dict[str, Any]] = {t["path"]: t for t in bundle.get("third_party", [])}
        self.names = _id_names(bundle["plan"])
        self.first = self.about.get("young_person", "").split(" ")[0] or "the young person"
        self.mark_style = ParagraphStyle(
            "pp-review", parent=st.cell, fontName=r.text.font_name("sans", bold=True),
            textColor=colors.HexColor(AMBER_INK), spaceAfter=2,
        )
        self.h3 = ParagraphStyle("pp-h3", parent=st.h2, fontSize=st.h2.fontSize - 1, spaceBefore=8, spaceAfter=3)
        self.h4 = ParagraphStyle("pp-h4", parent=self.h3, fontSize=st.h2.fontSize - 2, spaceBefore=4,
                                 textColor=colors.HexColor(st.theme.muted))
        self._marks = 0

    # ---------------------------------------------------------------- small pieces

    def heading(self, title: str, key: str, level: int) -> list:
        from reportlab.platypus import CondPageBreak

        style = [self.st.h1, self.st.h2, self.h3, self.h4][min(level, 3)]
        h = self.r.para(title, style)
        if level <= 1:
            h._pp_bookmark = (key, title, level)
        # Sub-headings rely on keepWithNext (a page-break test between two headings would
        # leave the first one alone at the foot of a page).
        return ([CondPageBreak(110)] if level == 0 else [CondPageBreak(90)] if level == 1 else []) + [h]

    def mark_text(self, flag: dict[str, Any]) -> str:
        """The words of the mark. They never repeat the other person's name: the marked text
        beside it says who it is, and the list at the end names them for the reviewer."""
        return f"{MARK} · {_KIND_WORDS.get(flag.get('kind', 'person'), _KIND_WORDS['person'])}"

    def value_cell(self, value: str, width: float, flag: dict[str, Any] | None):
        r = self.r
        if flag is None:
            return r.cell(value, self.st.cell, width)
        self._marks += 1
        mark = self.mark_text(flag) if width > 250 else MARK  # narrow table cells: the mark alone
        return [r.para(mark, self.mark_style, width)] + r.paras(value, self.st.cell, width)

    def _style(self, header: bool, n: int, flagged_rows: list[int], first_flag_col: int = 0):
        from reportlab.lib import colors

        ts = self.r._table_style(self.st, header, n)
        for i in flagged_rows:
            ts.add("BACKGROUND", (first_flag_col, i), (-1, i), colors.HexColor(AMBER_BG))
            ts.add("LINEBEFORE", (0, i), (0, i), 3, colors.HexColor(AMBER_LINE))
        return ts

    def kv(self, rows: list[Row]) -> list:
        from reportlab.platypus import Spacer, Table

        if not rows:
            return []
        r, st = self.r, self.st
        kw = 0.3 * r.FRAME_W
        vw = r.FRAME_W - kw
        data, flagged = [], []
        for i, row in enumerate(rows):
            flag = self.flags.get(row.path)
            data.append([r.para(row.key, st.key, kw - 10), self.value_cell(row.value, vw - 10, flag)])
            if flag is not None:
                flagged.append(i)
        t = Table(data, colWidths=[kw, vw], splitInRow=1, hAlign="LEFT")
        t.setStyle(self._style(False, len(data), flagged))
        return [t, Spacer(1, 4)]

    def table(self, header: tuple[str, ...], rows: list[list[Any]], widths: tuple[float, ...],
              flags: list[dict[str, Any] | None] | None = None, empty: str = "None recorded.") -> list:
        """A table of plain-text cells (each a str, or (str, flag) to mark that cell)."""
        from reportlab.platypus import Spacer, Table

        r, st = self.r, self.st
        if not rows:
            return [r.para(empty, st.empty)]
        ws = [f * r.FRAME_W for f in widths]
        data = [[r.para(h, st.cell_head, w) for h, w in zip(header, ws)]]
        flagged = []
        for i, row in enumerate(rows, 1):
            cells, any_flag = [], False
            for value, w in zip(row, ws):
                flag = None
                if isinstance(value, tuple):
                    value, flag = value
                cells.append(self.value_cell(value or "", w - 10, flag))
                any_flag = any_flag or flag is not None
            data.append(cells)
            if any_flag or (flags and flags[i - 1] is not None):
                flagged.append(i)
        t = Table(data, colWidths=ws, repeatRows=1, splitInRow=1, hAlign="LEFT")
        t.setStyle(self._style(True, len(data), flagged))
        return [t, Spacer(1, 6)]

    def nothing(self, names: list[str]) -> list:
        if not names:
            return []
        return [self.r.para("Nothing recorded for: " + ", ".join(names) + ".", self.st.empty)]

    def callout(self, text: str, title: str = "", tone: str = "info") -> list:
        return self.r._callout(dm.Callout(text, title, tone), self.st)

    # ---------------------------------------------------------------- sections

    def cover(self) -> list:
        a = self.about
        n = len(self.b.get("third_party", []))
        rows = [
            ("About", a.get("young_person", "")),
            ("Date of birth", _d(a.get("date_of_birth")) or "Not recorded"),
            ("Asked for on", _d(a.get("requested_on"))),
            ("Answer due by", _d(a.get("response_due_by"))),
            ("Produced on", _d(a.get("produced_on"))),
            ("Produced by", a.get("produced_by", "")),
            ("Record reference", a.get("plan_id", "")),
            ("Records kept until", _d(a.get("keep_until")) or "Not known (no date of birth recorded)"),
            ("Parts marked for review", str(n)),
        ]
        out = self.r._keyvalues(dm.KeyValues(rows), self.st)
        if n:
            out += self.callout(
                f"{n} part{'s' if n != 1 else ''} of this document {'are' if n != 1 else 'is'} about other people "
                f"and marked “{MARK}” on an amber band. Check each one before this copy is given to "
                f"{self.first}; they are all listed in “Information about other people” at the end.",
                title="Before this is released", tone="warm",
            )
        return out

    def about_section(self) -> list:
        a, p = self.about, self.r.paras
        st = self.st
        due = _d(a.get("response_due_by"))
        asked = _d(a.get("requested_on"))
        keep = _d(a.get("keep_until"))
        out = self.heading("About this document", "about", 0)
        out += p(
            "This is a copy of everything we hold about you in Pathway Planner, the system your leaving-care "
            "team uses for your pathway plan. It has every part of your plan, including notes and dates, "
            "and a list of every time someone opened, changed, printed or exported your record.", st.lead)
        out += [self.r.para("Your rights", st.h2)]
        out += p(
            "You have the right to see the information we hold about you. Asking for it is called a "
            "“subject access request”, and it is normally free. "
            f"You asked on {asked}. We should give you everything within one month: by {due}.\n"
            "If something here is wrong, you can ask us to correct it. If you disagree with something we "
            "wrote, you can ask us to add your view to your record.\n"
            "If you are not happy with how we have dealt with your request, tell us first. You can also "
            "complain to the Information Commissioner's Office (ICO), which makes sure organisations "
            "look after people's information properly.", st.body)
        out += [self.r.para(f"Parts marked “{MARK}”", st.h2)]
        out += p(
            "Some of the information about you is also about other people: your family, carers, friends and "
            f"staff. Those parts are marked “{MARK}” on an amber band. Before this copy is given to you, someone "
            "checks each of them. Most of it is usually shared. Sometimes a part may be left out or blacked out, "
            "for example when the other person has not agreed and sharing it would not be fair to them, or when "
            "it could put someone at risk. Wherever we can, we will tell you what was left out and why.", st.body)
        out += [self.r.para("How long we keep your records", st.h2)]
        out += p(
            "Records about young people who were in care are kept until their 75th birthday"
            + (f": for you, that is {keep}." if keep else ". Your date of birth is not recorded, so we cannot say the date yet.")
            + " They are kept even after you stop getting support from the leaving-care team.", st.body)
        out += [self.r.para("How to read this document", st.h2)]
        out += p(
            "“Your plan” shows every piece of your plan. Where nothing has been written down yet, the "
            "heading is listed under “Nothing recorded for”, so you can see nothing has been left out. "
            "“The history of your record” shows who did what and when (times are in UTC, which is UK "
            "winter time). A computer file (JSON) comes with this document: it holds exactly the same "
            "information, including the reference numbers the system uses, in a form another computer "
            "can read.", st.body)
        return out

    def plan_section(self) -> list:
        out = self.heading("Your plan", "plan", 0)
        out += self.r.paras("Everything in your pathway plan, part by part.", self.st.muted)
        for title, key, groups in plan_outline(self.b["plan"]):
            out += self.heading(title, key, 1)
            shown = False
            for g in groups:
                if g.title:
                    out += self.heading(g.title, "", 2 if g.level <= 2 else 3)
                if g.table == ():
                    out += [self.r.para("None recorded.", self.st.empty)]
                    continue
                if g.table is not None:
                    n = len(g.table)
                    widths = {3: (0.34, 0.2, 0.46), 4: (0.42, 0.2, 0.16, 0.22)}.get(n, tuple([1 / n] * n))
                    rows = [[(c.value, self.flags.get(c.path)) for c in row] for row in (g.table_rows or [])]
                    out += self.table(g.table, rows, widths, empty="None recorded.")
                    shown = True
                    continue
                out += self.kv(g.rows)
                out += self.nothing(g.empty)
                shown = shown or bool(g.rows or g.empty or g.title)
            if not shown:
                out += [self.r.para("Nothing recorded.", self.st.empty)]
        return out

    def prompts_section(self) -> list:
        out = self.heading("Prompts and checks", "prompts", 0)
        out += self.r.paras(
            "The system reminds your adviser about things that often matter to young people leaving care. "
            "This is what was done about each reminder.", self.st.muted)
        rows = []
        for i, pr in enumerate(self.b.get("prompt_responses", [])):
            path = f"plan.prompt_responses[{i}]"
            what = pr.get("prompt") or pr.get("rule_id", "")
            answer = words_for(pr.get("answer"), m.PromptAnswer)
            if pr.get("until"):
                answer += f" (until {_d(pr['until'])})"
            rows.append([
                what, answer,
                (pr.get("note", ""), self.flags.get(path + ".note")),
                (pr.get("by", ""), self.flags.get(path + ".by")),
                moment(pr["at"]) if pr.get("at") else "",
            ])
        out += self.table(("Reminder", "What was done", "Note", "By", "When"), rows, (0.3, 0.14, 0.26, 0.14, 0.16),
                          empty="No reminders have been answered in your record.")
        return out

    def history_section(self) -> list:
        h = self.b.get("history", {})
        out = self.heading("The history of your record", "history", 0)
        out += self.r.paras(h.get("note", ""), self.st.muted)
        if not h.get("available"):
            return out + self.callout(
                "This database does not yet keep a history of who opened or changed records, so there is "
                "nothing to show here.", tone="missing")
        staff = self.flags.get("history.entries[].user")
        if staff:
            out += self.callout(f"{self.mark_text(staff)}: the “Who” column names staff who used your record.", tone="warm")
        rows = []
        for i, e in enumerate(h.get("entries", [])):
            lines = []
            for j, c in enumerate(e.get("changes", [])):
                flag = self.flags.get(f"history.entries[{i}].changes[{j}]")
                lines.append((change_words(c, self.names), flag))
            rows.append((moment(e.get("at", "")), e.get("user", ""), entry_words(e), lines))
        if not rows:
            return out + [self.r.para("Nothing has been recorded yet.", self.st.empty)]
        return out + self._history_table(rows)

    def _history_table(self, rows) -> list:
        from reportlab.platypus import Spacer, Table

        r, st = self.r, self.st
        ws = [f * r.FRAME_W for f in (0.17, 0.15, 0.2, 0.48)]
        data = [[r.para(h, st.cell_head, w) for h, w in zip(("When", "Who", "What happened", "What changed"), ws)]]
        flagged = []
        for i, (when, who, what, lines) in enumerate(rows, 1):
            detail: list = []
            for text_, flag in lines:
                if flag is not None:
                    self._marks += 1
                    detail.append(r.para(self.mark_text(flag), self.mark_style, ws[3] - 10))
                detail += r.paras(text_, st.cell, ws[3] - 10)
            if any(f is not None for _t, f in lines):
                flagged.append(i)
            data.append([r.cell(when, st.cell, ws[0] - 10), r.cell(who, st.cell, ws[1] - 10),
                         r.cell(what, st.cell, ws[2] - 10), detail or ""])
        t = Table(data, colWidths=ws, repeatRows=1, splitInRow=1, hAlign="LEFT")
        t.setStyle(self._style(True, len(data), flagged, first_flag_col=3))
        return [t, Spacer(1, 6)]

    def third_party_section(self) -> list:
        items = self.b.get("third_party", [])
        out = self.heading("Information about other people", "third-party", 0)
        out += self.r.paras(
            f"Every part of this document marked “{MARK}”, where to find it and why it is marked. Marking "
            "a part does not mean it will be held back: it means a person must look at it first. This list "
            "is for the person doing that check.", self.st.muted)
        if items:
            reasons: dict[str, str] = {}
            for t in items:
                reasons.setdefault(_reason_key(t), t.get("why", ""))
            out += [self.r.para("Why parts are marked", self.st.h2)]
            out += self.r._keyvalues(dm.KeyValues([(k[0].upper() + k[1:], v) for k, v in reasons.items()]), self.st)
        rows = []
        for t in items:
            place = _flag_place(t["path"], self.b["plan"], self.names)
            why = _reason_key(t)
            rows.append([(place, t), t.get("about", ""), why[:1].upper() + why[1:]])
        out += self.table(("Where", "About", "Why"), rows, (0.46, 0.24, 0.3),
                          empty="Nothing in this document is about anyone else.")
        return out


def _reason_key(t: dict[str, Any]) -> str:
    return _KIND_WORDS.get(t.get("kind", "person"), _KIND_WORDS["person"])


def _d(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return fmt(date.fromisoformat(iso))
    except ValueError:
        return str(iso)


def _flag_place(path: str, plan_d: dict[str, Any], names: dict[str, str]) -> str:
    """A marked item's place in words: "People in your life › Donna Brennan › Safety notes"."""
    if path.startswith("history."):
        m_ = re.match(r"history\.entries\[(\d+)\]", path)
        return "The history of your record" + (f" › entry {int(m_.group(1)) + 1}" if m_ else " › who")
    segs = re.findall(r"[^.\[\]]+|\[\d+\]", path.removeprefix("plan."))
    out, obj = [], plan_d
    list_name = ""
    for i, seg in enumerate(segs):
        if seg.startswith("["):
            idx = int(seg[1:-1])
            try:
                item = obj[idx]
            except (IndexError, KeyError, TypeError):
                out.append(str(idx + 1))
                continue
            out.append(_item_title(list_name, item, idx))
            obj = item
        else:
            out.append(SECTION_TITLES.get(seg, field_label(seg)) if i == 0 else field_label(seg))
            list_name = seg
            obj = obj.get(seg) if isinstance(obj, dict) else None
    return " › ".join(out)
