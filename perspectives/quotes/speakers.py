"""Resolve speaker mentions to canonical names: pronouns, surnames, heads and acronyms.

Mentions are resolved in reading order against the speakers already met: "he" takes the
last person whose honorific or first name does not say "she" (or a person introduced since,
whose first name says "he"), "Bugti" the earlier "Sarfraz Bugti", "the military" the earlier
"Pakistan military", "BLA" its spelled-out "Baloch Liberation Army (BLA)", "the senator" the
person introduced as "Sen. Jane Doe", "the group" or "the statement" the body that last
spoke. A pronoun nobody agrees with stays unresolved (None), never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, takewhile

from ..resources import word_list
from .lexicon import DETERMINERS, function_words, lexicon
from .mentions import AGENT_SUFFIXES
from .names import Mention, first_name_sex, given_name_sex, organisation_heads

_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]+\s+){1,5}?(?:[A-Z][\w'’-]+))\s+\(([A-Z]{2,6})\)")
_ACRONYM_PAREN = re.compile(r"\([A-Z]{2,6}\)")  # in every _ACRONYM match; cheap to look for
# A capital opening a word: `\b[A-Z]` written so that `re` can skip ahead to the next capital
# instead of trying the pattern at every position (speed).
_WORD_CAPITAL = r"[A-Z](?<!\w[A-Z])"
_SURNAME = r"(?:Mc|O['’])?[A-Z][a-z'’-]+"  # `McCaskill`, `O'Rourke`
# A run of capitalised words on one line (`Chief Minister Ali Amin Gandapur`); ``_person_in``
# keeps the name after its titles.
_PARTICLES = r"(?:(?:von|van|de|der|den|da|di|du|del|dos|la|le|bin|ibn|al)[^\S\n]+)*"
_PERSON_NAME = re.compile(
    _WORD_CAPITAL + rf"[a-z]+(?:[^\S\n]+[A-Z]\.)?(?:[^\S\n]+{_PARTICLES}{_SURNAME})+\b"
)  # `Ursula von der Leyen`
_NAME_WORDS = 3  # a person's name: given name, middle name, surname at most
# A person's name opening a paragraph or a sentence (`... died. Brian Otieno, 24, ...`), or
# set off after the description that opens it (`The Assembly speaker, Carl Heaney, struck`).
_OPENING_NAME = re.compile(
    r"(?:^|(?<=[.!?] ))(?:The\s[^.;\"“”\n]{1,80}?,\s)?(" + _PERSON_NAME.pattern + ")(?=,)",
    re.M,
)  # the name set off by a comma: an age or a description follows (`, 24, a student,`)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")
_HONORIFIC_NAME = re.compile(rf"\b(Mrs?|Ms)\.\s+({_SURNAME})\b")
_NAME_REACH = 1500  # how far back a pronoun looks for a person named in the text
_SPEAKER_REACH = 50  # how many earlier speakers a pronoun looks through
_DESCRIPTION_WORDS = 4  # `the former chief minister`: longer phrases are groups or new people
_FIRST_NAME = re.compile(f"({_WORD_CAPITAL}[a-z]+)" + r"\s+")  # what precedes a surname
_FIRST_AND_INITIAL = re.compile(f"({_WORD_CAPITAL}[a-z]+)" + r"\s+[A-Z]\.\s+")
_BOUNDARY = re.compile(r"\b")
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+)[^\S\n]+$")  # the word just before a first name
_POSSESSIVE = re.compile(r"['’]s\b")
_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_PRONOUN_SEX = {"he": "male", "she": "female"}
_HONORIFICS = {"mr": "male", "mrs": "female", "ms": "female"}
_GROUP_PRONOUNS = frozenset({"they", "it", "we"})
# `the group said`, `the statement said`: a generic head refers back to the last organisation
# that spoke.
_GENERIC_GROUPS = frozenset(
    {"group", "organisation", "organization", "outfit", "movement", "statement"}
)
# Heads that name a body or a document, not a person (`the military said`, `a statement
# said`): no `he` or `the official` refers to them.
_BODY_HEADS = frozenset(
    "military army navy police forces government administration opposition wing statement "
    "report study poll survey letter memo document bulletin release analysis review data "
    "message post tweet filing complaint lawsuit ruling order decision book article editorial "
    "video footage".split()
)
_INDEFINITE = frozenset({"a", "an"})
_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*)+")  # a name in the text


@dataclass(frozen=True, slots=True)
class Resolution:
    speaker: str | None
    rule: str


@dataclass
class SpeakerResolver:
    """Remembers the speakers of one document, in reading order."""

    text: str
    people: list[tuple[int, str]] = field(default_factory=list)
    groups: list[tuple[int, str]] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    sexes: dict[str, str] = field(default_factory=dict)  # by an honorific: `Mrs. Clinton`
    titled: list[tuple[frozenset[str], str]] = field(default_factory=list)  # `Sen.` -> person

    def __post_init__(self) -> None:
        if _ACRONYM_PAREN.search(self.text) is None:
            return  # most texts spell out no acronym: skip the slow scan
        for m in _ACRONYM.finditer(self.text):
            words = m.group(1).split()
            initials = "".join(w[0] for w in words)
            for size in range(len(words), 0, -1):
                if initials[-size:] == m.group(2):
                    self.acronyms[m.group(2)] = " ".join(words[-size:])
                    break

    def resolve(self, mention: Mention) -> Resolution:
        """The canonical speaker for ``mention``, remembering it for later mentions."""
        surface = self.text[mention.start : mention.end]
        if mention.kind == "pronoun":
            return self._pronoun(surface.lower(), mention.start)
        if mention.name_start is not None and mention.kind == "name":
            name = self.text[mention.name_start : mention.name_end]
            if not _common_noun(name):
                honorific = self.text[mention.start : mention.name_start].split()[-1:]
                sex = _HONORIFICS.get(honorific[0].lower().rstrip(".")) if honorific else None
                resolution = self._person(name, mention.start, sex)
                if sex and resolution.speaker and self._agrees(resolution.speaker, sex):
                    self.sexes[resolution.speaker] = sex
                self._remember_titles(mention, resolution.speaker)
                return resolution
        person = mention.description is not None and self.text.startswith(
            "who", mention.description[0]
        )  # `A schoolteacher, who asked not to be named, said`: `who` is for people
        return self._described(surface, mention.start) or self._group(
            surface, mention.start, person
        )

    def _remember_titles(self, mention: Mention, person: str | None) -> None:
        """Keep the title and description words a person was introduced with (`President`,
        `Sen.`, `a spokesman for the ministry`) for later definite descriptions."""
        if person is None or mention.name_start is None:
            return
        words = self.text[mention.start : mention.name_start].split()
        if mention.description is not None:
            description = self.text[mention.description[0] : mention.description[1]].split()
            words += _head_words(description)  # `a spokesman` of `a spokesman for the police`
        forms = _title_forms()
        found = {w.lower().strip(".,") for w in words}
        found |= {long for w in found for long in forms.get(w, ())}
        if found:
            self.titled.append((frozenset(found), person))

    def _described(self, surface: str, at: int) -> Resolution | None:
        """`the president`, `the senator`: a definite description whose head is a title or
        speaker noun refers to the last person introduced with that title or description."""
        words = surface.split()
        if len(words) < 2 or len(words) > _DESCRIPTION_WORDS or words[0].lower() != "the":
            return None
        head = words[-1].lower()
        lex = lexicon()
        if not surface[4:].islower() or not (head in lex.titles or head in lex.speaker_nouns):
            return None
        if _body_head(head):
            return None  # `the military`, `the ministry`: a body, not the person described
        if head.endswith("s") and head not in lex.titles:
            return None  # `the traders`, `the police`: a group, not the person described
        for found, person in islice(reversed(self.titled), _SPEAKER_REACH):
            if head in found:
                self.people.append((at, person))
                return Resolution(person, "description:title")
        return None

    def _pronoun(self, pronoun: str, at: int) -> Resolution:
        """The last speaker before ``at`` whose sex (from an honorific or a first name) does
        not contradict `he`/`she`. When a later speaker was passed over, a person named in
        the text since then whose first name agrees is taken instead."""
        pool = self.people if pronoun in _PERSON_PRONOUNS else self.groups
        sex = _PRONOUN_SEX.get(pronoun)
        last = speaker = None
        for pos, name in islice(reversed(pool), _SPEAKER_REACH):  # bounded: long documents
            if pos < at:
                last = last or (pos, name)
                if self._agrees(name, sex):
                    speaker = (pos, name)
                    break
        if speaker is not None and speaker == last:
            newer = self._opening_name(speaker[0], at, sex) if sex else None
            if newer is not None and newer.split()[-1] != speaker[1].split()[-1]:
                return Resolution(newer, "pronoun:new-subject")
            return Resolution(speaker[1], "pronoun:last-speaker")
        if pronoun in _PERSON_PRONOUNS:
            since = max(at - _NAME_REACH, speaker[0] if speaker else 0)
            named = self._named(since, at, sex, strict=last is not None)
            if named:
                return Resolution(named, "pronoun:last-name")
        if speaker is not None:
            return Resolution(speaker[1], "pronoun:last-speaker")
        return Resolution(None, "pronoun:unresolved")

    def _named(self, since: int, at: int, sex: str | None, strict: bool) -> str | None:
        """The last person named in text[since:at] (`Claire McCaskill`, `Mr. McKinley`) whose
        sex agrees; ``strict``: known to agree, not merely not contradicting."""
        found = []
        for m in _PERSON_NAME.finditer(self.text, since, at):
            name = _person_in(m.group())
            if name is None:
                continue
            known = first_name_sex(name)
            if known == sex or not strict and (known is None or sex is None):
                found.append((m.start(), name))
        for m in _HONORIFIC_NAME.finditer(self.text, since, at):
            if sex is None or _HONORIFICS[m[1].lower()] == sex:
                found.append((m.start(), self._full_name(m[2], at) or m[2]))
        return max(found)[1] if found else None

    def _opening_name(self, since: int, at: int, sex: str) -> str | None:
        """The last person named and set off by a comma at the opening of a sentence before
        the pronoun's own, since ``since``, outside quotation marks, whose first name says
        ``sex`` (`Brian Otieno, 24, a student, was shot. ... he said`; `The Assembly speaker,
        Carl Heaney, struck ...`): a new subject the pronoun goes to, not the last speaker."""
        found = None
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, since, at)]
        at = ends[-1] if ends else since  # not the pronoun's own sentence
        for m in _OPENING_NAME.finditer(self.text, since, at):
            name = _person_in(m.group(1))
            if (
                name
                and first_name_sex(name) == sex
                and not _after_title(self.text, m.start(1))
                and not _inside_quote(self.text, m.start(1))
            ):
                found = name
        return found

    def _agrees(self, name: str, sex: str | None) -> bool:
        """Does nothing known about ``name`` contradict ``sex`` (None: no constraint)? A name
        ending in an organisation's head (`Yahoo News`) is no person a he or she can be."""
        if sex is None:
            return True
        known = self.sexes.get(name) or first_name_sex(name)
        if known is None and name.rsplit(maxsplit=1)[-1] in organisation_heads():
            return False
        return known is None or known == sex

    def _person(self, name: str, at: int, sex: str | None = None) -> Resolution:
        """A name, a surname resolved to the last person of that surname whose sex agrees
        with the mention's honorific (``sex``: `Mrs. Clinton` is not Bill Clinton), or an
        acronym spelled out earlier."""
        name = " ".join(name.split())
        if name in self.acronyms:
            return self._group(self.acronyms[name], at)
        if " " not in name:
            for _, known in reversed(self.people):
                if known.split()[-1] == name and self._agrees(known, sex):
                    self.people.append((at, known))
                    return Resolution(known, "name:surname")
            for _, known in reversed(self.groups):
                words = known.split()  # an organisation's name (`Baloch Liberation Army`),
                if name in words and all(w[:1].isupper() for w in words):  # not `Scott niece`
                    return Resolution(known, "name:group-word")
            full = self._full_name(name, at)
            if full is not None:
                self.people.append((at, full))
                return Resolution(full, "name:earlier-full-name")
        self.people.append((at, name))
        return Resolution(name, "name")

    def _full_name(self, surname: str, at: int) -> str | None:
        """`Mr. Trump` -> `Donald Trump`: the last full name ending in ``surname`` written
        before ``at`` (titles such as `President Trump` are not first names)."""
        titles = lexicon().titles
        found = None
        for first, name in _full_names(self.text, surname, at):
            first = first.lower()
            if first not in titles and first not in DETERMINERS and first not in function_words():
                found = name
        return " ".join(found.split()) if found else None

    def _group(self, surface: str, at: int, person: bool = False) -> Resolution:
        """A common-noun or organisation mention; ``person``: it describes one person."""
        words = _POSSESSIVE.sub("", surface).split()
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        if not words:
            return Resolution(None, "group:empty")
        if len(words) == 1 and words[0].lower() in _GENERIC_GROUPS:
            known = self._last_body(at)
            if known is not None:
                self.groups.append((at, known))
                return Resolution(known, "group:generic")
        if len(words) > 1 and _ACRONYM_PAREN.fullmatch(words[-1]):
            words = words[:-1]  # `Inter-Services Public Relations (ISPR)`
        name = " ".join(self.acronyms.get(w, w) for w in words)
        for _, known in reversed(self.groups):
            if _same_group(words, known.split()):
                self.groups.append((at, known))
                return Resolution(known, "group:same-head")
        self.groups.append((at, name))
        if surface.split()[0].lower() in _INDEFINITE and (person or _title_head(words)):
            self.people.append((at, name))  # `A spokesman ... said`: one person, `he`
            self.titled.append((frozenset({_head_words(words)[-1].lower()}), name))  # `the
            # official` after `An Egyptian official told Reuters` is that official
        return Resolution(name, "group")

    def _last_body(self, at: int) -> str | None:
        """The last organisation that spoke (a group, or an acronym taken for a name: `TTP`),
        unless another name stands between it and ``at`` (`The Tax Policy Center, reviewing
        ...`), which the generic head may mean instead."""
        group = self.groups[-1] if self.groups else None
        acronym = next((p for p in reversed(self.people) if p[1].isupper()), None)
        found = max((c for c in (group, acronym) if c is not None), default=None)
        if found is None:
            return None
        between = (m.group() for m in _CAPITAL_RUN.finditer(self.text, found[0], at))
        others = [run for run in between if not _names_body(run, found[1])]
        return found[1] if not others else None


def _after_title(text: str, at: int) -> bool:
    """Does an abbreviated title or an initial end just before ``at`` (`Sen. Bernie Sanders`,
    `F. Kerry`): a period that ends no sentence?"""
    before = text[max(0, at - 12) : at].split()
    word = before[-1].lower() if before else ""
    return len(word) == 2 or word in lexicon().titles or word.rstrip(".") in lexicon().titles


def _inside_quote(text: str, at: int) -> bool:
    """Is ``at`` inside double quotation marks opened in its paragraph?"""
    opened = text[text.rfind("\n", 0, at) + 1 : at]
    return opened.count('"') % 2 == 1 or opened.count("“") > opened.count("”")


def _names_body(run: str, body: str) -> bool:
    """Is a run of capitalised words the organisation itself or a sentence opening (`The
    Baloch Liberation Army`, `On Monday`), not another name?"""
    words = run.split()
    if words[0].lower() in function_words() or words[0].lower() in DETERMINERS:
        words = words[1:]
    rest = " ".join(words)
    return not rest or rest in body or body in rest or not any(w[:1].isupper() for w in words[1:])


def _head_words(words: list[str]) -> list[str]:
    """The words of a phrase before its first function word (`a spokesman for the police` ->
    `a spokesman`)."""
    cut = next((n for n, w in enumerate(words[1:], 1) if w.lower() in function_words()), None)
    return words[:cut]


def _body_head(head: str) -> bool:
    """Does a lower-case head noun name a body or a document (`military`, `ministry`,
    `statement`), not a person?"""
    return head in _BODY_HEADS or head.capitalize() in organisation_heads()


def _title_head(words: list[str]) -> bool:
    """Is the head of a common-noun mention (its last word before a function word) a lower-case
    title or person noun, which names one person (`spokesman for the ministry`, `official`;
    not `statement`)?"""
    head = _head_words(words)[-1]
    if not head.islower():
        return False
    lex = lexicon()
    return head in lex.titles or (
        head in lex.speaker_nouns and not head.endswith("s") and not _body_head(head)
    )  # `an official`, `a witness`: one person; not `the ministry`


def _person_in(run: str) -> str | None:
    """The person's name in a run of capitalised words: the words after its last title, at
    most ``_NAME_WORDS`` of them (`Khyber Pakhtunkhwa Chief Minister Ali Amin Gandapur` ->
    `Ali Amin Gandapur`), and before a verb or function word of a title-case headline
    (`Senator Jane Doe Says Tax Plan Will Fail` -> `Jane Doe`); None for a single word or a
    run opened by a function word (`Although Scott`)."""
    lex, closed = lexicon(), function_words()
    words = list(
        takewhile(lambda w: w.lower() not in closed and w.lower() not in lex.cue_forms, run.split())
    )
    after = max(
        (n + 1 for n, w in enumerate(words) if w.lower().rstrip(".") in lex.titles), default=0
    )
    name = words[after:]
    capitals = [n for n, w in enumerate(name) if w[:1].isupper()]
    if len(capitals) > _NAME_WORDS:  # particles do not count (`Ursula von der Leyen`)
        name = name[capitals[-_NAME_WORDS] :]
    return " ".join(name) if len(name) > 1 else None


@lru_cache(maxsize=1)
def _title_forms() -> dict[str, tuple[str, ...]]:
    """Each short title form (`sen`) with its long forms (`senator`)."""
    forms: dict[str, tuple[str, ...]] = {}
    for line in word_list("title_forms.txt"):
        short, *long = line.split()
        forms[short] = tuple(long)
    return forms


def _full_names(text: str, surname: str, at: int) -> list[tuple[str, str]]:
    r"""(first name, match) of each match ``finditer`` gives for
    ``\b([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+<surname>\b`` in text[:at], without compiling that
    pattern per surname (slow, and only ``re``'s cache spared it): each match ends at an
    occurrence of the surname, so the first names just before occurrences are tried in
    order, overlapping ones skipped."""
    names = []
    taken = 0
    for start in sorted(_first_name_starts(text, surname, at)):
        if start < taken:
            continue
        for head in (_FIRST_AND_INITIAL, _FIRST_NAME):  # the initial first, as `?` is greedy
            m = head.match(text, start, at)
            end = m.end() + len(surname) if m else 0
            if m and text.startswith(surname, m.end(), at) and _BOUNDARY.match(text, end, at):
                given = _GIVEN_BEFORE.search(text, max(0, start - 20), start)
                if given and given_name_sex(given[1]) and not given_name_sex(m[1]):
                    start = given.start(1)  # `Daniel Chissano Matsinhe`: a second surname
                names.append((m[1], text[start:end]))
                taken = end
                break
    return names


def _first_name_starts(text: str, surname: str, at: int) -> set[int]:
    """Where a first name may start: a capital and lower-case letters ending where the
    space before an occurrence of ``surname`` (or before an initial before it) begins."""
    starts = set()
    found = text.find(surname, 0, at)
    while found >= 0:
        end = _space_start(text, found)
        if end < found:
            starts.add(_letters_start(text, end) - 1)
            if end >= 2 and text[end - 1] == "." and "A" <= text[end - 2] <= "Z":
                before = _space_start(text, end - 2)
                if before < end - 2:
                    starts.add(_letters_start(text, before) - 1)
        found = text.find(surname, found + 1, at)
    starts.discard(-1)
    return starts


def _space_start(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _letters_start(text: str, end: int) -> int:
    while end > 0 and "a" <= text[end - 1] <= "z":
        end -= 1
    return end


def _same_group(words: list[str], known: list[str]) -> bool:
    """ "the military" / "Pakistani military" may refer back to "Pakistan military"."""
    if words[-1].lower() != known[-1].lower() or words == known:
        return False
    proper = [w for w in words[:-1] if w[:1].isupper()]
    return all(any(w[:5] == k[:5] for k in known[:-1]) for w in proper)


def _common_noun(name: str) -> bool:
    """`Officials` / `Activists` opening a sentence: a capitalised common noun, not a person."""
    low = name.lower()
    return " " not in name and (low in lexicon().speaker_nouns or low.endswith(AGENT_SUFFIXES))
