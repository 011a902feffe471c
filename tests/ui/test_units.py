"""Pure helpers: reading typed dates."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.ui.fields import format_date, parse_date


@pytest.mark.parametrize("text,expected", [
    ("", None), ("  ", None), ("23/11/2026", date(2026, 11, 23)), ("3/3/2027", date(2027, 3, 3)),
    ("2027-03-03", date(2027, 3, 3)), ("3 March 2027", date(2027, 3, 3)), ("3rd Mar 2027", date(2027, 3, 3)),
    ("29.02.2028", date(2028, 2, 29)), ("01-12-2026", date(2026, 12, 1)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2026", "yesterday", "12/2026", "1/13/2026", "32 Jan 2026", "3 Smarch 2026"])
def test_parse_date_refuses_with_a_reason(text):
    with pytest.raises(ValueError, match="day/month/year"):
        parse_date(text)


def test_format_round_trips():
    d = date(2009, 7, 2)
    assert parse_date(format_date(d)) == d and format_date(None) == ""
