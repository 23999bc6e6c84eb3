"""Distinctive words of one group against another: the log-odds ratio with an informative
Dirichlet prior and its z-score (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eqs. 16-22).
Text is lowercased and split into words; stopwords come from perspectives/data/stopwords.txt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from .compare import group_labels
from .resources import word_list
from .table import require_columns, text_column, words
from .theme import order_roles
from .uncertainty import MIN_N, join_notes, small_n_note

PRIOR_FLOOR = 0.01
"""Pseudo-count added to every word so a word absent from the prior stays finite."""
COLUMNS = ["word", "count_a", "count_b", "delta", "se", "z", "favours", "rank"]


def stopwords() -> frozenset[str]:
    """The shipped stopword list."""
    return frozenset(word_list("stopwords.txt"))


def tokenize(text: str, stop: Iterable[str] | None = None) -> list[str]:
    """Lowercase words of ``text`` that contain a letter and are not stopwords."""
    stop = stopwords() if stop is None else frozenset(stop)
    tokens = (w.lower().replace("’", "'") for w in words(text))
    return [t for t in tokens if t not in stop and any(c.isalpha() for c in t)]


def word_counts(texts: Iterable[str], stop: Iterable[str] | None = None) -> Counter[str]:
    """Token counts over ``texts`` (missing texts count as empty)."""
    stop = stopwords() if stop is None else frozenset(stop)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(tokenize(text if isinstance(text, str) else "", stop))
    return counts


def log_odds(
    counts_a: Mapping[str, int],
    counts_b: Mapping[str, int],
    prior: Mapping[str, float] | None = None,
    prior_weight: float | None = None,
) -> pd.DataFrame:
    """Log-odds ratio of every word of a or b with an informative Dirichlet prior.

    alpha_w = prior_weight * prior_w / sum(prior) + PRIOR_FLOOR, alpha_0 = sum_w alpha_w, and
    delta_w = log((y_aw + a_w) / (n_a + a_0 - y_aw - a_w)) - log((y_bw + a_w) / (n_b + a_0 -
    y_bw - a_w)), var_w = 1 / (y_aw + a_w) + 1 / (y_bw + a_w), z_w = delta_w / sqrt(var_w).
    The prior defaults to the pooled counts of a and b, and its weight to their total
    (alpha_w = the word's pooled count), the usual choice. Positive z favours a.
    """
    prior = Counter(counts_a) + Counter(counts_b) if prior is None else Counter(prior)
    vocab = sorted(set(counts_a) | set(counts_b))
    universe = sorted(set(vocab) | set(prior))
    background = np.array([prior.get(w, 0.0) for w in universe], dtype=float)
    weight = background.sum() if prior_weight is None else prior_weight
    alpha_all = weight * background / max(background.sum(), 1e-12) + PRIOR_FLOOR
    alpha = pd.Series(alpha_all, index=universe).loc[vocab].to_numpy()
    y_a = np.array([counts_a.get(w, 0) for w in vocab], dtype=float)
    y_b = np.array([counts_b.get(w, 0) for w in vocab], dtype=float)
    n_a, n_b, a_0 = y_a.sum(), y_b.sum(), alpha_all.sum()
    delta = np.log((y_a + alpha) / (n_a + a_0 - y_a - alpha)) - np.log(
        (y_b + alpha) / (n_b + a_0 - y_b - alpha)
    )
    se = np.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
    table = pd.DataFrame({"word": vocab, "count_a": y_a.astype(int), "count_b": y_b.astype(int)})
    table = table.assign(delta=delta, se=se, z=delta / se)
    tie = 1e-9  # |z| below this is rounding, not a preference
    table["favours"] = np.select([table["z"] > tie, table["z"] < -tie], ["a", "b"], "neither")
    table = table.sort_values(["z", "word"], ascending=[False, True], ignore_index=True)
    strength = table["z"].abs().rank(ascending=False, method="first")
    table["rank"] = strength.groupby(table["favours"]).rank(method="first").astype(int)
    return table[COLUMNS]


def fightin_words(
    df: pd.DataFrame,
    a: str = "official",
    b: str | None = "resident",
    *,
    by: str = "role",
    text: str | None = None,
    prior: Mapping[str, float] | None = None,
    prior_weight: float | None = None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Words distinctive of group ``a`` (z > 0) against ``b`` (z < 0), or against every other
    group when ``b`` is None ('rest'); ``favours`` names the side ('neither' at z = 0). The
    prior defaults to the word counts of the whole table. ``rank`` is 1 for the most
    distinctive word of its side; n's are quotes."""
    text = text_column(df, text)
    require_columns(df, [text], "fightin_words")
    labels = group_labels(df, by)
    in_b = labels != a if b is None else labels == b
    b_name = "rest" if b is None else b
    texts_a, texts_b = df.loc[labels == a, text], df.loc[in_b, text]
    if prior is None:
        prior = word_counts(df[text])
    table = log_odds(word_counts(texts_a), word_counts(texts_b), prior, prior_weight)
    note = join_notes(
        small_n_note(len(texts_a), min_n, a), small_n_note(len(texts_b), min_n, b_name)
    )
    table["favours"] = table["favours"].map({"a": a, "b": b_name, "neither": "neither"})
    return table.assign(a=a, b=b_name, n_a=len(texts_a), n_b=len(texts_b), note=note)


def distinctive_words(
    df: pd.DataFrame,
    by: str = "role",
    *,
    text: str | None = None,
    top: int = 10,
    prior_weight: float | None = None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """The ``top`` words of each group against all the others: group, word, count,
    count_rest, delta, z, rank, n (quotes), note. The prior is the whole table's counts."""
    text = text_column(df, text)
    require_columns(df, [text], "distinctive_words")
    frames, labels = [], group_labels(df, by)
    for group in order_roles(labels):
        n = int((labels == group).sum())
        table = fightin_words(df, group, None, by=by, text=text, prior_weight=prior_weight)
        table = table[table["favours"] == group].head(top)
        frames.append(
            table.rename(columns={"count_a": "count", "count_b": "count_rest"}).assign(
                group=group, n=n, note=small_n_note(n, min_n)
            )
        )
    columns = ["group", "word", "count", "count_rest", "delta", "z", "rank", "n", "note"]
    return (
        pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)
    )
