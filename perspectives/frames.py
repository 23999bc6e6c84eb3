"""Score a quotation for news frames with transparent lexicons (the `frames` quote field).

Frames are Semetko & Valkenburg's (2000) conflict, human interest, economic, morality and
responsibility plus `security`; each is a list of terms in ``data/frames.yaml`` that a study
can extend or replace. Every score keeps the words that produced it.

Scoring: ``score = min(1, hits / sqrt(n_words))``. It is 0 without hits, grows with hits,
and the square root keeps one hit in a short quote (1/sqrt(8) = 0.35 for eight words) from
weighing like one hit in a long one (1/sqrt(100) = 0.1) without letting length drown it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .resources import data_yaml, user_yaml

WORD = re.compile(r"\w+(?:['’]\w+)*")
_TERM_CHARS = re.compile(r"^[\w\s'’.*-]+$")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _word_atoms(word: str) -> list[str]:
    """One word of a term as regex atoms: hyphens optional, apostrophes either kind, trailing
    * = prefix. An atom is one character (escaped) or one character class."""
    prefix = word.endswith("*")
    core = word[:-1] if prefix else word
    atoms: list[str] = []
    for i, part in enumerate(core.split("-")):
        atoms += [r"[\s-]?"] if i else []
        atoms += ["['’]" if ch == "'" else re.escape(ch) for ch in part.replace("’", "'")]
    return atoms + ([r"\w*"] if prefix else [])


# A term starts a word as ``WORD`` reads words: not after a letter, nor after a letter and an
# apostrophe (`my’family`, `militants'support` are one word each).
TERM_START = r"(?<!\w)(?<!\w['’])"


def _term_atoms(term: str, source: str) -> list[str]:
    words = term.strip().lower().split()
    if not words or not _TERM_CHARS.match(term) or any("*" in w[:-1] for w in words):
        raise ConfigError(source, f"invalid lexicon term {term!r}")
    atoms = _word_atoms(words[0])
    for word in words[1:]:
        atoms += [r"[\s-]+", *_word_atoms(word)]
    return atoms


def term_regex(term: str, source: str = "lexicon") -> str:
    """The regular expression for one lexicon term (syntax in ``data/frames.yaml``)."""
    return "".join(_term_atoms(term, source))


def _ascii_literal(atom: str) -> bool:
    return atom.isascii() and (len(atom) == 1 or (len(atom) == 2 and atom[0] == "\\"))


def trie(alternatives: list[list[str]]) -> str:
    """The alternation of ``alternatives`` (atom lists, in priority order) with common
    leading characters factored out, so the regex engine tries far fewer branches.

    Only runs of alternatives opening with distinct ASCII characters are regrouped: no text
    character matches two of them, so which alternative matches first is unchanged.
    """
    return "|".join(_trie_branches(alternatives))


def _trie_branches(alternatives: list[list[str]]) -> list[str]:
    """The branches of ``trie``'s alternation, in order. A shared prefix with one branch
    after it is written as one run of characters, not a group per character: the same
    pattern, cheaper for ``re`` to parse (country and role lists)."""
    groups: list[tuple[str | None, list[list[str]]]] = []
    run: dict[str, list[list[str]]] = {}
    for atoms in alternatives:
        head = atoms[0] if atoms else ""
        if head and _ascii_literal(head):
            if head not in run:
                run[head] = []
                groups.append((head, run[head]))
            run[head].append(atoms[1:])
        else:
            groups.append((None, [atoms]))
            run = {}
    return [
        "".join(rests[0]) if head is None else head + _after_prefix(rests) for head, rests in groups
    ]


def _after_prefix(rests: list[list[str]]) -> str:
    """The alternatives that follow a shared prefix, as one regex piece; a last atom they all
    end with (a plural ending) is written once, after them: ``(?:Xs|Ys)`` is ``(?:X|Y)s``
    (the same matches, tried in the same order), and ``re`` parses it faster."""
    last = rests[0][-1] if rests[0] else ""  # atoms are never empty
    if last and len(rests) > 1 and all(rest and rest[-1] == last for rest in rests):
        return _grouped(_trie_branches([rest[:-1] for rest in rests])) + last
    return _grouped(_trie_branches(rests))


def _grouped(branches: list[str]) -> str:
    """``branches`` as one regex piece to follow a prefix: a group only when there are two or
    more (a single branch is a plain sequence of atoms)."""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@lru_cache(maxsize=256)
def terms_regex(terms: tuple[str, ...], source: str = "lexicon") -> str:
    """The regular expression of ``term_pattern`` (longer terms first), not compiled: a bad
    term is a ConfigError naming ``source``."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    if not ordered:
        return r"(?!x)x"
    body = trie([_term_atoms(t, source) for t in ordered])
    return rf"{TERM_START}(?:{body})(?!\w)"


@lru_cache(maxsize=256)
def term_pattern(terms: tuple[str, ...], source: str = "lexicon") -> re.Pattern[str]:
    """One case-insensitive pattern for all ``terms``; longer terms win at a position."""
    return re.compile(terms_regex(terms, source), re.IGNORECASE)


@lru_cache(maxsize=256)
def lower_term_pattern(terms: tuple[str, ...], source: str = "lexicon") -> re.Pattern[str]:
    """``term_pattern`` for lower-cased text (``case_folded``), which is nearly every text:
    without IGNORECASE it matches faster and compiles in well under half the time."""
    return re.compile(terms_regex(terms, source))


@lru_cache(maxsize=64)
def _starts_regex(terms: tuple[str, ...], source: str) -> str:
    """The regular expression of ``starts_pattern``."""
    body = trie([list(atoms) for atoms in sorted({tuple(_term_atoms(t, source)) for t in terms})])
    return rf"{TERM_START}(?=(?:{body})(?!\w))"


@lru_cache(maxsize=64)
def starts_pattern(terms: tuple[str, ...], source: str = "lexicon") -> re.Pattern[str] | None:
    """Empty matches where some term of ``terms`` matches: the only places its patterns need
    trying (``scan``). None when a term can match the empty string (finditer is then kept)."""
    if lower_starts_pattern(terms, source) is None:
        return None
    return re.compile(_starts_regex(terms, source), re.IGNORECASE)


@lru_cache(maxsize=64)
def lower_starts_pattern(terms: tuple[str, ...], source: str = "lexicon") -> re.Pattern[str] | None:
    """``starts_pattern`` for lower-cased text (as ``lower_term_pattern``)."""
    pattern = re.compile(_starts_regex(terms, source))
    # It matches the empty text exactly when a term does (also when there are no terms).
    return None if pattern.fullmatch("") else pattern


def scan(
    patterns: Iterable[re.Pattern[str]], starts: re.Pattern[str] | None, subject: str
) -> list[list[re.Match[str]]]:
    """Each pattern's ``finditer`` matches, tried only where ``starts`` (``starts_pattern`` of
    all their terms, cased alike) found a term: one scan of the text instead of one each."""
    if starts is None:
        return [list(p.finditer(subject)) for p in patterns]
    at = [m.start() for m in starts.finditer(subject)]
    if not at:  # most texts: no term anywhere
        return [[] for _ in patterns]
    found = []
    for pattern in patterns:
        matches, end = [], 0
        for position in at:
            if position >= end and (m := pattern.match(subject, position)):
                matches.append(m)
                end = m.end()
        found.append(matches)
    return found


def case_folded(text: str) -> str | None:
    """``text`` lower-cased, when lower-case patterns matched on it find exactly what their
    case-insensitive forms find in ``text`` (no non-ASCII cased letters); else None. Only
    the non-ASCII characters are looked at, found by a regex (one quote in six has a curly
    quote or a dash; a set of all its characters cost more than the rest of the check)."""
    if not text.isascii() and any(
        c.lower() != c or c.upper() != c for c in set(_NON_ASCII.findall(text))
    ):
        return None
    return text.lower()


@lru_cache(maxsize=512)
def cased(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE, for lower-cased text (case-blind matching is slow)."""
    return re.compile(pattern.pattern)


def find_terms(pattern: re.Pattern[str], text: str, folded: str | None) -> list[tuple[int, int]]:
    """Spans of ``pattern`` in ``text``, matched on ``folded`` (``case_folded(text)``) if set."""
    if folded is None:
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in cased(pattern).finditer(folded)]


def word_count(text: str) -> int:
    """Number of words (letters/digits, with inner apostrophes) in ``text``."""
    return len(WORD.findall(text))


@dataclass(frozen=True)
class FrameScore:
    """How strongly a text carries one frame, and the words that say so."""

    score: float
    evidence: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 4), "evidence": list(self.evidence)}


_NONE = FrameScore(0.0)  # the score of every frame without hits (most): shared, immutable


@dataclass(frozen=True)
class FrameLexicon:
    """Frame name -> terms; the patterns are compiled on first use and kept (a run that does
    not score compiles none, and the case-blind ones only for a text that needs them)."""

    frames: Mapping[str, tuple[str, ...]]
    source: str = "frames.yaml"

    def __post_init__(self) -> None:
        """Check every term now (``terms_regex``, nothing compiled): a bad one is a
        ConfigError naming the file."""
        for terms in self.frames.values():
            terms_regex(tuple(terms), self.source)

    @property
    def _every_term(self) -> tuple[str, ...]:
        """All frames' terms, for the one ``starts_pattern`` of them."""
        return tuple(t for terms in self.frames.values() for t in terms)

    @cached_property
    def cased_patterns(self) -> dict[str, re.Pattern[str]]:
        """Each frame's ``lower_term_pattern``, for lower-cased text."""
        return {
            name: lower_term_pattern(tuple(terms), self.source)
            for name, terms in self.frames.items()
        }

    @cached_property
    def cased_starts(self) -> re.Pattern[str] | None:
        """``lower_starts_pattern`` of every term, for lower-cased text."""
        return lower_starts_pattern(self._every_term, self.source)

    @cached_property
    def patterns(self) -> dict[str, re.Pattern[str]]:
        """Each frame's case-blind ``term_pattern``, for text ``case_folded`` cannot lower."""
        return {
            name: term_pattern(tuple(terms), self.source) for name, terms in self.frames.items()
        }

    @cached_property
    def starts(self) -> re.Pattern[str] | None:
        """``starts_pattern`` of every term, case-blind."""
        return starts_pattern(self._every_term, self.source)


def _parse_frames(raw: Any, source: str) -> dict[str, tuple[str, ...]]:
    """``{frames: {name: {terms: [...]}}}`` (or ``name: [...]``) -> name -> terms."""
    table = raw.get("frames") if isinstance(raw, dict) else None
    if not isinstance(table, dict) or not table:
        raise ConfigError(source, "expected a non-empty 'frames:' mapping")
    frames = {}
    for name, entry in table.items():
        terms = entry.get("terms") if isinstance(entry, dict) else entry
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ConfigError(source, f"frame {name!r} needs a list of terms")
        frames[str(name)] = tuple(terms)
    return frames


@lru_cache(maxsize=1)
def _default_frames() -> FrameLexicon:
    return FrameLexicon(_parse_frames(data_yaml("frames.yaml"), "frames.yaml"))


def load_frames(path: str | Path | None = None, extend: bool = True) -> FrameLexicon:
    """The shipped frame lexicon, or a study's file merged into it (``extend``) or alone.

    Merging adds the study's terms to frames of the same name and adds new frames.
    """
    default = _default_frames()
    if path is None:
        return default
    study = _parse_frames(user_yaml(path), str(path))
    if not extend:
        return FrameLexicon(study, str(path))
    merged = {name: tuple(terms) for name, terms in default.frames.items()}
    for name, terms in study.items():
        merged[name] = merged.get(name, ()) + tuple(
            t for t in terms if t not in merged.get(name, ())
        )
    return FrameLexicon(merged, str(path))


def score_frames(text: str, lexicon: FrameLexicon | None = None) -> dict[str, FrameScore]:
    """Score ``text`` for every frame of ``lexicon`` (default: the shipped one).

    >>> s = score_frames("My shop is destroyed. How will I feed my family now?")
    >>> s["human_interest"].evidence
    ('My', 'feed', 'my', 'family')
    """
    evidence, root = _frame_evidence(text, lexicon or _default_frames())
    return {
        name: FrameScore(min(1.0, len(words) / root), words) if words else _NONE
        for name, words in evidence.items()
    }


def frames_fields(text: str, lexicon: FrameLexicon | None = None) -> dict[str, dict[str, Any]]:
    """``frames_record(score_frames(text, lexicon))``, built without the ``FrameScore``
    records (a corpus run writes the record alone)."""
    evidence, root = _frame_evidence(text, lexicon or _default_frames())
    return {
        name: {"score": round(min(1.0, len(words) / root), 4), "evidence": list(words)}
        if words
        else {"score": 0.0, "evidence": []}
        for name, words in evidence.items()
    }


def _frame_evidence(text: str, lexicon: FrameLexicon) -> tuple[dict[str, tuple[str, ...]], float]:
    """Each frame's evidence in ``text`` (the words its terms matched, in order) and the
    square root of the text's word count that scores divide by (1 when no frame has any)."""
    folded = case_folded(text)
    if folded is None:
        patterns, starts, subject = lexicon.patterns, lexicon.starts, text
    else:
        patterns, starts, subject = lexicon.cased_patterns, lexicon.cased_starts, folded
    found = scan(patterns.values(), starts, subject)
    if not any(found):  # half the quotes
        return dict.fromkeys(patterns, ()), 1.0
    evidence = {
        name: tuple([text[m.start() : m.end()] for m in matches])
        for name, matches in zip(patterns, found, strict=True)
    }
    return evidence, math.sqrt(word_count(text)) or 1.0


def frames_record(scores: Mapping[str, FrameScore]) -> dict[str, dict[str, Any]]:
    """The quote record's ``frames`` field: ``{frame: {"score", "evidence"}}``; frames
    without hits (most) get their zero record without rounding."""
    return {
        name: {"score": 0.0, "evidence": []} if score is _NONE else score.as_dict()
        for name, score in scores.items()
    }


def frame_names(lexicon: FrameLexicon | None = None) -> tuple[str, ...]:
    """The frames a lexicon scores, in file order."""
    return tuple((lexicon or _default_frames()).frames)
