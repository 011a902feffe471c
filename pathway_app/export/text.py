"""Any name, in any script, renders: a font per run of script, shaping, bidi, visible codes.

Every piece of user text is normalised to NFC and split into *runs* of one font family
(:mod:`.fonts`): Latin, Greek and Cyrillic in Noto Sans, Arabic in Noto Naskh, Devanagari in
Noto Sans Devanagari, Chinese in WenQuanYi Zen Hei, emoji in Symbola, and so on. Spaces, digits
and punctuation stay with the run they are in; a combining mark stays with its letter. A
character no font on the computer has becomes a visible code ``[U+XXXX]`` in red — never a
silent gap or a tofu box.

Text that needs nothing more (Latin, Greek, Cyrillic, Ethiopic) goes to a reportlab
``Paragraph`` as escaped markup (:func:`markup`). Everything else is laid out here
(:func:`layout`, drawn by :class:`.textflow.TextFlow` and :func:`draw_on_canvas`):

1. **Bidi.** The Unicode Bidirectional Algorithm (python-bidi's ``bidi.algorithm``) gives every
   character an embedding level. The paragraph's own direction is that of most of its letters
   (UBA rule HL1 allows a higher-level protocol to set it), so a mostly English line that starts
   with an Arabic name still reads left to right.
2. **Lines.** The text is cut into pieces of one font, one level and no break opportunity
   (spaces; between Chinese, Japanese and Korean characters), each shaped and measured, and
   filled into lines in logical order. A piece wider than a line is cut between graphemes.
3. **Reordering.** On each line, trailing spaces take the paragraph level (UBA L1) and the
   pieces are reordered by level (L2: reverse every maximal sequence at or above each level,
   from the highest down to the lowest odd one). Each piece keeps its characters in *logical*
   order and is shaped by HarfBuzz with its direction set from its level — so Arabic letters
   join, Devanagari and Thai marks sit right, and the digits of ``٤٠`` inside Arabic keep their
   order. (python-bidi's ``get_display`` on a whole string reverses letters inside words and
   breaks the joining, so it is not used.) A right-to-left piece that is not shaped has its
   characters reversed and mirrored (UBA L4) here.
4. **Reading back.** Shaped glyphs that don't map one-to-one back to the characters (ligatures,
   reordered vowel signs) carry an ``/ActualText`` with the piece's characters in the order
   they are drawn, which is how pdftotext (poppler) rebuilds the reading order of every other
   word on the page.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from . import fonts

MARKER_COLOUR = "#b3261e"

# --------------------------------------------------------------------------- fonts


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of a family's font (registered on first use)."""
    got = fonts.loaded(family)
    if got is None:  # only a shipped family is asked for by name
        raise LookupError(f"the {family} font is missing from the app's resources")
    return got.name(bold, italic)


# --------------------------------------------------------------------------- scripts

_RANGES: list[tuple[int, int, str]] = sorted(
    [(lo, hi, fam) for fam, spans in {
        "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
        "ethiopic": ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F), (0x1E7E0, 0x1E7FF)),
        "devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)),
        "bengali": ((0x0980, 0x09FF),),
        "gurmukhi": ((0x0A00, 0x0A7F),),
        "gujarati": ((0x0A80, 0x0AFF),),
        "oriya": ((0x0B00, 0x0B7F),),
        "tamil": ((0x0B80, 0x0BFF), (0x11FC0, 0x11FFF)),
        "telugu": ((0x0C00, 0x0C7F),),
        "kannada": ((0x0C80, 0x0CFF),),
        "malayalam": ((0x0D00, 0x0D7F),),
        "sinhala": ((0x0D80, 0x0DFF),),
        "thai": ((0x0E00, 0x0E7F),),
        "lao": ((0x0E80, 0x0EFF),),
        "myanmar": ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
        "georgian": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)),
        "armenian": ((0x0530, 0x058F), (0xFB13, 0xFB17)),
        "khmer": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
        "cjk": ((0x1100, 0x11FF), (0x2E80, 0x2FFF), (0x3000, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
                (0x20000, 0x3134F)),
        "emoji": ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)),
    }.items() for lo, hi in spans]
)
_STARTS = [r[0] for r in _RANGES]
#: Characters inside a script's block that other scripts use too (dandas, tatweel).
_SHARED = frozenset(map(ord, "\u0964\u0965\u0640"))
#: Fallback order for a character its own script's font lacks.
_FALLBACK = ("sans", "symbols", "emoji", "cjk") + tuple(f.key for f in fonts.FAMILIES if f.key not in ("sans", "symbols", "emoji", "cjk"))
_IGNORABLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x180B, 0x180C, 0x180D, 0x180E, 0xFEFF]
    + list(range(0x200B, 0x2010)) + list(range(0x202A, 0x202F)) + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10)) + list(range(0xE0100, 0xE01F0))
)


def script_family(cp: int) -> str | None:
    """The family whose script ``cp`` belongs to, or None (Latin, Greek, Cyrillic, common)."""
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _RANGES[i][1] and cp not in _SHARED:
        return _RANGES[i][2]
    return None


def script_of(ch: str) -> str:
    """"latin" (any letter of the sans family), "common", or a family key such as "arabic"."""
    fam = script_family(ord(ch))
    if fam:
        return fam
    return "latin" if unicodedata.category(ch)[0] in "LM" else "common"


def _covers(key: str, cp: int) -> fonts.Loaded | None:
    got = fonts.loaded(key)
    return got if got is not None and cp in got.cmap else None


@lru_cache(maxsize=65536)
def _family_for(ch: str, prev: str | None, override) -> fonts.Loaded | None:
    """The family that draws ``ch`` after a run of ``prev`` (with the font folders
    ``override``), or None when no font on this computer has it (a visible code)."""
    cp = ord(ch)
    own = script_family(cp)
    if own is not None:
        got = _covers(own, cp)
        if got is not None:
            return got
    else:
        # a mark, or punctuation other than ASCII (Arabic comma, dandas, dashes, quotes), stays
        # in its run's font; ASCII digits and punctuation look the same everywhere on the page
        neutral = unicodedata.category(ch)[0] not in "L" and not ch.isascii()
        if neutral and prev is not None and prev in fonts.BY_KEY:
            got = _covers(prev, cp)
            if got is not None:
                return got
    for key in _FALLBACK:
        got = _covers(key, cp)
        if got is not None:
            return got
    return fonts.fallback(cp)


@dataclass(frozen=True)
class Run:
    family: str  # a family key ("sans", "arabic", "cjk", …) or "marker"
    text: str


def runs(text: str) -> list[Run]:
    """``text`` (NFC) as runs of one font family, in logical order; uncovered characters become
    ``marker`` runs of one character each. Invisible format characters (joiners, variation
    selectors) stay with the run they are in."""
    text = unicodedata.normalize("NFC", text)
    out: list[list] = []  # [family, chars]
    prev: str | None = None
    override = fonts.font_dirs_override()
    for ch in text:
        cp = ord(ch)
        if ch in "\n\t" or cp in _IGNORABLE:
            fam = prev or "sans"
        else:
            got = _family_for(ch, prev, override)
            fam = got.family.key if got is not None else "marker"
        if out and out[-1][0] == fam and fam != "marker":
            out[-1][1].append(ch)
        else:
            out.append([fam, [ch]])
        if fam != "marker":
            prev = fam
    return [Run(f, "".join(cs)) for f, cs in out]


_SIMPLE = frozenset(("sans", "ethiopic"))


def _simple(rs: list[Run]) -> bool:
    for r in rs:
        if r.family not in _SIMPLE:
            return False
        if any(unicodedata.bidirectional(c) in ("R", "AL", "AN", "RLE", "RLO", "RLI") for c in r.text):
            return False
    return True


def simple(text: str) -> bool:
    """True when ``text`` needs no shaping, bidi or other fonts (a reportlab Paragraph will do)."""
    return text.isascii() or _simple(runs(text))


def xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def marker(ch: str) -> str:
    return f"[U+{ord(ch):04X}]"


def markup(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """Paragraph markup for :func:`simple` user ``text``: escaped, each run in its font.

    Newlines become ``<br/>``; invisible format characters are dropped (the fonts have no
    glyph for them).
    """
    return _markup(runs(text), bold, italic)


def _markup(rs: list[Run], bold: bool, italic: bool) -> str:
    parts = []
    for run in rs:
        body = "".join(c for c in run.text if ord(c) not in _IGNORABLE)
        fname = font_name(run.family, bold=bold, italic=italic and run.family == "sans")
        parts.append(f'<font name="{fname}">{xml_escape(body).replace(chr(10), "<br/>")}</font>')
    return "".join(parts)


def paragraph_markup(text: str, *, bold: bool = False, italic: bool = False) -> str | None:
    """:func:`markup` for ``text`` when it is :func:`simple`, else None (it needs :func:`layout`)."""
    rs = runs(text)
    return _markup(rs, bold, italic) if _simple(rs) else None


# --------------------------------------------------------------------------- bidi


def base_level(text: str) -> int:
    """The paragraph's direction: 1 (right to left) when most letters are right to left."""
    rtl = ltr = 0
    first = None
    for ch in text:
        b = unicodedata.bidirectional(ch)
        if b == "L":
            ltr += 1
            first = 0 if first is None else first
        elif b in ("R", "AL"):
            rtl += 1
            first = 1 if first is None else first
    if rtl == ltr:
        return first or 0
    return 1 if rtl > ltr else 0


def levels(text: str, base: int) -> list[int]:
    """The UBA embedding level of every character of one paragraph (no newlines) of ``text``."""
    if base == 0 and not any(
        unicodedata.bidirectional(c) in ("R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI") for c in text
    ):
        return [0] * len(text)
    from bidi import algorithm as ba

    storage = ba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    ba.get_embedding_levels(text, storage)
    chars = list(storage["chars"])  # X9 drops some of these from storage; keep them all here
    ba.explicit_embed_and_overrides(storage)
    ba.resolve_weak_types(storage)
    ba.resolve_neutral_types(storage, False)
    ba.resolve_implicit_levels(storage, False)
    kept = {id(c) for c in storage["chars"]}
    out = []
    for c in chars:
        # a character removed by X9 (joiners, embedding controls) goes with the one before it
        out.append(c["level"] if id(c) in kept else (out[-1] if out else base))
    return out


def _mirror(s: str) -> str:
    from bidi.mirror import MIRRORED

    return "".join(MIRRORED.get(c, c) for c in s)


# --------------------------------------------------------------------------- shaping


@dataclass(frozen=True)
class Piece:
    """A piece of a line: one font, one level, no break opportunity inside."""

    text: str  # logical order
    drawn: object  # the str (or reportlab ShapedStr) to draw, in visual order
    font: str  # reportlab font name
    level: int
    width: float
    family: fonts.Loaded | None = None  # None for a marker
    space: bool = False
    actual: str | None = None  # /ActualText, in drawing order, when glyphs don't map back

    @property
    def marker(self) -> bool:
        return self.family is None


@lru_cache(maxsize=32768)
def _shape(s: str, font: str, size: float, rtl: bool) -> tuple[object, float, str | None]:
    """HarfBuzz-shape ``s`` (logical order) with ``font``; returns (ShapedStr, width, actual).

    The direction is set from the bidi level, never guessed from the script: Arabic-Indic
    digits are in the Arabic script but read left to right.
    """
    import uharfbuzz
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

    ttf = getFont(font)
    hbf = ttf.hbFont(size)  # also makes ttf.hbAddPrivate
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(s)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hbf, buf, {"kern": True, "liga": True})
    face = ttf.face
    chars, data, units = [], [], 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        gid = info.codepoint
        try:
            u = face.glyphToChar[gid][0]
        except (KeyError, IndexError):
            u = ttf.hbAddPrivate(hbf.glyph_to_string(gid), gid, pos.x_advance)
        xa = ttf.pdfScale(pos.x_advance)
        units += xa
        chars.append(chr(u))
        data.append(ShapeData(info.cluster, xa, ttf.pdfScale(pos.y_advance), ttf.pdfScale(pos.x_offset),
                              ttf.pdfScale(pos.y_offset), face.charWidths[u]))
    drawn = "".join(chars)
    visible = "".join(c for c in s if ord(c) not in _IGNORABLE)
    expect = visible[::-1] if rtl else visible
    nfkc = unicodedata.normalize
    # marks are drawn where the shaper puts them, which readers don't reassemble reliably
    marks = any(unicodedata.category(c)[0] == "M" for c in visible)
    actual = None if not marks and nfkc("NFKC", drawn) == nfkc("NFKC", expect) else expect
    return ShapedStr(drawn, shapeData=data), units * size / 1000, actual


@lru_cache(maxsize=32768)
def _plain(s: str, font: str, size: float, rtl: bool) -> tuple[str, float]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    drawn = "".join(c for c in s if ord(c) not in _IGNORABLE)
    if rtl:
        drawn = _mirror(drawn[::-1])
    return drawn, stringWidth(drawn, font, size)


def _piece(text: str, fam: fonts.Loaded | None, level: int, size: float, bold: bool, italic: bool) -> Piece:
    if fam is None:
        codes = "".join(marker(c) for c in text)
        f = font_name("sans", bold=True)
        drawn, w = _plain(codes, f, size, False)
        return Piece(text, drawn, f, level, w)
    f = fam.name(bold, italic)
    space = text.strip() == ""
    if fam.shaped and not space:
        drawn, w, actual = _shape(text, f, size, bool(level % 2))
        return Piece(text, drawn, f, level, w, fam, actual=actual)
    drawn, w = _plain(text, f, size, bool(level % 2))
    return Piece(text, drawn, f, level, w, fam, space=space)


# --------------------------------------------------------------------------- line breaking

_NO_BREAK_BEFORE = frozenset("、。，．,.)]}）」』】〕〉》〙〗！？!?：；:;ー〜ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻")
_NO_BREAK_AFTER = frozenset("([{（「『【〔〈《〘〖")


def _breaks_around(ch: str) -> bool:
    """Chinese, Japanese and Korean text may break between any two characters."""
    return ord(ch) >= 0x1100 and script_family(ord(ch)) == "cjk" and unicodedata.category(ch)[0] in "LN"


def _opportunity(prev: str, ch: str) -> bool:
    """May a line break come between ``prev`` and ``ch``?"""
    if prev == " " and ch != " ":
        return True
    if ch in _NO_BREAK_BEFORE or prev in _NO_BREAK_AFTER or ch == " ":
        return False
    return _breaks_around(prev) or _breaks_around(ch)


def graphemes(s: str) -> list[str]:
    """``s`` cut between grapheme clusters (a base with its marks, joiners and virama
    sequences stays whole), for breaking a piece wider than a line."""
    out: list[str] = []
    for ch in s:
        cat = unicodedata.category(ch)
        glue = out and (cat in ("Mn", "Mc", "Me") or ord(ch) in _IGNORABLE or 0x1F3FB <= ord(ch) <= 0x1F3FF
                        or unicodedata.name(out[-1][-1], "").endswith(("VIRAMA", "SIGN COENG", "SIGN ASAT"))
                        or out[-1][-1] == "\u200d")
        if glue:
            out[-1] += ch
        else:
            out.append(ch)
    return out


@dataclass
class Line:
    pieces: list[Piece]  # visual order, left to right
    width: float


@dataclass
class Layout:
    lines: list[Line] = field(default_factory=list)
    rtl: bool = False  # the paragraph reads right to left


def _segments(text: str, base: int) -> list[tuple[str, fonts.Loaded | None, int, bool]]:
    """(text, family, level, break-before) segments of one paragraph, in logical order."""
    lv = levels(text, base)
    override = fonts.font_dirs_override()
    segs: list[list] = []
    prev: fonts.Loaded | None = None
    prev_ch = ""
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in _IGNORABLE and segs:
            segs[-1][0] += ch
            continue
        if ch == "\t":
            ch = " "
        if ch == " ":
            got = prev or fonts.loaded("sans")
        else:
            got = _family_for(ch, prev.family.key if prev else None, override)
        is_marker = got is None
        space = ch == " "
        brk = bool(prev_ch) and _opportunity(prev_ch, ch)
        key = (None if is_marker else got.family.key, lv[i], space)
        if segs and not brk and not is_marker and segs[-1][4] == key:
            segs[-1][0] += ch
        else:
            segs.append([ch, got, lv[i], brk, key])
        if not is_marker:
            prev = got
        prev_ch = ch
    return [(s[0], s[1], s[2], s[3]) for s in segs]


def _reorder(pieces: list[Piece]) -> list[Piece]:
    """UBA L2 on one line: from the highest level down to the lowest odd one, reverse every
    maximal sequence of pieces at that level or higher. (L1 needs nothing: a line's trailing
    spaces are dropped before, and tabs are spaces here.)"""
    pieces = list(pieces)
    lvls = [p.level for p in pieces]
    if not lvls or max(lvls) == 0:
        return pieces
    odd = [v for v in lvls if v % 2]
    lowest = min(odd) if odd else max(lvls) + 1
    for level in range(max(lvls), lowest - 1, -1):
        j = 0
        while j < len(pieces):
            if pieces[j].level >= level:
                k = j
                while k < len(pieces) and pieces[k].level >= level:
                    k += 1
                pieces[j:k] = pieces[j:k][::-1]
                j = k
            else:
                j += 1
    return pieces


def layout(text: str, width: float | None, size: float, *, bold: bool = False, italic: bool = False) -> Layout:
    """``text`` laid out in lines no wider than ``width`` (None: one line per paragraph).

    The result is shared (the same name is laid out once for every table it is in): don't
    change it."""
    return _layout(text, width, size, bold, italic, fonts.font_dirs_override())


@lru_cache(maxsize=4096)
def _layout(text: str, width: float | None, size: float, bold: bool, italic: bool, override) -> Layout:
    text = unicodedata.normalize("NFC", text)
    base = base_level(text)
    out = Layout(rtl=base == 1)
    for para in text.split("\n"):
        segs = _segments(para, base)
        # chunks: the pieces between two break opportunities
        chunks: list[list[Piece]] = []
        for s, fam, lvl, brk in segs:
            p = _piece(s, fam, lvl, size, bold, italic)
            if brk or not chunks:
                chunks.append([p])
            else:
                chunks[-1].append(p)
        line: list[Piece] = []
        w = 0.0

        def close():
            nonlocal line, w
            while line and line[-1].space:
                line.pop()
            pieces = _reorder(line)
            out.lines.append(Line(pieces, sum(p.width for p in pieces)))
            line, w = [], 0.0

        for chunk in chunks:
            body = sum(p.width for p in chunk if not p.space)
            if width is not None and line and w + body > width:
                close()
            if width is not None and not line and body > width:
                for part in _split_chunk(chunk, width, size, bold, italic):
                    if line:
                        close()
                    line = part
                    w = sum(p.width for p in part)
                continue
            line += chunk
            w += sum(p.width for p in chunk)
        close()
    return out


def _split_chunk(chunk: list[Piece], width: float, size: float, bold: bool, italic: bool) -> list[list[Piece]]:
    """A chunk wider than a line, cut between graphemes into parts that fit."""
    parts: list[list[Piece]] = [[]]
    w = 0.0
    for p in chunk:
        if p.space or p.marker:
            units = [p]
        else:
            units = [_piece(g, p.family, p.level, size, bold, italic) for g in graphemes(p.text)]
        for u in units:
            if parts[-1] and w + u.width > width and not u.space:
                parts.append([])
                w = 0.0
            parts[-1].append(u)
            w += u.width
    # join neighbouring graphemes of one piece again (shaping needs the whole cluster run)
    return [_merge_logical(part, size, bold, italic) for part in parts if part]


def _merge_logical(pieces: list[Piece], size: float, bold: bool, italic: bool) -> list[Piece]:
    out: list[Piece] = []
    for p in pieces:
        if out and not p.space and not p.marker and not out[-1].space and not out[-1].marker \
                and out[-1].font == p.font and out[-1].level == p.level:
            out[-1] = _piece(out[-1].text + p.text, p.family, p.level, size, bold, italic)
        else:
            out.append(p)
    return out


# --------------------------------------------------------------------------- drawing


def _actual_text(s: str) -> str:
    return f"/Span <</ActualText <FEFF{s.encode('utf-16-be').hex().upper()}>>> BDC"


def _groups(line: Line):
    """(x offset, font, drawn, is marker, actual) for each stretch drawn in one go: neighbouring
    unshaped pieces in one font are joined (their widths are those of the joined string)."""
    out: list[list] = []
    x = 0.0
    for p in line.pieces:
        plain = type(p.drawn) is str
        if out and plain and out[-1][5] and out[-1][1] == p.font and out[-1][3] == p.marker:
            out[-1][2] += p.drawn
        else:
            out.append([x, p.font, p.drawn, p.marker, p.actual, plain and p.actual is None])
        x += p.width
    return out


def draw_line(canv, x: float, y: float, line: Line, size: float, colour) -> None:
    """Draw one laid-out line with its left end at (x, y) on the baseline, in ``colour``;
    codes for missing characters in red."""
    tx = None
    current = None
    font = None
    for dx, fname, drawn, is_marker, actual, _plain in _groups(line):
        if actual is not None and tx is not None:
            canv.drawText(tx)
            tx = None
        if tx is None:
            tx = canv.beginText(x + dx, y)
            font = None
        else:
            tx.setTextOrigin(x + dx, y)
        if fname != font:
            tx.setFont(fname, size)
            font = fname
        want = MARKER_COLOUR if is_marker else colour
        if want is not current:
            tx.setFillColor(want)
            current = want
        if actual is not None:
            canv.addLiteral(_actual_text(actual))
            tx.textOut(drawn)
            canv.drawText(tx)
            canv.addLiteral("EMC")
            tx = None
        else:
            tx.textOut(drawn)
    if tx is not None:
        canv.drawText(tx)


def text_width(s: str, size: float, *, bold: bool = False) -> float:
    """The width of ``s`` on one line."""
    lay = layout(" ".join(s.split("\n")), None, size, bold=bold)
    return lay.lines[0].width if lay.lines else 0.0


def draw_on_canvas(canv, x: float, y: float, s: str, size: float, colour, *, bold: bool = False,
                   anchor: str = "start") -> float:
    """Draw ``s`` on one line (page headers, the pictures); returns its width."""
    lay = layout(" ".join(s.split("\n")), None, size, bold=bold)
    if not lay.lines:
        return 0.0
    line = lay.lines[0]
    cx = x - (line.width if anchor == "end" else line.width / 2 if anchor == "middle" else 0)
    canv.saveState()
    draw_line(canv, cx, y, line, size, colour)
    canv.restoreState()
    return line.width
