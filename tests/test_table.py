"""The tidy quotes table: flattening records and reading quote tables back."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.errors import IngestError
from perspectives.model import Quote
from perspectives.table import (
    MissingColumnError,
    prefixed_columns,
    quotes_frame,
    read_quotes,
    require_columns,
    words,
)

BUGTI = (
    "This was a well-planned, province-wide offensive by the militants, but our forces were "
    "prepared and have responded decisively,"
)


def _quote(seed_text: str) -> Quote:
    start = seed_text.index(BUGTI)
    mention = seed_text.index("Sarfraz Bugti", start)
    return Quote(
        doc_id="000_85b7ea4a11748d8f",
        quote_id="q1",
        kind="direct",
        text=BUGTI,
        start=start,
        end=start + len(BUGTI),
        cue="told reporters",
        speaker="Sarfraz Bugti",
        speaker_mention="Sarfraz Bugti",
        mention_start=mention,
        mention_end=mention + len("Sarfraz Bugti"),
        speaker_description="Balochistan's Chief Minister",
        role="official",
        sentiment={"compound": 0.2, "pos": 0.2, "neu": 0.7, "neg": 0.1, "sentences": [0.2]},
        stance={"state": {"label": "favor", "score": 0.8, "evidence": ["our forces"]}},
        frames={"security": {"score": 2.0, "evidence": ["forces"]}},
        parts=((start, start + len(BUGTI)),),
        provenance={"quote_rule": "direct"},
    )


def test_flattens_a_real_seed_quote(seed_text):
    row = quotes_frame([_quote(seed_text)]).iloc[0]
    assert seed_text[row["start"] : row["end"]] == row["text"]
    assert row["sentiment_compound"] == 0.2 and row["sentiment_neg"] == 0.1
    assert row["stance_state_label"] == "favor" and row["stance_state_score"] == 0.8
    assert row["frame_security"] == 2.0
    assert row["n_words"] == 18  # "well-planned" and "province-wide" are one word each
    assert row["role"] == "official" and row["mention_start"] < row["mention_end"]
    assert "parts" not in row and "provenance" not in row and "sentiment_sentences" not in row


def test_missing_scores_become_nan_and_extra_scalars_are_kept():
    records = [
        {"doc_id": "a", "quote_id": "1", "text": "We will win.", "start": 0, "end": 12,
         "stance": {"militants": {"label": "against", "score": -0.5}}, "page": 3},
        {"doc_id": "a", "quote_id": "2", "text": "", "start": 20, "end": 20, "stance": None},
    ]  # fmt: skip
    df = quotes_frame(records)
    assert df.loc[0, "page"] == 3
    assert pd.isna(df.loc[1, "stance_militants_label"])
    assert list(df["n_words"]) == [3, 0]
    assert prefixed_columns(df, "stance_", "_label") == {"militants": "stance_militants_label"}


def test_empty_input_gives_the_record_columns():
    df = quotes_frame([])
    assert df.empty and {"doc_id", "role", "start", "n_words"} <= set(df.columns)
    assert "sentiment" not in df.columns


def test_words_keeps_inner_apostrophes_and_hyphens():
    assert words("We don’t fear counter-terrorism — 48 dead.") == [
        "We", "don’t", "fear", "counter-terrorism", "48", "dead",
    ]  # fmt: skip


def test_round_trips_jsonl_csv_parquet(tmp_path, seed_text):
    records = [_quote(seed_text).to_record(), {**_quote(seed_text).to_record(), "doc_id": "007"}]
    jsonl = tmp_path / "quotes.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = quotes_frame(records)
    from_jsonl = read_quotes(jsonl)
    pd.testing.assert_frame_equal(from_jsonl, expected)
    expected.to_csv(tmp_path / "quotes.csv", index=False)
    expected.to_parquet(tmp_path / "quotes.parquet", index=False)
    from_csv = read_quotes(tmp_path / "quotes.csv")
    assert list(from_csv["doc_id"]) == ["000_85b7ea4a11748d8f", "007"]  # ids stay strings
    assert from_csv["text"].tolist() == expected["text"].tolist()
    assert from_csv["frame_security"].tolist() == [2.0, 2.0]
    pd.testing.assert_frame_equal(read_quotes(tmp_path / "quotes.parquet"), expected)


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_jsonl_and_csv_keep_any_text_exactly(tmp_path_factory, text):
    """Offsets are sacred: a quote's text (\r, \r\n, quotes, commas) survives the round trip."""
    folder = tmp_path_factory.mktemp("rt")
    record = {"doc_id": "d", "quote_id": "q", "kind": "direct", "text": text, "start": 0,
              "end": len(text)}  # fmt: skip
    (folder / "q.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert read_quotes(folder / "q.jsonl").loc[0, "text"] == text
    with open(folder / "q.csv", "w", encoding="utf-8", newline="") as fh:  # as io.QuoteWriter
        writer = csv.DictWriter(fh, fieldnames=list(quotes_frame([record]).columns))
        writer.writeheader()
        writer.writerow(quotes_frame([record]).iloc[0].to_dict())
    back = read_quotes(folder / "q.csv").loc[0, "text"]
    assert (back if isinstance(back, str) else "") == text  # an empty text reads back as NA


def test_read_errors_name_the_file_and_line(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_quotes(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(IngestError, match=r"bad.jsonl:2: not valid JSON"):
        read_quotes(bad)
    other = tmp_path / "q.xlsx"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(IngestError, match="unknown quotes table format"):
        read_quotes(other)


def test_require_columns_names_what_is_missing():
    with pytest.raises(MissingColumnError, match="sentiment_compound") as info:
        require_columns(pd.DataFrame({"role": []}), ["role", "sentiment_compound"], "sentiment")
    assert info.value.source == "sentiment" and "table has: role" in info.value.reason
