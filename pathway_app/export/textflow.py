"""A paragraph of user text laid out by :mod:`.text` (any script, shaped, in bidi order).

It stands in for a reportlab ``Paragraph`` wherever user text needs more than Latin, Greek,
Cyrillic or Ethiopic: it takes the same ``ParagraphStyle`` (font size, leading, colour,
alignment, space before and after, keep with next), measures like a Paragraph (``leading`` per
line, the first baseline ``fontSize`` below the top), splits between lines across pages and
table rows, and draws each line with :func:`.text.draw_line`.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus.flowables import Flowable

from . import text


class TextFlow(Flowable):
    def __init__(self, s: str, style, *, bold: bool = False, italic: bool = False, lines=None, rtl=None):
        super().__init__()
        self.text = s
        self.style = style
        self.bold = bold
        self.italic = italic
        self._lines = lines  # already laid out (the rest of a split)
        self._rtl = rtl
        self._for_width: float | None = None
        self.width = self.height = 0.0

    def _layout(self, width: float):
        if self._lines is None or (self._for_width is not None and abs(self._for_width - width) > 1e-6):
            lay = text.layout(self.text, width, self.style.fontSize, bold=self.bold, italic=self.italic)
            self._lines, self._rtl, self._for_width = lay.lines, lay.rtl, width
        return self._lines

    def wrap(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def minWidth(self):
        words = self.text.split()
        return max((text.text_width(w, self.style.fontSize, bold=self.bold) for w in words), default=0.0)

    def split(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        n = int((availHeight + 1e-6) // self.style.leading)
        if n <= 0:
            return []
        if n >= len(lines):
            return [self]
        first = TextFlow(self.text, self.style, bold=self.bold, italic=self.italic, lines=lines[:n], rtl=self._rtl)
        rest = TextFlow(self.text, self.style, bold=self.bold, italic=self.italic, lines=lines[n:], rtl=self._rtl)
        first._for_width = rest._for_width = None  # keep these lines whatever width is offered
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self):
        st = self.style
        lines = self._lines or []
        align = st.alignment
        if self._rtl and len(lines) > 1 and align not in (TA_CENTER,):
            align = TA_RIGHT  # a right-to-left paragraph of several lines is set from the right
        y = self.height - st.fontSize
        for line in lines:
            if align == TA_RIGHT:
                x = self.width - line.width
            elif align == TA_CENTER:
                x = (self.width - line.width) / 2
            else:
                x = 0.0
            text.draw_line(self.canv, x, y, line, st.fontSize, st.textColor)
            y -= st.leading
