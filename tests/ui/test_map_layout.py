"""Where the relationship map puts everyone, without a widget: pixels for a given area and font."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from pathway_app.domain.model import Plan, Relationship, YoungPerson
from pathway_app.domain.vocab import Closeness, RelationshipStatus, RelationshipType, ThereAt25
from pathway_app.ui.map_layout import (
    MIN_NODE_RADIUS,
    in_words,
    initials,
    layout_map,
    legend_items,
    legend_rects,
)


def _plan(n: int) -> Plan:
    kinds = list(RelationshipType)
    plan = Plan(person=YoungPerson(given_name="Kai", date_of_birth=date(2009, 2, 28)))
    for i in range(n):
        plan.relationships.append(Relationship(name=f"Person {i} Long-Surname", relationship_type=kinds[i % len(kinds)],
                                               closeness=list(Closeness)[i % 3],
                                               there_at_25=ThereAt25.YES if i % 4 == 0 else ThereAt25.NOT_ASKED))
    return plan


def test_initials():
    assert initials("Amira Hassan") == "AH"
    assert initials("nan") == "N"
    assert initials("  ") == "?"
    assert initials("Mary-Jane Smith") == "MS"


def test_everyone_fits_the_area_and_no_two_names_touch(qapp):
    area = QRectF(0, 40, 800, 520)
    frame = layout_map(_plan(24), area, QFont(), QFont())
    assert len(frame.people) + len(frame.not_shown) == 24
    for i, a in enumerate(frame.people):
        assert area.contains(a.x, a.y) and a.r >= MIN_NODE_RADIUS
        for b in frame.people[i + 1:]:
            assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r
    names = [p.label_rect for p in frame.people if p.label_rect is not None]
    assert names and all(area.contains(r) for r in names)
    assert not any(a.intersects(b) for i, a in enumerate(names) for b in names[i + 1:])


def test_a_crowd_shows_fewer_people_and_counts_the_rest(qapp):
    frame = layout_map(_plan(200), QRectF(0, 0, 500, 400), QFont(), QFont())
    assert frame.not_shown and frame.more_rect is not None
    assert len(frame.people) + len(frame.not_shown) == 200


def test_the_legend_flows_onto_more_lines_when_narrow(qapp):
    items = legend_items(small=False)
    wide, wide_h = legend_rects(items, 2000, QFont())
    narrow, narrow_h = legend_rects(items, 400, QFont())
    assert [k for k, _t, _r in wide] == [k for k, _t, _r in narrow] == [k for k, _t in items]
    assert narrow_h > wide_h
    assert all(r.right() <= 400 for _k, _t, r in narrow if r.left() > 12)
    assert len(legend_items(small=True)) < len(items)


def test_the_map_in_words():
    plan = _plan(3)
    plan.relationships[1].status = RelationshipStatus.ENDED
    words = in_words(plan)
    assert words.startswith("Relationship map for Kai: 3 people.")
    assert "Will be there at 25: Person 0 Long-Surname" in words
    assert "relationship ended" in words
    assert in_words(None) == "No young person open."
