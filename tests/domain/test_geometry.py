"""The shared layout of the relationship map and the timeline (no reportlab, no Qt)."""

from __future__ import annotations

import ast
import math
import sys
from datetime import date
from pathlib import Path

import pytest

from pathway_app.domain.model import Relationship
from pathway_app.domain.vocab import Closeness, ContactFrequency, RelationshipStatus, RelationshipType, ThereAt25
from pathway_app.domain import geometry


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
