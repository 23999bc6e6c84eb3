"""Sentiment: plain VADER exactly, news mode closing VADER's news gaps, TSV scoring, benchmark."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.model_selection import KFold
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from perspectives.errors import ConfigError, IngestError
from perspectives.fast_vader import FastVader
from perspectives.segment import split_sentences
from perspectives.sentiment import (
    FEATURES,
    WORD_MIN_SENTENCES,
    NewsAnalyzer,
    NewsCalibration,
    fit_news_calibration,
    news_analyzer,
    quote_sentences,
    residual_vocabulary,
    score,
    score_quote,
    score_vader_and_compound,
    sentiment_tsv,
    shipped_calibration,
    word_weights,
)

VADER = SentimentIntensityAnalyzer()
TRICKY = [
    "This was a well-planned, province-wide offensive by the militants, but our forces were "
    "prepared and have responded decisively.",
    "We stand in solidarity with Pakistan in the face of these acts of terrorist violence.",
    "It is NOT good at all!!! Why??",
    "The talks were kind of helpful, I guess 😀",
    "No civilians were harmed.",
    "",
]
WORDS = st.sampled_from(
    "no none not never but very kind of good bad killed harmed civilians militants were "
    "is the peace war ! ? . , NOT GREAT 😀 :)".split()
)


FAST = FastVader()
VADER_RULE_WORDS = sorted(
    {*NEGATE, *BOOSTER_DICT, *" ".join(SPECIAL_CASES).split()}
    | set("but BUT But no least at very never so this without doubt or nor kind of".split())
)
TOKENS = st.one_of(
    st.sampled_from(sorted(VADER.lexicon)),
    st.sampled_from(VADER_RULE_WORDS),
    st.sampled_from(sorted(e for e in VADER.emojis if len(e) == 1)),
    st.sampled_from("! ? !! ??? !!!!! . , ... :) :( :D -- 'n' 48".split()),
    st.text(alphabet="abcXYZ'!?.-😀\u00a0", max_size=5),
)
STYLED = st.tuples(
    TOKENS,
    st.sampled_from([str, str.upper, str.title, str.lower]),
    st.sampled_from(["", "", "", '"', "(", "..."]),
    st.sampled_from(["", "", "", ",", ".", "!", "?!", '"', ")"]),
    st.sampled_from([" ", " ", " ", "", "  ", "\n", "\t"]),
).map(lambda t: t[2] + t[1](t[0]) + t[3] + t[4])
FAST_VADER_CASES = [
    "Good, good, but GOOD!!! and good but bad",
    "At least it isn't a horrible book.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Without a doubt, excellent idea.",
    "Sentiment analysis has never been this good!",
    "It was kind of good, sort of bad, and no good or bad at all, yeah right",
    "He is the shit, not a bus stop, the kiss of death is to die for",
    "VERY GOOD very good Not BAD no no no never so bad",
    "😀😀 great 💘and 💋 😁",
    "At the very least helpful, at least good, least bad, LEAST happy",
]


def seed_paragraphs(seed_text: str) -> list[str]:
    return [p for p in seed_text.split("\n\n") if len(p) > 200][:6]


@pytest.mark.parametrize("text", TRICKY)
def test_vader_mode_is_vadersentiment_exactly(text: str) -> None:
    assert score(text, "vader").as_dict() == VADER.polarity_scores(text)


def test_vader_mode_on_seed_paragraphs(seed_text: str) -> None:
    paragraphs = seed_paragraphs(seed_text)
    results = [score(paragraph, "vader") for paragraph in paragraphs]
    assert sum(len(result.sentences) for result in results) > len(paragraphs)
    for paragraph, result in zip(paragraphs, results, strict=True):
        assert result.as_dict() == VADER.polarity_scores(paragraph)
        for sentence in result.sentences:
            expected = VADER.polarity_scores(paragraph[sentence.start : sentence.end])
            assert sentence.compound == expected["compound"]


@pytest.mark.parametrize("text", TRICKY + FAST_VADER_CASES)
def test_fast_vader_is_vadersentiment_exactly(text: str) -> None:
    assert FAST.polarity_scores(text) == VADER.polarity_scores(text)
    assert NewsAnalyzer({}).polarity_scores(text) == VADER.polarity_scores(text)


def test_fast_vader_on_every_seed_sentence(seed_text: str) -> None:
    sentences = [seed_text[s.start : s.end] for s in split_sentences(seed_text)]
    assert len(sentences) > 20
    for text in [*sentences, *seed_text.split("\n\n"), seed_text]:
        assert FAST.polarity_scores(text) == VADER.polarity_scores(text)


@given(st.lists(STYLED, max_size=25).map("".join))
@settings(max_examples=400, deadline=None)
def test_fast_vader_matches_vadersentiment_on_random_text(text: str) -> None:
    assert FAST.polarity_scores(text) == VADER.polarity_scores(text)


def test_fast_vader_on_the_nyt_snippets(benchmarks_dir) -> None:
    path = benchmarks_dir / "vader-news" / "nyt_editorial_snippets_open.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    sentences = [line.split("\t")[-1] for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(sentences) == 2598
    plain = NewsAnalyzer({})
    for text in sentences:
        expected = VADER.polarity_scores(text)
        assert FAST.polarity_scores(text) == expected, text
        assert {k: v for k, v in plain.features(text).items() if k in expected} == expected, text


@given(
    st.lists(
        st.sampled_from(["Dr.", "U.S.", "said", "Why?", "No!", "ok", ".", "?!", '"', " ", "\n"]),
        max_size=12,
    ).map(" ".join)
)
@settings(max_examples=300, deadline=None)
def test_quote_sentences_are_the_segmenters(text: str) -> None:
    """Texts without an end mark before their last character skip Punkt, not its result."""
    assert quote_sentences(text) == [(s.start, s.end) for s in split_sentences(text)]


def test_sentence_spans_given_are_used() -> None:
    text = "The attack was horrible. Peace returned."
    result = score_quote(text, [(0, 24), (25, 40)], mode="vader")
    assert [(s.start, s.end) for s in result.sentences] == [(0, 24), (25, 40)]
    assert result.sentences[0].compound < 0 < result.sentences[1].compound


@given(st.lists(WORDS, max_size=14).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_news_analyzer_without_additions_reproduces_vader(text: str) -> None:
    features = NewsAnalyzer({}).features(text)
    expected = VADER.polarity_scores(text)
    assert {k: features[k] for k in expected} == expected


@given(st.lists(WORDS, max_size=20).map(" ".join), st.sampled_from(["vader", "news"]))
@settings(max_examples=100, deadline=None)
def test_scores_are_bounded_and_sentences_point_into_text(text: str, mode: str) -> None:
    result = score(text, mode)
    assert -1.0 <= result.compound <= 1.0
    for sentence in result.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert -1.0 <= sentence.compound <= 1.0


@given(
    st.lists(st.lists(WORDS | st.sampled_from(["militants", "no", "killed", "peace"]), max_size=9))
)
@settings(max_examples=150, deadline=None)
def test_vader_and_compound_share_work_with_the_same_scores(sentences: list) -> None:
    text = ". ".join(" ".join(words) for words in sentences)
    spans = quote_sentences(text)
    vader, compound = score_vader_and_compound(text, spans, "news")
    assert vader == score_quote(text, spans, "vader")
    assert compound == score_quote(text, spans, "news").compound
    for s, e in spans:
        plain = FAST.scored(text[s:e])
        assert news_analyzer().features(text[s:e], plain) == news_analyzer().features(text[s:e])


def test_news_mode_closes_vaders_news_gaps() -> None:
    assert VADER.polarity_scores("No civilians were harmed.")["compound"] < 0
    assert score("No civilians were harmed.", "news").compound >= 0
    assert score("None of the soldiers were injured in the raid.", "news").compound >= 0
    assert score("Militants killed 48 civilians", "news").compound < 0
    assert score("Insurgents ambushed the convoy, causing heavy casualties.", "news").compound < 0
    assert score("Both sides agreed to a ceasefire.", "news").compound > 0


def test_quantifier_scope_stops_at_a_clause_break() -> None:
    analyzer = news_analyzer()
    assert analyzer.features("No soldiers from the unit were killed.")["neg_sum"] == 0
    assert analyzer.features("No talks were held and many were killed.")["neg_sum"] < 0


def test_news_mode_averages_sentences_by_length() -> None:
    text = "Militants killed 48 civilians in the market. Both sides agreed to a ceasefire."
    result = score(text, "news")
    compounds = [s.compound for s in result.sentences]
    assert len(compounds) == 2
    assert min(compounds) <= result.compound <= max(compounds)
    assert result.mode == "news"


def test_news_lexicon_loads_from_data_and_leaves_vader_alone() -> None:
    lexicon = news_analyzer().lexicon
    assert lexicon["militants"] < 0 and lexicon["casualties"] < 0 and lexicon["ceasefire"] > 0
    assert "party" not in lexicon and "security" not in lexicon
    assert "militants" not in VADER.lexicon and VADER.lexicon["party"] > 0
    assert score("The party met.", "vader").compound > 0
    assert news_analyzer().features("The party met.")["compound"] == 0
    assert abs(score("The party met.", "news").compound) < 0.05  # the word residual alone


def test_shipped_calibration_is_data() -> None:
    calibration = shipped_calibration()
    assert set(calibration.weights) <= set(FEATURES)
    assert calibration.provenance["fitted_on"]
    assert len(calibration.words) == calibration.provenance["n_words"] > 100
    rows = [line.split("\t") for line in calibration.words_tsv().splitlines()[1:]]
    read = NewsCalibration.from_yaml_dict(calibration.to_yaml_dict(), "x")
    assert replace(read, words=word_weights(rows, "x")) == calibration
    with pytest.raises(ConfigError, match=r"w\.tsv.*'good'"):
        word_weights([["good", "0.1"], ["good"]], "w.tsv")
    with pytest.raises(ConfigError, match="cal.yaml"):
        NewsCalibration.from_yaml_dict({"weights": {"vibes": 1.0}, "intercept": 0}, "cal.yaml")
    with pytest.raises(ConfigError, match="intercept"):
        NewsCalibration.from_yaml_dict({"weights": {}}, "cal.yaml")


def test_word_residual_adds_each_occurrence_and_keeps_neutral_at_zero() -> None:
    calibration = NewsCalibration({"compound": 2.0}, 0.5, 4.0, None, {"too": -0.25})
    features = {"compound": 0.0}
    assert calibration.rating(features, ["far", "too", "too", "late"]) == 0.0
    assert calibration.compound(features, ["far", "too", "too", "late"]) == -0.125
    assert calibration.compound(features, ["far", "late"]) == 0.0
    assert calibration.compound({"compound": 0.5}, ["too"]) == pytest.approx((1.0 - 0.25) / 4)


def test_residual_vocabulary_counts_sentences_and_leaves_out_names_and_numbers() -> None:
    common = [["Budget", "cuts", "by", "Reagan", "1982"]] * WORD_MIN_SENTENCES
    rare = [["cuts", *["deficit"] * (WORD_MIN_SENTENCES + 1)]]
    assert residual_vocabulary(common + rare) == {"budget": 0, "by": 1, "cuts": 2}
    assert residual_vocabulary(common[1:]) == {}
    lower = [["Reagan", "and", "reagan"]] * WORD_MIN_SENTENCES
    assert residual_vocabulary(lower) == {"and": 0, "reagan": 1}


def test_fit_learns_a_word_the_features_miss() -> None:
    """Sentences with "reportedly" (no VADER valence) are rated lower than their features
    say: the word gets a negative residual weight, a word without such a pattern none."""
    base = ["The plan passed.", "The good plan passed.", "The bad plan failed.", "It rained."]
    sentences, ratings = [], []
    for i in range(12):
        for j, text in enumerate(base):
            rating = (j == 1) - (j == 2) * 1.0
            marked = i % 2 == 0
            sentences.append(f"Reportedly, {text.lower()}" if marked else text)
            ratings.append(rating - (1.5 if marked else 0.0))
    calibration = fit_news_calibration(sentences, ratings)
    assert calibration.words["reportedly"] < -0.5
    assert abs(calibration.words["plan"]) < 0.5 * abs(calibration.words["reportedly"])


def test_unknown_mode_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="mode"):
        score("Fine.", "textblob")


def test_sentiment_tsv_round_trip(tmp_path) -> None:
    source = tmp_path / "in.tsv"
    rows = [
        "a1\t0.5\tPeace returned to the valley.",
        "b2\textra\tcolumns\tMilitants killed 48 civilians",
        "c3\t",
        "ü-4\t—\tÜberraschung: «No civilians were harmed.» 😀",
    ]
    source.write_text("\r\n".join(rows) + "\r\n\r\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    out.write_text("old", encoding="utf-8")
    assert sentiment_tsv(source, out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id\tvader\tnews"
    table = [line.split("\t") for line in lines[1:]]
    assert [row[0] for row in table] == ["a1", "b2", "c3", "ü-4"]
    assert float(table[1][1]) == VADER.polarity_scores("Militants killed 48 civilians")["compound"]
    assert float(table[1][2]) < 0 and table[2][1:] == ["0.0000", "0.0000"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.tsv", "out.tsv"]


def test_sentiment_tsv_errors_name_file_and_line(tmp_path) -> None:
    source = tmp_path / "bad.tsv"
    source.write_text("a\tfine sentence\nno-tab-here\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"bad\.tsv:2"):
        sentiment_tsv(source, tmp_path / "out.tsv")
    assert not (tmp_path / "out.tsv").exists()
    with pytest.raises(IngestError, match="missing"):
        sentiment_tsv(tmp_path / "missing.tsv", tmp_path / "out.tsv")


def test_cross_validated_news_beats_vader(benchmarks_dir) -> None:
    path = benchmarks_dir / "vader-news" / "nyt_editorial_snippets_open.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    sentences, ratings = [r[2] for r in rows], np.array([float(r[1]) for r in rows])
    predicted = np.zeros(len(rows))
    for train, test in KFold(10, shuffle=True, random_state=0).split(sentences):
        calibration = fit_news_calibration([sentences[i] for i in train], ratings[train])
        predicted[test] = [score(sentences[i], "news", calibration).compound for i in test]
    vader = [VADER.polarity_scores(s)["compound"] for s in sentences]
    r_vader = np.corrcoef(vader, ratings)[0, 1]
    r_news = np.corrcoef(predicted, ratings)[0, 1]
    assert r_vader == pytest.approx(0.50, abs=0.01)
    assert r_news > r_vader + 0.03
