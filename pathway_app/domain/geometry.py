"""Where things go on the relationship map and the 16-to-25 timeline — pure geometry.

No reportlab and no Qt here: the PDF (:mod:`pathway_app.export.drawings`) and the app's
relationship map and timeline (:mod:`pathway_app.ui.map_view`, :mod:`pathway_app.ui.timeline_view`)
all draw from these layouts, so the pictures in the app and in the PDF match.

Coordinates
-----------
*Relationship map*: the young person is at (0, 0); the outer ring has radius 1; ``y`` points
**up** and angles are in degrees counter-clockwise from the positive x axis (a Qt widget flips
``y``). *Timeline*: ``x`` runs from 0 (16th birthday) to 1 (25th birthday).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from .vocab import (
    RELATIONSHIP_GROUP,
    Closeness,
    ContactFrequency,
    PeopleGroup,
    RelationshipStatus,
    RelationshipType,
    ThereAt25,
)

# --------------------------------------------------------------------------- relationship map

#: Ring radius for each closeness (ended relationships sit on the outer ring).
RING_RADIUS: dict[Closeness, float] = {
    Closeness.VERY_CLOSE: 0.40,
    Closeness.CLOSE: 0.67,
    Closeness.NOT_CLOSE: 0.93,
}
CENTRE_RADIUS = 0.16
NODE_RADIUS = 0.052

#: Sector order, counter-clockwise starting at the top-left: family at the top,
#: friends and community on the left, professionals at the bottom, carers on the right.
SECTOR_ORDER: tuple[PeopleGroup, ...] = (
    PeopleGroup.FAMILY,
    PeopleGroup.FRIENDS,
    PeopleGroup.PROFESSIONALS,
    PeopleGroup.CARERS,
)

#: Line weight (in points at a 1:1 scale) for how often they are in touch.
LINE_WIDTH: dict[ContactFrequency, float] = {
    ContactFrequency.DAILY: 3.6,
    ContactFrequency.WEEKLY: 2.6,
    ContactFrequency.MONTHLY: 1.8,
    ContactFrequency.FEW_TIMES_A_YEAR: 1.1,
    ContactFrequency.RARELY: 0.8,
    ContactFrequency.NONE: 0.8,
}

#: Dash pattern (on, off) — empty for a solid line.
LINE_DASH: dict[ContactFrequency, tuple[float, ...]] = {
    ContactFrequency.DAILY: (),
    ContactFrequency.WEEKLY: (),
    ContactFrequency.MONTHLY: (),
    ContactFrequency.FEW_TIMES_A_YEAR: (),
    ContactFrequency.RARELY: (4, 3),
    ContactFrequency.NONE: (1, 3),
}
ENDED_DASH: tuple[float, ...] = (3, 3)

#: Most people drawn on one map; the rest are listed in the table beside it.
MAX_ON_MAP = 36


@dataclass(frozen=True)
class MapNode:
    id: str
    name: str
    group: PeopleGroup
    closeness: Closeness
    frequency: ContactFrequency
    x: float
    y: float
    angle: float  # degrees
    radius: float  # the ring
    there_at_25: bool  # "yes" — drawn with a star badge
    maybe_at_25: bool
    ended: bool
    line_width: float
    line_dash: tuple[float, ...]
    label_anchor: str  # "start" (label to the right), "end" (to the left) or "middle"
    # Where the name goes (with :func:`ecomap_layout`'s ``labels``): the point the first line's
    # baseline is anchored at, in map units, and the name's lines (never cut short).
    label_x: float = 0.0
    label_y: float = 0.0
    label_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sector:
    group: PeopleGroup
    start: float  # degrees
    end: float
    count: int

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


@dataclass
class EcoMap:
    nodes: list[MapNode] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    rings: tuple[float, ...] = tuple(RING_RADIUS.values())
    not_shown: int = 0  # people left off the map because it would be too crowded
    sector_labels: list[SectorLabel] = field(default_factory=list)


@dataclass(frozen=True)
class SectorLabel:
    """A sector's name, just outside the outer ring near where the sector starts."""

    group: PeopleGroup
    x: float
    y: float
    anchor: str  # "start" | "middle" | "end"


@dataclass(frozen=True)
class LabelMetrics:
    """How big names are drawn, in map units (the outer ring's radius is 1).

    ``measure(text)`` is a line's width; ``line_height`` the height of one line;
    ``bounds`` the half-width and half-height of the whole picture (names may sit outside the
    outer ring, up to the picture's edge); ``max_width`` the width past which a name is wrapped
    onto a second line (at a space — a name is never cut short).
    """

    measure: Callable[[str], float]
    line_height: float
    bounds: tuple[float, float]
    max_width: float = 0.6
    sector_label_width: Callable[[str], float] | None = None


Box = tuple[float, float, float, float]  # left, bottom, right, top


class Person(Protocol):
    """Someone on the map: a :class:`pathway_app.domain.model.Relationship`, or what a document
    keeps of one (:class:`pathway_app.export.model.MapPerson`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def relationship_type(self) -> RelationshipType: ...
    @property
    def closeness(self) -> Closeness: ...
    @property
    def contact_frequency(self) -> ContactFrequency: ...
    @property
    def there_at_25(self) -> ThereAt25: ...
    @property
    def status(self) -> RelationshipStatus: ...


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _circle_box(x: float, y: float, r: float) -> Box:
    return (x - r, y - r, x + r, y + r)


def _priority(rel: Person) -> tuple[bool, bool, int]:
    closeness_rank = list(RING_RADIUS).index(rel.closeness)
    ended = rel.status is RelationshipStatus.ENDED
    at25 = rel.there_at_25 is ThereAt25.YES
    return (ended, not at25, closeness_rank)


def ecomap_layout(relationships: Sequence[Person], max_on_map: int = MAX_ON_MAP,
                  labels: LabelMetrics | None = None, sector_names: dict[PeopleGroup, str] | None = None) -> EcoMap:
    """Place people on rings by closeness, in sectors by group.

    ``relationships`` are :class:`pathway_app.domain.model.Relationship` (or anything with the
    same attributes). Sectors get a share of the circle in proportion to how many people are
    in them (an empty group keeps a small share, so the gap is visible).

    With ``labels``, every name is given a place where it overlaps no other name, no person,
    no sector name and not the middle, and is never cut short; when some names cannot be
    placed, fewer people go on the map (the most important first: the people who will be there
    at 25, then the closest) and ``not_shown`` says how many are left for the list beside it.
    """
    if labels is None:
        return _ecomap(list(relationships), max_on_map)
    rels = list(relationships)
    limit = min(max_on_map, len(rels))
    while True:
        m = _ecomap(rels, limit)
        placed = _place_labels(m, labels, sector_names or {})
        if placed is not None or limit == 0:
            return placed if placed is not None else m
        # drop the least important person on the map and try again
        limit -= max(1, limit // 12)


def _ecomap(relationships: list[Person], max_on_map: int) -> EcoMap:
    rels = relationships
    shown = sorted(rels, key=_priority)[:max_on_map]
    shown_ids = {id(r) for r in shown}
    shown = [r for r in rels if id(r) in shown_ids]  # keep the user's order
    by_group: dict[PeopleGroup, list[Person]] = {g: [] for g in SECTOR_ORDER}
    for r in shown:
        by_group[RELATIONSHIP_GROUP.get(r.relationship_type, PeopleGroup.FRIENDS)].append(r)
    weights = {g: (len(v) + 0.6 if v else 0.6) for g, v in by_group.items()}
    total = sum(weights.values())
    sectors: list[Sector] = []
    start: float = 90  # the family sector is centred on the top - 360 * weights[SECTOR_ORDER[0]] / total / 2
    for g in SECTOR_ORDER:
        span = 360 * weights[g] / total
        sectors.append(Sector(g, start, start + span, len(by_group[g])))
        start += span
    nodes: list[MapNode] = []
    for sec in sectors:
        people = by_group[sec.group]
        if not people:
            continue
        span = sec.end - sec.start
        # One angular slot per person across the whole sector, so people on different rings
        # never share an angle and their labels don't collide.
        ordered = sorted(people, key=lambda r: list(RING_RADIUS).index(r.closeness))
        # interleave rings so neighbours in the sector sit on different rings
        n = len(ordered)
        slots = _interleave(ordered)
        for i, r in enumerate(slots):
            a = sec.start + span * (i + 0.5) / n
            ended = r.status is RelationshipStatus.ENDED
            rad = RING_RADIUS[Closeness.NOT_CLOSE] if ended else RING_RADIUS[r.closeness]
            x, y = rad * math.cos(math.radians(a)), rad * math.sin(math.radians(a))
            ca = math.cos(math.radians(a))
            anchor = "middle" if abs(ca) < 0.25 else ("start" if ca > 0 else "end")
            nodes.append(
                MapNode(
                    id=r.id,
                    name=r.name,
                    group=sec.group,
                    closeness=r.closeness,
                    frequency=r.contact_frequency,
                    x=x,
                    y=y,
                    angle=a % 360,
                    radius=rad,
                    there_at_25=r.there_at_25 is ThereAt25.YES,
                    maybe_at_25=r.there_at_25 is ThereAt25.MAYBE,
                    ended=ended,
                    line_width=LINE_WIDTH.get(r.contact_frequency, 1.0),
                    line_dash=ENDED_DASH if ended else LINE_DASH.get(r.contact_frequency, ()),
                    label_anchor=anchor,
                )
            )
    return EcoMap(nodes=nodes, sectors=sectors, not_shown=len(rels) - len(shown),
                  sector_labels=[sector_label(sec) for sec in sectors])


def sector_label(sec: Sector) -> SectorLabel:
    """Where a sector's name goes: outside the outer ring, a little way into the sector (people
    sit at the middle of their angular slots, so the sector's edges stay clear)."""
    am = math.radians(sec.start + min(7.0, (sec.end - sec.start) / 4))
    ca, sa = math.cos(am), math.sin(am)
    anchor = "middle" if abs(ca) < 0.3 else ("start" if ca > 0 else "end")
    return SectorLabel(sec.group, 1.05 * ca, 1.05 * sa + (0.02 if sa > 0.3 else -0.02 if sa < -0.3 else 0), anchor)


def _wrap(name: str, lm: LabelMetrics) -> tuple[str, ...]:
    name = " ".join(name.split()) or "?"
    if lm.measure(name) <= lm.max_width or " " not in name:
        return (name,)
    words = name.split(" ")
    best: tuple[str, ...] = (name,)
    best_w = lm.measure(name)
    for i in range(1, len(words)):
        lines = (" ".join(words[:i]), " ".join(words[i:]))
        w = max(lm.measure(t) for t in lines)
        if w < best_w:
            best, best_w = lines, w
    return best


def _text_box(x: float, y: float, anchor: str, lines: tuple[str, ...], lm: LabelMetrics) -> Box:
    """The box of ``lines`` whose first baseline is anchored at (x, y) (y up; lines go down)."""
    w = max(lm.measure(t) for t in lines)
    left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    top = y + lm.line_height * 0.8
    bottom = y - lm.line_height * (len(lines) - 1) - lm.line_height * 0.25
    return (left, bottom, left + w, top)


def _width_of(w: float) -> Callable[[str], float]:
    """A measure giving every text the width ``w``."""
    return lambda _s: w


def _place_labels(m: EcoMap, lm: LabelMetrics, sector_names: dict[PeopleGroup, str]) -> EcoMap | None:
    """``m`` with a place for every name, or None when one cannot be placed."""
    bx, by = lm.bounds
    taken: list[Box] = [_circle_box(0, 0, CENTRE_RADIUS)]
    node_r = NODE_RADIUS
    for sl in m.sector_labels:
        words = sector_names.get(sl.group, "")
        if words:
            w = (lm.sector_label_width or lm.measure)(words)
            taken.append(_text_box(sl.x, sl.y, sl.anchor, (words,), LabelMetrics(_width_of(w), lm.line_height, lm.bounds)))
    discs = [_circle_box(n.x, n.y, node_r * 1.15) for n in m.nodes]
    order = sorted(range(len(m.nodes)), key=lambda i: (m.nodes[i].ended, not m.nodes[i].there_at_25,
                                                        m.nodes[i].radius))
    out: dict[int, MapNode] = {}
    gap = node_r * 0.4
    for i in order:
        n = m.nodes[i]
        lines = _wrap(n.name, lm)
        h = lm.line_height * len(lines)
        ux, uy = (n.x / n.radius, n.y / n.radius) if n.radius else (1.0, 0.0)
        outward_right = ux >= 0
        side = [("start", n.x + node_r + gap, n.y - lm.line_height * 0.3 + (h - lm.line_height) / 2),
                ("end", n.x - node_r - gap, n.y - lm.line_height * 0.3 + (h - lm.line_height) / 2)]
        if not outward_right:
            side.reverse()
        vertical = [("middle", n.x, n.y + node_r + gap + lm.line_height * 0.25 + (h - lm.line_height)),
                    ("middle", n.x, n.y - node_r - gap - lm.line_height * 0.8)]
        if uy < 0:
            vertical.reverse()
        candidates = (vertical + side) if abs(ux) < 0.25 else (side + vertical)
        # then further out along the same directions, for crowded rings
        candidates += [(a, x + (0.08 if a == "start" else -0.08 if a == "end" else 0),
                        y + (0.0 if a != "middle" else (0.08 if y > n.y else -0.08))) for a, x, y in candidates]
        placed = None
        for anchor, x, y in candidates:
            box = _text_box(x, y, anchor, lines, lm)
            if box[0] < -bx or box[2] > bx or box[1] < -by or box[3] > by:
                continue
            if any(_overlaps(box, t) for t in taken):
                continue
            if any(_overlaps(box, d) for j, d in enumerate(discs) if j != i):
                continue
            placed = (anchor, x, y, box)
            break
        if placed is None:
            return None
        anchor, x, y, box = placed
        taken.append(box)
        out[i] = MapNode(**{**n.__dict__, "label_anchor": anchor, "label_x": x, "label_y": y, "label_lines": lines})
    return EcoMap(nodes=[out[i] for i in range(len(m.nodes))], sectors=m.sectors, rings=m.rings,
                  not_shown=m.not_shown, sector_labels=m.sector_labels)


def _interleave(people: list[Person]) -> list[Person]:
    """Spread people of each ring across the sector: a, b, c from inner/outer rings alternate."""
    rings: dict[Closeness, list[Person]] = {}
    for p in people:
        rings.setdefault(p.closeness, []).append(p)
    queues = list(rings.values())
    out: list[Person] = []
    while any(queues):
        for q in queues:
            if q:
                out.append(q.pop(0))
    return out


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineEvent:
    when: date
    label: str
    kind: str  # birthday | review | staying_put | move | assessment | pa_support | action | today


@dataclass(frozen=True)
class PlacedEvent:
    event: TimelineEvent
    x: float  # 0..1
    above: bool  # label above the axis
    level: int  # 0 nearest the axis
    labelled: bool  # False: a small mark only (too many to label)


@dataclass(frozen=True)
class Tick:
    x: float
    age: int
    when: date


@dataclass
class Timeline:
    start: date
    end: date
    ticks: list[Tick]
    events: list[PlacedEvent]
    today_x: float | None  # None when today is outside 16–25
    levels_above: int
    levels_below: int
    unlabelled_actions: int = 0
    crowded: int = 0  # other events with no room for a label (a mark only; listed in the text)


def x_of(when: date, start: date, end: date) -> float:
    total = (end - start).days or 1
    return (when - start).days / total


def timeline_layout(
    birthdays: dict[int, date],
    events: Iterable[TimelineEvent],
    today: date,
    *,
    width: float,
    measure: Callable[[str], float] | None = None,
    max_labelled_actions: int = 6,
    max_levels: int = 4,
) -> Timeline:
    """Lay the events between the 16th and 25th birthdays out on an axis ``width`` wide.

    Labels alternate above and below the axis and climb to the next level when they would
    overlap the label before them on that side. ``measure(text)`` gives a label's width in the
    same units as ``width`` (default: a rough 5 units per character). Birthdays are always
    labelled (as ticks); actions beyond ``max_labelled_actions`` are drawn as marks only.
    """
    start, end = birthdays[16], birthdays[25]
    measure = measure or (lambda s: 5.0 * len(s))
    pad = 6.0
    ticks = [Tick(x_of(d, start, end), age, d) for age, d in sorted(birthdays.items()) if start <= d <= end]
    inside = sorted((e for e in events if start <= e.when <= end), key=lambda e: (e.when, e.kind))
    actions = [e for e in inside if e.kind == "action"]
    label_actions = len(actions) <= max_labelled_actions
    placed: list[PlacedEvent] = []
    # right edge of the last label at each level, per side
    edges: dict[bool, list[float]] = {True: [], False: []}
    side = True
    crowded = 0
    for e in inside:
        x = x_of(e.when, start, end)
        if e.kind == "action" and not label_actions:
            placed.append(PlacedEvent(e, x, False, 0, False))
            continue
        w = measure(e.label) + pad
        left = x * width - w / 2
        left = min(max(left, 0.0), width - w)
        best: tuple[bool, int] | None = None
        for s in (side, not side):
            lv = edges[s]
            for level in range(max_levels):
                if level >= len(lv) or lv[level] <= left:
                    if best is None or level < best[1]:
                        best = (s, level)
                    break
        if best is None:  # no room on any level: a mark only, never a label over another
            placed.append(PlacedEvent(e, x, side, 0, False))
            crowded += 1
            continue
        s, level = best
        lv = edges[s]
        while len(lv) <= level:
            lv.append(-1e9)
        lv[level] = left + w
        placed.append(PlacedEvent(e, x, s, level, True))
        side = not s
    today_x = x_of(today, start, end) if start <= today <= end else None
    return Timeline(
        start=start,
        end=end,
        ticks=ticks,
        events=placed,
        today_x=today_x,
        levels_above=len(edges[True]),
        levels_below=len(edges[False]),
        unlabelled_actions=0 if label_actions else len(actions),
        crowded=crowded,
    )
