"""The shared layout of the relationship map and the timeline (no reportlab, no Qt)."""

from __future__ import annotations

import ast
import math
import sys
from datetime import date
from pathlib import Path

import pytest

from pathway_app.domain import geometry
from pathway_app.domain.model import Relationship
from pathway_app.domain.vocab import Closeness, ContactFrequency, RelationshipStatus, RelationshipType, ThereAt25


@pytest.fixture(scope="module")
def plans():
    """The fictional plans of the PDF tests (``tests/export/plans.py``): the PDF and the app
    draw these layouts."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
    try:
        import plans
    finally:
        sys.path.pop(0)
    return plans


def test_geometry_imports_neither_reportlab_nor_qt():
    src = Path(geometry.__file__).read_text(encoding="utf-8")
    names = {n.module or "" for n in ast.walk(ast.parse(src)) if isinstance(n, ast.ImportFrom)}
    names |= {a.name for n in ast.walk(ast.parse(src)) if isinstance(n, ast.Import) for a in n.names}
    assert not any(n.startswith(("reportlab", "PySide6")) for n in names)


def test_people_sit_on_the_ring_for_their_closeness_in_their_sector(plans):
    m = geometry.ecomap_layout(plans.rich_plan().relationships)
    sectors = {s.group: s for s in m.sectors}
    assert abs(sum(s.end - s.start for s in m.sectors) - 360) < 1e-6
    for n in m.nodes:
        assert math.isclose(math.hypot(n.x, n.y), n.radius, rel_tol=1e-9)
        if not n.ended:
            assert n.radius == geometry.RING_RADIUS[n.closeness]
        s = sectors[n.group]
        assert (n.angle - s.start) % 360 <= (s.end - s.start) + 1e-6


def test_ended_there_at_25_and_line_styles():
    rels = [
        Relationship(name="A", closeness=Closeness.VERY_CLOSE, contact_frequency=ContactFrequency.DAILY, there_at_25=ThereAt25.YES),
        Relationship(name="B", closeness=Closeness.VERY_CLOSE, status=RelationshipStatus.ENDED),
        Relationship(name="C", relationship_type=RelationshipType.SIBLING, contact_frequency=ContactFrequency.RARELY),
    ]
    m = geometry.ecomap_layout(rels)
    a, b, c = (next(n for n in m.nodes if n.name == k) for k in "ABC")
    assert a.there_at_25 and not b.there_at_25
    assert b.ended and b.radius == geometry.RING_RADIUS[Closeness.NOT_CLOSE] and b.line_dash == geometry.ENDED_DASH
    assert a.line_width > c.line_width and c.line_dash


def test_a_crowded_map_keeps_the_closest_and_counts_the_rest():
    rels = [Relationship(name=f"P{i}", closeness=list(Closeness)[i % 3]) for i in range(200)]
    m = geometry.ecomap_layout(rels)
    assert len(m.nodes) == geometry.MAX_ON_MAP
    assert m.not_shown == 200 - geometry.MAX_ON_MAP
    assert all(n.closeness is Closeness.VERY_CLOSE for n in m.nodes)
    angles = sorted(n.angle for n in m.nodes)
    assert len(set(round(a, 6) for a in angles)) == len(angles)  # no two people share an angle


def test_timeline_places_labels_without_overlap():
    bdays = {age: date(2008 + age, 3, 14) for age in range(16, 26)}
    events = [geometry.TimelineEvent(date(2026, 10, 1 + i), f"Event {i}", "review") for i in range(5)]
    events.append(geometry.TimelineEvent(date(2040, 1, 1), "Too late", "review"))
    tl = geometry.timeline_layout(bdays, events, date(2026, 11, 23), width=500, measure=lambda s: 5 * len(s))
    assert [t.age for t in tl.ticks] == list(range(16, 26))
    assert tl.ticks[0].x == 0 and tl.ticks[-1].x == 1
    assert len(tl.events) == 5  # the one after 25 is left off
    assert 0 < tl.today_x < 1
    spans: dict[tuple[bool, int], list[tuple[float, float]]] = {}
    for pe in tl.events:
        w = 5 * len(pe.event.label) + 6
        left = min(max(pe.x * 500 - w / 2, 0), 500 - w)
        spans.setdefault((pe.above, pe.level), []).append((left, left + w))
    for row in spans.values():
        row.sort()
        assert all(a[1] <= b[0] + 1e-9 for a, b in zip(row, row[1:]))


def test_many_actions_become_marks_not_labels():
    bdays = {age: date(2008 + age, 3, 14) for age in range(16, 26)}
    events = [geometry.TimelineEvent(date(2027, 1, 1 + i % 28), "Action", "action") for i in range(50)]
    tl = geometry.timeline_layout(bdays, events, date(2026, 11, 23), width=500)
    assert tl.unlabelled_actions == 50
    assert not any(pe.labelled for pe in tl.events)


# --------------------------------------------------------------------------- names on the map

def _people(n: int, seed: int = 7) -> list[Relationship]:
    import random

    rng = random.Random(seed)
    first = ["Sam", "Aunt Bea", "Grandma Rose", "Mr Okafor", "Priya", "Jo Patel", "Hiwet Berhe", "Ελένη",
             "Дмитрий Иванов", "مريم", "Kieran O'Donnell-Smythe", "Zoë Łukasz Ørsted Ștefan"]
    return [Relationship(name=f"{rng.choice(first)} {i}", relationship_type=rng.choice(list(RelationshipType)),
                         closeness=rng.choice(list(Closeness)), there_at_25=rng.choice(list(ThereAt25)))
            for i in range(n)]


METRICS = geometry.LabelMetrics(measure=lambda s: len(s) * 8 * 0.52 / 175, line_height=10 / 175,
                                bounds=(1.45, 1.2), max_width=0.5)


@pytest.mark.parametrize("n", [1, 10, 50, 200])
def test_names_never_overlap_and_are_never_cut(n):
    rels = _people(n)
    m = geometry.ecomap_layout(rels, labels=METRICS, sector_names={g: g.value.upper() for g in geometry.SECTOR_ORDER})
    assert len(m.nodes) + m.not_shown == n
    assert m.nodes, "someone is always on the map"
    boxes = []
    for node in m.nodes:
        assert " ".join(node.label_lines) == " ".join(node.name.split())  # the whole name, never "…"
        boxes.append(geometry._text_box(node.label_x, node.label_y, node.label_anchor, node.label_lines, METRICS))
    for i, a in enumerate(boxes):
        assert -1.45 <= a[0] and a[2] <= 1.45 and -1.2 <= a[1] and a[3] <= 1.2
        for b in boxes[i + 1:]:
            assert not geometry._overlaps(a, b)
        for j, node in enumerate(m.nodes):
            if j != i:
                assert not geometry._overlaps(a, geometry._circle_box(node.x, node.y, geometry.NODE_RADIUS))
        assert not geometry._overlaps(a, geometry._circle_box(0, 0, geometry.CENTRE_RADIUS))


def test_when_not_everyone_fits_the_people_there_at_25_stay():
    rels = _people(200)
    m = geometry.ecomap_layout(rels, labels=METRICS)
    assert m.not_shown > 0
    at25 = sum(1 for r in rels if r.there_at_25 is ThereAt25.YES)
    on_map_at25 = sum(1 for n in m.nodes if n.there_at_25)
    assert on_map_at25 == min(at25, len(m.nodes))


def test_forty_dates_on_the_timeline_never_put_a_label_over_another():
    from datetime import timedelta

    dob = date(2008, 3, 14)
    birthdays = {age: date(dob.year + age, dob.month, dob.day) for age in range(16, 26)}
    events = [geometry.TimelineEvent(birthdays[16] + timedelta(days=40 * i), f"Review of the plan number {i}", "review")
              for i in range(40)]
    width = 480.0
    measure = lambda s: 3.6 * len(s)  # noqa: E731
    tl = geometry.timeline_layout(birthdays, events, date(2026, 11, 23), width=width, measure=measure)
    spans: dict[tuple[bool, int], list[tuple[float, float]]] = {}
    for pe in tl.events:
        if not pe.labelled:
            continue
        w = measure(pe.event.label) + 6
        left = min(max(pe.x * width - w / 2, 0.0), width - w)
        for a, b in spans.get((pe.above, pe.level), []):
            assert left >= b or left + w <= a
        spans.setdefault((pe.above, pe.level), []).append((left, left + w))
    assert tl.crowded == sum(1 for pe in tl.events if not pe.labelled)
    assert tl.crowded > 0 and len(tl.events) == 40
