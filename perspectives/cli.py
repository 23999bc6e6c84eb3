"""The ``perspectives`` command: one sub-command per stage, all thin calls into the library.

Any PerspectivesError ends the command with one line on stderr (``perspectives: FILE: reason``)
and exit status 2; nothing already written is lost, because every output is written atomically.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from .errors import PerspectivesError

DEFAULT_QUOTES = "results/quotes.jsonl"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perspectives",
        description="Find, attribute and score the quotations in news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("text", help="print the body text of an article (HTML input: extracted)")
    p.add_argument("file", help="an article file (.txt, .html)")

    p = sub.add_parser("quotes", help="extract and score every quotation of the input articles")
    p.add_argument("inputs", nargs="+", help="files or folders (.txt, .html, .jsonl, .csv)")
    p.add_argument(
        "-o",
        "--output",
        default=DEFAULT_QUOTES,
        help=f"output .jsonl, .csv or .parquet; '-' for stdout (default {DEFAULT_QUOTES})",
    )
    p.add_argument(
        "--no-scores",
        action="store_true",
        help="quotes and speakers only: no role, sentiment, stance or frames (faster)",
    )
    _corpus_options(p)

    p = sub.add_parser("analyze", help="quotes, divergence statistics and figures for a corpus")
    p.add_argument("inputs", nargs="+", help="files or folders of articles")
    p.add_argument("-o", "--output", default="results", help="results folder (default results)")
    p.add_argument("--figures", default="figures", help="figures folder (default figures)")
    _corpus_options(p)

    p = sub.add_parser("sentiment", help="score sentences in a TSV (id first, sentence last)")
    p.add_argument("input", help="input .tsv")
    p.add_argument("-o", "--output", required=True, help="output .tsv: id, vader, <mode>")
    p.add_argument("--mode", default="news", help="the tuned mode beside VADER (default news)")

    p = sub.add_parser("evaluate", help="score predicted quotes against brat attribution data")
    p.add_argument("predictions", help="predicted quotes (.jsonl)")
    p.add_argument("--gold", required=True, help="folder with text/ and attributions/")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = sub.add_parser("view", help="write an HTML page with the article's quotes highlighted")
    p.add_argument("file", help="an article file (.txt, .html)")
    p.add_argument("-o", "--output", required=True, help="output .html")
    p.add_argument("--study", help="study configuration (YAML)")
    return parser


def _corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--study", help="study configuration (YAML): targets, taxonomy, overrides")
    p.add_argument("--errors", help="where to list bad articles (default: beside the output)")
    p.add_argument(
        "--engine",
        choices=("serial", "dask"),
        default="serial",
        help="serial (default) or dask (parallel, same output)",
    )
    p.add_argument("--workers", type=_positive, default=2, help="local Dask workers (default 2)")
    p.add_argument("--scheduler", help="address of an existing Dask scheduler")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = _one_line_warning
        try:
            return _COMMANDS[args.command](args)
        except PerspectivesError as exc:
            print(f"perspectives: {exc}", file=sys.stderr)
            return 2
        except BrokenPipeError:  # `perspectives quotes ... -o - | head`
            sys.stderr.close()
            return 0
        except KeyboardInterrupt:
            print("perspectives: interrupted; outputs left as they were", file=sys.stderr)
            return 130


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    print(f"perspectives: warning: {message}", file=sys.stderr)


def _text(args: argparse.Namespace) -> int:
    from .ingest import read_article

    sys.stdout.write(read_article(args.file).text)
    return 0


def _run(args: argparse.Namespace, output: str) -> object:
    from .pipeline import run_corpus
    from .study import load_study

    stem = "perspectives" if output == "-" else str(Path(output).with_suffix(""))
    errors = args.errors or f"{stem}.errors.jsonl"
    engine = None
    if args.engine == "dask":
        from .distributed import dask_engine

        engine = dask_engine(args.workers, args.scheduler)
    study = load_study(args.study)
    if getattr(args, "no_scores", False):
        study = dataclasses.replace(study, scoring=False)
    gc.freeze()  # modules and study live as long as the run: no collection need scan them
    try:
        return run_corpus(
            args.inputs,
            output,
            study,
            errors,
            progress=_progress(args.quiet),
            engine=engine,
        )
    finally:
        gc.unfreeze()


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda articles: tqdm(articles, unit=" articles", file=sys.stderr)


def _quotes(args: argparse.Namespace) -> int:
    print(_run(args, args.output).line(), file=sys.stderr)
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from .report import write_report

    out = Path(args.output)
    summary = _run(args, str(out / "quotes.jsonl"))
    written = write_report(out / "quotes.jsonl", out, Path(args.figures))
    print(summary.line(), file=sys.stderr)
    print(f"{len(written)} files written under {out} and {args.figures}", file=sys.stderr)
    return 0


def _sentiment(args: argparse.Namespace) -> int:
    from .sentiment import sentiment_tsv

    rows = sentiment_tsv(args.input, args.output, mode=args.mode)
    print(f"{rows} sentences scored -> {args.output}", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate_files

    report = evaluate_files(Path(args.gold), Path(args.predictions))
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.format())
    return 0


def _view(args: argparse.Namespace) -> int:
    from .ingest import read_article
    from .pipeline import analyze_article
    from .render import write_page
    from .study import load_study

    article = read_article(args.file)
    write_page(article, analyze_article(article, load_study(args.study)), args.output)
    print(f"-> {args.output}", file=sys.stderr)
    return 0


_COMMANDS = {
    "text": _text,
    "quotes": _quotes,
    "analyze": _analyze,
    "sentiment": _sentiment,
    "evaluate": _evaluate,
    "view": _view,
}

if __name__ == "__main__":
    sys.exit(main())
