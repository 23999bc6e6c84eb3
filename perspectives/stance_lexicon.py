"""Stance targets and cue lexicon, read and compiled once for ``perspectives.stance``.

Targets come from a study's ``targets:`` (or the defaults of ``data/stance_lexicon.yaml``);
cues, negators and concession words from that file. Patterns are compiled once per target
set, in both case-blind and lower-case (``frames.cased``) form, so scoring only runs them;
``speaker_side`` reads which target a speaker speaks for from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .frames import cased, starts_pattern, term_pattern
from .resources import data_yaml, user_yaml

KINDS = ("directed", "attributive")
SIDES = ("favor", "against")
# One scan of a quote: (rank, kind, polarity, target name, pattern, its lower-case form).
Scan = tuple[int, str, int, str | None, re.Pattern[str], re.Pattern[str]]


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
        target_patterns(target, source)  # fail on a bad term now, naming the file
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


@dataclass(frozen=True)
class CueLexicon:
    """The evaluative cues (as scans), negators, concession and self-reference words."""

    cues: tuple[Scan, ...]
    cue_terms: tuple[str, ...]
    negators: frozenset[str]
    yielding: frozenset[str]
    conceding: re.Pattern[str]
    conceding_cased: re.Pattern[str]
    self_direct: frozenset[str]
    self_indirect: frozenset[str]


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue lexicon of ``data/stance_lexicon.yaml``, read once."""
    raw, src = data_yaml("stance_lexicon.yaml"), "stance_lexicon.yaml"
    lists = [(kind, side, tuple(raw[kind][side])) for kind in KINDS for side in SIDES]
    cues = [
        (kind, 1 if side == "favor" else -1, term_pattern(terms, src))
        for kind, side, terms in lists
    ]
    conceding = term_pattern(tuple(raw["concession"]["conceding"]), src)
    words = lambda key: frozenset(w.lower() for w in key)  # noqa: E731
    return CueLexicon(
        cues=tuple((2, kind, pol, None, pat, cased(pat)) for kind, pol, pat in cues),
        cue_terms=tuple(term for _, _, terms in lists for term in terms),
        negators=words(raw["negators"]),
        yielding=words(raw["concession"]["yielding"]),
        conceding=conceding,
        conceding_cased=cased(conceding),
        self_direct=words(raw["self_reference"]["direct"]),
        self_indirect=words(raw["self_reference"]["indirect"]),
    )


@lru_cache(maxsize=512)
def target_patterns(target: Target, source: str = "targets") -> tuple[re.Pattern[str], ...]:
    """Patterns for a target's aliases, loaded favour/against terms, and its bare names."""
    bare = tuple(re.sub(r"^the\s+", "", a.strip(), flags=re.IGNORECASE) for a in target.aliases)
    return (
        term_pattern(target.aliases, source),
        term_pattern(target.favor_terms, source),
        term_pattern(target.against_terms, source),
        term_pattern(bare, source),
    )


@lru_cache(maxsize=64)
def target_scans(targets: tuple[Target, ...]) -> tuple[Scan, ...]:
    """Every scan of a quote for ``targets``, in the order ties are broken: per target its
    favour and against terms (rank 0), then its aliases (rank 1); then the cues (rank 2)."""
    scans: list[Scan] = []
    for target in targets:
        alias, favor, against, _ = target_patterns(target)
        for rank, kind, pol, terms, pattern in (
            (0, "loaded", 1, target.favor_terms, favor),
            (0, "loaded", -1, target.against_terms, against),
            (1, "mention", 0, target.aliases, alias),
        ):
            if terms:  # a pattern of no terms finds nothing
                scans.append((rank, kind, pol, target.name, pattern, cased(pattern)))
    return (*scans, *cue_lexicon().cues)


@lru_cache(maxsize=64)
def scans_starts(targets: tuple[Target, ...]) -> tuple[re.Pattern[str] | None, ...]:
    """``frames.starts_pattern`` of every term ``target_scans`` looks for: case-blind, and
    cased for lower-cased text (None, None when a term can match the empty string)."""
    terms = [t for target in targets for t in (*target.aliases, *target.favor_terms)]
    terms += [t for target in targets for t in target.against_terms]
    every = starts_pattern((*terms, *cue_lexicon().cue_terms), "targets")
    return every, every and cased(every)


@dataclass(frozen=True)
class CompiledTargets:
    """What scoring a quote needs of a target set, looked up once per quote: the scans, their
    patterns and ``scans_starts`` (case-blind, then cased), and each target's bare-name
    pattern and speaker roles (for ``speaker_side``)."""

    names: tuple[str, ...]
    scans: tuple[Scan, ...]
    patterns: tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]
    starts: tuple[re.Pattern[str] | None, ...]
    bare: tuple[tuple[str, re.Pattern[str]], ...]
    speaker_roles: tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=64)
def compiled_targets(targets: tuple[Target, ...]) -> CompiledTargets:
    """The ``CompiledTargets`` of ``targets``, built once."""
    scans = target_scans(targets)
    return CompiledTargets(
        names=tuple(t.name for t in targets),
        scans=scans,
        patterns=(tuple(one[4] for one in scans), tuple(one[5] for one in scans)),
        starts=scans_starts(targets),
        bare=tuple((t.name, target_patterns(t)[3]) for t in targets),
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
