"""Share files for foster carers and key workers: made, worked on away from the records, brought
back with each change accepted or rejected, and refused whole when tampered with.

This is the domain, store and file half of the carer's round trip; the app's workspace drives
the same functions (``ShareFile.workspace`` → edit → ``save_share``).
"""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain import agreements as ag
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.domain.vocab import HouseRuleTopic
from pathway_app.store import handover as ho
from pathway_app.store import share as S

from .conftest import FAST

TODAY = date(2026, 12, 1)
PASS = "seven green bottles"


def _demo(name: str):
    return next(p for p in demo_plans(TODAY) if p.person.family_name == name)


@pytest.fixture
def with_tom(any_store, monkeypatch):
    monkeypatch.setattr(ho, "seal", _fast_seal)
    for p in demo_plans(TODAY):
        any_store.save(p, TODAY)
    return any_store, _demo("Whitfield")


_real_seal = ho.seal


def _fast_seal(payload, passphrase, params=None):
    return _real_seal(payload, passphrase, params or FAST)


def _carer_edits(path):
    """What the carer does in their workspace: a new version of the agreement, with a house rule
    changed and a topic of their own added, saved back into the same file."""
    share = S.open_share(path, PASS)
    ws = share.workspace()
    draft = ag.start(ws, ag.STAYING_PUT, TODAY)
    visitors = next(r for r in draft.house_rules if r.topic is HouseRuleTopic.VISITORS)
    visitors.agreed = "Friends welcome until 11pm; partners stay over at weekends."
    draft.house_rules.append(type(visitors)(topic=HouseRuleTopic.OWN, title="The car",
                                            agreed="Tom can borrow the car on Sundays."))
    draft.contribution = "£45 a week board."
    return S.save_share(path, PASS, share, ws, params=FAST), draft


def test_a_share_file_holds_only_what_the_carers_may_see(with_tom, tmp_path):
    store, tom = with_tom
    path = tmp_path / "tom.pathway-share"
    share = S.export_share(store, tom.id, "foster-carer", path, PASS, params=FAST)
    blob = path.read_bytes()
    assert b"Karen" not in blob  # sealed: nothing readable in the file
    opened = S.unseal_share(blob, PASS)
    text = json.dumps({"base": opened.base, "plan": opened.plan}, ensure_ascii=False)
    assert "Karen Lowe" in text and "£40 a week board." in text
    assert tom.person.address in text  # how to reach him is for everyone supporting him
    for hidden in ("Agreed at the 17-year review.", "Board went up with Tom's wage rise", tom.money.savings,
                   "Apprentice of the month"):
        assert hidden not in text
    assert opened.plan_id == tom.id and opened.audience.value == "foster_carer" and share.file_id == opened.file_id
    entry = store.audit_history(tom.id)[-1]
    assert entry["action"] == "exported" and entry["detail"]["audience"] == "foster_carer"
    assert entry["detail"]["to"] == "share file" and entry["detail"]["file"] == str(path)


def test_the_carers_round_trip(with_tom, tmp_path):
    store, tom = with_tom
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, tom.id, "foster-carer", path, PASS, params=FAST)
    saved, draft = _carer_edits(path)
    assert saved.revision == 1 and S.open_share(path, PASS).revision == 1
    report = S.read_return(store, path, PASS)
    (added,) = report.to_decide  # a new version of the agreement, as one record
    assert added.state == S.CONFLICT or added.state == "new"
    assert added.words == "Staying Put — Agreement, version 3"
    before = store.load(tom.id, opened=False)
    out = S.import_return(store, report, [added.path], TODAY)
    assert out.accepted == [added.path] and out.saved_version == before.version + 1
    after = store.load(tom.id, opened=False)
    new = after.staying_put.draft()
    assert new.version == 3 and new.contribution == "£45 a week board."
    assert [r.title for r in new.house_rules if r.topic is HouseRuleTopic.OWN] == ["The car"]
    assert after.staying_put.in_force().notes == before.staying_put.in_force().notes  # the worker's notes kept
    entry = [e for e in store.audit_history(tom.id) if e["action"] == "changed"][-1]
    assert entry["detail"]["from"] == "share file" and entry["detail"]["audience"] == "foster_carer"
    assert entry["user"] == store.user and entry["changes"] and entry["plan_version"] == out.saved_version
    # the same file again does nothing
    again = S.read_return(store, path, PASS)
    assert again.already_imported and all(c.state == "already there" for c in again.changes)
    assert S.import_return(store, again, [c.path for c in again.changes], TODAY).saved_version is None
    assert store.load(tom.id, opened=False).version == out.saved_version


def test_changes_to_a_draft_are_accepted_or_rejected_one_by_one_and_conflicts_are_never_silent(with_tom, tmp_path):
    store, _tom = with_tom
    dawit = _demo("Tekle")
    path = tmp_path / "dawit.pathway-share"
    S.export_share(store, dawit.id, "foster_carer", path, PASS, params=FAST)
    share = S.open_share(path, PASS)
    ws = share.workspace()
    draft = ws.staying_put.draft()
    draft.house_rules[1].agreed = "Text if staying at a friend's."
    draft.house_rules[2].same_as_before = True
    draft.carers[0].phone = "07700 900999"
    draft.money_notes = "Hiwet and Daniel would like the allowance paid monthly."
    S.save_share(path, PASS, share, ws, params=FAST)
    # meanwhile, at the adviser's, the same money notes were written differently
    plan = store.load(dawit.id, opened=False)
    plan.staying_put.draft().money_notes = "Allowance to be confirmed by the fostering team."
    store.save(plan, TODAY)
    report = S.read_return(store, path, PASS)
    states = {c.words: c.state for c in report.changes}
    assert states["Staying Put — Agreement, version 1: Anything else about money"] == S.CONFLICT
    assert report.notes and "now at version" in report.notes[0]
    accept = [c.path for c in report.to_decide if c.state != S.CONFLICT and "phone" not in c.path]
    out = S.import_return(store, report, accept, TODAY)
    assert len(out.accepted) == 2 and len(out.rejected) == 2
    now = store.load(dawit.id, opened=False).staying_put.draft()
    assert now.house_rules[1].agreed == "Text if staying at a friend's." and now.house_rules[2].same_as_before
    assert now.money_notes == "Allowance to be confirmed by the fostering team."  # the conflict was not taken
    assert now.carers[0].phone == ""  # rejected
    assert now.notes == dawit.staying_put.draft().notes  # the practitioners' notes never left, never lost
    entry = [e for e in store.audit_history(dawit.id) if e["action"] == "changed"][-1]
    assert sorted(entry["detail"]["rejected"]) == sorted(c.path for c in report.to_decide if c.path not in accept)


def _tamper(path, change):
    share = S.open_share(path, PASS)
    doc = share.to_json()
    change(doc)
    path.write_bytes(ho.seal(json.dumps(doc).encode(), PASS, FAST))


@pytest.mark.parametrize("what, change, words", [
    ("the date of birth", lambda d: d["plan"]["person"].__setitem__("date_of_birth", "2001-01-01"),
     "About me: Date of birth"),
    ("a relationship the carer cannot see",
     lambda d: d["plan"].setdefault("relationships", []).append(
         {"name": "Gary", "relationship_type": "parent", "id": "0b8f6d3e-1b33-4a65-9df1-3c4f1c1f2a11"}),
     "People who matter"),
    ("a signed agreement", lambda d: d["plan"]["staying_put"]["agreements"][1].__setitem__("contribution", "£1"),
     "kept as it was signed"),
    ("an extra plan", lambda d: d.__setitem__("plans", [copy.deepcopy(d["plan"])]), "never holds"),
    ("the plan's identifier", lambda d: d["plan"].__setitem__("id", "0b8f6d3e-1b33-4a65-9df1-3c4f1c1f2a11"),
     "may not change"),
])
def test_a_tampered_returned_file_is_refused_whole(with_tom, tmp_path, what, change, words):
    store, tom = with_tom
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, tom.id, "foster_carer", path, PASS, params=FAST)
    _carer_edits(path)
    _tamper(path, change)
    before = plan_to_dict(store.load(tom.id, opened=False))
    with pytest.raises(S.ShareFileProblem) as exc:
        S.read_return(store, path, PASS)
    assert words in str(exc.value), str(exc.value)
    assert "nothing was changed" in str(exc.value).lower()
    assert plan_to_dict(store.load(tom.id, opened=False)) == before


def test_a_carer_cannot_save_a_change_to_what_was_signed(with_tom, tmp_path):
    store, tom = with_tom
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, tom.id, "foster_carer", path, PASS, params=FAST)
    share = S.open_share(path, PASS)
    ws = share.workspace()
    ws.staying_put.in_force().contribution = "£1 a week"
    with pytest.raises(S.ReturnRefused, match="kept as it was signed"):
        S.save_share(path, PASS, share, ws, params=FAST)
    assert S.open_share(path, PASS).revision == 0  # nothing written


@pytest.mark.parametrize("what", ["wrong passphrase", "damaged", "truncated", "another young person", "newer app",
                                  "a handover file", "not ours"])
def test_files_that_cannot_be_used_are_refused_plainly_and_change_nothing(with_tom, tmp_path, what):
    store, tom = with_tom
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, tom.id, "foster_carer", path, PASS, params=FAST)
    blob = path.read_bytes()
    passphrase = PASS
    if what == "wrong passphrase":
        passphrase = "not the right one"
    elif what == "damaged":
        blob = blob[:-40] + bytes([blob[-40] ^ 1]) + blob[-39:]
    elif what == "truncated":
        blob = blob[: len(blob) // 2]
    elif what == "another young person":
        doc = S.unseal_share(blob, PASS).to_json()
        doc["plan_id"] = "0b8f6d3e-1b33-4a65-9df1-3c4f1c1f2a11"
        blob = ho.seal(json.dumps(doc).encode(), PASS, FAST)
    elif what == "newer app":
        doc = S.unseal_share(blob, PASS).to_json()
        doc["format_version"] = S.FORMAT_VERSION + 1
        blob = ho.seal(json.dumps(doc).encode(), PASS, FAST)
    elif what == "a handover file":
        blob = ho.seal(json.dumps({"format": "pathway-planner-plans", "format_version": 3, "plans": []}).encode(), PASS, FAST)
    elif what == "not ours":
        blob = b"%PDF-1.4 hello"
    path.write_bytes(blob)
    before = plan_to_dict(store.load(tom.id, opened=False))
    with pytest.raises(S.ShareFileProblem) as exc:
        S.read_return(store, path, passphrase)
    msg = str(exc.value)
    assert "Nothing was changed" in msg
    expected = {"wrong passphrase": "passphrase does not open", "damaged": "damaged", "truncated": "damaged or cut short",
                "another young person": "not in these records", "newer app": "newer version",
                "a handover file": "handover file", "not ours": "not a Pathway Planner shared plan"}[what]
    assert expected in msg
    assert plan_to_dict(store.load(tom.id, opened=False)) == before


def test_a_key_workers_file_holds_the_staying_close_plan_and_not_the_staying_put_one(with_tom, tmp_path):
    store, _tom = with_tom
    reece = _demo("Tanner")
    path = tmp_path / "reece.pathway-share"
    S.export_share(store, reece.id, "key-worker", path, PASS, params=FAST)
    share = S.open_share(path, PASS)
    assert "staying_put" not in share.base and share.base["staying_close"]["agreements"]
    assert "notes" not in share.base["staying_close"]["agreements"][0]
    ws = share.workspace()
    ws.staying_close.current().come_back_celebrations = "Eid and birthdays at Larch House."
    S.save_share(path, PASS, share, ws, params=FAST)
    report = S.read_return(store, path, PASS)
    (c,) = report.to_decide
    assert c.words == "Staying Close — Plan, version 1: Coming back for celebrations"
    S.import_return(store, report, [c.path], TODAY)
    assert store.load(reece.id, opened=False).staying_close.current().come_back_celebrations.startswith("Eid")
