"""The accessible copy: one self-contained HTML file from the same document model as the PDF.

Real headings (in order, none skipped), lists and tables with header cells, the relationship
map and the timeline as inline SVG with a title, a description and the same information as a
list beside them, ``lang`` set, the young person's text marked ``dir="auto"`` so any script
reads in its own direction — and no scripts, no fonts, styles or images fetched from anywhere:
it works offline, with a screen reader and on a phone. The browser draws every script with
the fonts of the device it is read on.

    from pathway_app.export.html import render_html
    text = render_html(build_document(plan, today, "young-person"))
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from ..domain import geometry
from ..domain.dates import fmt, ordinal
from ..domain.labels import label
from ..domain.vocab import RELATIONSHIP_GROUP, PeopleGroup, RelationshipStatus, ThereAt25
from . import model as dm

# Colours from the PDF's theme; the map's group colours darkened where text sits on them so
# every pair meets WCAG AA (4.5:1).
GROUP_FILL = {
    "family": "#b5561d",
    "friends": "#2d7350",
    "carers": "#6e43a3",
    "professionals": "#23638e",
}
GROUP_TINT = {"family": "#fde9dc", "friends": "#e1f3e8", "carers": "#eee6f8", "professionals": "#e0eef8"}

CSS = """
:root { --ink: #1d2428; --muted: #4d5a61; --accent: #1f6f69; --paper: #ffffff; --soft: #f5f1ec;
        --line: #cfc6bb; --mark: #fff0c2; --link: #0b5a8c; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #eceff1; --muted: #b9c4ca; --accent: #7fd1c7; --paper: #15191c; --soft: #20262a;
          --line: #46525a; --mark: #4a3b00; --link: #8cc8f2; }
}
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0; background: var(--paper); color: var(--ink);
       font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; line-height: 1.55; }
header, nav, main { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
.marking { font-size: 0.8rem; color: var(--muted); margin: 0 0 .5rem; }
h1 { color: var(--accent); font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
.subtitle { font-size: 1.3rem; margin: 0 0 1rem; }
h2 { font-size: 1.45rem; color: var(--accent); margin: 2.2rem 0 .6rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
a { color: var(--link); }
a:focus, summary:focus { outline: 3px solid var(--link); outline-offset: 2px; }
nav ol { padding-left: 1.4rem; }
p { margin: .4rem 0 .8rem; }
.lead { font-size: 1.1rem; }
.small, .muted, figcaption { font-size: .9rem; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.quote { margin: 1rem 0; padding: .8rem 1rem; background: var(--soft); border-left: 5px solid var(--accent);
         border-radius: 6px; }
.quote blockquote { margin: 0; font-size: 1.1rem; }
dl { display: grid; grid-template-columns: minmax(8rem, 35%) 1fr; gap: .3rem 1rem; margin: .6rem 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-line; }
@media (max-width: 32rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }
.table-wrap { overflow-x: auto; margin: .6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
td { white-space: pre-line; }
thead th { background: var(--soft); }
.marked { background: var(--mark); padding: 0 .2rem; }
.mark { font-weight: 700; }
.callout { margin: 1rem 0; padding: .8rem 1rem; border: 1px solid var(--line); border-radius: 6px;
           background: var(--soft); }
.callout .title { font-weight: 700; margin: 0 0 .3rem; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; display: block; }
svg text { fill: var(--ink); font-family: inherit; }
.signatures td { height: 3rem; }
@media print { nav { display: none; } h2 { break-after: avoid; } }
"""


# --------------------------------------------------------------------------- text


def _text(s: str) -> str:
    """Plain text as HTML: escaped, single line breaks kept."""
    return "<br>".join(escape(line) for line in s.split("\n"))


def _paras(s: str, cls: str = "") -> str:
    parts = [p.strip("\n") for p in s.replace("\r\n", "\n").split("\n\n")]
    attr = f' class="{cls}"' if cls else ""
    return "".join(f'<p{attr} dir="auto">{_text(p)}</p>' for p in parts if p.strip())


def _cell(value: dm.Cell) -> str:
    if isinstance(value, dm.Marked):
        return f'<span class="marked"><span class="mark">{escape(value.mark)}:</span> <span dir="auto">{_text(value.text)}</span></span>'
    if isinstance(value, list):
        return "".join(f"<div>{_cell(v)}</div>" for v in value)
    return f'<span dir="auto">{_text(str(value))}</span>'


# --------------------------------------------------------------------------- headings


class _Headings:
    """Hands out heading levels that never skip one (h2 → h4 becomes h2 → h3)."""

    def __init__(self) -> None:
        self.last = 1

    def tag(self, wanted: int) -> str:
        level = max(2, min(wanted, self.last + 1, 6))
        self.last = level
        return f"h{level}"


# --------------------------------------------------------------------------- blocks


def _block(b: Any, h: _Headings, section_level: int, ids: dict[str, int]) -> str:
    if isinstance(b, dm.Para):
        return _paras(b.text, "" if b.style == "body" else b.style)
    if isinstance(b, dm.Heading):
        tag = h.tag(2 + section_level + b.level - 1)
        return f"<{tag} dir=\"auto\">{escape(b.text)}</{tag}>"
    if isinstance(b, dm.Quote):
        cap = b.label or (f"In {b.who}’s words" if b.who else "In their own words")
        return (f'<figure class="quote"><figcaption>{escape(cap)}</figcaption>'
                f"<blockquote>{_paras(b.text)}</blockquote></figure>")
    if isinstance(b, dm.KeyValues):
        rows = "".join(f"<div><dt>{escape(k)}</dt><dd>{_cell(v)}</dd></div>" for k, v in b.rows)
        return f"<dl>{rows}</dl>"
    if isinstance(b, dm.Table):
        return _table(b)
    if isinstance(b, dm.Picture):
        return _picture(b, ids)
    if isinstance(b, dm.Signatures):
        rows = "".join(
            f'<tr><th scope="row">{escape(role)}</th><td dir="auto">{escape(name)}</td><td></td><td></td></tr>'
            for role, name in b.signers)
        note = _paras(b.note, "muted") if b.note else ""
        return ('<div class="table-wrap"><table class="signatures"><thead><tr><th scope="col">Who</th>'
                '<th scope="col">Name</th><th scope="col">Signature</th><th scope="col">Date</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></div>{note}")
    if isinstance(b, dm.Callout):
        title = f'<p class="title">{escape(b.title)}</p>' if b.title else ""
        cls = "empty" if b.tone == "missing" else ""
        return f'<div class="callout" role="note">{title}{_paras(b.text, cls)}</div>'
    raise TypeError(f"no HTML for {type(b).__name__}")  # pragma: no cover - a new block type


def _table(b: dm.Table) -> str:
    if not b.rows:
        return _paras(b.empty, "empty") if b.empty else ""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in b.header)
    body = []
    for row in b.rows:
        cells = [f'<th scope="row">{_cell(row[0])}</th>'] + [f"<td>{_cell(c)}</td>" for c in row[1:]]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


# --------------------------------------------------------------------------- pictures


def _picture(b: dm.Picture, ids: dict[str, int]) -> str:
    ids[b.kind] = ids.get(b.kind, 0) + 1
    key = f"{b.kind}-{ids[b.kind]}"
    if b.kind == "ecomap":
        svg, title, desc, listing = _ecomap(b.data, key)  # type: ignore[arg-type]
    else:
        svg, title, desc, listing = _timeline(b.data, key)  # type: ignore[arg-type]
    cap = f"<figcaption>{escape(b.caption)}</figcaption>" if b.caption else ""
    return (f'<figure aria-labelledby="{key}-title">{svg}{cap}</figure>'
            f'<p id="{key}-title" class="small">{escape(title)}. {escape(desc)}</p>{listing}')


LABEL_PX = 14.0  # names on the map, in the SVG's units


def _ecomap(spec: dm.MapSpec, key: str) -> tuple[str, str, str, str]:
    size, r = 640, 210.0
    c = size / 2
    centre = spec.centre
    metrics = geometry.LabelMetrics(measure=lambda s: len(s) * LABEL_PX * 0.56 / r, line_height=LABEL_PX * 1.2 / r,
                                    bounds=(c / r, c / r), max_width=140 / r)
    m = geometry.ecomap_layout(spec.people, labels=metrics)

    def at(x: float, y: float) -> tuple[float, float]:
        return c + x * r, c - y * r

    title = f"Map of the people who matter to {centre}" if centre else "Map of the people who matter"
    stars = sum(1 for n in m.nodes if n.there_at_25)
    desc = (f"{len(m.nodes)} {'person' if len(m.nodes) == 1 else 'people'} around {centre or 'the young person'}: "
            "the closer to the middle, the closer they are; a star for everyone who will be there at 25"
            f" ({stars}). Everyone is listed below.")
    if m.not_shown:
        desc += f" {m.not_shown} more did not fit on the map."
    out = [f'<svg viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
           f'aria-labelledby="{key}-svg-title {key}-svg-desc">',
           f'<title id="{key}-svg-title">{escape(title)}</title><desc id="{key}-svg-desc">{escape(desc)}</desc>']
    for sec in m.sectors:
        a0, a1 = math.radians(sec.start), math.radians(sec.end)
        x0, y0 = at(math.cos(a0), math.sin(a0))
        x1, y1 = at(math.cos(a1), math.sin(a1))
        large = 1 if sec.end - sec.start > 180 else 0
        out.append(f'<path d="M{c:.1f},{c:.1f} L{x0:.1f},{y0:.1f} A{r:.1f},{r:.1f} 0 {large} 0 {x1:.1f},{y1:.1f} Z" '
                   f'fill="{GROUP_TINT[sec.group.value]}" stroke="#ffffff" stroke-width="2"/>')
    for rad in m.rings:
        out.append(f'<circle cx="{c}" cy="{c}" r="{rad * r:.1f}" fill="none" stroke="#b8ada1" stroke-dasharray="3 3"/>')
    for n in m.nodes:
        x, y = at(n.x, n.y)
        dash = f' stroke-dasharray="{" ".join(str(v) for v in n.line_dash)}"' if n.line_dash else ""
        col = "#8a8a8a" if n.ended else GROUP_FILL[n.group.value]
        out.append(f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="{col}" stroke-width="{n.line_width:.1f}"{dash}/>')
    node_r = geometry.NODE_RADIUS * r
    for n in m.nodes:
        x, y = at(n.x, n.y)
        col = "#8a8a8a" if n.ended else GROUP_FILL[n.group.value]
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{node_r:.1f}" fill="{col}" stroke="#ffffff" stroke-width="1.5"/>')
        if n.there_at_25 or n.maybe_at_25:
            out.append(f'<text x="{x + node_r:.1f}" y="{y - node_r + 4:.1f}" font-size="16" fill="#9c7400">'
                       f'{"★" if n.there_at_25 else "☆"}</text>')
        lx, ly = at(n.label_x, n.label_y)
        for i, line in enumerate(n.label_lines):
            out.append(f'<text x="{lx:.1f}" y="{ly + i * LABEL_PX * 1.2:.1f}" font-size="{LABEL_PX:g}" '
                       f'text-anchor="{n.label_anchor}">{escape(line)}</text>')
    out.append(f'<circle cx="{c}" cy="{c}" r="{geometry.CENTRE_RADIUS * r:.1f}" fill="#1f6f69"/>')
    out.append(f'<text x="{c}" y="{c + 6}" font-size="16" font-weight="700" text-anchor="middle" '
               f'style="fill:#ffffff">{escape(centre)}</text>')
    out.append("</svg>")
    items = []
    for p in spec.people:  # everyone, on the map or not
        bits = [label(RELATIONSHIP_GROUP.get(p.relationship_type, PeopleGroup.FRIENDS)), label(p.closeness),
                label(p.contact_frequency)]
        if p.there_at_25 is ThereAt25.YES:
            bits.append("there at 25")
        elif p.there_at_25 is ThereAt25.MAYBE:
            bits.append("maybe there at 25")
        if p.status is RelationshipStatus.ENDED:
            bits.append("ended")
        items.append(f'<li><span dir="auto">{escape(p.name)}</span>: {escape(", ".join(b for b in bits if b).lower())}</li>')
    listing = f'<ul aria-label="{escape(title)}">{"".join(items)}</ul>' if items else ""
    return "".join(out), title, desc, listing


def _timeline(spec: dm.TimelineSpec, key: str) -> tuple[str, str, str, str]:
    width, inset, level_h = 720.0, 20.0, 20.0
    axis_w = width - 2 * inset

    def words(e: geometry.TimelineEvent) -> str:
        return f"{e.label} · {e.when.day} {e.when:%b %Y}"

    events = [geometry.TimelineEvent(e.when, words(e), e.kind) for e in spec.events]
    tl = geometry.timeline_layout(spec.birthdays, events, spec.today, width=axis_w, measure=lambda s: 6.6 * len(s))
    above, below = max(tl.levels_above, 1), max(tl.levels_below, 1)
    axis_y = 30 + above * level_h
    height = axis_y + below * level_h + 40

    def x_of(x: float) -> float:
        return inset + x * axis_w

    title = "The road from 16 to 25"
    desc = (f"Key birthdays from 16 to 25 with {len(spec.events)} dates marked"
            + (f"; today is {fmt(spec.today)}" if tl.today_x is not None else "") + ". Every date is listed below.")
    out = [f'<svg viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img" '
           f'aria-labelledby="{key}-svg-title {key}-svg-desc">',
           f'<title id="{key}-svg-title">{escape(title)}</title><desc id="{key}-svg-desc">{escape(desc)}</desc>',
           f'<line x1="{x_of(0):.1f}" y1="{axis_y}" x2="{x_of(1):.1f}" y2="{axis_y}" stroke="#1f6f69" stroke-width="3"/>']
    for t in tl.ticks:
        out.append(f'<line x1="{x_of(t.x):.1f}" y1="{axis_y - 6}" x2="{x_of(t.x):.1f}" y2="{axis_y + 6}" stroke="#1d2428"/>')
        out.append(f'<text x="{x_of(t.x):.1f}" y="{height - 8:.0f}" font-size="13" text-anchor="middle">{t.age}</text>')
    if tl.today_x is not None:
        out.append(f'<line x1="{x_of(tl.today_x):.1f}" y1="8" x2="{x_of(tl.today_x):.1f}" y2="{height - 24:.0f}" '
                   'stroke="#b3261e" stroke-width="2"/>')
    for pe in tl.events:
        x = x_of(pe.x)
        out.append(f'<circle cx="{x:.1f}" cy="{axis_y}" r="4" fill="#1f6f69"/>')
        if not pe.labelled:
            continue
        y = axis_y - level_h * (pe.level + 1) + 4 if pe.above else axis_y + level_h * (pe.level + 1) + 4
        w = 6.6 * len(pe.event.label)
        left = min(max(x - w / 2, 0.0), width - w)
        out.append(f'<text x="{left:.1f}" y="{y:.1f}" font-size="12">{escape(pe.event.label)}</text>')
    out.append("</svg>")
    items = [f"<li>{escape(fmt(age_day))}: {escape(ordinal(age))} birthday</li>"
             for age, age_day in sorted(spec.birthdays.items())]
    items += [f'<li>{escape(fmt(e.when))}: <span dir="auto">{escape(e.label)}</span></li>'
              for e in sorted(spec.events, key=lambda e: e.when)]
    listing = f'<ul aria-label="{escape(title)}">{"".join(items)}</ul>'
    return "".join(out), title, desc, listing


# --------------------------------------------------------------------------- the page


def render_html(doc: dm.Document) -> str:
    """The whole document as one HTML page (a string)."""
    h = _Headings()
    ids: dict[str, int] = {}
    nav = "".join(f'<li><a href="#{escape(s.bookmark)}">{escape(s.title)}</a></li>'
                  for s in doc.sections if s.level == 0)
    body: list[str] = [_block(b, h, 0, ids) for b in doc.cover]
    for s in doc.sections:
        tag = h.tag(2 + s.level)
        body.append(f'<section aria-labelledby="{escape(s.bookmark)}">'
                    f'<{tag} id="{escape(s.bookmark)}" dir="auto">{escape(s.title)}</{tag}>')
        body.extend(_block(b, h, s.level, ids) for b in s.blocks)
        body.append("</section>")
    meta = f"{doc.marking} · Produced {fmt(doc.produced_on)} · Plan version {doc.version}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.full_title)}</title>\n"
        f'<meta name="author" content="{escape(doc.author)}">\n'
        f'<meta name="description" content="{escape(doc.subject)}">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><p class="marking">{escape(meta)}</p><h1 dir="auto">{escape(doc.title)}</h1>'
        f'<p class="subtitle" dir="auto">{escape(doc.person_name)}</p></header>\n'
        f'<nav aria-label="Contents"><h2>Contents</h2><ol>{nav}</ol></nav>\n'
        f"<main>\n{''.join(body)}\n</main>\n</body>\n</html>\n"
    )
