"""Stance of a quotation toward the targets a study declares (the `stance` quote field).

Rules, transparent: find target mentions (aliases, the speaker's own "we"), attach the
evaluative cues of ``data/stance_lexicon.yaml`` to them by clause and distance, flip negated
cues, halve conceded clauses, and sum. ``StanceClassifier`` and ``cross_validate_stance``
(in ``stance_model``, importable from here too) learn stance from coded quotes.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, chain
from typing import Any

from .frames import WORD, case_folded, scan
from .stance_lexicon import (
    CompiledTargets,
    CueLexicon,
    Target,
    compiled_targets,
    cue_lexicon,
    load_targets,
    side_of,
    speaker_side,  # noqa: F401 - part of this module's API
)
from .stance_model import cross_validate_stance  # noqa: F401 - part of this module's API

THRESHOLD = 0.3
SELF_WEIGHT = 0.5
CONCEDED_WEIGHT = 0.5
NEGATED_WEIGHT = 0.5
DIRECTED_WINDOW = 8
CLAUSE_WINDOW = 10
SENTENCE_WINDOW = 25
_COORDINATORS = frozenset({"and", "or", "nor"})
_PASSIVE_AUX = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got"})
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")
_GAP_WORD = re.compile(rf"(\W*)({WORD.pattern})")  # a word and the non-word run before it


@dataclass(frozen=True)
class StanceScore:
    """Stance toward one target: label, score in [-1, 1], and the words behind it."""

    label: str
    score: float
    evidence: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(self.score, 4), "evidence": list(self.evidence)}


def stance_record(scores: dict[str, StanceScore]) -> dict[str, dict[str, Any]]:
    """The quote record's ``stance`` field: ``{target: {"label", "score", "evidence"}}``."""
    return {name: score.as_dict() for name, score in scores.items()}


# ---------------------------------------------------------------- rule-based scoring


@dataclass(frozen=True)
class _Item:
    """A target mention or an evaluative cue, as word indices [first, last) and chars."""

    first: int
    last: int
    start: int
    end: int
    kind: str  # mention | self | loaded | directed | attributive
    polarity: int
    target: str | None


@dataclass(frozen=True)
class _Layout:
    """Words of a quote with their sentence, clause and per-clause weight."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentence: tuple[int, ...]
    clause: tuple[int, ...]
    weights: tuple[float, ...]


def _opens_yielding(low: str, gap: str, next_word: str, at_boundary: bool) -> bool:
    """'but' (not 'but also') anywhere; 'however', 'yet'... only after a boundary or comma
    (``low`` is one of the lexicon's yielding words)."""
    if next_word == "also":
        return False
    return low == "but" or at_boundary or "," in gap


def _breaks(gap: str, first: bool, conceding_open: bool) -> tuple[bool, bool]:
    """Whether the ``gap`` before a word starts a sentence, and whether it starts a clause."""
    new_sentence = first or bool(_SENTENCE_END.search(gap))
    return new_sentence, new_sentence or ";" in gap or ":" in gap or (conceding_open and "," in gap)


def _concede(weights: list[float], clause_sentence: list[int], sentence: int) -> None:
    """A yielding marker concedes the clause before it, or the whole previous sentence."""
    same = [c for c, cs in enumerate(clause_sentence) if cs == sentence]
    previous = [c for c, cs in enumerate(clause_sentence) if cs == sentence - 1]
    for c in same[-1:] or previous:
        weights[c] = CONCEDED_WEIGHT


def _layout(text: str, folded: str | None, lex: CueLexicon) -> _Layout:
    """Split a quote into sentences and clauses, and weigh conceded clauses down.

    Only a word after a gap other than one space, a yielding word or a conceding phrase can
    open a sentence or clause: the words between them take the clause of the one before.
    """
    lows, gaps, starts, ends = _words(text, folded)
    conceding_at = _conceding_starts(text, folded, starts, lex)
    opening = {i for i, gap in enumerate(gaps) if gap != " "}
    if not lex.yielding.isdisjoint(lows):
        opening.update(i for i, low in enumerate(lows) if low in lex.yielding)
    if conceding_at:
        opening.update(i for i, start in enumerate(starts) if start in conceding_at)
    sentence: list[int] = []
    clause: list[int] = []
    weights: list[float] = []
    clause_sentence: list[int] = []
    conceding_open, s = False, -1
    for i in sorted(opening | {0}) if lows else ():
        sentence += [s] * (i - len(sentence))
        clause += [len(weights) - 1] * (i - len(clause))
        new_sentence, boundary = _breaks(gaps[i], i == 0, conceding_open)
        low = lows[i]
        yielding = low in lex.yielding and _opens_yielding(
            low, gaps[i], lows[i + 1] if i + 1 < len(lows) else "", boundary
        )
        conceding = starts[i] in conceding_at
        s += new_sentence
        if boundary or yielding or conceding:
            if yielding:
                _concede(weights, clause_sentence, s)
            weights.append(CONCEDED_WEIGHT if conceding else 1.0)
            clause_sentence.append(s)
            conceding_open = conceding
        sentence.append(s)
        clause.append(len(weights) - 1)
    sentence += [s] * (len(lows) - len(sentence))
    clause += [len(weights) - 1] * (len(lows) - len(clause))
    return _Layout(text, lows, starts, ends, tuple(sentence), tuple(clause), tuple(weights))


def _words(text: str, folded: str | None) -> tuple[tuple[str, ...], tuple[str, ...], tuple, tuple]:
    """Lower-cased words (``WORD``) of ``text``, the gap before each, and their offsets."""
    pairs = _GAP_WORD.findall(text if folded is None else folded)
    if not pairs:
        return (), (), (), ()
    gaps, words = zip(*pairs, strict=True)
    bounds = tuple(accumulate(map(len, chain.from_iterable(pairs))))
    lows = words if folded is not None else tuple(word.lower() for word in words)
    return lows, gaps, bounds[::2], bounds[1::2]


def _conceding_starts(
    text: str, folded: str | None, starts: tuple[int, ...], lex: CueLexicon
) -> frozenset[int]:
    """Word starts where a conceding phrase ("even if") begins; one search rules most out."""
    pattern, subject = (lex.conceding, text) if folded is None else (lex.conceding_cased, folded)
    if pattern.search(subject) is None:
        return frozenset()
    return frozenset(p for p in starts if pattern.match(subject, p))


def _found(subject: str, cased: bool, compiled: CompiledTargets) -> list[tuple]:
    """Every scan's matches as (start, end, rank, kind, polarity, target), in the order
    overlaps are resolved: by start, the longer first, then by rank (loaded first)."""
    found: list[tuple] = []
    if cased:
        matched = scan(compiled.cased_patterns, compiled.cased_starts, subject)
    else:
        matched = scan(compiled.patterns, compiled.starts, subject)
    if not any(matched):  # most quotes
        return found
    for (rank, kind, pol, name, _), matches in zip(compiled.scans, matched, strict=True):
        found += [(m.start(), m.end(), rank, kind, pol, name) for m in matches]
    return sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2]))


def _items(
    layout: _Layout, found: list[tuple], side: str | None, selfs: frozenset[str]
) -> list[_Item]:
    """Mentions, loaded terms and cues (``_found``) where they do not overlap an earlier or
    longer one, and the speaker's references to its own ``side``."""
    items, last_end, starts = [], -1, layout.starts
    for start, end, _, kind, pol, name in found:
        first = bisect_left(starts, start)
        if first == len(starts) or starts[first] != start:
            continue  # inside a word: `support` in "militants'support"
        if start >= last_end:
            items.append(_Item(first, bisect_left(starts, end), start, end, kind, pol, name))
            last_end = end
    if side is not None:
        for i, low in enumerate(layout.words):
            if low in selfs and not any(it.first <= i < it.last for it in items):
                items.append(_Item(i, i + 1, layout.starts[i], layout.ends[i], "self", 0, side))
    return sorted(items, key=lambda it: it.first)


def _distance(a: _Item, b: _Item) -> int:
    return max(a.first - b.last, b.first - a.last, 0)


def _nearest(cue: _Item, mentions: list[_Item], layout: _Layout) -> list[_Item]:
    """The closest mention in the cue's clause, else in its sentence (ties: the earlier)."""
    for unit, window in ((layout.clause, CLAUSE_WINDOW), (layout.sentence, SENTENCE_WINDOW)):
        near = [
            m for m in mentions if unit[m.first] == unit[cue.first] and _distance(cue, m) <= window
        ]
        if near:
            return [min(near, key=lambda m: (_distance(cue, m), m.first > cue.first))]
    return []


def _following(cue: _Item, mentions: list[_Item], layout: _Layout) -> list[_Item]:
    """Mentions a directed cue points at: the next one, and any coordinated with it."""
    sent = layout.sentence[cue.first]
    after = [
        m
        for m in mentions
        if m.first >= cue.last
        and layout.sentence[m.first] == sent
        and m.first - cue.last <= DIRECTED_WINDOW
    ]
    if not after:
        passive = cue.first > 0 and layout.words[cue.first - 1] in _PASSIVE_AUX
        before = [
            m
            for m in mentions
            if m.last <= cue.first and layout.clause[m.first] == layout.clause[cue.first]
        ]
        return before[-1:] if passive else []
    chosen = [after[0]]
    for m in after[1:]:
        between = set(layout.words[chosen[-1].last : m.first])
        if not between & _COORDINATORS or m.first - chosen[-1].last > DIRECTED_WINDOW:
            break
        chosen.append(m)
    return chosen


def _negator(item: _Item, layout: _Layout, lex: CueLexicon) -> int | None:
    """Index of a negating word up to three words before ``item`` in its clause."""
    for k in range(item.first - 1, max(item.first - 4, -1), -1):
        if layout.clause[k] != layout.clause[item.first]:
            break
        if layout.words[k] in lex.negators or layout.words[k].endswith(("n't", "n’t")):
            return k
    return None


def _weighted(item: _Item, layout: _Layout, lex: CueLexicon) -> tuple[float, str]:
    """Signed weight of a cue or loaded term, and its evidence text (with any negator)."""
    weight = item.polarity * layout.weights[layout.clause[item.first]]
    neg = _negator(item, layout, lex)
    if neg is None:
        return weight, layout.text[item.start : item.end]
    return -weight * NEGATED_WEIGHT, layout.text[layout.starts[neg] : item.end]


def score_stance(
    text: str,
    targets: tuple[Target, ...] | None = None,
    speaker_role: str | None = None,
    speaker: str | None = None,
    speaker_affiliation: str | None = None,
    *,
    kind: str | None = None,
    threshold: float = THRESHOLD,
) -> dict[str, StanceScore]:
    """Stance of ``text`` toward each target; score = tanh(signed sum of cue weights).

    A cue weighs 1 (a conceded clause's 0.5; a negated cue flips and halves); a speaker
    speaking of its own side ("our forces") adds 0.5 toward it. ``kind="indirect"`` lets
    "it"/"he" refer back to the speaker. Label: favor/against at ``|score| >= threshold``.

    >>> targets = (Target("state", ("Pakistan", "government")),
    ...            Target("militants", ("militants",), against_terms=("terrorist*",)))
    >>> s = score_stance("We stand in solidarity with Pakistan in the face of these acts of "
    ...                  "terrorist violence", targets, speaker_affiliation="United States")
    >>> s["state"].label, s["state"].evidence, s["militants"].label
    ('favor', ('solidarity with',), 'against')
    """
    compiled = compiled_targets(load_targets() if targets is None else targets)
    side = side_of(compiled, speaker_role, speaker, speaker_affiliation)
    totals, evidence = _totals(text, compiled, side, kind)
    return {name: _label(totals[name], evidence[name], threshold) for name in totals}


def stance_fields(
    text: str,
    targets: tuple[Target, ...] | None = None,
    speaker_role: str | None = None,
    speaker: str | None = None,
    speaker_affiliation: str | None = None,
    *,
    kind: str | None = None,
    threshold: float = THRESHOLD,
) -> dict[str, dict[str, Any]]:
    """``stance_record(score_stance(...))``, built without the ``StanceScore`` records."""
    speakers = [(speaker_role, speaker, speaker_affiliation)]
    return article_stance_fields([text], speakers, [kind], targets, threshold)[0]


def article_stance_fields(
    texts: Sequence[str],
    speakers: Sequence[tuple[str | None, str | None, str | None]],
    kinds: Sequence[str | None],
    targets: tuple[Target, ...] | None = None,
    threshold: float = THRESHOLD,
) -> list[dict[str, dict[str, Any]]]:
    """``stance_fields`` of each quote of an article, given its text, its speaker's role, name
    and affiliation, and its kind: the targets are looked up and each speaker's side found
    once for the article (its speakers repeat from quote to quote)."""
    compiled = compiled_targets(load_targets() if targets is None else targets)
    sides: dict[tuple, str | None] = {}
    records = []
    for text, speaker, kind in zip(texts, speakers, kinds, strict=True):
        if speaker not in sides:
            sides[speaker] = side_of(compiled, *speaker)
        totals, evidence = _totals(text, compiled, sides[speaker], kind)
        records.append(_fields(totals, evidence, threshold))
    return records


def _fields(
    totals: dict[str, float], evidence: dict[str, list[str]], threshold: float
) -> dict[str, dict[str, Any]]:
    """The ``stance`` field of one quote from its targets' sums and evidence."""
    fields = {}
    for name, total in totals.items():
        score = math.tanh(total)
        fields[name] = {
            "label": _label_of(score, threshold),
            "score": round(score, 4),
            "evidence": evidence[name],
        }
    return fields


def _totals(
    text: str, compiled: CompiledTargets, side: str | None, kind: str | None
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each target's signed sum of cue weights and its evidence; ``side``: the target the
    speaker speaks for (``side_of``)."""
    lex = cue_lexicon()
    selfs = lex.self_indirect if kind == "indirect" else lex.self_direct
    folded = case_folded(text)
    found = _found(text if folded is None else folded, folded is not None, compiled)
    totals = dict.fromkeys(compiled.names, 0.0)
    evidence: dict[str, list[str]] = {name: [] for name in compiled.names}
    if found or (side is not None and _names_self(text, folded, selfs)):  # else no items
        layout = _layout(text, folded, lex)
        _weigh(_items(layout, found, side, selfs), layout, lex, totals, evidence)
    return totals, evidence


def _names_self(text: str, folded: str | None, selfs: frozenset[str]) -> bool:
    """Whether a word of ``text`` is a self-reference ("we", "our")."""
    if folded is not None:
        return not selfs.isdisjoint(WORD.findall(folded))
    return not selfs.isdisjoint(map(str.lower, WORD.findall(text)))


def _weigh(
    items: list[_Item], layout: _Layout, lex: CueLexicon, totals: dict, evidence: dict
) -> None:
    """Add each cue's and self-reference's weight (and words) to the targets it bears on."""
    mentions = [it for it in items if it.kind in ("mention", "self")]
    own = next((it for it in mentions if it.kind == "self"), None)
    if own is not None:
        totals[own.target] += SELF_WEIGHT
        evidence[own.target].append(layout.text[own.start : own.end])
    for item in items:
        if item.kind == "loaded":
            hit = [item]
        elif item.kind == "directed":
            hit = _following(item, mentions, layout)
        elif item.kind == "attributive":
            hit = _nearest(item, mentions, layout)
        else:
            continue
        weight, words = _weighted(item, layout, lex)
        for name in dict.fromkeys(m.target for m in hit):
            totals[name] += weight
            evidence[name].append(words)


def _label(total: float, evidence: list[str], threshold: float) -> StanceScore:
    score = math.tanh(total)
    return StanceScore(_label_of(score, threshold), score, tuple(evidence))


def _label_of(score: float, threshold: float) -> str:
    return "favor" if score >= threshold else "against" if score <= -threshold else "none"


def __getattr__(name: str) -> Any:
    """``StanceClassifier`` lives in ``stance_model`` (scikit-learn is imported on first use)."""
    if name == "StanceClassifier":
        from . import stance_model

        return stance_model.StanceClassifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
