"""Loading the prompt rules from ``resources/guidance/rules/*.json``.

Each file is ``{"theme": "...", "rules": [rule, ...]}``; a rule is::

    {
      "id": "M1-no-one-at-25",              # letters, digits, '-', '_' or '.'
      "message": "M1",                      # research message M1..M26, or "" (statutory)
      "area": "relationships",              # an Area code or "about_me"; "each" with for_each
      "for_each": "area",                   # optional: "area" (the ten Schedule 1 areas) or
                                            #   "section" (about me and the ten areas): one
                                            #   prompt per area, its id "<rule id>:<area>"
      "urgency": "soon",                    # consider | soon | now
      "raise_to": [{"urgency": "now", "when": <condition>}],   # optional
      "condition": <condition>,             # see predicates/
      "practitioner_text": "...",           # to the PA, carer or key worker
      "young_person_text": "...",           # first person, plain words
      "citation": [{"source": "care_inquiry", "section": "5.5"}],
      "suggested_actions": ["...", "..."],
      "applies_from": "pathway_plan",       # from when it applies (required for a statutory
                                            #   check): age_16 | looked_after | pathway_plan;
                                            #   the prompt stays quiet before
      "answered_by": {"field": "needs_assessment_done_on", "kind": "date"}   # optional: the
                                            #   field answering "done" fills in (see types)
    }

``{area}`` in the wording becomes the area's name (only in ``for_each`` rules); ``{they}``,
``{them}``, ``{their}`` and ``{themselves}`` (or capitalised, ``{Their}``) become the young
person's pronouns as recorded ("he", "his", "himself"), "they" when none are.

Everything is checked when the rules load; the first problem found is raised as a
:class:`RuleError` naming the file and the rule. Loading happens once (cached).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...paths import resource
from .. import dates
from ..fields import label as field_label
from ..introspect import field_ids
from ..model import Plan
from ..wording import THEY
from .predicates import AREA_ORDER, PREDICATES, SCHEDULE_1_CODES, ArgError, Ctx, Predicate, path_reader
from .sources import Citation, Source, format_citation, load_sources
from .types import AnswerField, Urgency

RULE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MESSAGE_ID = re.compile(r"^M([1-9]|1[0-9]|2[0-6])$")
#: Words the app never uses about a young person or their home (research message M21).
BANNED_WORDS = re.compile(r"\b(placements?|cases?)\b", re.IGNORECASE)
URGENCIES = {"consider": Urgency.CONSIDER, "soon": Urgency.SOON, "now": Urgency.NOW}
FOR_EACH = {
    "area": SCHEDULE_1_CODES,
    "section": AREA_ORDER,
}
FIELDS = {
    "id",
    "message",
    "area",
    "for_each",
    "urgency",
    "raise_to",
    "condition",
    "practitioner_text",
    "young_person_text",
    "citation",
    "suggested_actions",
    "notes",
    "applies_from",
    "answered_by",
}
REQUIRED = FIELDS - {"for_each", "raise_to", "notes", "applies_from", "answered_by"}
#: The young person's pronouns in a rule's wording: {their} → "his", {Their} → "His".
PRONOUN_PLACEHOLDERS = frozenset(THEY.forms())
ANSWER_KINDS = ("date", "bool", "text", "choice", "record")


class RuleError(ValueError):
    """A rule file was refused. ``rule_id`` is the rule at fault (None for the file as a whole)."""

    def __init__(self, problem: str, rule_id: str | None = None, file: str = ""):
        self.rule_id = rule_id
        self.file = file
        self.problem = problem
        where = f"rule {rule_id!r}" if rule_id else "rules"
        if file:
            where += f" in {file}"
        super().__init__(f"{where}: {problem}")


Check = Callable[[Ctx], bool]


# --------------------------------------------------------------------------- from when a rule applies


def _from_16(ctx: Ctx) -> bool:
    b = ctx.birthday(16)
    return b is not None and ctx.today >= b


def _while_looked_after(ctx: Ctx) -> bool:
    """Looked after; or relevant and 16 or 17 (the council still chooses the home)."""
    return ctx.looked_after() or ctx.category() is dates.Category.RELEVANT


_PATHWAY_PLAN_CATEGORIES = frozenset({dates.Category.ELIGIBLE, dates.Category.RELEVANT, dates.Category.FORMER_RELEVANT})


def _pathway_plan_due(ctx: Ctx) -> bool:
    """Eligible, relevant or former relevant, before personal adviser support ends."""
    if ctx.category() not in _PATHWAY_PLAN_CATEGORIES:
        return False
    end = dates.pa_support_end(ctx.plan)
    return end is None or ctx.today < end


#: ``applies_from`` codes: (the words saying from when, the check). A rule stays quiet before.
APPLIES: dict[str, tuple[str, Check]] = {
    "age_16": ("From the 16th birthday.", _from_16),
    "looked_after": (
        "While the young person is looked after, or relevant and 16 or 17.",
        _while_looked_after,
    ),
    "pathway_plan": (
        "From when the young person is eligible (16 or 17, looked after, and 13 weeks looked after "
        "since the 14th birthday completed), while relevant and former relevant, until personal "
        "adviser support ends (at 21, or 25 if they ask for it).",
        _pathway_plan_due,
    ),
}


@dataclass(frozen=True)
class Rule:
    id: str
    message: str
    area: str
    urgency: Urgency
    practitioner_text: str
    young_person_text: str
    citations: tuple[Citation, ...]
    citation_text: str
    suggested_actions: tuple[str, ...]
    condition: Any  # the condition as written
    test: Check = field(repr=False, compare=False)
    raise_to: tuple[tuple[Urgency, Check], ...] = field(default=(), repr=False, compare=False)
    for_each: str = ""
    applies_from: str = ""  # an APPLIES code, or "" (applies whenever the condition holds)
    answered_by: AnswerField | None = None
    subjects: tuple[str | None, ...] = (None,)
    leaves: tuple[tuple[Predicate, Any], ...] = field(default=(), repr=False, compare=False)
    raise_leaves: tuple[tuple[Predicate, Any], ...] = field(default=(), repr=False, compare=False)  # raise_to's
    readers: tuple[Callable[[Ctx], Any], ...] = field(default=(), repr=False, compare=False)
    file: str = ""
    order: int = 0

    def instance_id(self, subject: str | None) -> str:
        return self.id if subject is None else f"{self.id}:{subject}"

    @property
    def applies_words(self) -> str:
        return APPLIES[self.applies_from][0] if self.applies_from else ""

    def urgency_for(self, ctx: Ctx) -> Urgency:
        u = self.urgency
        for level, check in self.raise_to:
            if level > u and check(ctx):
                u = level
        return u


# --------------------------------------------------------------------------- conditions


def compile_condition(cond: Any, where: str = "condition") -> tuple[Check, list[tuple[Predicate, Any]]]:
    """A condition as written → (a function of the context, the predicates it uses)."""
    leaves: list[tuple[Predicate, Any]] = []
    fn = _compile(cond, where, leaves)
    return fn, leaves


def _compile(cond: Any, where: str, leaves: list[tuple[Predicate, Any]]) -> Check:
    if not isinstance(cond, dict) or len(cond) != 1:
        raise RuleError(f"{where} must be an object with one key (all, any, not or a predicate), not {json.dumps(cond)[:80]}")
    (key, arg), = cond.items()
    if key in ("all", "any"):
        if not isinstance(arg, list) or not arg:
            raise RuleError(f'{where}: "{key}" needs a non-empty list of conditions')
        parts = tuple(_compile(c, f"{where}.{key}[{i}]", leaves) for i, c in enumerate(arg))
        if key == "all":

            def all_(ctx: Ctx, parts: tuple[Check, ...] = parts) -> bool:
                # a loop, not all(<generator>): every rule's condition runs through here
                for p in parts:  # noqa: SIM110
                    if not p(ctx):
                        return False
                return True

            return all_

        def any_(ctx: Ctx, parts: tuple[Check, ...] = parts) -> bool:
            for p in parts:  # noqa: SIM110 - a loop, as in all_
                if p(ctx):
                    return True
            return False

        return any_
    if key == "not":
        inner = _compile(arg, f"{where}.not", leaves)
        return lambda ctx: not inner(ctx)
    pred = PREDICATES.get(key)
    if pred is None:
        close = [n for n in PREDICATES if n.split("_")[0] == key.split("_")[0]][:3]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise RuleError(f"{where}: unknown predicate {key!r}{hint}")
    try:
        value = pred.parse_arg(arg)
    except ArgError as exc:
        raise RuleError(f"{where}: {key} {exc}") from None
    leaves.append((pred, value))
    check = pred.check
    return lambda ctx: check(ctx, value)


# --------------------------------------------------------------------------- one rule


def _text(raw: Mapping[str, Any], key: str, for_each: str) -> str:
    text = raw[key]
    if not isinstance(text, str) or not text.strip():
        raise RuleError(f"{key} must be non-empty text")
    try:
        names = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    except ValueError as exc:
        raise RuleError(f"{key} has a broken {{placeholder}}: {exc}") from None
    allowed = ({"area"} if for_each else set()) | PRONOUN_PLACEHOLDERS
    bad = names - allowed
    if bad:
        raise RuleError(
            f"{key} uses unknown placeholder(s) {sorted(bad)}"
            + ("" if for_each or "area" not in bad else " ({area} is only for for_each rules)")
        )
    m = BANNED_WORDS.search(text)
    if m:
        raise RuleError(f"{key} says {m.group(0)!r}: say 'home' not 'placement', and never 'case'")
    return text


def _citations(raw: Any, sources: Mapping[str, Source]) -> tuple[Citation, ...]:
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise RuleError("citation is empty")
    out = []
    for c in items:
        if not isinstance(c, dict) or set(c) != {"source", "section"}:
            raise RuleError(f'each citation must be {{"source": ..., "section": ...}}, not {json.dumps(c)[:80]}')
        src = sources.get(c["source"])
        if src is None:
            raise RuleError(f"citation source {c['source']!r} is not in sources.json (known: {', '.join(sources)})")
        if str(c["section"]) not in src.sections:
            raise RuleError(
                f"citation section {c['section']!r} is not listed for {src.key} in sources.json"
            )
        out.append(Citation(src.key, str(c["section"])))
    return tuple(out)


def _answered_by(raw: Any) -> AnswerField | None:
    """The field answering "done" fills in, checked against the plan's fields."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not {"field", "kind"} <= set(raw) or set(raw) - {"field", "kind", "fields", "choices"}:
        raise RuleError('answered_by must be {"field": <field id>, "kind": <kind>} (with "fields" for a record, '
                        'optionally "choices" for a choice)')
    fid, kind = raw["field"], raw["kind"]
    specs = field_ids(Plan)
    spec = specs.get(fid) if isinstance(fid, str) else None
    if spec is None:
        raise RuleError(f"answered_by: {fid!r} is not a field of the plan")
    parts = fid.split(".")
    if any(specs[".".join(parts[:i])].kind == "records" for i in range(1, len(parts))):
        raise RuleError(f"answered_by: {fid!r} is inside a list; name the list with kind record")
    if kind not in ANSWER_KINDS:
        raise RuleError(f"answered_by: kind must be one of {', '.join(ANSWER_KINDS)}, not {kind!r}")
    fields: list[str] = raw.get("fields", [])
    choices: list[str] = raw.get("choices", [])
    if kind == "record":
        if spec.kind != "records":
            raise RuleError(f"answered_by: {fid!r} is not a list, so it cannot take kind record")
        if not isinstance(fields, list) or not fields:
            raise RuleError('answered_by: a record needs "fields", the fields to ask for')
        for f in fields:
            sub = specs.get(f"{fid}.{f}") if isinstance(f, str) else None
            if sub is None or not sub.scalar or f == "id":
                raise RuleError(f"answered_by: {f!r} is not a field of a record of {fid!r} that can be asked for")
    else:
        if spec.kind != kind:
            raise RuleError(f"answered_by: {fid!r} is a {spec.kind} field, not {kind}")
        if fields:
            raise RuleError('answered_by: "fields" is only for kind record')
    if choices:
        if kind != "choice" or not isinstance(choices, list):
            raise RuleError('answered_by: "choices" is only for kind choice, as a list of codes')
        codes = {m.value for m in spec.type}
        bad = [c for c in choices if c not in codes]
        if bad:
            raise RuleError(f"answered_by: {bad} are not codes of {spec.type.__name__} (known: {', '.join(sorted(codes))})")
    return AnswerField(fid, kind, field_label(fid), tuple(fields), tuple(choices))


def build_rule(raw: Any, sources: Mapping[str, Source], file: str = "", order: int = 0) -> Rule:
    rid = raw.get("id") if isinstance(raw, dict) else None
    try:
        if not isinstance(raw, dict):
            raise RuleError(f"a rule must be an object, not {type(raw).__name__}")
        if not isinstance(rid, str) or not RULE_ID.match(rid):
            raise RuleError(f"id must be letters, digits, '-', '_' or '.', not {rid!r}")
        missing = sorted(REQUIRED - set(raw))
        if missing:
            raise RuleError(f"missing field(s): {', '.join(missing)}")
        unknown = sorted(set(raw) - FIELDS)
        if unknown:
            raise RuleError(f"unknown field(s): {', '.join(unknown)}")
        message = raw["message"]
        if not isinstance(message, str) or (message and not MESSAGE_ID.match(message)):
            raise RuleError(f'message must be "M1".."M26" or "" (statutory), not {message!r}')
        for_each = raw.get("for_each", "")
        if for_each and for_each not in FOR_EACH:
            raise RuleError(f"for_each must be one of {sorted(FOR_EACH)}, not {for_each!r}")
        area = raw["area"]
        if for_each:
            if area != "each":
                raise RuleError('a for_each rule has area "each" (each prompt takes its area)')
        elif area not in AREA_ORDER:
            raise RuleError(f"area must be one of {', '.join(AREA_ORDER)}, not {area!r}")
        urgency = URGENCIES.get(raw["urgency"])
        if urgency is None:
            raise RuleError(f"urgency must be consider, soon or now, not {raw['urgency']!r}")
        applies_from = raw.get("applies_from", "")
        if applies_from and applies_from not in APPLIES:
            raise RuleError(f"applies_from must be one of {', '.join(APPLIES)}, not {applies_from!r}")
        if message == "" and not applies_from:
            raise RuleError(f"a statutory check must say from when it applies: applies_from ({', '.join(APPLIES)})")
        answered_by = _answered_by(raw.get("answered_by"))
        test, leaves = compile_condition(raw["condition"])
        if applies_from:
            applies, condition = APPLIES[applies_from][1], test

            def test(ctx: Ctx, applies: Check = applies, condition: Check = condition) -> bool:
                return applies(ctx) and condition(ctx)

        raise_to = []
        raise_leaves: list[tuple[Predicate, Any]] = []
        for i, r in enumerate(raw.get("raise_to", [])):
            if not isinstance(r, dict) or set(r) != {"urgency", "when"}:
                raise RuleError(f'raise_to[{i}] must be {{"urgency": ..., "when": <condition>}}')
            level = URGENCIES.get(r["urgency"])
            if level is None or level <= urgency:
                raise RuleError(f"raise_to[{i}] urgency must be higher than {raw['urgency']}, not {r['urgency']!r}")
            fn, used = compile_condition(r["when"], f"raise_to[{i}].when")
            raise_to.append((level, fn))
            raise_leaves.extend(used)
        practitioner = _text(raw, "practitioner_text", for_each)
        young = _text(raw, "young_person_text", for_each)
        cits = _citations(raw["citation"], sources)
        actions = raw["suggested_actions"]
        if not isinstance(actions, list) or not actions or not all(isinstance(a, str) and a.strip() for a in actions):
            raise RuleError("suggested_actions must be a non-empty list of text")
        for a in actions:
            m = BANNED_WORDS.search(a)
            if m:
                raise RuleError(f"suggested_actions says {m.group(0)!r}: say 'home' not 'placement', and never 'case'")
    except RuleError as exc:
        raise RuleError(exc.problem, rid if isinstance(rid, str) else None, file) from None
    readers: list[Callable[[Ctx], Any]] = []
    seen: set[str | Callable[[Ctx], Any]] = set()
    for pred, _ in leaves:
        for r in pred.reads:
            if r in seen:
                continue
            seen.add(r)
            readers.append(path_reader(r) if isinstance(r, str) else r)
    return Rule(
        id=rid,
        message=message,
        area=area,
        urgency=urgency,
        practitioner_text=practitioner,
        young_person_text=young,
        citations=cits,
        citation_text=format_citation(cits, sources),
        suggested_actions=tuple(actions),
        condition=raw["condition"],
        test=test,
        raise_to=tuple(raise_to),
        for_each=for_each,
        applies_from=applies_from,
        answered_by=answered_by,
        subjects=FOR_EACH[for_each] if for_each else (None,),
        leaves=tuple(leaves),
        raise_leaves=tuple(raise_leaves),
        readers=tuple(readers),
        file=file,
        order=order,
    )


# --------------------------------------------------------------------------- files


def rules_dir() -> Path:
    return resource("guidance", "rules")


def _rule_near(text: str, pos: int) -> str | None:
    """The id of the rule a JSON syntax error is in (the last "id" before it)."""
    ids = list(re.finditer(r'"id"\s*:\s*"([^"]*)"', text[:pos]))
    return ids[-1].group(1) if ids else None


def parse_rule_file(text: str, name: str, sources: Mapping[str, Source], start: int = 0) -> list[Rule]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        rid = _rule_near(text, exc.pos)
        raise RuleError(f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", rid, name) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError('the file must be {"theme": ..., "rules": [...]}', None, name)
    return [build_rule(raw, sources, name, start + i) for i, raw in enumerate(data["rules"])]


def load_rules_from(files: Mapping[str, str], sources: Mapping[str, Source] | None = None) -> tuple[Rule, ...]:
    """Rules from ``{file name: text}`` (in name order); ids must be unique across files."""
    reg = sources if sources is not None else load_sources()
    out: list[Rule] = []
    where: dict[str, str] = {}
    for name in sorted(files):
        for rule in parse_rule_file(files[name], name, reg, len(out)):
            if rule.id in where:
                raise RuleError(f"the id is used twice (also in {where[rule.id]})", rule.id, name)
            where[rule.id] = name
            out.append(rule)
    if not out:
        raise RuleError("no rules found")
    return tuple(out)


@lru_cache(maxsize=8)
def load_rules(directory: str | None = None) -> tuple[Rule, ...]:
    """Every rule in ``directory`` (default: the shipped rules), read and checked once."""
    d = Path(directory) if directory else rules_dir()
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(d.glob("*.json"))}
    if not files:
        raise RuleError(f"no rule files in {d}")
    return load_rules_from(files)


@lru_cache(maxsize=8)
def rules_by_id(directory: str | None = None) -> dict[str, Rule]:
    return {r.id: r for r in load_rules(directory)}


def clear_cache() -> None:
    load_rules.cache_clear()
    rules_by_id.cache_clear()
    load_sources.cache_clear()
