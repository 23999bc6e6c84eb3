"""Corpus runs: bad articles reported, atomic outputs, formats round-trip, Dask equals serial."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from perspectives.cli import main
from perspectives.ingest import read_article
from perspectives.io import QuoteWriter, encode_record
from perspectives.pipeline import analyze_article, run_corpus
from perspectives.study import load_study
from perspectives.table import quotes_frame, read_quotes


@pytest.fixture()
def messy_corpus(tmp_path, seed_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "seed.txt")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    rows = [
        json.dumps({"id": "good", "text": '"We will rebuild," the mayor said.'}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "also-good", "text": "Officials said the road was closed."}),
    ]
    (corpus / "rows.jsonl").write_text("\n".join(rows) + "\n")
    narration = "The river rose overnight and the roads out of town were closed. " * 8 + "\n\n"
    quoted = '"We have nowhere to go," said Ana Ruiz, a farmer.\n\n'
    block = narration * 20 + quoted
    (corpus / "huge.txt").write_text(block * (5_000_000 // len(block) + 1))
    return corpus


def test_bad_articles_go_to_the_errors_file_and_the_rest_is_right(messy_corpus, tmp_path):
    out, errors = tmp_path / "quotes.jsonl", tmp_path / "errors.jsonl"
    summary = run_corpus([messy_corpus], out, errors_file=errors)
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    reasons = {f["source"].split("/")[-1]: f["reason"] for f in failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "rows.jsonl:line 2"}
    assert summary.errors == 3
    records = [json.loads(line) for line in out.read_text().splitlines()]
    docs = {r["doc_id"] for r in records}
    assert {"seed", "good", "also-good", "huge"} <= docs
    assert summary.quotes == len(records)


def test_an_earlier_errors_list_is_emptied_and_none_is_made_for_nothing(tmp_path, seed_path):
    errors = tmp_path / "errors.jsonl"
    run_corpus([seed_path], tmp_path / "q.jsonl", errors_file=errors)
    assert not errors.exists()
    errors.write_text('{"source": "old.txt", "reason": "stale"}\n')
    run_corpus([seed_path], tmp_path / "q.jsonl", errors_file=errors)
    assert errors.read_text() == ""


def test_every_format_round_trips_the_same_table(tmp_path, seed_path):
    tables = {}
    for suffix in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"quotes.{suffix}"
        run_corpus([seed_path], out)
        tables[suffix] = read_quotes(out)
    columns = list(tables["jsonl"].columns)
    for suffix in ("csv", "parquet"):
        pd.testing.assert_frame_equal(
            tables[suffix][columns], tables["jsonl"], check_dtype=False, check_exact=False
        )


def test_an_interrupted_write_keeps_the_previous_file(tmp_path):
    out = tmp_path / "quotes.jsonl"
    out.write_text("previous\n")
    with pytest.raises(RuntimeError):
        with QuoteWriter(out) as writer:
            writer.write({"doc_id": "d", "text": "half"})
            raise RuntimeError("interrupted")
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.jsonl"]


def test_dask_engine_gives_exactly_the_serial_records(tmp_path, seed_path):
    pytest.importorskip("distributed")
    from perspectives.distributed import dask_engine

    corpus = tmp_path / "corpus.jsonl"
    text = seed_path.read_text(encoding="utf-8")
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(12):
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "dask.jsonl"
    run_corpus([corpus], serial)
    run_corpus([corpus], parallel, engine=dask_engine(workers=2, batch=5))
    assert parallel.read_bytes() == serial.read_bytes()


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_writer_takes_encoded_records_as_it_takes_dicts(tmp_path, seed_path, suffix):
    """Dask workers send records as ``encode_record`` lines; every format writes them the same."""
    records = [q.to_record() for q in analyze_article(read_article(seed_path))]
    for name, rows in (("dicts", records), ("lines", [encode_record(r) for r in records])):
        with QuoteWriter(tmp_path / f"{name}{suffix}") as writer:
            for row in rows:
                writer.write(row)
    assert (tmp_path / f"dicts{suffix}").read_bytes() == (tmp_path / f"lines{suffix}").read_bytes()


def test_cli_reports_a_missing_input_in_one_line(tmp_path, capsys):
    assert main(["quotes", str(tmp_path / "absent"), "-o", str(tmp_path / "q.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "absent" in err and "Traceback" not in err
    assert not (tmp_path / "q.jsonl").exists()


def test_cli_writes_quotes_to_stdout(tmp_path, seed_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["quotes", str(seed_path), "-o", "-", "--quiet"]) == 0
    assert list(tmp_path.iterdir()) == [], "no errors file when there are no errors"
    lines = capsys.readouterr().out.splitlines()
    table = quotes_frame(json.loads(line) for line in lines)
    assert len(table) >= 15 and set(table["role"]) >= {"official", "resident", "analyst"}


def test_cli_no_scores_writes_the_same_quotes_unscored(tmp_path, seed_path):
    scored, unscored = tmp_path / "s.jsonl", tmp_path / "u.jsonl"
    assert main(["quotes", str(seed_path), "-o", str(scored), "--quiet"]) == 0
    assert main(["quotes", str(seed_path), "-o", str(unscored), "--quiet", "--no-scores"]) == 0
    full = [json.loads(line) for line in scored.read_text(encoding="utf-8").splitlines()]
    bare = [json.loads(line) for line in unscored.read_text(encoding="utf-8").splitlines()]
    same = ("quote_id", "kind", "start", "end", "speaker", "cue_start")
    assert [[r[k] for k in same] for r in bare] == [[r[k] for k in same] for r in full]
    assert all(r["role"] is None and r["sentiment"] is None for r in bare)


def test_every_cli_command_has_help(capsys):
    for command in ("text", "quotes", "analyze", "sentiment", "evaluate", "view"):
        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0
    assert "usage" in capsys.readouterr().out


def test_parquet_keeps_offset_types_when_the_first_quotes_have_none(tmp_path):
    first = {"doc_id": "d", "quote_id": "q1", "text": "a", "start": 0, "end": 1, "cue_start": None}
    later = {**first, "quote_id": "q2", "cue_start": 5}
    out = tmp_path / "quotes.parquet"
    with QuoteWriter(out) as writer:
        writer.write(first)
        writer.write(later)
    assert list(read_quotes(out)["cue_start"].astype(object)) == [pd.NA, 5]


def test_cli_refuses_zero_workers(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["quotes", "seeds", "--engine", "dask", "--workers", "0"])
    assert exit_.value.code == 2 and "at least 1" in capsys.readouterr().err


def test_a_speaker_keeps_one_role_across_an_article():
    from perspectives.model import Article

    text = (
        "Interior Minister Ali Khan said the border would stay closed.\n\n"
        "Traders said the closure was ruining them.\n\n"
        + "The queue of lorries grew through the afternoon in the heat. " * 8
        + "\n\nKhan said later that the decision was final and would not change."
    )
    quotes = analyze_article(Article("doc", text))
    khan = [q for q in quotes if q.speaker == "Ali Khan"]
    assert len(khan) == 2
    assert {q.role for q in khan} == {"official"}
    assert khan[1].provenance["role_rule"] == "same-speaker"
    assert khan[1].provenance["role_evidence"] == khan[0].provenance["role_evidence"]


def test_roles_on_an_unseen_kind_of_event():
    """A flood, not an attack: roles come from general words, not from the seed's names."""
    from perspectives.model import Article

    text = (
        "Floodwaters displaced more than 40,000 people, the state emergency agency said.\n\n"
        "Residents disputed that account. Her neighbour, Ibrahim Garba, said he lost his "
        "entire rice harvest.\n\n"
        "According to the Red Cross, at least 12 children have died of cholera.\n\n"
        "Dr. Kemi Adeyemi, a hydrologist at the University of Lagos, said the disaster was "
        "predictable.\n\n"
        "A retired army general, Musa Danjuma, who now advises the state on security, warned "
        "that militants could exploit the chaos."
    )
    roles = {
        q.speaker: (q.role, q.speaker_description) for q in analyze_article(Article("d", text))
    }
    assert roles == {
        "state emergency agency": ("official", None),
        "Ibrahim Garba": ("resident", "Her neighbour"),
        "Red Cross": ("other", None),  # not a resident: `children` is its claim
        "Kemi Adeyemi": ("analyst", "a hydrologist at the University of Lagos"),
        "Musa Danjuma": ("analyst", "A retired army general"),
    }


def test_speakers_and_roles_on_a_raid_article():
    """Seed-like event, new names and constructions: titles before a name the pronoun reaches,
    an age before the apposition, an anonymous person with a who-clause, `the group`."""
    from perspectives.model import Article

    text = (
        "Khyber Pakhtunkhwa Chief Minister Ali Amin Gandapur praised the troops. "
        '"Our brave forces have shown that terrorists will find no refuge," he said.\n\n'
        "The Inter-Services Public Relations (ISPR) said that the operation targeted a "
        "militant hideout.\n\n"
        "The TTP, in a statement sent to journalists, claimed its fighters had repulsed the "
        'attack. The group called the operation "a war on the tribes."\n\n'
        '"They broke down the doors and took my two sons," said Gul Rahman, 62, a farmer '
        "from the village of Bagh.\n\n"
        "A schoolteacher in the area, who asked not to be named, said at least 20 houses had "
        'been damaged. "Children are too afraid to come to school," she said.'
    )
    got = [(q.speaker, q.role) for q in analyze_article(Article("d", text))]
    assert got == [
        ("Ali Amin Gandapur", "official"),
        ("Inter-Services Public Relations", "official"),
        ("TTP", "militant"),
        ("TTP", "militant"),
        ("Gul Rahman", "resident"),
        ("schoolteacher in the area", "resident"),
        ("schoolteacher in the area", "resident"),
    ]


def test_a_reporting_cue_that_judges_counts_for_stance(seed_path):
    """`condemned the militants' tactics`: in reported speech the cue is the speaker's act."""
    study = load_study(seed_path.parent / "study.yaml")
    quotes = analyze_article(read_article(seed_path), study)
    (condemned,) = [q for q in quotes if q.cue == "condemned"]
    militants = condemned.stance["militants"]
    assert (militants["label"], militants["evidence"]) == ("against", ["condemned"])
