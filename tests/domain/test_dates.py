"""Key dates: birthdays (incl. 29 February), the care-leaver category and what is due when."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pathway_app.domain import dates as D
from pathway_app.domain.dates import Category, birthday, fmt
from pathway_app.domain.model import (
    Action,
    CareEpisode,
    Carer,
    Plan,
    Review,
    StayingPut,
    StayingPutAgreement,
    YoungPerson,
)
from pathway_app.domain.summary import PlanSummary
from pathway_app.domain.vocab import ActionStatus, AgreementStatus, Area, Decision, EndBasis, HomeType

DAY = timedelta(days=1)

# One young person for most tests: born 10 May 2009.
DOB = date(2009, 5, 10)
D14, D16, D17, D18 = (birthday(DOB, a) for a in (14, 16, 17, 18))
D21, D25 = birthday(DOB, 21), birthday(DOB, 25)


def ep(start: date, end: date | None = None, *, short_break: bool = False,
       home_type: HomeType = HomeType.FOSTER) -> CareEpisode:
    return CareEpisode(start=start, end=end, short_break=short_break, home_type=home_type)


def plan_with(*episodes: CareEpisode, dob: date = DOB, **plan_kw) -> Plan:
    return Plan(person=YoungPerson(given_name="Test", date_of_birth=dob),
                care_episodes=list(episodes), **plan_kw)


def cat(plan: Plan, today: date) -> D.CategoryResult:
    return D.care_leaver_category(plan, today)


# --------------------------------------------------------------------------- birthdays

LEAP_DOB = date(2008, 2, 29)


def test_29_february_birthdays_fall_on_1_march_in_common_years():
    assert birthday(LEAP_DOB, 18) == date(2026, 3, 1)
    assert birthday(LEAP_DOB, 17) == date(2025, 3, 1)
    assert birthday(LEAP_DOB, 21) == date(2029, 3, 1)
    assert birthday(LEAP_DOB, 25) == date(2033, 3, 1)


def test_29_february_birthday_in_a_leap_year_is_29_february_itself():
    assert birthday(LEAP_DOB, 16) == date(2024, 2, 29)
    assert birthday(LEAP_DOB, 4) == date(2012, 2, 29)


def test_age_on_for_29_february():
    assert D.age_on(LEAP_DOB, date(2026, 2, 28)) == 17
    assert D.age_on(LEAP_DOB, date(2026, 3, 1)) == 18
    assert D.age_on(LEAP_DOB, date(2024, 2, 28)) == 15
    assert D.age_on(LEAP_DOB, date(2024, 2, 29)) == 16
    assert D.age_on(LEAP_DOB, date(2025, 2, 28)) == 16
    assert D.age_on(LEAP_DOB, date(2025, 3, 1)) == 17
    assert D.age_on(LEAP_DOB, LEAP_DOB) == 0


def test_key_birthdays_16_17_18_21_25():
    assert D.key_birthdays(DOB) == {
        16: date(2025, 5, 10), 17: date(2026, 5, 10), 18: date(2027, 5, 10),
        21: date(2030, 5, 10), 25: date(2034, 5, 10),
    }
    assert D.key_birthdays(LEAP_DOB) == {
        16: date(2024, 2, 29), 17: date(2025, 3, 1), 18: date(2026, 3, 1),
        21: date(2029, 3, 1), 25: date(2033, 3, 1),
    }


def test_age_on_ordinary_birthday_edges():
    assert D.age_on(DOB, D18 - DAY) == 17
    assert D.age_on(DOB, D18) == 18
    assert D.age_on(DOB, date(2009, 12, 31)) == 0
    assert D.age_on(DOB, date(2010, 5, 9)) == 0
    assert D.age_on(DOB, date(2010, 5, 10)) == 1
    assert D.age_on(date(2009, 12, 31), date(2027, 12, 30)) == 17
    assert D.age_on(date(2009, 12, 31), date(2027, 12, 31)) == 18


def test_fmt_writes_dates_as_people_in_england_do():
    assert fmt(date(2027, 3, 3)) == "3 March 2027"
    assert fmt(date(2026, 11, 23)) == "23 November 2026"
    assert fmt(None) == ""


dobs = st.one_of(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=1952, max_value=2040).filter(lambda y: y % 4 == 0 and (y % 100 or y % 400 == 0))
    .map(lambda y: date(y, 2, 29)),
)


@given(dob=dobs, age=st.integers(min_value=1, max_value=40))
def test_age_on_agrees_with_birthday_for_any_dob(dob, age):
    day = birthday(dob, age)
    assert D.age_on(dob, day) == age
    assert D.age_on(dob, day - DAY) == age - 1
    # the birthday is the anniversary, or 1 March for a 29 February birth in a common year
    if (dob.month, dob.day) == (2, 29):
        y = dob.year + age
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        assert day == (date(y, 2, 29) if leap else date(y, 3, 1))
    else:
        assert (day.year, day.month, day.day) == (dob.year + age, dob.month, dob.day)


@given(dob=dobs, a=st.integers(0, 30_000), b=st.integers(0, 30_000))
def test_age_never_goes_down_as_days_pass(dob, a, b):
    lo, hi = sorted((a, b))
    try:
        d1, d2 = dob + timedelta(days=lo), dob + timedelta(days=hi)
    except OverflowError:
        assume(False)
    assert 0 <= D.age_on(dob, d1) <= D.age_on(dob, d2)


@given(dob=st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31)),
       on=st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)))
def test_age_on_matches_counting_anniversaries(dob, on):
    assume(on >= dob and (dob.month, dob.day) != (2, 29))
    expected = on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    assert D.age_on(dob, on) == expected


# --------------------------------------------------------------------------- category


def test_under_16_is_not_yet_and_says_when_duties_start():
    plan = plan_with(ep(D14 - timedelta(days=400)))
    r = cat(plan, D16 - DAY)
    assert r.category is Category.NOT_YET
    assert fmt(D16) in r.reason
    assert r.since is None


def test_no_date_of_birth_is_not_yet():
    plan = plan_with(ep(D14))
    plan.person.date_of_birth = None
    r = cat(plan, D17)
    assert r.category is Category.NOT_YET
    assert "birth" in r.reason


def test_eligible_from_the_16th_birthday_when_13_weeks_came_before():
    start = D14 + timedelta(days=100)
    plan = plan_with(ep(start))
    assert cat(plan, D16 - DAY).category is Category.NOT_YET
    r = cat(plan, D16)
    assert r.category is Category.ELIGIBLE
    assert r.since == D16
    assert fmt(start + timedelta(days=90)) in r.reason  # when 13 weeks were reached
    assert fmt(D16) in r.reason


def test_episode_straddling_the_14th_birthday_counts_only_from_the_14th_birthday():
    # Looked after from well before 14 until 91 days after the 14th birthday.
    plan = plan_with(ep(D14 - timedelta(days=300), D14 + timedelta(days=91)))
    basis = D.care_basis(plan, D17)
    assert basis.thirteen_weeks_completed_on == D14 + timedelta(days=90)
    # One day fewer after the 14th birthday: the 300 days before it do not help.
    plan = plan_with(ep(D14 - timedelta(days=300), D14 + timedelta(days=90)))
    assert D.care_basis(plan, D17).thirteen_weeks_completed_on is None


def test_straddling_14th_birthday_then_back_in_care_after_16():
    # 60 days counted after the 14th birthday, then back in care after 16 for 31 days.
    first = ep(D14 - timedelta(days=200), D14 + timedelta(days=60))
    second_start = D16 + timedelta(days=10)
    plan = plan_with(first, ep(second_start))
    eligible_day = second_start + timedelta(days=31)  # the 31st day back completes the 13 weeks
    assert cat(plan, eligible_day - DAY).category is Category.NOT_YET
    r = cat(plan, eligible_day)
    assert r.category is Category.ELIGIBLE and r.since == eligible_day


def test_exactly_91_days_is_eligible_then_relevant_after_leaving():
    # looked after for the whole of 91 days: 13 weeks completed on the 91st day, their last; they
    # were eligible as they left, from the next day, the day they left
    plan = plan_with(ep(D16, D16 + timedelta(days=91)))
    basis = D.care_basis(plan, D17)
    assert basis.thirteen_weeks_completed_on == D16 + timedelta(days=90)
    assert basis.eligible_from == D16 + timedelta(days=91)
    r = cat(plan, D17)
    assert r.category is Category.RELEVANT
    assert r.since == D16 + timedelta(days=91)


def test_90_days_is_not_eligible_but_qualifying_after_leaving():
    left = D16 + timedelta(days=90)
    plan = plan_with(ep(D16, left))
    assert D.care_basis(plan, D17).eligible_from is None
    r = cat(plan, D17)
    assert r.category is Category.QUALIFYING
    assert r.since == left
    # and still qualifying (not former relevant) at 18
    assert cat(plan, D18).category is Category.QUALIFYING


def test_the_day_before_and_the_day_of_eligibility():
    start = D16 + timedelta(days=10)
    plan = plan_with(ep(start))
    day = start + timedelta(days=91)  # the day after the 91st day looked after
    before = cat(plan, day - DAY)  # the 91st day itself: the 13 weeks are not over until it ends
    assert before.category is Category.NOT_YET
    assert f"eligible from {fmt(day)}" in before.reason
    on = cat(plan, day)
    assert on.category is Category.ELIGIBLE
    assert on.since == day
    assert fmt(day) in on.reason


@pytest.mark.parametrize("break_days, eligible", [(28, False), (29, True)])
def test_planned_short_break_up_to_28_days_does_not_count(break_days, eligible):
    b_start = D16 + timedelta(days=5)
    b = ep(b_start, b_start + timedelta(days=break_days), short_break=True)
    reg_start = b_start + timedelta(days=60)
    today = reg_start + timedelta(days=62)  # 62 whole days looked after in the ordinary episode
    plan = plan_with(b, ep(reg_start))
    r = cat(plan, today)
    # 62 + 29 = 91 is exactly 13 weeks; 62 + 28 would be, but a 28-day break is not counted
    assert (r.category is Category.ELIGIBLE) is eligible
    if eligible:
        assert r.since == today
    else:
        assert D.care_basis(plan, today).eligible_from_if_stays == reg_start + timedelta(days=91)


def test_an_ordinary_28_day_episode_does_count():
    e = ep(D16 + timedelta(days=5), D16 + timedelta(days=33))
    reg_start = D16 + timedelta(days=60)
    today = reg_start + timedelta(days=63)
    plan = plan_with(e, ep(reg_start))
    assert cat(plan, today - DAY).category is Category.NOT_YET
    assert cat(plan, today).category is Category.ELIGIBLE


def test_a_gap_in_care_two_episodes_adding_up_to_13_weeks():
    first = ep(D16 - timedelta(days=60), D16 - timedelta(days=20))  # 40 days
    second_start = D16 + timedelta(days=30)
    plan = plan_with(first, ep(second_start))  # 51 more days needed
    day = second_start + timedelta(days=51)  # the 51st day is over
    assert D.care_basis(plan, day).thirteen_weeks_completed_on == day - DAY
    assert cat(plan, day - DAY).category is Category.NOT_YET
    r = cat(plan, day)
    assert r.category is Category.ELIGIBLE and r.since == day


def test_episode_order_in_the_list_does_not_matter():
    a = ep(D16 - timedelta(days=60), D16 - timedelta(days=20))
    b = ep(D16 + timedelta(days=30))
    today = D16 + timedelta(days=200)
    assert cat(plan_with(b, a), today) == cat(plan_with(a, b), today)


def test_left_care_at_17_after_eligibility_is_relevant_since_leaving():
    left = D17 + timedelta(days=30)
    plan = plan_with(ep(D16 - timedelta(days=200), left))
    assert cat(plan, left - DAY).category is Category.ELIGIBLE
    r = cat(plan, left + timedelta(days=10))
    assert r.category is Category.RELEVANT
    assert r.since == left
    assert fmt(left) in r.reason and fmt(D16) in r.reason


def test_18_and_over_is_former_relevant_since_the_18th_birthday():
    left = D17 + timedelta(days=30)
    plan = plan_with(ep(D16 - timedelta(days=200), left))
    assert cat(plan, D18 - DAY).category is Category.RELEVANT
    for today in (D18, D18 + timedelta(days=1000)):
        r = cat(plan, today)
        assert r.category is Category.FORMER_RELEVANT
        assert r.since == D18
        assert fmt(D18) in r.reason


def test_leaving_care_on_the_18th_birthday_is_former_relevant():
    plan = plan_with(ep(D16 - timedelta(days=200), D18))
    assert cat(plan, D18 - DAY).category is Category.ELIGIBLE
    r = cat(plan, D18)
    assert r.category is Category.FORMER_RELEVANT and r.since == D18


def test_looked_after_after_16_but_under_13_weeks_is_qualifying():
    left = D17 + timedelta(days=50)
    plan = plan_with(ep(D17, left))
    assert cat(plan, left - DAY).category is Category.NOT_YET  # still looked after, not 13 weeks
    r = cat(plan, left)
    assert r.category is Category.QUALIFYING
    assert r.since == left


def test_looked_after_only_before_16_is_not_yet():
    plan = plan_with(ep(D14, D14 + timedelta(days=200)))
    r = cat(plan, D17)
    assert r.category is Category.NOT_YET
    assert cat(plan, D18).category is Category.NOT_YET


def test_never_in_care_is_not_yet():
    assert cat(plan_with(), D17).category is Category.NOT_YET


def test_coming_into_care_too_late_to_reach_13_weeks_before_18():
    plan = plan_with(ep(D18 - timedelta(days=30)))
    r = cat(plan, D18 - DAY)
    assert r.category is Category.NOT_YET
    assert "18th birthday" in r.reason
    assert D.care_basis(plan, D18 - DAY).eligible_from_if_stays is None


def test_detained_on_the_16th_birthday_after_13_weeks_is_relevant():
    plan = plan_with(ep(D14, D16 - timedelta(days=30)))
    plan.person.detained_or_in_hospital_on_16th_birthday = True
    r = cat(plan, D17)
    assert r.category is Category.RELEVANT and r.since == D16
    assert cat(plan, D18).category is Category.FORMER_RELEVANT
    plan.person.detained_or_in_hospital_on_16th_birthday = False
    assert cat(plan, D17).category is Category.NOT_YET


def test_an_episode_starting_after_today_is_ignored():
    plan = plan_with(ep(D17 + timedelta(days=10)))
    basis = D.care_basis(plan, D17)
    assert basis.ever_in_care is False
    assert cat(plan, D17).category is Category.NOT_YET


def test_returning_to_care_after_being_relevant_is_eligible_again():
    left = D16 + timedelta(days=150)
    back = D17
    plan = plan_with(ep(D16 - timedelta(days=10), left), ep(back))
    assert cat(plan, left + DAY).category is Category.RELEVANT
    assert cat(plan, back).category is Category.ELIGIBLE


def test_stale_basis_gives_the_same_category_for_someone_still_in_care():
    # 13 weeks reached before 16, but the summary was worked out before they were reached.
    start = D16 - timedelta(days=200)
    plan = plan_with(ep(start))
    earlier = D16 - timedelta(days=150)
    # not reached yet on the earlier day: the basis keeps the day they will be, if still looked after
    assert D.care_basis(plan, earlier).thirteen_weeks_completed_on == start + timedelta(days=90)
    assert D.care_basis(plan, earlier).eligible_from is None
    summary = PlanSummary.of(plan, earlier)
    for later in (D16 - DAY, D16, D16 + timedelta(days=100), D18, D18 + timedelta(days=50)):
        assert summary.category(later) == cat(plan, later), later
    assert fmt(start + timedelta(days=90)) in summary.category(D16).reason


def test_stale_basis_when_eligibility_comes_after_16():
    start = D16 + timedelta(days=40)
    plan = plan_with(ep(start))
    summary = PlanSummary.of(plan, start + timedelta(days=5))
    day = start + timedelta(days=91)
    assert summary.category(day - DAY) == cat(plan, day - DAY)
    assert summary.category(day) == cat(plan, day)
    assert summary.category(day).category is Category.ELIGIBLE


# Random care histories for the property tests: consecutive episodes with gaps.
episode_specs = st.lists(
    st.tuples(st.integers(0, 400), st.integers(1, 500), st.booleans()), min_size=1, max_size=5
)


def _history(first_offset: int, specs, last_open: bool) -> list[CareEpisode]:
    out = []
    cursor = D14 + timedelta(days=first_offset)
    for i, (gap, length, short) in enumerate(specs):
        start = cursor + timedelta(days=gap)
        end = None if (last_open and i == len(specs) - 1) else start + timedelta(days=length)
        out.append(ep(start, end, short_break=short))
        cursor = end or start
    return out


@settings(max_examples=150, deadline=None)
@given(first=st.integers(-1500, 1200), specs=episode_specs, last_open=st.booleans())
def test_category_never_goes_backwards(first, specs, last_open):
    plan = plan_with(*_history(first, specs, last_open))
    seen_eligible = seen_former = False
    day = D14
    while day <= D25:
        c = cat(plan, day).category
        if seen_former:
            assert c is Category.FORMER_RELEVANT, day
        if seen_eligible:
            assert c in (Category.ELIGIBLE, Category.RELEVANT, Category.FORMER_RELEVANT), day
        seen_former = seen_former or c is Category.FORMER_RELEVANT
        seen_eligible = seen_eligible or c in (Category.ELIGIBLE, Category.RELEVANT)
        day += timedelta(days=13)


@settings(max_examples=150, deadline=None)
@given(first=st.integers(-1500, 1200), specs=episode_specs,
       e_off=st.integers(0, 800), l_off=st.integers(0, 1500))
def test_stale_summary_agrees_while_still_in_care(first, specs, e_off, l_off):
    episodes = _history(first, specs, last_open=True)
    plan = plan_with(*episodes)
    earlier = episodes[-1].start + timedelta(days=e_off)
    later = earlier + timedelta(days=l_off)
    assume(earlier >= DOB)
    assert PlanSummary.of(plan, earlier).category(later) == cat(plan, later)


# --------------------------------------------------------------------------- due dates


def test_needs_assessment_due_three_months_after_eligibility():
    plan = plan_with(ep(D14 + timedelta(days=10)))
    assert D.needs_assessment_due(plan, D16) == date(2025, 8, 10)  # D16 = 10 May 2025
    plan.needs_assessment_done_on = D16 + timedelta(days=20)
    assert D.needs_assessment_due(plan, D16) is None


def test_needs_assessment_due_uses_the_projected_date_before_eligibility():
    start = D16 + timedelta(days=10)
    plan = plan_with(ep(start))
    assert D.needs_assessment_due(plan, start + timedelta(days=5)) == (
        start + timedelta(days=91) + D.relativedelta(months=3)
    )


def test_needs_assessment_due_at_month_end_is_never_late():
    # eligible on 30 November -> due the last day of February
    dob = date(2009, 11, 30)
    plan = plan_with(ep(date(2024, 1, 1)), dob=dob)
    assert D.care_basis(plan, date(2025, 12, 1)).eligible_from == date(2025, 11, 30)
    assert D.needs_assessment_due(plan, date(2025, 12, 1)) == date(2026, 2, 28)


def test_needs_assessment_not_due_when_not_looked_after():
    assert D.needs_assessment_due(plan_with(), D17) is None


def test_next_review_six_months_after_the_last_review():
    plan = plan_with(reviews=[Review(held_on=date(2025, 3, 10)), Review(held_on=date(2025, 1, 5))])
    assert D.next_review_due(plan) == date(2025, 9, 10)


def test_next_review_sooner_when_a_review_is_requested():
    plan = plan_with(reviews=[Review(held_on=date(2025, 3, 10))], review_requested_on=date(2025, 4, 1))
    assert D.next_review_due(plan) == date(2025, 4, 29)
    # a request made before the last review was dealt with by it
    plan.review_requested_on = date(2025, 3, 1)
    assert D.next_review_due(plan) == date(2025, 9, 10)
    # a request late enough that the six-month date comes first
    plan.review_requested_on = date(2025, 9, 1)
    assert D.next_review_due(plan) == date(2025, 9, 10)


def test_first_review_from_plan_agreed_then_from_assessment():
    plan = plan_with(plan_agreed_on=date(2025, 6, 2), needs_assessment_done_on=date(2025, 5, 1))
    assert D.next_review_due(plan) == date(2025, 12, 2)
    plan.plan_agreed_on = None
    assert D.next_review_due(plan) == date(2025, 11, 1)
    plan.needs_assessment_done_on = None
    assert D.next_review_due(plan) is None
    plan.review_requested_on = date(2025, 7, 1)
    assert D.next_review_due(plan) == date(2025, 7, 29)


def test_review_after_31_august_is_due_by_the_end_of_february():
    # (was 31 August the following year: the month without a 31st was skipped)
    plan = plan_with(reviews=[Review(held_on=date(2025, 8, 31))])
    assert D.next_review_due(plan) == date(2026, 2, 28)
    assert D.review_schedule(date(2025, 8, 31), 3) == [
        date(2026, 2, 28), date(2026, 8, 28), date(2027, 2, 28)]
    assert D.review_schedule(date(2027, 8, 30), 1) == [date(2028, 2, 29)]


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
def test_reviews_are_never_more_than_six_months_apart(start):
    sched = D.review_schedule(start, 4)
    prev = start
    for d in sched:
        assert 181 <= (d - prev).days <= 184
        assert d <= prev + D.relativedelta(months=6)
        prev = d


def _agreed_staying_put(**agreement) -> StayingPut:
    return StayingPut(decision=Decision.AGREED, agreements=[StayingPutAgreement(carers=[Carer(name="C")], **agreement)])


def test_staying_put_end_capped_at_21st_birthday_and_only_when_agreed():
    plan = plan_with(staying_put=_agreed_staying_put(end=D21 + timedelta(days=100)))
    a = plan.staying_put.current()
    assert D.staying_put_end(plan) == D21
    a.end = D21 - timedelta(days=100)
    assert D.staying_put_end(plan) == D21 - timedelta(days=100)
    a.end = None
    assert D.staying_put_end(plan) == D21
    for d in (Decision.DISCUSSING, Decision.NOT_DISCUSSED, Decision.NOT_WANTED, Decision.NOT_POSSIBLE):
        plan.staying_put.decision = d
        a.end = D21 - timedelta(days=100)
        assert D.staying_put_end(plan) is None


def test_staying_put_runs_past_21_only_to_the_end_of_a_named_course():
    later = D21 + timedelta(days=100)
    plan = plan_with(staying_put=_agreed_staying_put(end=later, end_basis=EndBasis.END_OF_COURSE, course=""))
    assert D.staying_put_end(plan) == D21  # no course named: capped
    plan.staying_put.current().course = "BA Illustration"
    assert D.staying_put_end(plan) == later


def test_an_ended_staying_put_ends_on_the_day_it_ended():
    plan = plan_with(staying_put=_agreed_staying_put(end=D21, status=AgreementStatus.ENDED,
                                                     ended_on=D21 - timedelta(days=30)))
    assert D.staying_put_end(plan) == D21 - timedelta(days=30)


def test_staying_put_end_for_29_february_birth():
    plan = plan_with(dob=LEAP_DOB, staying_put=StayingPut(decision=Decision.AGREED))
    assert D.staying_put_end(plan) == date(2029, 3, 1)


def test_pa_support_ends_at_21_or_25_on_request():
    plan = plan_with()
    assert D.pa_support_end(plan) == D21
    plan.pa_support_to_25 = True
    assert D.pa_support_end(plan) == D25
    plan.person.date_of_birth = None
    assert D.pa_support_end(plan) is None


def _busy_plan() -> Plan:
    plan = plan_with(ep(D16 - timedelta(days=200)),
                     reviews=[Review(held_on=date(2025, 6, 1))],
                     needs_assessment_done_on=date(2025, 5, 20),
                     staying_put=_agreed_staying_put())
    plan.home.planned_move_date = date(2026, 7, 1)
    acts = plan.area(Area.FINANCE).actions
    acts.append(Action(what="Open a bank account", by_when=date(2026, 1, 15)))
    acts.append(Action(what="Done thing", by_when=date(2026, 1, 10), status=ActionStatus.DONE))
    acts.append(Action(what="Dropped thing", by_when=date(2026, 1, 11), status=ActionStatus.DROPPED))
    acts.append(Action(what="Undated thing"))
    return plan


def test_upcoming_is_in_date_order_with_overdue_items_first():
    plan = _busy_plan()
    today = date(2026, 1, 20)
    items = D.upcoming(plan, today)
    whens = [i.when for i in items]
    assert whens == sorted(whens)
    labels = [(i.kind, i.when) for i in items]
    assert labels[0] == ("review", date(2025, 12, 1))  # overdue review first
    assert ("action", date(2026, 1, 15)) in labels  # overdue open action kept
    assert D.is_overdue(items[0], today) and D.is_overdue(items[1], today)
    assert not any(i.label in ("Action: Done thing", "Action: Dropped thing") for i in items)
    assert not any(i.label == "Action: Undated thing" for i in items)
    kinds = [i.kind for i in items]
    assert kinds.count("birthday") == 4  # 16th already passed
    assert ("move", date(2026, 7, 1)) in labels
    assert ("staying_put", D21) in labels and ("pa_support", D21) in labels
    # ties are ordered by kind so the list is stable
    same_day = [i.kind for i in items if i.when == D21]
    assert same_day == sorted(same_day) and "birthday" in same_day


def test_upcoming_without_actions_and_next_due():
    plan = _busy_plan()
    today = date(2026, 1, 20)
    assert all(i.kind != "action" for i in D.upcoming(plan, today, include_actions=False))
    nd = D.next_due(plan, today)
    assert nd is not None and nd.kind == "review" and nd.when == date(2025, 12, 1)


def test_upcoming_drops_past_milestones_but_keeps_due_assessment():
    plan = plan_with(ep(D16 - timedelta(days=200)))
    plan.home.planned_move_date = date(2025, 1, 1)
    today = D17
    items = D.upcoming(plan, today)
    kinds = [i.kind for i in items]
    assert "move" not in kinds
    assert "assessment" in kinds  # overdue: due 10 August 2025, never done
    assert [i.when for i in items if i.kind == "assessment"] == [D16 + D.relativedelta(months=3)]
    assert [i.when for i in items if i.kind == "birthday"] == [D17, D18, D21, D25]


def test_summary_due_items_match_the_plan():
    plan = _busy_plan()
    today = date(2026, 1, 20)
    assert PlanSummary.of(plan, today).due_items(today) == D.upcoming(plan, today, include_actions=False)
    assert PlanSummary.of(plan, today).next_due(today) == D.next_due(plan, today)


def test_dates_summary():
    plan = _busy_plan()
    s = D.dates_summary(plan, D17)
    assert s["age"] == 17
    assert s["category"].category is Category.ELIGIBLE
    assert s["staying_put_end"] == D21 and s["pa_support_end"] == D21
    assert s["next_review_due"] == date(2025, 12, 1)
    assert s["needs_assessment_due"] is None


def test_overlapping_episodes_are_found():
    a = ep(date(2024, 1, 1), date(2024, 3, 1))
    b = ep(date(2024, 2, 1), date(2024, 4, 1))
    c = ep(date(2024, 4, 1))  # starts the day b ended: not an overlap
    assert D.iter_overlaps([c, b, a]) == [(a, b)]
    d = ep(date(2023, 1, 1))  # open, so everything after it overlaps
    assert D.iter_overlaps([d, a]) == [(d, a)]
    assert D.iter_overlaps([]) == []


def test_leaving_care_the_day_before_the_16th_birthday_is_not_qualifying():
    # ``end`` is the first day no longer looked after: ending on the 16th birthday means the
    # last day looked after was the day before it.
    plan = plan_with(ep(D16 - timedelta(days=30), D16))
    assert D.care_basis(plan, D17).looked_after_since_16 is False
    assert cat(plan, D17).category is Category.NOT_YET
    plan = plan_with(ep(D16 - timedelta(days=30), D16 + DAY))
    assert D.care_basis(plan, D17).looked_after_since_16 is True
    r = cat(plan, D17)
    assert r.category is Category.QUALIFYING and r.since == D16 + DAY


def test_13_weeks_reached_but_left_care_on_the_16th_birthday_is_not_eligible():
    plan = plan_with(ep(D14, D16))
    basis = D.care_basis(plan, D17)
    assert basis.thirteen_weeks_completed_on == D14 + timedelta(days=90)
    assert basis.eligible_from is None
    assert cat(plan, D17).category is Category.NOT_YET
    # one more day in care, on the 16th birthday itself, and they were eligible that day
    plan = plan_with(ep(D14, D16 + DAY))
    assert D.care_basis(plan, D17).eligible_from == D16
    r = cat(plan, D17)
    assert r.category is Category.RELEVANT and r.since == D16 + DAY


def test_13_weeks_reached_only_on_the_18th_birthday_is_not_former_relevant():
    plan = plan_with(ep(D18 - timedelta(days=90), D18 + timedelta(days=10)))
    assert cat(plan, D18 - DAY).category is Category.NOT_YET
    r = cat(plan, D18 + timedelta(days=20))
    assert r.category is Category.QUALIFYING


def test_upcoming_birthdays_are_named_with_the_right_ordinal():
    from pathway_app.domain.dates import ordinal
    from pathway_app.domain.model import Plan, YoungPerson

    plan = Plan(person=YoungPerson(given_name="Ada", date_of_birth=date(2010, 6, 1)))
    labels = [i.label for i in D.upcoming(plan, date(2026, 1, 1)) if i.kind == "birthday"]
    assert labels == ["16th birthday", "17th birthday", "18th birthday", "21st birthday", "25th birthday"]
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 22, 23)] == ["1st", "2nd", "3rd", "11th", "12th", "13th", "22nd", "23rd"]
