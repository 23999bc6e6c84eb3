"""Validate the tool against human coders: coding sheets out, coded sheets in, agreement.

``export_coding_sheet`` writes a blind CSV for coders and, beside it, the tool's own values;
``read_coding_sheet`` reads a coded sheet back; ``krippendorff_alpha`` and
``agreement_report`` measure how far coders agree with each other and with the tool.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import ConfigError, OutputError
from .io import atomic_path
from .model import Quote

ID_COLUMNS = ("doc_id", "quote_id")
CONTEXT_COLUMNS = ("speaker", "speaker_mention", "text")
NOTES_COLUMN = "notes"

LEVELS = ("nominal", "ordinal", "interval", "ratio")
_NESTED = {"stance": "label", "frame": "score", "frames": "score", "sentiment": None}


# --- coding sheets --------------------------------------------------------------------------


def tool_sheet_path(sheet: str | Path) -> Path:
    """Where the tool's values for a coding sheet go: ``NAME.tool.csv`` beside ``NAME.csv``."""
    sheet = Path(sheet)
    return sheet.with_name(f"{sheet.stem}.tool.csv")


def variable_value(record: Quote | Mapping[str, Any], variable: str) -> Any:
    """A quote's value for a coding variable: a field (``role``), a nested score
    (``stance_state`` -> the label toward 'state', ``frame_conflict`` -> its score,
    ``sentiment_compound``) or a flattened table column (``stance_state_label``)."""
    if isinstance(record, Quote):
        record = record.to_record()
    if not isinstance(record.get(variable), (dict, list)) and record.get(variable) is not None:
        return record[variable]
    if record.get(f"{variable}_label") is not None:
        return record[f"{variable}_label"]
    prefix, _, key = variable.partition("_")
    nested = record.get("frames" if prefix == "frame" else prefix)
    if prefix in _NESTED and isinstance(nested, Mapping) and key in nested:
        value = nested[key]
        inner = _NESTED[prefix]
        return value.get(inner) if inner and isinstance(value, Mapping) else value
    return None


def default_variables(records: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """``role`` and ``stance_<target>`` for every target found in the records' stance."""
    targets: dict[str, None] = {}
    for record in records:
        targets.update(dict.fromkeys(record.get("stance") or {}))
        targets.update(
            dict.fromkeys(
                k[7:-6]
                for k in record
                if str(k).startswith("stance_") and str(k).endswith("_label")
            )
        )
    return ("role", *(f"stance_{t}" for t in targets))


def export_coding_sheet(
    quotes: Iterable[Quote | Mapping[str, Any]],
    path: str | Path,
    variables: Sequence[str] | None = None,
) -> Path:
    """Write a blind coding sheet and return its path.

    The sheet (CSV, UTF-8 with BOM so spreadsheets read it) has ``doc_id``, ``quote_id``,
    ``speaker``, ``speaker_mention`` and ``text``, one empty column per variable and a
    ``notes`` column. The tool's values go to ``tool_sheet_path(path)`` so that coders never
    see them. Both files are written atomically. Without ``variables``: the role and the
    stance label toward each target the quotes were scored for.
    """
    path = Path(path)
    records = [q.to_record() if isinstance(q, Quote) else dict(q) for q in quotes]
    variables = variables or default_variables(records)
    _check_export(records, variables, path)
    coder_rows, tool_rows = [], []
    for record in records:
        ids = {c: record.get(c) for c in ID_COLUMNS}
        context = {c: record.get(c) for c in CONTEXT_COLUMNS}
        coder_rows.append({**ids, **context, **dict.fromkeys(variables, ""), NOTES_COLUMN: ""})
        tool_rows.append({**ids, **{v: variable_value(record, v) for v in variables}})
    columns = [*ID_COLUMNS, *CONTEXT_COLUMNS, *variables, NOTES_COLUMN]
    _write_csv_atomically(pd.DataFrame(coder_rows, columns=columns), path)
    tool_columns = [*ID_COLUMNS, *variables]
    _write_csv_atomically(pd.DataFrame(tool_rows, columns=tool_columns), tool_sheet_path(path))
    return path


def _check_export(records: list[dict[str, Any]], variables: Sequence[str], path: Path) -> None:
    if not variables or len(set(variables)) < len(variables):
        raise ConfigError(str(path), "coding variables must be given, each once")
    reserved = set(ID_COLUMNS) | set(CONTEXT_COLUMNS) | {NOTES_COLUMN}
    for variable in variables:
        if variable in reserved - {"speaker"}:
            raise ConfigError(str(path), f"{variable!r} cannot be a coding variable")
        if records and all(variable_value(r, variable) is None for r in records):
            if variable not in Quote.__dataclass_fields__:
                raise ConfigError(str(path), f"no quote has a value for variable {variable!r}")
    keys = Counter((r.get("doc_id"), r.get("quote_id")) for r in records)
    duplicate = next((k for k, n in keys.items() if n > 1 or None in k), None)
    if duplicate:
        raise OutputError(str(path), f"quotes need a unique doc_id and quote_id: {duplicate}")


def _write_csv_atomically(frame: pd.DataFrame, path: Path) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written sheet."""
    with atomic_path(path) as tmp:
        # QUOTE_ALL keeps a lone "\r" inside a cell; the BOM lets spreadsheets read UTF-8
        frame.to_csv(tmp, index=False, quoting=csv.QUOTE_ALL, encoding="utf-8-sig")


def read_coding_sheet(path: str | Path) -> pd.DataFrame:
    """A coded sheet (or a tool sheet) as a DataFrame of strings, one row per quote.

    Needs ``doc_id`` and ``quote_id`` (unique together) and at least one variable column;
    values are stripped and lower-cased so that "Official " and "official" agree; empty
    cells are missing (NaN). Problems are ConfigErrors naming the file.
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(str(p), "no such coding sheet")
    try:
        frame = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ConfigError(str(p), f"not a readable CSV ({exc.__class__.__name__})") from None
    return _checked_sheet(frame, str(p))


def _checked_sheet(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    missing = [c for c in ID_COLUMNS if c not in frame.columns]
    if missing:
        raise ConfigError(source, f"a coding sheet needs the column(s) {', '.join(missing)}")
    if not sheet_variables(frame):
        raise ConfigError(source, "a coding sheet needs at least one variable column")
    frame = frame.astype(object)
    variables = sheet_variables(frame)
    for column in frame.columns:
        kind = "code" if column in variables else "id" if column in ID_COLUMNS else "text"
        frame[column] = frame[column].map(lambda v, kind=kind: _clean(v, kind))
    if frame[list(ID_COLUMNS)].isna().any().any():
        raise ConfigError(source, "every row needs a doc_id and a quote_id")
    duplicated = frame.duplicated(list(ID_COLUMNS))
    if duplicated.any():
        row = frame[duplicated].iloc[0]
        raise ConfigError(source, f"quote {row['doc_id']}/{row['quote_id']} appears twice")
    return frame


def _clean(value: Any, kind: str) -> Any:
    """Missing -> NaN; ids stripped; codes stripped and lower-cased; text kept as it is."""
    if _missing(value):
        return np.nan
    if isinstance(value, str) and kind != "text":
        return value.strip().lower() if kind == "code" else value.strip()
    return value


def sheet_variables(frame: pd.DataFrame) -> list[str]:
    """The coding-variable columns of a sheet: all but ids, context and notes."""
    fixed = {*ID_COLUMNS, *CONTEXT_COLUMNS, NOTES_COLUMN, "speaker_description"}
    return [str(c) for c in frame.columns if c not in fixed]


# --- Krippendorff's alpha -------------------------------------------------------------------


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, float) and math.isnan(value)


def krippendorff_alpha(
    data: Any, level: str = "nominal", order: Sequence[Any] | None = None
) -> float:
    """Krippendorff's alpha for a reliability matrix: one row per coder, one column per
    unit, missing values as None/NaN/"" (Krippendorff 2011, "Computing Krippendorff's
    Alpha-Reliability"). ``level`` is nominal, ordinal, interval or ratio; ordinal values
    are ranked by ``order`` when given, else sorted. Units with fewer than two values are
    not pairable and are left out; NaN when no unit is pairable or all values are equal.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    rows = data.to_numpy(dtype=object) if isinstance(data, pd.DataFrame) else data
    try:
        columns = list(zip(*rows, strict=True))
    except ValueError:
        raise ValueError("every coder's row needs one value per unit") from None
    units = [[v for v in column if not _missing(v)] for column in columns]
    units = [unit for unit in units if len(unit) >= 2]
    values = _ordered_values({v for unit in units for v in unit}, level, order)
    if not units or len(values) < 2:
        return math.nan
    index = {value: i for i, value in enumerate(values)}
    coincidences = np.zeros((len(values), len(values)))
    for unit in units:
        counts = np.bincount([index[v] for v in unit], minlength=len(values)).astype(float)
        coincidences += (np.outer(counts, counts) - np.diag(counts)) / (len(unit) - 1)
    totals = coincidences.sum(axis=1)
    delta = _distances(values, totals, level)
    expected = (np.outer(totals, totals) * delta).sum()
    if expected == 0:
        return math.nan
    return float(1.0 - (totals.sum() - 1) * (coincidences * delta).sum() / expected)


def _ordered_values(values: set[Any], level: str, order: Sequence[Any] | None) -> list[Any]:
    if order is not None:
        unknown = values - set(order)
        if unknown:
            raise ValueError(f"values {sorted(map(str, unknown))} are not in the given order")
        return [v for v in order if v in values]
    if level == "nominal":
        return sorted(values, key=lambda v: (str(type(v)), str(v)))
    try:
        return sorted(values, key=float)
    except (TypeError, ValueError):
        raise ValueError(f"{level} alpha needs numeric values or an order") from None


def _distances(values: list[Any], totals: np.ndarray, level: str) -> np.ndarray:
    """Squared distance between every two values (Krippendorff's delta-squared)."""
    k = len(values)
    if level == "nominal":
        return 1.0 - np.eye(k)
    if level == "ordinal":
        cumulative = np.cumsum(totals)
        i, j = (
            np.minimum.outer(np.arange(k), np.arange(k)),
            np.maximum.outer(np.arange(k), np.arange(k)),
        )
        between = cumulative[j] - cumulative[i] + totals[i]
        return (between - (totals[i] + totals[j]) / 2) ** 2
    numbers = np.array([float(v) for v in values])
    difference = np.subtract.outer(numbers, numbers)
    if level == "interval":
        return difference**2
    total = np.add.outer(numbers, numbers)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nan_to_num((difference / total) ** 2)


# --- agreement report -----------------------------------------------------------------------


def agreement_report(
    sheets: Sequence[pd.DataFrame | str | Path],
    tool: pd.DataFrame | str | Path | None = None,
    variables: Sequence[str] | None = None,
    levels: str | Mapping[str, str] = "nominal",
) -> pd.DataFrame:
    """Per variable: alpha between the coders (``alpha_coders`` over ``units`` coded by two
    or more), and between the coders' consensus and the tool (``alpha_tool`` over
    ``tool_units``, with ``agreement_tool``, the share of those units where they agree).

    The consensus is the majority label (none on a tie) for nominal variables, the lower
    median for ordinal ones and the mean for interval and ratio ones (these three are coded
    as numbers). ``tool`` is the
    ``.tool.csv`` written with the sheet, or any table with ``doc_id``, ``quote_id`` and the
    variables (a quotes table's ``stance_state_label`` serves for ``stance_state``).
    """
    coders = [_as_sheet(sheet, f"coding sheet {i + 1}") for i, sheet in enumerate(sheets)]
    if not coders:
        raise ConfigError("agreement_report", "no coding sheets given")
    if variables is None:
        variables = [v for v in sheet_variables(coders[0]) if all(v in c for c in coders[1:])]
    tool_frame = _as_sheet(tool, "tool") if tool is not None else None
    rows = []
    for variable in variables:
        level = levels if isinstance(levels, str) else levels.get(variable, "nominal")
        rows.append(_variable_agreement(coders, tool_frame, variable, level))
    return pd.DataFrame(rows, columns=list(_REPORT_COLUMNS))


_REPORT_COLUMNS = ("variable", "level", "coders", "units", "alpha_coders")
_REPORT_COLUMNS += ("tool_units", "alpha_tool", "agreement_tool")


def _as_sheet(sheet: pd.DataFrame | str | Path, name: str) -> pd.DataFrame:
    if isinstance(sheet, pd.DataFrame):
        return _checked_sheet(sheet, name)
    return read_coding_sheet(sheet)


def _column(frame: pd.DataFrame, variable: str, name: str, level: str) -> pd.Series:
    """One variable of a sheet, indexed by (doc_id, quote_id); numbers unless nominal."""
    column = variable if variable in frame.columns else f"{variable}_label"
    if column not in frame.columns:
        raise ConfigError(name, f"no column for variable {variable!r}")
    values = frame.set_index(list(ID_COLUMNS))[column]
    if level == "nominal":
        return values
    numbers = pd.to_numeric(values, errors="coerce")
    bad = values[numbers.isna() & values.notna()]
    if len(bad):
        raise ConfigError(name, f"{level} variable {variable!r} has a non-number: {bad.iloc[0]!r}")
    return numbers


def _variable_agreement(
    coders: list[pd.DataFrame], tool: pd.DataFrame | None, variable: str, level: str
) -> dict[str, Any]:
    columns = [_column(c, variable, f"coding sheet {i + 1}", level) for i, c in enumerate(coders)]
    matrix = pd.concat(columns, axis=1, sort=True)
    values = matrix.to_numpy(dtype=object).T
    units = int((matrix.notna().sum(axis=1) >= 2).sum())
    row = {"variable": variable, "level": level, "coders": len(coders), "units": units}
    row["alpha_coders"] = krippendorff_alpha(values, level) if len(coders) > 1 else math.nan
    row.update(tool_units=0, alpha_tool=math.nan, agreement_tool=math.nan)
    if tool is not None:
        consensus = matrix.apply(lambda r: _consensus(r.dropna().tolist(), level), axis=1)
        machine = _column(tool, variable, "tool", level).reindex(matrix.index)
        both = consensus.notna() & machine.notna()
        pair = np.array([consensus[both].tolist(), machine[both].tolist()], dtype=object)
        row.update(tool_units=int(both.sum()), alpha_tool=krippendorff_alpha(pair, level))
        if both.any() and level in ("nominal", "ordinal"):
            row["agreement_tool"] = float((consensus[both] == machine[both]).mean())
    return row


def _consensus(values: list[Any], level: str) -> Any:
    """The coders' consensus for one unit (see ``agreement_report``); None when there is none."""
    if not values:
        return None
    if level == "nominal":
        ranked = Counter(values).most_common(2)
        return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    if level == "ordinal":
        return sorted(values)[(len(values) - 1) // 2]
    return float(np.mean(values))
