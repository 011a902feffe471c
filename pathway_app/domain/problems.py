"""A problem with a plan: where it is (a plan path, and in words) and what is wrong.

Its own module so that every check (validation, the agreements' rules) can report one without
importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str  # plan path of the field, e.g. "care_episodes[<id>].end"
    message: str  # what is wrong, in plain words, starting in lower case
    place: str = ""  # where it is, in words: "Care history — Oak House"

    def __str__(self) -> str:
        if self.place:
            return f"{self.place}: {self.message}"
        return self.message[:1].upper() + self.message[1:]
