"""Speaker mentions: the noun phrase an attribution goes through, read off the tokens.

``mention_before`` reads the subject that ends at a cue ("Balochistan's Chief Minister Sarfraz
Bugti told"), ``mention_after`` the one that follows an inverted cue ("said Dr. Ayesha Raza, a
political analyst based in Karachi"). A mention splits into a name part and a description
(titles before the name, or an apposition after it).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..resources import word_list
from .lexicon import DETERMINERS, FINITE, SUBJECT_PRONOUNS, lexicon
from .marks import QUOTE_TOKENS
from .names import (
    NAME_PARTICLES,
    POSSESSIVE,
    Mention,
    build_mention,
    given_name_sex,
    is_abbrev_period,
    name_token,
)
from .phrases import (
    PREPOSITIONS,
    adverb_at,
    np_token,
    phrase_start,
    plain_lower,
    role_noun,
    time_phrase,
)
from .tokens import Token, index_at

_APPOSITION_TOKENS = 16
_NAME_ENDS = frozenset(',.;:"”’—')  # what may follow a name set off after a title
_SENTENCE_MARKS = frozenset(".!?:;\"“”'")
_COUNTS = frozenset("one another two three several some many".split())  # `said one source`
_INDEFINITE = frozenset({"a", "an"})
_RELATIVE_WORDS = frozenset({"who", "whose", "whom", "which", "that"})
_SOURCE_ADJECTIVES = frozenset({"familiar", "close", "knowledgeable", "privy", "loyal"})
_PARENTHETICALS = frozenset({"however", "though", "meanwhile", "too", "also", "instead", "later"})
# Plural agent nouns outside the speaker-noun list still head a subject ("environmentalists say").
AGENT_SUFFIXES = ("ists", "ors", "ians", "ants", "ents")
_PARTICIPLE_OBJECTS = PREPOSITIONS | {"by", "to", "about", "into", "over", "under"}
_DASH_TOKENS = frozenset("-—–")
_QUALIFIERS = PREPOSITIONS | {"by", "to"}  # `a study by X`, `an adviser to the president`
_QUALIFIER_TOKENS = 9  # how far back a qualifying phrase may reach from the cue
_CLAUSE_LINKS = frozenset("and but or so yet while as when because although though".split())
_INTERRUPTERS = _CLAUSE_LINKS - {"and", "but", "or", "so", "yet"}  # `X, when asked, said`
_CLAUSE_WORDS = frozenset("who which that whom whose is are was were has have had".split())


def mention_before(toks: Sequence[Token], i: int, lo: int = 0) -> Mention | None:
    """The subject mention ending just before token ``i`` (a cue), not reaching before ``lo``."""
    if modifies_noun(toks, i, lo):
        return None
    j = _subject_end(toks, i - 1, lo)
    if j < lo:
        return None
    head = toks[j]
    if head.text == ",":
        return _apposed_before(toks, j, lo)
    if head.text == ")":
        return _parenthesised_before(toks, j, lo)
    if head.text in _DASH_TOKENS:
        return _dashed_before(toks, j, lo)
    if head.lower in SUBJECT_PRONOUNS:
        return Mention(head.start, head.end, "pronoun")
    if head.lower == "who" and j - 1 >= lo and toks[j - 1].text == ",":
        return _relative(toks, j, lo)
    if not (head.is_word and (np_token(toks, j) or head.lower.endswith(AGENT_SUFFIXES))):
        return _qualified(toks, j, lo)
    return _noun_phrase_before(toks, j, lo)


def modifies_noun(toks: Sequence[Token], i: int, lo: int = 0) -> bool:
    """`migrants saying ...`: a participle right after a noun modifies it, so the noun is not
    its subject; its speaker is the sentence's (unless the noun is a speaker or a document
    itself: `a statement calling ...`, unless its sender is the subject: `the council issued
    a statement calling ...`)."""
    if i >= len(toks) or i - 1 < lo or toks[i].lower not in lexicon().participles:
        return False
    prev = toks[i - 1]
    if not prev.is_word:
        return False
    return prev.lower not in _may_precede_participle() or _sent_message(toks, i - 1, lo)


def _sent_message(toks: Sequence[Token], noun: int, lo: int) -> bool:
    """Is the noun at ``noun`` the object of a sending verb (`issued a brief statement`)?"""
    j, budget = noun - 1, 2
    while j >= lo and budget and plain_lower(toks[j]) and toks[j].lower not in lexicon().senders:
        j, budget = j - 1, budget - 1
    if j >= lo and toks[j].lower in DETERMINERS:
        j -= 1
    if j > lo and toks[j].lower == "out":  # `sent out a statement`
        j -= 1
    return j >= lo and toks[j].lower in lexicon().senders


@lru_cache(maxsize=1)
def _may_precede_participle() -> frozenset[str]:
    lex = lexicon()
    return SUBJECT_PRONOUNS | lex.skip | lex.speaker_nouns


def _subject_end(toks: Sequence[Token], j: int, lo: int) -> int:
    """The last token of the subject before a cue at ``j + 1``: words such as `also`, `has`,
    adverbs (`boldly`), time phrases (`on Saturday`, `in late August`) and a parenthetical
    adverb between commas (`Their families, however, insisted`) are skipped."""
    while j >= lo:
        span = time_phrase(toks, j, lo) or int(
            toks[j].lower in lexicon().skip or adverb_at(toks, j, lo)
        )
        if not span and j - 2 >= lo and toks[j].text == "," and toks[j - 2].text == ",":
            span = 3 if toks[j - 1].lower in _PARENTHETICALS else 0
        if not span:
            break
        j -= span
    return j


def _plain_before(toks: Sequence[Token], j: int, lo: int) -> Mention | None:
    """The plain noun phrase ending at token ``j`` (no owner, qualifier or coordination): the
    head of a longer mention, read without recursion (chains of `of`/`to`/`and` stay linear)."""
    return build_mention(toks, phrase_start(toks, j, lo), j) if j >= lo else None


def _noun_phrase_before(toks: Sequence[Token], j: int, lo: int) -> Mention | None:
    """The noun phrase ending at token ``j``: names, titles, up to two adjectives, a count,
    a determiner; an owner (`Mr. Morgan of the Sierra Club`), a qualifying phrase or a
    coordinated name may extend it."""
    k = phrase_start(toks, j, lo)
    if (
        k - 2 >= lo
        and toks[k - 1].lower == "of"
        and toks[k - 2].is_cap
        and toks[k - 2].lower not in _COUNTS
    ):
        owner = _plain_before(toks, k - 2, lo)  # `Mr. Morgan of the Sierra Club`
        if owner is not None and owner.name_start is not None:
            description = owner.description or (toks[k - 1].start, toks[j].end)
            return Mention(
                owner.start, toks[j].end, owner.kind, owner.name_start, owner.name_end, description
            )
        if owner is not None and toks[k - 2].lower in lexicon().titles:
            holder = _office_holder(toks, owner, k, j)
            if holder is not None:
                return holder
    if k - 1 >= lo and toks[k - 1].lower in _QUALIFIERS:
        qualified = _qualified(toks, j, lo)
        if qualified is not None:
            return qualified
    return _coordinated(toks, build_mention(toks, k, j), k, lo)


def _office_holder(toks: Sequence[Token], office: Mention, k: int, j: int) -> Mention | None:
    """`Secretary of State John F. Kerry`: a title `of` a capitalised name, then a person
    whose name starts with a known first name (else no split: `Secretary of Homeland
    Security Nielsen` stays whole)."""
    first = next((n for n in range(k + 1, j) if given_name_sex(toks[n].text)), None)
    if first is None:
        return None
    description = (office.start, toks[first - 1].end)
    return Mention(office.start, toks[j].end, "name", toks[first].start, toks[j].end, description)


def _relative(toks: Sequence[Token], j: int, lo: int) -> Mention | None:
    """`McConnell, now the majority leader, who in 2010 said`: the attribution goes through
    `who`, and the speaker is the named antecedent before the comma."""
    ante = _apposed_before(toks, j - 1, lo) or mention_before(toks, j - 1, lo)
    if ante is not None and ante.name_start is None and toks[j - 2].is_cap:
        ante = mention_before(toks, j - 1, _last_and(toks, j - 1, lo) + 1)  # `X and Y, who`
    if ante is None or ante.kind != "name" or ante.name_start is None:
        return ante
    who = toks[j]
    return Mention(who.start, who.end, "name", ante.name_start, ante.name_end, ante.description)


def _last_and(toks: Sequence[Token], end: int, lo: int) -> int:
    """Index of the last `and` before ``end`` (``lo - 1`` if none)."""
    return next((k for k in range(end - 1, lo - 1, -1) if toks[k].lower == "and"), lo - 1)


def _qualified(toks: Sequence[Token], j: int, lo: int) -> Mention | None:
    """`Experts on North Korea said` / `Officials in Virginia and around the country say` /
    `a spokesman for the ministry said`: a speaker noun qualified by a short prepositional
    phrase ending at token ``j``. The mention spans both; the phrase is its description."""
    if toks[j].lower in _QUALIFIERS:
        return None  # `protesters massed on the streets to demand`: no phrase ends in `to`
    for p in range(j - 1, max(lo, j - _QUALIFIER_TOKENS), -1):
        t = toks[p]
        if t.lower in _QUALIFIERS:
            n = p - 2 if _participle_by(toks, p) else p - 1  # `a study led by X`
            if n >= lo and (
                toks[n].lower in lexicon().speaker_nouns
                or role_noun(toks[n])
                or toks[n].lower in _COUNTS
            ):  # `a spokesman for X`, `an envoy in X`, `one of them`
                head = _plain_before(toks, n, lo)
                if head is None or head.end != toks[n].end:
                    return None
                if not _opens_clause(toks, head.start, lo):
                    continue  # `the talks with leaders of the opposition`: embedded
                if toks[n].lower in _COUNTS:  # `One of the organisers`: no name
                    head = Mention(head.start, head.end, "group")
                return Mention(
                    head.start,
                    toks[j].end,
                    head.kind,
                    head.name_start,
                    head.name_end,
                    (t.start, toks[j].end),
                )
        elif t.lemma or t.lower in _CLAUSE_WORDS:
            return None
        elif not t.is_word and t.text not in POSSESSIVE and not is_abbrev_period(toks, p):
            return None  # punctuation ends the phrase; `Mr.` does not
    return None


def _participle_by(toks: Sequence[Token], p: int) -> bool:
    """Does a participle or a source's adjective stand between a noun and the preposition at
    ``p`` (`released in`, `conducted by`, `briefed on`, `familiar with`, `close to`, and
    before `by` any verb form: `led by`)?"""
    t = toks[p - 1]
    if t.lower in lexicon().speaker_nouns:
        return False
    low = t.lower
    if t.text.islower() and (low.endswith("ed") or low in _SOURCE_ADJECTIVES):
        return True  # `officials briefed on the talks`, `people familiar with the matter`
    return low in lexicon().skip or (toks[p].lower == "by" and plain_lower(t))


def _opens_clause(toks: Sequence[Token], start: int, lo: int) -> bool:
    """Does the mention starting at offset ``start`` open its clause (nothing but punctuation
    or a conjunction before it)?"""
    k = next(n for n in range(lo, len(toks)) if toks[n].start == start)
    if k == lo:
        return True
    prev = toks[k - 1]
    return not prev.is_word or prev.lower in _CLAUSE_LINKS


def _first_in_clause(toks: Sequence[Token], start: int, lo: int) -> bool:
    """Does the mention starting at offset ``start`` open its sentence or quote-led clause
    (no word and no comma before it)?"""
    k = index_at(toks, start, start=True)
    return k == lo or (not toks[k - 1].is_word and toks[k - 1].text != ",")


def _coordinated(toks: Sequence[Token], m: Mention | None, k: int, lo: int) -> Mention | None:
    """`Mr. Grassley and Mr. Leahy say`, `officials and aid workers said`: two named subjects,
    or two plural speaker nouns, joined by `and` speak together."""
    if m is None or k - 2 < lo or toks[k - 1].lower != "and":
        return m
    other = _plain_before(toks, k - 2, lo)
    if other is None:
        return m
    named = m.name_start is not None and other.name_start is not None
    if not (
        named or _plural_speakers(toks[k - 2]) and _plural_speakers(toks[index_at(toks, m.end)])
    ):
        return m
    return Mention(other.start, m.end, "group")


def _plural_speakers(t: Token) -> bool:
    """A lower-case plural speaker noun (`officials`, `workers`)."""
    return t.text.islower() and t.lower.endswith("s") and t.lower in lexicon().speaker_nouns


def _apposed_before(toks: Sequence[Token], comma: int, lo: int) -> Mention | None:
    """`Rep. Jim Jordan, an oversight panel member, said` / `Jane Doe, 25, said` / `John Roe,
    of Springfield, Va., said`: the name before the apposition (at most two commas back)."""
    whose = _whose_clause(toks, comma, lo)
    if whose is not None:
        return whose
    k = comma - 1
    for _ in range(2):
        while k > lo and comma - k < _APPOSITION_TOKENS and toks[k].text not in ",;:":
            k -= 1
        if k <= lo or toks[k].text != "," or k + 1 >= comma:
            return None
        first = toks[k + 1]
        opens = _opens_apposition(first) or first.lower in _INTERRUPTERS
        inner = mention_before(toks, k, lo) if opens or first.is_cap else None
        named = (
            _named_apposition(toks, inner, k + 1, comma)
            if inner and inner.kind == "group" and _opens_clause(toks, inner.start, lo)
            else None
        )
        if named is not None:
            return named
        if first.lower == "who" and inner is not None and inner.kind == "group":
            return _with_description(inner, first.start, toks[comma - 1].end)  # `A teacher,
            # who asked not to be named, said`: a relative clause describes its noun
        if (
            inner is not None
            and inner.kind == "group"
            and first.lower in _INDEFINITE
            and _first_in_clause(toks, inner.start, lo)
        ):  # `one of them, a 22-year-old designer, told`: it describes a group subject too
            return _with_description(inner, first.start, toks[comma - 1].end)
        if opens and inner is not None and inner.kind != "pronoun" and inner.name_start is not None:
            if first.lower in _INTERRUPTERS:  # `Mr. Smith, when asked, said`
                return inner
            return _group_before(toks, inner, k, lo) or _with_description(
                inner, first.start, toks[comma - 1].end
            )
        k -= 1
    return None


def _whose_clause(toks: Sequence[Token], comma: int, lo: int) -> Mention | None:
    """`Mary Wanjiru, whose son, Kevin, was killed, said`: a whose-clause (commas and names of
    its own allowed) describes the mention before it, which is the speaker."""
    for w in range(comma - 1, max(lo, comma - 2 * _APPOSITION_TOKENS), -1):
        t = toks[w]
        if t.lower == "whose" and w - 1 > lo and toks[w - 1].text == ",":
            ante = mention_before(toks, w - 1, lo)
            if ante is None or ante.kind == "pronoun":
                return None
            return _with_description(ante, t.start, toks[comma - 1].end)
        if t.text in _SENTENCE_MARKS or t.lemma:
            return None
    return None


def _group_before(toks: Sequence[Token], named: Mention, comma: int, lo: int) -> Mention | None:
    """`a retired general, Musa Danjuma, who advises the state, warned`: a common-noun subject
    set off before the name (``comma`` follows the name) describes it, not the clause after."""
    i = next(n for n in range(comma, lo - 1, -1) if toks[n].start <= named.start)
    if i - 1 <= lo or toks[i - 1].text != ",":
        return None
    group = mention_before(toks, i - 1, lo)
    if group is None or group.kind != "group" or not _opens_clause(toks, group.start, lo):
        return None  # `After the attack on the army, Ali Khan, ...`: not a description
    return _named_apposition(toks, group, i, comma)


def _named_apposition(toks: Sequence[Token], group: Mention, k: int, comma: int) -> Mention | None:
    """`his niece, state Del. Marcia Price, said`: a name set off after a common-noun subject
    is the speaker, the subject (with the name's titles) its description."""
    named = mention_before(toks, comma, k)
    if named is None or named.kind != "name" or named.name_start is None:
        return None
    begin = next(i for i in range(k, comma) if toks[i].start >= named.start)
    if begin - k > 2 or not all(t.is_word and t.text.islower() for t in toks[k:begin]):
        return None  # only modifiers may precede the name (`state Del.`)
    if named.description is not None:
        end = named.description[1]  # `his niece, state Del.`
    else:
        end = toks[begin - 1].end if begin > k else group.end
    return _with_description(named, group.start, end)


def _opens_apposition(first: Token) -> bool:
    """A word that can open an apposition: a determiner, a lower-case word (not a word that
    opens a clause: `, and the meeting ...`), a title, an age or a party-state tag (`R-Ky.`)."""
    low = first.lower
    return (
        low in DETERMINERS
        or first.text.islower()
        and low not in _CLAUSE_LINKS
        and low != "according"  # `X, according to Y, who said`: a cue phrase, no apposition
        or low in lexicon().titles
        or first.text.isdigit()
        or (len(first.text) > 2 and first.text[1] in "-‐" and first.text[0].isupper())
    )


def _dashed_before(toks: Sequence[Token], close: int, lo: int) -> Mention | None:
    """`Aaron Kall -- co-editor of a book on debates -- said`: the name before an apposition
    set off by dashes (`--`, `—` or `–`)."""
    double = close > lo and toks[close].text == "-" and toks[close - 1].text == "-"
    end = close - 1 if double else close
    if toks[end].text == "-" and end == close:
        return None  # a lone hyphen is no dash
    for k in range(end - 1, max(lo, end - 2 * _APPOSITION_TOKENS), -1):
        t = toks[k]
        if t.text in QUOTE_TOKENS:
            return None
        if t.text in "—–" or (t.text == "-" and k > lo and toks[k - 1].text == "-"):
            opened = k - 1 if t.text == "-" else k
            inner = mention_before(toks, opened, lo)
            if inner is None or inner.name_start is None or k + 1 >= end:
                return None
            if toks[k + 1].lower in _CLAUSE_LINKS:  # `Democrats — and independents — said`
                return None
            return _with_description(inner, toks[k + 1].start, toks[end - 1].end)
    return None


def _parenthesised_before(toks: Sequence[Token], close: int, lo: int) -> Mention | None:
    """`Rep. Trey Gowdy (R-S.C.) said`: the mention before a short parenthesis, which it keeps."""
    k = close - 1
    while k > lo and close - k < _APPOSITION_TOKENS // 2 and toks[k].text != "(":
        k -= 1
    if k <= lo or toks[k].text != "(":
        return None
    inner = mention_before(toks, k, lo)
    if inner is None or inner.kind == "pronoun":
        return None
    end = toks[close].end
    return Mention(
        inner.start, end, inner.kind, inner.name_start, inner.name_end, inner.description
    )


def mention_after(toks: Sequence[Token], i: int, hi: int) -> Mention | None:
    """The mention starting at token ``i`` (after an inverted cue), with any apposition."""
    if i >= hi:
        return None
    head = toks[i]
    if head.lower in SUBJECT_PRONOUNS:
        return Mention(head.start, head.end, "pronoun")
    if _sentence_opener(toks, i, hi):
        return None
    k = i + 1 if head.lower in DETERMINERS or head.lower in _COUNTS else i
    last, named, headed = None, False, False
    while k < hi and (np_token(toks, k) or _modifier_before_noun(toks, k, hi)):
        nxt_cap = k + 1 < hi and toks[k + 1].is_cap
        low = toks[k].lower
        if named and toks[k].text.islower() and low not in NAME_PARTICLES | POSSESSIVE:
            noun = low in lexicon().speaker_nouns  # `said one GOP source`: a name as modifier
            if (headed or not nxt_cap) and not noun:
                break
            headed = headed or noun
        if toks[k].is_word or toks[k].text == ")" or is_abbrev_period(toks, k):
            last = k
        named = named or (toks[k].is_cap and toks[k].lower not in lexicon().titles)
        if toks[k].text in POSSESSIVE:  # `Scott's niece`: the owner only modifies the head
            named = headed = False
        k += 1
    if last is None:
        return None
    mention = build_mention(toks, i, last)
    if mention is None:
        return None
    if last + 2 < hi and toks[last + 1].text == ",":
        return _name_after_title(toks, mention, last, hi) or _apposition_after(
            toks, mention, last + 2, hi
        )
    return mention


def _name_after_title(
    toks: Sequence[Token], mention: Mention, last: int, hi: int
) -> Mention | None:
    """`said the national police spokesperson, Martin Wekesa.` / `The interior secretary,
    Joseph Kamau, defended ...`: a name set off after a mention headed by a title is the
    speaker, the title its description."""
    if mention.name_start is not None or toks[last].lower not in lexicon().titles:
        return None
    k = end = last + 2
    titles = lexicon().titles
    while end < hi and (
        name_token(toks[end], titles)
        or is_abbrev_period(toks, end)
        or (toks[end].is_cap and toks[end].lower in titles)  # `Lt. Gen. Asim Raza`
    ):
        end += 1
    if end == k or (end < hi and toks[end].text not in _NAME_ENDS):
        return None
    named = build_mention(toks, k, end - 1)
    if named is None or named.name_start is None or not _person_name(toks, named, end, hi):
        return None
    described = named.description[1] if named.description else mention.end  # `..., Lt. Gen.`
    return Mention(
        mention.start, named.end, "name", named.name_start, named.end, (mention.start, described)
    )


def _person_name(toks: Sequence[Token], named: Mention, end: int, hi: int) -> bool:
    """Is ``named`` (ending before token ``end``) a person's name, not one item of a list or a
    day (`the minister, Pakistan, India and China`, `the spokesman, Monday`): two words or
    more, or a known first name, and no `X and` after its comma?"""
    first = next(t for t in toks if t.start == named.name_start)
    if named.end - named.name_start == len(first.text) and not given_name_sex(first.text):
        return False
    return not (
        end + 2 < hi
        and toks[end].text == ","
        and toks[end + 1].is_cap
        and toks[end + 2].lower == "and"
    )


def _sentence_opener(toks: Sequence[Token], i: int, hi: int) -> bool:
    """`Initially, ...` / `Facing the prospect ...` / `Chastened by ...`: a capitalised adverb
    or a participle before its object opening a sentence is not a name (`Ahmed declined`,
    `Fleming said` are)."""
    if i > 0 and toks[i - 1].text not in _SENTENCE_MARKS or i + 1 >= hi:
        return False
    word, nxt = toks[i].lower, toks[i + 1].lower
    if word in _sentence_adverbs():
        return True
    return word.endswith(("ing", "ed")) and (nxt in DETERMINERS or nxt in _PARTICIPLE_OBJECTS)


@lru_cache(maxsize=1)
def _sentence_adverbs() -> frozenset[str]:
    return frozenset(word_list("sentence_adverbs.txt"))


def _modifier_before_noun(toks: Sequence[Token], k: int, hi: int) -> bool:
    """A lower-case adjective inside a mention ("the senior official", "the
    conservative-leaning Tax Foundation")."""
    if not plain_lower(toks[k]):
        return False
    nouns = lexicon().speaker_nouns
    for n in range(k + 1, min(k + 3, hi)):
        if toks[n].lower in nouns or toks[n].is_cap:
            return True
        if not plain_lower(toks[n]):  # `issued a statement`: a verb, not an adjective
            return False
    return False


def _apposition_after(toks: Sequence[Token], mention: Mention, k: int, hi: int) -> Mention:
    """The apposition after a mention (`, a farmer from Bagh`), an age first allowed (`, 62,
    a farmer`), as its description."""
    first = toks[k]
    if first.text.isdigit() and k + 2 < hi and toks[k + 1].text == ",":
        k += 2  # `Gul Rahman, 62, a farmer`: the description runs from the age
    if not (toks[k].lower in DETERMINERS or toks[k].lower in lexicon().titles):
        return mention
    end, relative = k, False
    while end + 1 < hi and toks[end + 1].text not in ",;.:—" and end - k < _APPOSITION_TOKENS:
        end += 1
        relative = relative or toks[end].lower in _RELATIVE_WORDS  # `a man who has lived`
        if toks[end].lower in FINITE and toks[end].text.islower() and not relative:
            return mention  # `According to Ham, the administration has ...`: a clause
    if end + 1 < hi and toks[end + 1].text == "." and is_abbrev_period(toks, end + 1):
        end += 1
    return _with_description(mention, first.start, toks[end].end)


def _with_description(m: Mention, start: int, end: int) -> Mention:
    return Mention(m.start, m.end, m.kind, m.name_start, m.name_end, (start, end))
