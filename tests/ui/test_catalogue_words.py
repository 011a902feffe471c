"""One word in one place: the app shows a plan field's words from the field catalogue only.

The forms name a field and take its label and help from ``resources/fields.json``; record
tables, record titles and area titles do too. This test reads every string in
``pathway_app/ui`` and fails on one that repeats a catalogue label — the words would drift
apart the day an organisation changes its catalogue. A few strings equal a label by chance
and mean something else; they are listed here, each with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pathway_app.domain.fields import catalogue

UI = Path(__file__).resolve().parents[2] / "pathway_app" / "ui"

#: (module, text): why the words are the ui's own, not a field's.
ALLOWED: dict[tuple[str, str], str] = {
    ("caseload.py", "Name"): "the caseload's column of young people's names (a name made of several fields)",
    ("caseload.py", "When"): "the caseload's column for when the next thing is due (worked out, not a field)",
    ("history.py", "When"): "the history's columns say when someone did what: the audit trail, not the plan",
    ("history.py", "Who"): "the history's columns say when someone did what: the audit trail, not the plan",
    ("history.py", "What"): "the history's columns say when someone did what: the audit trail, not the plan",
}


def _plain(text: str) -> str:
    """"&Given name" → "Given name"; typographic and plain apostrophes are the same word."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("’", "'").strip()


def catalogue_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for f in catalogue().values():
        for w in (f.label, f.yp):
            words.setdefault(_plain(w), f.id)
    return words


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def duplicates(source: str, words: dict[str, str]) -> list[tuple[int, str, str]]:
    """(line, text, field id) of every string literal in ``source`` that is a catalogue label."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = _plain(node.value)
            for candidate in (text, text.rstrip("…?:").strip()):
                if candidate in words:
                    found.append((node.lineno, candidate, words[candidate]))
                    break
    return found


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_no_module_repeats_a_catalogue_label(path):
    words = catalogue_words()
    rel = str(path.relative_to(UI))
    found = [(line, text, fid) for line, text, fid in duplicates(path.read_text(encoding="utf-8"), words)
             if (rel, text) not in ALLOWED]
    assert found == [], (f"{rel} writes out the field catalogue's words; look them up instead "
                         f"(fields.label(id), Form(..., fields=...).text(attr), records.column(id)): {found}")


def test_every_allowed_repeat_is_still_there_and_has_a_reason():
    words = catalogue_words()
    for (module, text), reason in ALLOWED.items():
        assert reason.strip()
        found = {t for _l, t, _f in duplicates((UI / module).read_text(encoding="utf-8"), words)}
        assert text in found, f"{module} no longer says {text!r}: take it off the list"


def test_the_check_finds_what_it_looks_for():
    words = {"Given name": "person.given_name", "There at 25": "relationships.there_at_25"}
    src = ('"""Given name"""\n'
           'a = form.text("given_name", "&Given name")\n'
           'b = "There at 25?"\n'
           'c = "given_name"\n')
    assert sorted((line, text) for line, text, _f in duplicates(src, words)) == [(2, "Given name"), (3, "There at 25")]
