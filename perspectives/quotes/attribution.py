"""Find the cue and speaker mention that frame a quotation, in the words around it.

``after_quote`` reads the words that follow a closing mark (`"...," said X` / `"...," X said`),
``before_quote`` those that lead up to an opening mark (`X said: "..."`). Both give an
``Attribution`` (cue span + mention) or None; neither guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import DETERMINERS, function_words, lexicon
from .marks import QUOTE_TOKENS
from .mentions import mention_after, mention_before
from .names import Mention
from .tokens import Token

# Cue verbs that take the listener as object (`told reporters`, `asked the minister`).
OBJECT_LEMMAS = frozenset({"tell", "ask", "assure", "warn", "urge", "remind", "inform"})
# Those after which the words that follow are always the listener, never an inverted
# speaker (`..., told the Guardian.`; but `..., asked Senator Smith.` is Smith's question).
LISTENER_LEMMAS = frozenset({"tell", "assure", "remind", "inform"})
_MAX_CUE_DISTANCE = 24
_MAX_OBJECT_TOKENS = 5  # `told German magazine Der Spiegel: "`
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_DASHES = frozenset("―—–")
# Words that open a new clause after a quote (`"...," while police said`); `as X said` attributes.
_NOT_SUBJECT = frozenset(
    {"and", "but", "or", "when", "while", "whereas", "which", "who", "that", "so"}
)


@dataclass(frozen=True, slots=True)
class Attribution:
    cue_start: int
    cue_end: int
    mention: Mention | None
    rule: str


def is_cue(tok: Token) -> bool:
    """A lower-case reporting verb (`said`, `told`); a capitalised one opens a name."""
    return tok.lemma is not None


def sentence_cut(toks: Sequence[Token]) -> int:
    """Index of the first sentence-ending token (abbreviation periods excluded), or len."""
    titles = lexicon().titles
    for k, t in enumerate(toks):
        if t.text in _SENTENCE_END:
            prev = toks[k - 1] if k else None
            glued = prev is not None and prev.end == t.start
            if t.text == "." and glued and (prev.lower in titles or len(prev.text) == 1):
                continue
            if t.text == "." and k + 1 < len(toks) and toks[k + 1].text in ",)":
                continue  # `R-Ky.,` / `(R-Fla.)`: an abbreviation inside the sentence
            return k
    return len(toks)


def after_quote(toks: Sequence[Token]) -> Attribution | None:
    """`, said Dr. Ayesha Raza, a political analyst` or `, he told reporters.` after a quote."""
    first = next((k for k, t in enumerate(toks) if t.is_word), None)
    if first is None or toks[0].text not in ",—–-―" and first != 0:
        return None
    if toks[0].text in _DASHES and first == 1:
        return _signature(toks)
    for c in range(first, min(len(toks), first + _MAX_CUE_DISTANCE)):
        if not is_cue(toks[c]) or (c > first and toks[c - 1].lower in DETERMINERS):
            continue
        if c == first:
            if toks[c].lower in lexicon().participles:
                return None
            m = mention_after(toks, c + 1, len(toks))
            return Attribution(toks[c].start, toks[c].end, m, "after:inverted") if m else None
        m = mention_before(toks, c, first)
        if m is not None and _opens_window(toks, first, opening(m)):
            return Attribution(toks[c].start, toks[c].end, m, "after:subject-verb")
        m = _window_subject(toks, first, c)
        return Attribution(toks[c].start, toks[c].end, m, "after:subject") if m else None
    return None


def _signature(toks: Sequence[Token]) -> Attribution | None:
    """`"..." ― Jane Doe`: a dash and a bare name closing the sentence sign the quote."""
    end = len(toks) - 1 if toks[-1].text in ".," else len(toks)
    m = mention_after(toks, 1, end)
    if m is None or m.name_start is None or m.end != toks[end - 1].end:
        return None
    return Attribution(toks[0].start, toks[0].end, m, "after:signature")


def _window_subject(toks: Sequence[Token], first: int, c: int) -> Mention | None:
    """The subject opening the words after a quote when the cue follows a long apposition
    (`Jane Doe, a writer for The Atlantic, said`) or a plain noun phrase (`the book said`)."""
    between = toks[first:c]
    if any(t.text in QUOTE_TOKENS or is_cue(t) for t in between):
        return None
    m = mention_after(toks, first, c)
    if (
        m is not None
        and m.kind != "pronoun"
        and (m.name_start is not None or m.end == toks[c - 1].end)
    ):
        return m
    closed = function_words()
    if len(between) <= 3 and all(t.is_word and t.lower not in closed for t in between):
        return Mention(between[0].start, between[-1].end, "group")
    return None


def opening(m: Mention) -> int:
    """Where a mention's words open: its description may come first (`his wife, Jane Doe`)."""
    return min(m.start, m.description[0]) if m.description else m.start


def _opens_window(toks: Sequence[Token], first: int, start: int) -> bool:
    """Does the mention open the words after the quote (`panel Chairman X said` allowed: at
    most two lower-case modifiers before it; `"...," and X called it` and `"...," while X
    said` open a new clause)?"""
    lead = [t for t in toks[first:] if t.start < start]
    return len(lead) <= 2 and all(
        t.text.islower() and not is_cue(t) and t.lower not in _NOT_SUBJECT for t in lead
    )


def before_quote(toks: Sequence[Token]) -> Attribution | None:
    """`X said: "` / `X told reporters: "` / `X said that "` / `X: "` before a quote."""
    end = len(toks)
    while end and toks[end - 1].text in {",", ":", "that", "—", "–"}:
        end -= 1
    if end == 0:
        return None
    colon = end < len(toks) and ":" in {t.text for t in toks[end:]}
    for c in range(end - 1, max(-1, end - _MAX_OBJECT_TOKENS - 2), -1):
        if not is_cue(toks[c]):
            continue
        between = toks[c + 1 : end]
        if between and not (colon or _is_object(toks, c, end)):
            return None
        m = mention_before(toks, c, 0)
        return Attribution(toks[c].start, toks[c].end, m, "before:verb") if m else None
    if toks[0].is_cap and lexicon().lemma(toks[0].text) and end < len(toks):
        m = mention_after(toks, 1, end)  # `Said Ellis: "` / `Added the mayor, "`
        tail = max(m.end, m.description[1] if m.description else 0) if m else None
        if m is not None and tail == toks[end - 1].end:
            return Attribution(toks[0].start, toks[0].end, m, "before:inverted")
    if colon:
        m = mention_before(toks, end, 0)
        if m is not None and m.start == toks[0].start:
            cue = toks[end]
            return Attribution(cue.start, cue.end, m, "before:colon")
    return None


def _is_object(toks: Sequence[Token], c: int, end: int) -> bool:
    """`told reporters` / `told the BBC`: a short object after a verb that takes one."""
    if toks[c].lemma not in OBJECT_LEMMAS:
        return False
    m = mention_after(toks, c + 1, end)
    return m is not None and m.end == toks[end - 1].end
