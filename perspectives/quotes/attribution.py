"""Find the cue and speaker mention that frame a quotation, in the words around it.

``after_quote`` reads the words that follow a closing mark (`"...," said X` / `"...," X said`),
``before_quote`` those that lead up to an opening mark (`X said: "..."`). Both give an
``Attribution`` (cue span + mention) or None; neither guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import lexicon
from .mentions import Mention, mention_after, mention_before
from .tokens import Token

_OBJECT_LEMMAS = frozenset({"tell", "ask", "assure", "warn", "urge", "remind", "inform"})
_MAX_CUE_DISTANCE = 12
_SENTENCE_END = frozenset({".", "!", "?", ";"})


@dataclass(frozen=True, slots=True)
class Attribution:
    cue_start: int
    cue_end: int
    mention: Mention | None
    rule: str


def is_cue(tok: Token) -> bool:
    return tok.is_word and lexicon().lemma(tok.text) is not None and not tok.text[0].isupper()


def sentence_cut(toks: Sequence[Token]) -> int:
    """Index of the first sentence-ending token (abbreviation periods excluded), or len."""
    titles = lexicon().titles
    for k, t in enumerate(toks):
        if t.text in _SENTENCE_END:
            prev = toks[k - 1] if k else None
            glued = prev is not None and prev.end == t.start
            if t.text == "." and glued and (prev.lower in titles or len(prev.text) == 1):
                continue
            return k
    return len(toks)


def after_quote(toks: Sequence[Token]) -> Attribution | None:
    """`, said Dr. Ayesha Raza, a political analyst` or `, he told reporters.` after a quote."""
    first = next((k for k, t in enumerate(toks) if t.is_word), None)
    if first is None or toks[0].text not in ",—–-―" and first != 0:
        return None
    for c in range(first, min(len(toks), first + _MAX_CUE_DISTANCE)):
        if not is_cue(toks[c]):
            continue
        if c == first:
            if toks[c].lower in lexicon().participles:
                return None
            m = mention_after(toks, c + 1, len(toks))
            return Attribution(toks[c].start, toks[c].end, m, "after:inverted") if m else None
        m = mention_before(toks, c, first)
        if m is not None and m.start == toks[first].start:
            return Attribution(toks[c].start, toks[c].end, m, "after:subject-verb")
        return None
    return None


def before_quote(toks: Sequence[Token]) -> Attribution | None:
    """`X said: "` / `X told reporters: "` / `X said that "` / `X: "` before a quote."""
    end = len(toks)
    while end and toks[end - 1].text in {",", ":", "that", "—", "–"}:
        end -= 1
    if end == 0:
        return None
    colon = end < len(toks) and ":" in {t.text for t in toks[end:]}
    for c in range(end - 1, max(-1, end - 5), -1):
        if not is_cue(toks[c]):
            continue
        between = toks[c + 1 : end]
        if between and not (colon or _is_object(toks, c, end)):
            return None
        m = mention_before(toks, c, 0)
        return Attribution(toks[c].start, toks[c].end, m, "before:verb") if m else None
    if colon:
        m = mention_before(toks, end, 0)
        if m is not None and m.start == toks[0].start:
            cue = toks[end]
            return Attribution(cue.start, cue.end, m, "before:colon")
    return None


def _is_object(toks: Sequence[Token], c: int, end: int) -> bool:
    """`told reporters` / `told the BBC`: a short object after a verb that takes one."""
    if lexicon().lemma(toks[c].text) not in _OBJECT_LEMMAS:
        return False
    m = mention_after(toks, c + 1, end)
    return m is not None and m.end == toks[end - 1].end
