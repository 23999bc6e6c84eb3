"""The article viewer: the article text as HTML with every quote highlighted in its role's colour.

The text is walked once; quotes, cues, speaker mentions and non-body regions are offset spans
opened and closed as properly nested tags. Everything from the article is escaped; the page has
no JavaScript and a Content-Security-Policy that would stop any if escaping ever failed.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .io import write_text
from .model import Article, Quote
from .theme import order_roles, role_color

CSP = "default-src 'none'; style-src 'unsafe-inline'"
_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_PARAGRAPH_BREAK = re.compile(r"\r?\n(?:[^\S\r\n]*\r?\n)+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LAYERS = {"region": 0, "quote": 1, "mention": 2, "cue": 3}

CSS = """
.perspectives-view { font: 16px/1.6 Georgia, 'DejaVu Serif', serif; color: #222;
  max-width: 46em; }
.perspectives-view p { margin: 0 0 0.9em; }
.perspectives-view mark.quote { color: inherit; padding: 0.05em 0; border-radius: 2px; }
.perspectives-view span.cue { text-decoration: underline; text-decoration-thickness: 2px;
  text-underline-offset: 3px; }
.perspectives-view span.mention { font-weight: bold; border-bottom: 2px dotted currentColor; }
.perspectives-view span.region { color: #999; font-style: italic; }
.perspectives-view .legend { font: 13px/1.4 sans-serif; margin: 0 0 1.2em; }
.perspectives-view .legend span { display: inline-block; margin: 0 1em 0.3em 0; }
.perspectives-view .swatch { display: inline-block; width: 0.9em; height: 0.9em;
  vertical-align: -0.1em; margin-right: 0.3em; border-radius: 2px; }
.perspectives-view table { border-collapse: collapse; font: 13px/1.4 sans-serif;
  margin-top: 2em; }
.perspectives-view th, .perspectives-view td { border-top: 1px solid #ddd; padding: 0.3em 0.5em;
  text-align: left; vertical-align: top; }
"""


@dataclass(frozen=True)
class Highlighted:
    """An article rendered as an HTML fragment; displays itself inline in JupyterLab."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


@dataclass(frozen=True)
class _Mark:
    """One tag to open over [start, end); ``first_attrs`` go on its first fragment only."""

    start: int
    end: int
    layer: str
    tag: str
    attrs: str
    first_attrs: str = ""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _css_class(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", value)


def _role_color(role: str, palette: Mapping[str, str] | None) -> str:
    """The role's colour (perspectives.theme, or ``palette``), checked to be a hex colour."""
    color = role_color(role, palette)
    if not _HEX_COLOR.fullmatch(color):
        raise ConfigError("palette", f"colour {color!r} for role {role!r} is not a #rrggbb hex")
    return color


def _role_of(quote: Quote) -> str:
    return quote.role or "unknown"


def _tooltip(quote: Quote) -> str:
    """The hover text of a quote: speaker, description, role, kind and cue."""
    speaker = quote.speaker or quote.speaker_mention or "unknown speaker"
    who = f"{speaker}, {quote.speaker_description}" if quote.speaker_description else speaker
    cue = f" · cue: {quote.cue}" if quote.cue else ""
    return f"{who} — {_role_of(quote)}, {quote.kind}{cue}"


def _quote_marks(
    index: int, quote: Quote, palette: Mapping[str, str] | None, size: int
) -> list[_Mark]:
    """The content, cue and mention spans of one quote (the content in its parts, if any)."""
    role = _role_of(quote)
    color = _role_color(role, palette)
    title = f' title="{_esc(_tooltip(quote))}"'
    role_class = f"role-{_css_class(role)}"
    spans = quote.parts or ((quote.start, quote.end),)
    content = (
        f' class="quote {role_class} kind-{_css_class(quote.kind)}" data-quote="{index}"{title}'
        f' style="background-color:{color}33;border-bottom:2px solid {color}"'
    )
    underline = f' style="text-decoration-color:{color};border-color:{color}"'
    marks = [
        _Mark(s, e, "quote", "mark", content, f' id="q{index}"' if i == 0 else "")
        for i, (s, e) in enumerate(spans)
    ]
    for layer, start, end in (
        ("cue", quote.cue_start, quote.cue_end),
        ("mention", quote.mention_start, quote.mention_end),
    ):
        if start is not None and end is not None:
            attrs = f' class="{layer} {role_class}"{title}{underline}'
            marks.append(_Mark(start, end, layer, "span", attrs))
    return [_clip(m, size) for m in marks]


def _whole_break(text: str, offset: int) -> int:
    """``offset``, moved past the ``\n`` when it falls inside a ``\r\n`` (one line break)."""
    return offset + 1 if text[offset - 1 : offset + 1] == "\r\n" else offset


def _clip(mark: _Mark, size: int) -> _Mark:
    start, end = max(0, min(mark.start, size)), max(0, min(mark.end, size))
    return _Mark(start, end, mark.layer, mark.tag, mark.attrs, mark.first_attrs)


def _all_marks(
    article: Article, quotes: Sequence[Quote], palette: Mapping[str, str] | None
) -> list[_Mark]:
    """Every span to mark, non-empty and deduplicated, in nesting order (outer ones first)."""
    size = len(article.text)
    marks = [
        _clip(_Mark(r.start, r.end, "region", "span", _region_attrs(r.kind)), size)
        for r in article.regions
    ]
    for index, quote in enumerate(quotes, start=1):
        marks.extend(_quote_marks(index, quote, palette, size))
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for mark in marks:
        key = (mark.start, mark.end, mark.layer)
        if mark.start < mark.end and (mark.layer == "quote" or key not in seen):
            seen.add(key)
            unique.append(mark)
    return sorted(unique, key=lambda m: (m.start, -m.end, _LAYERS[m.layer]))


def _region_attrs(kind: str) -> str:
    return f' class="region region-{_css_class(kind)}" title="{_esc(kind)} (not article body)"'


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, outer whitespace trimmed."""
    spans, position = [], 0
    for gap in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped)
            spans.append((start, start + len(stripped)))
        position = gap.end() if gap else len(text)
    return spans


def _escape_text(text: str) -> str:
    """Escaped text, single line breaks inside a paragraph kept as <br>."""
    return _LINE_BREAK.sub("<br>\n", _esc(text))


def _render_paragraph(
    text: str, start: int, end: int, marks: Sequence[_Mark], opened: set[int]
) -> str:
    """One <p>: at each span boundary, close tags down to what stays open, then open the new.

    ``opened`` records the marks already opened once, so ids go on first fragments only.
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {
            start,
            end,
            *(_whole_break(text, p) for m in inside for p in (m.start, m.end) if start < p < end),
        }
    )
    out, stack = ["<p>"], []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in inside if m.start <= a < m.end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(f"</{m.tag}>" for m in reversed(stack[keep:]))
        for mark in active[keep:]:
            first = "" if id(mark) in opened else mark.first_attrs
            opened.add(id(mark))
            out.append(f"<{mark.tag}{first}{mark.attrs}>")
        stack = active
        out.append(_escape_text(text[a:b]))
    out.extend(f"</{m.tag}>" for m in reversed(stack))
    out.append("</p>")
    return "".join(out)


def _legend(article: Article, quotes: Sequence[Quote], palette: Mapping[str, str] | None) -> str:
    """A line of colour swatches, one per role quoted, with the number of quotes."""
    roles = [_role_of(q) for q in quotes]
    items = [
        f'<span><span class="swatch" style="background:{_role_color(role, palette)}"></span>'
        f"{_esc(role)} ({roles.count(role)})</span>"
        for role in order_roles(roles)
    ]
    if article.regions:
        items.append('<span class="region">grey italic: not article body</span>')
    return f'<div class="legend">{"".join(items)}</div>'


def highlight(
    article: Article, quotes: Sequence[Quote], palette: Mapping[str, str] | None = None
) -> Highlighted:
    """The article as an HTML fragment (style, legend, text) with quotes, cues and mentions marked.

    ``palette`` overrides role colours (role -> "#rrggbb"); others come from perspectives.theme.
    """
    marks = _all_marks(article, quotes, palette)
    opened: set[int] = set()
    body = "\n".join(
        _render_paragraph(article.text, s, e, marks, opened) for s, e in paragraphs(article.text)
    )
    fragment = (
        f'<div class="perspectives-view"><style>{CSS}</style>{_legend(article, quotes, palette)}'
        f'<div class="article">\n{body}\n</div></div>'
    )
    return Highlighted(fragment)


def _quote_table(quotes: Sequence[Quote]) -> str:
    """A table of the quotes, each row linking to its highlight in the text."""
    rows = [
        "<tr><th>#</th><th>speaker</th><th>role</th><th>kind</th><th>cue</th><th>quote</th></tr>"
    ]
    for index, quote in enumerate(quotes, start=1):
        speaker = quote.speaker or quote.speaker_mention or ""
        if quote.speaker_description:
            speaker = f"{speaker} ({quote.speaker_description})"
        cells = [speaker, _role_of(quote), quote.kind, quote.cue or "", quote.text]
        tds = "".join(f"<td>{_esc(cell)}</td>" for cell in cells)
        rows.append(f'<tr><td><a href="#q{index}">{index}</a></td>{tds}</tr>')
    body = "\n".join(rows)
    return f'<div class="perspectives-view"><table class="quotes">\n{body}\n</table></div>'


def page(
    article: Article,
    quotes: Sequence[Quote],
    title: str | None = None,
    palette: Mapping[str, str] | None = None,
) -> str:
    """A standalone HTML5 page: the highlighted article, then a table of its quotes.

    Inline CSS only and no JavaScript; the CSP meta tag forbids scripts and any fetch.
    """
    title = title or str(article.metadata.get("title") or article.doc_id)
    fragment = highlight(article, quotes, palette).html
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n"
        "<style>body { margin: 2em auto; padding: 0 1em; max-width: 50em; }</style>\n"
        f"</head>\n<body>\n<h1>{_esc(title)}</h1>\n{fragment}\n{_quote_table(quotes)}\n"
        "</body>\n</html>\n"
    )


def write_page(
    article: Article,
    quotes: Sequence[Quote],
    path: str | os.PathLike[str],
    title: str | None = None,
    palette: Mapping[str, str] | None = None,
) -> Path:
    """Write ``page(...)`` to ``path`` atomically (temp file in the same folder, then rename)."""
    return write_text(path, page(article, quotes, title, palette))
