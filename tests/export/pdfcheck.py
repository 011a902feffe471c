"""Reading PDFs back in the export tests: text as typed, page by page (pdftotext)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

EDITIONS = ("full", "young-person", "staying-put", "staying-close")
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def normalise(s: str) -> str:
    """Extracted PDF text made comparable with what was typed.

    Shaped Arabic comes back from pdftotext as presentation forms (U+FExx: the joined shapes),
    wrapped in bidi embedding controls; NFKC turns the forms back into the ordinary letters and
    the controls are dropped. pdftotext already returns the letters of a right-to-left word in
    logical (reading) order, so no reversal is needed for a single word; for several words,
    :func:`words_present` checks each word on its own. Runs of spaces and line breaks become
    one space.
    """
    s = unicodedata.normalize("NFKC", s).translate(_BIDI_CONTROLS)
    return re.sub(r"\s+", " ", s)


def pdf_pages_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return [normalise(p) for p in out.decode("utf-8").split("\f") if p.strip()]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return normalise(out.decode("utf-8"))


def words_present(needle: str, haystack: str) -> bool:
    return all(normalise(w) in haystack for w in needle.split())
