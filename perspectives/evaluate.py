"""Score predicted quote records against gold attributions (the benchmarks README metric).

Quotes and gold attributions are matched one to one, greedily by the Dice overlap of their
content characters (whitespace and quotation marks ignored), at Dice >= 0.5; then speakers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .brat import GoldAttribution, SpanList, read_gold, read_texts
from .errors import IngestError
from .model import Quote

MIN_DICE = 0.5
QUOTE_MARKS = frozenset("\"'`“”„‟«»‹›‘’‚‛")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Prediction:
    """The parts of a quote record the metric reads."""

    doc_id: str
    quote_id: str
    kind: str
    content: SpanList
    speaker: str | None
    mention: tuple[int, int] | None


Record = Mapping[str, Any] | Quote | Prediction


@dataclass(frozen=True)
class Pair:
    """One line of an alignment: a match, a missed gold attribution or a spurious quote."""

    doc_id: str
    gold: GoldAttribution | None
    predicted: Prediction | None
    dice: float = 0.0
    speaker_right: bool = False

    @property
    def matched(self) -> bool:
        return self.gold is not None and self.predicted is not None


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from counts."""

    predicted: int
    gold: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Group:
    """The figures of one group of pairs: a predicted kind, a gold class or a document."""

    label: str
    score: Score
    speaker_right: int

    def as_dict(self) -> dict[str, Any]:
        return {**self.score.as_dict(), "speaker_right": self.speaker_right}


@dataclass(frozen=True)
class Report:
    """All figures of one evaluation run.

    ``by_kind`` groups predictions by their kind (read its precision), ``by_gold`` groups gold
    attributions into direct and other (read its recall).
    """

    documents: int
    all: Score
    direct: Score
    end_to_end: Score
    direct_end_to_end: Score
    by_kind: tuple[Group, ...]
    by_gold: tuple[Group, ...]
    per_doc: tuple[Group, ...]

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes whose speaker is right."""
        return _ratio(self.end_to_end.matched, self.all.matched)

    @property
    def direct_speaker_accuracy(self) -> float:
        return _ratio(self.direct_end_to_end.matched, self.direct.matched)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "all": self.all.as_dict(),
            "direct": self.direct.as_dict(),
            "end_to_end": self.end_to_end.as_dict(),
            "direct_end_to_end": self.direct_end_to_end.as_dict(),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "direct_speaker_accuracy": round(self.direct_speaker_accuracy, 4),
            "by_kind": {g.label: g.as_dict() for g in self.by_kind},
            "by_gold": {g.label: g.as_dict() for g in self.by_gold},
            "per_doc": {g.label: g.as_dict() for g in self.per_doc},
        }

    def format(self, per_doc: bool = False) -> str:
        """A plain-text table of the figures (per-document rows on request)."""
        lines = [f"{self.documents} documents", _HEADER]
        lines += [
            _row("all attributions", self.all),
            _row("direct quotes", self.direct),
            _row("end-to-end (all)", self.end_to_end),
            _row("end-to-end (direct)", self.direct_end_to_end),
            f"speaker accuracy on matched: all {self.speaker_accuracy:.3f}, "
            f"direct {self.direct_speaker_accuracy:.3f}",
            "",
            f"{'by predicted kind':<24}{'n':>6}{'match':>7}{'P':>8}{'speaker ok':>12}",
        ]
        lines += [_short_row(g, g.score.predicted, g.score.precision) for g in self.by_kind]
        lines += ["", f"{'by gold class':<24}{'n':>6}{'match':>7}{'R':>8}{'speaker ok':>12}"]
        lines += [_short_row(g, g.score.gold, g.score.recall) for g in self.by_gold]
        if per_doc:
            lines += ["", _HEADER + f"{'spk':>6}"]
            lines += [_row(g.label, g.score) + f"{g.speaker_right:>6}" for g in self.per_doc]
        return "\n".join(lines)


_HEADER = f"{'':<24}{'pred':>6}{'gold':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"


def _row(name: str, score: Score) -> str:
    return (
        f"{name[:23]:<24}{score.predicted:>6}{score.gold:>6}{score.matched:>7}"
        f"{score.precision:>8.3f}{score.recall:>8.3f}{score.f1:>8.3f}"
    )


def _short_row(group: Group, total: int, rate: float) -> str:
    return (
        f"{group.label:<24}{total:>6}{group.score.matched:>7}{rate:>8.3f}{group.speaker_right:>12}"
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def as_prediction(record: Record, index: int = 0) -> Prediction:
    """Read a quote record (a dict as written to JSONL, or a Quote) as a Prediction."""
    if isinstance(record, Prediction):
        return record
    rec = record.to_record() if isinstance(record, Quote) else record
    where = f"prediction {rec.get('doc_id')!r}/{rec.get('quote_id', index)!r}"
    try:
        parts = rec.get("parts") or [(rec["start"], rec["end"])]
        content = tuple(sorted((int(s), int(e)) for s, e in parts))
        start, end = rec.get("mention_start"), rec.get("mention_end")
        mention = (int(start), int(end)) if start is not None and end is not None else None
        return Prediction(
            doc_id=str(rec["doc_id"]),
            quote_id=str(rec.get("quote_id", index)),
            kind=str(rec.get("kind") or ""),
            content=content,
            speaker=rec.get("speaker"),
            mention=mention,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise IngestError(where, f"not a quote record ({exc.__class__.__name__}: {exc})") from None


def content_chars(spans: SpanList, document: str) -> frozenset[int]:
    """Offsets in the spans whose character is neither whitespace nor a quotation mark."""
    return frozenset(
        i
        for start, end in spans
        for i in range(start, end)
        if not document[i].isspace() and document[i] not in QUOTE_MARKS
    )


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice coefficient of two offset sets (0 when both are empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def speaker_right(gold: GoldAttribution, predicted: Prediction) -> bool:
    """Mention overlaps the gold Source, or the name holds a capitalised Source word.

    A gold attribution without a Source is right only for a quote that names no speaker.
    """
    if not gold.source:
        return predicted.speaker is None and predicted.mention is None
    if predicted.mention is not None:
        m_start, m_end = predicted.mention
        if any(start < m_end and m_start < end for start, end in gold.source):
            return True
    name_words = set(_WORD.findall(predicted.speaker or ""))
    return any(w[0].isupper() and w in name_words for w in _WORD.findall(gold.source_text))


def align_document(
    doc_id: str, gold: list[GoldAttribution], predicted: list[Prediction], document: str
) -> list[Pair]:
    """Greedy one-to-one matching of one document: best Dice first, ties in input order."""
    gold_chars = [content_chars(g.content, document) for g in gold]
    pred_chars = [content_chars(p.content, document) for p in predicted]
    candidates = []
    for gi, g_set in enumerate(gold_chars):
        for pi, p_set in enumerate(pred_chars):
            score = dice(g_set, p_set)
            if score >= MIN_DICE:
                candidates.append((-score, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for neg_score, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        right = speaker_right(gold[gi], predicted[pi])
        pairs.append(Pair(doc_id, gold[gi], predicted[pi], -neg_score, right))
    pairs += [Pair(doc_id, g, None) for i, g in enumerate(gold) if i not in used_gold]
    pairs += [Pair(doc_id, None, p) for i, p in enumerate(predicted) if i not in used_pred]
    return pairs


# PolNeAR's "direct" attributions are those whose content holds quotation marks, partial
# quotes included; the predictions that match that definition are direct and mixed ones.
QUOTED_KINDS = frozenset({"direct", "mixed"})


def align(
    gold: Mapping[str, list[GoldAttribution]],
    predicted: Iterable[Record],
    texts: Mapping[str, str],
    direct_only: bool = False,
) -> list[Pair]:
    """Align every gold document with its predictions (direct ones only on request)."""
    by_doc: dict[str, list[Prediction]] = {doc_id: [] for doc_id in gold}
    for index, record in enumerate(predicted):
        pred = as_prediction(record, index)
        if pred.doc_id not in by_doc:
            raise IngestError(f"prediction {pred.doc_id!r}", "doc_id is not in the gold set")
        _check_offsets(pred, texts[pred.doc_id])
        if not direct_only or pred.kind in QUOTED_KINDS:
            by_doc[pred.doc_id].append(pred)
    pairs = []
    for doc_id, atts in gold.items():
        atts = [a for a in atts if a.is_direct] if direct_only else atts
        pairs += align_document(doc_id, atts, by_doc[doc_id], texts[doc_id])
    return pairs


def _check_offsets(pred: Prediction, document: str) -> None:
    spans = pred.content + ((pred.mention,) if pred.mention else ())
    if any(not 0 <= start <= end <= len(document) for start, end in spans):
        raise IngestError(
            f"prediction {pred.doc_id!r}/{pred.quote_id!r}",
            f"offsets outside the document ({len(document)} characters)",
        )


def evaluate(
    gold: Mapping[str, list[GoldAttribution]],
    predicted: Iterable[Record],
    texts: Mapping[str, str],
) -> Report:
    """Score quote records (dicts or Quotes) against the gold attributions of the same texts."""
    predicted = [as_prediction(record, index) for index, record in enumerate(predicted)]
    pairs = align(gold, predicted, texts)
    direct_pairs = align(gold, predicted, texts, direct_only=True)
    return Report(
        documents=len(gold),
        all=_score(pairs),
        direct=_score(direct_pairs),
        end_to_end=_score(pairs, speaker=True),
        direct_end_to_end=_score(direct_pairs, speaker=True),
        by_kind=_group(pairs, lambda p: p.predicted and (p.predicted.kind or "(none)")),
        by_gold=_group(pairs, lambda p: p.gold and ("direct" if p.gold.is_direct else "other")),
        per_doc=_group(pairs, lambda p: p.doc_id),
    )


def _score(pairs: list[Pair], speaker: bool = False) -> Score:
    return Score(
        predicted=sum(p.predicted is not None for p in pairs),
        gold=sum(p.gold is not None for p in pairs),
        matched=sum(p.matched and (p.speaker_right or not speaker) for p in pairs),
    )


def _group(pairs: list[Pair], label_of: Callable[[Pair], Any]) -> tuple[Group, ...]:
    """Figures per label, over the pairs that have a label (sorted by label)."""
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        label = label_of(pair)
        if label:
            groups.setdefault(label, []).append(pair)
    return tuple(
        Group(label, _score(group), _score(group, speaker=True).matched)
        for label, group in sorted(groups.items())
    )


def read_predictions(path: Path) -> list[dict[str, Any]]:
    """Quote records from a JSONL file (blank lines skipped)."""
    records = []
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    records.append(_json_object(line, f"{path}:{number}"))
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or "cannot be read") from None
    except UnicodeDecodeError as exc:
        raise IngestError(str(path), f"not UTF-8 (byte {exc.start})") from None
    return records


def _json_object(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(where, f"not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise IngestError(where, "a quote record must be a JSON object")
    return record


def evaluate_files(gold_dir: Path, pred_path: Path) -> Report:
    """Score a JSONL file of quote records against a brat corpus (text/, attributions/)."""
    texts = read_texts(Path(gold_dir))
    return evaluate(read_gold(Path(gold_dir), texts), read_predictions(Path(pred_path)), texts)
