"""Words for codes, read from ``resources/vocabularies.json`` (an organisation may edit it)."""

from __future__ import annotations

import json
from enum import Enum
from functools import lru_cache

from ..paths import resource


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, dict[str, str]]:
    with open(resource("vocabularies.json"), encoding="utf-8") as fh:
        data: dict[str, dict[str, str]] = json.load(fh)
    data.pop("_about", None)
    return data


def label(value: Enum | str | None, vocab: str | None = None) -> str:
    """The words for a code: ``label(HomeType.FOSTER)`` → "Foster home"."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        vocab = vocab or type(value).__name__
        code = value.value
    else:
        code = value
    if vocab is None:
        return str(code)
    return vocabularies().get(vocab, {}).get(str(code), str(code).replace("_", " ").capitalize())


def choices(vocab: str) -> list[tuple[str, str]]:
    """(code, words) pairs of a vocabulary in file order, for combo boxes."""
    return list(vocabularies().get(vocab, {}).items())
