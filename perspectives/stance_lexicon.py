"""Stance targets and cue lexicon, read and compiled once for ``perspectives.stance``.

Targets come from a study's ``targets:`` (or the defaults of ``data/stance_lexicon.yaml``);
cues, negators and concession words from that file. Patterns are compiled once per target
set, for lower-cased text (``frames.lower_term_pattern``: nearly every quote) when the set is
first scored and case-blind when a quote first needs them, so scoring only runs them;
``speaker_side`` reads which target a speaker speaks for from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .frames import (
    lower_starts_pattern,
    lower_term_pattern,
    starts_pattern,
    term_pattern,
    terms_regex,
)
from .resources import data_yaml, user_yaml

KINDS = ("directed", "attributive")
SIDES = ("favor", "against")
# One scan of a quote: (rank, kind, polarity, target name, the terms it looks for).
Scan = tuple[int, str, int, str | None, tuple[str, ...]]


@dataclass(frozen=True)
class Target:
    """Something stance is taken toward: a name, the words naming it, who speaks for it."""

    name: str
    aliases: tuple[str, ...]
    speaker_roles: tuple[str, ...] = ()
    favor_terms: tuple[str, ...] = ()
    against_terms: tuple[str, ...] = ()

    def __hash__(self) -> int:
        """The name's hash: target sets key the compiled scans, looked up for every quote."""
        return hash(self.name)


def _str_list(entry: dict, key: str, source: str, name: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ConfigError(source, f"target {name!r}: '{key}' must be a list of words")
    return tuple(values)


def _parse_targets(raw: Any, source: str) -> tuple[Target, ...]:
    table = raw.get("targets") if isinstance(raw, dict) else None
    if not isinstance(table, dict) or not table:
        raise ConfigError(source, "expected a non-empty 'targets:' mapping")
    targets = []
    for name, entry in table.items():
        entry = {"aliases": entry} if isinstance(entry, list) else entry
        if not isinstance(entry, dict) or not entry.get("aliases"):
            raise ConfigError(source, f"target {name!r} needs a list of aliases")
        fields = ("aliases", "speaker_roles", "favor_terms", "against_terms")
        target = Target(str(name), *(_str_list(entry, f, source, name) for f in fields))
        _check_terms(target, source)
        targets.append(target)
    return tuple(targets)


@lru_cache(maxsize=1)
def _default_targets() -> tuple[Target, ...]:
    return _parse_targets(data_yaml("stance_lexicon.yaml"), "stance_lexicon.yaml")


def load_targets(path: str | Path | None = None) -> tuple[Target, ...]:
    """A study's stance targets (``targets:`` of its YAML), or the shipped defaults.

    The defaults are a ``state`` and the ``militants`` opposing it
    (``data/stance_lexicon.yaml``); ``seeds/study.yaml`` shows the file shape.
    """
    return _default_targets() if path is None else _parse_targets(user_yaml(path), str(path))


def _check_terms(target: Target, source: str) -> None:
    """Fail on a bad term of ``target`` now, naming the file (patterns are compiled when the
    targets are first scored)."""
    for terms in (target.aliases, target.favor_terms, target.against_terms, _bare(target)):
        terms_regex(terms, source)


@dataclass(frozen=True)
class CueLexicon:
    """The evaluative cues (as scans), negators, concession and self-reference words."""

    cues: tuple[Scan, ...]
    cue_terms: tuple[str, ...]
    negators: frozenset[str]
    yielding: frozenset[str]
    conceding_terms: tuple[str, ...]
    conceding_cased: re.Pattern[str]
    self_direct: frozenset[str]
    self_indirect: frozenset[str]

    @cached_property
    def conceding(self) -> re.Pattern[str]:
        """The case-blind form of ``conceding_cased``, for a quote that cannot be lower-cased."""
        return term_pattern(self.conceding_terms, "stance_lexicon.yaml")


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue lexicon of ``data/stance_lexicon.yaml``, read once."""
    raw, src = data_yaml("stance_lexicon.yaml"), "stance_lexicon.yaml"
    lists = [(kind, side, tuple(raw[kind][side])) for kind in KINDS for side in SIDES]
    for _, _, terms in lists:
        terms_regex(terms, src)  # a bad cue is an error now
    conceding = tuple(raw["concession"]["conceding"])
    words = lambda key: frozenset(w.lower() for w in key)  # noqa: E731
    return CueLexicon(
        cues=tuple(
            (2, kind, 1 if side == "favor" else -1, None, terms) for kind, side, terms in lists
        ),
        cue_terms=tuple(term for _, _, terms in lists for term in terms),
        negators=words(raw["negators"]),
        yielding=words(raw["concession"]["yielding"]),
        conceding_terms=conceding,
        conceding_cased=lower_term_pattern(conceding, src),
        self_direct=words(raw["self_reference"]["direct"]),
        self_indirect=words(raw["self_reference"]["indirect"]),
    )


def _bare(target: Target) -> tuple[str, ...]:
    """A target's aliases without a leading "the": the names a speaker is matched by."""
    return tuple(re.sub(r"^the\s+", "", a.strip(), flags=re.IGNORECASE) for a in target.aliases)


@lru_cache(maxsize=64)
def target_scans(targets: tuple[Target, ...]) -> tuple[Scan, ...]:
    """Every scan of a quote for ``targets``, in the order ties are broken: per target its
    favour and against terms (rank 0), then its aliases (rank 1); then the cues (rank 2)."""
    scans: list[Scan] = []
    for target in targets:
        for rank, kind, pol, terms in (
            (0, "loaded", 1, target.favor_terms),
            (0, "loaded", -1, target.against_terms),
            (1, "mention", 0, target.aliases),
        ):
            if terms:  # a pattern of no terms finds nothing
                scans.append((rank, kind, pol, target.name, terms))
    return (*scans, *cue_lexicon().cues)


@dataclass(frozen=True)
class CompiledTargets:
    """What scoring a quote needs of a target set, looked up once per quote: the scans, their
    patterns and their ``starts_pattern`` (for lower-cased text; case-blind ones compiled on
    first use), and each target's bare-name pattern and speaker roles (for ``speaker_side``)."""

    names: tuple[str, ...]
    scans: tuple[Scan, ...]
    cased_patterns: tuple[re.Pattern[str], ...]
    cased_starts: re.Pattern[str] | None
    bare: tuple[tuple[str, re.Pattern[str]], ...]
    speaker_roles: tuple[tuple[str, tuple[str, ...]], ...]

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """The scans' case-blind patterns, for a quote ``case_folded`` cannot lower."""
        return tuple(term_pattern(scan[4], "targets") for scan in self.scans)

    @cached_property
    def starts(self) -> re.Pattern[str] | None:
        """The case-blind ``starts_pattern`` of every term the scans look for."""
        return starts_pattern(_scanned_terms(self.scans), "targets")


def _scanned_terms(scans: tuple[Scan, ...]) -> tuple[str, ...]:
    """Every term of ``scans``."""
    return tuple(term for scan in scans for term in scan[4])


@lru_cache(maxsize=64)
def compiled_targets(targets: tuple[Target, ...]) -> CompiledTargets:
    """The ``CompiledTargets`` of ``targets``, built once."""
    scans = target_scans(targets)
    return CompiledTargets(
        names=tuple(t.name for t in targets),
        scans=scans,
        cased_patterns=tuple(lower_term_pattern(scan[4], "targets") for scan in scans),
        cased_starts=lower_starts_pattern(_scanned_terms(scans), "targets"),
        bare=tuple((t.name, term_pattern(_bare(t), "targets")) for t in targets),
        speaker_roles=tuple((t.name, t.speaker_roles) for t in targets),
    )


def speaker_side(
    targets: tuple[Target, ...],
    speaker_role: str | None = None,
    speaker: str | None = None,
    speaker_affiliation: str | None = None,
) -> str | None:
    """The target a speaker speaks for: named by affiliation or name, else by role.

    The longest alias wins ("Baloch Liberation Army" is not the army). A stated affiliation
    that names no target (a foreign government) means no side.
    """
    return side_of(compiled_targets(targets), speaker_role, speaker, speaker_affiliation)


def side_of(
    compiled: CompiledTargets, role: str | None, speaker: str | None, affiliation: str | None
) -> str | None:
    """``speaker_side`` of compiled targets."""
    for name in (affiliation, speaker):
        found = name and [
            (len(m.group()), target) for target, bare in compiled.bare for m in bare.finditer(name)
        ]
        if found:
            return max(found)[1]
    if affiliation:
        return None
    return next((t for t, roles in compiled.speaker_roles if role and role in roles), None)
