"""Sentiment of quotation content: VADER scores per sentence and for the whole quote.

``mode="vader"`` is vaderSentiment exactly (the reference). ``mode="news"`` extends VADER's
lexicon with conflict and policy vocabulary, scopes negative quantifiers ("No civilians were
harmed"), and maps sentence features to a human-like rating with a shipped linear calibration
plus a per-word residual (``news_calibration.yaml``, ``news_word_weights.tsv``), both learned on
the open half of the NYT editorial snippets. Pearson r with their human ratings, 10-fold
cross-validated: VADER 0.499, news mode 0.568-0.570 over five fold seeds (0.551 without the
word residual).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vaderSentiment.vaderSentiment import N_SCALAR, NEGATE

from .errors import ConfigError, IngestError
from .fast_vader import FastVader, Scored
from .io import write_text
from .model import Span
from .resources import data_table, data_yaml
from .segment import split_sentences

if TYPE_CHECKING:  # numpy is for fitting only: scoring never imports it
    import numpy as np

MODES = ("vader", "news")
LEXICON_FILE = "news_lexicon.yaml"
CALIBRATION_FILE = "news_calibration.yaml"
WORD_WEIGHTS_FILE = "news_word_weights.tsv"
FEATURES = (
    "compound", "pos", "neg", "pos_sum", "neg_sum", "n_pos", "n_neg",
    "negations", "contrast", "question",
)  # fmt: skip
"""Sentence features the news calibration weighs (all from the news-lexicon analyzer)."""
WORD_MIN_SENTENCES = 5
"""A word gets a calibration residual weight only if this many training sentences use it."""

# Words that end the scope of a negative quantifier before it reaches a sentiment word.
_SCOPE_BREAKS = frozenset(
    "and but or because while whereas although though if when which who whom that".split()
)
_SCOPE_WINDOW = 8
_NEGATORS = frozenset(NEGATE)


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """The scores of one sentence; ``start``/``end`` are offsets into the scored text."""

    start: int
    end: int
    compound: float
    pos: float
    neu: float
    neg: float


@dataclass(frozen=True, slots=True)
class Sentiment:
    """Scores of a quote's content, with the sentence-level scores they aggregate."""

    compound: float
    pos: float
    neu: float
    neg: float
    sentences: tuple[SentenceSentiment, ...] = ()
    mode: str = "vader"

    def as_dict(self) -> dict[str, float]:
        """The quote record's ``sentiment`` field."""
        return {"compound": self.compound, "pos": self.pos, "neu": self.neu, "neg": self.neg}


class NewsAnalyzer(FastVader):
    """VADER with a news lexicon and negative-quantifier scope; VADER's rules otherwise.

    Parameters
    ----------
    valence : word -> VADER-scale valence, added to (or replacing) VADER's entries.
    neutral : words removed from the lexicon (their VADER sense is not the news sense).
    quantifiers : negative quantifiers whose scope reaches past VADER's 3-word window.
    base : a plain analyzer whose lexicons to start from (``FastVader``); else read anew.
    """

    def __init__(
        self,
        valence: Mapping[str, float],
        neutral: Iterable[str] = (),
        quantifiers: Iterable[str] = (),
        base: FastVader | None = None,
    ) -> None:
        super().__init__(base)
        vader = dict(self.lexicon)
        self.lexicon.update({w.lower(): float(v) for w, v in valence.items()})
        for word in neutral:
            self.lexicon.pop(word.lower(), None)
        self.quantifiers = frozenset(q.lower() for q in quantifiers)
        self._negators = _NEGATORS | self.quantifiers
        # A sentence with none of these words has plain VADER's valences (no rule looks
        # beyond the sentence's own words' entries but "least", itself one if it differs).
        lexicon, words = self.lexicon, vader.keys() | self.lexicon.keys()
        changed = frozenset(w for w in words if vader.get(w) != lexicon.get(w))
        self._own_words = changed | self.quantifiers

    def word_valence(
        self, words: Sequence[str], lowered: Sequence[str], i: int, caps: bool
    ) -> float:
        """VADER's word valence, then negated if a negative quantifier scopes over it."""
        valence = super().word_valence(words, lowered, i, caps)
        if valence and self._in_quantifier_scope(lowered, i):
            valence *= N_SCALAR
        return valence

    def _in_quantifier_scope(self, lowered: Sequence[str], i: int) -> bool:
        """A quantifier beyond VADER's own negation window, with no clause break between."""
        for distance in range(1, min(i, _SCOPE_WINDOW) + 1):
            word = lowered[i - distance]
            if word in _SCOPE_BREAKS:
                return False
            if word in self.quantifiers:
                return distance > (2 if word == "no" else 3)
        return False

    def features(self, sentence: str, plain: Scored | None = None) -> dict[str, float]:
        """VADER's four scores of one sentence plus the calibration features (``FEATURES``);
        ``plain``: plain VADER's ``scored`` of the same sentence (see ``analyse``)."""
        return self.analyse(sentence, plain)[0]

    def analyse(
        self, sentence: str, plain: Scored | None = None
    ) -> tuple[dict[str, float], Sequence[str]]:
        """``features`` and the sentence's lower-cased words (for the calibration's word
        residual); ``plain``: plain VADER's ``scored`` of the same sentence, reused when no
        word of it scores differently here (four sentences in five)."""
        if plain is not None and self._own_words.isdisjoint(plain[1]):
            text, lowered, valences, vader = plain
        else:
            text, lowered, valences, vader = self.scored(sentence)
        positive = [v for v in valences if v > 0]
        negative = [v for v in valences if v < 0]
        features = {
            **vader,
            "pos_sum": sum(positive),
            "neg_sum": sum(negative),
            "n_pos": float(len(positive)),
            "n_neg": float(len(negative)),
            "negations": float(self._negations(text, lowered)),
            "contrast": float("but" in lowered),
            "question": float("?" in sentence),
        }
        return features, lowered

    def _negations(self, text: str, lowered: Sequence[str]) -> int:
        """How many words are negators or contain "n't"."""
        if "n't" in text.lower():
            return sum(w in self._negators or "n't" in w for w in lowered)
        if self._negators.isdisjoint(lowered):  # most sentences
            return 0
        return sum(map(self._negators.__contains__, lowered))


@dataclass(frozen=True)
class NewsCalibration:
    """A linear map from sentence features and words to a human rating on the -4..+4 scale.

    ``words`` is a residual per lower-cased word, added once per occurrence: what the features
    miss about a word's tone in editorials ("too", "only" lean negative). ``compound`` centres
    the rating on ``intercept`` (a sentence without sentiment words or weighted words is 0,
    whatever the training corpus's mean) and divides it by ``scale``.
    """

    weights: Mapping[str, float]
    intercept: float
    scale: float = 4.0
    provenance: Mapping[str, Any] | None = None
    words: Mapping[str, float] = field(default_factory=dict)

    def rating(self, features: Mapping[str, float], words: Iterable[str] = ()) -> float:
        """The predicted human rating of a sentence with these features and words: the
        weighted features summed in ``weights`` order, then the words' residuals in order."""
        names, weights = self._weight_columns
        linear = sum(map(mul, weights, map(features.__getitem__, names)))
        if self.words:
            linear += sum(map(self.words.get, words, repeat(0.0)))
        return self.intercept + linear

    @cached_property
    def _weight_columns(self) -> tuple[tuple[str, ...], tuple[float, ...]]:
        """``weights`` as its names and its values, for ``rating`` to map over (no Python
        loop per sentence)."""
        return tuple(self.weights), tuple(self.weights.values())

    def compound(self, features: Mapping[str, float], words: Iterable[str] = ()) -> float:
        """The news-mode compound score of a sentence, in [-1, 1], 0 for neutral."""
        rating = self.rating(features, words)
        return max(-1.0, min(1.0, (rating - self.intercept) / self.scale))

    def to_yaml_dict(self) -> dict[str, Any]:
        """What ``news_calibration.yaml`` holds (the word weights go to ``words_tsv``)."""
        return {
            "weights": {k: float(v) for k, v in self.weights.items()},
            "intercept": float(self.intercept),
            "scale": float(self.scale),
            "provenance": dict(self.provenance or {}),
        }

    def words_tsv(self) -> str:
        """What ``news_word_weights.tsv`` holds: ``word<TAB>weight`` lines, alphabetical (a
        table, not YAML: it loads in a millisecond, YAML in 35 ms)."""
        header = "# Learned by `python benchmarks/sentiment_eval.py --fit`; do not edit by hand.\n"
        rows = [f"{word}\t{weight:.5f}\n" for word, weight in sorted(self.words.items())]
        return header + "".join(rows)

    @classmethod
    def from_yaml_dict(cls, table: Any, source: str) -> NewsCalibration:
        """A calibration read from YAML; unknown features or bad numbers are a ConfigError."""
        try:
            weights = {str(k): float(v) for k, v in table["weights"].items()}
            calibration = cls(weights, float(table["intercept"]), float(table.get("scale", 4.0)))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(source, "needs 'weights' (feature: number) and 'intercept'") from None
        unknown = sorted(set(weights) - set(FEATURES))
        if unknown:
            raise ConfigError(source, f"unknown features {unknown}; known: {list(FEATURES)}")
        return cls(weights, calibration.intercept, calibration.scale, table.get("provenance"))


def word_weights(rows: Iterable[Sequence[str]], source: str) -> dict[str, float]:
    """The word residual from ``word<TAB>weight`` rows; any other row is a ConfigError."""
    weights = {}
    for row in rows:
        try:
            word, weight = row
            weights[word] = float(weight)
        except ValueError:
            raise ConfigError(source, f"expected word<TAB>number, found {row!r}") from None
    return weights


def fit_news_calibration(
    sentences: Sequence[str], ratings: Sequence[float], provenance: Mapping[str, Any] | None = None
) -> NewsCalibration:
    """Ridge regression of human ratings on the news features of each sentence (one unit
    each), then a ridge word residual: per-word weights fitted to what the features leave.

    Features are standardised; word weights are per occurrence, for the words of
    ``residual_vocabulary`` (rarer words would only learn their few sentences' ratings).
    Each penalty is chosen by leave-one-out CV. Only benchmark scripts (or a study
    recalibrating on its own ratings) call this, never import time.
    """
    import numpy as np

    analysed = [news_analyzer().analyse(sentence) for sentence in sentences]
    table = np.array([[f[name] for name in FEATURES] for f, _ in analysed])
    target = np.asarray(ratings, dtype=float)
    weights, intercept, alpha = _ridge(table, target, np.logspace(-3, 3, 13), standardise=True)
    vocabulary = residual_vocabulary([news_analyzer().words(s) for s in sentences])
    counts = np.zeros((len(analysed), len(vocabulary)))
    for row, (_, words) in enumerate(analysed):
        for word in words:
            if (column := vocabulary.get(word)) is not None:
                counts[row, column] += 1
    residual = target - intercept - table @ weights
    per_word, word_intercept, word_alpha = _ridge(counts, residual, np.logspace(0, 3, 10))
    info = {
        "alpha": alpha,
        "word_alpha": word_alpha,
        "n": len(sentences),
        "n_words": len(vocabulary),
        **(provenance or {}),
    }
    return NewsCalibration(
        dict(zip(FEATURES, map(float, weights), strict=True)),
        intercept + word_intercept,
        4.0,
        info,
        dict(zip(vocabulary, map(float, per_word), strict=True)),
    )


def residual_vocabulary(sentences_words: Sequence[Sequence[str]]) -> dict[str, int]:
    """The lower-cased words that get a residual weight, each with its column (alphabetical):
    those at least ``WORD_MIN_SENTENCES`` sentences use, except names and numbers.

    ``sentences_words``: each sentence's words as written. A word capitalised in most of its
    uses after a sentence's first word names a person, place or body, and a word with a digit
    a quantity: their weights would learn the training corpus's topics, not tone.
    """
    used: dict[str, int] = {}
    inner: dict[str, int] = {}
    capitalised: dict[str, int] = {}
    for words in sentences_words:
        for word in {w.lower() for w in words}:
            used[word] = used.get(word, 0) + 1
        for word in words[1:]:
            low = word.lower()
            inner[low] = inner.get(low, 0) + 1
            capitalised[low] = capitalised.get(low, 0) + word[:1].isupper()
    kept = sorted(
        word
        for word, n in used.items()
        if n >= WORD_MIN_SENTENCES
        and 2 * capitalised.get(word, 0) <= inner.get(word, 0)
        and not any(map(str.isdigit, word))
    )
    return {word: column for column, word in enumerate(kept)}


def _ridge(
    table: np.ndarray, target: np.ndarray, alphas: np.ndarray, standardise: bool = False
) -> tuple[np.ndarray, float, float]:
    """Ridge weights (in the table's own units), intercept, and the penalty of ``alphas``
    with the least leave-one-out squared error; ``standardise`` penalises every column on
    one scale (features of unlike units).

    One eigendecomposition of the centred table's Gram matrix gives every penalty's fit and
    leave-one-out residuals: sklearn's RidgeCV (same penalty, same weights), without the
    per-penalty cost that made it take seconds on a word table.
    """
    import numpy as np

    mean, std = table.mean(axis=0), np.ones(table.shape[1])
    if standardise:
        std = table.std(axis=0)
        std[std == 0] = 1.0
    x, y = (table - mean) / std, target - target.mean()
    eigenvalues, vectors = np.linalg.eigh(x.T @ x)
    projected, xty = x @ vectors, vectors.T @ (x.T @ y)
    squared = projected**2
    errors = []
    for alpha in alphas:
        shrink = 1.0 / (eigenvalues + alpha)
        leverage = squared @ shrink + 1.0 / len(y)
        errors.append(float(np.mean(((y - projected @ (shrink * xty)) / (1 - leverage)) ** 2)))
    alpha = float(alphas[int(np.argmin(errors))])
    weights = vectors @ (xty / (eigenvalues + alpha)) / std
    return weights, float(target.mean() - weights @ mean), alpha


@lru_cache(maxsize=1)
def _vader() -> FastVader:
    return FastVader()


@lru_cache(maxsize=1)
def news_analyzer() -> NewsAnalyzer:
    """The shared news-mode analyzer, built from ``news_lexicon.yaml`` on first use."""
    table = data_yaml(LEXICON_FILE)
    valence, neutral = table.get("valence", {}), table.get("neutral", ())
    return NewsAnalyzer(valence, neutral, table.get("negative_quantifiers", ()), _vader())


@lru_cache(maxsize=1)
def shipped_calibration() -> NewsCalibration:
    """The calibration in ``perspectives/data/``: ``news_calibration.yaml`` and its word
    residual, ``news_word_weights.tsv``."""
    calibration = NewsCalibration.from_yaml_dict(data_yaml(CALIBRATION_FILE), CALIBRATION_FILE)
    return replace(
        calibration, words=word_weights(data_table(WORD_WEIGHTS_FILE), WORD_WEIGHTS_FILE)
    )


def score(text: str, mode: str = "vader", calibration: NewsCalibration | None = None) -> Sentiment:
    """Sentiment of ``text``, its sentences found with ``perspectives.segment``."""
    return score_quote(text, None, mode, calibration)


def score_quote(
    text: str,
    sentence_spans: Iterable[Span | tuple[int, int]] | None = None,
    mode: str = "vader",
    calibration: NewsCalibration | None = None,
) -> Sentiment:
    """Sentiment of a quote's content and of each of its sentences.

    ``sentence_spans`` are (start, end) offsets into ``text`` (or objects with ``start`` and
    ``end``); without them the text is split by ``perspectives.segment.split_sentences``.
    ``vader``: the whole text's scores are vaderSentiment's, exactly. ``news``: each sentence
    is scored with the news lexicon and calibration, and the quote's scores are the mean of
    its sentences' weighted by their number of words.
    """
    _check_mode(mode)
    spans = quote_sentences(text) if sentence_spans is None else list(map(_as_pair, sentence_spans))
    if mode == "vader":
        plain = _plain_scored(text, spans)
        return _sentiment(plain[0][3], spans, [scored[3] for scored in plain[1:]], mode)
    scores = _news_scores(text, spans, calibration, [None] * len(spans))
    whole = _weighted_mean(scores, [len(text[s:e].split()) for s, e in spans])
    return _sentiment(whole, spans, scores, mode)


def score_vader_and_compound(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    mode: str = "vader",
    calibration: NewsCalibration | None = None,
) -> tuple[Sentiment, float]:
    """``score_quote`` in ``vader`` mode and the compound alone of ``mode`` (all a quote
    record keeps of it), the two sharing each sentence's words and plain valences."""
    scores, compound = plain_and_compound(text, sentence_spans, mode, calibration)
    return _sentiment(scores[0], sentence_spans, scores[1:], "vader"), compound


def plain_and_compound(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    mode: str = "vader",
    calibration: NewsCalibration | None = None,
) -> tuple[list[dict[str, float]], float]:
    """``score_vader_and_compound`` as plain VADER's score dicts (the whole text's, then each
    sentence's) and the compound of ``mode``: a quote record is built from them directly."""
    _check_mode(mode)
    plain = _plain_scored(text, sentence_spans)
    scores = [scored[3] for scored in plain]
    if mode == "vader":
        return scores, scores[0]["compound"]
    news = _news_scores(text, sentence_spans, calibration, plain[1:])
    weights = [len(text[s:e].split()) for s, e in sentence_spans]
    return scores, _weighted_mean(news, weights, ("compound",))["compound"]


def _plain_scored(text: str, spans: Sequence[tuple[int, int]]) -> list[Scored]:
    """Plain VADER's ``scored`` of the whole text, then of each sentence (the whole again for
    a sentence that is all of it)."""
    vader = _vader()
    whole = vader.scored(text)
    return [whole] + [
        whole if (s, e) == (0, len(text)) else vader.scored(text[s:e]) for s, e in spans
    ]


def _sentiment(
    whole: Mapping[str, float], spans: Sequence[tuple[int, int]], scores: list, mode: str
) -> Sentiment:
    """A ``Sentiment`` from the whole text's and each sentence's score dicts."""
    sentences = tuple(
        SentenceSentiment(s, e, sc["compound"], sc["pos"], sc["neu"], sc["neg"])
        for (s, e), sc in zip(spans, scores, strict=True)
    )
    return Sentiment(whole["compound"], whole["pos"], whole["neu"], whole["neg"], sentences, mode)


def _news_scores(
    text: str,
    spans: Sequence[tuple[int, int]],
    calibration: NewsCalibration | None,
    plain: Sequence[Scored | None],
) -> list[dict[str, float]]:
    """The news features of each sentence, with the calibrated compound as ``compound``;
    ``plain``: each sentence's plain VADER ``scored``, if known."""
    cal = calibration or shipped_calibration()
    analyzer = news_analyzer()
    scores = []
    for (s, e), scored in zip(spans, plain, strict=True):
        features, words = analyzer.analyse(text[s:e], scored)
        features["compound"] = round(cal.compound(features, words), 4)
        scores.append(features)
    return scores


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ConfigError("sentiment mode", f"unknown mode {mode!r}; choose one of {MODES}")


def _as_pair(span: Any) -> tuple[int, int]:
    if type(span) is not tuple and hasattr(span, "start"):  # (most spans are plain tuples)
        return span.start, span.end
    return int(span[0]), int(span[1])


def quote_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets from the segmenter: what ``score_quote`` splits by; split once and
    pass them to score a quote in several modes.

    Punkt cuts only after a '.', '?' or '!' with more text after it, so a text with none
    before its last character is one sentence, its stripped whole (most quotes: no Punkt).
    """
    body = text.rstrip()[:-1]
    if "." in body or "?" in body or "!" in body:
        return [_as_pair(s) for s in split_sentences(text)]
    end = len(text.rstrip())
    return [(len(text) - len(text.lstrip()), end)] if end else []


def _weighted_mean(
    scores: list[dict[str, float]],
    weights: list[int],
    keys: tuple[str, ...] = ("compound", "pos", "neu", "neg"),
) -> dict[str, float]:
    """Scores averaged over sentences, each weighted by its word count; zeros if no words."""
    total = sum(weights)
    if not total:
        return dict.fromkeys(keys, 0.0)
    pairs = list(zip(weights, scores, strict=True))
    return {key: round(sum([w * s[key] for w, s in pairs]) / total, 4) for key in keys}


def sentiment_tsv(in_path: str | Path, out_path: str | Path, mode: str = "news") -> int:
    """Score a TSV (id first, sentence last) into ``id<TAB>vader<TAB><mode>``; rows written.

    Blank lines are skipped; any other row with fewer than two columns is an IngestError
    naming the file and line. The output is written atomically.
    """
    _check_mode(mode)
    rows = list(_read_rows(Path(in_path)))
    lines = [f"id\tvader\t{mode}\n"]
    for row_id, sentence in rows:
        vader = _vader().polarity_scores(sentence)["compound"]
        other = vader if mode == "vader" else score(sentence, mode).compound
        lines.append(f"{row_id}\t{vader:.4f}\t{other:.4f}\n")
    write_text(Path(out_path), "".join(lines))
    return len(rows)


def _read_rows(path: Path) -> Iterable[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or "cannot be read") from None
    except UnicodeDecodeError:
        raise IngestError(str(path), "not UTF-8 text") from None
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) < 2:
            raise IngestError(
                f"{path}:{number}", "expected id<TAB>...<TAB>sentence, found 1 column"
            )
        yield columns[0], columns[-1]
