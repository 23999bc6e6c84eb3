"""Paper figures of the group comparison: one function per figure, each taking the quotes table
(plus column names and an optional ``ax=``), drawing in the paper theme and returning the
Figure; ``save_figure`` writes PDF, SVG and PNG that are byte-identical for the same data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import compare
from .errors import OutputError
from .fightin_words import fightin_words as word_log_odds
from .io import atomic_path
from .table import require_columns
from .theme import figure_size, order_roles, paper_theme, role_color
from .uncertainty import MIN_N

F = TypeVar("F", bound=Callable[..., Figure])
Palette = Mapping[str, str] | None
METADATA: dict[str, dict[str, Any]] = {
    "pdf": {"Creator": "perspectives", "Producer": None, "CreationDate": None, "ModDate": None},
    "svg": {"Creator": "perspectives", "Date": None},
    "png": {"Software": "perspectives"},
}
"""Per-format metadata: fixed values and no dates, so the same figure gives the same bytes."""
ZERO_LINE = {"color": "0.6", "linewidth": 0.6, "linestyle": "--", "zorder": 0}


def themed(func: F) -> F:
    """Run a figure function inside ``paper_theme()`` (no global rc change)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        with paper_theme():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _new_figure(width: str | float, height: float, ncols: int = 1) -> tuple[Figure, list[Axes]]:
    fig = Figure(figsize=figure_size(width, height), layout="constrained")
    return fig, list(np.atleast_1d(fig.subplots(1, ncols, sharey=True, squeeze=False)[0]))


def _axes(ax: Axes | None, width: str | float, height: float) -> tuple[Figure, Axes]:
    if ax is not None:
        return _root(ax), ax
    fig, axes = _new_figure(width, height)
    return fig, axes[0]


def _root(ax: Axes) -> Figure:
    """The top-level Figure of ``ax`` (also when ``ax`` lives in a SubFigure)."""
    return ax.figure.figure  # type: ignore[union-attr, return-value]


def _ink(colour: Any) -> str:
    """Black or white, whichever reads better on ``colour``."""
    r, g, b = to_rgb(colour)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "white"


def _rows_height(rows: int, per_row: float = 0.2, extra: float = 0.8) -> float:
    return max(1.4, extra + per_row * rows)


def _label(group: str, n: int) -> str:
    return f"{group} (n={n})"


def _placeholder(ax: Axes, message: str) -> None:
    """An empty panel that says why (rather than an exception in a batch of figures)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)


def _legend_above(ax: Axes, groups: Sequence[str], palette: Palette, owned: bool = True) -> None:
    """Role legend above the plot, read row by row; across the whole figure when we made it."""
    handles = [Patch(color=role_color(g, palette), label=g) for g in groups]
    rows = 1 if len(handles) <= 4 else 2 if len(handles) <= 8 else 3
    ncol = -(-len(handles) // rows)
    order = [i * ncol + j for j in range(ncol) for i in range(rows) if i * ncol + j < len(handles)]
    style = {"ncol": ncol, "handlelength": 1.0, "columnspacing": 1.0, "borderaxespad": 0.2}
    handles = [handles[k] for k in order]
    if owned:
        _root(ax).legend(handles=handles, loc="outside upper center", **style)
    else:
        ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), **style)


def _dot_panel(ax: Axes, stats: pd.DataFrame, value: str, low: str, high: str, palette: Palette):
    """Groups top to bottom, a point and interval each; hollow points flag a small n."""
    ys = np.arange(len(stats))
    for y, (_, row) in zip(ys, stats.iterrows(), strict=True):
        colour = role_color(row["group"], palette)
        if not np.isnan(row[low]):
            ax.hlines(y, row[low], row[high], color=colour, linewidth=1.2)
        face = "white" if row["note"] else colour
        ax.plot(row[value], y, "o", color=colour, markerfacecolor=face, markersize=4.5)
    ax.axvline(0, **ZERO_LINE)
    ax.set_yticks(ys, [_label(g, n) for g, n in zip(stats["group"], stats["n"], strict=True)])
    ax.set_ylim(len(stats) - 0.5, -0.5)
    ax.set_xlim(-1.1, 1.1)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1", "−0.5", "0", "0.5", "1"])


@themed
def sentiment_by_role(
    df: pd.DataFrame,
    by: str = "role",
    column: str = "sentiment_compound",
    *,
    ax: Axes | None = None,
    palette: Palette = None,
    width: str | float = "one",
    seed: int = 0,
    min_n: int = MIN_N,
) -> Figure:
    """Mean sentiment per group with its 95% bootstrap CI; n in the labels, hollow = small n."""
    stats = compare.sentiment_by_group(df, by, column, seed=seed, min_n=min_n)
    fig, ax = _axes(ax, width, _rows_height(len(stats)))
    if stats.empty:
        _placeholder(ax, "no quotes")
        return fig
    _dot_panel(ax, stats, "mean", "ci_low", "ci_high", palette)
    label = "VADER compound" if column == "sentiment_compound" else column
    ax.set_xlabel(f"Mean sentiment ({label}, 95% CI)")
    return fig


@themed
def stance_by_role(
    df: pd.DataFrame,
    by: str = "role",
    targets: Sequence[str] | None = None,
    *,
    ax: Axes | Sequence[Axes] | None = None,
    palette: Palette = None,
    width: str | float = "one",
    seed: int = 0,
    min_n: int = MIN_N,
) -> Figure:
    """Net stance (share favor - share against, 95% CI) per group, one panel per target.
    ``ax`` may be one Axes per target."""
    stats = compare.stance_by_group(df, by, targets, seed=seed, min_n=min_n)
    names = list(dict.fromkeys(stats["target"])) if not stats.empty else list(targets or [])
    groups = order_roles(stats["group"]) if not stats.empty else []
    if ax is None:
        fig, axes = _new_figure(width, _rows_height(len(groups)), max(1, len(names)))
    else:
        axes = [ax] if isinstance(ax, Axes) else list(ax)
        if len(axes) != len(names):
            raise ValueError(f"stance_by_role needs one Axes per target ({len(names)}: {names})")
        fig = _root(axes[0])
    if not names or not groups:
        _placeholder(axes[0], "no stance scores")
        return fig
    for panel, target in zip(axes, names, strict=True):
        _dot_panel(panel, stats[stats["target"] == target], "net", "net_ci_low", "net_ci_high",
                   palette)  # fmt: skip
        panel.set_title(target.replace("_", " "))
        if len(names) > 1:  # narrow panels: fewer ticks so labels never touch
            panel.set_xticks([-1, 0, 1], ["−1", "0", "1"])
    label = "Net stance: share favor − share against (95% CI)"
    if ax is None:
        fig.supxlabel(label, fontsize="medium")
    else:
        for panel in axes:
            panel.set_xlabel("Net stance")
    return fig


@themed
def frame_heatmap(
    df: pd.DataFrame,
    by: str = "role",
    frames: Sequence[str] | None = None,
    *,
    measure: str = "mean",
    ax: Axes | None = None,
    width: str | float = "one",
    min_n: int = MIN_N,
) -> Figure:
    """Frame profile per group (each row sums to 1) as a heatmap with the shares written in."""
    stats = compare.frame_profiles(df, by, frames, measure=measure, n_boot=0, min_n=min_n)
    groups = order_roles(stats["group"]) if not stats.empty else []
    fig, ax = _axes(ax, width, _rows_height(len(groups), 0.28, 1.3))
    if not groups:
        _placeholder(ax, "no frame scores")
        return fig
    grid = stats.pivot(index="group", columns="frame", values="profile")
    grid = grid.loc[groups, list(dict.fromkeys(stats["frame"]))]
    values = grid.to_numpy(float)
    top = min(1.0, np.ceil(np.nanmax(values, initial=0.1) * 10) / 10)
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=top, aspect="auto")
    for (i, j), share in np.ndenumerate(values):
        if not np.isnan(share):
            ink = _ink(image.cmap(image.norm(share)))
            ax.text(j, i, f"{share:.2f}", ha="center", va="center", color=ink, fontsize=6.5)
    n = stats.groupby("group")["n"].first()
    ax.set_yticks(range(len(groups)), [_label(g, int(n[g])) for g in groups])
    ax.set_xticks(range(grid.shape[1]), [f.replace("_", " ") for f in grid.columns],
                  rotation=35, ha="right", rotation_mode="anchor")  # fmt: skip
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9, aspect=15, pad=0.02)
    bar.set_label("Profile share")
    bar.outline.set_visible(False)
    return fig


@themed
def fightin_words(
    df: pd.DataFrame,
    a: str = "official",
    b: str | None = "resident",
    *,
    by: str = "role",
    text: str | None = None,
    top: int = 10,
    min_z: float = 0.5,
    ax: Axes | None = None,
    palette: Palette = None,
    width: str | float = "one",
) -> Figure:
    """The ``top`` most distinctive words of each side (|z| >= ``min_z``) as bars of their
    z-scores (log-odds, informative Dirichlet prior); dashed lines at |z| = 1.96."""
    table = word_log_odds(df, a, b, by=by, text=text)
    side_b = table["b"].iloc[0] if not table.empty else (b or "rest")
    strong = table[table["z"].abs() >= min_z]
    side = {name: strong[strong["favours"] == name].nsmallest(top, "rank") for name in (a, side_b)}
    shown = pd.concat([side[a], side[side_b].iloc[::-1]])
    owned = ax is None
    fig, ax = _axes(ax, width, _rows_height(len(shown), 0.14, 0.9))
    n_a, n_b = (int(table[n].iloc[0]) if not table.empty else 0 for n in ("n_a", "n_b"))
    if shown.empty or not n_a or not n_b:
        _placeholder(ax, f"no words to compare\n{_label(a, n_a)} vs {_label(side_b, n_b)}")
        return fig
    colours = [role_color(a if z >= 0 else side_b, palette) for z in shown["z"]]
    ys = np.arange(len(shown))
    ax.barh(ys, shown["z"], color=colours, height=0.7)
    ax.set_yticks(ys, shown["word"])
    ax.set_ylim(len(shown) - 0.5, -0.5)
    for x in (-1.96, 1.96):
        ax.axvline(x, **ZERO_LINE)
    ax.axvline(0, color="0.3", linewidth=0.6)
    ax.set_xlabel(f"z-score: {a} (n={n_a}) vs {side_b} (n={n_b})")
    _legend_above(ax, [a, side_b], palette, owned)
    return fig


@themed
def voice_share(
    df: pd.DataFrame,
    by: str = "role",
    *,
    doc: str = "doc_id",
    order: str = "start",
    ax: Axes | None = None,
    palette: Palette = None,
    width: str | float = "one",
) -> Figure:
    """Who gets to speak: each group's share of quotes, of quoted words, and of documents in
    which it is quoted first, as 100% stacked bars."""
    stats = compare.voice_share(df, by, doc=doc, order=order, n_boot=0)
    owned = ax is None
    fig, ax = _axes(ax, width, 1.6)
    if stats.empty:
        _placeholder(ax, "no quotes")
        return fig
    docs = int(stats["n_docs"].iloc[0])
    rows = {
        f"Quotes (n={int(stats['quotes'].sum())})": "quote_share",
        f"Words (n={int(stats['words'].sum())})": "word_share",
        f"Quoted first\n(n={docs} doc{'s' if docs != 1 else ''})": "first_share",
    }
    for y, share in enumerate(rows.values()):
        left = 0.0
        for group, value in zip(stats["group"], stats[share], strict=True):
            ax.barh(y, value, left=left, color=role_color(group, palette), height=0.65,
                    edgecolor="white", linewidth=0.5)  # fmt: skip
            if value >= 0.08:
                ax.text(left + value / 2, y, f"{value:.0%}", ha="center", va="center",
                        fontsize=6.5, color=_ink(role_color(group, palette)))  # fmt: skip
            left += value
    ax.set_yticks(range(len(rows)), list(rows))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    _legend_above(ax, list(stats["group"]), palette, owned)
    return fig


def _timeline_rows(df: pd.DataFrame, speaker: str, by: str) -> pd.DataFrame:
    rows = df.sort_values(["start", "end"], kind="stable").copy()
    who = rows[speaker] if speaker in rows else pd.Series(None, index=rows.index, dtype=object)
    rows["_who"] = who.where(who.notna(), "(unknown speaker)").astype(str)
    rows["_who"] = rows["_who"].map(lambda s: s if len(s) <= 24 else s[:23].rstrip() + "…")
    rows["_role"] = compare.group_labels(rows, by)
    return rows


@themed
def quote_timeline(
    df: pd.DataFrame,
    doc_id: str | None = None,
    *,
    by: str = "role",
    speaker: str = "speaker",
    doc: str = "doc_id",
    ax: Axes | None = None,
    palette: Palette = None,
    width: str | float = "one",
) -> Figure:
    """One document's quotes in reading order: a bar from start to end offset per quote, one
    row per speaker (in order of first quote), coloured by role. Without ``doc_id`` the
    table's first document is drawn, titled "(1 of N documents)" when there are several."""
    require_columns(df, [doc, "start", "end"], "quote_timeline")
    docs = list(dict.fromkeys(df[doc].astype(str)))
    shown = doc_id if doc_id is not None else docs[0] if docs else None
    part = df[df[doc].astype(str) == shown]
    rows = _timeline_rows(part, speaker, by)
    speakers = list(dict.fromkeys(rows["_who"]))
    owned = ax is None
    fig, ax = _axes(ax, width, _rows_height(len(speakers), 0.2, 0.9))
    if rows.empty:
        _placeholder(ax, "no quotes" + (f" in {doc_id}" if doc_id is not None else ""))
        return fig
    ys = rows["_who"].map({s: i for i, s in enumerate(speakers)})
    ends = np.maximum(rows["end"], rows["start"] + 0.006 * rows["end"].max())
    colours = [role_color(r, palette) for r in rows["_role"]]
    ax.hlines(ys, rows["start"], ends, colors=colours, linewidth=5)
    ax.set_yticks(range(len(speakers)), speakers)
    ax.set_ylim(len(speakers) - 0.5, -0.5)
    ax.set_xlim(0, None)
    ax.set_xlabel("Position in article (characters)")
    ax.grid(axis="y", color="0.92", linewidth=0.5)
    if doc_id is None and len(docs) > 1:
        name = shown if len(shown) <= 30 else shown[:29] + "…"
        ax.set_title(f"{name} (1 of {len(docs)} documents)", loc="left", fontsize="medium")
    _legend_above(ax, order_roles(rows["_role"]), palette, owned)
    return fig


def _write_atomic(fig: Figure, path: Path, fmt: str, dpi: int) -> None:
    """Save to a temporary file beside ``path``, then rename it into place."""
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format=fmt, dpi=dpi, metadata=METADATA[fmt])


def save_figure(
    fig: Figure,
    stem: str | Path,
    formats: Sequence[str] = ("pdf", "svg", "png"),
    dpi: int = 300,
) -> list[Path]:
    """Write ``fig`` as ``stem.pdf``, ``stem.svg``, ``stem.png``: TrueType fonts embedded (no
    Type 3), SVG text as paths, no timestamps, each file replaced atomically."""
    stem = Path(stem)
    if stem.suffix.lower().lstrip(".") in METADATA:
        stem = stem.with_suffix("")
    unknown = [f for f in formats if f not in METADATA]
    if unknown:
        raise OutputError(str(stem), f"unknown figure format(s) {unknown} (pdf, svg, png)")
    paths = []
    with paper_theme():
        fig.draw_without_rendering()  # settle the constrained layout: the first save == later ones
        for fmt in formats:
            path = stem.parent / f"{stem.name}.{fmt}"
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _write_atomic(fig, path, fmt, dpi)
            except OSError as exc:
                raise OutputError(str(path), exc.strerror or str(exc)) from None
            paths.append(path)
    return paths
