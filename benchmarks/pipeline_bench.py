"""Whole-CLI throughput and peak memory of `perspectives quotes` on a repeated corpus.

Builds a JSONL corpus from the PolNeAR texts (repeated to --articles rows, and ten times that
with --scale), runs the CLI in a subprocess per size, and prints articles/s and peak RSS.
Usage: python benchmarks/pipeline_bench.py [--articles 860] [--scale] [--engine dask] [--folder]
    [--no-scores]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "benchmarks" / "polnear-open" / "text"


def build_corpus(texts: Path, n: int, path: Path, folder: bool = False) -> None:
    """``n`` articles cycling through ``texts``: one JSONL file, or a folder of .txt files."""
    sources = sorted(texts.glob("*.txt"))
    if not sources:
        sys.exit(f"no .txt files under {texts}")
    bodies = [p.read_text(encoding="utf-8") for p in sources]
    articles = enumerate(islice(cycle(bodies), n))
    if folder:
        path.mkdir()
        for i, body in articles:
            (path / f"a{i:07d}.txt").write_text(body, encoding="utf-8")
        return
    with open(path, "w", encoding="utf-8") as fh:
        for i, body in articles:
            fh.write(json.dumps({"id": f"a{i:07d}", "text": body}) + "\n")


def startup() -> float:
    """Seconds to start the CLI and import the package (paid once per run)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "perspectives.cli", "--help"], check=True, stdout=-3)
    return time.perf_counter() - t0


def run(corpus: Path, out: Path, engine: str, extra: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one CLI run (``extra``: more CLI options)."""
    cmd = [
        sys.executable,
        "-m",
        "perspectives.cli",
        "quotes",
        str(corpus),
        "-o",
        str(out),
        "--quiet",
        "--engine",
        engine,
        *extra,
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--articles", type=int, default=860)
    parser.add_argument("--scale", action="store_true", help="also run 10x the articles")
    parser.add_argument("--engine", default="serial", choices=("serial", "dask"))
    parser.add_argument("--folder", action="store_true", help="a folder of .txt files, not JSONL")
    parser.add_argument("--no-scores", action="store_true", help="extraction only (CLI option)")
    args = parser.parse_args()
    sizes = [args.articles] + ([args.articles * 10] if args.scale else [])
    start = startup()
    print(f"CLI start-up (imports): {start:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = Path(tmp) / (f"corpus-{n}" if args.folder else f"corpus-{n}.jsonl")
            build_corpus(args.texts, n, corpus, args.folder)
            extra = ["--no-scores"] if args.no_scores else []
            seconds, peak = run(corpus, Path(tmp) / f"quotes-{n}.jsonl", args.engine, extra)
            what = ", ".join([args.engine, "folder" if args.folder else "jsonl", *extra])
            print(
                f"{n} articles ({what}): "
                f"{seconds:.1f} s, {n / seconds:.0f} articles/s whole CLI, "
                f"{n / max(seconds - start, 1e-9):.0f} articles/s after start-up, "
                f"peak RSS {peak:.0f} MB (max over runs so far)"
            )


if __name__ == "__main__":
    main()
