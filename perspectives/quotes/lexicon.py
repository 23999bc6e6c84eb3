"""The word lists attribution rests on, loaded once from ``perspectives/data/``.

Kept apart from the rules so a study can read, extend or replace them without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import word_list

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
# Finite verbs and auxiliaries that show a clause has begun (`found the plan was ...`).
FINITE = frozenset(
    "is are was were will would can could should may might must has have had does did".split()
)


@dataclass(frozen=True)
class Lexicon:
    """Cue forms (form -> lemma), weak cues, cues taking an infinitive or an object, verb +
    particle cues (`call for`), phrases, the noun/title lists of speakers (and the words that
    qualify a title, `state Sen.`) and the verbs that send a message (`issued a statement`)."""

    cue_forms: dict[str, str]
    weak_lemmas: frozenset[str]
    infinitive_lemmas: frozenset[str]
    object_lemmas: frozenset[str]
    particles: frozenset[tuple[str, ...]]
    participles: frozenset[str]
    cue_phrases: tuple[tuple[str, ...], ...]
    naming: tuple[tuple[str, ...], ...]
    speaker_nouns: frozenset[str]
    titles: frozenset[str]
    title_qualifiers: frozenset[str]
    skip: frozenset[str]
    senders: frozenset[str]

    def lemma(self, word: str) -> str | None:
        return self.cue_forms.get(word.lower())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Closed-class words (`in`, `and`, `which`) that never head a speaker mention."""
    return frozenset(word_list("function_words.txt"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (cached)."""
    forms: dict[str, str] = {}
    markers: dict[str, set[str]] = {"+that": set(), "+to": set(), "+object": set()}
    participles: set[str] = set()
    for line in word_list("cue_verbs.txt"):
        words = line.split()
        while words[-1] in markers:
            markers[words.pop()].add(words[0])
        for form in words:
            forms[form.lower()] = words[0]
            if form.endswith("ing"):
                participles.add(form.lower())
    return Lexicon(
        cue_forms=forms,
        weak_lemmas=frozenset(markers["+that"]),
        infinitive_lemmas=frozenset(markers["+to"]),
        object_lemmas=frozenset(markers["+object"]),
        particles=frozenset(tuple(p.lower().split()) for p in word_list("cue_particles.txt")),
        participles=frozenset(participles),
        cue_phrases=tuple(tuple(p.lower().split()) for p in word_list("cue_phrases.txt")),
        naming=tuple(tuple(p.lower().split()) for p in word_list("naming_verbs.txt")),
        speaker_nouns=frozenset(w.lower() for w in word_list("speaker_nouns.txt")),
        titles=frozenset(w.lower() for w in word_list("titles.txt")),
        title_qualifiers=frozenset(w.lower() for w in word_list("title_qualifiers.txt")),
        skip=frozenset(w.lower() for w in word_list("attribution_skip.txt")),
        senders=frozenset(w.lower() for w in word_list("sender_verbs.txt")),
    )
