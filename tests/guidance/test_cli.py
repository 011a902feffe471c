"""`pathway-planner prompts ID [--today] [--json] [--all]`."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from pathway_app import cli
from pathway_app.domain.guidance import evaluate, respond
from pathway_app.domain.vocab import ContactFrequency, Decision

from .builders import TODAY, complete_plan, rel


@pytest.fixture
def saved(tmp_path):
    from pathway_app.store import open_store

    url = f"sqlite:///{tmp_path}/t.db"
    store = open_store(url=url, create_unencrypted=True)
    plan = complete_plan()
    plan.staying_put.decision = Decision.DISCUSSING  # M8
    rel(plan, "Jade").contact_frequency = ContactFrequency.RARELY  # M3
    p = next(x for x in evaluate(plan, TODAY) if x.rule_id == "M3-sibling-contact")
    respond(plan, p, "later", "After exams", "Ravi", datetime(2026, 5, 1, 9, tzinfo=UTC), until=TODAY.replace(month=7))
    store.save(plan, TODAY)
    store.close()
    return url, plan


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    parser, table = cli.build_parser()
    args = parser.parse_args(list(argv))
    ctx = cli.Context(args, stdout=out, stderr=err)
    try:
        code = table[args.command].run(args, ctx)
    finally:
        ctx.close()
    return code, out.getvalue(), err.getvalue()


def test_plain_text_lists_urgency_area_wording_and_citation(saved):
    url, plan = saved
    code, out, _ = _run("--db", url, "prompts", plan.id[:8], "--today", TODAY.isoformat())
    assert code == 0
    assert "SOON" in out and "Home" in out and "M8-staying-put" in out
    assert "Would you like to keep living" not in out  # the young person's wording: --json and the app
    assert "Source: Making not Breaking (The Care Inquiry, 2013), para 7.5" in out
    assert "M3-sibling-contact" not in out  # answered "later"


def test_json_and_all(saved):
    url, plan = saved
    code, out, _ = _run("--db", url, "prompts", plan.id, "--today", TODAY.isoformat(), "--json", "--all")
    assert code == 0
    data = json.loads(out)
    by_id = {d["id"]: d for d in data}
    assert set(by_id) == {"M8-staying-put", "M3-sibling-contact"}
    m8 = by_id["M8-staying-put"]
    assert {"id", "area", "urgency", "practitioner_text", "young_person_text", "citation", "suggested_actions", "response"} <= set(m8)
    assert m8["area"] == "accommodation" and m8["urgency"] == "soon" and m8["response"] is None
    assert isinstance(m8["suggested_actions"], list) and m8["suggested_actions"]
    r = by_id["M3-sibling-contact"]["response"]
    assert r == {"answer": "later", "note": "After exams", "until": "2026-07-01", "by": "Ravi", "at": "2026-05-01T09:00:00+00:00"}


def test_later_comes_back_on_its_date(saved):
    url, plan = saved
    _, out, _ = _run("--db", url, "prompts", plan.id, "--today", "2026-07-01", "--json")
    assert "M3-sibling-contact" in {d["id"] for d in json.loads(out)}


def test_unknown_id_is_an_error(saved):
    url, _ = saved
    assert cli.main(["--db", url, "prompts", "zzzzzzzz"]) != 0


def test_resolve_id_helper_for_stores_without_one():
    from pathway_app.commands.prompts import resolve_id

    class Fake:
        def ids(self):
            return ["abc123", "abd456"]

    assert resolve_id(Fake(), "abc") == "abc123"
    with pytest.raises(cli.CliError):
        resolve_id(Fake(), "ab")
    with pytest.raises(cli.CliError):
        resolve_id(Fake(), "x")
