"""Direct quotations: quoted spans with an attribution beside them, or a speaker from context.

A quote is direct when a cue and speaker frame it in its own sentence (before or after), when
it continues the previous quote of the same attribution (`"A," he said. "B."` becomes one
record with two parts), or when it stands as whole sentences in a run of one person's quotes.
Short quoted fragments inside narration are left for the reported-speech pass (mixed quotes)
or are names and scare quotes, which are not quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

from ..model import Span
from .attribution import Attribution, after_quote, before_quote, is_cue, sentence_cut
from .draft import Draft
from .lexicon import DETERMINERS, function_words
from .marks import QUOTE_TOKENS, QuotedSpan
from .mentions import mention_after
from .names import Mention
from .phrases import TIME_LEADS
from .tokens import Token, TokenIndex

_MIN_SENTENCE_WORDS = 4
_TAIL_WORDS = 6  # words an attribution may run on after its cue and speaker
_LABEL_WORDS = 12  # tokens of a speaker label's description (`Zarina Bibi, mother of two:`)
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}):\s+")


def direct_quotes(
    text: str,
    index: TokenIndex,
    paragraphs: Sequence[Span],
    quoted: Sequence[QuotedSpan],
    names: Collection[int] = (),
) -> list[Draft]:
    """Direct-quote drafts for ``quoted`` (spans in reading order); ``names`` are skipped."""
    starts = [p.start for p in paragraphs]
    drafts: list[Draft] = []
    last_end: dict[int, int] = {}  # paragraph index -> where the last attribution window ended
    for n, q in enumerate(quoted):
        if n in names:
            continue
        turns = _transcript_turns(text, q)
        if turns:
            drafts += turns
            continue
        p_open = bisect_right(starts, q.open_at) - 1
        p_close = bisect_right(starts, q.close_at) - 1
        prev_close = quoted[n - 1].after if n and quoted[n - 1].close_at >= starts[p_open] else None
        before_from = prev_close if prev_close is not None else paragraphs[p_open].start
        before = index.window(before_from, q.open_at)
        cut = _last_sentence_start(before)
        before = before[cut:]
        following = next((m for m in range(n + 1, len(quoted)) if m not in names), None)
        next_open = quoted[following].open_at if following is not None else len(text)
        after_to = min(paragraphs[p_close].end, next_open)
        after = index.window(q.after, after_to) if q.closed else []
        after = after[: sentence_cut(after) + 1]
        runs_on = after_to == next_open and not (after and after[-1].text in ".!?;")
        attribution = _after_attribution(text, q, after, runs_on) or _before(before, after)
        if attribution is None and _sentence_like(text, q):
            attribution = _colon_lead(before)
        shared = _shared_cue(index, drafts, q, attribution)
        if shared is not None or attribution is not None:
            drafts.append(shared or _lead_part(text, before, q, attribution))
            last_end[p_close] = after[-1].end if after else q.after
            continue
        if before or not _sentence_like(text, q):
            continue
        merged = _continue_previous(text, drafts, q, last_end.get(p_open))
        if merged is not None:
            drafts[-1] = merged
            last_end[p_close] = q.after
            continue
        drafts.append(_from_context(text, index, paragraphs, p_open, q, drafts))
    return drafts


def _after_attribution(
    text: str, q: QuotedSpan, after: list[Token], runs_on: bool
) -> Attribution | None:
    """The attribution after a quote. A quote closed by a full stop and followed straight by a
    word ends its sentence: the words after it are only its attribution when they end soon
    (`"..." Jones said on Monday.`), not when they go on (`"..." Jones said the plan ...`) or
    run on into the next quote (``runs_on``), unless a comma closes them (`"..." Jones said,
    adding ...`)."""
    body = after[:-1] if after and after[-1].text in ".!?;" else after
    a = after_quote(body)
    if a is None or not body or not body[0].is_word or text[q.end - 1 : q.end] != ".":
        return a
    last = max(a.cue_end, a.mention.end if a.mention is not None else 0)
    rest = [t for t in body if t.start >= last]
    if rest and rest[0].text == ",":  # `"..." Sanders said, adding ...`: the attribution ends
        return a
    if runs_on or len(rest) > _TAIL_WORDS or any(t.text in QUOTE_TOKENS or is_cue(t) for t in rest):
        return None
    return a


def _before(before: list[Token], after: list[Token]) -> Attribution | None:
    """The attribution before a quote, unless the clause goes on after the quote with its
    object (`PolitiFact claimed "Trump exaggerates" the level of ...`): then the quote is a
    fragment of a reported clause, which the reported-speech pass reads as mixed. Adjuncts
    after a quote (`"yes" before the vote`, `"..." last week`, `repeatedly`) do not count."""
    if after and _continues_clause(after[0]):
        return None
    return before_quote(before)


def _colon_lead(before: list[Token]) -> Attribution | None:
    """`The minister had a message for the rebels: "Lay down your arms."`: a sentence-like
    quote after a colon is the words of the subject of the clause that leads to it (after an
    opening phrase, if any); the colon is its cue."""
    if len(before) < 3 or before[-1].text != ":":
        return None
    colon = before[-1]
    starts = [0] + [n + 1 for n, t in enumerate(before[:-1]) if t.text == ","]
    for start in starts:
        m = mention_after(before, start, len(before) - 1)
        if m is not None and _verb_follows(before, m):
            return Attribution(colon.start, colon.end, m, "before:colon-lead")
    return None


def _verb_follows(toks: list[Token], m: Mention) -> bool:
    """Is the mention a subject, followed by a lower-case word that may be its verb (`Sanders
    made the following comment:`, not `Partial transcript as follows:`)?"""
    end = max(m.end, m.description[1] if m.description else 0)
    nxt = next((t for t in toks if t.start >= end), None)
    return (
        nxt is not None and nxt.is_word and nxt.text.islower() and nxt.lower not in function_words()
    )


def _speaker_label(toks: list[Token]) -> Attribution | None:
    """`Shah Jehan, shopkeeper:` / `Zarina Bibi, mother of two:`: a paragraph that only names
    a speaker, with a short description, heads the quotes after it (a "voices" section)."""
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    m = mention_after(toks, 0, len(toks) - 1)
    if m is None or m.kind != "name" or m.name_start is None or m.start != toks[0].start:
        return None
    end = max(m.end, m.description[1] if m.description else 0)
    rest = [t for t in toks[:-1] if t.start >= end]
    if rest:
        if rest[0].text != "," or len(rest) < 2 or len(rest) > _LABEL_WORDS:
            return None
        if any(is_cue(t) or t.text in QUOTE_TOKENS for t in rest):
            return None
        m = Mention(m.start, m.end, m.kind, m.name_start, m.name_end, (rest[1].start, rest[-1].end))
    return Attribution(toks[-1].start, toks[-1].end, m, "context:label")


def _continues_clause(t: Token) -> bool:
    low = t.lower
    if not (t.is_word and t.text.islower()) or is_cue(t) or low.endswith("ly"):
        return False
    return low in DETERMINERS or not (low in function_words() or low in TIME_LEADS)


def _transcript_turns(text: str, q: QuotedSpan) -> list[Draft]:
    """`"PENCE: Well, ...`: a quote whose paragraphs open with upper-case speaker labels is a
    transcript; each labelled turn, with the unlabelled paragraphs after it, is one quote."""
    turns: list[Draft] = []
    for part in q.parts:
        label = _LABEL.match(text, part.start, part.end)
        if label is not None and label.end() < part.end:
            name = Mention(label.start(1), label.end(1), "name", label.start(1), label.end(1))
            cue = Span(label.end(1), label.end(1) + 1)
            turns.append(Draft("direct", (Span(label.end(), part.end),), cue, name, "transcript"))
        elif turns:
            last = turns[-1]
            turns[-1] = Draft(last.kind, (*last.parts, part), last.cue, last.mention, last.rule)
        else:
            return []
    return turns


def _last_sentence_start(toks: list) -> int:
    start = 0
    while True:
        cut = sentence_cut(toks[start:])
        if start + cut >= len(toks):
            return start
        start += cut + 1


def _shared_cue(
    index: TokenIndex, drafts: list[Draft], q: QuotedSpan, a: Attribution | None
) -> Draft | None:
    """`"A," he said, "B."` / `"A," X said at a rally, "B."`: when the previous quote's cue
    stands between A and B in one sentence and B has no cue of its own (or the same one), B
    is A's second part; the merged draft replaces A's."""
    prev = drafts[-1] if drafts else None
    if prev is None or prev.cue is None or not prev.end <= prev.cue.start < q.open_at:
        return None
    if a is not None and a.cue_start != prev.cue.start:
        return None
    if not index.text[prev.cue.end : q.open_at].rstrip().endswith(","):
        return None
    between = index.window(prev.cue.end, q.open_at)
    if not between or between[-1].text != "," or sentence_cut(between) < len(between):
        return None
    if any(is_cue(t) for t in between):  # `, suggesting a few questions, including, "B"`
        return None
    drafts.pop()
    return Draft(prev.kind, prev.parts + q.parts, prev.cue, prev.mention, prev.rule + "+around")


def _lead_part(text: str, before: list[Token], q: QuotedSpan, a: Attribution) -> Draft:
    """`So when Patriot signaled ..., Mr. Barrett said, "we were floored."`: a quote that goes
    on in lower case completes the words before its attribution, which are its first part
    (not after a colon, which opens a quote of its own)."""
    m = a.mention
    lead = [t for t in before if m is not None and t.end <= m.start]
    if len(lead) < 2 or lead[-1].text != "," or not text[q.start].islower():
        return _draft(q, a)
    if ":" in text[a.cue_end : q.open_at]:
        return _draft(q, a)
    head = Span(lead[0].start, lead[-2].end)
    return Draft("mixed", (head, *q.parts), Span(a.cue_start, a.cue_end), m, a.rule + "+lead")


def _draft(q: QuotedSpan, a: Attribution) -> Draft:
    return Draft("direct", q.parts, Span(a.cue_start, a.cue_end), a.mention, a.rule)


def _sentence_like(text: str, q: QuotedSpan) -> bool:
    content = " ".join(text[p.start : p.end] for p in q.parts)
    words, opens, ends = content.split(), content[:1].isupper(), content[-1:] in ".?!"
    if opens and ends:  # a whole sentence, however short: `"It's about me."`
        return len(words) >= _MIN_SENTENCE_WORDS - 1
    return len(words) >= _MIN_SENTENCE_WORDS and (opens or ends)


def _continue_previous(
    text: str, drafts: list[Draft], q: QuotedSpan, window_end: int | None
) -> Draft | None:
    """`"A," he said. "B."`: B joins A's record when only A's attribution stands between."""
    if not drafts or window_end is None or drafts[-1].end > q.open_at:
        return None
    if text[window_end : q.open_at].strip():
        return None
    prev = drafts[-1]
    return Draft(prev.kind, prev.parts + q.parts, prev.cue, prev.mention, prev.rule + "+continued")


def _from_context(
    text: str,
    index: TokenIndex,
    paragraphs: Sequence[Span],
    p: int,
    q: QuotedSpan,
    drafts: list[Draft],
) -> Draft:
    """A quote with no attribution of its own: a lead-in colon, or the previous quote's speaker."""
    if p > 0:
        lead = paragraphs[p - 1]
        if text[lead.start : lead.end].rstrip().endswith(":"):
            toks = index.window(lead.start, lead.end)
            sentence = toks[_last_sentence_start(toks[:-1]) :]
            a = _speaker_label(toks) or before_quote(sentence) or _colon_lead(sentence)
            if a is not None:
                return Draft(
                    "direct", q.parts, Span(a.cue_start, a.cue_end), a.mention, "context:lead-in"
                )
    prev = drafts[-1] if drafts else None
    if prev is not None and prev.kind == "direct" and prev.mention is not None:
        if paragraphs[max(p - 1, 0)].start <= prev.end <= paragraphs[p].end:
            return Draft("direct", q.parts, prev.cue, prev.mention, "context:previous-quote")
    return Draft("direct", q.parts, None, None, "unattributed")
