"""Where a reported clause's content starts and ends around its cue: past an object
(`told reporters`), a time or a short phrase, `that` or a colon; up to the sentence end, a
participle (`, adding ...`) or a new subject and cue (`... and Clinton called it ...`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Span
from .attribution import OBJECT_LEMMAS, is_cue
from .draft import Draft
from .lexicon import DETERMINERS, FINITE, SUBJECT_PRONOUNS, function_words, lexicon
from .marks import QUOTE_TOKENS
from .mentions import mention_after, mention_before
from .names import POSSESSIVE, Mention
from .phrases import PREPOSITIONS, TIME_WORDS, is_adverb
from .tokens import Token, index_at

_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "you"})
# What may open a phrase between a cue and its `that` (`said over the phone that`).
ADJUNCT_LEADS = PREPOSITIONS | {"over", "by", "via", "during", "after", "through"}
_QUOTE_REACH = 8
_NEW_SUBJECT = 6  # how far a coordinated clause's cue may follow its `and`
_ADJUNCT = 10  # how many words may stand between a cue and its `that`
_LINKS = frozenset({"and", "or"})
_MODALS = frozenset("will would could might may can should must".split())
_DEICTIC = frozenset({"this", "last", "next"})
COORDINATORS = frozenset({"and", "but"})
_SUBJECT_REACH = 7
# After a comma these open the writer's own clause when a subject and verb follow.
_SUBORDINATORS = frozenset({"as", "while", "whereas"})
_NOT_SUBJECTS = frozenset("well much many long soon far part such a an of if though".split())
_LIST_LINKS = frozenset({"and", "or", ","})  # an -ing noun in a list: `schools, housing and`
_SHORT_ING = 5  # `bring`, `thing`: shorter -ing words are rarely participles
# -ing words that work as prepositions: `, including X` goes on with the content.
_PREPOSITIONAL_ING = frozenset(
    "including according regarding concerning following excluding considering barring".split()
)
CLAUSE_OPENERS = frozenset({"that", "whether", ":"})
# Prepositions that open an adjunct after a cue, never its reported content.
_ADJUNCT_PREPOSITIONS = frozenset("over for with against at from into".split())
BE = frozenset({"is", "are", "was", "were", "been", "being"})
MIN_CONTENT_WORDS = 3


def after_cue(
    toks: Sequence[Token], k: int, m: Mention | None, cue: Span, rule: str
) -> Draft | None:
    """The clause after the cue: skips a short object (`told reporters`) and `that`/`:`."""
    if m is None:
        return None
    j = k + 1
    lemma = toks[k].lemma
    if j < len(toks) and lemma in OBJECT_LEMMAS and toks[j].lower != "that":
        if toks[j].lower in _OBJECT_PRONOUNS:
            j += 1  # `told me that`
        else:
            obj = mention_after(toks, j, len(toks))
            j = index_at(toks, obj.end) + 1 if obj is not None else _skip_adjunct(toks, j, None)
        j = _skip_place(toks, j, lemma)  # `told a press conference that`: past the object too
    if j < len(toks) and toks[j].lower in _LINKS:
        return None  # `more than it admits and taxing more`: no clause after the cue
    lex = lexicon()
    particle = j < len(toks) and (lemma, toks[j].lower) in lex.particles  # `called for ...`
    j = j + 1 if particle else _skip_adjunct(toks, _skip_time(toks, j))
    opened = j < len(toks) and toks[j].lower in CLAUSE_OPENERS
    quoting = any(t.text in '"“' for t in toks[j : j + _QUOTE_REACH])
    strong = particle or opened or quoting or lemma in lex.object_lemmas
    if lemma in lex.weak_lemmas and not (strong or _clause_at(toks, j, lemma)):
        return None
    adjunct = not particle and j < len(toks) and toks[j].lower in _ADJUNCT_PREPOSITIONS
    if j < len(toks) and toks[j].lower in CLAUSE_OPENERS:
        j += 1
    end = _clause_end(toks, j)
    if adjunct and not any(t.lower in FINITE or t.lower in CLAUSE_OPENERS for t in toks[j:end]):
        return None  # `Police criticised over the handling of ...`: an adjunct, no clause
    if lemma in lex.object_lemmas and not (particle or opened or quoting):
        end = next((n for n in range(j, end) if toks[n].text == ","), end)  # `citing X, ...`
    return content(toks, j, end, cue, m, rule)


def _clause_at(toks: Sequence[Token], j: int, lemma: str | None) -> bool:
    """Does a complement clause start at ``j`` without `that`: a to-infinitive after a verb
    that takes one (`agreed to pay`), or a subject then a finite verb (`found the panel was`)
    before any punctuation?"""
    if j >= len(toks):
        return False
    if toks[j].lower == "to":
        return lemma in lexicon().infinitive_lemmas
    if toks[j].lower in FINITE:
        return False
    for t in toks[j + 1 : j + _SUBJECT_REACH]:
        if not t.is_word:
            return False
        if t.lower in FINITE:
            return True
    return False


def _skip_place(toks: Sequence[Token], j: int, lemma: str | None) -> int:
    """Past a place after a cue's object when a clause follows it (`told reporters in Dhaka
    the situation was worsening`)."""
    if j + 1 >= len(toks) or toks[j].lower not in PREPOSITIONS or not toks[j + 1].is_cap:
        return j
    n = j + 1
    while n < len(toks) and toks[n].is_cap and toks[n].is_word:
        n += 1
    return n if _clause_at(toks, n, lemma) else j


def _skip_adjunct(
    toks: Sequence[Token], j: int, leads: frozenset[str] | None = ADJUNCT_LEADS
) -> int:
    """Past a short phrase between a cue and its `that` (`announced in a statement this month
    that ...`, `said on Twitter that ...`), or its clause (`said in a statement it had ...`):
    words only, no cue, at most ``_ADJUNCT`` of them, opening with one of ``leads`` (None:
    any word, for an object: `told a press conference that`). The last `that` followed by a
    subject or a quotation is taken (`in a speech that drew applause that the war was lost`);
    `in that case`, `the meeting that followed` are no clause openers."""
    if j >= len(toks) or (leads is not None and toks[j].lower not in leads):
        return j
    found = j
    for n in range(j + 1, min(len(toks) - 1, j + _ADJUNCT)):
        t = toks[n]
        if not t.is_word or (is_cue(t) and not any(u.lower in DETERMINERS for u in toks[j:n])):
            break  # a cue form after a determiner is a noun (`in a preliminary report that`)
        nxt = toks[n + 1]
        if n > j + 1 and t.lower == "that" and (nxt.text in '"“‘' or not _verb_like(nxt)):
            found = n
        elif n > j + 1 and t.lower in SUBJECT_PRONOUNS and nxt.lower in FINITE:
            return n  # `said in a statement it had ...`
    return found


def _verb_like(t: Token) -> bool:
    """A finite verb or a past form (`was`, `followed`): after `that` it makes a relative."""
    return t.lower in FINITE or t.lower in BE or t.lower.endswith("ed") or t.lemma is not None


def _skip_time(toks: Sequence[Token], j: int) -> int:
    """Past `on Monday` / `Friday` right after a cue, unless the day is what the clause is
    about (`said Friday's attack was planned`, `said Monday was the worst day`)."""
    if j + 1 >= len(toks):
        return j
    if toks[j].lower in {"on", "last"} and toks[j + 1].is_cap:
        return j + 2
    if toks[j].lower in _DEICTIC and toks[j + 1].lower in TIME_WORDS:  # `told X this weekend`
        after = toks[j + 2] if j + 2 < len(toks) else None
        if after is None or (after.text not in POSSESSIVE and after.lower not in FINITE):
            return j + 2
    nxt = toks[j + 1]
    if toks[j].lower in TIME_WORDS and nxt.text not in POSSESSIVE and nxt.lower not in FINITE:
        return j + 1
    return j


def _clause_end(toks: Sequence[Token], j: int) -> int:
    """Content runs to the sentence end, or to a following `, <participle>`, `and <cue>` or
    `and`/`,` with a new subject and its cue."""
    participles = lexicon().participles
    boundary = None
    for n in range(j + 1, len(toks) - 1):
        if toks[n].text == "," and _adjunct_participle(toks, n + 1, participles):
            return n  # `, asserting ...` / `,” asserting ...` / `, implicitly putting ...`
        if toks[n].lower in COORDINATORS and (is_cue(toks[n + 1]) or _new_speaker(toks, n + 1)):
            return n  # `... and said ...`, `... and Clinton called it ...`
        if toks[n].text == "," and toks[n + 1].is_word and _new_speaker(toks, n + 1, True):
            return n if boundary is None else boundary  # `... fail, she said the plan ...`
        if (
            toks[n].text == ","
            and toks[n + 1].lower in _SUBORDINATORS
            and _subject_verb(toks, n + 2)
        ):
            return n  # `... a national strike, as police fired tear gas ...`: the writer's
        if toks[n].text in ",;" and toks[n + 1].lower in COORDINATORS or toks[n].text == ";":
            boundary = n
        elif boundary is not None and is_cue(toks[n]) and n - j > MIN_CONTENT_WORDS:
            return boundary  # `X said A, and when pressed, Y replied B`: A ends at the comma
    return len(toks)


def _subject_verb(toks: Sequence[Token], a: int) -> bool:
    """Does a subject other than a pronoun, then its verb, open the words at ``a`` (`police
    fired`, `the army was`), before any punctuation? Not `as well as`, `as a result`, `as
    expected`, `as it had`."""
    if a >= len(toks) or not toks[a].is_word or toks[a].lower in _NOT_SUBJECTS:
        return False
    if toks[a].lower in SUBJECT_PRONOUNS:
        return False  # `the plan would fail, as it had in 2010`: still the speaker's reasoning
    for t in toks[a + 1 : a + _SUBJECT_REACH]:
        if not t.is_word:
            return False
        if t.lower in FINITE or (t.text.islower() and t.lower.endswith("ed")):
            return True
    return False


def _adjunct_participle(toks: Sequence[Token], n: int, participles: frozenset[str]) -> bool:
    """Does a participial adjunct open at token ``n`` (after a comma): a cue participle, or
    any lower-case `-ing` verb (an adverb may come first) that is not a preposition? It is the
    speaker's or the writer's (`, contradicting the police's claim`), not the content's."""
    i = n + 1 if toks[n].text in QUOTE_TOKENS and n + 1 < len(toks) else n  # `,” asserting`
    t = toks[i]
    if t.lower in participles:
        return True
    if is_adverb(t) and i == n and n + 1 < len(toks):
        i, t = n + 1, toks[n + 1]
    low = t.lower
    listed = i + 1 < len(toks) and toks[i + 1].lower in _LIST_LINKS  # `schools, housing and`
    return (
        low.endswith("ing")
        and t.text.islower()
        and len(low) > _SHORT_ING
        and not listed
        and low not in _PREPOSITIONAL_ING
        and low not in function_words()
    )


def _new_speaker(toks: Sequence[Token], a: int, adjacent: bool = False) -> bool:
    """Does a subject and its cue open the words at ``a`` (`Clinton called it`), the subject
    not reaching back before ``a`` (`Jones and Brown told` is one subject)? ``adjacent``: the
    cue not after a modal (`, she said`, `, Ham also noted`, not `, Patriot could threaten`)."""
    c = next((n for n in range(a + 1, min(len(toks), a + _NEW_SUBJECT)) if is_cue(toks[n])), None)
    m = mention_before(toks, c, a) if c is not None else None
    between = toks[index_at(toks, m.end) + 1 : c] if m is not None else []
    if (
        m is None
        or m.start != toks[a].start
        or adjacent
        and any(t.lower in _MODALS for t in between)
    ):
        return False
    whole = mention_before(toks, c, 0)
    return whole is not None and whole.start == m.start


def content(
    toks: Sequence[Token], a: int, b: int, cue: Span, m: Mention, rule: str
) -> Draft | None:
    """An indirect draft of tokens a..b-1, trimmed of punctuation at both ends (None if empty)."""
    while a < b and toks[a].text in ",:;—–-":
        a += 1
    end = trim_end(toks, b)
    if a >= b or end <= toks[a].start:
        return None
    return Draft("indirect", (Span(toks[a].start, end),), cue, m, rule)


def trim_end(toks: Sequence[Token], b: int) -> int:
    """The end offset of tokens ..b-1 without trailing punctuation."""
    while b > 0 and toks[b - 1].text in ".,;:—–-!?" and b - 1 > 0:
        b -= 1
    return toks[b - 1].end
