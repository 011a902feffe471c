"""Any name renders: runs by script, escaping, bidi order, shaping, codes for characters no font has."""

from __future__ import annotations

from pathway_app.export import text

NO_FONT = "\u0378\ue000"  # unassigned, private use: no font on any machine has them


def _visible(lay) -> list[list[str]]:
    """Each line's pieces (logical text), left to right, spaces left out."""
    return [[p.text for p in line.pieces if not p.space] for line in lay.lines]


def test_runs_pick_a_font_per_script():
    runs = text.runs("Zoë Ελένη Дмитрий مريم ሰላም")
    runs = [r for r in runs if r.text.strip()]
    assert [r.family for r in runs] == ["sans", "arabic", "ethiopic"]
    assert runs[1].text == "مريم"
    more = text.runs("प्रिया 王小明 😀 สมชาย שלום")
    assert [r.family for r in more if r.text.strip()] == ["devanagari", "cjk", "emoji", "thai", "hebrew"]


def test_digits_and_ascii_punctuation_look_the_same_after_any_script():
    fams = {r.text.strip(): r.family for r in text.runs("Sam 😀 104, 王小明 2027 प्रिया।")}
    assert fams["😀"] == "emoji" and fams["104,"] == "sans" and fams["2027"] == "sans"
    assert fams["प्रिया।"] == "devanagari"  # the danda stays with its words


def test_combining_marks_are_composed_first():
    assert text.runs("Zoe\u0308")[0].text == "Zoë"


def test_only_characters_no_font_has_become_visible_markers():
    runs = text.runs(f"Chinese \u674e, Cherokee \u13a0 and {NO_FONT}")
    assert "marker" not in [r.family for r in runs[:-2]]
    assert [r.text for r in runs if r.family == "marker"] == list(NO_FONT)
    lay = text.layout(NO_FONT, None, 10)
    drawn = "".join(str(p.drawn) for p in lay.lines[0].pieces)
    assert drawn == "[U+0378][U+E000]" and all(p.marker for p in lay.lines[0].pieces)


def test_user_markup_is_escaped():
    m = text.markup("<font size=5000> & <b> Ελένη")
    assert "&lt;font size=5000&gt; &amp; &lt;b&gt;" in m


def test_simple_text_goes_to_a_paragraph_and_the_rest_is_laid_out():
    assert text.simple("Zoë Ελένη Дмитрий ሰላም")
    for s in ("مريم", "שלום", "प्रिया", "王", "😀", "สมชาย", NO_FONT):
        assert not text.simple(s), s


def test_arabic_words_are_in_visual_order_with_letters_left_to_the_shaper():
    lay = text.layout("مريم أحمد", None, 10)
    assert _visible(lay) == [["أحمد", "مريم"]]  # right to left: the first word is on the right
    assert lay.rtl
    joined = lay.lines[0].pieces[-1]
    assert joined.drawn != "مريم"  # shaped: contextual forms, in drawing order


def test_digits_keep_their_order_inside_arabic():
    lay = text.layout("عمري ٤٠ سنة", None, 10)
    pieces = {p.text: p for p in lay.lines[0].pieces}
    assert _visible(lay) == [["سنة", "٤٠", "عمري"]]
    assert str(pieces["٤٠"].drawn) == "٤٠"  # ٤ drawn left of ٠
    lay = text.layout("رقم هاتفي 07700 900123", None, 10)
    # UBA: each number reads left to right; the two, like the words, from right to left
    assert _visible(lay) == [["900123", "07700", "هاتفي", "رقم"]]


def test_a_mostly_english_line_with_an_arabic_name_reads_left_to_right():
    lay = text.layout("مريم: Phone 07700 900123", None, 10)
    assert not lay.rtl
    words = [w for w in _visible(lay)[0] if w.strip(":")]
    assert words[-3:] == ["Phone", "07700", "900123"]
    lay = text.layout("Weekly visits with مريم أحمد and שרה", None, 10)
    assert _visible(lay)[0] == ["Weekly", "visits", "with", "أحمد", "مريم", "and", "שרה"]


def test_bidi_levels_come_from_the_unicode_algorithm():
    assert text.levels("abc مريم 12", 0) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]
    assert text.base_level("مريم and Sam") == 0  # most letters are Latin
    assert text.base_level("مريم أحمد, Sam") == 1


def test_a_mostly_rtl_paragraph_wraps_and_keeps_every_word():
    long = " ".join(["كلمة"] * 200)
    lay = text.layout(long, 200, 10)
    assert len(lay.lines) > 5 and lay.rtl
    assert all(line.width <= 200 for line in lay.lines)
    assert sum(len(words) for words in _visible(lay)) == 200


def test_chinese_without_spaces_wraps_between_characters():
    lay = text.layout("我的名字是王小明" * 20, 120, 10)
    assert len(lay.lines) > 3 and all(line.width <= 120 for line in lay.lines)
    assert "".join("".join(w) for w in _visible(lay)) == "我的名字是王小明" * 20


def test_a_word_longer_than_a_line_is_cut_between_graphemes():
    word = "प्रियाकिरण" * 12
    lay = text.layout(word, 60, 10)
    assert len(lay.lines) > 2
    back = "".join("".join(w) for w in _visible(lay))
    assert back == word  # no virama or vowel sign torn from its letter: the text is whole
    for line in _visible(lay):
        assert line[0][0] not in "\u094d\u093f\u093e"


def test_script_of():
    assert text.script_of("م") == "arabic"
    assert text.script_of("ሰ") == "ethiopic"
    assert text.script_of("Ж") == "latin"
    assert text.script_of("7") == "common"
    assert text.script_of("王") == "cjk"
