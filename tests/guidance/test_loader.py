"""Rule files are checked when they load; anything wrong is refused, naming the rule."""

from __future__ import annotations

import copy
import json

import pytest

from pathway_app.domain.guidance import RuleError, load_rules
from pathway_app.domain.guidance.rules import clear_cache, load_rules_from, rules_dir

GOOD = {
    "id": "T-test-rule",
    "message": "M1",
    "area": "relationships",
    "urgency": "soon",
    "condition": {"all": [{"age_at_least": 16}, {"no_one_there_at_25": True}]},
    "practitioner_text": "Ask about people at 25.",
    "young_person_text": "Who will be there for you?",
    "citation": {"source": "care_inquiry", "section": "5.5"},
    "suggested_actions": ["Ask"],
}


def _load(*rules, raw: str | None = None):
    text = raw if raw is not None else json.dumps({"theme": "t", "rules": list(rules)}, indent=2)
    return load_rules_from({"test.json": text})


def _bad(**changes):
    rule = copy.deepcopy(GOOD)
    for k, v in changes.items():
        if v is KeyError:
            rule.pop(k)
        else:
            rule[k] = v
    with pytest.raises(RuleError) as info:
        _load(rule)
    assert info.value.rule_id == "T-test-rule"
    assert "'T-test-rule'" in str(info.value) and "test.json" in str(info.value)
    return str(info.value)


def test_a_good_rule_loads():
    (rule,) = _load(GOOD)
    assert rule.id == "T-test-rule" and rule.citation_text == "Making not Breaking (The Care Inquiry, 2013), para 5.5"


def test_unknown_predicate():
    assert "unknown predicate 'no_one_at_25'" in _bad(condition={"no_one_at_25": True})


def test_unknown_predicate_deep_in_a_condition():
    msg = _bad(condition={"any": [{"age_at_least": 16}, {"not": {"is_happy": True}}]})
    assert "condition.any[1].not" in msg and "is_happy" in msg


@pytest.mark.parametrize(
    "condition, words",
    [
        ({"age_at_least": "sixteen"}, "age_at_least needs an age"),
        ({"within_months_of_birthday": [18]}, "[age, months]"),
        ({"home_type_in": ["placement"]}, "unknown HomeType"),
        ({"no_one_there_at_25": 1}, "write true"),
        ({"all": []}, "non-empty list"),
        ({"age_at_least": 16, "age_under": 18}, "one key"),
        ([{"age_at_least": 16}], "one key"),
    ],
)
def test_bad_condition(condition, words):
    assert words in _bad(condition=condition)


@pytest.mark.parametrize("field", ["id", "message", "area", "urgency", "condition", "practitioner_text", "young_person_text", "citation", "suggested_actions"])
def test_missing_field(field):
    rule = copy.deepcopy(GOOD)
    rule.pop(field)
    with pytest.raises(RuleError) as info:
        _load(rule)
    assert field in str(info.value)
    if field != "id":
        assert info.value.rule_id == "T-test-rule"


def test_unknown_field():
    assert "unknown field(s): practioner_text" in _bad(practioner_text="typo")


@pytest.mark.parametrize(
    "citation, words",
    [
        ({"source": "care_enquiry", "section": "5.5"}, "source 'care_enquiry' is not in sources.json"),
        ({"source": "care_inquiry", "section": "5.55"}, "section '5.55' is not listed"),
        ({"source": "care_inquiry"}, "each citation must be"),
        ([], "citation is empty"),
    ],
)
def test_bad_citation(citation, words):
    assert words in _bad(citation=citation)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"urgency": "urgent"}, "urgency must be"),
        ({"area": "home"}, "area must be"),
        ({"message": "M27"}, "message must be"),
        ({"young_person_text": "How is your placement?"}, "'placement'"),
        ({"practitioner_text": "Close the Case."}, "'Case'"),
        ({"young_person_text": "Tell me about {name}"}, "placeholder"),
        ({"practitioner_text": "About {area}"}, "only for for_each"),
        ({"suggested_actions": []}, "suggested_actions"),
        ({"for_each": "person"}, "for_each"),
        ({"raise_to": [{"urgency": "consider", "when": {"age_at_least": 18}}]}, "higher than soon"),
        ({"raise_to": [{"urgency": "now", "when": {"age_over": 18}}]}, "raise_to[0].when"),
    ],
)
def test_other_problems(changes, words):
    assert words in _bad(**changes)


def test_bad_id():
    rule = dict(GOOD, id="has space")
    with pytest.raises(RuleError, match="id must be"):
        _load(rule)


def test_duplicate_ids_across_files():
    text = json.dumps({"theme": "t", "rules": [GOOD]})
    with pytest.raises(RuleError, match="used twice") as info:
        load_rules_from({"a.json": text, "b.json": text})
    assert info.value.rule_id == "T-test-rule" and info.value.file == "b.json"


def test_malformed_json_names_the_rule_it_is_in():
    other = dict(GOOD, id="T-first")
    text = json.dumps({"theme": "t", "rules": [other, GOOD]}, indent=2)
    at = text.rindex('"urgency": "soon",')  # in the second rule: drop the comma after it
    broken = text[:at] + '"urgency": "soon"' + text[at + len('"urgency": "soon",') :]
    with pytest.raises(RuleError) as info:
        _load(raw=broken)
    assert info.value.rule_id == "T-test-rule"
    assert "not valid JSON at line" in str(info.value)


def test_malformed_file_shape():
    with pytest.raises(RuleError, match="the file must be"):
        _load(raw='[{"id": "x"}]')
    with pytest.raises(RuleError, match="no rules"):
        load_rules_from({})


def test_a_bad_rule_file_in_a_directory_is_refused(tmp_path):
    (tmp_path / "ok.json").write_text(json.dumps({"theme": "t", "rules": [GOOD]}))
    (tmp_path / "zz.json").write_text(json.dumps({"theme": "t", "rules": [dict(GOOD, id="T-2", condition={"nope": True})]}))
    with pytest.raises(RuleError, match="'T-2' in zz.json: condition: unknown predicate 'nope'"):
        load_rules(str(tmp_path))


def test_shipped_rules_load_once():
    clear_cache()
    first = load_rules()
    assert load_rules() is first
    assert len({r.id for r in first}) == len(first)
    assert all(p.suffix == ".json" for p in rules_dir().iterdir())
