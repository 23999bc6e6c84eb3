"""Segment an article into paragraphs, sentences and tokens, all as offsets into its text.

Paragraphs are lines (or blank-line blocks when the text is hard-wrapped); sentences come
from NLTK's Punkt built offline from the lists in ``perspectives/data/``; tokens from one regex.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import Any, TypeVar

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .model import Paragraph, Sentence, Span
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
_NON_WORD = r"[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!]"
# Punkt's context of a candidate: the word before it, the mark, what follows (group 1 is
# the word and the mark; a leading blank only at the start of the text).
_CONTEXT_PARTS = re.compile(rf"(\s*\S*?[.?!])(?:\s+\S+|{_NON_WORD})")
_OPENERS = '[(\\[{"\u2018\u201c\xab]*'  # split off the word as tokens of their own
# A context that Punkt always judges a sentence break: a plain word (two letters or more)
# and a period, or a ? or !, followed by punctuation or by whitespace and a token.
_PLAIN_BREAK = re.compile(rf"(?:{_OPENERS}([^\W\d_]{{2,}})\.|\S*[?!])(?:{_NON_WORD}|\s+\S+)")
# A known abbreviation (group 1 is checked) before a plain word (group 2) and punctuation.
_ABBREV_WORD = re.compile(rf"{_OPENERS}([^\W\d_]{{2,}})\.\s+([^\W\d_]+)(?:{_NON_WORD}\S*|,)?")
_PERIOD_CONTEXT = re.compile(
    PunktLanguageVars._period_context_fmt % {"NonWord": _NON_WORD, "SentEndChars": "[.?!]"},
    re.VERBOSE,
)
_PUNKT_WORD = re.compile(
    PunktLanguageVars._word_tokenize_fmt
    % {
        "NonWord": _NON_WORD,
        "MultiChar": PunktLanguageVars._re_multi_char_punct,
        "WordStart": r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u2018\u2019\u201c\u201d\xab\xbb]",
    },
    re.VERBOSE,
)
_NOT_SENTENCE_START = ".?!,;:"
_PUNKT_SPACE = string.whitespace  # what NLTK takes as the space before a candidate's word
_RARE_SPACE = re.compile("[" + _PUNKT_SPACE.replace(" ", "") + "]")
_NEXT_PARAGRAPH = "\n\nX"  # what Punkt sees after a range: see _punkt_cuts
_ASCII_TOKEN_RES = {  # the flags kept are those ``regex`` and ``re`` number alike
    nltk: re.compile(nltk.pattern, nltk.flags & (re.I | re.M | re.S | re.X))
    for nltk in (PunktToken._RE_ELLIPSIS, PunktToken._RE_INITIAL, PunktToken._RE_NUMERIC)
}


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


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt's English settings, with curly quotes and guillemets treated like ASCII quotes.

    A period before a closing curly quote is a candidate sentence end, and an opening one
    is split off the word it precedes (so that "\u201cMr." is the abbreviation "Mr."). Both
    regexes are compiled with ``re``: whitespace is then what it is for ``str.split`` and
    the rest of this module, and NLTK's per-match timeout guard, which costs more than
    the match, is skipped.
    """

    def period_context_re(self) -> re.Pattern[str]:
        return _PERIOD_CONTEXT

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return _PUNKT_WORD


class _CandidatePunkt(PunktSentenceTokenizer):
    """Punkt that judges a candidate end mark by the tokens up to that mark only.

    Stock Punkt cuts when any token of the candidate's context but the last is a sentence
    break, including the tokens of the next word: the context of the period in ``Mr.
    Trump." Then`` is ``Mr. Trump."``, where ``Trump.`` is a break, so it cut after "Mr.".
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        parts = _CONTEXT_PARTS.fullmatch(text)
        if parts is None:
            return super().text_contains_sentbreak(text)
        own = sum(1 for _ in self._tokenize_words(parts[1]))
        tokens = list(self._annotate_tokens(self._tokenize_words(text)))
        return len(tokens) > own and any(token.sentbreak for token in tokens[:own])


class _NewsPunkt(_CandidatePunkt):
    """``_CandidatePunkt`` with fast paths, deciding as it does (tests check it).

    A plain word and a period, or a ? or !, is always a break; a known abbreviation before a
    word ("Mr. Clarke") is one when the word is a capitalised sentence starter. Other
    contexts ("Sept. 11", "2009. Those") go through Punkt's two annotation passes done on
    token strings (NLTK builds an object and runs timed regexes per token), as they are for
    untrained parameters: no collocations, no orthographic context, so the orthographic
    heuristic only says "not a starter" (punctuation, lower case) or "unknown".
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        abbreviations = self._params.abbrev_types
        plain = _PLAIN_BREAK.fullmatch(text)
        if plain and (plain[1] is None or plain[1].lower() not in abbreviations):
            return True
        titled = _ABBREV_WORD.fullmatch(text)
        if titled and titled[1].lower() in abbreviations:
            word = titled[2]
            return word[0].isupper() and word.lower() in self._params.sent_starters
        words = self._words(text)
        parts = _CONTEXT_PARTS.fullmatch(text)
        own = len(self._words(parts[1])) if parts else len(words) - 1
        return len(words) > own and any(self._sentbreaks(words)[:own])

    def _words(self, text: str) -> list[str]:
        """Punkt's word tokens of ``text`` (as ``_tokenize_words`` yields them)."""
        split = self._lang_vars.word_tokenize
        return [word for line in text.split("\n") if line.strip() for word in split(line)]

    def _sentbreaks(self, words: list[str]) -> list[bool]:
        """Punkt's sentence-break flags of the tokens but the last, after both passes."""
        kinds = [self._first_pass(word) for word in words]
        return [self._second_pass(words, kinds, i) for i in range(len(words) - 1)]

    def _first_pass(self, word: str) -> str | None:
        """NLTK's ``_first_pass_annotation``: "break", "abbr", "ellipsis" or None."""
        if word in self._lang_vars.sent_end_chars:
            return "break"
        if word.startswith("..") and _token_is(PunktToken._RE_ELLIPSIS, word):
            return "ellipsis"
        if word.endswith(".") and not word.endswith(".."):
            stem = word[:-1].lower()
            known = self._params.abbrev_types
            return "abbr" if stem in known or stem.split("-")[-1] in known else "break"
        return None

    def _second_pass(self, words: list[str], kinds: list[str | None], i: int) -> bool:
        """NLTK's ``_second_pass_annotation`` of token ``i`` (not the last)."""
        word, following = words[i], words[i + 1]
        if not word.endswith("."):
            return kinds[i] == "break"
        initial = len(word) == 2 and _token_is(PunktToken._RE_INITIAL, word)
        if kinds[i] in ("abbr", "ellipsis") and not initial and following[0].isupper():
            if _punkt_type(following, kinds[i + 1] == "break") in self._params.sent_starters:
                return True
        if initial or _punkt_type(word, True) == "##number##":
            not_starter = following in self.PUNCTUATION or following[0].islower()
            if not_starter or (initial and following[0].isupper()):  # J. Bach
                return False
        return kinds[i] == "break"

    def break_starts(self, text: str) -> list[int]:
        """Where the sentences of ``text`` after the first start: the starts but the first of
        ``span_tokenize(text, realign_boundaries=False)``, without NLTK's generators (speed)."""
        starts = []
        for match, context in _end_contexts(self._lang_vars.period_context_re(), text):
            if self.text_contains_sentbreak(context):
                next_tok = match.start("next_tok")
                starts.append(match.end() if next_tok < 0 else next_tok)
        return starts


def _token_is(pattern: Any, word: str) -> bool:
    """Does NLTK's token regex ``pattern`` match ``word``? An ASCII word goes to the same
    source compiled with ``re`` (NLTK's timed wrapper costs more than the match)."""
    return (_ASCII_TOKEN_RES[pattern] if word.isascii() else pattern).match(word) is not None


def _punkt_type(word: str, drop_period: bool) -> str:
    """Punkt's type of a token: lower case, numbers as ##number##, the period maybe dropped."""
    low = word.lower()
    kind = "##number##" if _token_is(PunktToken._RE_NUMERIC, low) else low
    return kind[:-1] if drop_period and len(kind) > 1 and kind[-1] == "." else kind


def _end_contexts(candidates: re.Pattern[str], text: str) -> list[tuple[re.Match[str], str]]:
    """NLTK's ``_match_potential_end_contexts`` (candidate end marks and their contexts), with
    ``str.rfind`` for its per-character loop; its quirk is kept: a space only at the very
    start of the text since the last candidate counts as none."""
    rare_space = _RARE_SPACE.search(text)
    rare = len(text) if rare_space is None else rare_space.start()
    found = []
    previous = None
    word_start = word_stop = 0
    for match in candidates.finditer(text):
        at = match.start()
        if at <= rare:
            space = text.rfind(" ", word_stop, at)
        else:
            space = max(text.rfind(char, word_stop, at) for char in _PUNKT_SPACE)
        start = space + 1 if space > word_stop else word_start
        if previous is not None and word_stop <= start:
            found.append((previous, text[word_start : previous.end("after_tok")]))
        previous, word_start, word_stop = match, start, at
    if previous is not None:
        found.append((previous, text[word_start : previous.end("after_tok")]))
    return found


@lru_cache(maxsize=1)
def _punkt() -> _NewsPunkt:
    """The sentence splitter, built once from the shipped abbreviation and starter lists."""
    params = PunktParameters()
    params.abbrev_types = {entry.lower() for entry in word_list("abbreviations.txt")}
    params.sent_starters = {entry.lower() for entry in word_list("sentence_starters.txt")}
    return _NewsPunkt(params, lang_vars=_NewsLanguageVars())


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


def _trie_pattern(words: list[str]) -> str:
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
        rf"(?i:{_trie_pattern(abbreviations)})\.(?=\s*\S)"  # Dr. Feb. Retd. Ph.D., not last
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
