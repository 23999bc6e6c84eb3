"""One summary of how differently two groups frame an event, built from parts a reader can
check: the sentiment gap, the stance gap and the frame-profile divergence, each in [0, 1] with
its n's and a bootstrap interval, and their mean as the index.
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from .compare import frame_matrix, group_labels, jsd, normalise, stance_values
from .table import prefixed_columns
from .uncertainty import MIN_N, boot_means, interval, join_notes, rng_for, small_n_note

COMPONENTS = ("sentiment", "stance", "frames")


@dataclass(frozen=True)
class Component:
    """One part of the divergence: its value in [0, 1], interval, n's and note."""

    component: str
    value: float
    ci_low: float
    ci_high: float
    n_a: int
    n_b: int
    note: str = ""


@dataclass(frozen=True)
class FramingDivergence:
    """How differently groups ``a`` and ``b`` (of column ``by``) frame an event."""

    a: str
    b: str
    by: str
    index: float
    ci_low: float
    ci_high: float
    n_a: int
    n_b: int
    components: tuple[Component, ...]
    note: str = ""

    def as_frame(self) -> pd.DataFrame:
        """One row per component and a last row for the index."""
        rows = [asdict(c) for c in self.components]
        index = {"component": "index", "value": self.index, "ci_low": self.ci_low}
        index |= {"ci_high": self.ci_high, "n_a": self.n_a, "n_b": self.n_b, "note": self.note}
        return pd.DataFrame([*rows, index]).assign(a=self.a, b=self.b, by=self.by)


def _per_quote(df: pd.DataFrame, column: str) -> tuple[pd.DataFrame, dict[str, list[int]]]:
    """Per-quote numbers behind each component (NaN = not scored) and their column slots."""
    parts = {
        "sentiment": pd.to_numeric(df[column], errors="coerce").to_frame()
        if column in df
        else pd.DataFrame(index=df.index),
        "stance": pd.DataFrame(
            {t: stance_values(df, c) for t, c in prefixed_columns(df, "stance_", "_label").items()},
            index=df.index,
        ),
        "frames": frame_matrix(df).reindex(df.index)
        if prefixed_columns(df, "frame_")
        else pd.DataFrame(index=df.index),
    }
    slots, start = {}, 0
    for name, part in parts.items():
        slots[name] = list(range(start, start + part.shape[1]))
        start += part.shape[1]
    return pd.concat(parts.values(), axis=1), slots


def _components(m_a: np.ndarray, m_b: np.ndarray, slots: dict[str, list[int]]) -> np.ndarray:
    """Component values for rows of group means (shape (r, k)) -> (r, 3)."""
    out = np.full((len(m_a), len(COMPONENTS)), np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if slots["sentiment"]:
            out[:, 0] = np.abs(m_a[:, slots["sentiment"][0]] - m_b[:, slots["sentiment"][0]]) / 2
        if slots["stance"]:
            gaps = np.abs(m_a[:, slots["stance"]] - m_b[:, slots["stance"]]) / 2
            out[:, 1] = np.nanmean(gaps, axis=1)
        if slots["frames"]:
            f = slots["frames"]
            out[:, 2] = jsd(normalise(m_a[:, f]), normalise(m_b[:, f]))
    return out


def _component_records(
    x: np.ndarray,
    y: np.ndarray,
    point: np.ndarray,
    boot: np.ndarray,
    slots: dict[str, list[int]],
    names: tuple[str, str],
    ci: float,
    min_n: int,
) -> tuple[Component, ...]:
    """Each component with its n's (quotes scored for it), interval and note."""
    records = []
    for j, name in enumerate(COMPONENTS):
        cols = slots[name]
        n_a, n_b = (int((~np.isnan(m[:, cols])).any(axis=1).sum()) for m in (x, y))
        notes = (small_n_note(n_a, min_n, names[0]), small_n_note(n_b, min_n, names[1]))
        note = join_notes(*notes) if cols else "not scored"
        low, high = interval(boot[:, j], ci) if min(n_a, n_b) > 1 else (np.nan, np.nan)
        records.append(Component(name, float(point[j]), low, high, n_a, n_b, note))
    return tuple(records)


def framing_divergence(
    df: pd.DataFrame,
    a: str = "official",
    b: str = "resident",
    *,
    by: str = "role",
    column: str = "sentiment_compound",
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    min_n: int = MIN_N,
) -> FramingDivergence:
    """Framing divergence of ``a`` and ``b``: the mean of the available components

    - sentiment = |mean compound_a - mean compound_b| / 2 (compound is in [-1, 1]);
    - stance = mean over targets of |net_a - net_b| / 2, net = share favor - share against;
    - frames = Jensen-Shannon divergence (base 2) of the normalised mean frame profiles;

    so 0 means framed alike and 1 as far apart as possible. The intervals resample quotes
    within each group (the same resample for every component, so the index's interval is
    joint). Gaps of small samples are biased upward: read the interval and the notes.
    """
    labels = group_labels(df, by)
    values, slots = _per_quote(df, column)
    x, y = values[labels == a].to_numpy(float), values[labels == b].to_numpy(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        point = _components(np.nanmean(x, 0, keepdims=True), np.nanmean(y, 0, keepdims=True), slots)
    rng = rng_for(seed, "framing", a, b)
    boot = _components(boot_means(x, n_boot, rng), boot_means(y, n_boot, rng), slots)
    components = _component_records(x, y, point[0], boot, slots, (a, b), ci, min_n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        index, index_boot = np.nanmean(point[0]), np.nanmean(boot, axis=1)
    low, high = interval(index_boot, ci) if min(len(x), len(y)) > 1 else (np.nan, np.nan)
    note = join_notes(small_n_note(len(x), min_n, a), small_n_note(len(y), min_n, b))
    return FramingDivergence(a, b, by, float(index), low, high, len(x), len(y), components, note)
