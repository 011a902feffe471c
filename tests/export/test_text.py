"""Any name renders: runs by script, escaping, markers for characters no font has."""

from __future__ import annotations

from pathway_app.export import text


def test_runs_pick_a_font_per_script():
    runs = text.runs("Zoë Ελένη Дмитрий مريم ሰላም")
    fams = [r.family for r in runs]
    assert fams == ["sans", "arabic", "ethiopic"]
    assert runs[1].text == "مريم"


def test_combining_marks_are_composed_first():
    assert text.runs("Zoe\u0308")[0].text == "Zoë"


def test_uncovered_characters_become_visible_markers():
    m, _ = text.markup("Cherokee \u13a0 and Chinese \u674e")
    assert "[U+13A0]" in m and "[U+674E]" in m
    assert text.MARKER_COLOUR in m


def test_user_markup_is_escaped():
    m, shaped = text.markup("<font size=5000> & <b>")
    assert "&lt;font size=5000&gt; &amp; &lt;b&gt;" in m
    assert not shaped


def test_arabic_words_are_laid_out_in_visual_order_and_shaped():
    m, shaped = text.markup("مريم أحمد")
    assert shaped
    assert "أحمد مريم" in m  # words reversed; letters left to the shaper


def test_mostly_rtl_paragraphs_are_wrapped_by_us():
    long = " ".join(["كلمة"] * 200)
    assert text.mostly_rtl(long)
    lines = text.rtl_lines(long, 200, 10)
    assert len(lines) > 5
    assert " ".join(lines) == long


def test_script_of():
    assert text.script_of("م") == "arabic"
    assert text.script_of("ሰ") == "ethiopic"
    assert text.script_of("Ж") == "latin"
    assert text.script_of("7") == "common"
