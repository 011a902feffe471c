"""The care-leaver category at each of its boundaries: the day before, the day of, the day after.

One table: each row a care history (times in care, orders that ended care, a return home,
detention on the 16th birthday) and a day on which the category must be a given one (and, where
it matters, since when). Every boundary appears three times: the day before, on and after it.

"13 weeks" (issue 12): the 13 weeks are **completed on** the 91st day counted and the young
person is **eligible from** the next day, if 16 or over and looked after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from pathway_app.domain import dates as D
from pathway_app.domain.dates import Category, birthday
from pathway_app.domain.model import CareEpisode, PermanenceOrder, Plan, ReturnHome, YoungPerson
from pathway_app.domain.summary import PlanSummary
from pathway_app.domain.validation import validate
from pathway_app.domain.vocab import CareLegalStatus, HomeType, OrderKind

DAY = timedelta(days=1)
DOB = date(2009, 5, 10)
D14, D16, D17, D18, D21 = (birthday(DOB, a) for a in (14, 16, 17, 18, 21))
S = D16 + timedelta(days=10)  # a first day looked after, after the 16th birthday
C = S + timedelta(days=90)  # the 91st day: 13 weeks completed (at its end)
E = C + DAY  # eligible from
SIX = relativedelta(months=6)

NOT_YET, ELIGIBLE, RELEVANT, FORMER, QUALIFYING = (
    Category.NOT_YET, Category.ELIGIBLE, Category.RELEVANT, Category.FORMER_RELEVANT, Category.QUALIFYING)


@dataclass
class History:
    episodes: list[tuple] = field(default_factory=list)  # (start, end, kw)
    orders: list[tuple] = field(default_factory=list)  # (kind, made_on, ended_on)
    home_from: date | None = None
    home_to: date | None = None
    detained: bool = False

    def plan(self) -> Plan:
        p = Plan(person=YoungPerson(given_name="Test", date_of_birth=DOB,
                                    detained_or_in_hospital_on_16th_birthday=self.detained))
        p.care_episodes = [CareEpisode(start=s, end=e, **kw) for s, e, kw in self.episodes]
        p.orders = [PermanenceOrder(kind=k, made_on=m, ended_on=x) for k, m, x in self.orders]
        p.return_home = ReturnHome(returned_on=self.home_from, ended_on=self.home_to)
        return p


def ep(start, end=None, **kw):
    return (start, end, kw)


# (history, day, category, since — or ... when not checked)
ROWS: dict[str, tuple[History, list[tuple[date, Category, object]]]] = {
    "13 weeks after 16: completed on the 91st day, eligible from the next": (
        History([ep(S)]),
        [(C - DAY, NOT_YET, None), (C, NOT_YET, None), (E, ELIGIBLE, E), (E + DAY, ELIGIBLE, E)],
    ),
    "13 weeks before 16: eligible from the 16th birthday": (
        History([ep(D14)]),
        [(D16 - DAY, NOT_YET, None), (D16, ELIGIBLE, D16), (D16 + DAY, ELIGIBLE, D16)],
    ),
    "13 weeks completed on the 16th birthday: eligible from the day after": (
        History([ep(D16 - timedelta(days=90))]),
        [(D16, NOT_YET, None), (D16 + DAY, ELIGIBLE, D16 + DAY), (D16 + 2 * DAY, ELIGIBLE, D16 + DAY)],
    ),
    "eligible at 18: former relevant from the 18th birthday": (
        History([ep(D14)]),
        [(D18 - DAY, ELIGIBLE, D16), (D18, FORMER, D18), (D18 + DAY, FORMER, D18)],
    ),
    "leaving care at 17 after being eligible: relevant from the day they left": (
        History([ep(D14, D17)]),
        [(D17 - DAY, ELIGIBLE, D16), (D17, RELEVANT, D17), (D17 + DAY, RELEVANT, D17)],
    ),
    "leaving the day after the 91st day: eligible as they left, so relevant": (
        History([ep(S, E)]),
        [(C, NOT_YET, None), (E, RELEVANT, E), (E + DAY, RELEVANT, E)],
    ),
    "leaving on the 91st day (90 days): qualifying": (
        History([ep(S, C)]),
        [(C - DAY, NOT_YET, None), (C, QUALIFYING, C), (C + DAY, QUALIFYING, C)],
    ),
    "a short break of 28 days does not count": (
        History([ep(S, S + timedelta(days=28), short_break=True), ep(S + timedelta(days=60))]),
        # 91 days from the second start: completed on its 91st day
        [(S + timedelta(days=150), NOT_YET, None), (S + timedelta(days=151), ELIGIBLE, S + timedelta(days=151)),
         (S + timedelta(days=152), ELIGIBLE, S + timedelta(days=151))],
    ),
    "a short break of 29 days counts": (
        History([ep(S, S + timedelta(days=29), short_break=True), ep(S + timedelta(days=60))]),
        # 29 + 62 days: completed on the 62nd day of the second episode
        [(S + timedelta(days=121), NOT_YET, None), (S + timedelta(days=122), ELIGIBLE, S + timedelta(days=122)),
         (S + timedelta(days=123), ELIGIBLE, S + timedelta(days=122))],
    ),
    "an episode that ends and restarts: the days add up": (
        History([ep(D16 - timedelta(days=60), D16 - timedelta(days=20)), ep(D16 + timedelta(days=30))]),
        # 40 days, then 51 more: completed on the 51st day back
        [(D16 + timedelta(days=80), NOT_YET, None), (D16 + timedelta(days=81), ELIGIBLE, D16 + timedelta(days=81)),
         (D16 + timedelta(days=82), ELIGIBLE, D16 + timedelta(days=81))],
    ),
    "back in care after being relevant: eligible again from the day they came back": (
        History([ep(D14, D16 + timedelta(days=100)), ep(D17)]),
        # "since" stays the day first eligible
        [(D17 - DAY, RELEVANT, D16 + timedelta(days=100)), (D17, ELIGIBLE, D16), (D17 + DAY, ELIGIBLE, D16)],
    ),
    "remanded (custody) is looked after: it counts": (
        History([ep(S, home_type=HomeType.CUSTODY, legal_status=CareLegalStatus.REMAND)]),
        [(C, NOT_YET, None), (E, ELIGIBLE, E), (E + DAY, ELIGIBLE, E)],
    ),
    "detained on the 16th birthday after 13 weeks: relevant": (
        History([ep(D14, D16 - timedelta(days=30))], detained=True),
        [(D16 - DAY, NOT_YET, None), (D16, RELEVANT, D16), (D18, FORMER, D18)],
    ),
    "special guardianship straight after care, made at 15: qualifying from 16 (s.24(1A))": (
        History([ep(D14 - timedelta(days=400), D16 - timedelta(days=200))],
                [(OrderKind.SPECIAL_GUARDIANSHIP, D16 - timedelta(days=200), None)]),
        [(D16 - DAY, NOT_YET, None), (D16, QUALIFYING, D16), (D16 + DAY, QUALIFYING, D16),
         (D18 + DAY, QUALIFYING, D16), (D21 - DAY, QUALIFYING, D16)],
    ),
    "special guardianship without care just before it: not a care leaver": (
        History([ep(D14 - timedelta(days=400), D16 - timedelta(days=210))],
                [(OrderKind.SPECIAL_GUARDIANSHIP, D16 - timedelta(days=200), None)]),
        [(D16 - DAY, NOT_YET, None), (D16, NOT_YET, None), (D16 + DAY, NOT_YET, None)],
    ),
    "an order ends a time in care still recorded as going on": (
        History([ep(D14 - timedelta(days=400))],
                [(OrderKind.SPECIAL_GUARDIANSHIP, D16 - timedelta(days=200), None)]),
        [(D16 - DAY, NOT_YET, None), (D16, QUALIFYING, D16), (D17, QUALIFYING, D16)],
    ),
    "special guardianship revoked at 17: qualifying until the day before": (
        History([ep(D14 - timedelta(days=400), D16 - timedelta(days=200))],
                [(OrderKind.SPECIAL_GUARDIANSHIP, D16 - timedelta(days=200), D17)]),
        [(D17 - DAY, QUALIFYING, D16), (D17, NOT_YET, None), (D17 + DAY, NOT_YET, None)],
    ),
    "special guardianship made after 16 from eligibility: relevant, then six months on not": (
        History([ep(D14, D16 + timedelta(days=50))],
                [(OrderKind.SPECIAL_GUARDIANSHIP, D16 + timedelta(days=50), None)]),
        [(D16 + timedelta(days=49), ELIGIBLE, D16), (D16 + timedelta(days=50), RELEVANT, D16 + timedelta(days=50)),
         (D16 + timedelta(days=50) + SIX - DAY, RELEVANT, ...), (D16 + timedelta(days=50) + SIX, QUALIFYING, ...),
         (D18 + DAY, QUALIFYING, ...)],
    ),
    "adopted at 15: time in care stops there; not a care leaver": (
        History([ep(D14 - timedelta(days=100))], [(OrderKind.ADOPTION, D16 - timedelta(days=300), None)]),
        [(D16 - DAY, NOT_YET, None), (D16, NOT_YET, None), (D16 + DAY, NOT_YET, None)],
    ),
    "adopted at 17 after being eligible: relevant from the order, then six months with the adopters": (
        History([ep(D14)], [(OrderKind.ADOPTION, D17, None)]),
        [(D17 - DAY, ELIGIBLE, D16), (D17, RELEVANT, D17), (D17 + SIX - DAY, RELEVANT, D17), (D17 + SIX, QUALIFYING, D17 + SIX)],
    ),
    "a child arrangements order ends being looked after (no s.24(1A))": (
        History([ep(D14 - timedelta(days=400))], [(OrderKind.CHILD_ARRANGEMENTS, D16 - timedelta(days=200), None)]),
        [(D16 - DAY, NOT_YET, None), (D16, NOT_YET, None), (D16 + DAY, NOT_YET, None)],
    ),
    "back home with family for six months: no longer relevant (reg 3)": (
        History([ep(D14, D17)], home_from=D17),
        [(D17, RELEVANT, D17), (D17 + SIX - DAY, RELEVANT, D17), (D17 + SIX, QUALIFYING, D17 + SIX),
         (D17 + SIX + DAY, QUALIFYING, D17 + SIX)],
    ),
    "going home broke down: relevant again": (
        History([ep(D14, D17)], home_from=D17, home_to=D17 + relativedelta(months=8)),
        [(D17 + relativedelta(months=8) - DAY, QUALIFYING, ...), (D17 + relativedelta(months=8), RELEVANT, D17),
         (D17 + relativedelta(months=8) + DAY, RELEVANT, D17), (D18, FORMER, D18)],
    ),
    "still home with family at 18: not former relevant": (
        History([ep(D14, D17)], home_from=D17),
        [(D18 - DAY, QUALIFYING, ...), (D18, QUALIFYING, ...), (D18 + DAY, QUALIFYING, ...)],
    ),
    "looked after at 18, home with family after: still former relevant": (
        History([ep(D14, D18)], home_from=D18),
        [(D18 - DAY, ELIGIBLE, D16), (D18, FORMER, D18), (D18 + SIX + DAY, FORMER, D18)],
    ),
    "an order long ago, then care: living with the order's carers ended when care began": (
        History([ep(D14, D17)], [(OrderKind.CHILD_ARRANGEMENTS, D14 - timedelta(days=700), None)]),
        [(D17, RELEVANT, D17), (D17 + SIX, RELEVANT, D17), (D18, FORMER, D18)],
    ),
    "back home for less than six months: still relevant": (
        History([ep(D14, D17)], home_from=D17 + timedelta(days=30)),
        [(D17 + timedelta(days=30) + SIX - DAY, RELEVANT, D17), (D17 + timedelta(days=30) + SIX, QUALIFYING, ...)],
    ),
}

CASES = [(name, day, cat, since) for name, (_h, rows) in ROWS.items() for day, cat, since in rows]


@pytest.mark.parametrize("name, day, category, since", CASES, ids=[f"{n} [{d}]" for n, d, _c, _s in CASES])
def test_the_category_on_each_side_of_its_boundaries(name, day, category, since):
    plan = ROWS[name][0].plan()
    r = D.care_leaver_category(plan, day)
    assert r.category is category, r.reason
    if since is not ...:
        assert r.since == since, r.reason
    assert not re.search(r"; [A-Z]", r.reason), r.reason  # reasons read as sentences
    # the summary the caseload keeps (worked out on a save long before) agrees
    assert PlanSummary.of(plan, day).category(day) == r


def test_an_order_is_not_time_in_care_and_validation_says_so():
    plan = ROWS["an order ends a time in care still recorded as going on"][0].plan()
    made = plan.orders[0].made_on
    basis = D.care_basis(plan, D17)
    assert basis.in_care_to == made and basis.sgo_made_on == made
    problems = validate(plan, D17)
    assert [str(p) for p in problems] == [
        f"Care history: the time here runs past the special guardianship order made on {D.fmt(made)}, "
        "which ended being looked after: it should end on that day"
    ]
    plan.care_episodes[0].end = made
    assert validate(plan, D17) == []


def test_the_words_say_completed_on_and_eligible_from():
    r = D.care_leaver_category(History([ep(S)]).plan(), E)
    assert r.reason == (f"13 weeks looked after since the 14th birthday completed on {D.fmt(C)}; looked after at 16 "
                        f"or over, so eligible from {D.fmt(E)}.")
    before = D.care_leaver_category(History([ep(S)]).plan(), C)
    assert f"eligible from {D.fmt(E)} if still looked after" in before.reason
    left = D.care_leaver_category(History([ep(S, E)]).plan(), E)
    assert f"completed on {D.fmt(C)}, the last day looked after, so was eligible on leaving care on {D.fmt(E)}" in left.reason
    sgo = D.care_leaver_category(ROWS["special guardianship straight after care, made at 15: qualifying from 16 (s.24(1A))"][0].plan(), D16)
    assert "special guardianship order made on" in sgo.reason and "s.24(1A)" in sgo.reason
    home = D.care_leaver_category(History([ep(D14, D17)], home_from=D17).plan(), D17 + SIX)
    assert "six months" in home.reason and "reg 3" in home.reason


@pytest.mark.parametrize("day, due", [(E - DAY, E + relativedelta(months=3)), (E, E + relativedelta(months=3))])
def test_the_needs_assessment_is_due_three_months_after_the_day_eligible_from(day, due):
    plan = History([ep(S)]).plan()
    assert D.needs_assessment_due(plan, day) == due


def test_the_dates_the_category_rests_on_each_have_a_value():
    plan = History([ep(D16 - timedelta(days=60), D16 - timedelta(days=20)),
                    ep(D16, D16 + timedelta(days=5), short_break=True),
                    ep(D16 + timedelta(days=30), D17)]).plan()
    cd = D.category_dates(plan, D18 + DAY)
    assert [p.start for p in cd.periods] == [D16 - timedelta(days=60), D16, D16 + timedelta(days=30)]
    assert [p.counts for p in cd.periods] == [True, False, True]
    assert cd.periods[1].why_not.startswith("a planned short break")
    assert cd.days_counted == 40 + (D17 - (D16 + timedelta(days=30))).days
    assert cd.thirteen_weeks_completed_on == D16 + timedelta(days=80)
    assert cd.eligible_from == D16 + timedelta(days=81)
    assert cd.relevant_from == D17 and cd.former_relevant_from == D18
    assert cd.category.category is FORMER and cd.qualifying_from is None
    on_the_91st = D.category_dates(plan, D16 + timedelta(days=80))
    assert on_the_91st.eligible_from is None and on_the_91st.eligible_from_if_stays == D16 + timedelta(days=81)
