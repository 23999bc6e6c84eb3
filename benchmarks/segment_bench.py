"""Time segmentation (paragraphs + sentences) and tokenization on a folder of article texts.

Usage: python benchmarks/segment_bench.py [PATH] [--repeat N]
Prints articles/s and MB/s on one core for ``segment()`` and for ``tokenize`` over all
sentences; the texts are repeated to get a stable timing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from perspectives import segment as segment_module
from perspectives.segment import segment, tokenize

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "shared/benchmarks/polnear-open/text"


def read_texts(path: Path) -> list[str]:
    """Every ``*.txt`` under ``path`` (or the one file), decoded as the library reads it."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    texts = []
    for file in files:
        with open(file, encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    return texts


def best_time(run, repeat: int, rounds: int = 5) -> float:
    """The fastest of ``rounds`` timings of ``repeat`` calls of ``run``, in CPU seconds.

    CPU time of this process, not wall time: other work on the machine only adds noise.
    """
    run()  # warm-up: builds the cached tokenizers
    timings = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            run()
        timings.append(time.process_time() - start)
    return min(timings)


def report(name: str, seconds: float, articles: int, chars: int) -> None:
    print(
        f"{name:<22} {articles / seconds:10,.0f} articles/s  "
        f"{chars / seconds / 1e6:6.2f} MB/s (million characters/s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the texts per round")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"segment_bench: {args.path}: not found", file=sys.stderr)
        return 2
    texts = read_texts(args.path)
    if not texts:
        print(f"segment_bench: {args.path}: no .txt files", file=sys.stderr)
        return 2
    articles = len(texts) * args.repeat
    chars = sum(map(len, texts)) * args.repeat
    print(f"{len(texts)} texts x {args.repeat} repeats, {chars / args.repeat:,.0f} characters")

    def run_segment() -> None:
        for text in texts:
            segment(text)

    def run_segment_cold() -> None:
        # A fresh sentence splitter: Punkt's remembered decisions start empty, as they
        # would on a corpus seen for the first time (repeats within one pass still count).
        segment_module._punkt.cache_clear()
        run_segment()

    segmented = [(text, segment(text)) for text in texts]

    def run_tokenize() -> None:
        for text, paragraphs in segmented:
            for paragraph in paragraphs:
                for sentence in paragraph.sentences:
                    tokenize(text, sentence.start, sentence.end)

    report("segment() cold", best_time(run_segment_cold, args.repeat), articles, chars)
    report("segment() warm", best_time(run_segment, args.repeat), articles, chars)
    report("tokenize(sentences)", best_time(run_tokenize, args.repeat), articles, chars)
    return 0


if __name__ == "__main__":
    sys.exit(main())
