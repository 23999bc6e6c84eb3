"""Quotations in single curly marks (‘…’), the house style of British and Commonwealth news.

The closing mark is also the apostrophe, so pairs are read with care: an opening ‘ starts a
word; its closing ’ ends one (`don’t` holds no closer), and a plural possessive (`the
workers’ union`) is passed over when a later closer follows before the next opening mark.
Marks inside a double-quoted span are nested quotes and stay part of it. As with double
marks, a quote left open at a paragraph's end (one that opened its paragraph or followed a
colon) goes on when the next paragraph opens with ‘; one that never closes is not read as a
quotation (an apostrophe cannot be told from it). Double marks inside a single-quoted span
are nested in it (``outside``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from ..model import Span
from .marks import OPEN_CONTEXT, QuotedSpan, trim

OPEN = "‘"
CLOSE = "’"
_COLON_REACH = 8  # characters between a colon and the quote it introduces


def find_single_quoted(
    text: str, paragraphs: Sequence[Span], double: Sequence[QuotedSpan]
) -> list[QuotedSpan]:
    """The ‘…’ spans of ``text`` outside the ``double``-quoted spans, in reading order."""
    if OPEN not in text:
        return []
    outer = [(q.open_at, q.after) for q in double]
    starts = [start for start, _ in outer]
    found: list[QuotedSpan] = []
    pending: tuple[int, list[Span]] | None = None  # an open quote going on to the next paragraph
    for para in paragraphs:
        at = para.start  # a continued quote's ‘ opens its paragraph
        if pending is not None and not text.startswith(OPEN, para.start):
            pending = None
        while True:
            i = at if pending is not None else _next_opener(text, at, para.end, outer, starts)
            if i is None:
                break
            open_at, parts = pending if pending is not None else (i, [])
            pending = None
            close = _closer(text, i + 1, para.end)
            if close is None:
                if _opens_quotation(text, para, open_at):
                    pending = (open_at, [*parts, trim(text, i + 1, para.end)])
                break
            found.append(QuotedSpan(open_at, close, (*parts, trim(text, i + 1, close)), True))
            at = close + 1
    return [q for q in found if all(len(p) for p in q.parts)]


def _opens_quotation(text: str, para: Span, open_at: int) -> bool:
    """Does a quote left open at a paragraph's end go on (it opened a paragraph, or came after
    a colon: `she said: ‘...`)? Elsewhere an unclosed ‘ is more likely a stray mark."""
    lead = text[max(para.start, open_at - _COLON_REACH) : open_at].rstrip()
    return open_at <= para.start or lead.endswith(":")


def _next_opener(
    text: str, at: int, end: int, outer: list[tuple[int, int]], starts: list[int]
) -> int | None:
    """The next ‘ in text[at:end] that opens a word outside a double-quoted span."""
    i = text.find(OPEN, at, end)
    while i != -1:
        n = bisect_right(starts, i) - 1
        nested = n >= 0 and i < outer[n][1]
        before = text[i - 1] if i else " "
        if not nested and before in OPEN_CONTEXT and i + 1 < end and text[i + 1].isalpha():
            return i  # not `the ‘80s`: an apostrophe typed the wrong way round
        i = text.find(OPEN, i + 1, end)
    return None


def _closer(text: str, start: int, end: int) -> int | None:
    """The ’ closing a quote opened before ``start``: the first ’ that ends a word, unless it
    is a plural possessive (`workers’ union`) and a closer that is not one follows before the
    next ‘ (`called them ‘thugs’ and said the officers’ ...` closes after `thugs`)."""
    first, limit = None, end
    for j in _word_ends(text, start, end):
        if first is None:
            first = j
            following = text.find(OPEN, j, end)
            limit = end if following == -1 else following
        if j > limit:
            break
        if not _plural_possessive(text, j):
            return j
    return first


def _word_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Positions of ’ in text[start:end] that end a word (not `don’t`, not after a space)."""
    j = text.find(CLOSE, start, end)
    while j != -1:
        after = text[j + 1] if j + 1 < len(text) else " "
        if j > start and not text[j - 1].isspace() and not after.isalnum():
            yield j
        j = text.find(CLOSE, j + 1, end)


def outside(double: Sequence[QuotedSpan], single: Sequence[QuotedSpan]) -> list[QuotedSpan]:
    """The ``double``-quoted spans not nested in a single-quoted one (`‘He told me “never
    again” and left,’ she said` is one quotation)."""
    starts = [q.open_at for q in single]
    kept = []
    for q in double:
        n = bisect_right(starts, q.open_at) - 1
        if n < 0 or single[n].after <= q.open_at:
            kept.append(q)
    return kept


def _plural_possessive(text: str, j: int) -> bool:
    """`the workers’ union`: an s, the mark, a space and a lower-case word."""
    return text[j - 1] == "s" and text[j + 1 : j + 2] == " " and text[j + 2 : j + 3].islower()
