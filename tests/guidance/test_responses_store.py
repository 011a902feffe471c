"""Prompt responses survive a save and reload, and keep hiding (or re-raising) their prompts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pathway_app.domain.guidance import evaluate, respond
from pathway_app.domain.vocab import ContactFrequency, PromptAnswer

from .builders import TODAY, complete_plan, rel

AT = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def test_responses_survive_save_and_reload(tmp_path):
    from pathway_app.store import open_store

    store = open_store(url=f"sqlite:///{tmp_path}/t.db", create_unencrypted=True)
    try:
        plan = complete_plan()
        rel(plan, "Jade").contact_frequency = ContactFrequency.RARELY
        plan.health.emotional_wellbeing = ""
        prompts = {p.rule_id: p for p in evaluate(plan, TODAY)}
        respond(plan, prompts["M3-sibling-contact"], "done", "Visits every month", "Ravi", AT)
        respond(plan, prompts["M19-emotional-wellbeing"], "later", "", "Ravi", AT, until=date(2026, 7, 1))
        store.save(plan, TODAY)

        loaded = store.load(plan.id)
        got = {r.rule_id: r for r in loaded.prompt_responses}
        assert got["M3-sibling-contact"].answer is PromptAnswer.DONE
        assert got["M3-sibling-contact"].fingerprint == prompts["M3-sibling-contact"].fingerprint
        assert got["M3-sibling-contact"].at == AT and got["M3-sibling-contact"].by == "Ravi"
        assert got["M19-emotional-wellbeing"].until == date(2026, 7, 1)
        assert evaluate(loaded, TODAY) == []  # the same fingerprints after the round trip
        assert [p.rule_id for p in evaluate(loaded, date(2026, 7, 1))] == ["M19-emotional-wellbeing"]

        rel(loaded, "Jade").contact_frequency = ContactFrequency.NONE
        store.save(loaded, TODAY)
        again = store.load(plan.id)
        assert "M3-sibling-contact" in [p.rule_id for p in evaluate(again, TODAY)]
    finally:
        store.close()
