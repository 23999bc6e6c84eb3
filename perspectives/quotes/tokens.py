"""Word tokens with offsets, the unit attribution rules look at.

Abbreviations with inner periods ("U.S.") stay whole; a possessive "'s" is its own token so
"Pakistan's military" reads as name + possessive + noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|\w+(?:[-‐]\w+)*(?:['’](?!s\b)\w+)*"  # words, compounds, "d'Affaires", "hasn't"
    r"|''"  # a doubled apostrophe used as a quotation mark
    r"|['’]\w+"  # 's, ’s, 't
    r"|[^\w\s]"  # any other single character
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        """Starts with an upper-case letter (a name, title or sentence-initial word)."""
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
