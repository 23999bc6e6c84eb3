"""VADER exactly as vaderSentiment 3.3.2 scores it, without its repeated lower-casing.

vaderSentiment lower-cases a sentence's whole word list inside every negation and idiom check
(quadratic in sentence length); ``FastVader`` splits and lower-cases each sentence once and
applies the same rules, in the same order, with the same floating-point operations.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from string import punctuation

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

_NEGATE = frozenset(NEGATE)
# Words that change a lexicon word's valence from up to three words before it (boosters,
# negations, "no", "least", "so"/"this" after "never", "without doubt"), and the last words
# of the idioms and booster phrases VADER looks for from two words before to two after.
_MODIFIERS = _NEGATE | set(BOOSTER_DICT) | {"no", "least", "so", "this", "never", "without"}
_IDIOM_ENDS = frozenset(
    phrase.split()[-1] for phrase in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in phrase
)

Scored = tuple[str, Sequence[str], list[float], dict[str, float]]
"""``FastVader.scored``: stripped text, lower-cased words, valences, polarity scores."""


class FastVader(SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with identical ``polarity_scores``, several times faster.

    Subclasses change one lexicon word's valence in context by overriding ``word_valence``.
    """

    def __init__(self, base: FastVader | None = None) -> None:
        """vaderSentiment's lexicons, read from its files, or taken from ``base``, an analyzer
        already built (reading and parsing them again costs milliseconds in every process);
        the word lexicon is copied, as a subclass may change its own."""
        if base is None:
            super().__init__()
        else:
            self.lexicon_full_filepath = base.lexicon_full_filepath  # the files' text
            self.emoji_full_filepath = base.emoji_full_filepath
            self.lexicon = dict(base.lexicon)
            self.emojis = base.emojis
        self._emoji_chars = frozenset(self.emojis)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """vaderSentiment's ``neg``, ``neu``, ``pos`` and ``compound`` of ``text``."""
        text, _, valences = self.valences(text)
        return self.score_valence(valences, text)

    def scored(self, text: str) -> Scored:
        """``valences`` of ``text`` and their ``polarity_scores``, for a second analyzer of
        the same text to reuse (``NewsAnalyzer.features``)."""
        text, lowered, valences = self.valences(text)
        return text, lowered, valences, self.score_valence(valences, text)

    def words(self, text: str) -> tuple[str, ...]:
        """VADER's words of ``text`` as written (emoji described, edge punctuation stripped):
        the words ``valences`` lower-cases, in the same order."""
        return _words(self._emoji_as_words(text))[0]

    def score_valence(self, sentiments: Sequence[float], text: str) -> dict[str, float]:
        """vaderSentiment's ``score_valence``; a text without a sentiment word (a third of
        news sentences) is neutral without its arithmetic, whose result that is."""
        if any(sentiments):
            positive = [v for v in sentiments if v > 0]
            return _scores(sentiments, positive, [v for v in sentiments if v < 0], text)
        return {"neg": 0.0, "neu": 1.0 if sentiments else 0.0, "pos": 0.0, "compound": 0.0}

    def valences(self, text: str) -> tuple[str, Sequence[str], list[float]]:
        """The steps of ``polarity_scores`` before its final sum: text, lower-cased words, and
        each word's valence after VADER's boosters, negations, idioms and "but"."""
        text = self._emoji_as_words(text)
        words, lowered, is_cap_diff = _words(text)
        lexicon, last = self.lexicon, len(words) - 1
        valences: list[float] = [0] * len(lowered)
        for i in [i for i, low in enumerate(lowered) if low in lexicon]:  # most words are not
            low = lowered[i]
            if low in BOOSTER_DICT or (low == "kind" and i < last and lowered[i + 1] == "of"):
                continue
            valences[i] = self.word_valence(words, lowered, i, is_cap_diff)
        return text, lowered, _but_check(lowered, valences)

    def word_valence(
        self, words: Sequence[str], lowered: Sequence[str], i: int, caps: bool
    ) -> float:
        """The valence of lexicon word ``i`` in context (vaderSentiment's ``sentiment_valence``);
        ``caps``: some but not all of the sentence's words are in capitals."""
        lexicon = self.lexicon
        low = lowered[i]
        valence = lexicon[low]
        if valence and _plain(lowered, i):  # no rule reaches the word: most words
            if caps and words[i].isupper():
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            return valence
        if low == "no" and i != len(lowered) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * N_SCALAR
        if caps and words[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(min(i, 3)):
            j = i - start_i - 1
            if lowered[j] in lexicon:
                continue
            scalar = _scalar_inc_dec(words[j], lowered[j], valence, caps)
            if scalar != 0 and start_i:
                scalar = scalar * (0.95 if start_i == 1 else 0.9)
            valence = _negation_check(valence + scalar, lowered, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lowered, i)
        return _least_check(valence, lowered, i, lexicon)

    def _emoji_as_words(self, text: str) -> str:
        """Emoji replaced by their descriptions, then stripped, as ``polarity_scores`` does."""
        if text.isascii() or self._emoji_chars.isdisjoint(text):
            return text.strip()
        parts, prev_space = [], True
        for char in text:
            if char in self._emoji_chars:
                parts.append(("" if prev_space else " ") + self.emojis[char])
                prev_space = False
            else:
                parts.append(char)
                prev_space = char == " "
        return "".join(parts).strip()


def _scores(
    sentiments: Sequence[float], positive: list[float], negative: list[float], text: str
) -> dict[str, float]:
    """vaderSentiment's ``score_valence`` of valences with some non-zero, given their positive
    and negative ones in order: the same floating-point operations in one function."""
    sum_s = float(sum(sentiments))
    amplifier = _punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    pos_sum = neg_sum = 0.0
    for valence in positive:
        pos_sum += float(valence) + 1  # compensates for neutral words counted as 1
    for valence in negative:
        neg_sum += float(valence) - 1
    neu_count = len(sentiments) - len(positive) - len(negative)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(normalize(sum_s), 4),
    }


def _punctuation_emphasis(text: str) -> float:
    """vaderSentiment's emphasis of up to four '!' and of two or more '?'."""
    if "!" not in text and "?" not in text:
        return 0.0
    questions = text.count("?")
    if questions > 1:
        question_amplifier = questions * 0.18 if questions <= 3 else 0.96
    else:
        question_amplifier = 0
    return min(text.count("!"), 4) * 0.292 + question_amplifier


@lru_cache(maxsize=16)
def _words(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """VADER's words of ``text`` (edge punctuation stripped unless that leaves under three
    characters), lower-cased, and whether some but not all are in capitals. Cached for the
    few sentences of one quote, which the plain and news analyzers both score (too small to
    carry results from one article to the next)."""
    words = tuple([w if len(w := t.strip(punctuation)) > 2 else t for t in text.split()])
    capitals = sum(map(str.isupper, words))
    return words, tuple([word.lower() for word in words]), 0 < len(words) - capitals < len(words)


def _plain(lowered: Sequence[str], i: int) -> bool:
    """Whether no word near word ``i`` can trigger a rule of ``word_valence`` (then only the
    capitals rule applies: the other rules leave a non-zero valence as it is)."""
    before = lowered[max(0, i - 3) : i]
    return (
        lowered[i] != "no"
        and _MODIFIERS.isdisjoint(before)
        and _IDIOM_ENDS.isdisjoint(lowered[max(0, i - 2) : i + 3])
        and "n't" not in " ".join(before)
    )


def _scalar_inc_dec(word: str, low: str, valence: float, is_cap_diff: bool) -> float:
    """A preceding booster's or dampener's push on ``valence`` (vaderSentiment's rule)."""
    if low not in BOOSTER_DICT:
        return 0.0
    scalar = BOOSTER_DICT[low]
    if valence < 0:
        scalar *= -1
    if word.isupper() and is_cap_diff:
        scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def _negated(low: str) -> bool:
    return low in _NEGATE or "n't" in low


def _negation_check(valence: float, lowered: Sequence[str], start_i: int, i: int) -> float:
    """vaderSentiment's ``_negation_check`` over the already lower-cased words."""
    before1, before2 = lowered[i - 1], lowered[i - 2]
    if start_i == 0:
        if _negated(before1):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if before2 == "never" and before1 in ("so", "this"):
            valence = valence * 1.25
        elif not (before2 == "without" and before1 == "doubt") and _negated(before2):
            valence = valence * N_SCALAR
    else:
        before3 = lowered[i - 3]
        if (before3 == "never" and before2 in ("so", "this")) or before1 in ("so", "this"):
            valence = valence * 1.25
        elif not (before3 == "without" and "doubt" in (before2, before1)) and _negated(before3):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lowered: Sequence[str], i: int) -> float:
    """vaderSentiment's ``_special_idioms_check`` (called with ``i >= 3``)."""
    w3, w2, w1, w0 = lowered[i - 3], lowered[i - 2], lowered[i - 1], lowered[i]
    threetwoone, threetwo, twoone = f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lowered) - 1 > i and f"{w0} {lowered[i + 1]}" in SPECIAL_CASES:
        valence = SPECIAL_CASES[f"{w0} {lowered[i + 1]}"]
    if len(lowered) - 1 > i + 1:
        zeroonetwo = f"{w0} {lowered[i + 1]} {lowered[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(
    valence: float, lowered: Sequence[str], i: int, lexicon: dict[str, float]
) -> float:
    """A preceding "least" negates a word, except in "at least" and "very least"."""
    if i > 0 and lowered[i - 1] == "least" and "least" not in lexicon:
        if i == 1 or lowered[i - 2] not in ("at", "very"):
            valence = valence * N_SCALAR
    return valence


def _but_check(lowered: Sequence[str], valences: list[float]) -> list[float]:
    """vaderSentiment's "but" rule, quirks included: each valence is located with
    ``list.index``, so a value repeated before and after "but" is scaled at its first place."""
    if "but" not in lowered:
        return valences
    bi = lowered.index("but")
    for valence in valences:
        si = valences.index(valence)
        if si < bi:
            valences[si] = valence * 0.5
        elif si > bi:
            valences[si] = valence * 1.5
    return valences
