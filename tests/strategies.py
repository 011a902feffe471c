"""Hypothesis strategies for VALID young people's plans.

Text is any Unicode except lone surrogates and NUL (the store refuses those), with right-to-
left scripts and emoji mixed in; dates stay in a plausible range; the few rules
``domain.validation`` checks (names present, dates in order, one area once...) are met by
construction. ``tests/store/test_store_strategies.py`` checks every plan drawn is valid.
"""

from __future__ import annotations

import dataclasses
import typing
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum

from hypothesis import strategies as st

from pathway_app.domain import model as m
from pathway_app.domain.dates import birthday
from pathway_app.domain.introspect import _unwrap_optional
from pathway_app.domain.vocab import CARE_HOME_TYPES, SCHEDULE_1_AREAS, SKILL_KEYS, AgreementStatus

TODAY = date(2026, 11, 23)

SAMPLES = ["مرحبا بك في البيت", "שלום עולם", "👩🏽‍🎓🎉", "ሰላም ሓፍተይ", "Zoë O'Brien-Łukasz", "陈美玲", "x" * 300, "line one\nline two", ""]
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.one_of(st.text(_chars, max_size=40), st.sampled_from(SAMPLES))
name = st.builds(lambda a, b: a + b, st.sampled_from(["A", "ز", "ש", "Ł", "陈", "ሰ", "😀"]), text)
dates = st.dates(date(1990, 1, 1), date(2035, 12, 31))
moments = st.datetimes(
    datetime(2000, 1, 1), datetime(2035, 12, 31),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5, minutes=-30))]),
)
email = st.one_of(st.just(""), st.from_regex(r"\A[a-z0-9._]{1,12}@[a-z]{1,10}\.(org|uk|com)\Z"))


def _scalar(tp):
    inner, optional = _unwrap_optional(tp)
    if isinstance(inner, type) and issubclass(inner, Enum):
        s = st.sampled_from(list(inner))
    elif inner is str:
        s = text
    elif inner is bool:
        s = st.booleans()
    elif inner is int:
        s = st.integers(0, 10)
    elif inner is date:
        s = dates
    elif inner is datetime:
        s = moments
    else:
        return None
    return st.one_of(st.none(), s) if optional else s


def record(cls, **overrides):
    """A strategy building ``cls`` with every scalar field drawn, except ``overrides``."""
    hints = typing.get_type_hints(cls)
    kw = {}
    for f in dataclasses.fields(cls):
        if f.name in overrides:
            kw[f.name] = overrides[f.name]
            continue
        if f.name == "id":
            continue  # given by the plan strategy (unique within the plan)
        s = _scalar(hints[f.name])
        if s is not None:
            kw[f.name] = s
    return st.builds(cls, **kw)


def _ordered(a, b):
    if a and b and b < a:
        return b, a
    return a, b


@st.composite
def _agreements(draw, cls, end_dates, **lists):
    """Up to two versions of an agreement whose lives fit together: the newest a draft, agreed
    or ended one; any before it replaced; each signed one signed and dated."""
    out = []
    for n in range(draw(st.integers(0, 2))):
        a = draw(record(cls, end=st.one_of(st.none(), end_dates), version=st.just(n + 1),
                        signatures=st.lists(record(m.Signature, name=name), min_size=1, max_size=2), **lists))
        if a.start and a.end and a.start > a.end:
            a.start = None
        out.append(a)
    for i, a in enumerate(out):
        newest = i == len(out) - 1
        a.status = draw(st.sampled_from([AgreementStatus.DRAFT, AgreementStatus.AGREED, AgreementStatus.ENDED])) \
            if newest else AgreementStatus.SUPERSEDED
        if a.status is AgreementStatus.DRAFT:
            a.agreed_on = a.ended_on = a.superseded_on = None
            a.end_reason = ""
            continue
        a.agreed_on = a.agreed_on or TODAY
        a.ended_on = (a.ended_on or TODAY) if a.status is AgreementStatus.ENDED else a.ended_on
        if a.status is AgreementStatus.ENDED and not a.end_reason.strip():
            a.end_reason = "Ended " + a.end_reason
        a.superseded_on = (a.superseded_on or TODAY) if a.status is AgreementStatus.SUPERSEDED else a.superseded_on
    return out


@st.composite
def plans(draw, today: date = TODAY, version: int | None = 0):
    """A valid plan as it could be on ``today``; ``version`` None draws one (1..50)."""
    dob = draw(st.dates(date(1995, 1, 1), today - timedelta(days=365 * 10)))
    person = draw(record(m.YoungPerson, given_name=name, date_of_birth=st.just(dob), email=email,
                         age_assessed_on=st.one_of(st.none(), st.dates(dob, today))))

    # care episodes: one after another, starting after birth
    episodes = []
    start = dob + timedelta(days=draw(st.integers(0, 365 * 10)))
    for _ in range(draw(st.integers(0, 4))):
        length = draw(st.integers(1, 900))
        end = start + timedelta(days=length)
        ep = draw(record(m.CareEpisode, start=st.just(start), end=st.just(end),
                         home_type=st.sampled_from(sorted(CARE_HOME_TYPES))))
        episodes.append(ep)
        start = end + timedelta(days=draw(st.integers(0, 100)))
    if episodes and draw(st.booleans()):
        episodes[-1].end = None

    plan = m.Plan(person=person, care_episodes=episodes)
    matters = draw(st.lists(record(m.ImmigrationMatter), max_size=3))
    for mt in matters:
        mt.since, mt.until = _ordered(mt.since, mt.until)
    plan.immigration = matters
    plan.children = draw(st.lists(record(m.Child, born_on=st.one_of(st.none(), st.dates(dob + timedelta(days=1), today))),
                                  max_size=2))
    # an order ends being looked after: made before the first time in care (none runs past it)
    first = episodes[0].start if episodes else today
    if first > dob:
        orders = draw(st.lists(record(m.PermanenceOrder, made_on=st.dates(dob, first)), max_size=2))
        for o in orders:
            if o.ended_on is not None and o.ended_on <= o.made_on:
                o.ended_on = None
        plan.orders = orders
    rh = draw(record(m.ReturnHome))
    if rh.returned_on is not None:
        for f in ("ended_on", "support_until", "review_on"):
            if getattr(rh, f) is not None and getattr(rh, f) < rh.returned_on:
                setattr(rh, f, None)
    plan.return_home = rh
    plan.relationships = draw(st.lists(record(m.Relationship, name=name), max_size=4))
    ed = draw(record(m.Education))
    ed.start, ed.expected_end = _ordered(ed.start, ed.expected_end)
    plan.education = ed
    home = draw(record(m.Home))
    home.current_since, home.planned_move_date = _ordered(home.current_since, home.planned_move_date)
    plan.home = home
    plan.staying_put = draw(record(m.StayingPut, agreements=_agreements(
        m.StayingPutAgreement, st.dates(dob, birthday(dob, 21)),
        carers=st.lists(record(m.Carer, name=name, email=email), max_size=2),
        house_rules=st.lists(record(m.HouseRule), max_size=3))))
    plan.staying_close = draw(record(m.StayingClose, agreements=_agreements(
        m.StayingCloseAgreement, st.dates(dob, birthday(dob, 25)),
        staff=st.lists(record(m.StayingCloseContact, name=name), max_size=2))))
    plan.health = draw(record(m.Health))
    plan.money = draw(record(m.Money))
    plan.identity = draw(record(m.Identity))
    plan.contingency = draw(record(m.Contingency))
    plan.skills = draw(st.lists(record(m.Skill, key=st.sampled_from(SKILL_KEYS)), max_size=4))
    plan.life_story = draw(st.lists(record(m.LifeStoryEntry), max_size=3))
    areas = draw(st.lists(st.sampled_from(SCHEDULE_1_AREAS), unique=True, max_size=4))
    plan.support_areas = [
        draw(record(m.SupportArea, area=st.just(a),
                    actions=st.lists(record(m.Action, what=name), max_size=3)))
        for a in areas
    ]
    plan.reviews = draw(st.lists(record(m.Review, held_on=st.dates(dob, today)), max_size=3))
    advisers = draw(st.lists(record(m.AdviserPeriod, name=name), max_size=3))
    for a in advisers:
        a.start, a.end = _ordered(a.start, a.end)
    plan.advisers = advisers
    plan.prompt_responses = draw(st.lists(record(m.PromptResponse, rule_id=name), max_size=3))
    plan.needs_assessment_done_on = draw(st.one_of(st.none(), dates))
    plan.plan_agreed_on = draw(st.one_of(st.none(), dates))
    plan.review_requested_on = draw(st.one_of(st.none(), dates))
    plan.pa_support_to_25 = draw(st.booleans())

    # identifiers: unique within the plan, derived from one drawn UUID
    base = draw(st.uuids(version=4)).int
    counter = iter(range(1, 10_000))

    def next_id() -> str:
        return str(uuid.UUID(int=(base + next(counter)) % (1 << 128)))

    plan.id = str(uuid.UUID(int=base))
    for lst in (plan.care_episodes, plan.relationships, plan.life_story, plan.reviews, plan.advisers,
                plan.prompt_responses, plan.skills, plan.immigration, plan.children, plan.orders):
        for item in lst:
            item.id = next_id()
    for a in (*plan.staying_put.agreements, *plan.staying_close.agreements):
        a.id = next_id()
        for name_ in ("carers", "house_rules", "staff", "signatures"):
            for item in getattr(a, name_, ()):
                item.id = next_id()
    for sa in plan.support_areas:
        for a in sa.actions:
            a.id = next_id()
    plan.version = draw(st.integers(1, 50)) if version is None else version
    created = draw(st.datetimes(datetime(2015, 1, 1), datetime(2026, 1, 1), timezones=st.just(UTC)))
    plan.created_at = created.replace(microsecond=0)
    plan.updated_at = (created + timedelta(seconds=draw(st.integers(0, 10**7)))).replace(microsecond=0)
    return plan
