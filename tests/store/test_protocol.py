"""The real Store provides everything the app is typed against (store/protocol.py).

``isinstance`` on a ``runtime_checkable`` protocol only sees that the names exist; the
signature check below also catches a renamed, removed or newly required parameter.
"""

from __future__ import annotations

import inspect

import pytest

from pathway_app.store.protocol import StoreProtocol
from pathway_app.store.store import Store


def _members(proto: type) -> tuple[list[str], list[str]]:
    """(methods, data members) the protocol declares."""
    methods = [n for n, v in vars(proto).items() if inspect.isfunction(v) and not n.startswith("_")]
    data = [n for n in getattr(proto, "__annotations__", {}) if not n.startswith("_")]
    return methods, data


def signature_problems(proto: type, impl: type) -> list[str]:
    """Where ``impl``'s methods could not be called the way ``proto`` says they may be."""
    problems = []
    methods, _data = _members(proto)
    for name in methods:
        real = getattr(impl, name, None)
        if real is None or not callable(real):
            problems.append(f"{name}: missing")
            continue
        want = inspect.signature(getattr(proto, name)).parameters
        have = inspect.signature(real).parameters
        for p in want.values():
            q = have.get(p.name)
            if q is None:
                problems.append(f"{name}: no parameter {p.name!r}")
            elif q.kind != p.kind:
                problems.append(f"{name}: {p.name!r} is {q.kind.description}, not {p.kind.description}")
            elif (p.default is inspect.Parameter.empty) != (q.default is inspect.Parameter.empty):
                problems.append(f"{name}: {p.name!r} {'has' if q.default is not inspect.Parameter.empty else 'lacks'} "
                                "a default")
            elif p.default is not inspect.Parameter.empty and p.default != q.default:
                problems.append(f"{name}: {p.name!r} defaults to {q.default!r}, not {p.default!r}")
        for q in have.values():
            if q.name not in want and q.default is inspect.Parameter.empty and q.kind not in (
                    inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                problems.append(f"{name}: needs {q.name!r}, which the app never gives")
    return problems


def test_an_open_store_is_a_store_protocol(tmp_path):
    from pathway_app.store import open_store

    store = open_store(url=f"sqlite:///{tmp_path / 'pathway.db'}", create_unencrypted=True)
    try:
        assert isinstance(store, StoreProtocol)
        _methods, data = _members(StoreProtocol)
        assert sorted(data) == ["encrypted", "read_only", "read_only_reason", "user", "warnings"]
        assert isinstance(store.user, str) and store.user
        assert store.encrypted is False
        assert store.warnings == [] or all(isinstance(w, str) for w in store.warnings)
    finally:
        store.close()


def test_every_method_takes_what_the_app_passes():
    assert signature_problems(StoreProtocol, Store) == []


def test_the_check_catches_a_store_that_drifted():
    class Drifted:
        user = "sam"
        encrypted = False
        warnings: list[str] = []

        def load(self, plan_id, opened=True): ...  # keyword-only in the protocol
        def save(self, plan, when): ...  # renamed, and now required
        def delete(self, plan_id, today=None): ...
        def summaries(self, search="", adviser=None, limit=None, offset=0): ...
        def count_summaries(self, search=""): ...  # lost "adviser"
        def record_event(self, action, plan_id, detail=None): ...
        def audit_history(self, plan_id): ...

    problems = signature_problems(StoreProtocol, Drifted)
    assert "close: missing" in problems
    assert any(p.startswith("load: 'opened' is positional or keyword") for p in problems)
    assert "save: no parameter 'today'" in problems and "save: needs 'when', which the app never gives" in problems
    assert "count_summaries: no parameter 'adviser'" in problems
    assert not isinstance(Drifted(), StoreProtocol)  # no close()


@pytest.mark.parametrize("name", _members(StoreProtocol)[0])
def test_each_method_is_documented(name):
    assert (getattr(StoreProtocol, name).__doc__ or "").strip(), name
