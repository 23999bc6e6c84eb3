"""Names inside a speaker mention: the ``Mention`` record, and where a token range splits
into titles and a proper name (`Balochistan's Chief Minister Sarfraz Bugti`, `Paul D. Ryan`),
with upper-case headings told apart from names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..resources import word_list
from .lexicon import DETERMINERS, function_words, lexicon
from .marks import QUOTE_TOKENS
from .tokens import Token

POSSESSIVE = frozenset({"'s", "’s"})
NAME_PARTICLES = frozenset({"bin", "al", "de", "da", "van", "von", "der", "del", "la", "le", "ibn"})
NAME_CONNECTORS = frozenset({"of", "for", "on", "to", "and", "without"})  # inside a name
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday week weekend "
    "month year tonight".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_RUN_REACH = 8
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|az|bin|ibn|abu|abd|bint)[-‐][A-Z]")
_OBJECTS = frozenset("him her them us me".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention: its span, its name span (if a name is in it) and a description."""

    start: int
    end: int
    kind: str  # "pronoun", "name" (ends in a proper name) or "group" (common-noun headed)
    name_start: int | None = None
    name_end: int | None = None
    description: tuple[int, int] | None = None


def is_abbrev_period(toks: Sequence[Token], k: int) -> bool:
    """A '.' glued to a title or an initial ("Dr.", "J."), which belongs to the mention."""
    if toks[k].text != "." or k == 0 or toks[k - 1].end != toks[k].start:
        return False
    prev = toks[k - 1]
    return prev.lower in lexicon().titles or (len(prev.text) == 1 and prev.is_cap)


def build_mention(toks: Sequence[Token], k: int, j: int) -> Mention | None:
    """A mention over tokens k..j: find the trailing proper name and any leading titles."""
    if k > j:
        return None
    titles = lexicon().titles
    n = j
    while n >= k and (
        name_token(toks[n], titles)
        or nickname_mark(toks, n)
        or name_connector(toks, n)
        or (toks[n].is_cap and n > k and name_connector(toks, n - 1))  # `Council on Foreign`
        or (toks[n].is_cap and n < j and name_connector(toks, n + 1))  # `Directorate General of`
    ):
        n -= 1
        if n - 2 >= k and _initial(toks, n) and name_token(toks[n - 2], titles):
            n -= 2  # a middle initial: `John F. Kerry`
    if n == j > k and toks[j].is_cap and is_abbrev_period(toks, j - 1):
        n -= 1  # `Mr. King`: a title word after `Mr.` is a surname
    if _heading(toks[n + 1 : j + 1]):
        return None
    if n == j:  # ends in a common noun: a group or an office ("provincial authorities")
        return Mention(toks[k].start, toks[j].end, "group")
    name_start = toks[n + 1].start
    description = None
    if n >= k and any(t.is_word and t.lower not in DETERMINERS for t in toks[k : n + 1]):
        description = (
            toks[k].start,
            toks[n].end if toks[n].text not in POSSESSIVE else toks[n].end,
        )
    titled = n >= k and (toks[n].lower in titles or is_abbrev_period(toks, n))  # `the Rev. X`
    person = titled or n + 2 <= j and given_name_sex(toks[n + 1].text) is not None
    kind = "group" if toks[k].lower in DETERMINERS and not person else "name"
    return Mention(toks[k].start, toks[j].end, kind, name_start, toks[j].end, description)


def nickname_mark(toks: Sequence[Token], k: int) -> bool:
    """Is token ``k`` a quotation mark around a nickname inside a name, one capitalised word
    between capitalised words (`Robert C. "Bobby" Scott`)? The nickname belongs to the name."""
    if toks[k].text not in QUOTE_TOKENS:
        return False
    for first in (k, k - 2):  # k opens or closes the nickname
        if 1 <= first and first + 3 < len(toks) and toks[first + 2].text in QUOTE_TOKENS:
            before, nick, after = toks[first - 1], toks[first + 1], toks[first + 3]
            if (
                nick.is_cap
                and nick.is_word
                and after.is_cap
                and (before.is_cap or before.text == ".")
            ):
                return True
    return False


def name_connector(toks: Sequence[Token], k: int) -> bool:
    """Is token ``k`` a function word inside an organisation's name, between two capitalised
    words? Lower-case, its run of capitalised words must hold an organisation head
    (``organisation_heads.txt``) before it (`Centers for Disease Control`, `Committee to
    Protect Journalists`); `and` may also come before the head that ends a run standing alone
    (`the Food and Agriculture Organization,`; not `Trump and Clinton Foundation officials`);
    after `on`, two capitalised words (`Council on Foreign Relations`; not `Police on
    Twitter`). So `Secretary of State` and `Trump and Clinton` stay apart. Capitalised
    (`Doctors Without Borders`), the run must stand in a lower-case sentence, not a title-case
    headline."""
    if k == 0 or k + 1 >= len(toks) or toks[k].lower not in NAME_CONNECTORS:
        return False
    before, after = toks[k - 1], toks[k + 1]
    if not (before.is_cap and before.is_word and after.is_cap and after.is_word):
        return False
    if after.lower in TIME_WORDS or after.lower in MONTHS:
        return False  # `the Security Council on Friday`
    first, last = _capital_run(toks, k)
    if toks[k].is_cap:
        return (first > 0 and toks[first - 1].text.islower()) or (
            last + 1 < len(toks) and toks[last + 1].text.islower()
        )
    if toks[k].lower == "on" and not (k + 2 < len(toks) and toks[k + 2].is_cap):
        return False
    heads = organisation_heads()
    if any(t.text in heads for t in toks[first:k]):
        return True
    alone = last + 1 >= len(toks) or not toks[last + 1].is_word or toks[last + 1].lemma
    return toks[k].lower == "and" and toks[last].text in heads and bool(alone)


def _capital_run(toks: Sequence[Token], k: int) -> tuple[int, int]:
    """The first and last token of the run of capitalised words (and the function words
    between two of them) around token ``k``, at most ``_RUN_REACH`` tokens each way."""
    first = k
    while k - first < _RUN_REACH and first > 0 and _in_run(toks, first - 1):
        first -= 1
    last = k
    while last - k < _RUN_REACH and last + 1 < len(toks) and _in_run(toks, last + 1):
        last += 1
    return first, last


def _in_run(toks: Sequence[Token], n: int) -> bool:
    t = toks[n]
    if t.is_cap and t.is_word:
        return True
    return (
        t.lower in NAME_CONNECTORS
        and 0 < n < len(toks) - 1
        and toks[n - 1].is_cap
        and toks[n + 1].is_cap
    )


@lru_cache(maxsize=1)
def organisation_heads() -> frozenset[str]:
    """Head nouns of organisations' names as written (`Committee`, `University`)."""
    return frozenset(word_list("organisation_heads.txt"))


def _initial(toks: Sequence[Token], n: int) -> bool:
    """Is token ``n`` the period of an initial (`F.`)?"""
    letter = toks[n - 1]
    return (
        toks[n].text == "."
        and len(letter.text) == 1
        and letter.is_cap
        and letter.end == toks[n].start
    )


def _heading(words: Sequence[Token]) -> bool:
    """An upper-case heading (`CONGRESS HAS INVESTIGATED HIM`), not a name: upper-case words
    holding a verb, pronoun or function word (`NASA ADMINISTRATOR JIM BRIDENSTINE` is a name)."""
    if len(words) < 3 or not all(t.text.isupper() for t in words):
        return False
    lex = lexicon()
    return any(
        t.lower in lex.skip
        or t.lower in function_words()
        or t.lower in lex.cue_forms
        or t.lower in _OBJECTS
        for t in words
    )


def name_token(t: Token, titles: frozenset[str]) -> bool:
    """A capitalised word that is not a title, or a particle of a name (`bin`, `van`,
    `al-Masri`)."""
    return (
        (t.is_cap and t.lower not in titles and t.is_word)
        or t.lower in NAME_PARTICLES
        or particle_name(t)
    )


def particle_name(t: Token) -> bool:
    """A name glued to a lower-case Arabic particle (`al-Masri`, `el-Sisi`, `bin-Salman`)."""
    return t.text[:1].islower() and _PARTICLE_NAME.match(t.text) is not None


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    names = {name: "female" for name in word_list("female_first_names.txt")}
    names.update({name: "male" for name in word_list("male_first_names.txt")})
    return names


def given_name_sex(word: str) -> str | None:
    """The sex ("female", "male") the shipped lists give a first name, else None."""
    return _first_names().get(word.lower())


def first_name_sex(name: str) -> str | None:
    """The sex ("female", "male") the shipped lists give the first of several words of
    ``name`` (titles skipped); None for a single word or an unknown name."""
    words = name.split()
    titles = lexicon().titles
    while len(words) > 2 and words[0].lower().rstrip(".") in titles:
        words = words[1:]  # `President Barack Obama`
    return given_name_sex(words[0]) if len(words) > 1 else None
