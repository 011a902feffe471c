"""The audit trail: entries, field-level diffs, append-only, hash chain (pathway_app.store.audit)."""

from __future__ import annotations

import copy
import json
import threading

import pytest
from sqlalchemy import exc as sa_exc

from pathway_app.domain.diff import diff
from pathway_app.domain.model import Relationship
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.store import audit
from pathway_app.store.engine import WRITE

from .conftest import TODAY
from builders import realistic_plan


def _write(store):
    conn = store.engine.connect()
    conn.execution_options(**{WRITE: True})
    return conn


def _append(store, n=1, action=audit.OPENED, plan_id="p-1", user="Asha (PA)"):
    with _write(store) as conn, conn.begin():
        return [audit.record(conn, user=user, action=action, plan_id=plan_id, plan_version=1) for _ in range(n)]


def _raw(store, sql):
    """Run SQL round the app (what someone with the file or a database login could do)."""
    eng = store.engine
    with eng.connect() as conn, conn.begin():
        if eng.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
        else:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
        conn.exec_driver_sql(sql)
        if eng.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER USER")


def test_entries_chain_and_history(any_store):
    _append(any_store, 2, plan_id="p-1")
    _append(any_store, 1, action=audit.PRINTED, plan_id="p-2", user="Ben")
    _append(any_store, 1, action=audit.EXPORTED, plan_id="p-1")
    assert audit.verify_chain(any_store.engine) == []
    h = audit.history(any_store.engine, "p-1")
    assert [e.seq for e in h] == [1, 2, 4]
    assert [e.action for e in h] == ["opened", "opened", "exported"]
    assert h[0].prev_hash == audit.GENESIS and h[1].prev_hash == h[0].hash
    assert h[0].user_name == "Asha (PA)"
    assert h[0].at.endswith("Z") and h[0].when.tzinfo is not None
    assert audit.chain_head(any_store.engine) == (4, h[-1].hash)


def test_a_save_and_its_entry_commit_or_roll_back_together(any_store):
    head = audit.chain_head(any_store.engine)
    with pytest.raises(RuntimeError):
        with _write(any_store) as conn, conn.begin():
            audit.record(conn, user="x", action=audit.CHANGED, plan_id="p", plan_version=2, detail={"changes": []})
            raise RuntimeError("the save failed")
    assert audit.chain_head(any_store.engine) == head
    assert audit.entries(any_store.engine) == []


def test_entries_cannot_be_changed_or_deleted_through_the_database(any_store):
    _append(any_store, 2)
    eng = any_store.engine
    for sql in ("UPDATE audit_log SET user_name = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(sa_exc.DatabaseError, match="audit trail cannot be changed"):
            with eng.connect() as conn, conn.begin():
                conn.exec_driver_sql(sql)
    assert audit.verify_chain(any_store.engine) == []
    assert len(audit.entries(any_store.engine)) == 2


def test_an_edited_entry_is_found(any_store):
    _append(any_store, 4)
    _raw(any_store, "UPDATE audit_log SET user_name = 'someone else' WHERE seq = 2")
    at = audit.entries(any_store.engine)[1].at
    assert audit.verify_chain(any_store.engine) == [f"entry 2 (opened, {at}) was changed after it was written"]


def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(any_store):
    _append(any_store, 3)
    e = audit.entries(any_store.engine)[1]
    forged = audit.entry_hash(e.prev_hash, e.seq, e.at, "someone else", e.action, e.plan_id, e.plan_version,
                              audit.canonical(e.detail))
    _raw(any_store, f"UPDATE audit_log SET user_name = 'someone else', hash = '{forged}' WHERE seq = 2")
    problems = audit.verify_chain(any_store.engine)
    assert problems == ["entry 3 does not follow on from entry 2: an entry before it was changed or replaced"]


def test_a_deleted_entry_is_found(any_store):
    _append(any_store, 5)
    _raw(any_store, "DELETE FROM audit_log WHERE seq IN (2, 3)")
    assert audit.verify_chain(any_store.engine) == ["entry 2 to 3 is missing: removed after it was written"]


def test_cutting_off_the_newest_entries_is_found(any_store):
    _append(any_store, 5)
    _raw(any_store, "DELETE FROM audit_log WHERE seq >= 4")
    assert audit.verify_chain(any_store.engine) == [
        "the newest entries were removed: the trail should go up to entry 5 but stops at 3"]


def test_appends_from_two_writers_at_once_keep_one_chain(any_store):
    errors = []

    def worker(who):
        try:
            for _ in range(15):
                _append(any_store, 1, user=who)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"user{i}",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert audit.verify_chain(any_store.engine) == []
    assert [e.seq for e in audit.entries(any_store.engine)] == list(range(1, 46))


def test_record_change_diff_of_a_real_save(any_store):
    plan = realistic_plan(3)
    any_store.save(plan, TODAY)
    before = plan_to_dict(any_store.load(plan.id))
    edited = any_store.load(plan.id)
    edited.person.phone = "07700 900123"
    rel = edited.relationships[0]
    rel.there_at_25 = type(rel.there_at_25)("yes") if rel.there_at_25.value != "yes" else type(rel.there_at_25)("no")
    gone = edited.relationships.pop()
    added = Relationship(name="Nan", description="my nan in Leeds")
    edited.relationships.append(added)
    any_store.save(edited, TODAY)
    after = plan_to_dict(any_store.load(plan.id))
    with _write(any_store) as conn, conn.begin():
        audit.record_change(conn, user="Asha", plan_id=plan.id, plan_version=None, before=None, after=before)
        e = audit.record_change(conn, user="Asha", plan_id=plan.id, plan_version=edited.version, before=before, after=after)
    changes = {c[0]: (c[1], c[2]) for c in e.detail["changes"]}
    assert changes["person.phone"] == (before["person"]["phone"], "07700 900123")
    assert changes[f"relationships[{rel.id}].there_at_25"][1] == rel.there_at_25.value
    assert changes[f"relationships[{gone.id}]"][1] is None
    assert changes[f"relationships[{added.id}]"][0] is None
    assert changes[f"relationships[{added.id}]"][1]["name"] == "Nan"
    assert "version" not in changes and "updated_at" not in changes
    assert len(changes) == 4
    h = audit.history(any_store.engine, plan.id)
    assert [x.action for x in h if x.user_name == "Asha"] == ["created", "changed"]
    # the store wrote its own entries as it went: the same diff, in the save's transaction
    own = [x for x in h if x.user_name != "Asha"]
    assert [x.action for x in own] == ["created", "opened", "opened", "changed", "opened"]
    assert own[0].detail["name"] == edited.person.display_name
    assert own[3].detail["changes"] == e.detail["changes"] and own[3].plan_version == 2
    assert audit.verify_chain(any_store.engine) == []


def diff_plans(a, b):
    """What the audit trail records of a save: the app's one diff, as [path, before, after]."""
    return [c.as_list() for c in diff(a, b)]


def test_diff_details():
    a = plan_to_dict(realistic_plan(5))
    assert diff_plans(a, copy.deepcopy(a)) == []
    b = copy.deepcopy(a)
    b["version"] += 1
    b["updated_at"] = "2030-01-01T00:00:00Z"
    assert diff_plans(a, b) == []
    b["relationships"].reverse()
    d = diff_plans(a, b)
    assert len(d) == 1 and d[0][0] == "relationships#order"
    c = copy.deepcopy(a)
    sa = c["support_areas"][2]
    sa["own_words"] = "I want to learn to cook"
    assert diff_plans(a, c) == [[f"support_areas[{sa['area']}].own_words", a["support_areas"][2]["own_words"],
                                       "I want to learn to cook"]]


def test_an_event_recorded_by_the_store_uses_the_plan_version(any_store):
    from pathway_app.store.store import Store

    plan = realistic_plan(4)
    any_store.save(plan, TODAY)
    Store(any_store.engine, user="Asha").record_event(audit.PRINTED, plan.id, {"edition": "young person"})
    e = audit.entries(any_store.engine)[-1]
    assert (e.action, e.user_name, e.plan_version, e.detail["edition"]) == (audit.PRINTED, "Asha", 1, "young person")
    if any_store.engine.dialect.name == "postgresql":
        assert e.detail["db_role"]  # the login the server vouches for


def test_unknown_action_is_a_bug(plain_store):
    with pytest.raises(ValueError):
        with _write(plain_store) as conn, conn.begin():
            audit.record(conn, user="x", action="peeked")


def test_audit_command(tmp_path, monkeypatch, script_location):
    """`audit ID` and `audit --verify` on a data folder migrated with the audit trail."""
    import io

    from pathway_app import cli, paths
    from pathway_app.store import open_store
    from pathway_app.store.store import Store

    monkeypatch.setattr(paths, "migrations_dir", lambda: script_location)
    store = open_store(data_dir=tmp_path, create_unencrypted=True)
    plan = realistic_plan(41)
    store.save(plan, TODAY)
    Store(store.engine, user="Asha").record_event(audit.PRINTED, plan.id, {"edition": "practitioner"})
    store.close()

    def run(*argv):
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        return cli.main(list(argv)), out.getvalue(), err.getvalue()

    code, out, err = run("audit", "--data-dir", str(tmp_path), plan.id[:8])
    assert code == 0, err
    assert "Asha" in out and "printed (edition: practitioner) v1" in out
    code, out, _ = run("audit", "--data-dir", str(tmp_path), "--verify")
    assert code == 0 and "intact: 2 entries" in out  # "created" by the save, then "printed"
    store = open_store(data_dir=tmp_path, create_unencrypted=True)
    _raw(store, "UPDATE audit_log SET user_name = 'Mallory'")
    store.close()
    code, out, _ = run("--json", "audit", "--data-dir", str(tmp_path), "--verify")
    assert code == 1 and json.loads(out)["problems"]
