"""Pair quotation marks into quoted spans, paragraph by paragraph, with exact offsets.

Marks are ``"`` and curly or angle marks, plus the doubled apostrophe ``''`` of wire and
archive text. Curly marks say which way they face unless their neighbours clearly say
otherwise (a ``”`` that opens a paragraph opens); a straight mark is read from its
neighbours. A quote left open at the end of a paragraph continues when the next paragraph
opens with a mark (the news convention for multi-paragraph quotes); otherwise it is closed
at the paragraph's end and flagged ``closed=False`` so later stages can be cautious with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
DOUBLED = "''"
ALL_MARKS = OPENERS + CLOSERS + STRAIGHT
QUOTE_TOKENS = frozenset([*ALL_MARKS, DOUBLED])
# Every branch opens with a literal, so that ``re`` skips ahead to the next mark (speed).
_MARK = re.compile("|".join([DOUBLED, *ALL_MARKS]))
OPEN_CONTEXT = " \t\n\r([{—–-―:;/"
_CLOSE_CONTEXT = " \t\r\n,.;:!?)]}—–-―"
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_TITLE_WORDS = 8
_MAX_NAME_WORD = 20  # characters read back for the name word before a nickname


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between a pair of marks; ``parts`` hold one content span per paragraph."""

    open_at: int
    close_at: int  # offset of the closing mark, or the paragraph end when unclosed
    parts: tuple[Span, ...]
    closed: bool
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def after(self) -> int:
        """The offset just past the closing mark (the paragraph end when unclosed)."""
        return self.close_at + self.close_width if self.closed else self.close_at


def _direction(text: str, i: int, width: int, inside: bool) -> str:
    """'open' or 'close' for the mark of ``width`` characters at ``i``."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = before in OPEN_CONTEXT or before in OPENERS
    closes = after in _CLOSE_CONTEXT or after in CLOSERS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if text[i] in OPENERS:
        return "open"
    if text[i] in CLOSERS:
        return "close"
    return "close" if inside else "open"


def trim(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` without the whitespace at its ends, as a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


@dataclass
class _Open:
    """A quote being read: where its first mark is and the parts finished so far."""

    mark: int
    content_from: int
    parts: list[Span]
    nested: int = 0  # curly pairs open inside a quote opened by a straight mark


def find_quoted(text: str, paragraphs: Sequence[Span]) -> list[QuotedSpan]:
    """All quoted spans of ``text``, in order, nested marks ignored (the outer pair wins)."""
    found: list[QuotedSpan] = []
    pending: _Open | None = None  # a quote left open at the end of the previous paragraph
    for p_index, para in enumerate(paragraphs):
        marks = [
            (m.start(), m.end() - m.start()) for m in _MARK.finditer(text, para.start, para.end)
        ]
        current: _Open | None = None
        if pending is not None:
            if (
                marks
                and not text[para.start : marks[0][0]].strip()
                and _direction(text, *marks[0], False) == "open"
            ):
                current = _Open(pending.mark, marks[0][0] + marks[0][1], pending.parts)
                marks = marks[1:]
            else:
                found.append(_unclosed(pending, paragraphs[p_index - 1]))
        pending = None
        for i, width in marks:
            direction = _direction(text, i, width, current is not None)
            if current is None:
                if direction == "open":
                    current = _Open(i, i + width, [])
            elif _nests(text, current, i, direction):
                continue
            elif direction == "close" or text[i] == STRAIGHT or width == 2:
                parts = (*current.parts, trim(text, current.content_from, i))
                found.append(QuotedSpan(current.mark, i, parts, True, width))
                current = None
        if current is not None:
            current.parts.append(trim(text, current.content_from, para.end))
            pending = current
    if pending is not None:
        found.append(_unclosed(pending, paragraphs[-1]))
    return [q for q in found if all(len(p) for p in q.parts)]


def _nests(text: str, current: _Open, i: int, direction: str) -> bool:
    """Inside `"...“Shark Tank.” ..."` the curly pair is nested in the straight one: count it
    (True) instead of letting its closing mark end the outer quote."""
    if text[current.mark] != STRAIGHT or text[i] == STRAIGHT or text[i : i + 2] == DOUBLED:
        return False
    if direction == "open" and text[i] in OPENERS:
        current.nested += 1
        return True
    if current.nested and text[i] in CLOSERS:
        current.nested -= 1
        return True
    return False


def _unclosed(pending: _Open, para: Span) -> QuotedSpan:
    return QuotedSpan(pending.mark, para.end, tuple(pending.parts), False)


def _is_title(text: str, q: QuotedSpan) -> bool:
    """`"Face the Nation"`, `"Make Your Kid a Millionaire"`: a short span in title case (every
    word of four letters or more capitalised, two capitalised words at least) names a work,
    show or label; speech is not written that way. Words are read until one says no."""
    if len(q.parts) > 1:
        return False
    count = caps = 0
    for match in _WORDS.finditer(text, q.start, q.end):
        word = match.group()
        upper = word[0].isupper()
        count += 1
        if count > _MAX_TITLE_WORDS or not (upper or len(word) < 4):
            return False
        caps += upper
    return caps >= 2


def _is_nickname(text: str, q: QuotedSpan) -> bool:
    """`Robert C. "Bobby" Scott`: one capitalised word quoted between two parts of a name."""
    if len(q.parts) > 1 or not q.closed:
        return False
    word = text[q.start : q.end]
    before = text[max(0, q.open_at - _MAX_NAME_WORD) : q.open_at]
    name_before = before.split()[-1:] if before.endswith(" ") else []
    after = text[q.after : q.after + 2]
    return (
        word.isalpha()
        and word[0].isupper()
        and bool(name_before)
        and name_before[0][0].isupper()
        and after[:1] == " "
        and after[1:].isupper()
    )


def name_quotes(
    text: str, quoted: Sequence[QuotedSpan], naming: Sequence[tuple[str, ...]]
) -> set[int]:
    """Indices of quoted spans that are names or labels, not speech.

    A span is a name when a naming word precedes it (`dubbed "Herof"`), when it follows
    a name after `or`/`and`/a comma (`dubbed "Herof" or "black storm"`), when it is written
    as a title (`"Face the Nation"`) or when it is a nickname inside a name.
    """
    names: set[int] = set()
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for words in naming:
        by_length.setdefault(len(words), set()).add(tuple(words))
    for n, q in enumerate(quoted):
        before = text[max(0, q.open_at - 40) : q.open_at].lower().split()
        named = any(tuple(before[-size:]) in phrases for size, phrases in by_length.items())
        if named or _is_title(text, q) or _is_nickname(text, q):
            names.add(n)
        elif n - 1 in names and text[quoted[n - 1].after : q.open_at].strip(" ,") in {
            "or",
            "and",
            "",
        }:
            names.add(n)
    return names
