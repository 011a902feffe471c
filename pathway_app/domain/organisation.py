"""The organisation's own numbers and words: who a young person can call, and the local offer.

Read from ``resources/organisation.json`` (each organisation puts in its own). Pure data: the
documents decide how to show it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource


@dataclass(frozen=True)
class Contact:
    key: str  # "service", "out_of_hours", "advocacy", "complaints"
    who: str  # for practitioners
    yp: str  # in the young person's words
    phone: str
    when: str


@dataclass(frozen=True)
class Organisation:
    name: str
    contacts: tuple[Contact, ...]
    local_offer: str

    def contact(self, key: str) -> Contact | None:
        return next((c for c in self.contacts if c.key == key), None)


@lru_cache(maxsize=1)
def organisation() -> Organisation:
    with open(resource("organisation.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    contacts = tuple(Contact(c["key"], c["who"], c.get("yp", c["who"]), c.get("phone", ""), c.get("when", ""))
                     for c in raw.get("contacts", []))
    return Organisation(raw.get("name", ""), contacts, raw.get("local_offer", ""))
