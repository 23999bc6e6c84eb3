"""Token-level pieces of speaker mentions: which tokens may sit in one, where a plain noun
phrase starts (titles, names, adjectives, a count, a determiner), and the adverbs and time
phrases that may stand between a subject and its cue."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..resources import word_list
from .lexicon import DETERMINERS, function_words, lexicon
from .names import (
    MONTHS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    POSSESSIVE,
    TIME_WORDS,
    is_abbrev_period,
    name_connector,
    nickname_mark,
    particle_name,
)
from .tokens import Token

PREPOSITIONS = frozenset("in on from at for of with across around near inside outside".split())
_QUANTIFIERS = frozenset("another about nearly almost some only just over under roughly".split())
TIME_LEADS = frozenset({"on", "last", "this", "late", "early", "in", "since"})


_AGE = re.compile(r"\d+-year-olds?")  # `the 30-year-old said`: a person


def np_token(toks: Sequence[Token], k: int) -> bool:
    """May token k sit inside a speaker mention (names, titles, possessives, parentheses, the
    marks around a nickname, a slash between names, speaker nouns and ages: `the 30-year-old`)?"""
    t = toks[k]
    low = t.lower
    if low in NAME_CONNECTORS and name_connector(toks, k):
        return True  # `Centers for Disease Control`
    if low in function_words() and not t.text.isupper():
        return False
    if t.is_cap or low in lexicon().titles or t.text in POSSESSIVE or low in NAME_PARTICLES:
        return True
    if particle_name(t):
        return True  # `Khalil al-Masri`
    if (
        t.text in "()"
        or is_abbrev_period(toks, k)
        or nickname_mark(toks, k)
        or _joins_names(toks, k)
    ):
        return True
    return low in lexicon().speaker_nouns or _AGE.fullmatch(low) is not None


def _joins_names(toks: Sequence[Token], k: int) -> bool:
    """Is token ``k`` a slash glued between two capitalised words (`Reuters/Ipsos`)?"""
    if toks[k].text != "/" or k == 0 or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    return (
        before.is_cap
        and after.is_cap
        and before.end == toks[k].start
        and toks[k].end == after.start
    )


def adverb_at(toks: Sequence[Token], j: int, lo: int) -> bool:
    """Is token ``j`` an -ly adverb after a subject (`Clinton boldly suggested`)? Not an -ly
    noun or adjective (`The assembly said`, `The early reports`), nor after a determiner."""
    if not (j - 1 >= lo and is_adverb(toks[j])):
        return False
    return toks[j - 1].lower not in DETERMINERS and toks[j - 1].is_word


def is_adverb(t: Token) -> bool:
    """A lower-case -ly word that is not a known -ly noun or adjective (`boldly`, `swiftly`;
    not `family`, `early`)."""
    low = t.lower
    if not (low.endswith("ly") and t.text.islower()):
        return False
    return not (low in _ly_words() or low in lexicon().speaker_nouns or low in function_words())


@lru_cache(maxsize=1)
def _ly_words() -> frozenset[str]:
    return frozenset(word_list("ly_words.txt"))


def phrase_start(toks: Sequence[Token], j: int, lo: int) -> int:
    """Where the plain noun phrase ending at token ``j`` starts: names, titles, up to two
    adjectives, a count and a determiner (no owner, qualifier or coordination)."""
    k, budget = j, 2 if toks[j].text.islower() else 0
    while k - 1 >= lo:
        if np_token(toks, k - 1):
            k -= 1
            if not budget and role_noun(toks[k]):  # `vice-presidential nominee Gov. Pence`
                budget = 2
        elif budget and plain_lower(toks[k - 1]):
            k, budget = k - 1, budget - 1
        else:
            break
    while k < j and _dated(toks, k, lo):  # `On Monday officials said`: not `Monday officials`
        k += 1
    if k - 1 >= lo and toks[k].lower == "least" and toks[k - 1].lower == "at":
        k -= 1  # `At least five senators said`
    if _count_before(toks, k, lo):  # `Another 19 percent said`
        k -= 1
        if k - 1 >= lo and toks[k - 1].lower in _QUANTIFIERS:
            k -= 1
    if k - 1 >= lo and toks[k - 1].lower in DETERMINERS:
        k -= 1
    while k < j and not toks[k].is_word and toks[k].text not in "(":
        k += 1
    return k


def _dated(toks: Sequence[Token], k: int, lo: int) -> bool:
    """Is token ``k`` a day or month after a time preposition (`On Monday`, `in March`)?"""
    word = toks[k].lower
    return (
        (word in TIME_WORDS or word in MONTHS) and k - 1 >= lo and toks[k - 1].lower in TIME_LEADS
    )


def _count_before(toks: Sequence[Token], k: int, lo: int) -> bool:
    """A number counting the subject (`19 percent`), not a year (`in 2015 officials`)."""
    if k - 1 < lo or not toks[k - 1].text[0].isdigit():
        return False
    return not (k - 2 >= lo and toks[k - 2].lower in {"in", "since", "by", "of", "on"})


def role_noun(t: Token) -> bool:
    """A lower-case title or speaker noun (`nominee`, `adviser`), which adjectives may precede."""
    return t.text.islower() and (t.lower in lexicon().titles or t.lower in lexicon().speaker_nouns)


def plain_lower(t: Token) -> bool:
    """A lower-case content word that is neither a function word nor a cue verb."""
    low = t.lower
    return (
        t.text.islower() and low not in function_words() and low not in DETERMINERS and not t.lemma
    )


def time_phrase(toks: Sequence[Token], j: int, lo: int) -> int:
    """Length of a time phrase ending at token ``j`` between a speaker and its cue (`on
    Saturday`, `in 2001`, `in late August`, `last year`), or 0."""
    word = toks[j]
    if not (word.lower in TIME_WORDS or word.lower in MONTHS or _year(word)):
        return 0
    k = j - 1
    while k >= lo and j - k <= 2 and toks[k].lower in TIME_LEADS:
        k -= 1
    return j - k if k < j - 1 else 0


def _year(t: Token) -> bool:
    """A four-digit number (`2001`)."""
    return len(t.text) == 4 and t.text.isdigit()
