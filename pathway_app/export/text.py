"""Any name renders: embedded fonts, a font per run of script, escaped markup.

Every piece of user text goes through :func:`markup` before it reaches a reportlab
``Paragraph``. It

1. normalises to NFC (so "e" + combining acute becomes "é", which the fonts have as one glyph;
   Latin text then needs no shaping, which keeps rendering fast);
2. splits the text into runs by script — Latin, Greek, Cyrillic and common punctuation in
   Noto Sans; Arabic script in Noto Naskh Arabic; Ethiopic (Amharic, Tigrinya) in Noto Sans
   Ethiopic;
3. replaces any character no shipped font covers with a visible marker ``[U+XXXX]`` in red —
   never a silent gap or a tofu box;
4. escapes ``&``, ``<`` and ``>`` so text such as ``<font size=5000>`` appears literally;
5. lays right-to-left runs out in visual order. reportlab's own bidi support needs ``rlbidi``,
   which is not on PyPI, so we do it here: the words of an Arabic-script run are reversed and
   each word is shaped by HarfBuzz (the Naskh font is registered ``shapable=True``), which
   joins its letters and orders them right to left. python-bidi's ``get_display`` is *not*
   used: it reverses letters and breaks the joining.

Shaping in reportlab 5.1 is switched on per paragraph *style*, and only when the style's own
font is shapable; so a paragraph containing Arabic uses a style whose base font is Noto Naskh
Arabic (``shaping=1``) and every non-Arabic run is wrapped in an explicit ``<font name=…>``.
Latin and Ethiopic fonts are registered unshaped: their letters are precomposed code points, and
shaping every Latin word through HarfBuzz would cost more time than the whole document budget.

A paragraph that is mostly right-to-left text is wrapped into lines here (:func:`rtl_lines`),
because reversing the words of a run longer than a line would put the end of the sentence on
the first line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource

# family -> (regular, bold, italic) file names
FAMILIES: dict[str, tuple[str, str, str]] = {
    "sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"),
    "arabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", "NotoNaskhArabic-Regular.ttf"),
    "ethiopic": ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", "NotoSansEthiopic-Regular.ttf"),
}
_PREFIX = {"sans": "PPSans", "arabic": "PPNaskh", "ethiopic": "PPEthiopic"}
_SHAPED = {"arabic"}
_VARIANTS = ("", "-Bold", "-Italic")

MARKER_COLOUR = "#b3261e"


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of a shipped font (registered on first use)."""
    variant = 1 if bold else (2 if italic else 0)
    name = _PREFIX[family] + _VARIANTS[variant]
    _register(family, variant)
    return name


@lru_cache(maxsize=None)
def _register(family: str, variant: int) -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = _PREFIX[family] + _VARIANTS[variant]
    path = resource("fonts", FAMILIES[family][variant])
    pdfmetrics.registerFont(TTFont(name, str(path), shapable=family in _SHAPED))
    if variant == 0:
        # <b> and <i> inside a paragraph map to the family's bold and italic.
        for v in (1, 2):
            _register(family, v)
        base = _PREFIX[family]
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, base + "-Bold")
        addMapping(name, 0, 1, base + "-Italic")
        addMapping(name, 1, 1, base + "-Bold")


@lru_cache(maxsize=None)
def _coverage(family: str) -> frozenset[int]:
    """Code points the family's regular font has a glyph for (read once, cached)."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name(family))
    return frozenset(font.face.charToGlyph)


# --------------------------------------------------------------------------- scripts

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_ETHIOPIC_RANGES = ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))


def script_of(ch: str) -> str:
    """"arabic", "ethiopic", "latin" (Latin/Greek/Cyrillic/other letters) or "common"."""
    cp = ord(ch)
    for lo, hi in _ARABIC_RANGES:
        if lo <= cp <= hi:
            # Arabic-Indic digits and the Arabic comma are weak/neutral, but only the Arabic
            # font draws them; keep them with the Arabic run.
            return "arabic"
    for lo, hi in _ETHIOPIC_RANGES:
        if lo <= cp <= hi:
            return "ethiopic"
    cat = unicodedata.category(ch)
    if cat[0] in "LM":
        return "latin"
    return "common"


def has_rtl(text: str) -> bool:
    return any(script_of(c) == "arabic" for c in text)


@dataclass(frozen=True)
class Run:
    family: str  # "sans" | "arabic" | "ethiopic" | "marker"
    text: str


def runs(text: str) -> list[Run]:
    """Split NFC-normalised ``text`` into runs of one font family, in logical order.

    Characters that belong to no script (spaces, digits, punctuation) stay with the run they are
    in; a combining mark stays with its base letter. A character no font covers becomes a
    ``marker`` run.
    """
    text = unicodedata.normalize("NFC", text)
    sans = _coverage("sans")
    out: list[list] = []  # [family, chars]

    def push(family: str, ch: str) -> None:
        if out and out[-1][0] == family and family != "marker":
            out[-1][1].append(ch)
        else:
            out.append([family, [ch]])

    for ch in text:
        cp = ord(ch)
        sc = script_of(ch)
        if sc == "arabic":
            fam = "arabic"
        elif sc == "ethiopic":
            fam = "ethiopic"
        elif sc == "common" or unicodedata.category(ch).startswith("M"):
            # neutral: keep with the current run when that font has it
            cur = out[-1][0] if out else "sans"
            if cur in ("arabic", "ethiopic") and cp in _coverage(cur):
                fam = cur
            elif cp in sans or ch in "\n\t":
                fam = "sans"
            elif cp in _coverage("arabic"):
                fam = "arabic"
            elif cp in _coverage("ethiopic"):
                fam = "ethiopic"
            else:
                fam = "marker"
        else:
            fam = "sans"
        if fam in ("sans", "arabic", "ethiopic") and cp not in _coverage(fam) and ch not in "\n\t":
            fam = "marker"
        push(fam, ch)
    # Spaces between an Arabic run and a following non-Arabic run belong to neither; hand
    # trailing spaces of an Arabic run to the next run so reversing words doesn't move them.
    result: list[Run] = []
    for i, (fam, chars) in enumerate(out):
        s = "".join(chars)
        if fam == "arabic" and i + 1 < len(out):
            stripped = s.rstrip(" ")
            if stripped != s:
                out[i + 1][1].insert(0, s[len(stripped):])
                s = stripped
        result.append(Run(fam, s))
    return [r for r in result if r.text]


def xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def visual_rtl(s: str) -> str:
    """A right-to-left run's words in visual (left-to-right drawing) order.

    Each word keeps its letters in logical order: the shaper orders and joins them.
    """
    words = s.split(" ")
    return " ".join(reversed(words))


def marker(ch: str) -> str:
    return "[U+%04X]" % ord(ch)


def markup(text: str, *, bold: bool = False, italic: bool = False) -> tuple[str, bool]:
    """Paragraph markup for user ``text`` and whether it needs the shaping style.

    Newlines become ``<br/>``. Every run carries an explicit font so the paragraph's base
    font (Naskh when shaping) never draws Latin letters.
    """
    parts: list[str] = []
    shaped = False
    for run in runs(text):
        if run.family == "marker":
            for ch in run.text:
                parts.append(
                    f'<font name="{font_name("sans", bold=True)}" color="{MARKER_COLOUR}">'
                    f"{marker(ch)}</font>"
                )
            continue
        body = run.text
        if run.family == "arabic":
            shaped = True
            lines = body.split("\n")
            body = "\n".join(visual_rtl(line) for line in lines)
        fname = font_name(run.family, bold=bold, italic=italic and run.family == "sans")
        esc = xml_escape(body).replace("\n", "<br/>")
        parts.append(f'<font name="{fname}">{esc}</font>')
    return "".join(parts), shaped


def plain_for_width(text: str) -> str:
    """Text with markers substituted, for measuring."""
    return "".join(r.text if r.family != "marker" else "".join(marker(c) for c in r.text) for r in runs(text))


def mostly_rtl(text: str) -> bool:
    """True when most letters are right-to-left (then the paragraph is wrapped here)."""
    rtl = ltr = 0
    for ch in text:
        sc = script_of(ch)
        if sc == "arabic":
            rtl += 1
        elif sc in ("latin", "ethiopic"):
            ltr += 1
    return rtl > 0 and rtl >= ltr


def rtl_lines(text: str, width: float, font_size: float) -> list[str]:
    """Break a mostly right-to-left paragraph into lines of logical text that fit ``width``.

    Arabic words are measured shaped (HarfBuzz), so joined letters take their real width.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fname = font_name("arabic")
    sans = font_name("sans")
    out: list[str] = []
    for para in unicodedata.normalize("NFC", text).split("\n"):
        line: list[str] = []
        w = 0.0
        space = stringWidth(" ", fname, font_size)
        for word in para.split(" "):
            if has_rtl(word):
                ww = sum(shaped_piece(t, f, font_size)[1] for t, f, _m in pieces(word))
            else:
                ww = stringWidth(plain_for_width(word), sans, font_size)
            if line and w + space + ww > width:
                out.append(" ".join(line))
                line, w = [word], ww
            else:
                w = w + (space if line else 0) + ww
                line.append(word)
        out.append(" ".join(line))
    return out


def rtl_markup(text: str, width: float, font_size: float, *, bold: bool = False) -> str:
    """Markup for a mostly right-to-left paragraph: wrapped here, each line in visual order."""
    lines = []
    for line in rtl_lines(text, width, font_size):
        # Within a right-to-left line the runs themselves go right to left as well.
        rs = runs(line)
        pieces = []
        for run in reversed(rs):
            sub, _ = markup(run.text.strip(" ") if run.family != "marker" else run.text, bold=bold)
            pieces.append(sub)
        lines.append(f'<font name="{font_name("sans")}"> </font>'.join(pieces))
    return "<br/>".join(lines)


def shaped_piece(s: str, font: str, size: float) -> tuple[str, float]:
    """``s`` shaped for drawing outside a Paragraph (the map, the timeline, page headers).

    reportlab's graphics renderer does not shape text itself, but it draws an already shaped
    string (a ``ShapedStr``) as shaped glyphs. Returns the string and its width in points.
    """
    from reportlab.pdfbase import pdfmetrics

    f = pdfmetrics.getFont(font)
    if getattr(f, "shapable", False) and s.strip():
        from reportlab.pdfbase.ttfonts import shapeStr

        out = shapeStr(s, font, size)
        data = getattr(out, "__shapeData__", None)
        if data is not None:
            return out, sum(g.x_advance for g in data) * size / 1000
        return out, pdfmetrics.stringWidth(s, font, size)
    return s, pdfmetrics.stringWidth(s, font, size)


def pieces(s: str, *, bold: bool = False) -> list[tuple[str, str, bool]]:
    """(text, font, is_marker) pieces of ``s`` in drawing order, for canvases and drawings."""
    out: list[tuple[str, str, bool]] = []
    for run in runs(s):
        if run.family == "marker":
            out.append(("".join(marker(c) for c in run.text), font_name("sans", bold=True), True))
        elif run.family == "arabic":
            out.append((visual_rtl(run.text), font_name("arabic", bold=bold), False))
        else:
            out.append((run.text, font_name(run.family, bold=bold), False))
    if mostly_rtl(s):
        out.reverse()
    return out


def draw_on_canvas(canv, x: float, y: float, s: str, size: float, *, bold: bool = False, anchor: str = "start") -> float:
    """Draw ``s`` on a canvas run by run (page headers and footers); returns its width."""
    parts = [(shaped_piece(t, f, size), f, m) for t, f, m in pieces(s, bold=bold)]
    total = sum(w for (_t, w), _f, _m in parts)
    cx = x - (total if anchor == "end" else total / 2 if anchor == "middle" else 0)
    for (t, w), f, m in parts:
        canv.saveState()
        canv.setFont(f, size)
        if m:
            canv.setFillColor(MARKER_COLOUR)
        canv.drawString(cx, y, t)
        canv.restoreState()
        cx += w
    return total
