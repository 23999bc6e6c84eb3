"""Reading articles: formats, folders, metadata sidecars and every kind of bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from perspectives.errors import IngestError
from perspectives.ingest import html_to_text, read_article, read_articles
from perspectives.regions import mark_regions

BODY = '"We will act," the minister said on Tuesday.\n\nResidents said they were afraid.'


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def collect(paths: list[Path]) -> tuple[list, list[IngestError]]:
    errors: list[IngestError] = []
    return list(read_articles(paths, on_error=errors.append)), errors


def test_seed_is_read_exactly_with_its_sidecar(seed_path: Path, seed_text: str) -> None:
    article = read_article(seed_path)
    assert article.text == seed_text
    assert article.doc_id == "000_85b7ea4a11748d8f"
    assert article.source == str(seed_path)
    assert article.metadata["outlet"] == "Reuters"
    assert article.metadata["title"] == seed_text.split("\n")[0]
    assert article.regions == mark_regions(seed_text)
    assert [a.doc_id for a in read_articles([seed_path.parent])] == [article.doc_id]


def test_newlines_are_kept_exactly(tmp_path: Path) -> None:
    text = "Headline Here\r\n\r\nBody line one.\rstill body\n"
    assert read_article(write(tmp_path / "crlf.txt", text)).text == text


def test_folders_are_recursive_sorted_and_skip_hidden_and_yaml(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a" / "z.txt", BODY)
    write(tmp_path / "noext", BODY)
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / ".git" / "c.txt", BODY)
    write(tmp_path / "b.meta.yaml", "title: The B Story\ndate: 2026-02-01\n")
    write(tmp_path / "study.yaml", "targets: []\n")
    articles = list(read_articles(str(tmp_path)))
    assert [a.doc_id for a in articles] == ["z", "b", "noext"]
    assert articles[1].metadata == {"title": "The B Story", "date": "2026-02-01"}


def test_jsonl_rows_ids_metadata_and_a_malformed_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "text": BODY, "outlet": "Dawn"}),
        '{"id": "broken", "text": ',
        "",
        json.dumps({"text": "Second article.\nWith a newline."}),
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    articles, errors = collect([path])
    assert [(a.doc_id, a.source) for a in articles] == [
        ("7", f"{path}:line 1"),
        ("news-4", f"{path}:line 4"),
    ]
    assert articles[0].metadata == {"outlet": "Dawn"}
    assert articles[1].text == "Second article.\nWith a newline."
    assert [e.source for e in errors] == [f"{path}:line 2"]
    assert "malformed JSON" in errors[0].reason


def test_reading_is_lazy_and_raises_without_a_handler(tmp_path: Path) -> None:
    path = write(tmp_path / "news.jsonl", json.dumps({"text": BODY}) + "\n{oops\n")
    articles = read_articles([path])
    assert next(articles).doc_id == "news-1"
    with pytest.raises(IngestError, match=r"line 2: malformed JSON"):
        next(articles)


def test_csv_rows_keep_multiline_text(tmp_path: Path) -> None:
    content = 'id,outlet,text\r\na1,Dawn,"Line one.\r\n\r\nLine two."\r\n,,Only text.\r\n'
    path = write(tmp_path / "news.csv", content)
    articles = list(read_articles([path]))
    assert [(a.doc_id, a.source) for a in articles] == [
        ("a1", f"{path}:row 1"),
        ("news-2", f"{path}:row 2"),
    ]
    assert articles[0].text == "Line one.\r\n\r\nLine two."
    assert articles[0].metadata == {"outlet": "Dawn"}


def test_csv_without_text_column_names_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "id,body\n1,Hello.\n")
    with pytest.raises(IngestError, match=r"no 'text' column \(columns found: id, body\)"):
        list(read_articles([path]))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary file, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
    ],
)
def test_empty_and_binary_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    with pytest.raises(IngestError) as caught:
        read_article(path)
    assert (caught.value.source, caught.value.reason) == (str(path), reason)
    assert "\n" not in str(caught.value)


def test_non_utf8_is_decoded_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "legacy.txt", b"Caf\xe9 owners said \x93no\x94.")
    with pytest.warns(
        UserWarning, match=r"legacy.txt: not valid UTF-8 \(byte 3\); decoded as cp1252"
    ):
        article = read_article(path)
    assert article.text == "Café owners said “no”."


def test_html_main_text_without_scripts_or_styles(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Quetta Attacks</title><style>p { color: red }</style>"
        "<script>var tracker = 'SECRET';</script></head><body><article>"
        "<p>Security forces said on Sunday that the operation had ended after two days.</p>"
        "<script>document.write('INLINE')</script>"
        '<p>"We are caught between the militants and the state," a student said.</p>'
        "</article></body></html>"
    )
    article = read_article(write(tmp_path / "page.html", html))
    assert "operation had ended" in article.text
    assert "\n\n" in article.text
    for leaked in ("SECRET", "INLINE", "color", "tracker"):
        assert leaked not in article.text
    assert article.metadata["title"] == "Quetta Attacks"
    with pytest.raises(IngestError, match="no article text"):
        html_to_text("<html><script>var x = 1;</script></html>", "empty.html")


def test_a_5_mb_article_reads_quickly(tmp_path: Path) -> None:
    paragraph = '"We stand in solidarity," said the envoy, as residents counted losses. ' * 4
    blocks = [paragraph, "Voices from the Region", "Share:"] * (5_000_000 // len(paragraph))
    text = "A Very Long Article\n\n" + "\n\n".join(blocks)
    path = write(tmp_path / "long.txt", text)
    started = time.perf_counter()
    article = read_article(path)
    elapsed = time.perf_counter() - started
    assert article.text == text and len(text) > 5_000_000
    assert len(article.regions) == 1 + 2 * len(blocks) // 3
    assert elapsed < 3.0


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "c.csv", "title\nNo text here\n")
    articles, errors = collect([tmp_path, tmp_path / "missing"])
    assert [a.doc_id for a in articles] == ["b"]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("a.txt", "empty file"),
        ("c.csv", "no 'text' column (columns found: title)"),
        ("missing", "no such file or folder"),
    ]


def test_a_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "only.meta.yaml", "title: Orphan\n")
    write(tmp_path / ".notes.txt", BODY)
    with pytest.raises(IngestError) as caught:
        list(read_articles([tmp_path]))
    assert caught.value.source == str(tmp_path)


def test_read_article_refuses_many_article_and_yaml_files(tmp_path: Path) -> None:
    for name in ("rows.jsonl", "rows.csv", "x.meta.yaml"):
        with pytest.raises(IngestError):
            read_article(write(tmp_path / name, BODY))
