"""Pair quotation marks into quoted spans, paragraph by paragraph, with exact offsets.

Curly marks say which way they face; a straight ``"`` is read from its neighbours. A quote
left open at the end of a paragraph continues when the next paragraph opens with a mark (the
news convention for multi-paragraph quotes); otherwise it is closed at the paragraph's end and
flagged ``closed=False`` so later stages can be cautious with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPENERS + CLOSERS + STRAIGHT
_OPEN_CONTEXT = " \t\n\r([{—–-―:;/"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between a pair of marks; ``parts`` hold one content span per paragraph."""

    open_at: int
    close_at: int  # offset of the closing mark, or the paragraph end when unclosed
    parts: tuple[Span, ...]
    closed: bool

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def _direction(text: str, i: int, inside: bool) -> str:
    """'open' or 'close' for the mark at ``i``."""
    ch = text[i]
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _OPEN_CONTEXT or before in OPENERS:
        return "close" if inside and after in " \t\r\n,.;:!?)" else "open"
    if after.isspace() or after in ",.;:!?)]}—–-":
        return "close"
    return "close" if inside else "open"


def _marks_in(text: str, span: Span) -> list[int]:
    return [i for i in range(span.start, span.end) if text[i] in ALL_MARKS]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def find_quoted(text: str, paragraphs: Sequence[Span]) -> list[QuotedSpan]:
    """All quoted spans of ``text``, in order, nested marks ignored (the outer pair wins)."""
    found: list[QuotedSpan] = []
    pending: tuple[int, list[Span]] | None = None  # open mark offset, finished parts
    for p_index, para in enumerate(paragraphs):
        open_at: int | None = None
        content_from = para.start
        marks = _marks_in(text, para)
        if pending is not None:
            first = marks[0] if marks else None
            starts_with_mark = first is not None and not text[para.start : first].strip()
            if starts_with_mark and _direction(text, first, False) == "open":
                open_at, content_from = first, first + 1
                marks = marks[1:]
            else:
                found.append(_unclosed(text, pending, paragraphs[p_index - 1]))
                pending = None
        for i in marks:
            direction = _direction(text, i, open_at is not None)
            if open_at is None:
                if direction == "open":
                    open_at, content_from = i, i + 1
                continue
            if direction == "close" or text[i] == STRAIGHT:
                parts = [*(pending[1] if pending else []), _trim(text, content_from, i)]
                start_mark = pending[0] if pending else open_at
                found.append(QuotedSpan(start_mark, i, tuple(parts), True))
                open_at, pending = None, None
        if open_at is not None:
            prior = pending[1] if pending else []
            pending = (pending[0] if pending else open_at, [*prior, _trim(text, content_from, para.end)])
    if pending is not None:
        found.append(_unclosed(text, pending, paragraphs[-1]))
    return [q for q in found if all(len(p) for p in q.parts)]


def _unclosed(text: str, pending: tuple[int, list[Span]], para: Span) -> QuotedSpan:
    return QuotedSpan(pending[0], para.end, tuple(pending[1]), False)


def name_quotes(text: str, quoted: Sequence[QuotedSpan], naming: Sequence[tuple[str, ...]]) -> set[int]:
    """Indices of quoted spans that are names or labels, not speech.

    A span is a name when a naming word precedes it (`dubbed "Herof"`), or when it follows
    a name after `or`/`and`/a comma (`dubbed "Herof" or "black storm"`).
    """
    names: set[int] = set()
    for n, q in enumerate(quoted):
        before = text[max(0, q.open_at - 40) : q.open_at].lower().split()
        if any(tuple(before[-len(words) :]) == words for words in naming):
            names.add(n)
        elif n - 1 in names and text[quoted[n - 1].close_at + 1 : q.open_at].strip(" ,") in {
            "or",
            "and",
            "",
        }:
            names.add(n)
    return names
