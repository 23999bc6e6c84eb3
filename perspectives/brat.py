"""Read gold attributions from brat standoff files (PolNeAR layout) for evaluation.

A corpus directory holds ``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann``; the
first ``.ann`` file (sorted) of each document is its gold, one record per ``E`` event line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError

# Content holding one of these, or enclosed by them, is "direct" (in quotation marks); PolNeAR's
# content spans include the marks: 294 of the 1,060 open attributions (README: 297).
DOUBLE_QUOTES = frozenset('"“”„‟«»')
# Event roles, with numbered repeats ("Content2") folded into their base role.
ROLES = ("Content", "Cue", "Source")

SpanList = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: content, cue and source spans (each possibly several)."""

    doc_id: str
    ann_id: str
    content: SpanList
    cue: SpanList
    source: SpanList
    source_text: str
    is_direct: bool


def read_texts(root: Path) -> dict[str, str]:
    """The documents of a corpus, keyed by file stem, newlines kept as they are."""
    text_dir = Path(root) / "text"
    if not text_dir.is_dir():
        raise IngestError(str(text_dir), "no text/ directory of gold documents")
    texts = {}
    for path in sorted(text_dir.glob("*.txt")):
        texts[path.stem] = _read_utf8(path)
    return texts


def _read_utf8(path: Path) -> str:
    """A gold file's text; unreadable or non-UTF-8 files are an IngestError naming them."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or "cannot be read") from None
    except UnicodeDecodeError as exc:
        raise IngestError(str(path), f"not UTF-8 (byte {exc.start})") from None


def read_gold(root: Path, texts: dict[str, str] | None = None) -> dict[str, list[GoldAttribution]]:
    """Per document id, the attributions of its first annotation file (sorted by name).

    Documents without any ``.ann`` file are left out; an event without a Content argument is
    skipped, since there is nothing to score it against.
    """
    texts = read_texts(root) if texts is None else texts
    gold: dict[str, list[GoldAttribution]] = {}
    for doc_id, ann_path in first_annotations(Path(root), texts).items():
        gold[doc_id] = parse_ann(ann_path, doc_id, texts[doc_id])
    return gold


def first_annotations(root: Path, texts: dict[str, str]) -> dict[str, Path]:
    """The first ``<doc>_<annotator>.ann`` of each document (doc ids contain underscores)."""
    ann_dir = root / "attributions"
    if not ann_dir.is_dir():
        raise IngestError(str(ann_dir), "no attributions/ directory of .ann files")
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        owners = [doc for doc in texts if path.stem.startswith(doc + "_") or path.stem == doc]
        if not owners:
            raise IngestError(str(path), "no text/<doc>.txt matches this annotation file")
        chosen.setdefault(max(owners, key=len), path)
    return chosen


def parse_ann(path: Path, doc_id: str, document: str) -> list[GoldAttribution]:
    """The attributions (``E`` lines) of one .ann file; other line kinds are ignored."""
    spans: dict[str, SpanList] = {}
    events: list[tuple[str, str, int]] = []
    lines = _read_utf8(path).splitlines()
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if line.startswith("T"):
            tid, parsed = _text_bound(line, where, len(document))
            spans[tid] = parsed
        elif line.startswith("E"):
            eid, _, args = line.partition("\t")
            events.append((eid, args, number))
    records = []
    for eid, args, number in events:
        record = _event(eid, args, spans, doc_id, document, f"{path}:{number}")
        if record is not None:
            records.append(record)
    return records


def _text_bound(line: str, where: str, length: int) -> tuple[str, SpanList]:
    """The id and spans of a ``T`` line: ``T1<TAB>Label 3 9;12 20<TAB>text``."""
    fields = line.split("\t")
    try:
        _label, offsets = fields[1].split(" ", 1)
        parsed = tuple(_pair(piece) for piece in offsets.split(";"))
    except (IndexError, ValueError):
        raise IngestError(where, "malformed text-bound annotation line") from None
    if any(not 0 <= start <= end <= length for start, end in parsed):
        raise IngestError(where, f"span offsets outside the document ({length} characters)")
    return fields[0], parsed


def _pair(piece: str) -> tuple[int, int]:
    start, end = piece.split()
    return int(start), int(end)


def _event(
    eid: str, args: str, spans: dict[str, SpanList], doc_id: str, document: str, where: str
) -> GoldAttribution | None:
    """One ``E`` line as a record; arguments are ``Role:Tn``, roles may repeat (Content2)."""
    by_role: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for arg in args.split():
        role, _, tid = arg.partition(":")
        base = role.rstrip("0123456789")
        if base not in by_role:
            continue  # the trigger ("Attribution", "Attribution-no-source")
        if tid not in spans:
            raise IngestError(where, f"event argument {arg!r} names no text-bound annotation")
        by_role[base].extend(spans[tid])
    content = tuple(sorted(by_role["Content"]))
    if not content:
        return None
    source = tuple(sorted(by_role["Source"]))
    return GoldAttribution(
        doc_id=doc_id,
        ann_id=eid,
        content=content,
        cue=tuple(sorted(by_role["Cue"])),
        source=source,
        source_text=" ".join(document[s:e] for s, e in source),
        is_direct=_in_quotation_marks(content, document),
    )


def _in_quotation_marks(content: SpanList, document: str) -> bool:
    """Content holding a double quotation mark, or enclosed by two right at its ends."""
    if any(ch in DOUBLE_QUOTES for start, end in content for ch in document[start:end]):
        return True
    before, after = content[0][0] - 1, content[-1][1]
    return (
        before >= 0
        and after < len(document)
        and {document[before], document[after]} <= DOUBLE_QUOTES
    )
