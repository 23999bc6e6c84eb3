"""Write quote tables as they are produced: JSONL, CSV or Parquet, always atomically.

Rows go to a temporary file beside the target, renamed over it only when the writer closes
cleanly; an interrupted run leaves the previous file (or none), never a half-written one.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from .errors import OutputError
from .rows import OFFSET_COLUMNS, SCALAR_FIELDS, TEXT_COLUMNS, flatten_quote

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
# json.dumps(record, ensure_ascii=False), made once; records hold no cycles to look for.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_PARQUET_BATCH = 2048


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path in ``path``'s folder that replaces ``path`` when the block succeeds."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(str(target), exc.strerror or "cannot be written") from None
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(str(target), exc.strerror or "cannot be written") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text(path: str | Path, content: str) -> Path:
    """Write ``content`` to ``path`` atomically (UTF-8, newlines as given)."""
    with atomic_path(path) as tmp:
        tmp.write_text(content, encoding="utf-8", newline="")
    return Path(path)


def table_format(path: str | Path) -> str:
    """'jsonl', 'csv' or 'parquet' from the file suffix ('-' is JSONL on stdout)."""
    if str(path) == "-":
        return "jsonl"
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise OutputError(str(path), "unknown output format (use .jsonl, .csv or .parquet)")
    return fmt


def encode_record(record: Mapping[str, Any]) -> str:
    """A quote record as its JSONL line, without the newline: exactly what ``QuoteWriter``
    writes for the dict."""
    return _JSON.encode(record)


class QuoteWriter:
    """Streams quote records to one file; use as a context manager.

    JSONL keeps the nested record; CSV and Parquet hold the flat table of ``flatten_quote``
    (their columns are fixed by the first record, as one study scores every quote alike).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.format = table_format(path)
        self.count = 0
        self._tmp: Path | None = None
        self._fh: TextIO | None = None
        self._columns: list[str] | None = None
        self._csv: Any = None
        self._batch: list[dict[str, Any]] = []
        self._parquet: Any = None

    def __enter__(self) -> QuoteWriter:
        if self.path == "-":
            self._fh = sys.stdout
            return self
        self._atomic = atomic_path(self.path)
        self._tmp = self._atomic.__enter__()
        if self.format != "parquet":
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
        return self

    def write(self, record: Mapping[str, Any] | str) -> None:
        """Append one quote record: the dict of ``Quote.to_record``, or its ``encode_record``
        line (what Dask workers send back: a JSONL run then never decodes it)."""
        self.count += 1
        if isinstance(record, str):
            if self.format == "jsonl":
                assert self._fh is not None
                self._fh.write(record + "\n")
                return
            record = json.loads(record)
        if self.format == "jsonl":
            assert self._fh is not None
            self._fh.write(_JSON.encode(record) + "\n")
        elif self.format == "csv":
            self._write_csv(flatten_quote(record))
        else:
            self._batch.append(flatten_quote(record))
            if len(self._batch) >= _PARQUET_BATCH:
                self._flush_parquet()

    def _write_csv(self, row: dict[str, Any]) -> None:
        if self._csv is None:
            self._columns = list(row)
            self._csv = csv.DictWriter(self._fh, fieldnames=self._columns, extrasaction="ignore")
            self._csv.writeheader()
        self._csv.writerow(row)

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._batch:
            return
        if self._parquet is None:
            self._columns = list(self._batch[0])
            inferred = pa.Table.from_pylist(self._batch).select(self._columns).schema
            schema = pa.schema((f.name, _column_type(f.name, f.type, pa)) for f in inferred)
            self._parquet = pq.ParquetWriter(str(self._tmp), schema)
        rows = [{c: row.get(c) for c in self._columns} for row in self._batch]
        self._parquet.write_table(pa.Table.from_pylist(rows, schema=self._parquet.schema))
        self._batch = []

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.path == "-":
            return
        if self.format == "parquet":
            self._close_parquet()
        elif self._fh is not None:
            if self.format == "csv" and self._csv is None:  # no quotes: the header alone
                self._fh.write(",".join([*SCALAR_FIELDS, "n_words"]) + "\n")
            self._fh.close()
        self._atomic.__exit__(kind, exc, tb)

    def _close_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._flush_parquet()
        if self._parquet is None:  # no quotes: the base columns, no rows
            columns = [*SCALAR_FIELDS, "n_words"]
            schema = pa.schema((c, _column_type(c, pa.null(), pa)) for c in columns)
            pq.write_table(schema.empty_table(), str(self._tmp))
        else:
            self._parquet.close()


def _column_type(name: str, inferred: Any, pa: Any) -> Any:
    """The Parquet type of a column: fixed for the record's own fields, else as inferred
    (a column still empty in the first batch is taken as text)."""
    if name in TEXT_COLUMNS:
        return pa.string()
    if name in OFFSET_COLUMNS or name == "n_words":
        return pa.int64()
    return pa.string() if pa.types.is_null(inferred) else inferred
