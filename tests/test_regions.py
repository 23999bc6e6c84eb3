"""Marking non-body regions: the seed's parts exactly, no real body text, sound offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.model import REGION_KINDS, Region
from perspectives.regions import mark_regions

SEED_CREDITS = (
    "(Reporting by Saleem Ahmed in Quetta and Ariba Shahid in Karachi; Additional reporting"
    " by Hritam Mukherjee in Bengaluru; Editing by William Mallard, Saad Sayeed, and"
    " Alexandra Hudson)"
)
SEED_REGIONS = [
    (
        "headline",
        "Pakistan Launches Major Counter-Insurgency Operation After Coordinated Balochistan"
        " Attacks Leave Dozens Dead",
    ),
    ("byline", "By Daniel Brooks | Global Trade and Policy Correspondent"),
    ("byline", "By Saleem Ahmed and Ariba Shahid"),
    ("dateline", "QUETTA, Pakistan, Feb 1 (Reuters) —"),
    ("heading", "Broader Implications and International Reaction"),
    ("heading", "Voices from the Region"),
    ("credits", SEED_CREDITS),
    ("boilerplate", "Share:"),
    ("boilerplate", "This Post Has 0 Comments"),
    ("boilerplate", "No comments yet. Be the first to comment!"),
    ("boilerplate", "Leave a Reply"),
]


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(r.kind, text[r.start : r.end]) for r in mark_regions(text)]


def test_seed_regions_are_marked_exactly(seed_text: str) -> None:
    expected = []
    for kind, part in SEED_REGIONS:
        start = seed_text.index(part)
        expected.append(Region(kind, start, start + len(part)))
    assert mark_regions(seed_text) == tuple(expected)


def test_no_seed_body_paragraph_is_marked(seed_text: str) -> None:
    regions = mark_regions(seed_text)
    offset = 0
    for paragraph in seed_text.split("\n\n"):
        start, offset = offset, offset + len(paragraph) + 2
        if paragraph in {part for _, part in SEED_REGIONS}:
            continue
        touching = [r for r in regions if r.start < start + len(paragraph) and start < r.end]
        if paragraph.startswith("QUETTA"):
            assert [r.kind for r in touching] == ["dateline"]
            assert seed_text[touching[0].end :].startswith(" Pakistani forces concluded")
        else:
            assert touching == [], paragraph[:60]


def test_short_real_paragraphs_and_quotes_are_not_headings() -> None:
    text = (
        "Title Of The Story\n\nFirst paragraph of the body.\n\n"
        "“Enough Is Enough”\n\nHe Denied It\n\nHe denied it\n\n"
        "Reuters spoke to several residents:\n\n'Black Storm'\n\nLast line."
    )
    assert kinds_and_texts(text) == [
        ("headline", "Title Of The Story"),
        ("heading", "He Denied It"),
    ]


def test_look_alike_body_sentences_are_not_marked() -> None:
    text = (
        "By Tuesday, Congress must act.\n\n"
        "Reporting by BBC News has shown that the contract was signed.\n\n"
        "Share prices fell on Monday.\n\n"
        "NATO said the alliance would meet.\n\n"
        "Related talks continue in Geneva, officials said."
    )
    assert mark_regions(text) == ()


def test_a_one_sentence_lead_is_not_a_headline_but_a_title_is() -> None:
    lead = "Police said the suspect was arrested on Monday.\n\nMore text follows here."
    assert mark_regions(lead) == ()
    title = "Obama Power Plant Rules Face Key Test In U.S. Court.\n\nThe centerpiece..."
    assert kinds_and_texts(title) == [("headline", title.split("\n")[0])]


def test_dateline_variants_are_a_prefix_only() -> None:
    for opening in ("WASHINGTON (AP) —", "NEWPORT NEWS, Va. -", "NEW DELHI:", "BRUSSELS --"):
        text = f"Some Headline Here\n\n{opening} The minister said the talks had failed."
        assert kinds_and_texts(text)[-1] == ("dateline", opening)
    assert mark_regions("WASHINGTON —") == ()  # a dateline needs body text after it


def test_credits_over_several_lines_and_contributor_notes() -> None:
    text = (
        "Body text of the story.\n\n(Reporting by A. Writer;\nEditing by B. Editor)\n\n"
        "Associated Press writer Jane Doe in Kabul contributed to this report."
    )
    kinds = kinds_and_texts(text)
    assert kinds == [
        ("credits", "(Reporting by A. Writer;\nEditing by B. Editor)"),
        ("credits", "Associated Press writer Jane Doe in Kabul contributed to this report."),
    ]


def test_crlf_and_bom_offsets() -> None:
    text = "\ufeffSome Headline Here\r\n\r\nBy Jane Doe\r\n\r\nBody text.\r\n\r\nShare:\r\n"
    assert kinds_and_texts(text) == [
        ("headline", "Some Headline Here"),
        ("byline", "By Jane Doe"),
        ("boilerplate", "Share:"),
    ]


def read_content_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2 and fields[1].startswith("Content "):
            for part in fields[1][len("Content ") :].split(";"):
                start, end = part.split()
                spans.append((int(start), int(end)))
    return spans


def test_regions_never_cover_polnear_content(benchmarks_dir: Path) -> None:
    """PolNeAR annotates attributions in headlines too, so headlines are only checked to be
    the first line; every other region must stay clear of gold Content spans."""
    base = benchmarks_dir / "polnear-open"
    marked = 0
    for path in sorted((base / "text").glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        ann = sorted((base / "attributions").glob(f"{path.stem}_*.ann"))[0]
        spans = read_content_spans(ann)
        for region in mark_regions(text):
            marked += 1
            if region.kind == "headline":
                assert (region.start, region.end) == (0, text.index("\n"))
                continue
            overlapping = [s for s in spans if s[0] < region.end and region.start < s[1]]
            assert overlapping == [], (path.name, region, text[region.start : region.end])
    assert marked > 20


TRICKY = st.sampled_from(
    ["\n", "\r\n", "\r", "\n\n", " ", "\ufeff", "“", "”", '"', "By ", "QUETTA, ", "(Reuters) —",
     "Share:", "(Reporting by ", ")", "Editing by ", "Voices from the Region", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TRICKY, st.text(max_size=30)), max_size=40).map("".join))
def test_regions_are_sorted_disjoint_and_in_bounds(text: str) -> None:
    regions = mark_regions(text)
    previous_end = 0
    for region in regions:
        assert region.kind in REGION_KINDS
        assert 0 <= previous_end <= region.start < region.end <= len(text)
        assert text[region.start : region.end].strip() == text[region.start : region.end]
        previous_end = region.end
