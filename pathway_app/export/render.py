"""Render a :class:`~pathway_app.export.model.Document` to PDF bytes with reportlab platypus.

Layout: A4, one column, so reading order follows the page. Every page carries the
OFFICIAL-SENSITIVE marking in its header and footer, the date produced, the plan version and
"Page X of Y" (the total is a form XObject filled in when the document is finished, so one
pass is enough). Every section is a bookmark in the PDF outline. Title, author, subject,
keywords and language (``/Lang``) are set in the document information and catalogue.

Long text never clips: user text is split into paragraphs (one per line), tables are built with
``splitInRow=1`` and repeat their header row on each page.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.dates import fmt
from . import drawings, text
from . import model as dm
from .textflow import TextFlow
from .theme import Theme, theme_for

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
FURNITURE_SIZE = 8.5  # the header and footer on every page: never under 8 pt
HEADING_ROOM = 80  # points a heading needs below it to start on this page
TOTAL_FORM = "ppPageTotal"

#: Paragraphs longer than this are split at spaces into several flowables, so a huge field
#: with no line breaks still flows across pages quickly (a Paragraph splits, but re-wrapping a
#: 10,000-character paragraph on every page costs time).
CHUNK = 1500

#: A value marked for review (:class:`~pathway_app.export.model.Marked`): the amber band behind
#: its row, the line before the row and the mark's ink.
MARKED_BAND, MARKED_LINE, MARKED_INK = "#fff3cd", "#d39e00", "#7a4a00"


# --------------------------------------------------------------------------- styles


class Styles:
    def __init__(self, theme: Theme, edition: str):
        self.theme = theme
        sans, bold, italic = text.font_name("sans"), text.font_name("sans", bold=True), text.font_name("sans", italic=True)
        ink = colors.HexColor(theme.ink)
        muted = colors.HexColor(theme.muted)
        b, ld = theme.body_size, theme.leading
        self.body = ParagraphStyle("body", fontName=sans, fontSize=b, leading=ld, textColor=ink, spaceAfter=4)
        self.lead = ParagraphStyle("lead", parent=self.body, fontSize=b + 1.5, leading=ld + 2, spaceAfter=8)
        self.muted = ParagraphStyle("muted", parent=self.body, fontSize=b - 1, leading=ld - 2, textColor=muted)
        self.empty = ParagraphStyle("empty", parent=self.muted, fontName=italic)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=b - 1.5, leading=ld - 3.5)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=b, leading=ld - 1, spaceAfter=0)
        self.cell_head = ParagraphStyle("cellhead", parent=self.cell, fontName=bold, textColor=colors.HexColor(theme.accent))
        self.key = ParagraphStyle("key", parent=self.cell, fontName=bold, textColor=muted)
        self.h1 = ParagraphStyle(
            "h1", parent=self.body, fontName=bold, fontSize=theme.heading_size, leading=theme.heading_size * 1.25,
            textColor=colors.HexColor(theme.accent), spaceBefore=14, spaceAfter=8,
        )
        self.h2 = ParagraphStyle(
            "h2", parent=self.body, fontName=bold, fontSize=b + 1.5, leading=(b + 1.5) * 1.3,
            textColor=ink, spaceBefore=10, spaceAfter=4,
        )
        self.quote = ParagraphStyle("quote", parent=self.body, fontSize=b + 0.5, leading=ld + 1, textColor=ink, spaceAfter=3)
        self.quote_label = ParagraphStyle("quotelabel", parent=self.small, fontName=bold, textColor=colors.HexColor(theme.warm), spaceAfter=3)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=theme.title_size, leading=theme.title_size * 1.2, textColor=colors.white)
        self.subtitle = ParagraphStyle("subtitle", parent=self.body, fontSize=b + 3, leading=(b + 3) * 1.35, textColor=colors.white)
        self.banner_small = ParagraphStyle("bannersmall", parent=self.body, fontSize=b - 1, leading=ld - 2, textColor=colors.HexColor("#fff4ec"))
        self.caption = ParagraphStyle("caption", parent=self.muted, fontSize=b - 1.5, leading=ld - 3.5, spaceBefore=3, spaceAfter=8)
        self.callout = ParagraphStyle("callout", parent=self.body, spaceAfter=0)
        self.callout_title = ParagraphStyle("callouttitle", parent=self.body, fontName=bold, spaceAfter=2)
        self.sign_role = ParagraphStyle("signrole", parent=self.cell, fontName=bold)
        # smaller headings within a part of a long document, and the mark of a value marked for review
        self.h3 = ParagraphStyle("h3", parent=self.h2, fontSize=self.h2.fontSize - 1, spaceBefore=8, spaceAfter=3)
        self.h4 = ParagraphStyle("h4", parent=self.h3, fontSize=self.h2.fontSize - 2, spaceBefore=4, textColor=muted)
        self.mark = ParagraphStyle("mark", parent=self.cell, fontName=bold, textColor=colors.HexColor(MARKED_INK), spaceAfter=2)


def para(s: str, style: ParagraphStyle, width: float = FRAME_W):
    """A paragraph of plain user text: a reportlab Paragraph of escaped markup when every
    character is Latin, Greek, Cyrillic or Ethiopic; otherwise a :class:`TextFlow`, laid out by
    :mod:`.text` (other scripts, shaping, bidi, codes for characters no font has)."""
    bold = style.fontName.endswith("-Bold")
    italic = style.fontName.endswith("-Italic")
    if s.isascii() and s.isprintable():
        # ASCII: every character is in Noto Sans; only escaping is needed.
        return Paragraph(text.xml_escape(s), style)
    markup = text.paragraph_markup(s, bold=bold, italic=italic)
    if markup is not None:
        return Paragraph(markup, style)
    return TextFlow(s, style, bold=bold, italic=italic)


def paras(s: str, style: ParagraphStyle, width: float = FRAME_W) -> list:
    """User text as one paragraph per line; very long lines cut into chunks at spaces."""
    out = []
    for line in s.strip("\n").split("\n"):
        if not line.strip():
            continue
        while len(line) > CHUNK:
            cut = line.rfind(" ", 0, CHUNK)
            if cut <= 0:
                cut = CHUNK
            out.append(para(line[:cut], _nospace(style), width))
            line = line[cut:].lstrip(" ")
        out.append(para(line, style, width))
    return out or [para("", style, width)]


def _nospace(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` without space after (for the chunks of one long line)."""
    if "_pp_cont" not in style.__dict__:
        style.__dict__["_pp_cont"] = ParagraphStyle(style.name + "-cont", parent=style, spaceAfter=0)
    return style.__dict__["_pp_cont"]


# --------------------------------------------------------------------------- page furniture


class _Canvas(Canvas):
    """Fills in the page total (a form XObject every footer refers to) before saving."""

    total_style: tuple[str, float, str] = ("Helvetica", 8, "#000000")

    def save(self):
        font, size, colour = self.total_style
        self.beginForm(TOTAL_FORM, lowerx=0, lowery=-2, upperx=60, uppery=size + 2)
        self.setFont(font, size)
        self.setFillColor(colors.HexColor(colour))
        self.drawString(0, 0, str(self._pp_pages))
        self.endForm()
        super().save()


class _Doc(BaseDocTemplate):
    def __init__(self, buf, model: dm.Document, styles: Styles, **kw):
        self.model = model
        self.st = styles
        super().__init__(
            buf,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=model.full_title,
            author=model.author,
            subject=model.subject,
            keywords=model.keywords,
            creator="Pathway Planner",
            producer="Pathway Planner (reportlab)",
            lang=model.lang,
            **kw,
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    def afterFlowable(self, flowable):
        mark = getattr(flowable, "_pp_bookmark", None)
        if mark:
            key, title, level = mark
            self.canv.bookmarkHorizontal(key, 0, PAGE_H - MARGIN_TOP + 8)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)

    def _furniture(self, canv: Canvas, doc) -> None:
        m, th = self.model, self.st.theme
        canv._pp_pages = canv.getPageNumber()
        muted = colors.HexColor(th.muted)
        accent = colors.HexColor(th.accent)
        marking_colour = colors.HexColor("#9b2c2c")
        bold, sans = text.font_name("sans", bold=True), text.font_name("sans")
        canv.saveState()
        # header: the protective marking (on every page unless the document says once is enough:
        # then it is on the first page's banner only)
        y = PAGE_H - 13 * mm
        left = MARGIN_X
        if m.marking_every_page:
            canv.setFillColor(marking_colour)
            canv.setFont(bold, FURNITURE_SIZE)
            canv.drawString(MARGIN_X, y, m.marking)
            left += canv.stringWidth(m.marking, bold, FURNITURE_SIZE) + 10
        if m.header_note:
            canv.setFillColor(muted)
            canv.setFont(sans, FURNITURE_SIZE)
            canv.drawString(left, y, m.header_note)
        canv.setFillColor(muted)
        text.draw_on_canvas(canv, PAGE_W - MARGIN_X, y, m.full_title, FURNITURE_SIZE, muted, anchor="end")
        canv.setStrokeColor(accent)
        canv.setLineWidth(1.2)
        canv.line(MARGIN_X, y - 5, PAGE_W - MARGIN_X, y - 5)
        # footer
        y = 11 * mm
        canv.setStrokeColor(colors.HexColor(th.rule))
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y + 10, PAGE_W - MARGIN_X, y + 10)
        left = MARGIN_X
        if m.marking_every_page:
            canv.setFillColor(marking_colour)
            canv.setFont(bold, FURNITURE_SIZE)
            canv.drawString(MARGIN_X, y, m.marking)
            left += canv.stringWidth(m.marking, bold, FURNITURE_SIZE) + 12
        canv.setFillColor(muted)
        canv.setFont(sans, FURNITURE_SIZE)
        canv.drawString(left, y, f"Produced {fmt(m.produced_on)}  ·  Plan version {m.version}")
        label = f"Page {canv.getPageNumber()} of "
        w = canv.stringWidth(label, sans, FURNITURE_SIZE)
        x = PAGE_W - MARGIN_X - 60
        canv.drawString(x, y, label)
        canv.translate(x + w, y)
        canv.doForm(TOTAL_FORM)
        canv.restoreState()


# --------------------------------------------------------------------------- blocks


class _Table(Table):
    """A reportlab Table whose rows are not torn apart across pages.

    - A row that fits on a page is never split: when it does not fit at the foot of a page, it
      goes whole to the next one (reportlab would split it inside the row, leaving a fragment
      of the row with empty cells). Only a row taller than most of a page is split, and its
      continuation repeats the first column's words, "(continued)".
    - It never repeats its header row at the foot of a page: the rest of a table just split
      between rows goes to the next page (reportlab 5.1 offers it the sliver of page left under
      the first part, where it would split again inside a row).

    ``continued`` holds, per row, the first column's text and style for that repeat.
    """

    _rest_of_row_split = False
    continued: list[tuple[str, ParagraphStyle, float] | None] | None = None

    def split(self, availWidth, availHeight):
        if self._rest_of_row_split:
            self._rest_of_row_split = False
            return []  # the sliver under the first part: start again on the next page
        self._calc(availWidth, availHeight)
        parts = self._splitRows(availHeight, doInRowSplit=False)
        if parts:
            if len(parts) == 2:
                parts[1]._rest_of_row_split = True
            return self._carry(parts, in_row=False)
        first = self.repeatRows if len(self._cellvalues) > self.repeatRows else 0
        if not self.splitInRow or self._rowHeights[first] < TALL_ROW * FRAME_H:
            return []  # the row goes whole to the next page
        return self._carry(self._splitRows(availHeight, doInRowSplit=True), in_row=True)

    def _carry(self, parts: list, in_row: bool) -> list:
        """Hand what the parts need on to them: the first-column words of the rows they hold,
        and for a row split inside, "(continued)" in its first column."""
        if len(parts) != 2 or not self.continued:
            return parts
        done = len(parts[0]._cellvalues) - self.repeatRows  # body rows in the first part
        body_start = self.repeatRows
        rest = self.continued[:body_start] + self.continued[body_start + done - (1 if in_row else 0):]
        parts[0].continued = self.continued[: body_start + done]
        parts[1].continued = rest
        if in_row:
            spec = self.continued[body_start + done - 1]
            rest_of_first = parts[1]._cellvalues[body_start][0]
            if spec is not None and not _has_content(rest_of_first):
                # the first column finished on the page before: say whose row this is
                text, style, width = spec
                parts[1]._cellvalues[body_start][0] = [para(f"{text} (continued)", style, width)]
        return parts


def _has_content(cell) -> bool:
    if cell is None or cell == "":
        return False
    if isinstance(cell, (list, tuple)):
        return any(_has_content(c) for c in cell)
    return True


#: A row taller than this share of the page may be split inside (it could never fit whole).
TALL_ROW = 0.6


#: A quote or callout up to this many characters is kept whole on one page (its label never
#: sits alone at the foot of a page); longer ones split across pages as they must.
KEEP_WHOLE = 1200


def cell(value: str, style: ParagraphStyle, width: float):
    """A table cell: a plain string when it is short ASCII that fits on one line (much cheaper
    to lay out than a Paragraph — a 300-action table has over a thousand cells), otherwise
    paragraphs."""
    if value.isascii() and value.isprintable() and stringWidth(value, style.fontName, style.fontSize) <= width:
        return value
    if "\n" in value or len(value) > CHUNK:
        return paras(value, style, width)
    return para(value, style, width)


def _table_style(st: Styles, header: bool, nrows: int) -> TableStyle:
    th = st.theme
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), st.cell.textColor),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(th.rule)),
    ]
    if header:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(th.accent_soft)),
            ("LINEBELOW", (0, 0), (-1, 0), 1, colors.HexColor(th.accent)),
        ]
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#fbf9f6")]))
    return TableStyle(cmds)


def _value(value: dm.Cell, st: Styles, width: float):
    """A key/value list's value or a table cell: plain text, a value marked for review (its mark
    above it), or several of these stacked."""
    if isinstance(value, dm.Marked):
        return [para(value.mark, st.mark, width)] + paras(value.text, st.cell, width)
    if isinstance(value, list):
        out: list = []
        for part in value:
            out += _value(part, st, width) if isinstance(part, dm.Marked) else paras(part, st.cell, width)
        return out or ""
    return cell(value, st.cell, width)


def _is_marked(value: dm.Cell) -> bool:
    return isinstance(value, dm.Marked) or (isinstance(value, list) and any(isinstance(p, dm.Marked) for p in value))


def _band_marked(style: TableStyle, rows: list[int], first_col: int = 0) -> TableStyle:
    """The amber band behind each of ``rows`` (from ``first_col`` on) and a line before it."""
    for i in rows:
        style.add("BACKGROUND", (first_col, i), (-1, i), colors.HexColor(MARKED_BAND))
        style.add("LINEBEFORE", (0, i), (0, i), 3, colors.HexColor(MARKED_LINE))
    return style


def _table(block: dm.Table, st: Styles) -> list:
    if not block.rows:
        return [para(block.empty or "None recorded.", st.empty)]
    widths = [f * FRAME_W for f in block.widths]
    head = [para(h, st.cell_head, w) for h, w in zip(block.header, widths)]
    data = [head]
    for row in block.rows:
        data.append([_value(value or "", st, w - 10) for value, w in zip(row, widths)])
    t = _Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    t.continued = [None] + [(_first_text(row[0]), st.cell, widths[0] - 10) for row in block.rows]
    marked = [i for i, row in enumerate(block.rows, 1) if any(map(_is_marked, row))]
    t.setStyle(_band_marked(_table_style(st, True, len(data)), marked, block.band_from))
    return [t, Spacer(1, 6)]


def _first_text(value: dm.Cell) -> str:
    """A first-column cell as plain words (for "… (continued)")."""
    if isinstance(value, dm.Marked):
        return value.text
    if isinstance(value, list):
        return " ".join(_first_text(v) for v in value)
    return str(value or "")


def _keyvalues(block: dm.KeyValues, st: Styles) -> list:
    if not block.rows:
        return []
    kw = 0.3 * FRAME_W
    vw = FRAME_W - kw
    data = []
    for k, v in block.rows:
        data.append([para(k, st.key, kw - 10), _value(v, st, vw - 10)])
    t = _Table(data, colWidths=[kw, vw], splitInRow=1, hAlign="LEFT")
    t.continued = [(k, st.key, kw - 10) for k, _v in block.rows]
    marked = [i for i, (_k, v) in enumerate(block.rows) if _is_marked(v)]
    t.setStyle(_band_marked(_table_style(st, False, len(data)), marked))
    return [t, Spacer(1, 6)]


def _quote(block: dm.Quote, st: Styles) -> list:
    th = st.theme
    inner_w = FRAME_W - 28
    who = block.label or f"In {block.who}'s words"
    content = [para(who, st.quote_label, inner_w)] + paras(block.text, st.quote, inner_w)
    t = Table([[content]], colWidths=[FRAME_W], splitInRow=1, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # never the default, Helvetica
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(th.warm_soft)),
                ("LINEBEFORE", (0, 0), (0, -1), 4, colors.HexColor(th.warm)),
                ("LEFTPADDING", (0, 0), (-1, -1), 14),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return [KeepTogether([t]) if len(block.text) <= KEEP_WHOLE else t, Spacer(1, 8)]


_TONES = {"info": ("#eef4f6", "#7aa6b3"), "warm": ("#fff3e8", "#e9a979"), "missing": ("#f6f4f1", "#c9beb1")}


def _callout(block: dm.Callout, st: Styles) -> list:
    bg, line = _TONES.get(block.tone, _TONES["info"])
    inner_w = FRAME_W - 24
    content = ([para(block.title, st.callout_title, inner_w)] if block.title else []) + paras(block.text, st.callout if block.tone != "missing" else st.empty, inner_w)
    t = Table([[content]], colWidths=[FRAME_W], splitInRow=1, hAlign="LEFT", cornerRadii=[6, 6, 6, 6])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # never the default, Helvetica
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(bg)),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(line)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return [KeepTogether([t]) if len(block.text) <= KEEP_WHOLE else t, Spacer(1, 8)]


def _signatures(block: dm.Signatures, st: Styles) -> list:
    th = st.theme
    out = []
    rows = []
    for role, name in block.signers:
        rows.append(
            [
                [para(role, st.sign_role, 0.3 * FRAME_W - 10), para(name or "Name:", st.cell if name else st.empty, 0.3 * FRAME_W - 10)],
                para("Signature", st.muted, 0.45 * FRAME_W - 10),
                para("Date", st.muted, 0.25 * FRAME_W - 10),
            ]
        )
    t = Table(rows, colWidths=[0.3 * FRAME_W, 0.45 * FRAME_W, 0.25 * FRAME_W], rowHeights=[62] * len(rows), hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # never the default, Helvetica
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
                ("LINEBELOW", (1, 0), (-1, -1), 0.8, colors.HexColor(th.ink)),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (1, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (0, -1), 0.4, colors.HexColor(th.rule)),
            ]
        )
    )
    out.append(KeepTogether([t]))
    if block.note:
        out.append(para(block.note, st.muted))
    return out


class PictureBlock(Flowable):
    """A picture with what belongs with it (its heading above, its caption below), kept on one
    page — and, rather than leave most of a page blank because it does not quite fit, drawn a
    little smaller (down to :data:`MIN_SCALE`) in the room left. Never split.
    """

    def __init__(self, before: list, drawing, after: list):
        super().__init__()
        self.before, self.drawing, self.after = before, drawing, after
        self.scale = 1.0
        self._pp_bookmark = next((getattr(f, "_pp_bookmark", None) for f in before if getattr(f, "_pp_bookmark", None)), None)

    def _heights(self, aW: float) -> tuple[float, float]:
        other = sum(f.wrap(aW, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self.before + self.after)
        return other, self.drawing.height

    def wrap(self, aW, aH):
        other, pic = self._heights(aW)
        scale = min(1.0, (aH - other - 6) / pic)
        if scale < MIN_SCALE and aH < 0.9 * FRAME_H:
            return aW, aH + 1  # too small here: the frame moves it to the next page
        self.scale = max(scale, 0.1)  # on a fresh page: as large as fits
        self.width, self.height = aW, other + pic * self.scale + 6
        return self.width, self.height

    def split(self, aW, aH):
        return []  # never split: the frame moves it to the next page whole

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        for f in self.before:
            w, h = f.wrap(self.width, FRAME_H)
            top -= f.getSpaceBefore() + h
            f.drawOn(canvas, x, top)
            top -= f.getSpaceAfter()
        top -= 6
        pw, ph = self.drawing.width * self.scale, self.drawing.height * self.scale
        top -= ph
        canvas.saveState()
        canvas.translate(x + (self.width - pw) / 2, top)
        canvas.scale(self.scale, self.scale)
        self.drawing.drawOn(canvas, 0, 0)
        canvas.restoreState()
        for f in self.after:
            w, h = f.wrap(self.width, FRAME_H)
            top -= f.getSpaceBefore() + h
            f.drawOn(canvas, x, top)
            top -= f.getSpaceAfter()


#: A picture may be drawn this much smaller to fit the room left on a page.
MIN_SCALE = 0.72


def _picture(block: dm.Picture, st: Styles, before: list | None = None) -> list:
    if block.kind == "ecomap":
        d = drawings.ecomap_drawing(block.data, FRAME_W, st.theme)
    else:
        d = drawings.timeline_drawing(block.data, FRAME_W, st.theme)
    cap = [para(block.caption, st.caption)] if block.caption else []
    return [PictureBlock(list(before or []), d, cap)]


def _banner(model: dm.Document, st: Styles) -> list:
    th = st.theme
    w = FRAME_W - 40
    if model.edition == "young-person":
        lines = [para(model.title, st.title, w), para(model.person_name, st.subtitle, w)]
    else:
        lines = [para(model.title, st.title, w), para(model.person_name, st.subtitle, w)]
    lines.append(Spacer(1, 6))
    lines.append(para(f"{model.marking}  ·  Produced {fmt(model.produced_on)}  ·  Plan version {model.version}", st.banner_small, w))
    t = Table([[lines]], colWidths=[FRAME_W], hAlign="LEFT", cornerRadii=[10, 10, 10, 10])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # never the default, Helvetica
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(th.accent)),
                ("LEFTPADDING", (0, 0), (-1, -1), 20),
                ("RIGHTPADDING", (0, 0), (-1, -1), 20),
                ("TOPPADDING", (0, 0), (-1, -1), 18),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 16),
            ]
        )
    )
    t._pp_bookmark = ("cover", model.full_title, 0)
    return [t, Spacer(1, 12)]


def _section_heading(section: dm.Section, st: Styles) -> list:
    """A section's heading and bookmark; a part of the part before it (level 1) is one size down."""
    style, room = (st.h1, 110) if section.level == 0 else (st.h2, 90)
    h = para(section.title, style)
    h._pp_bookmark = (section.bookmark, section.title, section.level)
    return [CondPageBreak(room), h]


def _blocks(blocks, st: Styles) -> list:
    out: list = []
    for b in blocks:
        if isinstance(b, dm.Para):
            style = {"lead": st.lead, "small": st.small, "muted": st.muted, "empty": st.empty}.get(b.style, st.body)
            out.extend(paras(b.text, style))
        elif isinstance(b, dm.Heading):
            # room for the heading and a few lines of what follows, or a new page: a heading is
            # never left alone at the foot of a page (reportlab's keepWithNext would instead keep
            # it with the whole of a long table, moving both to the next page)
            out.append(CondPageBreak(HEADING_ROOM))
            out.append(para(b.text, {3: st.h3, 4: st.h4}.get(b.level, st.h2)))
        elif isinstance(b, dm.Quote):
            out.extend(_quote(b, st))
        elif isinstance(b, dm.KeyValues):
            out.extend(_keyvalues(b, st))
        elif isinstance(b, dm.Table):
            out.extend(_table(b, st))
        elif isinstance(b, dm.Picture):
            out.extend(_picture(b, st))
        elif isinstance(b, dm.Signatures):
            out.extend(_signatures(b, st))
        elif isinstance(b, dm.Callout):
            out.extend(_callout(b, st))
        else:  # pragma: no cover - a new block type without a renderer
            raise TypeError(f"no renderer for {type(b).__name__}")
    return out


def render_bytes(model: dm.Document) -> bytes:
    """The PDF for ``model``, as bytes."""
    st = Styles(theme_for(model.edition), model.edition)
    story = _banner(model, st) + _blocks(model.cover, st)
    for section in model.sections:
        if section.new_page:
            from reportlab.platypus import PageBreak

            story.append(PageBreak())
        head = _section_heading(section, st)
        body = _blocks(section.blocks, st)
        if section.blocks and isinstance(section.blocks[0], dm.Picture):
            # keep the heading on the page with its picture (a picture never splits)
            body.pop(0)
            story += [head[0], *_picture(section.blocks[0], st, before=[head[1]])]
        elif any(isinstance(b, dm.Signatures) for b in section.blocks):
            # the signing section is short: its heading and words stay with the signature lines
            # (a KeepTogether inside another always measures as too tall: unwrap the inner ones)
            flat = [x for b in body for x in (b._content if isinstance(b, KeepTogether) else [b])]
            story += [head[0], KeepTogether([head[1]] + flat)]
            continue
        else:
            story += head
        story += body
    buf = io.BytesIO()
    doc = _Doc(buf, model, st)
    total_style = (text.font_name("sans"), FURNITURE_SIZE, st.theme.muted)

    def maker(*a, **kw):
        # an embedded font from the start: the default (Helvetica) would be listed unembedded
        kw["initialFontName"] = text.font_name("sans")
        c = _Canvas(*a, **kw)
        c._pp_pages = 0
        c.total_style = total_style
        c.showOutline()
        c.setViewerPreference("DisplayDocTitle", "true")  # the title, not the file name, in the viewer
        return c

    doc.build(story, canvasmaker=maker)
    return buf.getvalue()

