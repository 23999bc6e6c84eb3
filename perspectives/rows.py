"""Quote records as flat table rows, without pandas: what the writers and the table share.

``flatten_quote`` turns a record into one row (scalar fields, ``sentiment_*``, ``stance_*``,
``frame_*`` columns and ``n_words``); the column groups fix each column's type in every format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .model import Quote, quoted_content

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
"""A word: letters or digits, with inner apostrophes or hyphens ("don't", "counter-terror")."""

TEXT_COLUMNS = ("doc_id", "quote_id", "kind", "text", "content", "cue", "speaker")
TEXT_COLUMNS += ("speaker_mention",)
TEXT_COLUMNS += ("speaker_description", "role", "affiliation")
OFFSET_COLUMNS = ("start", "end", "cue_start", "cue_end", "mention_start", "mention_end")
SCALAR_FIELDS = tuple(
    f
    for f in Quote.__dataclass_fields__
    if f not in ("sentiment", "stance", "frames", "parts", "provenance")
)


def words(text: str) -> list[str]:
    """The words of ``text`` in order (see ``WORD``), case kept."""
    return WORD.findall(text or "")


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def flatten_quote(record: Quote | Mapping[str, Any]) -> dict[str, Any]:
    """One table row: scalar fields as they are, scores as ``sentiment_*``, ``stance_*``,
    ``frame_*`` columns, and ``n_words`` (words of the quote's text)."""
    if isinstance(record, Quote):
        record = record.to_record()
    row = {key: value for key, value in record.items() if _scalar(value)}
    for key, value in (record.get("sentiment") or {}).items():
        if _scalar(value):
            row[f"sentiment_{key}"] = value
    for target, result in (record.get("stance") or {}).items():
        row[f"stance_{target}_label"] = (result or {}).get("label")
        row[f"stance_{target}_score"] = (result or {}).get("score")
    for frame, result in (record.get("frames") or {}).items():
        row[f"frame_{frame}"] = (result or {}).get("score")
    if "content" not in row:
        parts = record.get("parts") or ()
        row["content"] = quoted_content(row.get("text") or "", row.get("start") or 0, parts)
    row["n_words"] = len(words(row["content"]))
    return row
