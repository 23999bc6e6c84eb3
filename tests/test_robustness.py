"""The whole pipeline on arbitrary input: nothing raises, offsets stay exact, tables round-trip."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perspectives.io import QuoteWriter
from perspectives.model import Article
from perspectives.pipeline import analyze_article
from perspectives.regions import mark_regions
from perspectives.table import read_quotes

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "''",
        "‘",
        "’",
        ",",
        ".",
        "!",
        "?",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "—",
        "said",
        "says",
        "told reporters",
        "according to",
        "he",
        "she",
        "the minister",
        "Dr.",
        "Ana Ruiz",
        "U.S.",
        "Mr. Khan",
        "that",
        "We will win",
        "called it",
        "dubbed",
        "(Reuters)",
        "By Jo Lee",
        "Share:",
        "\t",
        "é",
        "漢字",
        "🙂",
        "\u2028",
        "\x00",
        "--",
        "-",
        "and",
        "but has",
        "issued a statement calling",
        "went on to say",
        "boldly",
        "in a statement",
        "Secretary of State",
        "John F. Kerry",
        "Mrs. Clinton",
        "an adviser to",
        "by",
        "the alleged",
        "when asked",
        "At least five",
        "state Del.",
        '"Cia"',
        "his wife,",
        "the 30-year-old",
        "the senator",
        "while",
        "made the following comment:",
        "‘We will win,’",
        "workers’",
        "criticised over",
        "Centers for Disease Control and",
        "Reporters Without Borders",
        "whose son,",
        "Kevin,",
        "told me that",
        "in Dhaka",
        "were accused of",
        "one of them,",
        "a 22-year-old designer,",
        ", as police fired",
        "Maputo, Mozambique –",
        "Its India chairperson,",
        "Lt. Gen.",
        "declined to comment, but",
    ]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=60).map(" ".join),
    st.text(max_size=300),
    st.just(""),
    st.just("   \n\t  "),
    st.lists(PIECES, min_size=200, max_size=400).map(" ".join),  # one very long paragraph
)


def _article(text: str) -> Article:
    return Article("doc", text, regions=mark_regions(text))


def _check_offsets(text: str, record: dict) -> None:
    assert text[record["start"] : record["end"]] == record["text"]
    if record["cue"] is not None:
        assert text[record["cue_start"] : record["cue_end"]] == record["cue"]
    if record["speaker_mention"] is not None:
        assert text[record["mention_start"] : record["mention_end"]] == record["speaker_mention"]
    for start, end in record["parts"]:
        assert record["start"] <= start <= end <= record["end"]
    for sentence in (record["sentiment"] or {}).get("sentences", []):
        assert record["start"] <= sentence["start"] <= sentence["end"] <= record["end"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_exact_offsets(text):
    for quote in analyze_article(_article(text)):
        _check_offsets(text, quote.to_record())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(PIECES, min_size=5, max_size=80).map(" ".join))
def test_records_round_trip_through_every_format(tmp_path_factory, text):
    records = [q.to_record() for q in analyze_article(_article(text))]
    folder = tmp_path_factory.mktemp("tables")
    tables = {}
    for suffix in ("jsonl", "csv", "parquet"):
        path = folder / f"quotes.{suffix}"
        with QuoteWriter(path) as writer:
            for record in records:
                writer.write(record)
        tables[suffix] = read_quotes(path)
    if not records:
        return
    reference = tables["jsonl"]
    for suffix in ("csv", "parquet"):
        got = tables[suffix][list(reference.columns)]
        pd.testing.assert_frame_equal(got, reference, check_dtype=False)
