"""Word tokens with offsets, the unit attribution rules look at.

Abbreviations with inner periods ("U.S.") stay whole; a possessive "'s" is its own token so
"Pakistan's military" reads as name + possessive + noun. A document is tokenised once
(``TokenIndex``, by paragraph; a sentence read alone is tokenised alone) and every rule reads
slices of it. Sentences without a cue word are not tokenised at all (``cue_sentences``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from ..model import Span
from ..segment import split_sentences, trie_pattern
from .lexicon import lexicon

# The abbreviation branch is guarded by a lookahead and the word branch is possessive
# (nothing follows it in its branch, so it never backtracks): the same tokens, ~10% faster.
_TOKEN = re.compile(
    r"(?=[A-Za-z]\.)(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|\w++(?:[-‐]\w++)*+(?:['’](?!s\b)\w++)*+"  # words, compounds, "d'Affaires", "hasn't"
    r"|''"  # a doubled apostrophe used as a quotation mark
    r"|['’]\w+"  # 's, ’s, 't
    r"|[^\w\s]"  # any other single character
)

NOUN_MARKERS = frozenset("a an the no any his its their our my your".split())  # a noun follows
_LOWER_WORDS = re.compile(r"\b(?:[a-z]+|According)\b")  # what may_report reads
_WORD_RUN = re.compile(r"\w+")
_SPACED = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")  # every non-space character is a token
PHRASE_HEADS = frozenset({"according", "put", "puts"})  # `according to X`, `as X put it`


class Token(NamedTuple):
    """One token; the derived fields are computed once, as rules read them many times.

    ``lemma`` is the cue verb's lemma for a lower-case cue word (`said` -> `say`), else None;
    a cue form after an article or a possessive (`the state agency`) or qualifying a title
    (`state Sen. Jane Doe`) is a noun or an adjective and has none.
    """

    text: str
    start: int
    end: int
    lower: str
    is_word: bool  # starts with a letter or digit
    is_cap: bool  # starts with an upper-case letter (a name, title or sentence-initial word)
    lemma: str | None = None


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Offsets come from the lengths of each token and the spaces before it (``_SPACED``), not
    from match objects: this is the hottest loop of extraction.
    """
    lex = lexicon()
    forms, titles, qualifiers = lex.cue_forms.get, lex.titles, lex.title_qualifiers
    new = tuple.__new__
    out: list[Token] = []
    add = out.append
    pos = start
    for space, word in _SPACED.findall(text, start, end):
        first = pos + len(space)
        pos = first + len(word)
        low = word.lower()
        head = word[0]
        if head.isupper():
            if low in titles and out and out[-1].lemma and out[-1].lower in qualifiers:
                out[-1] = out[-1]._replace(lemma=None)  # `state Sen. X`: an adjective
            add(new(Token, (word, first, pos, low, True, True, None)))
        else:
            lemma = forms(low)
            if lemma and out and out[-1].lower in NOUN_MARKERS:
                lemma = None  # `the state agency`, `his claims`: a noun or an adjective
            if low in titles and out and out[-1].lemma and out[-1].lower in qualifiers:
                out[-1] = out[-1]._replace(lemma=None)  # `state senator X`
            add(new(Token, (word, first, pos, low, head.isalnum(), False, lemma)))
    return out


class TokenIndex:
    """The tokens of one document's paragraphs, each paragraph tokenised once when a rule
    first reads it (paragraphs without quotes or cues are never tokenised)."""

    __slots__ = ("text", "paragraphs", "starts", "cache")

    def __init__(self, text: str, paragraphs: Sequence[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.starts = [p.start for p in paragraphs]
        self.cache: dict[int, tuple[list[Token], list[int]]] = {}

    def window(self, start: int, end: int) -> list[Token]:
        """The tokens that start at or after ``start`` and end by ``end`` (one paragraph)."""
        n = bisect_right(self.starts, start) - 1
        if n < 0 or self.paragraphs[n].end < end:
            return tokens(self.text, start, end)
        if n not in self.cache:
            para = self.paragraphs[n]
            toks = tokens(self.text, para.start, para.end)
            self.cache[n] = (toks, [t.start for t in toks])
        return self._slice(n, start, end)

    def sentence(self, start: int, end: int) -> list[Token]:
        """Like ``window``, for a range read once (a sentence of the reported-speech pass):
        when its paragraph is not tokenised yet and spaces (or the paragraph's edges) bound
        it, only the range is tokenised, which gives the same tokens (no token spans a
        space, and the token regex looks at no character before its start)."""
        n = bisect_right(self.starts, start) - 1
        if n < 0 or n in self.cache or self.paragraphs[n].end < end:
            return self.window(start, end)
        para, text = self.paragraphs[n], self.text
        if (start == para.start or text[start - 1].isspace()) and (
            end == para.end or text[end].isspace()
        ):
            return tokens(text, start, end)
        return self.window(start, end)

    def _slice(self, n: int, start: int, end: int) -> list[Token]:
        toks, starts = self.cache[n]
        a = bisect_left(starts, start)
        b = bisect_left(starts, end, a)
        if b > a and toks[b - 1].end > end:
            b -= 1
        return toks[a:b]


def may_report(text: str, span: Span) -> bool:
    """Does ``span`` hold a cue word (`said`, `according`)? Spans without one are never split
    or tokenised by the reported-speech pass."""
    return not _report_words().isdisjoint(_LOWER_WORDS.findall(text, span.start, span.end))


def cue_sentences(index: TokenIndex, skipped: Callable[[int], bool]) -> list[Span]:
    """The sentences of ``index``'s paragraphs that ``may_report`` and hold a cue the
    reported-speech pass reads (``_reads_cue``); other sentences are never tokenised. One scan
    finds the article's cue words (paragraph edges are word boundaries, so they are the words
    each paragraph's own scan would find); only paragraphs holding one that is read are split
    (Punkt never sees a paragraph of quotes), and a sentence is kept when one lies in it."""
    text, paragraphs = index.text, index.paragraphs
    if not paragraphs:
        return []
    found = _cue_words(text, paragraphs[0].start, paragraphs[-1].end)
    starts = [start for start, _ in found]
    kept: list[Span] = []
    for paragraph in paragraphs:
        if not (
            _holds_cue(paragraph, found, starts) and _reads_cue(index, paragraph, starts, skipped)
        ):
            continue
        sentences = split_sentences(text, paragraph.start, paragraph.end)
        if len(sentences) == 1 and sentences[0] == paragraph:
            kept += sentences
        else:
            kept += [s for s in sentences if _sentence_holds_cue(text, s, found, starts)]
    return kept


def _cue_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cue words (``_scanned_words``) in ``text[start:end]``.

    The scan matches each word with the non-word character before it (``_cue_scan``), so
    that ``re`` skips ahead to the next such character instead of trying a leading ``\\b``
    at every position. Only a word opening the text has no character before it: it is
    looked up alone.
    """
    scan = _cue_scan().finditer(text, max(start - 1, 0), end)
    found = [(m.start() + 1, m.end()) for m in scan]
    first = _WORD_RUN.match(text, 0, end) if start == 0 else None
    if first is not None and first.group() in _scanned_words():
        found.insert(0, first.span())
    return found


def _reads_cue(
    index: TokenIndex, span: Span, starts: list[int], skipped: Callable[[int], bool]
) -> bool:
    """Might the reported-speech pass read a cue token in ``span``: is one of the cue words
    found (``starts``) there not ``skipped``? When all are skipped (inside quotations, or the
    cues of direct quotes), the span's tokens are read for the cue tokens the scan does not
    find (`PUT`, `ACCORDING`), so that no span that would give a draft is left out."""
    a = bisect_left(starts, span.start)
    if not all(skipped(start) for start in starts[a : bisect_left(starts, span.end, a)]):
        return True
    toks = index.window(span.start, span.end)
    return any(not skipped(t.start) for t in toks if t.lemma is not None or t.lower in PHRASE_HEADS)


def _sentence_holds_cue(
    text: str, sentence: Span, found: list[tuple[int, int]], starts: list[int]
) -> bool:
    """``may_report(text, sentence)``, given the article's cue words ``found``. A sentence
    ending inside a word may end in a cue word (`says` cut to `say`): it is read in full."""
    end = sentence.end
    if end < len(text) and _word_char(text[end]) and _word_char(text[end - 1]):
        return may_report(text, sentence)
    return _holds_cue(sentence, found, starts)


def _holds_cue(span: Span, found: list[tuple[int, int]], starts: list[int]) -> bool:
    """Does one of the cue words ``found`` (sorted spans, ``starts`` their starts) lie in
    ``span``?"""
    n = bisect_left(starts, span.start)
    return n < len(found) and found[n][1] <= span.end


def _word_char(char: str) -> bool:
    """A character regex ``\\w`` matches (a word boundary lies between it and any other)."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    """The words ``may_report`` looks for: cue forms and the heads of cue phrases."""
    return frozenset(lexicon().cue_forms).union(PHRASE_HEADS, ("According",))


@lru_cache(maxsize=1)
def _scanned_words() -> frozenset[str]:
    """The ``_report_words`` that ``_LOWER_WORDS`` can find: what the cue-word scan finds."""
    return frozenset(w for w in _report_words() if _LOWER_WORDS.fullmatch(w))


@lru_cache(maxsize=1)
def _cue_scan() -> re.Pattern[str]:
    """The ``_scanned_words`` as one regex of whole words, each matched with the non-word
    character before it (see ``_cue_words``)."""
    return re.compile(rf"\W(?:{trie_pattern(sorted(_scanned_words()))})\b")


def index_at(toks: Sequence[Token], offset: int, start: bool = False) -> int:
    """The index of the token ending (or, with ``start``, starting) at ``offset``; else the last."""
    for n, t in enumerate(toks):
        if (t.start if start else t.end) == offset:
            return n
    return len(toks) - 1
