"""The article viewer: escaping, role colours, well-formed nesting, and a real headless browser."""

from __future__ import annotations

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.errors import ConfigError, OutputError
from perspectives.model import Article, Quote, Region
from perspectives.render import CSP, Highlighted, highlight, page, paragraphs, write_page
from perspectives.theme import role_color

VOID = {"br", "meta", "img", "input", "hr", "link"}
CHROMIUM = Path("/usr/bin/chromium")


class Tree(HTMLParser):
    """Checks tags balance; collects every tag's attributes and each quote fragment's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.quote_text: dict[str, str] = {}
        self.paragraphs: list[str] = []
        self._quotes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in VOID:
            return
        self.stack.append(tag)
        self._quotes.append(dict(attrs).get("data-quote") or "")
        if tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        self._quotes.pop()

    def handle_data(self, data: str) -> None:
        if "p" in self.stack:
            self.paragraphs[-1] += data
        for number in {q for q in self._quotes if q}:
            self.quote_text[number] = self.quote_text.get(number, "") + data


def parse(document: str) -> Tree:
    tree = Tree()
    tree.feed(document)
    tree.close()
    assert tree.errors == [] and tree.stack == [], (tree.errors, tree.stack)
    return tree


def make_quote(text: str, content: str, role: str | None, **fields) -> Quote:
    """A quote over ``content``; a cue or mention is the nearest after it, else before it."""
    start = text.index(content)
    extra = {}
    for name in ("cue", "mention"):
        if name in fields:
            at = text.find(fields[name], start + len(content))
            at = at if at >= 0 else text.rindex(fields[name], 0, start)
            extra[f"{name}_start"], extra[f"{name}_end"] = at, at + len(fields[name])
    extra["cue"] = fields.pop("cue", None)
    fields.pop("mention", None)
    n = len(fields.get("speaker") or "")
    return Quote(
        "doc",
        f"q{start}-{n}",
        "direct",
        content,
        start,
        start + len(content),
        role=role,
        **extra,
        **fields,
    )


@pytest.fixture(scope="module")
def seed_quotes(seed_text: str) -> list[Quote]:
    return [
        make_quote(
            seed_text,
            "This was a well-planned, province-wide offensive by the militants,"
            " but our forces were prepared and have responded decisively,",
            "official",
            cue="told",
            speaker="Sarfraz Bugti",
        ),
        make_quote(
            seed_text,
            "They hit me on my face and head,",
            "resident",
            cue="recounted",
            mention="Jamil",
            speaker="Jamil Ahmed Mashwani",
        ),
        make_quote(
            seed_text,
            "This level of coordination is terrifying.",
            "analyst",
            cue="said",
            mention="Dr.",
            speaker="Ayesha Raza",
            speaker_description="a political analyst based in Karachi",
        ),
        make_quote(seed_text, "baseless", None),
    ]


def test_every_seed_quote_is_highlighted_in_its_role_colour(seed_text, seed_quotes):
    result = highlight(Article("seed", seed_text), seed_quotes)
    tree = parse(result.html)
    marks = {a["id"]: a for tag, a in tree.tags if tag == "mark" and "id" in a}
    for number, quote in enumerate(seed_quotes, start=1):
        attrs = marks[f"q{number}"]
        color = role_color(quote.role or "unknown")
        assert f"background-color:{color}" in attrs["style"]
        assert f"role-{quote.role or 'unknown'}" in attrs["class"]
        assert tree.quote_text[str(number)] == quote.text
        if quote.speaker:
            assert quote.speaker in attrs["title"] and quote.kind in attrs["title"]
    cues = [a for tag, a in tree.tags if "cue" in (a.get("class") or "").split()]
    assert len(cues) == 3 and "Sarfraz Bugti" in cues[0]["title"]
    assert "a political analyst based in Karachi" in marks["q3"]["title"]
    assert result._repr_html_() == str(result) == result.html


def test_paragraph_text_is_kept_whole(seed_text, seed_quotes):
    tree = parse(highlight(Article("seed", seed_text), seed_quotes).html)
    expected = [seed_text[s:e] for s, e in paragraphs(seed_text)]
    assert tree.paragraphs == expected and len(expected) == seed_text.count("\n\n") + 1


def test_script_in_text_stays_text():
    text = "Intro.\n\n<script>alert('x')</script> and <img src=x onerror=\"alert(1)\"> end."
    document = page(Article("d", text), [make_quote(text, "<script>", "official")])
    assert "<script" not in document.lower() and "<img" not in document.lower()
    assert "&lt;/script&gt; and &lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in document
    tree = parse(document)
    assert tree.paragraphs == ["Intro.", text[8:]]
    assert {tag for tag, _ in tree.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "div",
        "p",
        "mark",
        "span",
        "table",
        "tr",
        "th",
        "td",
        "a",
    }


@pytest.mark.parametrize(
    "speaker",
    ['" onmouseover="alert(1)', "<script>alert(1)</script>", "x' onclick='alert(1)", "a&b <i>"],
)
def test_speaker_and_description_cannot_inject(speaker):
    text = 'He said "we will rebuild" today.'
    quote = make_quote(
        text,
        "we will rebuild",
        "resident",
        cue="said",
        speaker=speaker,
        speaker_description=speaker,
    )
    document = page(Article("d", text, metadata={"title": speaker}), [quote])
    tree = parse(document)
    for tag, attrs in tree.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag not in {"script", "i", "img"}
    titles = [a["title"] for _, a in tree.tags if "title" in a]
    assert titles and all(speaker in t for t in titles)
    assert html.escape(speaker) in document


def test_overlapping_and_nested_spans_nest_properly():
    text = "Alpha beta gamma delta epsilon zeta eta theta."
    quotes = [
        Quote(
            "d",
            "a",
            "direct",
            text[0:16],
            0,
            16,
            role="official",
            cue="gamma",
            cue_start=11,
            cue_end=16,
            mention_start=6,
            mention_end=22,
        ),
        Quote("d", "b", "mixed", text[6:30], 6, 30, role="analyst"),
        Quote("d", "c", "indirect", text[12:20], 12, 20, role="resident"),
    ]
    article = Article("d", text, regions=(Region("credits", 25, 40),))
    tree = parse(highlight(article, quotes).html)
    assert tree.paragraphs == [text]
    assert [tree.quote_text[str(n)] for n in (1, 2, 3)] == [q.text for q in quotes]
    assert sum(1 for _, a in tree.tags if a.get("id") == "q2") == 1


def test_multi_paragraph_quote_closes_and_reopens_at_breaks():
    text = '"First part of it.\n\n"Second part," she said.\n\nAfter.'
    start, end = 1, text.index(',"')
    quote = Quote("d", "q", "direct", text[start:end], start, end, role="resident")
    result = highlight(Article("d", text), [quote]).html
    tree = parse(result)
    assert tree.paragraphs == ['"First part of it.', '"Second part," she said.', "After."]
    assert tree.quote_text["1"] == 'First part of it."Second part'
    assert result.count('data-quote="1"') == 2 and result.count('id="q1"') == 1


def test_quote_parts_are_highlighted_not_the_attribution_between():
    text = '"We will win," he said, "and soon."'
    second = text.index("and")
    parts = ((1, text.index('"', 1)), (second, len(text) - 1))
    quote = Quote("d", "q", "direct", text[1:-1], 1, len(text) - 1, role="official", parts=parts)
    tree = parse(highlight(Article("d", text), [quote]).html)
    assert tree.quote_text["1"] == "We will win,and soon."


def test_offsets_out_of_range_are_clipped_and_empty_spans_skipped():
    text = "short text"
    quotes = [
        Quote("d", "a", "direct", "", 5, 5, role="official", cue_start=3, cue_end=99),
        Quote("d", "b", "direct", "x", -4, 3, role="militant"),
    ]
    tree = parse(highlight(Article("d", text), quotes).html)
    assert tree.paragraphs == [text] and tree.quote_text == {"2": "sho"}


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n\r", max_size=40),
    spans=st.lists(st.tuples(st.integers(-2, 42), st.integers(-2, 42)), max_size=6),
)
def test_any_spans_give_balanced_html_and_all_the_text(text, spans):
    quotes = [
        Quote(
            "d",
            str(i),
            "direct",
            "",
            s,
            e,
            role=("official", "x y", None)[i % 3],
            cue_start=e,
            cue_end=e + 2,
            mention_start=s - 3,
            mention_end=s,
        )
        for i, (s, e) in enumerate(spans)
    ]
    regions = tuple(Region("boilerplate", e, s) for s, e in spans[:2])
    tree = parse(page(Article("d", text, regions=regions), quotes))
    expected = [re.sub(r"\r\n|\r", "\n", text[s:e]) for s, e in paragraphs(text)]
    assert tree.paragraphs == expected


def test_page_is_standalone_with_csp_legend_and_table(seed_text, seed_quotes):
    document = page(Article("seed", seed_text, metadata={"title": "A & B"}), seed_quotes)
    assert document.startswith("<!DOCTYPE html>")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in document
    assert "<title>A &amp; B</title>" in document
    assert "http://" not in document and "https://" not in document
    tree = parse(document)
    assert sum(1 for tag, _ in tree.tags if tag == "tr") == len(seed_quotes) + 1
    assert [a["href"] for tag, a in tree.tags if tag == "a"] == ["#q1", "#q2", "#q3", "#q4"]
    legend = re.search(r'<div class="legend">(.*?)</div>', document).group(1)
    assert legend.index("official (1)") < legend.index("analyst (1)") < legend.index("unknown (1)")


def test_bad_palette_colour_is_a_config_error():
    text = '"Yes," he said.'
    with pytest.raises(ConfigError, match="not a #rrggbb"):
        highlight(
            Article("d", text),
            [make_quote(text, "Yes,", "official")],
            palette={"official": "red;background:url(x)"},
        )
    ok = highlight(
        Article("d", text), [make_quote(text, "Yes,", "official")], palette={"official": "#123456"}
    )
    assert isinstance(ok, Highlighted) and "#12345633" in ok.html


def test_write_page_is_atomic_and_reports_bad_paths(tmp_path):
    text = '"Yes," he said.'
    target = write_page(
        Article("d", text), [make_quote(text, "Yes,", "official")], tmp_path / "view.html"
    )
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
    with pytest.raises(OutputError, match="view.html"):  # a file stands where a folder must
        write_page(Article("d", text), [], tmp_path / "view.html" / "inner.html")


def run_chromium(profile: Path, *args: str) -> str:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (.ci/install-chromium)")
def test_headless_chromium_renders_marks_and_runs_nothing(tmp_path):
    text = (
        "Attack text <script>document.title='PWNED'</script> here.\n\n"
        "<img src=x onerror=\"document.title='PWNED'\"> and then "
        '"We will rebuild," said the mayor. "Nobody is safe," a resident said.'
    )
    quotes = [
        make_quote(
            text,
            "We will rebuild,",
            "official",
            cue="said",
            mention="mayor",
            speaker="Mayor <b>X</b>",
        ),
        make_quote(text, "Nobody is safe,", "resident", cue="said"),
    ]
    path = write_page(Article("attack", text), quotes, tmp_path / "view.html", title="Viewer")
    dom = run_chromium(tmp_path / "profile", "--dump-dom", path.as_uri())
    assert "<title>Viewer</title>" in dom and "PWNED</title>" not in dom
    assert '<mark id="q1" class="quote role-official' in dom
    assert '<mark id="q2" class="quote role-resident' in dom
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert "<script" not in dom and "<img" not in dom
    # Were escaping ever to fail, the CSP alone must stop a script; the control shows it would run.
    broken = path.read_text(encoding="utf-8").replace(
        "</body>", "<script>document.title='PWNED'</script></body>"
    )
    csp_line = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
    for name, document, pwned in (
        ("csp.html", broken, False),
        ("control.html", broken.replace(csp_line, ""), True),
    ):
        (tmp_path / name).write_text(document, encoding="utf-8")
        dom = run_chromium(tmp_path / "profile", "--dump-dom", (tmp_path / name).as_uri())
        assert ("<title>PWNED</title>" in dom) is pwned, name
    png = tmp_path / "view.png"
    run_chromium(
        tmp_path / "profile", f"--screenshot={png}", "--window-size=900,700", path.as_uri()
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
