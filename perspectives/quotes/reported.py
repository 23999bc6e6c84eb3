"""Reported speech: `X said (that) ...`, `..., X said.`, `A, he said, B`, `according to X`,
participles (`..., stating that ...`) and coordinated cues (`... and accused X of ...`).

Each sentence is read once; cues inside quotation marks or already used by a direct quote
are skipped. A reported clause that holds a quoted fragment is a ``mixed`` quote; fragments
after naming words ("dubbed "Herof"") are names and do not make it mixed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from ..model import Span
from ..resources import word_list
from .attribution import LISTENER_LEMMAS, is_cue, opening
from .clauses import (
    ADJUNCT_LEADS,
    BE,
    CLAUSE_OPENERS,
    COORDINATORS,
    MIN_CONTENT_WORDS,
    after_cue,
    content,
    trim_end,
)
from .draft import Draft
from .lexicon import DETERMINERS, FINITE, lexicon
from .marks import CLOSERS, DOUBLED, QUOTE_TOKENS, STRAIGHT, QuotedSpan
from .mentions import mention_after, mention_before, modifies_noun
from .names import TIME_WORDS, Mention
from .phrases import PREPOSITIONS, is_adverb, plain_lower
from .tokens import NOUN_MARKERS, PHRASE_HEADS, Token, TokenIndex, index_at

_FAR = 1 << 62
# A spaced hyphen after these joins a compound (`pro - Russian`), it is no dash.
_PREFIXES = frozenset("pro anti non ex post pre self co semi multi mid neo counter".split())
# After these a cue's form is a noun or an adjective (`her` is left out: `heard her say`).
# `and not intended to`: a negated verb is no cue; `and was told`: a passive one is not the
# subject's.
_NOT_SKIPPED = frozenset({"not", "never", "is", "are", "was", "were", "been", "being"})
_GO = frozenset({"go", "goes", "went", "gone", "going"})  # `went on to say`
_GERUND_LEADS = frozenset({"by", "for", "while", "when", "after", "before"})
_CONJUNCTIONS = frozenset(
    "but and yet so while because although though since as when if after before where".split()
)
_RELATIVES = frozenset({"which", "what", "how"})
_HEADLINE_LEAD = 6  # the speaker before a headline colon is a few words at most
_HEADLINE_WORDS = 25
_PLACE_TIME = frozenset("in on at during after before from outside inside".split())
_TRAILING_PHRASE = 5
_CUE_REACH = 80  # tokens a participle looks back for the cue whose subject it shares
_ADJUNCT_WORDS = 8  # the longest phrase after a trailing cue (`said in a bulletin on Monday`)


def reported_speech(
    text: str,
    index: TokenIndex,
    sentences: Sequence[Span],
    quoted: Sequence[QuotedSpan],
    skipped: Callable[[int], bool],
    names: Collection[int] = (),
) -> list[Draft]:
    """Indirect and mixed drafts from ``sentences`` (those ``cue_sentences`` keeps), skipping
    the cues at offsets ``skipped`` gives (see ``skipped_cues``).

    ``names`` are indices of ``quoted`` spans that are names, which do not make a clause mixed.
    """
    opens = [q.open_at for q in quoted]  # in reading order, so sorted
    drafts: list[Draft] = []
    for sent in sentences:
        toks = index.sentence(sent.start, sent.end)
        for k, tok in enumerate(toks):
            if tok.lemma is None and tok.lower not in PHRASE_HEADS:
                continue
            if skipped(tok.start):
                continue
            if tok.lower == "according":
                draft = _phrase_cue(toks, k)
            elif tok.lower in PHRASE_HEADS:
                draft = _as_put_it(toks, k)
            else:
                draft = _verb_cue(toks, k)
            if (
                draft is not None
                and len(text[draft.start : draft.end].split()) >= MIN_CONTENT_WORDS
            ):
                drafts.append(_through_quote(_kind(draft, opens, names), quoted, opens))
    return drafts


def skipped_cues(quoted: Sequence[QuotedSpan], used_cues: Collection[int]) -> Callable[[int], bool]:
    """Is the cue word at an offset skipped: inside a quotation (the speaker's words, not an
    attribution), or the cue of a direct quote (``used_cues``)?"""
    inside = sorted((p.start, p.end) for q in quoted for p in q.parts)
    return lambda offset: offset in used_cues or _within(offset, inside)


def _through_quote(draft: Draft, quoted: Sequence[QuotedSpan], opens: Sequence[int]) -> Draft:
    """A mixed clause ends where its last quotation closes: a quote of several sentences
    (`suggesting questions, including, "Mr. Trump, do you ...? ... he is."`) is read to its end
    though the clause was read sentence by sentence."""
    n = bisect_left(opens, draft.end) - 1
    if draft.kind != "mixed" or n < 0:
        return draft
    q = quoted[n]
    if not (q.closed and len(q.parts) == 1 and draft.start < q.open_at and q.after > draft.end):
        return draft
    last = Span(draft.parts[-1].start, q.after)
    return Draft(draft.kind, (*draft.parts[:-1], last), draft.cue, draft.mention, draft.rule)


def headline_claim(index: TokenIndex, headline: Span) -> Draft | None:
    """`Sanders: Clinton needs to ...`: a headline whose first words name a speaker and a
    colon introduces what they said (news headline style)."""
    toks = index.window(headline.start, headline.end)
    colon = next((n for n, t in enumerate(toks[:_HEADLINE_LEAD]) if t.text == ":"), None)
    if colon is None or colon == 0 or sum(t.is_word for t in toks) > _HEADLINE_WORDS:
        return None
    m = mention_before(toks, colon, 0)
    if m is None or m.kind == "pronoun" or m.end != toks[colon - 1].end:
        return None
    if m.start != toks[0].start and " " not in index.text[m.start : m.end]:
        return None  # a full name, or the whole lead: not `Stealth Over Health: ...`
    if index.text[m.start : m.end].lower() in _headline_labels():
        return None  # `Explainer: Why is ...`
    cue = Span(toks[colon].start, toks[colon].end)
    return content(toks, colon + 1, len(toks), cue, m, "headline")


@lru_cache(maxsize=1)
def _headline_labels() -> frozenset[str]:
    return frozenset(word_list("headline_labels.txt"))


def _within(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted, not overlapping)?"""
    n = bisect_right(spans, (offset, _FAR)) - 1
    return n >= 0 and spans[n][0] <= offset < spans[n][1]


def _phrase_cue(toks: Sequence[Token], k: int) -> Draft | None:
    """`..., according to provincial authorities.` / `According to X, ...`."""
    if k + 1 >= len(toks) or toks[k + 1].lower != "to":
        return None
    m = mention_after(toks, k + 2, len(toks))
    if m is None:
        return None
    cue = Span(toks[k].start, toks[k + 1].end)
    after = index_at(toks, max(m.end, m.description[1] if m.description else 0))
    if k == 0 or (k == 1 and not toks[0].is_word):  # `According to X, a ..., A`: A after both
        if after + 1 < len(toks) and toks[after + 1].text == ",":
            return content(toks, after + 2, len(toks), cue, m, "according-to:leading")
        return None
    end = k - 1 if toks[k - 1].text == "," else k
    return content(toks, 0, end, cue, m, "according-to:trailing")


def _as_put_it(toks: Sequence[Token], k: int) -> Draft | None:
    """`A, as a Homeland Security memo put it.` / `as X put it, "A"`: the speaker's words are
    the clause before the phrase, or the one after it when the phrase leads."""
    if k + 1 >= len(toks) or toks[k + 1].lower != "it":
        return None
    a = k - 1
    while a > 0 and toks[a].lower != "as":
        a -= 1
    m = mention_before(toks, k, a + 1) if toks[a].lower == "as" else None
    if m is None or m.start != toks[a + 1].start:
        return None
    cue = Span(toks[a].start, toks[k + 1].end)
    comma = next((n for n in range(k + 2, len(toks)) if toks[n].text == ","), None)
    if a == 0 or (a == 1 and toks[0].text in ",—"):
        return None if comma is None else content(toks, comma + 1, len(toks), cue, m, "as-put-it")
    end = a - 1 if toks[a - 1].text == "," else a
    return content(toks, 0, end, cue, m, "as-put-it")


def _quoted_as(toks: Sequence[Token], k: int, cue: Span) -> Draft | None:
    """`X was quoted as saying (that) ...`: the subject is the one before the passive."""
    q = k - 2
    while q > 0 and toks[q - 1].lower in BE:
        q -= 1
    m = mention_before(toks, q, 0)
    if m is None or not _open_subject(toks, index_at(toks, m.start, start=True)):
        return None
    return after_cue(toks, k, m, cue, "quoted-as")


def _verb_cue(toks: Sequence[Token], k: int) -> Draft | None:
    tok = toks[k]
    if not is_cue(tok):
        return None
    cue = Span(tok.start, tok.end)
    prev = toks[k - 1].text if k else ""
    if _modifier(toks, k) or _passive(toks, k):
        return None
    if (prev in CLOSERS + STRAIGHT or prev == DOUBLED) and k > 1 and toks[k - 2].text == ",":
        prev = ","
    if prev == "as" and k > 2 and toks[k - 2].lower == "quoted" and toks[k - 3].lower in BE:
        return _quoted_as(toks, k, cue)
    if prev == "to" and k > 2 and toks[k - 2].lower == "on" and toks[k - 3].lower in _GO:
        return _went_on_to(toks, k, cue)
    participle = tok.lower in lexicon().participles
    if participle and (prev == "," or prev.lower() in _GERUND_LEADS or modifies_noun(toks, k)):
        return after_cue(toks, k, _sentence_subject(toks, k), cue, "participle")
    if _coordinated_verb(toks, k):
        return after_cue(toks, k, _sentence_subject(toks, k), cue, "coordinated")
    m = _who_subject(toks, k) or mention_before(toks, k, 0)
    if m is not None and prev == "who" and m.end < toks[k - 1].start:
        return after_cue(toks, k, m, cue, "relative-who")  # `according to officials, who said`
    if m is not None:
        first = index_at(toks, opening(m), start=True)  # `His niece, Del. Jane Doe, said`
        if first > 0 and _after_comma(toks, first):
            return _interposed(toks, k, first - 1, cue, m) or after_cue(
                toks, k, m, cue, "adverbial:subject-verb"
            )
        if first > 0 and toks[first - 1].lower in _RELATIVES:
            return _relative(toks, k, first - 1, cue, m)
        if _open_subject(toks, first):
            return after_cue(toks, k, m, cue, "subject-verb")
        return None
    if prev == "who":
        who = toks[k - 1]
        return after_cue(toks, k, Mention(who.start, who.end, "pronoun"), cue, "relative-who")
    if prev == "," and k + 1 < len(toks):
        m = mention_after(toks, k + 1, len(toks)) if tok.lemma not in LISTENER_LEMMAS else None
        if m is not None and _closes_sentence(toks, m):  # `..., said X.`; `told X` is a listener
            return content(toks, 0, k - 1, cue, m, "inverted-trailing")
        return after_cue(toks, k, _apposed_subject(toks, k), cue, "apposed-subject")
    return None


def _who_subject(toks: Sequence[Token], k: int) -> Mention | None:
    """`A police official who requested anonymity because he was not authorised to speak to
    reporters said`: a subject opening the sentence, with a who-clause (no comma) running up
    to the cue; the clause describes it."""
    w = next((n for n in range(1, k - 1) if toks[n].lower == "who"), None)
    if w is None or any(t.text in ",;:" for t in toks[w:k]) or not toks[w - 1].is_word:
        return None
    m = mention_before(toks, w, 0)
    if m is None or m.kind == "pronoun" or m.start != toks[0].start:
        return None
    return Mention(
        m.start, m.end, m.kind, m.name_start, m.name_end, (toks[w].start, toks[k - 1].end)
    )


def _modifier(toks: Sequence[Token], k: int) -> bool:
    """Is the cue form at ``k`` a noun or an adjective, after an article or a possessive
    (`the alleged terrorist`, `his promises`, `a swiftly called meeting`)?"""
    p = k - 1
    while p > 0 and is_adverb(toks[p]):
        p -= 1
    return p >= 0 and toks[p].lower in NOUN_MARKERS


def _passive(toks: Sequence[Token], k: int) -> bool:
    """Is the cue at ``k`` a passive participle (`were accused of`, `was told`, `were
    admitted to`)? Its subject is not the speaker; `was quoted as saying` is read elsewhere."""
    p = k - 1
    while p > 0 and is_adverb(toks[p]):
        p -= 1
    if p < 0 or toks[p].lower not in BE:
        return False
    low = toks[k].lower
    return low != toks[k].lemma and not low.endswith("ing")  # `is saying`: active


def _coordinated_verb(toks: Sequence[Token], k: int) -> bool:
    """Is the cue at ``k`` a verb coordinated with an earlier one, sharing its subject
    (`... and said`, `... but has said`)?"""
    c = k - 1
    while c > 0 and toks[c].lower in lexicon().skip and toks[c].lower not in _NOT_SKIPPED:
        c -= 1
    return c > 0 and toks[c].lower in COORDINATORS


def _went_on_to(toks: Sequence[Token], k: int, cue: Span) -> Draft | None:
    """`X went on to say that ...`, `..., going on to say ...`: the subject is that of `go`."""
    go = k - 3
    if toks[go].lower == "going":
        return after_cue(toks, k, _sentence_subject(toks, go), cue, "participle")
    m = mention_before(toks, go, 0)
    if m is None or not _open_subject(toks, index_at(toks, m.start, start=True)):
        return None
    return after_cue(toks, k, m, cue, "subject-verb")


def _closes_sentence(toks: Sequence[Token], m: Mention) -> bool:
    """Does the mention after an inverted cue, with its apposition and at most a short place or
    time phrase (`, said one source in the room.`), end the sentence?"""
    end = max(m.end, m.description[1] if m.description else 0)
    rest = [t for t in toks if t.start >= end and t.is_word]
    if not rest:
        return True
    return (
        rest[0].lower in _PLACE_TIME
        and len(rest) <= _TRAILING_PHRASE
        and not any(is_cue(t) or t.lower in FINITE for t in rest)
    )


def _after_comma(toks: Sequence[Token], first: int) -> bool:
    """Is token ``first`` after a comma, or after a closing mark after one (`,"`)?"""
    prev = toks[first - 1].text
    return prev == "," or (prev in QUOTE_TOKENS and first > 1 and toks[first - 2].text == ",")


def _open_subject(toks: Sequence[Token], first: int) -> bool:
    """Does the subject ending at the cue open its clause? Leading conjunctions and a
    prepositional tail of the subject (`supporters in Congress say`) are allowed; an earlier
    cue, quotation mark or comma means the mention belongs to another clause, and an
    opening preposition and determiner make it an object (`In a message posted Friday, ...`;
    `On Monday officials said` keeps its subject)."""
    if first == 0 or toks[first - 1].lower in CLAUSE_OPENERS | _CONJUNCTIONS:
        return True
    if _dash_before(toks, first):
        return True  # `... a long fight -- officials said ...`: a dash opens a clause
    if first == 1 and toks[0].lower in PREPOSITIONS and toks[1].lower in DETERMINERS:
        return False
    lead = toks[:first]
    for n in range(len(lead) - 1, -1, -1):  # a sentence end the splitter missed (`."  X said`)
        if lead[n].text in ".!?" and all(t.text in QUOTE_TOKENS for t in lead[n + 1 :]):
            return True
    return not any(is_cue(t) or not t.is_word for t in lead)


def _dash_before(toks: Sequence[Token], n: int) -> bool:
    """Does a dash (`—`, `–`, `--` or a hyphen between spaces) end right before token ``n``?"""
    if n < 2:
        return n == 1 and toks[0].text in "—–"
    dash, before, after = toks[n - 1], toks[n - 2], toks[n]
    if dash.text in "—–":
        return True
    spaced = before.end < dash.start and dash.end < after.start
    compound = before.lower in _PREFIXES or before.text[0].isdigit() and after.text[0].isdigit()
    return dash.text == "-" and (before.text == "-" or spaced and not compound)


def _relative(toks: Sequence[Token], k: int, wh: int, cue: Span, m: Mention) -> Draft | None:
    """`what Trump says his plan would do`, `which Mr. Clarke says he is doing`: the relative
    word is the first part of the content, the clause after the cue the second."""
    draft = after_cue(toks, k, m, cue, "relative")
    if draft is None:
        return None
    head = Span(toks[wh].start, toks[wh].end)
    return Draft(draft.kind, (head, *draft.parts), cue, m, draft.rule)


def _apposed_subject(toks: Sequence[Token], k: int) -> Mention | None:
    """`Jane Doe, a developer ..., said`: the subject that opens the sentence, when no other
    cue or quotation mark comes between it and the cue."""
    m = mention_after(toks, 0, k)
    if m is None or m.kind == "pronoun" or m.start != toks[0].start:
        return None
    after = index_at(toks, m.end) + 1
    if any(is_cue(t) or t.text in QUOTE_TOKENS for t in toks[after:k]):
        return None
    return m


def _interposed(toks: Sequence[Token], k: int, comma: int, cue: Span, m: Mention) -> Draft | None:
    """`A, he said.` (content before) or `A, he said, B` (content around the attribution)."""
    j = _past_adjunct(toks, k + 1)
    while j < len(toks) and not toks[j].is_word and toks[j].text not in ",":
        j += 1
    if j >= len(toks) - 1 or (j < len(toks) and toks[j].text == "," and j + 1 < len(toks)):
        head = content(toks, 0, comma, cue, m, "interposed")
        if head is None or j >= len(toks) - 1:
            return head
        tail = Span(toks[j + 1].start, trim_end(toks, len(toks)))
        return Draft(head.kind, (*head.parts, tail), cue, m, "interposed:around")
    return None


def _past_adjunct(toks: Sequence[Token], j: int) -> int:
    """Past a short phrase after a trailing cue that ends the sentence (`..., the ministry
    said in a bulletin.`): words with no verb, `that` or cue in them."""
    if j < len(toks) - 1 and toks[j].lower in TIME_WORDS:
        return j + 1  # `..., officials said Thursday.`
    if j >= len(toks) or toks[j].lower not in ADJUNCT_LEADS:
        return j
    n = j + 1
    while n < len(toks) and n - j < _ADJUNCT_WORDS and _adjunct_word(toks[n]):
        n += 1
    return n if n >= len(toks) - 1 else j


def _adjunct_word(t: Token) -> bool:
    low = t.lower
    return t.is_word and not t.lemma and low not in FINITE and low not in CLAUSE_OPENERS


def _sentence_subject(toks: Sequence[Token], k: int) -> Mention | None:
    """Who speaks through a participle or a coordinated cue: the subject of the cue before it
    in the sentence (`"...," X said in a statement, adding ...`), else the opening subject,
    after an opening phrase if there is one (`Chastened by the analyses, Trump revised ...`)."""
    for c in range(k - 1, max(0, k - _CUE_REACH), -1):  # bounded: long run-on sentences
        if (
            is_cue(toks[c])
            and toks[c].lower not in lexicon().participles
            and not _modifier(toks, c)
        ):
            infinitive = c > 1 and toks[c - 1].lower == "to" and plain_lower(toks[c - 2])
            # `X declined to comment, but said`: the subject is that of `declined`
            m = mention_before(toks, c - 2 if infinitive else c, 0)
            if m is not None:
                return m
            break
    m = mention_after(toks, 0, k)
    commas = (n for n in range(1, k) if toks[n].text == ",")
    while m is None:  # after the opening phrase, which may hold commas of its own
        comma = next(commas, None)
        if comma is None:
            return None
        m = mention_after(toks, comma + 1, k)
    return m


def _kind(draft: Draft, opens: Sequence[int], names: Collection[int]) -> Draft:
    """Mixed when the reported clause holds a quoted fragment that is not a name.

    ``opens`` are the quoted spans' opening offsets, sorted (binary search, not a scan).
    """
    n = bisect_left(opens, draft.start)
    while n < len(opens) and opens[n] < draft.end:
        if n not in names:
            return Draft("mixed", draft.parts, draft.cue, draft.mention, draft.rule)
        n += 1
    return draft
