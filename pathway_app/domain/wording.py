"""Small helpers every sentence the app writes is made with: ordinals, pronouns and joining.

One of each, used everywhere (the prompts, the dates, the documents), so "21th birthday",
"about themselves" for a young person whose pronouns are recorded, and reasons run together
with stray capitals ("Move planned on …; No way to keep in touch …") cannot come back in one
place while fixed in another.

- :func:`ordinal`: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 25th.
- :func:`pronouns`: the forms of the pronouns a young person recorded ("he/him" → he, him,
  his, himself); "they" when none are recorded.
- :func:`sentences` and :func:`listing`: reasons joined as sentences, items as "a, b and c".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st, 22nd, 23rd, 25th."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# --------------------------------------------------------------------------- pronouns


@dataclass(frozen=True)
class Pronouns:
    """The forms of a set of pronouns, for writing about a young person."""

    they: str  # he, she, they (subject)
    them: str  # him, her, them (object)
    their: str  # his, her, their (possessive)
    themselves: str  # himself, herself, themselves (reflexive)
    recorded: bool = False  # False: "they", because no pronouns are recorded

    # the same forms by their grammatical names, for sentences written out in code
    @property
    def subject(self) -> str:
        return self.they

    @property
    def object(self) -> str:
        return self.them

    @property
    def possessive(self) -> str:
        return self.their

    @property
    def reflexive(self) -> str:
        return self.themselves

    @property
    def plural_verb(self) -> bool:
        """ "they are", not "they is"."""
        return self.they == "they"

    def verb(self, singular: str, plural: str) -> str:
        """The form of a verb that goes with these pronouns: ``verb("is", "are")``."""
        return plural if self.plural_verb else singular

    def forms(self) -> dict[str, str]:
        """Placeholder name → word, with capitalised variants: {"they": "he", "They": "He", …}."""
        out: dict[str, str] = {}
        for key in ("they", "them", "their", "themselves"):
            word = getattr(self, key)
            out[key] = word
            out[key.capitalize()] = word[:1].upper() + word[1:]
        return out


THEY = Pronouns("they", "them", "their", "themselves")
_KNOWN: dict[str, Pronouns] = {
    "he": Pronouns("he", "him", "his", "himself", True),
    "she": Pronouns("she", "her", "her", "herself", True),
    "they": Pronouns("they", "them", "their", "themselves", True),
    "ze": Pronouns("ze", "zir", "zir", "zirself", True),
    "zie": Pronouns("zie", "zir", "zir", "zirself", True),
    "xe": Pronouns("xe", "xem", "xyr", "xemself", True),
    "it": Pronouns("it", "it", "its", "itself", True),
}
HE, SHE = _KNOWN["he"], _KNOWN["she"]
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def pronouns(text: str | None) -> Pronouns:
    """The pronouns recorded as ``text`` ("he/him", "She/Her", "she/they", "they"), by the first
    set given; "they" when nothing is recorded.

    Pronouns the app does not know ("fae/faer") are used as written: the first word as the
    subject, the second as the object and possessive, the second with "self" as the reflexive.
    """
    words = [w.casefold() for w in _WORDS.findall(text or "")]
    if not words:
        return THEY
    known = _KNOWN.get(words[0])
    if known is not None:
        return known
    obj = words[1] if len(words) > 1 else words[0]
    return Pronouns(words[0], obj, obj, obj + "self", True)


# --------------------------------------------------------------------------- joining


def sentence(text: str) -> str:
    """``text`` as a sentence: trimmed, a capital first letter, and a full stop if it has no
    closing punctuation."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def sentences(bits: Iterable[str]) -> str:
    """Several reasons as sentences: "Move planned on 1 May 2026. Pat has no way to keep in
    touch recorded." (never "…; No way …")."""
    out: list[str] = []
    for b in bits:
        s = sentence(b)
        if s and s not in out:
            out.append(s)
    return " ".join(out)


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    xs = [i for i in (" ".join(str(x).split()) for x in items) if i]
    if len(xs) <= 1:
        return "".join(xs)
    return f"{', '.join(xs[:-1])} {conjunction} {xs[-1]}"


def possessive(name: str) -> str:
    """ "Tesfay's"; "James's" (the app always adds 's, as British usage allows)."""
    name = name.strip()
    return f"{name}'s" if name else ""


def together(people: Sequence[str]) -> Pronouns:
    """The pronouns for a group, from each person's recorded ones: *they* for two or more."""
    if len(people) == 1:
        return pronouns(people[0])
    return THEY


def names(items: Iterable[str], *, conjunction: str = "and") -> str:
    """ "Karen Lowe and Steve Lowe"; "A, B and C"; the empty ones left out."""
    return listing((i for i in items if i and i.strip()), conjunction)


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly one, else ``many`` ("carer" / "carers")."""
    return one if n == 1 else many


def capitalise(text: str) -> str:
    """The first letter made a capital, the rest as it is ("they are" → "They are")."""
    return text[:1].upper() + text[1:]
