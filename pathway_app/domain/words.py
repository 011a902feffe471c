"""Words that depend on who is spoken of: pronouns and lists of names (pure).

Documents speak of the young person and of their carers in the third person ("Tom will go on
living with his foster carers"). The pronouns are the ones recorded for each person
(``she/her``, ``he/him``, ``they/them``, ``she/they`` …); where none are recorded, or they are
ones the app does not know, the wording uses *they*, which is always correct English, and
never guesses from a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Pronouns:
    subject: str  # she / he / they
    object: str  # her / him / them
    possessive: str  # her / his / their
    reflexive: str  # herself / himself / themselves
    plural_verb: bool  # "they are", not "they is"

    def verb(self, singular: str, plural: str) -> str:
        """The form of a verb that goes with these pronouns: ``verb("is", "are")``."""
        return plural if self.plural_verb else singular


SHE = Pronouns("she", "her", "her", "herself", False)
HE = Pronouns("he", "him", "his", "himself", False)
THEY = Pronouns("they", "them", "their", "themselves", True)

_KNOWN = {"she": SHE, "her": SHE, "hers": SHE, "he": HE, "him": HE, "his": HE,
          "they": THEY, "them": THEY, "their": THEY, "theirs": THEY}


def pronouns(recorded: str) -> Pronouns:
    """The pronouns to write for someone, from what is recorded for them.

    The first one named counts ("she/they" → she); anything the app does not know, or nothing
    recorded, gives *they*.
    """
    words = re.findall(r"[a-z]+", recorded.casefold())
    if not words:
        return THEY
    return _KNOWN.get(words[0], THEY)


def together(people: Sequence[str]) -> Pronouns:
    """The pronouns for a group: *they* for two or more people, else the one person's."""
    if len(people) == 1:
        return pronouns(people[0])
    return THEY


def names(items: Iterable[str], *, conjunction: str = "and") -> str:
    """ "Karen Lowe and Steve Lowe"; "A, B and C"; the empty ones left out."""
    parts = [i.strip() for i in items if i and i.strip()]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly one, else ``many`` ("carer" / "carers")."""
    return one if n == 1 else many


def capitalise(text: str) -> str:
    """The first letter made a capital, the rest as it is ("they are" → "They are")."""
    return text[:1].upper() + text[1:]
