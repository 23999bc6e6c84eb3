"""Quote records as one tidy table: a row per quote, a column per scalar field or score.

``quotes_frame`` flattens records (``Quote`` objects or their JSON dicts); ``read_quotes``
reads a quote table back from JSONL, CSV or Parquet. Every later statistic and figure
starts from this table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import IngestError, PerspectivesError
from .model import Quote
from .rows import OFFSET_COLUMNS, SCALAR_FIELDS, TEXT_COLUMNS, WORD, flatten_quote, words

__all__ = [
    "OFFSET_COLUMNS",
    "SCALAR_FIELDS",
    "TEXT_COLUMNS",
    "WORD",
    "MissingColumnError",
    "flatten_quote",
    "prefixed_columns",
    "quotes_frame",
    "read_quotes",
    "require_columns",
    "text_column",
    "words",
]


class MissingColumnError(PerspectivesError, ValueError):
    """A statistic or figure needs a column the quotes table does not have."""


def quotes_frame(quotes: Iterable[Quote | Mapping[str, Any]]) -> pd.DataFrame:
    """The tidy quotes table: one row per quote (see ``flatten_quote``)."""
    rows = [flatten_quote(q) for q in quotes]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=[*SCALAR_FIELDS, "n_words"])
    return _normalised(frame)


def _read_jsonl(path: Path) -> pd.DataFrame:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(f"{path}:{lineno}", f"not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise IngestError(f"{path}:{lineno}", "a line is not a JSON object")
            rows.append(record)
    return quotes_frame(rows)


def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    """The same dtypes whatever the source: text as str or None, offsets as nullable ints."""
    for column in TEXT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    for column in OFFSET_COLUMNS:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    return frame


def _read_csv(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(
        path, dtype=dict.fromkeys(TEXT_COLUMNS, object), keep_default_na=False, na_values=[""]
    )
    return _normalised(frame)


def read_quotes(path: str | Path) -> pd.DataFrame:
    """A quotes table from ``.jsonl`` (records, flattened), ``.csv`` or ``.parquet`` (flat)."""
    p = Path(path)
    if not p.is_file():
        raise IngestError(str(p), "no such file")
    suffix = p.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            return _read_jsonl(p)
        if suffix == ".csv":
            return _read_csv(p)
        if suffix in (".parquet", ".pq"):
            return _normalised(pd.read_parquet(p))
    except (OSError, ValueError) as exc:
        raise IngestError(str(p), f"cannot be read as a quotes table ({exc})") from None
    raise IngestError(str(p), f"unknown quotes table format {suffix!r} (jsonl, csv, parquet)")


def require_columns(df: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """Raise MissingColumnError naming what needs ``columns`` and what the table has."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        have = ", ".join(map(str, df.columns[:12])) + (", ..." if len(df.columns) > 12 else "")
        reason = f"missing column(s) {', '.join(missing)} (table has: {have or 'no columns'})"
        raise MissingColumnError(what, reason)


def prefixed_columns(df: pd.DataFrame, prefix: str, suffix: str = "") -> dict[str, str]:
    """{name: column} for columns ``<prefix><name><suffix>``, e.g. frames or stance targets."""
    found = {}
    for column in df.columns:
        c = str(column)
        if c.startswith(prefix) and c.endswith(suffix) and len(c) > len(prefix) + len(suffix):
            found[c[len(prefix) : len(c) - len(suffix)]] = c
    return found


def text_column(df: pd.DataFrame, column: str | None = None) -> str:
    """The column holding quote words: ``column`` if given, else ``content`` (quoted words
    without the attribution between parts) when the table has it, else ``text``."""
    if column is not None:
        return column
    return "content" if "content" in df.columns else "text"
