"""Read articles from files and folders: plain text, HTML, JSON Lines and CSV.

Each file (or JSONL line, or CSV row) becomes an Article whose text is the document every
later offset points into, with its non-body regions marked; reading is lazy, row by row.

Text files are decoded as UTF-8 with newlines kept exactly (as ``open(p, encoding="utf-8",
newline="")`` would). A file that is not valid UTF-8 is decoded as cp1252 (latin-1 where
cp1252 has no character for a byte) with a ``UserWarning`` naming the file and the first bad
byte; its offsets then point into that decoded text. HTML is reduced to its main text by
trafilatura (comments, scripts and styles left out), paragraphs separated by blank lines.
Files with another or no extension are read as plain text. A ``<stem>.meta.yaml`` file
beside an article adds metadata (title, outlet, date, event...); YAML files are never read
as articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import ConfigError, IngestError
from .model import Article
from .regions import mark_regions
from .resources import user_yaml

SIDECAR_SUFFIX = ".meta.yaml"
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_YAML_SUFFIXES = frozenset({".yaml", ".yml"})
_ROW_FIELDS = frozenset({"id", "text"})
_CONTROL_BYTES = bytes([*range(0, 8), *range(14, 32), 127])
_SAMPLE_BYTES = 8192
_NONBLANK = re.compile(r"[^\s\ufeff]")
_HTML_METADATA = {"title": "title", "author": "author", "date": "date", "sitename": "outlet"}

# Articles can be long: lift csv's default 128 KiB limit on one field.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))

ErrorHandler = Callable[[IngestError], None]


def read_articles(
    paths: Iterable[str | Path] | str | Path, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield the articles of files and folders (recursively, sorted), one at a time.

    With ``on_error=None`` the first bad file or row raises its IngestError; otherwise each
    one is passed to ``on_error`` and reading goes on with the next.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        try:
            files = _article_files(Path(path))
        except IngestError as error:
            _report(error, on_error)
            continue
        for file in files:
            yield from _read_reporting(file, on_error)


def read_article(path: str | Path) -> Article:
    """The article of a single-article file (plain text or HTML)."""
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise IngestError(source, "is a folder; use read_articles")
    if suffix in (".jsonl", ".csv"):
        raise IngestError(source, "holds one article per row; use read_articles")
    if _is_yaml(path):
        raise IngestError(source, "YAML file (metadata or configuration), not an article")
    text = _decode(_read_bytes(path), source)
    metadata: dict[str, Any] = {}
    if suffix in _HTML_SUFFIXES:
        text, metadata = _extract_html(text, source)
    metadata.update(_sidecar(path))
    return Article(path.stem, text, source, metadata, mark_regions(text))


def html_to_text(html: str, source: str) -> str:
    """The main text of an HTML page (no comments, scripts or styles), paragraphs blank-line
    separated; an IngestError naming ``source`` when the page has no text."""
    return _extract_html(html, source)[0]


def _extract_html(html: str, source: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # here, not at the top: its import costs ~0.1 s and only HTML needs it

    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    lines = (line.strip() for line in (document.text or "").splitlines()) if document else ()
    text = "\n\n".join(line for line in lines if line)
    if not text:
        raise IngestError(source, "no article text found in the HTML")
    metadata = {
        key: getattr(document, attribute)
        for attribute, key in _HTML_METADATA.items()
        if getattr(document, attribute, None)
    }
    return text, metadata


def _report(error: IngestError, on_error: ErrorHandler | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _read_reporting(file: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    """The articles of one file; bad rows and a bad file go to ``on_error`` (or raise)."""
    suffix = file.suffix.lower()
    try:
        if suffix == ".jsonl":
            items: Iterable[Article | IngestError] = _jsonl_rows(file)
        elif suffix == ".csv":
            items = _csv_rows(file)
        else:
            items = (read_article(file),)
        for item in items:
            if isinstance(item, IngestError):
                _report(item, on_error)
            else:
                yield item
    except IngestError as error:
        _report(error, on_error)


def _article_files(path: Path) -> list[Path]:
    """The file itself, or a folder's article files: sorted, hidden files and YAML left out."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise IngestError(str(path), "no such file or folder")
    files = [
        file
        for file in path.rglob("*")
        if file.is_file()
        and not any(part.startswith(".") for part in file.relative_to(path).parts)
        and not _is_yaml(file)
    ]
    if not files:
        raise IngestError(str(path), "no articles in this folder")
    return sorted(files, key=lambda file: file.relative_to(path).parts)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in _YAML_SUFFIXES


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or "cannot be read") from None


def _check_binary(raw: bytes, source: str) -> None:
    """Refuse binary content: NUL bytes, or many control bytes near the start."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(source, "UTF-16 text, not UTF-8: save the file as UTF-8")
    sample = raw[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in raw or controls > 0.1 * len(sample):
        raise IngestError(source, "binary file, not text")


def _decode(raw: bytes, source: str) -> str:
    """A whole file's text: UTF-8, else cp1252 (or latin-1) with a warning."""
    _check_binary(raw, source)
    text = _decode_line(raw, source, 0)[0]
    if not _NONBLANK.search(text):
        raise IngestError(source, "empty file")
    return text


def _decode_line(raw: bytes, source: str, offset: int, warn: bool = True) -> tuple[str, bool]:
    """Decode ``raw`` (which starts at byte ``offset`` of ``source``); True if it was not UTF-8."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError as exc:
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
        if warn:
            where = offset + exc.start
            warnings.warn(
                f"{source}: not valid UTF-8 (byte {where}); decoded as {encoding}",
                UserWarning,
                stacklevel=2,
            )
        return text, True


def _text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, decoded line) of a file, read line by line; one warning per bad file."""
    source = str(path)
    try:
        with open(path, "rb") as fh:
            _check_binary(fh.read(_SAMPLE_BYTES), source)
            fh.seek(0)
            offset, warned = 0, False
            for number, raw in enumerate(fh, start=1):
                line, legacy = _decode_line(raw, source, offset, warn=not warned)
                warned = warned or legacy
                offset += len(raw)
                yield number, line
    except OSError as exc:
        raise IngestError(source, exc.strerror or "cannot be read") from None


def _jsonl_rows(path: Path) -> Iterator[Article | IngestError]:
    """One article (or one error) per non-blank line of a JSON Lines file."""
    rows = 0
    for number, line in _text_lines(path):
        if not _NONBLANK.search(line):
            continue
        rows += 1
        where = f"{path}:line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"malformed JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "not a JSON object")
            continue
        yield _row_article(record, where, f"{path.stem}-{number}")
    if rows == 0:
        raise IngestError(str(path), "empty file")


def _csv_rows(path: Path) -> Iterator[Article | IngestError]:
    """One article (or one error) per row of a CSV file with a header naming ``text``."""
    reader = csv.reader(line for _, line in _text_lines(path))
    try:
        header = [name.strip().lstrip("\ufeff") for name in next(reader, [])]
        if not any(header):
            raise IngestError(str(path), "empty file")
        if "text" not in header:
            found = ", ".join(header) or "none"
            raise IngestError(str(path), f"no 'text' column (columns found: {found})")
        for number, row in enumerate(reader, start=1):
            where = f"{path}:row {number}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield IngestError(where, f"{len(row)} fields but the header has {len(header)}")
                continue
            record = {name: cell for name, cell in zip(header, row, strict=False) if cell != ""}
            yield _row_article(record, where, f"{path.stem}-{number}")
    except csv.Error as exc:
        raise IngestError(f"{path}:line {reader.line_num}", f"malformed CSV ({exc})") from None


def _row_article(record: dict[str, Any], where: str, fallback_id: str) -> Article | IngestError:
    """The article of one JSONL/CSV record: ``id``, ``text``, the rest as metadata."""
    text = record.get("text")
    if not isinstance(text, str):
        return IngestError(where, "no 'text' field" if text is None else "'text' is not a string")
    if not _NONBLANK.search(text):
        return IngestError(where, "empty text")
    raw_id = record.get("id")
    doc_id = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
    metadata = {key: value for key, value in record.items() if key not in _ROW_FIELDS}
    return Article(doc_id, text, where, metadata, mark_regions(text))


def _sidecar(path: Path) -> dict[str, Any]:
    """The metadata of ``<stem>.meta.yaml`` beside ``path`` (empty when there is none)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        table = user_yaml(sidecar)
    except ConfigError as error:
        raise IngestError(error.source, error.reason) from None
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise IngestError(str(sidecar), "metadata must be a mapping of field: value")
    return {
        str(key): value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
        for key, value in table.items()
    }
