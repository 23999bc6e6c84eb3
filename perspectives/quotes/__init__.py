"""Find every quotation in an article and attribute it: direct, mixed and reported speech.

``extract(article)`` pairs quotation marks, attributes direct quotes from the words around
them, reads reported speech sentence by sentence, and resolves each speaker mention to a
canonical name. Non-body regions (bylines, credits, boilerplate) never yield quotations.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..model import Article, Quote, Span
from ..segment import split_paragraphs
from .direct import direct_quotes
from .draft import Draft
from .lexicon import lexicon
from .marks import find_quoted, name_quotes
from .reported import headline_claim, reported_speech, skipped_cues
from .single import find_single_quoted, outside
from .speakers import SpeakerResolver
from .tokens import TokenIndex, cue_sentences

__all__ = ["extract"]

_NON_BODY = frozenset({"byline", "dateline", "credits", "boilerplate"})


def extract(article: Article | str, doc_id: str = "doc") -> list[Quote]:
    """The quotations of ``article`` (or of a plain string), in reading order."""
    if isinstance(article, str):
        article = Article(doc_id=doc_id, text=article)
    text = article.text
    blocked = [(r.start, r.end) for r in article.regions if r.kind in _NON_BODY]
    paragraphs = [
        _past_blocked(text, p, blocked) for p in split_paragraphs(text) if not _covered(p, blocked)
    ]
    double = find_quoted(text, paragraphs)
    single = find_single_quoted(text, paragraphs, double)
    double = outside(double, single) if single else double
    quoted = [
        q
        for q in (sorted(double + single, key=lambda q: q.open_at) if single else double)
        if not _covered(Span(q.open_at, q.open_at + 1), blocked)
    ]
    names = name_quotes(text, quoted, lexicon().naming)
    index = TokenIndex(text, paragraphs)
    direct = direct_quotes(text, index, paragraphs, quoted, names)
    used = {d.cue.start for d in direct if d.cue is not None}
    skipped = skipped_cues(quoted, used)
    sentences = cue_sentences(index, skipped)
    direct.sort(key=lambda d: d.start)
    starts = [d.start for d in direct]
    reach = list(accumulate((d.end for d in direct), max))
    found = reported_speech(text, index, sentences, quoted, skipped, names)
    if paragraphs and not text[: paragraphs[0].start].strip():
        found += filter(None, [headline_claim(index, paragraphs[0])])
    reported, absorbed = [], set()
    for r in found:
        repeated = _repeated(r, direct, starts, reach)
        if repeated and _absorbs(r, [direct[i] for i in repeated]):
            absorbed.update(repeated)
        elif repeated:
            continue
        reported.append(r)
    direct = [d for i, d in enumerate(direct) if i not in absorbed]
    reported = _drop_repeats(reported)
    drafts = _inherit_speakers(sorted(direct + reported, key=lambda d: d.start), paragraphs)
    return _records(article, drafts)


def _inherit_speakers(drafts: list[Draft], paragraphs: list[Span]) -> list[Draft]:
    """An unattributed quote right after a paragraph whose last quote has a speaker (direct
    or reported) is that speaker's: news text strings one person's words this way."""
    starts = [p.start for p in paragraphs]
    result: list[Draft] = []
    for d in drafts:
        prev = result[-1] if result else None
        if d.mention is None and prev is not None and prev.mention is not None:
            here = bisect_right(starts, d.start) - 1
            if bisect_right(starts, prev.end - 1) - 1 >= here - 1:
                d = Draft(d.kind, d.parts, prev.cue, prev.mention, "context:previous-speaker")
        result.append(d)
    return result


def _past_blocked(text: str, paragraph: Span, blocked: list[tuple[int, int]]) -> Span:
    """The paragraph without a region that opens it (`QUETTA, Pakistan (Reuters) -`): no
    quote takes a dateline into its content."""
    for start, end in blocked:
        if start <= paragraph.start < end < paragraph.end:
            rest = len(text[end : paragraph.end]) - len(text[end : paragraph.end].lstrip())
            return Span(end + rest, paragraph.end)
    return paragraph


def _covered(span: Span, blocked: list[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e for s, e in blocked)


def _repeated(draft: Draft, others: list[Draft], starts: list[int], reach: list[int]) -> list[int]:
    """The direct quotes (indices into ``others``) that a reported clause mostly repeats: such
    a clause is that quote, not a new one.

    ``others`` are sorted by start; ``reach[i]`` is the furthest end among ``others[:i + 1]``,
    so only the few drafts that can overlap are looked at.
    """
    size = draft.end - draft.start
    found = []
    i = bisect_left(starts, draft.end) - 1
    while i >= 0 and reach[i] > draft.start:
        other = others[i]
        if min(draft.end, other.end) - max(draft.start, other.start) > size / 2:
            found.append(i)
        i -= 1
    return found


def _absorbs(mixed: Draft, quotes: list[Draft]) -> bool:
    """Does an attributed mixed clause hold whole the unattributed quotes it repeats
    (`"Science is the way to go" to grow Africa's potential, Schutte said.`)? It replaces them."""
    return (
        mixed.kind == "mixed"
        and mixed.mention is not None
        and all(q.mention is None and mixed.start <= q.start and q.end <= mixed.end for q in quotes)
    )


def _drop_repeats(drafts: list[Draft]) -> list[Draft]:
    """One speaker's clause read through two cues (`confirmed this, saying it was ...`) is one
    quote: a draft holding another draft of the same mention gives way to the inner one, and
    a draft repeating another's span is dropped. Nested attributions of different speakers
    (`X said Y claimed Z`) both stay. Sorted once per mention: no pairwise comparison."""
    by_mention: dict[tuple[int, int], dict[tuple[int, int], Draft]] = {}
    for d in drafts:
        if d.mention is not None:
            by_mention.setdefault((d.mention.start, d.mention.end), {}).setdefault(
                (d.start, d.end), d
            )
    keep = {id(d) for d in drafts if d.mention is None}
    for spans in by_mention.values():
        least = None  # the least end among the spans after this one, which start no earlier
        for start, end in sorted(spans, key=lambda span: (-span[0], span[1])):
            if least is None or least > end:
                keep.add(id(spans[start, end]))
            least = end if least is None else min(least, end)
    return [d for d in drafts if id(d) in keep]


def _records(article: Article, drafts: list[Draft]) -> list[Quote]:
    text = article.text
    resolver = SpeakerResolver(text)
    order = sorted(range(len(drafts)), key=lambda n: _anchor(drafts[n]))
    speakers: dict[int, tuple[str | None, str]] = {}
    for n in order:
        mention = drafts[n].mention
        if mention is None:
            speakers[n] = (None, "none")
        else:
            resolution = resolver.resolve(mention)
            speakers[n] = (resolution.speaker, resolution.rule)
    nested = _nested(drafts, [speakers[n][0] for n in range(len(drafts))])
    kept = [n for n in range(len(drafts)) if n not in nested]
    return [_quote(article, i, drafts[n], *speakers[n]) for i, n in enumerate(kept)]


def _nested(drafts: list[Draft], speakers: list[str | None]) -> set[int]:
    """Drafts whose cue and content lie inside the content of another draft of the same
    speaker (`Ban condemned what he called "a brazen breach"`; `Lynch said ..., she noted,
    ...`): one stretch of a speaker's words is one quote, not counted twice. The outer one
    stays. One sweep per speaker, in order of where each attribution begins."""
    by_speaker: dict[str, list[tuple[int, int, int]]] = {}
    for n, (d, speaker) in enumerate(zip(drafts, speakers, strict=True)):
        if speaker is not None:
            begin = min(d.start, d.cue.start) if d.cue is not None else d.start
            by_speaker.setdefault(speaker, []).append((begin, -d.end, n))
    nested = set()
    for items in by_speaker.values():
        cover = None  # the draft reaching furthest among those begun so far
        for begin, _, n in sorted(items):
            if (
                cover is not None
                and drafts[cover].start <= begin
                and drafts[n].end <= drafts[cover].end
            ):
                nested.add(n)
            elif cover is None or drafts[n].end > drafts[cover].end:
                cover = n
    return nested


def _anchor(draft: Draft) -> int:
    return draft.mention.start if draft.mention is not None else draft.start


def _quote(article: Article, n: int, d: Draft, speaker: str | None, speaker_rule: str) -> Quote:
    text = article.text
    m = d.mention
    cue = d.cue
    description = text[m.description[0] : m.description[1]] if m and m.description else None
    return Quote(
        doc_id=article.doc_id,
        quote_id=f"{article.doc_id}-q{n + 1:03d}",
        kind=d.kind,
        text=text[d.start : d.end],
        start=d.start,
        end=d.end,
        cue=text[cue.start : cue.end] if cue else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        speaker=speaker,
        speaker_mention=text[m.start : m.end] if m else None,
        mention_start=m.start if m else None,
        mention_end=m.end if m else None,
        speaker_description=description,
        parts=tuple((p.start, p.end) for p in d.parts),
        provenance={"quote_rule": d.rule, "speaker_rule": speaker_rule},
    )
