"""`pathway-planner dates ID [--json]`: every date the category rests on, as its own field."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from pathway_app.domain import dates as D
from pathway_app.domain.model import CareEpisode, Child, PermanenceOrder, Plan, YoungPerson
from pathway_app.domain.vocab import DateOfBirthBasis, OrderKind
from pathway_app.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DOB = date(2009, 5, 10)
D16, D18 = D.birthday(DOB, 16), D.birthday(DOB, 18)
START = D16 + timedelta(days=10)  # 13 weeks completed on START + 90, eligible from START + 91


def run(db: Path, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{db}", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture
def saved(tmp_path):
    plan = Plan(person=YoungPerson(given_name="Tesfay", family_name="Haile", pronouns="he/him", date_of_birth=DOB,
                                   date_of_birth_basis=DateOfBirthBasis.ASSESSED, age_assessed_on=date(2024, 6, 3)))
    plan.care_episodes = [
        CareEpisode(start=D16 - timedelta(days=300), end=D16 - timedelta(days=280), short_break=True),
        CareEpisode(start=START, end=D16 + timedelta(days=200)),
    ]
    plan.orders = [PermanenceOrder(kind=OrderKind.SPECIAL_GUARDIANSHIP, made_on=D16 + timedelta(days=200), with_whom="Aunt Saba")]
    plan.children = [Child(due_on=D16 + timedelta(days=400))]
    path = tmp_path / "dates.db"
    store = open_store(url=f"sqlite:///{path}", create_unencrypted=True)
    store.save(plan, START)
    store.close()
    return path, plan


def test_json_has_every_date_the_category_rests_on(saved):
    path, plan = saved
    today = D16 + timedelta(days=300)
    d = json.loads(run(path, "dates", plan.id[:8], "--today", today.isoformat(), "--json"))
    assert d["date_of_birth"] == DOB.isoformat() and d["date_of_birth_basis"] == "assessed"
    assert d["age_assessed_on"] == "2024-06-03"
    assert [p["start"] for p in d["care_periods"]] == [(D16 - timedelta(days=300)).isoformat(), START.isoformat()]
    assert [p["counts"] for p in d["care_periods"]] == [False, True]
    assert d["care_periods"][1]["ended_by_order"] is None and d["care_periods"][1]["days_counted"] == 190
    assert d["days_counted"] == 190
    assert d["thirteen_weeks_completed_on"] == (START + timedelta(days=90)).isoformat()
    assert d["eligible_from"] == (START + timedelta(days=91)).isoformat()
    assert d["relevant_from"] == (D16 + timedelta(days=200)).isoformat()
    assert d["former_relevant_from"] == D18.isoformat()
    assert d["special_guardianship_order_made_on"] == (D16 + timedelta(days=200)).isoformat()
    assert d["category"] == "relevant" and d["category_since"] == d["relevant_from"]
    assert d["needs_assessment_due"] == (START + timedelta(days=91) + D.relativedelta(months=3)).isoformat()
    assert "next_review_due" in d and d["qualifying_from"] is None
    assert {"when": (D16 + timedelta(days=400)).isoformat(), "what": "Baby due", "kind": "baby", "overdue": False} in d["upcoming"]


def test_json_before_the_13_weeks_are_completed(saved):
    path, plan = saved
    d = json.loads(run(path, "dates", plan.id, "--today", (START + timedelta(days=90)).isoformat(), "--json"))
    assert d["category"] == "not_yet"
    assert d["thirteen_weeks_completed_on"] == (START + timedelta(days=90)).isoformat()
    assert d["eligible_from"] is None
    assert d["eligible_from_if_still_looked_after"] == (START + timedelta(days=91)).isoformat()


def test_text_says_completed_on_and_eligible_from(saved):
    path, plan = saved
    out = run(path, "dates", plan.id, "--today", (D16 + timedelta(days=300)).isoformat())
    completed, eligible = D.fmt(START + timedelta(days=90)), D.fmt(START + timedelta(days=91))
    assert f"Date of birth: {D.fmt(DOB)} (assessed on 3 June 2024), aged 16" in out
    assert "21st " in out and "21th" not in out
    assert f"13 weeks completed on: {completed}" in out and f"Eligible from:         {eligible}" in out
    assert f"Was eligible from {eligible}" in out  # the reason says it in the same words
    assert "Special guardianship order made on" in out and "Baby due" in out
