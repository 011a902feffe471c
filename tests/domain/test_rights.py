"""What "My pathway plan" tells a young person they are entitled to, at each age."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.domain.model import AdviserPeriod, CareEpisode, Plan, YoungPerson
from pathway_app.domain.rights import ASK_TO_25, my_rights
from pathway_app.domain.vocab import HomeType

DOB = date(2008, 3, 14)


def _plan(home: HomeType = HomeType.FOSTER, left_on: date | None = None, to_25: bool = False) -> Plan:
    plan = Plan(person=YoungPerson(given_name="Zoë", date_of_birth=DOB))
    plan.care_episodes = [CareEpisode(start=date(2020, 1, 6), end=left_on, home_type=home)]
    plan.home.current_type = home
    plan.advisers = [AdviserPeriod(name="Jo Patel", start=date(2024, 3, 14))]
    plan.pa_support_to_25 = to_25
    return plan


def _at(age: int) -> date:
    return date(DOB.year + age, 6, 1)


@pytest.mark.parametrize("age", [16, 17])
def test_under_18_in_care_the_adviser_carries_on_to_21_and_25_on_request(age):
    words = " ".join(my_rights(_plan(), _at(age)))
    assert "I have a personal adviser now" in words
    assert "until I'm 21" in words and ASK_TO_25 in words
    assert "Staying Put" in words and "after I'm 18" in words
    assert "support ends" not in words and "supports me until" not in words


def test_at_18_in_foster_care():
    words = " ".join(my_rights(_plan(), _at(18)))
    assert "I have a personal adviser and this pathway plan until I'm 21." in words
    assert ASK_TO_25 in words
    assert "keep living with my foster carers until I'm 21" in words


def test_at_22_the_adviser_is_theirs_if_they_ask():
    asked = " ".join(my_rights(_plan(to_25=True), _at(22)))
    assert "until I'm 25" in asked and "I asked" in asked
    not_asked = " ".join(my_rights(_plan(), _at(22)))
    assert "at any time until I'm 25" in not_asked and "ask" in not_asked
    assert "Staying Put" not in not_asked


def test_leaving_a_childrens_home_mentions_staying_close():
    words = " ".join(my_rights(_plan(home=HomeType.RESIDENTIAL), _at(17)))
    assert "Staying Close" in words and "Staying Put" not in words


def test_the_local_offer_is_there_and_nothing_without_a_birthday():
    assert any("local offer" in r for r in my_rights(_plan(), _at(18)))
    plan = _plan()
    plan.person.date_of_birth = None
    assert my_rights(plan, _at(18)) == []
