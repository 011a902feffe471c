"""Every script a young person types comes back from every PDF — read with pdftotext and pypdf.

One plan per script (built from ``plans.rich_plan``) carries a sample name as the young person's
name, a relationship's name, the Staying Put carer's and a Staying Close worker's name, and in
their own words. Each edition and the subject access PDF must give the same Unicode text back,
with no visible code ``[U+…]`` (the mark of a character no font has). Then: bidi order on the
page, embedded subset fonts, and what ``check`` says when a font is missing.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from pathway_app.cli import main
from pathway_app.domain.vocab import Area, Decision
from pathway_app.export import build_document, drawings, render_pdf
from pathway_app.export.render import FRAME_W
from pathway_app.export.theme import theme_for

import plans as _plans
from pdfcheck import EDITIONS, normalise, pdf_text

TODAY = _plans.TODAY

#: A name in every script the issue lists (other Indic scripts: Gujarati shipped, Telugu found
#: on the system).
SAMPLES = {
    "latin": "Zoë Łukasz",
    "greek": "Ελένη",
    "cyrillic": "Дмитрий",
    "arabic": "مريم",
    "hebrew": "נועה",
    "ethiopic": "ሰላም",
    "devanagari": "प्रिया",
    "bengali": "রবীন্দ্র",
    "gurmukhi": "ਗੁਰਪ੍ਰੀਤ",
    "gujarati": "ભાવિકા",
    "tamil": "தமிழ்செல்வி",
    "telugu": "లక్ష్మి",
    "chinese": "王小明",
    "japanese": "さくら",
    "korean": "김민준",
    "thai": "สมชาย",
    "emoji": "😀👍",
}
WORDS = "My words: {} is who I am."


def script_plan(sample: str):
    p = _plans.rich_plan()
    p.person.given_name = p.person.preferred_name = sample
    p.person.family_name = "Okoye"
    p.relationships[1].name = sample  # the sister
    p.area(Area.RELATIONSHIPS).own_words = WORDS.format(sample)
    p.person.about_me_own_words = WORDS.format(sample)
    p.staying_put.agreements[0].carers[0].name = sample
    p.staying_close.decision = Decision.AGREED
    p.staying_close.agreements[0].staff[0].name = sample
    p.staying_close.agreements[0].come_back_words = WORDS.format(sample)
    return p


def subject_access_pdf(plan, tmp: Path) -> Path:
    from pathway_app.store import open_store

    url = f"sqlite:///{tmp / 'records.db'}"
    store = open_store(url=url, create_unencrypted=True)
    plan.version = 0
    store.save(plan, TODAY)
    store.close()
    out = tmp / "everything.pdf"
    assert main(["subject-access", plan.id, "--db", url, "--out", str(out), "--today", TODAY.isoformat()]) == 0
    return out


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """script -> edition -> the PDF's text (pdftotext, normalised)."""
    out: dict[str, dict[str, str]] = {}
    for script, sample in SAMPLES.items():
        d = tmp_path_factory.mktemp(script)
        plan = script_plan(sample)
        out[script] = {ed: pdf_text(render_pdf(plan, ed, TODAY, d / f"{ed}.pdf", prompts=[])) for ed in EDITIONS}
        out[script]["subject-access"] = pdf_text(subject_access_pdf(script_plan(sample), d))
    return out


# what each edition shows: the young person's name everywhere, then its own fields
SHOWN = {
    "full": ("name", "words"),
    "young-person": ("name", "words"),
    "staying-put": ("name",),
    "staying-close": ("name", "words"),
    "subject-access": ("name", "words"),
}


def squash(s: str) -> str:
    """Text without white space: pdftotext guesses the spaces at the edge of a right-to-left
    word ("مريم Okoye" comes back as "\u202b مريم\u202cOkoye"); the characters are what count."""
    return re.sub(r"\s+", "", normalise(s))


@pytest.mark.parametrize("script", SAMPLES)
def test_every_script_comes_back_from_every_edition(texts, script):
    sample = squash(SAMPLES[script])
    for edition, shown in SHOWN.items():
        text = squash(texts[script][edition])
        assert "[U+" not in text, f"{script} in {edition}: a character printed as a code"
        assert sample in text, f"{script} name missing from {edition}"
        if "words" in shown:
            assert squash(WORDS.format(SAMPLES[script])) in text, f"{script} words in {edition}"
        # the name is there more than once: the banner, the page headers, the fields above
        assert text.count(sample) >= 3, (script, edition)


def test_relationship_names_come_back_from_the_relationship_map(tmp_path):
    from reportlab.graphics import renderPDF

    plan = _plans.rich_plan()
    for rel, sample in zip(plan.relationships, list(SAMPLES.values())[-len(plan.relationships):]):
        rel.name = sample
    doc = build_document(plan, TODAY, "young-person", prompts=[])
    block = next(b for s in doc.sections for b in s.blocks if getattr(b, "kind", None) == "ecomap")
    d = drawings.ecomap_drawing(block.data, FRAME_W, theme_for("young-person"))
    out = tmp_path / "map.pdf"
    renderPDF.drawToFile(d, str(out))
    text = pdf_text(out)
    shown = [r.name for r in plan.relationships if normalise(r.name) in text]
    assert len(shown) >= 9 and "[U+" not in text  # the map shows up to its limit; all readable


# --------------------------------------------------------------------------- bidi on the page


def _words(pdf: Path) -> list[tuple[str, float, float]]:
    """(word, x, y) of every word on the pages, from pdftotext's bounding boxes.

    ``-bbox`` gives each word's characters as drawn, left to right; a word of right-to-left
    letters is turned back into reading order here. Digits are left as drawn.
    """
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', html):
        w = normalise(m.group(3))
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in w):
            w = w[::-1]
        out.append((w, float(m.group(1)), float(m.group(2))))
    return out


@pytest.fixture(scope="module")
def bidi_pdf(tmp_path_factory):
    plan = _plans.rich_plan()
    plan.person.about_me_own_words = "\n".join((
        "رقم هاتفي 07700 900123 وعمري ٤٠ سنة",
        "مريم: Phone 07700 900123 any time",
        "מספר הטלפון של נועה 07700 900124",
    ))
    return render_pdf(plan, "young-person", TODAY, tmp_path_factory.mktemp("bidi") / "bidi.pdf", prompts=[])


def _line_with(words, word):
    y = next(y for w, _x, y in words if w == word)
    return {w: x for w, x, yy in words if abs(yy - y) < 2}


def test_digits_keep_their_order_in_an_arabic_sentence(bidi_pdf):
    words = _words(bidi_pdf)
    line = _line_with(words, "وعمري")
    assert "٤٠" in line and "٠٤" not in line  # the glyphs are drawn ٤ then ٠
    assert {"07700", "900123"} <= set(line)  # each number whole, its digits in order
    # read from the right: رقم هاتفي, then 07700, then 900123, then وعمري ٤٠ سنة
    assert line["رقم"] > line["هاتفي"] > line["07700"] > line["900123"] > line["وعمري"] > line["٤٠"] > line["سنة"]


def test_a_mostly_english_line_with_an_arabic_name_reads_left_to_right(bidi_pdf):
    line = _line_with(_words(bidi_pdf), "Phone")
    name = next(x for w, x in line.items() if "مريم" in w)
    assert name < line["Phone"] < line["07700"] < line["900123"] < line["any"] < line["time"]
    assert "Phone 07700 900123 any time" in pdf_text(bidi_pdf)


def test_hebrew_reads_right_to_left_with_its_number_whole(bidi_pdf):
    line = _line_with(_words(bidi_pdf), "הטלפון")
    assert line["מספר"] > line["הטלפון"] > line["של"] > line["נועה"] > line["07700"] > line["900124"]


# --------------------------------------------------------------------------- fonts


def _font_dicts(pdf: Path) -> list:
    fonts = {}
    for page in PdfReader(str(pdf)).pages:
        res = page["/Resources"]
        for f in (res.get("/Font") or {}).values():
            f = f.get_object()
            fonts[f["/BaseFont"]] = f
        for xo in (res.get("/XObject") or {}).values():
            xo = xo.get_object()
            for f in (xo.get("/Resources", {}).get("/Font") or {}).values():
                f = f.get_object()
                fonts[f["/BaseFont"]] = f
    return list(fonts.values())


def test_fonts_are_embedded_and_subset(tmp_path):
    plan = script_plan(" ".join(SAMPLES.values()))
    pdf = render_pdf(plan, "full", TODAY, tmp_path / "all.pdf", prompts=[])
    fonts = _font_dicts(pdf)
    names = [str(f["/BaseFont"]) for f in fonts]
    for face in ("NotoSans-Regular", "NotoNaskhArabic", "NotoSansDevanagari", "NotoSansThai", "WenQuanYi", "Symbola"):
        assert any(face in n for n in names), (face, names)
    for f in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+.+", str(f["/BaseFont"])), f["/BaseFont"]  # a subset
        desc = f["/FontDescriptor"].get_object()
        assert "/FontFile2" in desc, f["/BaseFont"]  # the TrueType program is in the file
        assert "/ToUnicode" in f
        assert len(f["/Widths"]) <= 256
    assert "😀👍" in pdf_text(pdf)  # characters beyond U+FFFF map back too


def test_check_reports_font_coverage(tmp_path, capsys):
    assert main(["check", "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "PDF fonts: every script covered" in out
    assert main(["--json", "check", "--data-dir", str(tmp_path / "data")]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)["fonts"]
    cjk = next(r for r in rows if r["family"] == "cjk")
    assert cjk["found"] and not cjk["shipped"] and cjk["path"].endswith(".ttc")


def test_check_names_the_package_when_a_font_is_not_found(tmp_path, capsys, monkeypatch):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv("PATHWAY_FONT_DIRS", str(empty))
    assert main(["check", "--data-dir", str(tmp_path / "data")]) == 0  # fonts don't make records unsound
    out = capsys.readouterr().out
    assert "Chinese, Japanese, Korean: install the Debian package fonts-wqy-zenhei" in out
    assert "Emoji (in black and white): install the Debian package fonts-symbola" in out
    assert "Telugu" in out and "fonts-noto-core" in out
    assert "Arabic" not in out  # shipped with the app


def test_a_script_without_a_font_prints_visible_codes_and_the_rest_still_renders(tmp_path, monkeypatch):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv("PATHWAY_FONT_DIRS", str(empty))
    plan = script_plan("王小明 مريم प्रिया")
    text = pdf_text(render_pdf(plan, "young-person", TODAY, tmp_path / "codes.pdf", prompts=[]))
    assert "[U+738B][U+5C0F][U+660E]" in text
    assert "مريم" in text and "प्रिया" in text  # shipped fonts
