"""Group statistics over the quotes table: sentiment, stance, frames and voice by role (or any
column), each with its n, a seeded bootstrap or exact interval, and a plain ``note`` when a group
is too small to read. Filtering to one article, event or corpus is the caller's choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon

from .table import prefixed_columns, require_columns, words
from .theme import order_roles
from .uncertainty import (
    MIN_N,
    boot_means,
    effect_sizes,
    interval,
    join_notes,
    mean_ci,
    permutation_p,
    rng_for,
    small_n_note,
    wilson,
)

STANCE_VALUES = {"favor": 1.0, "against": -1.0, "none": 0.0}


def group_labels(df: pd.DataFrame, by: str) -> pd.Series:
    """The grouping column as strings; missing values become 'unknown'."""
    require_columns(df, [by], f"grouping by {by!r}")
    return df[by].astype(object).where(df[by].notna(), "unknown").astype(str)


def _grouped(df: pd.DataFrame, by: str) -> list[tuple[str, pd.DataFrame]]:
    labels = group_labels(df, by)
    return [(g, df[labels == g]) for g in order_roles(labels)]


def sentiment_by_group(
    df: pd.DataFrame,
    by: str = "role",
    column: str = "sentiment_compound",
    *,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Mean of ``column`` per group with a bootstrap CI: group, n, mean, sd, ci_low, ci_high,
    note. Rows with no score are left out of n."""
    require_columns(df, [column], "sentiment_by_group")
    rows = []
    for group, part in _grouped(df, by):
        values = pd.to_numeric(part[column], errors="coerce").dropna().to_numpy(float)
        low, high = mean_ci(values, n_boot, ci, rng_for(seed, column, group))
        rows.append(
            {
                "group": group,
                "n": len(values),
                "mean": values.mean() if len(values) else np.nan,
                "sd": values.std(ddof=1) if len(values) > 1 else np.nan,
                "ci_low": low,
                "ci_high": high,
                "note": small_n_note(len(values), min_n),
            }
        )
    return pd.DataFrame(rows, columns=["group", "n", "mean", "sd", "ci_low", "ci_high", "note"])


def group_difference(
    df: pd.DataFrame,
    a: str = "official",
    b: str = "resident",
    *,
    by: str = "role",
    column: str = "sentiment_compound",
    n_perm: int = 9999,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Difference of group means mean_a - mean_b of ``column`` (one row): n's, means, diff
    with a bootstrap CI, two-sided permutation p-value, Hedges' g, Cliff's delta, note."""
    require_columns(df, [column], "group_difference")
    labels = group_labels(df, by)
    values = pd.to_numeric(df[column], errors="coerce")
    x = values[labels == a].dropna().to_numpy(float)
    y = values[labels == b].dropna().to_numpy(float)
    row = {"by": by, "column": column, "a": a, "b": b, "n_a": len(x), "n_b": len(y)}
    note = join_notes(small_n_note(len(x), min_n, a), small_n_note(len(y), min_n, b))
    if len(x) == 0 or len(y) == 0:
        return pd.DataFrame([{**row, "note": note}])
    rng = rng_for(seed, column, a, b)
    boot = boot_means(x, n_boot, rng)[:, 0] - boot_means(y, n_boot, rng)[:, 0]
    low, high = interval(boot, ci) if min(len(x), len(y)) > 1 else (np.nan, np.nan)
    p, splits = permutation_p(x, y, n_perm, rng)
    g, cliff = effect_sizes(x, y)
    row |= {"mean_a": x.mean(), "mean_b": y.mean(), "diff": x.mean() - y.mean()}
    row |= {"ci_low": low, "ci_high": high, "p_value": p, "permutations": splits}
    return pd.DataFrame([{**row, "hedges_g": g, "cliffs_delta": cliff, "note": note}])


def stance_values(df: pd.DataFrame, target_column: str) -> pd.Series:
    """Per-quote stance as a number: favor +1, against -1, none 0, unscored NaN."""
    return df[target_column].map(STANCE_VALUES).astype(float)


def stance_targets(df: pd.DataFrame, targets: Sequence[str] | None = None) -> dict[str, str]:
    """{target: label column} for the requested (or all) stance targets in the table."""
    found = prefixed_columns(df, "stance_", "_label")
    if targets is not None:
        require_columns(df, [f"stance_{t}_label" for t in targets], "stance")
        found = {t: found[t] for t in targets}
    if not found:
        require_columns(df, ["stance_<target>_label"], "stance (score the quotes' stance first)")
    return found


def stance_by_group(
    df: pd.DataFrame,
    by: str = "role",
    targets: Sequence[str] | None = None,
    *,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Stance toward each target by group: label shares (favor, against, none), net stance
    (share favor - share against) with a bootstrap CI, mean score, n (quotes with a label)."""
    rows = []
    for target, column in stance_targets(df, targets).items():
        score_column = f"stance_{target}_score"
        for group, part in _grouped(df, by):
            net = stance_values(part, column).dropna().to_numpy()
            shares = {
                k: float(np.mean(net == v)) if len(net) else np.nan
                for k, v in STANCE_VALUES.items()
            }
            scores = pd.to_numeric(part.get(score_column), errors="coerce")
            low, high = mean_ci(net, n_boot, ci, rng_for(seed, target, group))
            rows.append(
                {"group": group, "target": target, "n": len(net), **shares}
                | {
                    "net": net.mean() if len(net) else np.nan,
                    "net_ci_low": low,
                    "net_ci_high": high,
                }
                | {"mean_score": scores.mean() if scores is not None else np.nan}
                | {"note": small_n_note(len(net), min_n)}
            )
    return pd.DataFrame(rows)


def frame_matrix(df: pd.DataFrame, frames: Sequence[str] | None = None) -> pd.DataFrame:
    """Frame scores, one column per frame; quotes with no frame score at all are dropped and
    a missing score of a scored quote counts as 0."""
    found = prefixed_columns(df, "frame_")
    if frames is not None:
        require_columns(df, [f"frame_{f}" for f in frames], "frames")
        found = {f: found[f] for f in frames}
    if not found:
        require_columns(df, ["frame_<name>"], "frames (score the quotes' frames first)")
    scores = df[list(found.values())].apply(pd.to_numeric, errors="coerce")
    scores.columns = list(found)
    return scores[scores.notna().any(axis=1)].fillna(0.0)


def _profile_values(matrix: np.ndarray, measure: str) -> np.ndarray:
    if measure not in ("mean", "share"):
        raise ValueError(f"measure must be 'mean' or 'share', not {measure!r}")
    return matrix if measure == "mean" else (matrix > 0).astype(float)


def normalise(values: np.ndarray) -> np.ndarray:
    """Rows scaled to sum to 1 (NaN where a row sums to 0)."""
    values = np.atleast_2d(values)
    totals = values.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, values / totals, np.nan)


def frame_profiles(
    df: pd.DataFrame,
    by: str = "role",
    frames: Sequence[str] | None = None,
    *,
    measure: str = "mean",
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Frame profile per group: for each frame the mean score (``measure="mean"``) or share
    of quotes using it (``"share"``) with a bootstrap CI, and ``profile``, the values
    normalised to sum to 1 over frames. n counts quotes with frame scores."""
    matrix = frame_matrix(df, frames)
    labels = group_labels(df, by).loc[matrix.index]
    rows = []
    for group in order_roles(labels):
        values = _profile_values(matrix[labels == group].to_numpy(float), measure)
        boot = boot_means(values, n_boot, rng_for(seed, "frames", group))
        mean = values.mean(axis=0) if len(values) else np.full(matrix.shape[1], np.nan)
        profile = normalise(mean)[0]
        for j, frame in enumerate(matrix.columns):
            low, high = interval(boot[:, j], ci) if len(values) > 1 else (np.nan, np.nan)
            rows.append(
                {"group": group, "frame": frame, "n": len(values), "value": mean[j]}
                | {"ci_low": low, "ci_high": high, "profile": profile[j]}
                | {"note": small_n_note(len(values), min_n)}
            )
    return pd.DataFrame(rows)


def jsd(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence (base 2, in [0, 1]) of profiles along the last axis."""
    with np.errstate(invalid="ignore"):
        return np.asarray(jensenshannon(p, q, base=2, axis=-1)) ** 2


def frame_divergence(
    df: pd.DataFrame,
    by: str = "role",
    frames: Sequence[str] | None = None,
    *,
    measure: str = "mean",
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Pairwise Jensen-Shannon divergence (base 2: 0 identical, 1 disjoint) of the groups'
    normalised frame profiles, with a bootstrap CI (resampling quotes within each group).
    Small groups inflate JSD; read the CI and the note."""
    matrix = frame_matrix(df, frames)
    labels = group_labels(df, by).loc[matrix.index]
    groups = order_roles(labels)
    values = {g: _profile_values(matrix[labels == g].to_numpy(float), measure) for g in groups}
    rows = []
    for a, b in combinations(groups, 2):
        rng = rng_for(seed, "jsd", a, b)
        point = jsd(normalise(values[a].mean(0))[0], normalise(values[b].mean(0))[0])
        boot = jsd(
            normalise(boot_means(values[a], n_boot, rng)),
            normalise(boot_means(values[b], n_boot, rng)),
        )
        low, high = (
            interval(boot, ci) if min(len(values[a]), len(values[b])) > 1 else (np.nan, np.nan)
        )
        note = join_notes(
            small_n_note(len(values[a]), min_n, a), small_n_note(len(values[b]), min_n, b)
        )
        if np.isnan(point):
            note = join_notes(note, "no frame evidence in a group")
        rows.append(
            {"group_a": a, "group_b": b, "n_a": len(values[a]), "n_b": len(values[b])}
            | {"jsd": float(point), "ci_low": low, "ci_high": high, "note": note}
        )
    columns = ["group_a", "group_b", "n_a", "n_b", "jsd", "ci_low", "ci_high", "note"]
    return pd.DataFrame(rows, columns=columns)


def _pair(name: str, bounds: tuple[float, float]) -> dict[str, float]:
    return {f"{name}_low": bounds[0], f"{name}_high": bounds[1]}


def _word_counts(df: pd.DataFrame, column: str) -> pd.Series:
    """Words per quote: ``column`` if the table has it, else counted from the text."""
    if column in df:
        return df[column]
    text = df["text"] if "text" in df else pd.Series("", index=df.index)
    return text.map(lambda t: len(words(t if isinstance(t, str) else "")))


def _first_quoted(df: pd.DataFrame, labels: pd.Series, doc: str, order: str) -> pd.Series:
    """Per group, in how many documents it is quoted first (smallest ``order`` value)."""
    starts = pd.to_numeric(df[order], errors="coerce")
    firsts = starts.groupby(df[doc].astype(str)).idxmin().dropna()
    return labels.loc[firsts.to_numpy()].value_counts()


def voice_share(
    df: pd.DataFrame,
    by: str = "role",
    *,
    doc: str = "doc_id",
    order: str = "start",
    n_words: str = "n_words",
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Who gets to speak: quotes and words per group with their shares (Wilson CI for the
    quote share, bootstrap over quotes for the word share), and in how many documents the
    group is quoted first (``first``, with a Wilson CI over documents)."""
    require_columns(df, [doc, order], "voice_share")
    labels = group_labels(df, by)
    counts = pd.to_numeric(_word_counts(df, n_words), errors="coerce").fillna(0).to_numpy(float)
    firsts = _first_quoted(df, labels, doc, order)
    n_quotes, n_docs, rows = len(df), int(df[doc].nunique()), []
    for group in order_roles(labels):
        mask = (labels == group).to_numpy()
        with_words = np.column_stack([counts * mask, counts])
        boot = boot_means(with_words, n_boot, rng_for(seed, "voice", group))
        with np.errstate(invalid="ignore", divide="ignore"):
            word_ci = interval(boot[:, 0] / boot[:, 1], ci)
        quotes, first = int(mask.sum()), int(firsts.get(group, 0))
        rows.append(
            {"group": group, "quotes": quotes, "quote_share": quotes / n_quotes}
            | _pair("quote_ci", wilson(quotes, n_quotes, ci))
            | {
                "words": int(counts[mask].sum()),
                "word_share": counts[mask].sum() / max(counts.sum(), 1),
            }
            | _pair("word_ci", word_ci)
            | {"first": first, "n_docs": n_docs, "first_share": first / n_docs}
            | _pair("first_ci", wilson(first, n_docs, ci))
            | {"note": small_n_note(quotes, min_n)}
        )
    return pd.DataFrame(rows)
