"""Affiliations of speakers; the text folding, word-list matchers and speaker fields (the
title, apposition and name a role is read from) that roles share.

A speaker's affiliation is a country (name, demonym or capital, ``data/affiliations.yaml``),
a possessive owner ("Balochistan's") or a named organisation ("the Interior Ministry").
Folding maps accents, apostrophes and hyphens one character for one, so offsets are kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .frames import trie
from .quotes.lexicon import FINITE, lexicon
from .quotes.names import MONTHS, TIME_WORDS, organisation_heads
from .resources import data_yaml

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
_APOSTROPHES = "\u2018\u2019`\u00b4"
_POSSESSIVE = re.compile(r"([A-Z][\w]*(?:\s+[A-Z][\w]*)*)'s\b")
_NOT_OWNERS = frozenset({"It", "That", "What", "He", "She", "There", "Here", "Let", "Who"})
_NAMED = re.compile(r"[A-Z][\w'.&]*(?:[ \-](?:(?:of|for|and|on|the|i|e|ul)\b|[A-Z][\w'.&]*))*")
_CONNECTORS = frozenset({"of", "for", "on"})  # `Center for X`: a head before one names a body
_VERB = re.compile(r"\s(?:" + "|".join(sorted(FINITE)) + r"|[a-z]+ed)\b")  # ends a whose-clause
_APPOSITION_START = re.compile(r"\s*(?:,|\(|(?:an?|the)\b)", re.IGNORECASE)
# Clause ends: punctuation, and a full stop after a lower-case word ("reporters.", not "Col.").
# Words that open a clause or a phrase, never an apposition naming a speaker's capacity.
_NOT_APPOSITION = frozenset(
    "at in on after before since during as and but or so if when while because although "
    "though which that where according".split()
)
_AGE = re.compile(r",\s*\d{1,3}\s*,(?=\s*(?:a|an|the|his|her|their|one)\s)", re.IGNORECASE)
_CLAUSE_MARKS = '!?;:,"\u201c\u201d'
_CLAUSE_END = re.compile(rf"[{_CLAUSE_MARKS}]|(?<=[a-z]{{4}})\.(?=\s|$)")
_WORD_RUN = re.compile(r"\w+")


def _fold_char(c: str) -> str:
    if c in _HYPHENS:
        return " "
    if c in _APOSTROPHES:
        return "'"
    base = unicodedata.normalize("NFKD", c)[:1] or c
    return base if base.isprintable() else c


def _lower_char(c: str) -> str:
    return c.lower() if len(c.lower()) == 1 else c


class _CharTable(dict):
    """A ``str.translate`` table filled on demand from a one-character function."""

    def __init__(self, function) -> None:  # noqa: ANN001 - a str -> str function
        super().__init__()
        self.function = function

    def __missing__(self, code: int) -> str:
        self[code] = self.function(chr(code))
        return self[code]


_FOLD = _CharTable(_fold_char)
_LOWER = _CharTable(_lower_char)


def fold(text: str) -> str:
    """Accents, apostrophes and hyphens folded, one character for one (offsets kept)."""
    if text.isascii():  # most names: of ASCII, only the hyphen and the backtick fold
        return text.replace("-", " ").replace("`", "'")
    return text.translate(_FOLD)


def lower(text: str) -> str:
    """Lower case, one character for one (a letter whose lower case is longer is kept)."""
    return text.lower() if text.isascii() else text.translate(_LOWER)


def key(text: str) -> str:
    """The form names are compared in: folded, lower case, spaces collapsed."""
    return " ".join(lower(fold(text)).split())


def name_span(text: str, name: str | None) -> tuple[int, int] | None:
    """Where ``name`` (or its last word, a surname) stands in ``text`` as whole words."""
    for candidate in (name.strip(), name.split()[-1]) if name and name.strip() else ():
        start = text.find(candidate) if len(candidate) >= 3 else -1
        while start >= 0:
            end = start + len(candidate)
            if not (_is_word(text[start - 1 : start]) or _is_word(text[end : end + 1])):
                return start, end
            start = text.find(candidate, start + 1)
    return None


def _is_word(char: str) -> bool:
    """Whether ``char`` (one character or none) is a regex ``\\w`` character."""
    return char.isalnum() or char == "_"


def _is_proper_name(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def speaker_fields(speaker: str | None, mention: str | None, description: str | None) -> list:
    """(text, rule, is_name) parts: the mention split around the speaker's name into title
    and apposition, the description, and the speaker's name itself."""
    fields: list[tuple[str, str, bool]] = []
    mention = (mention or "").strip()
    span = name_span(mention, speaker)
    if span:
        name = mention[span[0] : span[1]]
        fields += [(mention[: span[0]], "title", False), (mention[span[1] :], "apposition", False)]
        surname = _is_proper_name(speaker or "") and name == (speaker or "").split()[-1]
        fields.append((name, "title", _is_proper_name(name) or surname))  # `Mujahid`, `Mr. King`
    elif mention:
        head, comma, rest = mention.partition(",")
        fields += [(head, "title", _is_proper_name(head)), (comma + rest, "apposition", False)]
    said = key(mention)
    description = _whose_relative(description)
    if description and description.strip() and key(description) not in said:
        rule = "apposition" if _APPOSITION_START.match(description) else "title"
        fields.append((description, rule, False))
    if speaker and speaker.strip() and key(speaker) not in said:
        fields.append((speaker, "title", _is_proper_name(speaker)))
    return [f for f in fields if f[0].strip()]


def _whose_relative(description: str | None) -> str | None:
    """A whose-clause up to its verb (`whose nephew was a constable` -> `whose nephew`): the
    rest describes the relative, not the speaker, who is that relative's kin."""
    if not description or not description.startswith("whose "):
        return description
    found = _VERB.search(description)
    return description[: found.start()].rstrip() if found else description


def context_fields(context: str, speaker: str | None, mention: str | None) -> list:
    """The words before the speaker's name (back to a clause boundary, at most six words)
    and the apposition after it (", a former official,") where ``context`` names them."""
    name = speaker or (mention if mention and mention[:1].isupper() else None)
    span = name_span(context, name)
    if not span:
        return []
    before = _clause_tail(context[: span[0]]).split()[-6:]
    after = context[span[1] :]
    age = _AGE.match(after)  # `Gul Rahman, 62, a farmer`: the apposition after the age
    after = after[age.end() - 1 :] if age else after
    end = _CLAUSE_END.search(after, 1) if after.startswith(",") else None  # ends apposition
    apposition = after[1 : end.start() if end else None] if after.startswith(",") else ""
    if not _noun_phrase_opens(apposition):
        apposition = ""  # `According to X, at least 12 children died`: a clause, not X's
    apposition = _whose_relative(apposition.strip()) or ""
    return [(t, "context", False) for t in (" ".join(before), apposition) if t.strip()]


def _noun_phrase_opens(text: str) -> bool:
    """Can ``text`` be an apposition: does it open with a word other than a preposition, a
    conjunction or a cue verb (`a former official`, `45`, `spokesman for`; not `at least 12
    children`, `told reporters`)?"""
    words = text.split(maxsplit=1)
    if not words:
        return False
    first = words[0].lower()
    return first not in _NOT_APPOSITION and first not in lexicon().cue_forms  # `, told ...`


def _clause_tail(text: str) -> str:
    """What follows the last ``_CLAUSE_END`` in ``text``, looked for from the end."""
    end = max(map(text.rfind, _CLAUSE_MARKS))
    dot = text.rfind(".")
    while dot > end and not _CLAUSE_END.match(text, dot):
        dot = text.rfind(".", 0, dot)
    return text[max(end, dot) + 1 :]


def entry_atoms(entry: str) -> list[str]:
    """The regular expression of one word-list entry, over folded text (plural allowed), as
    atoms (an escaped character or another regex piece) for ``alternation``."""
    words = fold(entry).split()
    atoms: list[str] = []
    for i, word in enumerate(words):
        atoms += ([r"\s+"] if i else []) + [re.escape(char) for char in word]
    first = words[0][0]
    if first.islower() and entry != lower(entry):
        atoms[0] = f"[{first}{first.upper()}]"
    return atoms + (["(?:s|es)?"] if words[-1][-1].isalnum() else [])


def alternation(alternatives: list[list[str]]) -> re.Pattern[str]:
    """One word-bounded alternation of atom lists, first listed first, as a trie (fast);
    it matches nothing when there are no alternatives."""
    return re.compile(r"(?<!\w)(?:" + (trie(alternatives) or "(?!)") + r")(?!\w)")


@lru_cache(maxsize=256)
def matcher(entries: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two alternations, longest first: lower-case entries over folded lower-case text, and
    entries with capitals (names) over folded text as written."""
    ordered = sorted(set(entries), key=len, reverse=True)
    lowered = [entry_atoms(e) for e in ordered if e == lower(e)]
    capital = [entry_atoms(e) for e in ordered if e != lower(e)]
    return alternation(lowered), alternation(capital)


def entry_keys(entries: tuple[str, ...]) -> frozenset[str] | None:
    """Words (``word_runs``) of which a text must hold one for ``matcher(entries)`` to find
    anything in it: a match starts a word, so the words of the folded lower-case text include
    each entry's first letters (its leading word characters), or for a one-word entry those
    with a plural ending. None when an entry starts with another character."""
    keys: set[str] = set()
    for entry in entries:
        words = lower(fold(entry)).split()
        lead = _WORD_RUN.match(words[0])
        if lead is None:
            return None
        keys.add(lead.group())
        if len(words) == 1 and lead.group() == words[0]:
            keys.update((words[0] + "s", words[0] + "es"))
    return frozenset(keys)


def word_runs(lowered: str) -> frozenset[str]:
    """The words (runs of word characters) of a folded lower-case text, as ``entry_keys``
    reads them."""
    return frozenset(_WORD_RUN.findall(lowered))


def fold_fields(fields: list[tuple[str, str, bool]]) -> list[tuple[str, str]]:
    """Each field's text folded, as written and in lower case: computed once per field."""
    folded = [fold(text) for text, _, _ in fields]
    return [(f, lower(f)) for f in folded]


def find_entries(entries: tuple[str, ...], folded: tuple[str, str]) -> list[tuple[int, int]]:
    """(start, end) of every entry found in a text (given as ``fold_fields``), in text order."""
    return matcher_spans(matcher(entries), folded)


def matcher_spans(patterns: tuple[re.Pattern[str], ...], folded: tuple[str, str]) -> list:
    """(start, end) of every match of a ``matcher`` in a text (given as ``fold_fields``)."""
    lowered, capital = patterns
    found = [m.span() for m in lowered.finditer(folded[1])]
    return sorted(found + [m.span() for m in capital.finditer(folded[0])])


@lru_cache(maxsize=1)
def country_table() -> tuple[re.Pattern[str], dict[str, str | None]]:
    """The pattern of every country form, and form -> country (None: not a country)."""
    data = data_yaml("affiliations.yaml")
    forms: dict[str, str | None] = {}
    for country, aliases in data["countries"].items():
        for form in (country, *(aliases or ())):
            forms[" ".join(fold(form).split())] = country
    for phrase in data.get("not_countries", ()):
        forms[" ".join(fold(phrase).split())] = None
    return alternation([entry_atoms(f) for f in sorted(forms, key=len, reverse=True)]), forms


def affiliation(
    texts: list[str], canonical: str | None = None, organisation_first: bool = False
) -> str | None:
    """Country (name, demonym or capital), else a possessive owner ("Balochistan's"), else a
    named organisation; an organisation's ``canonical`` name comes first when it alone
    decided the role."""
    named = _named_organisation(texts)
    order = (
        (canonical, named, _country(texts), _possessive(texts))
        if organisation_first
        else (_country(texts), _possessive(texts), named, canonical)
    )
    return next((a for a in order if a), None)


def _country(texts: list[str]) -> str | None:
    pattern, forms = country_table()
    for text in texts:
        for m in pattern.finditer(fold(text)):
            found = " ".join(m.group().split())
            country = forms.get(found, forms.get(found[:-1], forms.get(found[:-2])))
            if country:
                return country
    return None


def _possessive(texts: list[str]) -> str | None:
    for text in texts:
        for m in _POSSESSIVE.finditer(fold(text)):
            if m.group(1) not in _NOT_OWNERS:
                return text[m.start(1) : m.end(1)]
    return None


def _head_before_connector(words: list[str], heads: frozenset[str]) -> int | None:
    """Where a name with a head noun before `of`, `for` or `on` starts (`Roper Center for
    Public Opinion Research`): at the capitalised words just before the head (`CEO of the
    African Institute for ...` names the `African Institute for ...`); None if none."""
    for n in range(len(words) - 2):
        if words[n] in heads and words[n + 1] in _CONNECTORS and not _dated(words[n + 2]):
            start = n
            while start > 0 and words[start - 1][:1].isupper():
                start -= 1
            return start
    return None


def _dated(word: str) -> bool:
    """A day or month (`Punjab Police on Monday`): no part of a name."""
    return word.lower() in TIME_WORDS or word.lower() in MONTHS


def _named_organisation(texts: list[str]) -> str | None:
    heads = organisation_heads()
    for text in texts:
        for m in _NAMED.finditer(text):
            words = m.group().split()
            while words and words[-1][:1].islower():
                words.pop()
            if words and words[-1] in heads:
                return " ".join(words[1:] if words[0] == "The" else words)
            start = _head_before_connector(words, heads)
            if start is not None:
                return " ".join(words[start:])
    return None
