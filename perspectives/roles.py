"""Give each speaker a role from a taxonomy, and an affiliation where the text names one.

Rules read the speaker's name, in-text mention and description against the taxonomy's word
lists (``data/roles.yaml`` or a study's own file; countries in ``data/affiliations.yaml``);
a researcher's override file wins over them. Every assignment keeps the words it came from
and the name of the rule that chose it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .affiliation import (
    affiliation,
    context_fields,
    country_table,
    entry_keys,
    find_entries,
    fold,
    fold_fields,
    key,
    lower,
    matcher,
    matcher_spans,
    speaker_fields,
    word_runs,
)
from .errors import ConfigError
from .resources import data_yaml, user_yaml

DEFAULT_SOURCE = "perspectives/data/roles.yaml"
# Rule names: override file; former office holder; a title before the name; an apposition
# after it; an organisation's name alone; the words around the name in ``context``; the body
# a possessive refers back to (``owned_roles``); another quote of the same speaker in the
# article (``same_speaker``); default.
RULES = (
    "override", "former", "title", "apposition", "organisation", "context", "owner",
    "same-speaker", "default",
)  # fmt: skip
# A mention or description that names its owner by reference (`Its spokesman`, `the group's
# spokesman`): the speaker speaks for the body quoted last.
_OWNER_REFERENCE = re.compile(
    r"(?:its|the (?:group|outfit|organi[sz]ation|movement)['’]s?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:spokes\w+|leaders?|chiefs?|commanders?|heads?|officials?|representatives?)\b",
    re.IGNORECASE,
)

_NEXT_NAME = re.compile(r"\s+[A-Z]")
# After an organisation's name: it leads, runs or backs the body that speaks, or it is that
# body's government (`Taliban-led government`, `government-backed militia`, `Taliban
# government`), so the name says nothing of the speaker's role.
_GOVERNING = re.compile(
    r"[-\s](?:led|run|backed|controlled|installed|appointed)\b|\s+(?:government|administration|regime)\b"
)
_LEADING_THE = re.compile(r"^\s*the\s+|\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """One word list of a taxonomy: titles and organisation names that signal ``role``."""

    name: str
    role: str
    titles: tuple[str, ...] = ()
    organisations: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (canonical name, forms)
    not_with: tuple[str, ...] = ()  # a title beside one of these is not this role's

    @cached_property
    def matchers(self) -> tuple[tuple, tuple, dict[str, str]]:
        """Title and organisation patterns (``matcher``), and folded form -> canonical name;
        built on first use and kept, as scoring asks for them for every quote."""
        names = {key(f): name for name, fs in self.organisations for f in fs}
        return matcher(self.titles), matcher(self._forms), names

    @cached_property
    def keys(self) -> frozenset[str] | None:
        """``entry_keys`` of the titles and organisations: a field without one of these
        words holds none of them (None: any field may)."""
        return entry_keys(self.titles + self._forms)

    @cached_property
    def not_with_written(self) -> frozenset[str]:
        """The ``not_with`` entries written with a capital (`NGO`, `Inc`): matched as written."""
        return frozenset(w for w in self.not_with if not w.islower())

    @property
    def _forms(self) -> tuple[str, ...]:
        """Every organisation's forms (names and aliases)."""
        return tuple(form for _, forms in self.organisations for form in forms)


@dataclass(frozen=True)
class Taxonomy:
    """A study's roles (name, definition), its lexicons in precedence order, the rule that
    turns former office holders into commentators, and the role of a country speaking."""

    roles: tuple[tuple[str, str], ...]
    default_role: str
    lexicons: tuple[Lexicon, ...]
    former_words: tuple[str, ...] = ()
    former_applies_to: tuple[str, ...] = ()
    former_role: str | None = None
    country_role: str | None = None
    source: str = DEFAULT_SOURCE

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.roles)


@dataclass(frozen=True)
class RoleAssignment:
    """A speaker's role and affiliation, the words they came from, and the rule's name."""

    role: str
    affiliation: str | None
    evidence: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class _Hit:
    text: str
    field: int
    is_title: bool
    canonical: str | None


# --- taxonomy files -------------------------------------------------------------------------


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The shipped default taxonomy (``path=None``) or a study's YAML file, which replaces it
    entirely; a malformed file is a ConfigError naming it."""
    if path is None:
        return _default_taxonomy()
    return _parse_taxonomy(user_yaml(path), str(path))


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return _parse_taxonomy(data_yaml("roles.yaml"), DEFAULT_SOURCE)


def _strings(value: Any, what: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(source, f"{what} must be a list of words")
    return tuple(v.strip() for v in value)


def _organisations(value: Any, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    entries = []
    for item in value or ():
        if isinstance(item, dict) and len(item) == 1:
            name, aliases = next(iter(item.items()))
            forms = (str(name), *_strings(aliases, f"aliases of {name!r}", source))
        elif isinstance(item, str) and item.strip():
            forms = (item.strip(),)
        else:
            raise ConfigError(
                source, f"organisation entry {item!r} is not a name or {{name: [aliases]}}"
            )
        entries.append((forms[0], forms))
    return tuple(entries)


def _lexicon(item: Any, roles: Mapping[str, str], source: str) -> Lexicon:
    if not isinstance(item, dict) or "role" not in item:
        raise ConfigError(source, f"lexicon entry {item!r} needs a 'role'")
    role = item["role"]
    if role not in roles:
        raise ConfigError(source, f"lexicon role {role!r} is not one of the roles {list(roles)}")
    name = str(item.get("name", role))
    titles = _strings(item.get("titles"), f"titles of lexicon {name!r}", source)
    not_with = _strings(item.get("not_with"), f"not_with of lexicon {name!r}", source)
    return Lexicon(name, role, titles, _organisations(item.get("organisations"), source), not_with)


def _parse_taxonomy(data: Any, source: str) -> Taxonomy:
    if not isinstance(data, dict) or not isinstance(data.get("roles"), dict) or not data["roles"]:
        raise ConfigError(source, "a taxonomy needs a 'roles' mapping of role name -> definition")
    roles = {str(k): str(v or "") for k, v in data["roles"].items()}
    default = data.get("default_role", "other")
    if default not in roles:
        raise ConfigError(source, f"default_role {default!r} is not one of the roles {list(roles)}")
    if not isinstance(data.get("lexicons", []), list):
        raise ConfigError(source, "'lexicons' must be a list")
    lexicons = tuple(_lexicon(item, roles, source) for item in data.get("lexicons", []))
    former = data.get("former") or {}
    if not isinstance(former, dict):
        raise ConfigError(source, "'former' must be a mapping (words, applies_to, role)")
    applies_to = _strings(former.get("applies_to"), "former applies_to", source)
    if former.get("role", default) not in roles or not set(applies_to) <= set(roles):
        raise ConfigError(source, "'former' needs words, and applies_to and a role of the taxonomy")
    if data.get("country_role", default) not in roles:
        raise ConfigError(source, f"country_role {data['country_role']!r} is not a role")
    return Taxonomy(
        roles=tuple(roles.items()),
        default_role=default,
        lexicons=lexicons,
        former_words=_strings(former.get("words"), "former words", source),
        former_applies_to=applies_to,
        former_role=former.get("role"),
        country_role=data.get("country_role"),
        source=source,
    )


def load_overrides(path: str | Path, taxonomy: Taxonomy | None = None) -> dict[str, str]:
    """A researcher's override file, speaker -> role: YAML mapping, or CSV with ``speaker``
    and ``role`` columns. Roles are checked against ``taxonomy`` when one is given."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        overrides = _csv_overrides(p)
    elif p.suffix.lower() in (".yaml", ".yml"):
        data = user_yaml(p) or {}
        if not isinstance(data, dict):
            raise ConfigError(str(p), "an override file maps speaker names to roles")
        overrides = {str(k).strip(): str(v).strip() for k, v in data.items() if v is not None}
    else:
        raise ConfigError(str(p), "override files are .yaml, .yml or .csv")
    if taxonomy is not None:
        _check_override_roles(overrides, taxonomy, str(p))
    return overrides


def _csv_overrides(path: Path) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {"speaker", "role"} <= set(reader.fieldnames or ()):
                raise ConfigError(str(path), "an override CSV needs 'speaker' and 'role' columns")
            rows = [((r["speaker"] or "").strip(), (r["role"] or "").strip()) for r in reader]
    except OSError as exc:
        raise ConfigError(str(path), exc.strerror or "cannot be read") from None
    pairs = {(speaker, role) for speaker, role in rows if speaker and role}
    if len(dict(pairs)) < len(pairs):
        raise ConfigError(str(path), "a speaker is given two different roles")
    return dict(pairs)


def _check_override_roles(overrides: Mapping[str, str], taxonomy: Taxonomy, source: str) -> None:
    for speaker, role in overrides.items():
        if role not in taxonomy.role_names:
            reason = f"override role {role!r} for {speaker!r} is not in {taxonomy.source}"
            raise ConfigError(source, reason)


# --- matching -------------------------------------------------------------------------------


def _lexicon_hits(
    lexicon: Lexicon, fields: list[tuple[str, str, bool]], folds: list, live: list[int]
) -> list[_Hit]:
    """Every title and organisation of ``lexicon`` found in the ``live`` fields. In a proper
    name a title counts only before another name ("Sen. Ted Cruz", not "Martin Luther King");
    a title in a field that names one of the lexicon's ``not_with`` bodies counts only when
    one of its organisations is named too ("a spokeswoman for the company" is no official)."""
    titles, organisations, names = lexicon.matchers
    hits = []
    for index in live:
        (text, _, is_name), folded = fields[index], folds[index]
        for start, end in matcher_spans(titles, folded):
            if not is_name or _NEXT_NAME.match(text, end):
                hits.append(_Hit(text[start:end], index, True, None))
        for start, end in matcher_spans(organisations, folded):
            if _GOVERNING.match(folded[1], end):
                continue  # `the Taliban-led government`: the body speaking is a government
            found = text[start:end]
            name = names.get(key(found)) or names.get(key(found).rstrip("s"))
            canonical = name if name and name != lower(name) else None
            hits.append(_Hit(found, index, False, canonical))
    if lexicon.not_with and not any(not h.is_title for h in hits):
        beside = {h.field for h in hits if _names_body(lexicon, fields[h.field][0], folds[h.field])}
        hits = [h for h in hits if h.field not in beside]  # `a spokeswoman for the company`
    return hits


def _names_body(lexicon: Lexicon, text: str, folded: tuple[str, str]) -> bool:
    """Does ``text`` name one of ``lexicon.not_with`` as a common noun (`the company`) or as
    written (`NGO`, `Inc`), not inside a proper name (`the West Bank`)?"""
    written = lexicon.not_with_written
    return any(
        text[s:e].islower() or text[s:e] in written
        for s, e in find_entries(lexicon.not_with, folded)
    )


# --- assignment -----------------------------------------------------------------------------


def assign_role(
    speaker: str | None,
    mention: str | None,
    description: str | None,
    context: str = "",
    taxonomy: Taxonomy | None = None,
    overrides: Mapping[str, str] | None = None,
    memo: dict[tuple, Any] | None = None,
) -> RoleAssignment:
    """The speaker's role and affiliation: override file first, then the first lexicon (in
    the taxonomy's order) with a word in the mention, description or name, then the words
    around the name in ``context``; else the default role.

    ``memo``: a dict kept over one article's quotes (one taxonomy and overrides). Speakers
    repeat there; each name's and each context's decision is then made once.
    """
    taxonomy = taxonomy or load_taxonomy()
    memo = {} if memo is None else memo
    named = ("name", speaker, mention, description)
    if named not in memo:
        memo[named] = _by_name(named[1:], taxonomy, overrides)
    decided, default = memo[named]
    if decided is None:
        fields = context_fields(context, speaker, mention)
        around = ("context", *fields)
        if around not in memo:
            memo[around] = _by_lexicons(fields, taxonomy)
        decided = memo[around]
    return decided or default


def owned_roles(
    assignments: Sequence[RoleAssignment],
    mentions: Sequence[str | None],
    descriptions: Sequence[str | None],
) -> list[RoleAssignment]:
    """A speaker introduced through a possessive that refers back (`Its spokesman, Mohammad
    Khurasani, said`, `the group's spokesman`) speaks for the body quoted last before it (an
    ``organisation`` decision: `The TTP claimed the attack`), and takes that body's role and
    affiliation; an override still wins."""
    kept: list[RoleAssignment] = []
    body: RoleAssignment | None = None
    for assignment, mention, description in zip(assignments, mentions, descriptions, strict=True):
        refers = any(_OWNER_REFERENCE.match(text or "") for text in (mention, description))
        if refers and body is not None and assignment.rule != "override":
            assignment = RoleAssignment(body.role, body.affiliation, body.evidence, "owner")
        elif assignment.rule == "organisation":
            body = assignment
        kept.append(assignment)
    return kept


def same_speaker(
    assignments: Sequence[RoleAssignment], speakers: Sequence[str | None]
) -> list[RoleAssignment]:
    """A quote whose own words decide nothing (the default role: `he said`) takes the role its
    speaker got from another quote of the article (the first in reading order to decide one),
    with that quote's evidence; quotes whose own words decide keep their own role, except that
    a speaker introduced as a former office holder stays one (`retired Lt. Gen. D.S. Hooda`,
    later `Gen. Hooda said`)."""
    decided: dict[str, RoleAssignment] = {}
    former: dict[str, RoleAssignment] = {}
    for assignment, speaker in zip(assignments, speakers, strict=True):
        if speaker is not None and assignment.rule != "default":
            decided.setdefault(speaker, assignment)
        if speaker is not None and assignment.rule == "former":
            former.setdefault(speaker, assignment)
    kept = []
    for assignment, speaker in zip(assignments, speakers, strict=True):
        if speaker in former and assignment.rule not in ("former", "override"):
            assignment = _inherited(former[speaker])
        elif assignment.rule == "default" and speaker in decided:
            assignment = _inherited(decided[speaker])
        kept.append(assignment)
    return kept


def _inherited(assignment: RoleAssignment) -> RoleAssignment:
    return RoleAssignment(
        assignment.role, assignment.affiliation, assignment.evidence, "same-speaker"
    )


def _by_name(names: tuple, taxonomy: Taxonomy, overrides: Mapping[str, str] | None) -> tuple:
    """The decision by the override file, a lexicon word or a country as the name (speaker,
    mention, description); else None and the default, for when the context decides none."""
    speaker, mention, description = names
    fields = speaker_fields(speaker, mention, description)
    texts = [text for text, _, _ in fields]
    override = _override(overrides, taxonomy, speaker, mention)
    if override:
        return RoleAssignment(override[1], affiliation(texts), (override[0],), "override"), None
    decided = _by_lexicons(fields, taxonomy) or _by_country(taxonomy, speaker, mention)
    if decided:
        return decided, None
    return None, RoleAssignment(taxonomy.default_role, affiliation(texts), (), "default")


def _by_lexicons(fields: list, taxonomy: Taxonomy) -> RoleAssignment | None:
    """The decision of the first lexicon with a word in ``fields``; a lexicon's patterns
    search only the fields holding one of its ``keys`` (most fields hold none)."""
    folds = fold_fields(fields)
    words = [word_runs(lowered) for _, lowered in folds]
    for lexicon in taxonomy.lexicons:
        keys = lexicon.keys
        live = [i for i, w in enumerate(words) if keys is None or not keys.isdisjoint(w)]
        hits = _lexicon_hits(lexicon, fields, folds, live) if live else None
        if hits:
            return _decide(lexicon, hits, fields, folds, taxonomy)
    return None


def _by_country(taxonomy: Taxonomy, *names: str | None) -> RoleAssignment | None:
    """A country or its capital speaking alone ("New Delhi rejected ...") is its government."""
    pattern, forms = country_table()
    for name in names if taxonomy.country_role else ():
        m = pattern.fullmatch(fold(_LEADING_THE.sub("", name or "")))
        country = forms.get(" ".join(m.group().split())) if m else None
        if m and country:
            return RoleAssignment(taxonomy.country_role, country, (m.group(),), "organisation")
    return None


def _override(
    overrides: Mapping[str, str] | None, taxonomy: Taxonomy, *names: str | None
) -> tuple[str, str] | None:
    if not overrides:
        return None
    keyed = {key(k): (k, v) for k, v in overrides.items()}
    for name in names:
        if name and key(name) in keyed:
            written, role = keyed[key(name)]
            _check_override_roles({written: role}, taxonomy, "overrides")
            return written, role
    return None


def _decide(
    lexicon: Lexicon, hits: list[_Hit], fields: list, folds: list, taxonomy: Taxonomy
) -> RoleAssignment:
    """Role, rule and evidence from one lexicon's hits, with the 'former' modifier applied."""
    role, evidence = lexicon.role, [h.text for h in hits]
    titled = [h for h in hits if h.is_title]
    rule = fields[titled[0].field][1] if titled else "organisation"
    if role in taxonomy.former_applies_to and taxonomy.former_role:
        hit_fields = sorted({h.field for h in hits})
        former = [
            fields[i][0][s:e]
            for i in hit_fields
            for s, e in find_entries(taxonomy.former_words, folds[i])
        ]
        if former:
            role, rule, evidence = taxonomy.former_role, "former", former + evidence
    texts = [text for text, _, _ in fields]
    canonical = next((h.canonical for h in hits if h.canonical), None)
    found = affiliation(texts, canonical, organisation_first=rule == "organisation")
    return RoleAssignment(role, found, tuple(dict.fromkeys(evidence)), rule)
