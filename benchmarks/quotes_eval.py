"""Run the quote extractor over the PolNeAR open texts and score it against their gold.

Prints the evaluation table and the extraction speed; ``--dump-errors FILE`` writes every
missed attribution, spurious quote and wrong speaker with its context, for error analysis.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from perspectives.brat import GoldAttribution, SpanList, read_gold, read_texts
from perspectives.evaluate import Pair, Prediction, align, content_chars, dice, evaluate
from perspectives.model import Article

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(os.environ.get("PERSPECTIVES_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
CONTEXT = 100


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from perspectives.quotes import extract

    if not args.gold.is_dir():
        sys.exit(f"quotes_eval: {args.gold}: no benchmark data there")
    texts = read_texts(args.gold)
    gold = read_gold(args.gold, texts)
    started = time.perf_counter()
    records = [
        quote.to_record()
        for doc_id in gold
        for quote in extract(Article(doc_id, texts[doc_id], source=f"{doc_id}.txt"))
    ]
    seconds = time.perf_counter() - started
    report = evaluate(gold, records, texts)
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.format(args.per_doc))
    print(f"\n{len(gold)} articles in {seconds:.2f} s: {len(gold) / seconds:.1f} articles/s")
    if args.dump_errors:
        pairs = align(gold, records, texts)
        args.dump_errors.write_text(error_listing(pairs, texts), encoding="utf-8")
        print(f"errors written to {args.dump_errors}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=BENCHMARKS / "polnear-open")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--per-doc", action="store_true", help="add per-document rows")
    parser.add_argument("--dump-errors", type=Path, metavar="FILE")
    return parser


def error_listing(pairs: list[Pair], texts: dict[str, str]) -> str:
    """Missed gold, spurious quotes and wrong speakers, per document, with context."""
    blocks = []
    for doc_id, document in texts.items():
        doc_pairs = [p for p in pairs if p.doc_id == doc_id]
        predicted = [p.predicted for p in doc_pairs if p.predicted is not None]
        gold = [p.gold for p in doc_pairs if p.gold is not None]
        lines = [_missed(p.gold, predicted, document) for p in doc_pairs if p.predicted is None]
        lines += [_spurious(p.predicted, gold, document) for p in doc_pairs if p.gold is None]
        lines += [
            _wrong_speaker(p, document) for p in doc_pairs if p.matched and not p.speaker_right
        ]
        if lines:
            blocks.append(f"=== {doc_id}\n\n" + "\n\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _missed(gold: GoldAttribution, predicted: list[Prediction], document: str) -> str:
    kind = "direct" if gold.is_direct else "other"
    best = _best_dice(gold.content, [p.content for p in predicted], document)
    cue = " ".join(document[s:e] for s, e in gold.cue)
    return (
        f"MISSED {gold.ann_id} [{kind}] source={gold.source_text!r} cue={cue!r} "
        f"best dice={best:.2f}\n  {_context(gold.content, document)}"
    )


def _spurious(pred: Prediction, gold: list[GoldAttribution], document: str) -> str:
    best = _best_dice(pred.content, [g.content for g in gold], document)
    return (
        f"SPURIOUS {pred.quote_id} [{pred.kind}] speaker={pred.speaker!r} "
        f"best dice={best:.2f}\n  {_context(pred.content, document)}"
    )


def _wrong_speaker(pair: Pair, document: str) -> str:
    pred, gold = pair.predicted, pair.gold
    mention = document[pred.mention[0] : pred.mention[1]] if pred.mention else None
    return (
        f"SPEAKER {pred.quote_id}/{gold.ann_id} gold source={gold.source_text!r} "
        f"predicted speaker={pred.speaker!r} mention={mention!r}\n"
        f"  {_context(gold.content + gold.source, document)}"
    )


def _best_dice(spans: SpanList, others: list[SpanList], document: str) -> float:
    mine = content_chars(spans, document)
    return max((dice(mine, content_chars(o, document)) for o in others), default=0.0)


def _context(spans: SpanList, document: str) -> str:
    """The text around the spans, each span marked [[...]], newlines shown as '/'."""
    spans = tuple(sorted(spans))
    start = max(0, spans[0][0] - CONTEXT)
    end = min(len(document), spans[-1][1] + CONTEXT)
    pieces, cursor = [], start
    for s, e in spans:
        s = max(s, cursor)
        pieces += [document[cursor:s], "[[", document[s:e], "]]"]
        cursor = max(cursor, e)
    pieces.append(document[cursor:end])
    return "".join(pieces).replace("\r", "").replace("\n", " / ")


if __name__ == "__main__":
    sys.exit(main())
