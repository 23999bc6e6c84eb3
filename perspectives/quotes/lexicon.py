"""The word lists attribution rests on, loaded once from ``perspectives/data/``.

Kept apart from the rules so a study can read, extend or replace them without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import word_list

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


@dataclass(frozen=True)
class Lexicon:
    """Cue forms (form -> lemma), weak cues, phrases and the noun/title lists of speakers;
    ``cue_pattern`` finds lower-case cue words in a text in one pass."""

    cue_forms: dict[str, str]
    weak_lemmas: frozenset[str]
    participles: frozenset[str]
    cue_phrases: tuple[tuple[str, ...], ...]
    naming: tuple[tuple[str, ...], ...]
    speaker_nouns: frozenset[str]
    titles: frozenset[str]
    skip: frozenset[str]
    cue_pattern: re.Pattern[str]

    def lemma(self, word: str) -> str | None:
        return self.cue_forms.get(word.lower())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (cached)."""
    forms: dict[str, str] = {}
    weak: set[str] = set()
    participles: set[str] = set()
    for line in word_list("cue_verbs.txt"):
        words = line.split()
        if words[-1] == "+that":
            words = words[:-1]
            weak.add(words[0])
        for form in words:
            forms[form.lower()] = words[0]
            if form.endswith("ing"):
                participles.add(form.lower())
    words = sorted({*forms, "according", "According"}, key=len, reverse=True)
    return Lexicon(
        cue_forms=forms,
        weak_lemmas=frozenset(weak),
        participles=frozenset(participles),
        cue_phrases=tuple(tuple(p.lower().split()) for p in word_list("cue_phrases.txt")),
        naming=tuple(tuple(p.lower().split()) for p in word_list("naming_verbs.txt")),
        speaker_nouns=frozenset(w.lower() for w in word_list("speaker_nouns.txt")),
        titles=frozenset(w.lower() for w in word_list("titles.txt")),
        skip=frozenset(w.lower() for w in word_list("attribution_skip.txt")),
        cue_pattern=re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"),
    )
