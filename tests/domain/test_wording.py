"""One ordinal, one pronoun helper, one way of joining reasons — and no hand-made ones left."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from pathway_app.domain.days import date_of_birth_words
from pathway_app.domain.vocab import DateOfBirthBasis
from pathway_app.domain.wording import THEY, listing, ordinal, pronouns, sentence, sentences

APP = Path(__file__).resolve().parents[2] / "pathway_app"


@pytest.mark.parametrize("n, words", [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (14, "14th"),
    (16, "16th"), (18, "18th"), (20, "20th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (24, "24th"),
    (25, "25th"), (75, "75th"), (101, "101st"), (111, "111th"), (112, "112th"),
])
def test_ordinal(n, words):
    assert ordinal(n) == words


@pytest.mark.parametrize("text, they, their, themselves", [
    ("he/him", "he", "his", "himself"),
    ("He / Him", "he", "his", "himself"),
    ("she/her", "she", "her", "herself"),
    ("she/they", "she", "her", "herself"),
    ("they/them", "they", "their", "themselves"),
    ("", "they", "their", "themselves"),
    ("ze/zir", "ze", "zir", "zirself"),
    ("fae/faer", "fae", "faer", "faerself"),
])
def test_pronouns(text, they, their, themselves):
    p = pronouns(text)
    assert (p.they, p.their, p.themselves) == (they, their, themselves)
    assert p.recorded is bool(text)
    assert p.forms()["Their"] == their.capitalize()


def test_they_is_used_when_nothing_is_recorded():
    assert pronouns(None) is THEY and not THEY.recorded


def test_reasons_are_joined_as_sentences_never_with_a_stray_capital_after_a_semicolon():
    joined = sentences(["Move planned on 1 September 2026", "No way to keep in touch recorded for: Pat", "", "Move planned on 1 September 2026"])
    assert joined == "Move planned on 1 September 2026. No way to keep in touch recorded for: Pat."
    assert not re.search(r"; [A-Z]", joined)
    assert sentence("already ends.") == "Already ends."
    assert listing(["Pat"]) == "Pat" and listing(["Pat", "Dee"]) == "Pat and Dee"
    assert listing(["Pat", "Dee", "Lee"]) == "Pat, Dee and Lee"


def test_the_date_of_birth_says_how_it_is_known():
    dob, on = date(2008, 7, 20), date(2024, 6, 30)
    assert date_of_birth_words(dob, DateOfBirthBasis.STATED, None) == "20 July 2008"
    assert date_of_birth_words(dob, DateOfBirthBasis.ASSESSED, on) == "20 July 2008 (assessed on 30 June 2024)"
    assert date_of_birth_words(dob, DateOfBirthBasis.DISPUTED, on) == "20 July 2008 (disputed; age assessment on 30 June 2024)"
    assert date_of_birth_words(dob, DateOfBirthBasis.DISPUTED, None) == "20 July 2008 (disputed)"
    assert date_of_birth_words(None, DateOfBirthBasis.ASSESSED, on) == ""


# The files this change owns (others are another helper's, listed in the report for the lead).
OWNED = [
    "domain/dates.py", "domain/days.py", "domain/care_leaver.py", "domain/validation.py",
    "domain/guidance/engine.py", "domain/guidance/rules.py", "domain/guidance/answers.py",
    *(str(p.relative_to(APP)) for p in (APP / "domain" / "guidance" / "predicates").glob("*.py")),
    "export/blocks.py", "export/editions/full.py", "commands/dates.py",
]


@pytest.mark.parametrize("rel", OWNED)
def test_no_hand_made_ordinals_or_themselves_in_sentences(rel):
    """"{n}th birthday" made "21th"; "about themselves" ignored recorded pronouns."""
    text = (APP / rel).read_text(encoding="utf-8")
    assert not re.search(r"\{[^{}]*\}th\b", text), "use wording.ordinal"
    assert not re.search(r"f\"[^\"]*about themselves", text), "use wording.pronouns"
