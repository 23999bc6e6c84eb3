"""`analyze` output for corpora of every shape: all groups, one group, one quote, no quote."""

from __future__ import annotations

from perspectives.model import Article
from perspectives.pipeline import analyze_article
from perspectives.report import FIGURES, TABLES, write_report
from perspectives.table import quotes_frame

ONE_RESIDENT = '"The water took everything," said Ana Ruiz, a farmer in the valley.'
NO_QUOTES = "The river rose overnight and the roads were closed."


def test_report_is_written_for_a_single_quote_of_one_group(tmp_path):
    table = quotes_frame(analyze_article(Article("doc", ONE_RESIDENT)))
    assert list(table["role"]) == ["resident"]
    written = write_report(table, tmp_path / "results", tmp_path / "figures")
    names = {p.name for p in written}
    assert {f"{name}.csv" for name in TABLES} <= names
    assert {f"{stem}.{ext}" for stem in FIGURES for ext in ("pdf", "svg", "png")} <= names


def test_report_without_quotes_writes_the_empty_table_only(tmp_path):
    table = quotes_frame(analyze_article(Article("doc", NO_QUOTES)))
    written = write_report(table, tmp_path / "results", tmp_path / "figures")
    assert [p.name for p in written] == ["quotes.csv"]


def test_report_of_the_seed_names_its_small_groups(tmp_path, seed_path):
    from perspectives.ingest import read_article

    table = quotes_frame(analyze_article(read_article(seed_path)))
    write_report(table, tmp_path / "results", tmp_path / "figures")
    summary = (tmp_path / "results" / "divergence_summary.csv").read_text()
    assert "n too small" in summary
