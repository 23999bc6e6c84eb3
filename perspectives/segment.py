"""Segment an article into paragraphs, sentences and tokens, all as offsets into its text.

Paragraphs are lines (or blank-line blocks when the text is hard-wrapped); sentences come
from Punkt (``punkt``) with the lists in ``perspectives/data/``; tokens from one regex.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from .model import Paragraph, Sentence, Span
from .punkt import Punkt
from .resources import word_list

_SpanT = TypeVar("_SpanT", Span, Sentence)

# Line breaks are those of str.splitlines; a line's content is trimmed of whitespace.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(rf"\S(?:[^{_BREAKS}]*\S)?")
_SOFT_GAP = re.compile(rf"[^\S{_BREAKS}]*(?:\r\n|[{_BREAKS}])")  # one break, no indent
_FIRST_WORD = re.compile(r"\S+")
_WRAP_WIDTH = (40, 100)  # the longest line of a hard-wrapped text is this wide
_CONTENT = re.compile(r"\S(?:[\s\S]*\S)?")

# Closing marks that belong to the sentence they follow (NLTK's realignment, plus curly quotes).
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"
_REALIGN = re.compile(rf"[{re.escape(_CLOSERS)}]+?(?:\s+|(?=--)|$)")
_NOT_SENTENCE_START = ".?!,;:"
_NEXT_PARAGRAPH = "\n\nX"  # what Punkt sees after a range: see _punkt_cuts
_END_MARK = re.compile(r"[.?!]")  # where Punkt's candidate sentence ends are


# --- paragraphs ---------------------------------------------------------------------------


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs of ``text``: each non-blank line, trimmed; hard-wrapped lines are joined.

    News text files usually hold one paragraph per line, so every line break ends a
    paragraph. A text is taken as hard-wrapped when its longest line is 40 to 100
    characters wide and most line breaks between adjacent lines are wraps: the next line's
    first word would not have fitted on the line. Such a wrap joins the two lines; a blank
    line, an indented line or a line ending short of the wrap width starts a new paragraph.
    """
    lines = [m.span() for m in _LINE.finditer(text)]
    soft = _soft_breaks(text, lines)
    if not soft:
        return [Span(start, end) for start, end in lines]
    paragraphs = []
    first = 0
    for i in range(len(lines)):
        if i not in soft:
            paragraphs.append(Span(lines[first][0], lines[i][1]))
            first = i + 1
    return paragraphs


def _soft_breaks(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indices i of lines that wrap onto line i + 1 (empty unless the text is hard-wrapped)."""
    if len(lines) < 3:
        return set()
    width = max(end - start for start, end in lines)
    if not _WRAP_WIDTH[0] <= width <= _WRAP_WIDTH[1]:
        return set()
    adjacent = [
        i for i in range(len(lines) - 1) if _SOFT_GAP.fullmatch(text, lines[i][1], lines[i + 1][0])
    ]
    soft = set()
    for i in adjacent:
        start, end = lines[i]
        next_start, next_end = lines[i + 1]
        first_word = min(_FIRST_WORD.match(text, next_start).end(), next_end) - next_start
        if end - start + 1 + first_word > width:
            soft.add(i)
    return soft if len(soft) >= 2 and 2 * len(soft) >= len(adjacent) else set()


# --- sentences ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _punkt() -> Punkt:
    """The sentence splitter, built once from the shipped abbreviation and starter lists."""
    abbreviations = frozenset(entry.lower() for entry in word_list("abbreviations.txt"))
    starters = frozenset(entry.lower() for entry in word_list("sentence_starters.txt"))
    return Punkt(abbreviations, starters)


def _punkt_cuts(chunk: str, offset: int) -> list[int]:
    """Offsets (``offset`` + index in ``chunk``) where Punkt starts a new sentence.

    Punkt sees the chunk followed by a blank line and a word, so that the end marks that
    close it are judged as at the end of any paragraph: the cuts inside a paragraph are
    then the same whether Punkt runs on the paragraph or on the whole article. Cuts are
    taken before realignment (see ``_sentences_in``).
    """
    starts = _punkt().break_starts(chunk + _NEXT_PARAGRAPH)
    return [offset + s for s in starts if 0 < s < len(chunk)]


def _article_chunk(text: str, paragraphs: list[Span]) -> str:
    """The text from the first paragraph to the last, with the gaps between paragraphs
    turned into as many newlines: same offsets, and every paragraph break a break for
    Punkt, whose idea of whitespace is narrower than ``str.splitlines``."""
    pieces = [text[a.start : a.end] + "\n" * (b.start - a.end) for a, b in pairwise(paragraphs)]
    pieces.append(text[paragraphs[-1].start : paragraphs[-1].end])
    return "".join(pieces)


def _sentences_in(
    text: str, start: int, end: int, cuts: list[int], make: Callable[[int, int], _SpanT]
) -> list[_SpanT]:
    """Sentences of text[start:end] given Punkt's cuts inside it, trimmed and tiling it.

    A closing quote or bracket after the end mark stays with its sentence; a cut followed
    by a lower-case letter or by punctuation that cannot start a sentence is dropped
    (``"Enough!" exclaimed Khan`` is one sentence, and so is ``Wow!!``).
    """
    bounds = [start]
    for cut in cuts:
        realigned = _REALIGN.match(text, cut, end)
        if realigned:
            cut = realigned.end()
        if cut < end and not (text[cut].islower() or text[cut] in _NOT_SENTENCE_START):
            bounds.append(cut)
    bounds.append(end)
    sentences = []
    for a, b in pairwise(bounds):
        content = _CONTENT.search(text, a, b)
        if content:
            sentences.append(make(content.start(), content.end()))
    return sentences


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end] (taken as one paragraph), as trimmed spans into ``text``."""
    start, end = _clamp(text, start, end)
    if not _END_MARK.search(text, start, end - 1):  # an end mark, if any, only at the end:
        return _sentences_in(text, start, end, [], Span)  # Punkt cuts nothing inside
    return _sentences_in(text, start, end, _punkt_cuts(text[start:end], start), Span)


def segment(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of ``text`` with their sentences.

    Punkt runs once over the whole article (fast); its cuts are then split by paragraph,
    which gives the same sentences as ``split_sentences`` on each paragraph.
    """
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return ()
    cuts = _punkt_cuts(_article_chunk(text, paragraphs), paragraphs[0].start)
    result = []
    for p in paragraphs:
        inside = cuts[bisect_right(cuts, p.start) : bisect_left(cuts, p.end)]
        sentences = _sentences_in(text, p.start, p.end, inside, Sentence)
        result.append(Paragraph(p.start, p.end, tuple(sentences)))
    return tuple(result)


# --- tokens -------------------------------------------------------------------------------


def trie_pattern(words: list[str]) -> str:
    """A regex source matching exactly ``words``, shaped as a prefix trie (fast in ``re``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    """The token regex: numbers, abbreviations with their period, words, marks.

    A known abbreviation keeps its period unless it is the range's last token ("... at
    Apple Inc." ends with the period as a token of its own). The abbreviation branches are
    guarded by a lookahead for a short word and a period, so that an ordinary word fails
    them after a few characters (speed).
    """
    abbreviations = sorted({entry.lower() for entry in word_list("abbreviations.txt")})
    guard = max(len(entry.split(".")[0]) for entry in abbreviations)
    return re.compile(
        r"\d+(?:[.,]\d+)+"  # 3.5 100,000 1,234.56
        rf"|(?=[^\W\d_]{{1,{guard}}}\.)(?:"
        rf"(?i:{trie_pattern(abbreviations)})\.(?=\s*\S)"  # Dr. Feb. Retd. Ph.D., not last
        r"|(?:[^\W\d_]\.){2,}"  # U.S. a.m. e.g.
        r"|[A-Z]\.(?=\s+[A-Z]))"  # an initial: George W. Bush
        r"|[^\W_]+(?:['\u2019-][^\W_]+)*"  # a word, with internal apostrophes and hyphens
        r"|\.{2,}|-{2,}"  # ellipsis, dash
        r"|\S"  # any other mark, one character each
    )


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word, number and punctuation tokens of text[start:end], as spans into ``text``."""
    start, end = _clamp(text, start, end)
    return [Span(*m.span()) for m in _token_re().finditer(text, start, end)]


def _clamp(text: str, start: int, end: int | None) -> tuple[int, int]:
    """``start``/``end`` made a valid range of ``text`` (like slicing, without negatives)."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    return start, max(start, end)
