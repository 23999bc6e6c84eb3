"""Sentence sentiment against human ratings: VADER vs. news mode on the NYT editorial snippets.

Prints Pearson r of each mode with the human mean rating (news mode 10-fold cross-validated:
its calibration is refitted on nine folds and scored on the tenth) and throughput.
``--fit`` refits the calibration on the whole open file and writes the shipped YAML.

    python benchmarks/sentiment_eval.py [--data FILE] [--folds 10] [--seed 0] [--fit]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from sklearn.model_selection import KFold

from perspectives import sentiment
from perspectives.resources import data_table, data_yaml
from perspectives.sentiment import NewsCalibration, fit_news_calibration

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(os.environ.get("PERSPECTIVES_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
DEFAULT_DATA = BENCHMARKS / "vader-news" / "nyt_editorial_snippets_open.tsv"
CALIBRATION = ROOT / "perspectives" / "data" / sentiment.CALIBRATION_FILE
WORD_WEIGHTS = CALIBRATION.with_name(sentiment.WORD_WEIGHTS_FILE)


def load_snippets(path: Path) -> tuple[list[str], np.ndarray]:
    """Sentences and human mean ratings of an ``id<TAB>rating<TAB>sentence`` file."""
    sentences, ratings = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            _id, rating, sentence = line.rstrip("\r\n").split("\t")
            sentences.append(sentence)
            ratings.append(float(rating))
    return sentences, np.array(ratings)


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def cross_validated_news(
    sentences: list[str], ratings: np.ndarray, folds: int = 10, seed: int = 0
) -> np.ndarray:
    """News-mode compound of every sentence, from a calibration fitted without its fold."""
    predicted = np.zeros(len(sentences))
    for train, test in KFold(folds, shuffle=True, random_state=seed).split(sentences):
        calibration = fit_news_calibration([sentences[i] for i in train], ratings[train])
        for i in test:
            predicted[i] = sentiment.score(sentences[i], "news", calibration).compound
    return predicted


def timed_scores(sentences: list[str], mode: str) -> tuple[np.ndarray, float]:
    """Compound scores with the shipped settings and sentences per second."""
    sentiment.score("Warm up the analyzers.", mode)
    start = time.perf_counter()
    scores = np.array([sentiment.score(s, mode).compound for s in sentences])
    return scores, len(sentences) / (time.perf_counter() - start)


def write_calibration(sentences: list[str], ratings: np.ndarray, data: Path) -> NewsCalibration:
    """Fit on the whole open file and write the shipped calibration YAML and word weights."""
    provenance = {"fitted_on": data.name, "fitted_by": "benchmarks/sentiment_eval.py --fit"}
    calibration = fit_news_calibration(sentences, ratings, provenance)
    header = "# Learned by `python benchmarks/sentiment_eval.py --fit`; do not edit by hand.\n"
    body = yaml.safe_dump(calibration.to_yaml_dict(), sort_keys=False)
    CALIBRATION.write_text(header + body, encoding="utf-8")
    WORD_WEIGHTS.write_text(calibration.words_tsv(), encoding="utf-8")
    return calibration


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fit", action="store_true", help="rewrite the shipped calibration")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"sentiment_eval: {args.data}: not found", file=sys.stderr)
        return 2
    sentences, ratings = load_snippets(args.data)
    if args.fit:
        write_calibration(sentences, ratings, args.data)
        sentiment.shipped_calibration.cache_clear()
        data_yaml.cache_clear()
        data_table.cache_clear()
        print(f"wrote {CALIBRATION.relative_to(ROOT)}, {WORD_WEIGHTS.relative_to(ROOT)}")
    vader, vader_rate = timed_scores(sentences, "vader")
    news, news_rate = timed_scores(sentences, "news")
    lexicon_only = np.array([sentiment.news_analyzer().features(s)["compound"] for s in sentences])
    cross_validated = cross_validated_news(sentences, ratings, args.folds, args.seed)
    print(f"{args.data.name}: {len(sentences)} sentences")
    print(
        f"vader                       r = {pearson(vader, ratings):.4f}  {vader_rate:8.0f} sent/s"
    )
    print(f"news lexicon, uncalibrated  r = {pearson(lexicon_only, ratings):.4f}")
    print(
        f"news ({args.folds}-fold CV, seed {args.seed})  r = "
        f"{pearson(cross_validated, ratings):.4f}  {news_rate:8.0f} sent/s"
    )
    print(
        f"(shipped calibration, fitted on this file: r = {pearson(news, ratings):.4f}, in-sample)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
