"""The document model every PDF is built as: a title, metadata and sections of blocks.

A :class:`Document` is a title, its metadata and a list of :class:`Section` s, each a list of
blocks (paragraphs, the young person's own words, key/value lists, tables, pictures, signature
lines, boxed notes). The editions of the pathway plan (:mod:`pathway_app.export.editions`)
and "Everything we hold about you" (:mod:`pathway_app.export.subject_access`) build one;
:mod:`pathway_app.export.render` draws it with reportlab. No reportlab here: a model is
tested structurally.

All text in the model is *plain text*; the renderer escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..domain import geometry
from ..domain.vocab import Closeness, ContactFrequency, RelationshipStatus, RelationshipType, ThereAt25

MARKING = "OFFICIAL-SENSITIVE"


# --------------------------------------------------------------------------- blocks


@dataclass
class Para:
    text: str
    style: str = "body"  # body | lead | small | muted | empty


@dataclass
class Heading:
    """A heading inside a section: level 2 under the section's title, 3 and 4 smaller still."""

    text: str
    level: int = 2


@dataclass
class Quote:
    """The young person's own words, shown as theirs: a styled quote with their name."""

    text: str
    who: str
    label: str = ""  # e.g. "In Zoë's words"


@dataclass(frozen=True)
class Marked:
    """A value to be checked before it is released: information about another person.

    Drawn on an amber band under its mark: ``mark`` is the words of the mark, e.g. "For review ·
    safety note involving another person" (a narrow table cell has room for "For review" alone).
    """

    text: str
    mark: str


#: A value in a key/value list or a table cell: plain text, a marked value, or several of these
#: stacked in one cell, one under another (e.g. the changes of one saved edit).
Cell = str | Marked | list


@dataclass
class KeyValues:
    rows: list[tuple[str, Cell]]


@dataclass
class Table:
    header: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    widths: tuple[float, ...]  # fractions of the text width
    empty: str = ""  # said instead of an empty table
    kind: str = "plain"  # plain | actions | people | dates
    band_from: int = 0  # a row holding a marked value is banded amber from this column on


@dataclass
class Picture:
    kind: str  # "ecomap" | "timeline"
    data: object  # MapSpec, or TimelineSpec
    caption: str = ""
    centre: str = ""  # the young person's name at the centre of the map


@dataclass(frozen=True)
class MapPerson:
    """What the map shows of someone: nothing else of their record reaches a document."""

    id: str
    name: str
    relationship_type: RelationshipType
    closeness: Closeness
    contact_frequency: ContactFrequency
    there_at_25: ThereAt25
    status: RelationshipStatus


@dataclass
class MapSpec:
    """The relationship map: who is in it. Each renderer lays it out for its own type sizes
    (:func:`pathway_app.domain.geometry.ecomap_layout`), so names are placed without overlaps."""

    people: tuple[MapPerson, ...]
    centre: str  # the young person's name at the centre


@dataclass
class TimelineSpec:
    birthdays: dict[int, date]
    events: list[geometry.TimelineEvent]
    today: date


@dataclass
class Signatures:
    signers: list[tuple[str, str]]  # (role, name — may be empty)
    note: str = ""


@dataclass
class Callout:
    """A boxed note, e.g. "nothing recorded yet" or an explanation for the young person."""

    text: str
    title: str = ""
    tone: str = "info"  # info | warm | missing


Block = Para | Heading | Quote | KeyValues | Table | Picture | Signatures | Callout


@dataclass
class Section:
    title: str
    bookmark: str  # a stable anchor name, also the outline key
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = False
    level: int = 0  # 0: a part of the document; 1: a part of the part before it (in the outline too)


@dataclass
class Document:
    edition: str
    title: str  # "Pathway plan" ...
    person_name: str
    produced_on: date
    version: int
    sections: list[Section]
    author: str
    subject: str
    cover: list[Block] = field(default_factory=list)  # before the first section, on page 1
    marking: str = MARKING
    lang: str = "en-GB"
    keywords: str = ""
    marking_every_page: bool = True  # False: the marking once, on the first page
    header_note: str = ""  # a few words at the top of every page

    @property
    def full_title(self) -> str:
        return f"{self.title} — {self.person_name}"

    def section(self, bookmark: str) -> Section:
        for s in self.sections:
            if s.bookmark == bookmark:
                return s
        raise KeyError(bookmark)
