"""Word tokens with offsets, the unit attribution rules look at.

Abbreviations with inner periods ("U.S.") stay whole; a possessive "'s" is its own token so
"Pakistan's military" reads as name + possessive + noun. A document is tokenised once
(``TokenIndex``) and every rule reads slices of it, so no text is tokenised twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .lexicon import lexicon

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|\w+(?:[-‐]\w+)*(?:['’](?!s\b)\w+)*"  # words, compounds, "d'Affaires", "hasn't"
    r"|''"  # a doubled apostrophe used as a quotation mark
    r"|['’]\w+"  # 's, ’s, 't
    r"|[^\w\s]"  # any other single character
)


class Token(NamedTuple):
    """One token; the derived fields are computed once, as rules read them many times.

    ``lemma`` is the cue verb's lemma for a lower-case cue word (`said` -> `say`), else None.
    """

    text: str
    start: int
    end: int
    lower: str
    is_word: bool  # starts with a letter or digit
    is_cap: bool  # starts with an upper-case letter (a name, title or sentence-initial word)
    lemma: str | None = None


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    forms = lexicon().cue_forms
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        low = word.lower()
        first = word[0]
        cap = first.isupper()
        lemma = None if cap else forms.get(low)
        out.append(Token(word, m.start(), m.end(), low, first.isalnum(), cap, lemma))
    return out


class TokenIndex:
    """All tokens of one document, read in windows by offset."""

    __slots__ = ("toks", "starts")

    def __init__(self, text: str) -> None:
        self.toks = tokens(text, 0, len(text))
        self.starts = [t.start for t in self.toks]

    def window(self, start: int, end: int) -> list[Token]:
        """The tokens that start at or after ``start`` and end by ``end``."""
        a = bisect_left(self.starts, start)
        b = bisect_left(self.starts, end, a)
        if b > a and self.toks[b - 1].end > end:
            b -= 1
        return self.toks[a:b]
