"""One word in one place: a field's words come from the field catalogue, and no one reads a path.

The structure issue found the same labels written six times over; the catalogue
(``resources/fields.json``, :mod:`pathway_app.domain.fields`) now holds them. These tests fail
when a table of labels comes back, and when ``pathway-planner show`` or "Everything we hold
about you" lets a plan path ("relationships[3f2c…].phone") or an attribute name ("there_at_25")
through to a reader.
"""

from __future__ import annotations

import copy
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from pathway_app.commands.show import render
from pathway_app.demo import demo_plans
from pathway_app.domain import fields
from pathway_app.domain.introspect import specs
from pathway_app.domain.model import Action, LifeStoryEntry, Plan, Relationship
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.domain.vocab import Area
from pathway_app.export import subject_access as sa
from pathway_app.store import audit
from pathway_app.store.subject_access import subject_access_bundle

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)

#: The label tables the catalogue replaced (by any spelling of their names).
DUPLICATE_TABLES = re.compile(r"\b_?(FIELD_LABELS|FIELD_WORDS|SECTION_TITLES)\b")
#: A plan path as the audit trail and validation write it: relationships[3f2c].phone
PATH = re.compile(r"[a-z_]+\[[^\]]+\]\.")
#: An attribute name: a word with an underscore inside it (there_at_25, home_type)
ATTRIBUTE = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9]")


def _no_paths(text: str) -> None:
    assert not PATH.findall(text), PATH.findall(text)[:5]
    bad = [text[max(0, m.start() - 30): m.end() + 30] for m in ATTRIBUTE.finditer(text)]
    assert not bad, bad[:5]


def test_no_table_of_labels_comes_back():
    found = []
    for path in sorted((ROOT / "pathway_app").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DUPLICATE_TABLES.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == [], "field words belong in resources/fields.json:\n" + "\n".join(found)


# --------------------------------------------------------------------------- show


@pytest.mark.parametrize("i", range(len(demo_plans(TODAY))))
def test_show_prints_every_section_in_the_catalogues_words_and_no_path(i):
    plan = demo_plans(TODAY)[i]
    text = render(plan)
    _no_paths(text.replace(plan.id, ""))  # the identifier is printed on purpose, once
    assert text.count(plan.id) == 1
    for s in specs(Plan):
        if s.kind in ("record", "records"):
            assert f"\n{fields.label(s.name)}\n" in text, s.name
    for r in plan.relationships:  # records are named by their title
        if r.name:
            assert f". {fields.record_title('relationships', r)}\n" in text


def test_show_says_codes_and_dates_in_words():
    plan = demo_plans(TODAY)[0]
    plan.relationships[0].there_at_25 = plan.relationships[0].there_at_25.__class__("yes")
    text = render(plan)
    assert f"{fields.label('relationships.there_at_25')}: Yes" in text
    dob = plan.person.date_of_birth
    assert f"{fields.label('person.date_of_birth')}: {dob.day} {dob:%B %Y}" in text


# --------------------------------------------------------------------------- subject access


def _store_with(tmp_path, plan, history):
    """Real records holding ``plan`` and, after its own entries, ``history``'s changes
    (recorded through the audit trail's own writer, by the people named)."""
    from pathway_app.store import open_store
    from pathway_app.store.engine import WRITE

    store = open_store(data_dir=tmp_path / "data", create_unencrypted=True)
    plan = copy.deepcopy(plan)
    plan.version = 0
    store.save(plan, TODAY)
    with store.engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            for user, version, detail in history:
                audit.record(conn, user=user, action="changed", plan_id=plan.id, plan_version=version, detail=detail)
    return store


def _with_history():
    """Kayla's plan, and a history that changed, added, removed and reordered records."""
    plan = demo_plans(TODAY)[0]
    donna = next(r for r in plan.relationships if r.name == "Donna Brennan")
    gone = Relationship(name="Gary Stone", description="mum's partner")
    story = LifeStoryEntry(title="Old flat on Mill Lane", text="Where we lived first.")
    action = Action(what="Book a GP appointment")
    plan.area(Area.HEALTH).actions.append(action)
    history = [
        ("Jo Patel", 2, {"changes": [
            [f"relationships[{gone.id}]", None, plan_to_dict(Plan(relationships=[gone]))["relationships"][0]],
            [f"life_story[{story.id}]", None, {"id": story.id, "title": story.title, "text": story.text}],
            [f"relationships[{gone.id}].closeness", "close", "not_close"],
            [f"relationships[{donna.id}].there_at_25", "not_asked", "yes"],
            [f"support_areas[health].actions[{action.id}].status", "not_started", "in_progress"],
            ["home.current_type", "foster", "staying_put"],
            ["relationships#order", [r.id for r in plan.relationships], [r.id for r in reversed(plan.relationships)]],
        ]}),
        ("Jo Patel", 3, {"changes": [
            [f"relationships[{gone.id}]", plan_to_dict(Plan(relationships=[gone]))["relationships"][0], None],
            [f"life_story[{story.id}]", {"id": story.id, "title": story.title, "text": story.text}, None],
            [f"relationships[{donna.id}].safety_notes", donna.safety_notes, "Call first."],
        ]}),
    ]
    return plan, history, donna, action


def _changes(bundle) -> list[str]:
    doc = sa.document_model(bundle)
    table = next(b for b in doc.section("history").blocks if hasattr(b, "header"))
    out = []
    for row in table.rows:
        for c in row[3] or []:
            out.append(c if isinstance(c, str) else c.text)
    return out


def test_the_history_names_records_by_title_but_never_by_words_marked_for_review(tmp_path):
    plan, history, donna, action = _with_history()
    with _store_with(tmp_path, plan, history) as store:
        bundle = subject_access_bundle(store, plan.id, today=TODAY)
    changes = _changes(bundle)
    text = "\n".join(changes)
    # a record still in the plan, by its title; a removed one by its old value
    assert "Support plan — Health and wellbeing — Action “Book a GP appointment”: Status changed from Not started to In progress" in changes
    assert "Life story — Old flat on Mill Lane: removed" in changes
    # another person's name is marked wherever it is in the plan: the history names them as
    # "Your plan" does, by what they are and their number
    assert "Donna Brennan" not in text and "Gary Stone" not in text
    donna_heading = sa.outline.item_title("relationships", plan_to_dict(plan)["relationships"][plan.relationships.index(donna)],
                                          plan.relationships.index(donna))
    assert f"People who matter — {donna_heading}: There for me at 25 changed from Not asked yet to Yes" in changes
    assert "People who matter — a person no longer in the plan: How close we are changed from Close to Not so close" in changes
    assert "People who matter: put in a new order" in changes
    assert "Home: Kind of home now changed from" in text


def test_the_subject_access_pdf_shows_no_path(tmp_path):
    plan, history, _donna, _action = _with_history()
    with _store_with(tmp_path, plan, history) as store:
        bundle = subject_access_bundle(store, plan.id, today=TODAY)
    pdf = sa.render_subject_access_pdf(bundle, tmp_path / "sar.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
    text = re.sub(r"\s+", " ", text).replace(plan.id, "")  # the reference is on the cover on purpose
    _no_paths(text)
    assert fields.label("relationships") in text and fields.label("relationships.there_at_25", young_person=True) in text


# --------------------------------------------------------------------------- the catalogue's names= for records


def test_a_document_can_name_records_its_own_way():
    plan = Plan(relationships=[Relationship(name="Nan")])
    nan = plan.relationships[0]
    names = {nan.id: "Person 1 (Grandparent)"}
    assert fields.describe(f"relationships[{nan.id}].phone", plan, names=names) == "People who matter — Person 1 (Grandparent): Phone"
    assert fields.describe_change(f"relationships[{nan.id}]", plan_to_dict(plan)["relationships"][0], None, plan, names=names) == \
        "People who matter — Person 1 (Grandparent)"
    staff = "staying_close.agreements[a1].staff[s1].role"
    assert fields.describe(staff, None, names={"a1": "Version 1", "s1": "Member of staff 1"}) == \
        "Staying Close — Version 1 — Member of staff 1: Role"
    assert fields.describe(f"relationships[{nan.id}].phone", plan) == "People who matter — Nan: Phone"
