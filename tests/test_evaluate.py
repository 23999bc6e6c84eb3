"""The quote metric: brat gold reading, Dice matching, speakers, and the PolNeAR open set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perspectives.brat import GoldAttribution, read_gold, read_texts
from perspectives.errors import IngestError
from perspectives.evaluate import (
    align,
    content_chars,
    dice,
    evaluate,
    evaluate_files,
    read_predictions,
)
from perspectives.model import Quote

DOC = (
    "The minister said the operation was “a complete success” and would continue. "
    "Residents told reporters that they had heard explosions all night. "
    '"We are afraid," said Amina Khan, a teacher. "Nobody tells us anything."'
)


def span(text: str, document: str = DOC) -> tuple[int, int]:
    start = document.index(text)
    return start, start + len(text)


def gold(content, source=(), direct=False, doc_id="d", ann_id="E1") -> GoldAttribution:
    return GoldAttribution(
        doc_id=doc_id,
        ann_id=ann_id,
        content=tuple(content),
        cue=(),
        source=tuple(source),
        source_text=" ".join(DOC[s:e] for s, e in source),
        is_direct=direct,
    )


def pred(start, end, kind="indirect", parts=(), speaker=None, mention=None, doc_id="d") -> dict:
    record = {"doc_id": doc_id, "quote_id": f"q{start}", "kind": kind, "start": start, "end": end}
    record["parts"] = [list(p) for p in parts]
    record["speaker"] = speaker
    if mention:
        record["mention_start"], record["mention_end"] = mention
    return record


def run(golds, preds):
    return evaluate({"d": list(golds)}, preds, {"d": DOC})


OPERATION = span("the operation was “a complete success” and would continue")
MINISTER = span("The minister")


def test_exact_match_scores_one():
    report = run([gold([OPERATION])], [pred(*OPERATION)])
    assert (report.all.precision, report.all.recall, report.all.f1) == (1.0, 1.0, 1.0)


def test_overlap_above_half_matches_and_below_does_not():
    start, end = OPERATION
    length = end - start
    assert run([gold([OPERATION])], [pred(start, start + int(length * 0.6))]).all.matched == 1
    assert run([gold([OPERATION])], [pred(start, start + int(length * 0.25))]).all.matched == 0


def test_quotation_marks_and_whitespace_are_ignored():
    inside = span("a complete success")
    quoted = (inside[0] - 1, inside[1] + 1)
    assert DOC[quoted[0] : quoted[1]] == "“a complete success”"
    a, b = content_chars((inside,), DOC), content_chars((quoted,), DOC)
    assert a == b and dice(a, b) == 1.0
    padded = (inside[0] - 2, inside[1])
    assert DOC[padded[0]] == " " and content_chars((padded,), DOC) == a


def test_one_prediction_matches_one_gold_only():
    residents = span("they had heard explosions all night")
    report = run([gold([residents]), gold([residents], ann_id="E2")], [pred(*residents)])
    assert (report.all.matched, report.all.precision, report.all.recall) == (1, 1.0, 0.5)
    report = run([gold([residents])], [pred(*residents), pred(*residents)])
    assert (report.all.matched, report.all.precision, report.all.recall) == (1, 0.5, 1.0)


def test_greedy_takes_the_best_pair_first():
    # x overlaps both gold; its best partner is b, which leaves a free for y.
    start = DOC.index("Residents")
    a, b = (start, start + 100), (start + 20, start + 100)
    x, y = (start + 20, start + 100), (start, start + 90)
    report = run([gold([a]), gold([b], ann_id="E2")], [pred(*x), pred(*y)])
    assert report.all.matched == 2
    pairs = align({"d": [gold([a]), gold([b], ann_id="E2")]}, [pred(*x), pred(*y)], {"d": DOC})
    assert {(p.gold.ann_id, p.predicted.quote_id) for p in pairs} == {
        ("E2", f"q{x[0]}"),
        ("E1", f"q{y[0]}"),
    }


def test_discontinuous_spans_are_matched_through_parts():
    first, second = span("We are afraid,"), span("Nobody tells us anything.")
    g = gold([first, second], source=[span("Amina Khan, a teacher")], direct=True)
    whole = pred(first[0], second[1], kind="direct", parts=[first, second])
    (pair,) = align({"d": [g]}, [whole], {"d": DOC})
    assert pair.matched and pair.dice == 1.0
    hull = pred(first[0], second[1], kind="direct")  # also covers ' said Amina Khan, a teacher'
    (pair,) = align({"d": [g]}, [hull], {"d": DOC})
    assert pair.matched and 0.5 <= pair.dice < 1.0
    assert run([g], [pred(*span("We are"), kind="direct")]).all.matched == 0


def test_speaker_right_by_mention_overlap_or_capitalised_word():
    g = gold([OPERATION], source=[MINISTER])
    by_mention = pred(*OPERATION, speaker="Sarfraz Bugti", mention=span("minister"))
    assert run([g], [by_mention]).speaker_accuracy == 1.0
    amina = gold([span("We are afraid,")], source=[span("Amina Khan, a teacher")])
    by_name = pred(*span("We are afraid,"), speaker="Amina Khan")
    assert run([amina], [by_name]).speaker_accuracy == 1.0
    lowercase_only = pred(*OPERATION, speaker="minister of state")  # "The" is not in it
    assert run([g], [lowercase_only]).speaker_accuracy == 0.0
    wrong = pred(*span("We are afraid,"), speaker="Khanum", mention=MINISTER)
    report = run([amina], [wrong])
    assert (report.all.matched, report.end_to_end.matched, report.speaker_accuracy) == (1, 0, 0)


def test_gold_without_source_wants_no_speaker():
    g = gold([OPERATION])
    assert run([g], [pred(*OPERATION)]).speaker_accuracy == 1.0
    assert run([g], [pred(*OPERATION, speaker="Amina Khan")]).speaker_accuracy == 0.0


def test_direct_figures_restrict_both_sides():
    inside = span("We are afraid,")
    g_direct = gold([inside], direct=True)
    g_other = gold([span("they had heard explosions all night")], ann_id="E2")
    preds = [pred(*inside, kind="mixed"), pred(*g_other.content[0], kind="direct")]
    report = run([g_direct, g_other], preds)
    assert report.all.matched == 2
    # quoted predictions (direct and mixed) against gold content holding quotation marks
    assert (report.direct.predicted, report.direct.gold, report.direct.matched) == (2, 1, 1)
    assert {g.label: g.score.matched for g in report.by_kind} == {"direct": 1, "mixed": 1}
    assert {g.label: g.score.gold for g in report.by_gold} == {"direct": 1, "other": 1}


def test_quote_objects_are_accepted_and_report_renders():
    text = DOC[slice(*OPERATION)]
    quote = Quote("d", "q1", "direct", text, *OPERATION, mention_start=4, mention_end=12)
    report = evaluate({"d": [gold([OPERATION], source=[MINISTER])]}, [quote], {"d": DOC})
    assert report.end_to_end.f1 == 1.0
    assert json.loads(json.dumps(report.as_dict()))["per_doc"]["d"]["matched"] == 1
    assert "all attributions" in report.format(per_doc=True)


def test_bad_predictions_are_ingest_errors():
    with pytest.raises(IngestError, match="not in the gold set"):
        run([], [pred(*OPERATION, doc_id="elsewhere")])
    with pytest.raises(IngestError, match="outside the document"):
        run([], [pred(0, len(DOC) + 5)])
    with pytest.raises(IngestError, match="not a quote record"):
        run([], [{"doc_id": "d"}])


@given(st.text(alphabet=' ab"“”\n', max_size=40), st.data())
def test_a_prediction_equal_to_its_gold_always_matches(document, data):
    start = data.draw(st.integers(0, len(document)))
    end = data.draw(st.integers(start, len(document)))
    chars = content_chars(((start, end),), document)
    g = GoldAttribution("d", "E1", ((start, end),), (), (), "", False)
    report = evaluate({"d": [g]}, [pred(start, end)], {"d": document})
    assert report.all.matched == (1 if chars else 0)
    other = content_chars(((0, len(document)),), document)
    assert dice(chars, other) == dice(other, chars) and 0.0 <= dice(chars, other) <= 1.0


def write_corpus(root: Path) -> None:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for doc_id in ("news_a", "news_a_b"):
        (root / "text" / f"{doc_id}.txt").write_text(DOC, encoding="utf-8")
    s, e = OPERATION
    m, n = MINISTER
    a, b = span("We are afraid,")
    c, d = span("Nobody tells us anything.")
    (root / "attributions" / "news_a_x1.ann").write_text(
        f"T1\tSource {m} {n}\t{DOC[m:n]}\nT2\tContent {s} {e}\t{DOC[s:e]}\n"
        f"T3\tAttribution 13 17\tsaid\nE1\tAttribution:T3 Content:T2 Source:T1\n"
        f"#1\tAnnotatorNotes T2\tnote\nA1\tFlag E1\nR1\tRel Arg1:T1 Arg2:T2\n"
        f"T4\tContent {a} {b};{c} {d}\tx\nT5\tDiscard 0 3\tThe\n"
        f"E2\tAttribution-no-source:T5 Content:T4\n",
        encoding="utf-8",
    )
    (root / "attributions" / "news_a_x2.ann").write_text("", encoding="utf-8")
    (root / "attributions" / "news_a_b_x1.ann").write_text(
        f"T1\tContent {a} {b}\tx\nT2\tContent {c} {d}\ty\nE1\tAttribution:T1 Content:T1 "
        f"Content2:T2\n",
        encoding="utf-8",
    )


def test_read_gold_from_brat_files(tmp_path):
    write_corpus(tmp_path)
    gold_docs = read_gold(tmp_path)
    assert sorted(gold_docs) == ["news_a", "news_a_b"]
    first, second = gold_docs["news_a"]  # news_a_x1.ann, not the empty x2
    assert (first.content, first.source, first.source_text) == (
        (OPERATION,),
        (MINISTER,),
        "The minister",
    )
    assert first.is_direct  # partly quoted content counts: PolNeAR's "in quotation marks"
    assert second.source == () and second.cue == () and len(second.content) == 2
    assert second.is_direct  # the marks sit right outside the content
    (joined,) = gold_docs["news_a_b"]
    assert joined.content == (span("We are afraid,"), span("Nobody tells us anything."))


def test_evaluate_files_and_errors(tmp_path):
    write_corpus(tmp_path)
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps(pred(*OPERATION, doc_id="news_a")) + "\n\n", encoding="utf-8")
    report = evaluate_files(tmp_path, preds)
    assert (report.all.matched, report.all.predicted, report.all.gold) == (1, 1, 3)
    preds.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(IngestError, match="pred.jsonl:1"):
        read_predictions(preds)
    with pytest.raises(IngestError, match="text/"):
        read_texts(tmp_path / "missing")


def oracle(gold_docs: dict[str, list[GoldAttribution]]) -> list[dict]:
    """Quote records made from the gold itself."""
    records = []
    for doc_id, atts in gold_docs.items():
        for att in atts:
            mention = att.source[0] if att.source else None
            kind = "direct" if att.is_direct else "indirect"
            record = pred(att.content[0][0], att.content[-1][1], kind, att.content, None, mention)
            records.append({**record, "doc_id": doc_id, "speaker": att.source_text or None})
    return records


def test_polnear_open_counts_and_oracle(benchmarks_dir, tmp_path):
    root = benchmarks_dir / "polnear-open"
    texts = read_texts(root)
    gold_docs = read_gold(root, texts)
    atts = [a for v in gold_docs.values() for a in v]
    assert (len(gold_docs), len(atts), sum(a.is_direct for a in atts)) == (43, 1060, 294)
    for att in atts:
        assert all(0 <= s < e <= len(texts[att.doc_id]) for s, e in att.content)
    report = evaluate(gold_docs, oracle(gold_docs), texts)
    assert (report.all.precision, report.all.recall) == (1.0, 1.0)
    assert (report.direct.precision, report.direct.recall) == (1.0, 1.0)
    assert report.speaker_accuracy == report.direct_speaker_accuracy == 1.0
    preds = tmp_path / "oracle.jsonl"
    preds.write_text("".join(json.dumps(r) + "\n" for r in oracle(gold_docs)), encoding="utf-8")
    assert evaluate_files(root, preds).end_to_end.f1 == 1.0
