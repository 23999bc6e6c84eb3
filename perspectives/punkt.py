"""Punkt's sentence-break decisions (Kiss & Strunk 2006, as NLTK implements them) for
untrained parameters: a list of abbreviations and one of frequent sentence starters.

Restated from NLTK's ``PunktSentenceTokenizer`` so that segmentation does not import
``nltk``, whose package import loads SciPy and scikit-learn (~0.9 s of every start).
tests/test_segment.py builds the regexes from NLTK's own templates and checks that every
decision equals NLTK's over generated and real text.

Two changes from stock Punkt, both for news: curly quotes and guillemets count as ASCII
quotes do, and a candidate end mark is judged by the tokens up to that mark only (stock
Punkt reads the next word too, and cut ``Mr. Trump." Then`` after "Mr." because ``Trump.``
is a break).
"""

from __future__ import annotations

import re
import string
from collections.abc import Set
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

_NON_WORD = r"[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!]"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u2018\u2019\u201c\u201d\xab\xbb]"

# NLTK's ``PunktLanguageVars`` templates (verbatim), filled with the marks above. Both
# regexes run on ``re``: whitespace is then what it is for ``str.split`` and the rest of
# the package.
PERIOD_CONTEXT_TEMPLATE = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))"""
WORD_TEMPLATE = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )"""
PERIOD_CONTEXT = re.compile(
    PERIOD_CONTEXT_TEMPLATE % {"NonWord": _NON_WORD, "SentEndChars": "[.?!]"}, re.VERBOSE
)
WORD = re.compile(
    WORD_TEMPLATE % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START},
    re.VERBOSE,
)
# NLTK's token classes (``PunktToken``); a word that is not ASCII goes to the ``regex``
# engine NLTK compiles them with, whose idea of a letter or digit can be newer than ``re``'s.
TOKEN_PATTERNS = {
    "ellipsis": r"\.\.+$",
    "initial": r"[^\W\d]\.$",
    "number": r"^-?[\.,]?\d[\d,\.-]*\.?$",
}
_ASCII = {kind: re.compile(source) for kind, source in TOKEN_PATTERNS.items()}

_END_CHARS = (".", "?", "!")
_PUNCTUATION = (";", ":", ",", ".", "!", "?")
# A candidate's context: the word before it, the mark, what follows (group 1 is the word
# and the mark; a leading blank only at the start of the text).
_CONTEXT_PARTS = re.compile(rf"(\s*\S*?[.?!])(?:\s+\S+|{_NON_WORD})")
_OPENERS = '[(\\[{"\u2018\u201c\xab]*'  # split off the word as tokens of their own
# A context that Punkt always judges a sentence break: a plain word (two letters or more)
# and a period, or a ? or !, followed by punctuation or by whitespace and a token.
_PLAIN_BREAK = re.compile(rf"(?:{_OPENERS}([^\W\d_]{{2,}})\.|\S*[?!])(?:{_NON_WORD}|\s+\S+)")
# A known abbreviation (group 1 is checked) before a plain word (group 2) and punctuation.
_ABBREV_WORD = re.compile(rf"{_OPENERS}([^\W\d_]{{2,}})\.\s+([^\W\d_]+)(?:{_NON_WORD}\S*|,)?")
_SPACE = string.whitespace  # what NLTK takes as the space before a candidate's word
_RARE_SPACE = re.compile("[" + _SPACE.replace(" ", "") + "]")


class Punkt:
    """Sentence breaks by Punkt with known abbreviations and sentence starters (lower case).

    Without training there are no collocations and no orthographic statistics, so the
    orthographic heuristic only says "not a starter" (punctuation, lower case) or "unknown".
    """

    __slots__ = ("abbreviations", "starters")

    def __init__(self, abbreviations: Set[str], starters: Set[str]) -> None:
        self.abbreviations = abbreviations
        self.starters = starters

    def break_starts(self, text: str) -> list[int]:
        """Where the sentences of ``text`` after the first start: the starts but the first
        of NLTK's ``span_tokenize(text, realign_boundaries=False)``."""
        starts = []
        for match, context in _end_contexts(text):
            if self.contains_break(context):
                next_tok = match.start("next_tok")
                starts.append(match.end() if next_tok < 0 else next_tok)
        return starts

    def contains_break(self, context: str) -> bool:
        """Is the candidate end mark of ``context`` (word, mark, what follows) a break?

        Fast paths first: a plain word and a period, or a ? or !, always is; a known
        abbreviation before a word ("Mr. Clarke") is when the word is a capitalised
        sentence starter. Other contexts ("Sept. 11") go through Punkt's two passes.
        """
        plain = _PLAIN_BREAK.fullmatch(context)
        if plain and (plain[1] is None or plain[1].lower() not in self.abbreviations):
            return True
        titled = _ABBREV_WORD.fullmatch(context)
        if titled and titled[1].lower() in self.abbreviations:
            word = titled[2]
            return word[0].isupper() and word.lower() in self.starters
        words = _words(context)
        parts = _CONTEXT_PARTS.fullmatch(context)
        own = len(_words(parts[1])) if parts else len(words) - 1
        return len(words) > own and any(self._sentbreaks(words)[:own])

    def _sentbreaks(self, words: list[str]) -> list[bool]:
        """Punkt's sentence-break flags of the tokens but the last, after both passes."""
        kinds = [self._first_pass(word) for word in words]
        return [self._second_pass(words, kinds, i) for i in range(len(words) - 1)]

    def _first_pass(self, word: str) -> str | None:
        """NLTK's ``_first_pass_annotation``: "break", "abbr", "ellipsis" or None."""
        if word in _END_CHARS:
            return "break"
        if word.startswith("..") and _token_is("ellipsis", word):
            return "ellipsis"
        if word.endswith(".") and not word.endswith(".."):
            stem = word[:-1].lower()
            known = self.abbreviations
            return "abbr" if stem in known or stem.split("-")[-1] in known else "break"
        return None

    def _second_pass(self, words: list[str], kinds: list[str | None], i: int) -> bool:
        """NLTK's ``_second_pass_annotation`` of token ``i`` (not the last)."""
        word, following = words[i], words[i + 1]
        if not word.endswith("."):
            return kinds[i] == "break"
        initial = len(word) == 2 and _token_is("initial", word)
        if kinds[i] in ("abbr", "ellipsis") and not initial and following[0].isupper():
            if _punkt_type(following, kinds[i + 1] == "break") in self.starters:
                return True
        if initial or _punkt_type(word, True) == "##number##":
            not_starter = following in _PUNCTUATION or following[0].islower()
            if not_starter or (initial and following[0].isupper()):  # J. Bach
                return False
        return kinds[i] == "break"


def _words(text: str) -> list[str]:
    """Punkt's word tokens of ``text`` (NLTK's ``_tokenize_words``, as strings)."""
    return [word for line in text.split("\n") if line.strip() for word in WORD.findall(line)]


def _token_is(kind: str, word: str) -> bool:
    """Is ``word`` of the token class ``kind`` (ellipsis, initial, number)?"""
    pattern = _ASCII[kind] if word.isascii() else _unicode_pattern(kind)
    return pattern.match(word) is not None


@cache
def _unicode_pattern(kind: str) -> regex.Pattern[str]:
    """The token class ``kind`` on the ``regex`` engine, for words that are not ASCII. Imported
    and compiled when first needed (~8 ms of every start; 1 PolNeAR article in 43 needs it)."""
    import regex

    return regex.compile(TOKEN_PATTERNS[kind], regex.V0)


def _punkt_type(word: str, drop_period: bool) -> str:
    """Punkt's type of a token: lower case, numbers as ##number##, the period maybe dropped."""
    low = word.lower()
    kind = "##number##" if _token_is("number", low) else low
    return kind[:-1] if drop_period and len(kind) > 1 and kind[-1] == "." else kind


def _end_contexts(text: str) -> list[tuple[re.Match[str], str]]:
    """NLTK's ``_match_potential_end_contexts`` (candidate end marks and their contexts), with
    ``str.rfind`` for its per-character loop; its quirk is kept: a space only at the very
    start of the text since the last candidate counts as none."""
    rare_space = _RARE_SPACE.search(text)
    rare = len(text) if rare_space is None else rare_space.start()
    found = []
    previous = None
    word_start = word_stop = 0
    for match in PERIOD_CONTEXT.finditer(text):
        at = match.start()
        if at <= rare:
            space = text.rfind(" ", word_stop, at)
        else:
            space = max(text.rfind(char, word_stop, at) for char in _SPACE)
        start = space + 1 if space > word_stop else word_start
        if previous is not None and word_stop <= start:
            found.append((previous, text[word_start : previous.end("after_tok")]))
        previous, word_start, word_stop = match, start, at
    if previous is not None:
        found.append((previous, text[word_start : previous.end("after_tok")]))
    return found
