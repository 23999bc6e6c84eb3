"""The tables and figures of one analysis run, written where a paper draft can pick them up.

``write_report`` reads a quote table and writes the flat quote CSV, one CSV per statistic of
``perspectives.compare`` (each row with its n and a note when n is small) and every figure of
``perspectives.figures`` as PDF, SVG and 300-dpi PNG. Same input, same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from . import compare, figures
from .divergence import framing_divergence
from .fightin_words import distinctive_words
from .io import write_text
from .table import read_quotes

TABLES: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "divergence_summary": lambda df: framing_divergence(df).as_frame(),
    "sentiment_by_role": compare.sentiment_by_group,
    "official_vs_resident": compare.group_difference,
    "stance_by_role": compare.stance_by_group,
    "frames_by_role": compare.frame_profiles,
    "frame_divergence": compare.frame_divergence,
    "voice_share": compare.voice_share,
    "distinctive_words": distinctive_words,
}

FIGURES: dict[str, Callable[[pd.DataFrame], object]] = {
    "sentiment_by_role": figures.sentiment_by_role,
    "stance_by_role": figures.stance_by_role,
    "frame_heatmap": figures.frame_heatmap,
    "fightin_words": figures.fightin_words,
    "voice_share": figures.voice_share,
    "quote_timeline": figures.quote_timeline,
}


def summary_tables(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every statistic of the run, by name."""
    return {name: _as_frame(make(df)) for name, make in TABLES.items()}


def _as_frame(result: object) -> pd.DataFrame:
    if isinstance(result, pd.DataFrame):
        return result
    if hasattr(result, "as_frame"):
        return result.as_frame()
    return pd.DataFrame([result])


def write_report(quotes: str | Path | pd.DataFrame, results: Path, figure_dir: Path) -> list[Path]:
    """Write the quote CSV, the statistics tables and all figures; the paths written.

    A table without quotations gets its (empty) CSV only.
    """
    df = quotes if isinstance(quotes, pd.DataFrame) else read_quotes(quotes)
    results, figure_dir = Path(results), Path(figure_dir)
    written = [write_text(results / "quotes.csv", df.to_csv(index=False, lineterminator="\n"))]
    if df.empty:  # no quotation anywhere: nothing to compare or draw
        return written
    for name, table in summary_tables(df).items():
        csv = table.to_csv(index=False, lineterminator="\n", float_format="%.6g")
        written.append(write_text(results / f"{name}.csv", csv))
    for stem, draw in FIGURES.items():
        fig = draw(df)
        written.extend(figures.save_figure(fig, figure_dir / stem))
        plt.close(fig)
    return written
