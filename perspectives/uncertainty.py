"""How sure a group statistic is: seeded bootstrap intervals, exact or Monte Carlo
permutation tests, Wilson intervals, effect sizes, and the plain-words small-n note.

Every generator is fixed by a seed plus the names of what it resamples, so a result is the
same run after run and does not depend on which other groups are in the table.
"""

from __future__ import annotations

import warnings
import zlib
from itertools import combinations
from math import comb

import numpy as np
from scipy.stats import norm

MIN_N = 5
"""Groups with fewer quotes than this are flagged in the ``note`` column."""


def small_n_note(n: int, min_n: int = MIN_N, label: str = "") -> str:
    """'' when ``n`` is enough, else 'n too small (n=2)' (or 'no data')."""
    who = f"{label} " if label else ""
    if n == 0:
        return f"no data ({who}n=0)"
    return f"n too small ({who}n={n})" if n < min_n else ""


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def rng_for(seed: int, *keys: object) -> np.random.Generator:
    """A generator fixed by ``seed`` and ``keys``: a group's interval never depends on which
    other groups are in the table."""
    salt = [zlib.crc32(str(k).encode("utf-8")) for k in keys]
    return np.random.default_rng(np.random.SeedSequence([seed, *salt]))


def boot_means(matrix: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Column means (NaN ignored) of ``n_boot`` row resamples of ``matrix``: (n_boot, k)."""
    matrix = np.asarray(matrix, dtype=float)
    matrix = matrix[:, None] if matrix.ndim == 1 else matrix
    n, k = matrix.shape
    if n == 0 or n_boot == 0:
        return np.full((n_boot, k), np.nan)
    chunk = max(1, 2_000_000 // max(1, n * k))
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for start in range(0, n_boot, chunk):
            idx = rng.integers(0, n, size=(min(chunk, n_boot - start), n))
            out.append(np.nanmean(matrix[idx], axis=1))
    return np.concatenate(out)


def interval(samples: np.ndarray, ci: float) -> tuple[float, float]:
    """Percentile interval of bootstrap ``samples`` (NaN when there are none)."""
    samples = np.asarray(samples, dtype=float)
    samples = samples[~np.isnan(samples)]
    if samples.size == 0:
        return np.nan, np.nan
    low, high = np.quantile(samples, [(1 - ci) / 2, (1 + ci) / 2])
    return float(low), float(high)


def mean_ci(values: np.ndarray, n_boot: int, ci: float, rng: np.random.Generator) -> tuple:
    """Bootstrap percentile CI of the mean; NaN for fewer than two values."""
    if len(values) < 2:
        return np.nan, np.nan
    return interval(boot_means(values, n_boot, rng)[:, 0], ci)


def wilson(k: int, n: int, ci: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion k/n (good at small n and near 0 or 1)."""
    if n == 0:
        return np.nan, np.nan
    z = norm.ppf((1 + ci) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def permutation_p(x: np.ndarray, y: np.ndarray, n_perm: int, rng: np.random.Generator) -> tuple:
    """Two-sided permutation p-value of mean(x) - mean(y): exact (every split) when there are
    at most ``n_perm`` splits, else Monte Carlo with the +1 correction. Returns (p, splits)."""
    pooled, n_a = np.concatenate([x, y]), len(x)
    observed = abs(x.mean() - y.mean())
    total, tol = pooled.sum(), 1e-12 * max(1.0, observed)
    if comb(len(pooled), n_a) <= n_perm:
        picks = np.array(list(combinations(range(len(pooled)), n_a)))
        sums = pooled[picks].sum(axis=1)
        diffs = np.abs(sums / n_a - (total - sums) / len(y))
        return float(np.mean(diffs >= observed - tol)), len(picks)
    hits, chunk = 0, max(1, 1_000_000 // len(pooled))
    for start in range(0, n_perm, chunk):
        size = min(chunk, n_perm - start)
        order = np.argsort(rng.random((size, len(pooled))), axis=1)[:, :n_a]
        sums = pooled[order].sum(axis=1)
        hits += int(np.sum(np.abs(sums / n_a - (total - sums) / len(y)) >= observed - tol))
    return (hits + 1) / (n_perm + 1), n_perm


def effect_sizes(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Hedges' g (pooled-SD standardised difference, small-sample corrected) and Cliff's
    delta (P(x > y) - P(x < y), rank-based, in [-1, 1])."""
    n_a, n_b = len(x), len(y)
    cliff = float(np.mean(np.sign(x[:, None] - y[None, :])))
    if n_a < 2 or n_b < 2:
        return np.nan, cliff
    pooled = np.sqrt(((n_a - 1) * x.var(ddof=1) + (n_b - 1) * y.var(ddof=1)) / (n_a + n_b - 2))
    if pooled == 0:
        return np.nan, cliff
    correction = 1 - 3 / (4 * (n_a + n_b) - 9)
    return float((x.mean() - y.mean()) / pooled * correction), cliff
