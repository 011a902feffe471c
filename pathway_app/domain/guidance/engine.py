"""The prompt engine: plan + today → the research and statutory prompts to raise.

Pure: nothing here reads the clock or a database. The rules come from
``resources/guidance/rules/*.json`` (read once, see :mod:`.rules`).

A prompt carries a *fingerprint*: a short hash of the plan facts its rule looked at (see
:mod:`.predicates`). Responses (``plan.prompt_responses``) are matched by prompt id (the rule id,
or ``"<rule id>:<area>"`` for a per-area rule); the latest one counts:

- **done** or **not relevant** hides the prompt while its fingerprint is unchanged; once the
  facts it looked at change and the rule still holds, it is raised again;
- **later** hides it until the ``until`` date (raised again on that day).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache

from ..labels import label
from ..model import Plan, PromptResponse, utcnow
from ..vocab import Area, PromptAnswer
from ..wording import sentences
from .predicates import ABOUT_ME, AREA_ORDER, Ctx
from .rules import Rule, load_rules, rules_by_id
from .types import Prompt, Urgency

_AREA_INDEX = {a: i for i, a in enumerate(AREA_ORDER)}


class ResponseError(ValueError):
    """A response to a prompt was refused (e.g. "not relevant" without saying why)."""


# --------------------------------------------------------------------------- helpers


def fingerprint_of(rule: Rule, ctx: Ctx) -> str:
    """A short hash of the facts ``rule`` looks at, for the area ``ctx.subject``."""
    facts = (rule.id, ctx.subject, tuple(r(ctx) for r in rule.readers))
    return hashlib.blake2b(repr(facts).encode("utf-8"), digest_size=6).hexdigest()


def latest_responses(plan: Plan) -> dict[str, PromptResponse]:
    """The latest response per prompt id (by ``at``; among equal times, the later in the list)."""
    out: dict[str, PromptResponse] = {}
    for resp in plan.prompt_responses:
        prev = out.get(resp.rule_id)
        if prev is None or _when(resp) >= _when(prev):
            out[resp.rule_id] = resp
    return out


def _when(resp: PromptResponse) -> tuple[int, float]:
    return (0, 0.0) if resp.at is None else (1, resp.at.timestamp())


def is_hidden(resp: PromptResponse | None, fingerprint: str, today: date) -> bool:
    """Whether ``resp`` keeps a prompt with this fingerprint out of the list on ``today``."""
    if resp is None:
        return False
    if resp.answer is PromptAnswer.LATER:
        return resp.until is not None and today < resp.until
    return resp.fingerprint == fingerprint


@lru_cache(maxsize=64)
def _area_words(subject: str, first_person: bool) -> str:
    if subject == ABOUT_ME:
        return "About me"
    return label(Area(subject), "AreaFirstPerson" if first_person else "Area")


def _why(rule: Rule, ctx: Ctx) -> str:
    """The plan facts that raised the rule, each a sentence ("Move planned on 1 September 2026.
    No way to keep in touch recorded for: Pat.")."""
    bits = []
    for pred, arg in rule.leaves:
        if pred.why is not None and pred.check(ctx, arg):
            text = pred.why(ctx, arg)
            if text:
                bits.append(text)
    return sentences(bits)


def fill_words(text: str, ctx: Ctx, subject: str | None, first_person: bool) -> str:
    """A rule's wording for this young person: {area} and their pronouns filled in."""
    if subject is not None:
        text = text.replace("{area}", _area_words(subject, first_person))
    if "{" in text:
        for key, word in ctx.pronouns().forms().items():
            text = text.replace("{" + key + "}", word)
    return text


def _make(rule: Rule, ctx: Ctx, subject: str | None, urgency: Urgency, fp: str, resp: PromptResponse | None,
          why: str) -> Prompt:
    practitioner = fill_words(rule.practitioner_text, ctx, subject, False)
    young = fill_words(rule.young_person_text, ctx, subject, True)
    return Prompt(
        rule_id=rule.instance_id(subject),
        area=subject if subject is not None else rule.area,
        urgency=urgency,
        practitioner_text=practitioner,
        young_person_text=young,
        citation=rule.citation_text,
        suggested_actions=rule.suggested_actions,
        fingerprint=fp,
        response=resp,
        message=rule.message,
        why=why,
        applies_from=rule.applies_words,
        answered_by=rule.answered_by,
    )


def _sort(prompts: list[Prompt], rules: dict[str, Rule]) -> list[Prompt]:
    def key(p: Prompt) -> tuple[int, int, int, str]:
        base = p.rule_id.split(":", 1)[0]
        rule = rules.get(base)
        return (-int(p.urgency), _AREA_INDEX.get(p.area, len(AREA_ORDER)), rule.order if rule else 1 << 30, p.rule_id)

    return sorted(prompts, key=key)


def _raised(plan: Plan, today: date, rules: Iterable[Rule]) -> Iterator[tuple[Rule, Ctx, str | None]]:
    """(rule, the context, the subject) for every rule that holds, for each of its subjects."""
    ctx = Ctx(plan, today)
    for rule in rules:
        for subject in rule.subjects:
            ctx.subject = subject
            if rule.test(ctx):
                yield rule, ctx, subject


# --------------------------------------------------------------------------- public API


def evaluate(plan: Plan, today: date, include_answered: bool = False, rules: Iterable[Rule] | None = None) -> list[Prompt]:
    """The prompts to show for ``plan`` on ``today``, most urgent first, then in area order.

    With ``include_answered``, prompts hidden by a response are listed too (with it).
    """
    rule_list = tuple(rules) if rules is not None else load_rules()
    latest = latest_responses(plan)
    out: list[Prompt] = []
    for rule, ctx, subject in _raised(plan, today, rule_list):
        pid = rule.instance_id(subject)
        fp = fingerprint_of(rule, ctx)
        resp = latest.get(pid)
        if not include_answered and is_hidden(resp, fp, today):
            continue
        out.append(_make(rule, ctx, subject, rule.urgency_for(ctx), fp, resp, _why(rule, ctx)))
    return _sort(out, {r.id: r for r in rule_list})


def count_open(plan: Plan, today: date) -> int:
    """How many prompts are open (raised and not hidden by a response) — for the caseload."""
    latest = latest_responses(plan)
    n = 0
    for rule, ctx, subject in _raised(plan, today, load_rules()):
        resp = latest.get(rule.instance_id(subject))
        if resp is None or not is_hidden(resp, fingerprint_of(rule, ctx), today):
            n += 1
    return n


def considered(plan: Plan, today: date) -> list[Prompt]:
    """Everything raised now (answered or not) plus everything answered that no longer holds,
    each with its latest response — the PDF's "prompts considered and what was done"."""
    rules = rules_by_id()
    raised = evaluate(plan, today, include_answered=True)
    seen = {p.rule_id for p in raised}
    ctx = Ctx(plan, today)
    extra: list[Prompt] = []
    for pid, resp in latest_responses(plan).items():
        if pid in seen:
            continue
        base, _, subject = pid.partition(":")
        rule = rules.get(base)
        if rule is None or (subject and subject not in rule.subjects) or (not subject and rule.for_each):
            extra.append(
                Prompt(
                    rule_id=pid,
                    area=subject or "support",
                    urgency=Urgency.CONSIDER,
                    practitioner_text=f"A prompt no longer in use ({pid}).",
                    young_person_text="",
                    citation="",
                    response=resp,
                    fingerprint=resp.fingerprint,
                )
            )
            continue
        ctx.subject = subject or None
        extra.append(_make(rule, ctx, subject or None, rule.urgency, fingerprint_of(rule, ctx), resp, ""))
    return _sort(raised + extra, rules)


def _answer(value: PromptAnswer | str) -> PromptAnswer:
    if isinstance(value, PromptAnswer):
        return value
    text = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return PromptAnswer(text)
    except ValueError:
        raise ResponseError(f"the answer must be done, not relevant or later, not {value!r}") from None


def respond(
    plan: Plan,
    prompt: Prompt,
    answer: PromptAnswer | str,
    note: str,
    by: str,
    at: datetime | None,
    until: date | None = None,
    *,
    today: date | None = None,
) -> PromptResponse:
    """Record what was done about ``prompt`` (appended to ``plan.prompt_responses``).

    "not relevant" needs a note saying why; "later" needs an ``until`` date after today
    (``today`` defaults to the day of ``at``). ``by`` is who answered; ``at`` when (UTC; now
    if None).
    """
    ans = _answer(answer)
    note = (note or "").strip()
    by = (by or "").strip()
    if at is None:
        at = utcnow()
    elif at.tzinfo is None:
        raise ResponseError("the time of a response must carry its time zone (UTC)")
    day = today or at.date()
    if not by:
        raise ResponseError("say who is answering the prompt")
    if ans is PromptAnswer.NOT_RELEVANT and not note:
        raise ResponseError("say why the prompt is not relevant")
    if ans is PromptAnswer.LATER:
        if until is None:
            raise ResponseError("'later' needs a date to come back to it")
        if until <= day:
            raise ResponseError("'later' needs a date after today")
    elif until is not None:
        raise ResponseError("only 'later' takes a date to come back")
    resp = PromptResponse(
        rule_id=prompt.rule_id,
        answer=ans,
        note=note,
        until=until,
        by=by,
        at=at,
        fingerprint=prompt.fingerprint,
    )
    plan.prompt_responses.append(resp)
    return resp
