"""Figures and theme: every figure runs on small, one-role and incomplete tables; saved files
are byte-identical for the same data, embed TrueType fonts and never leave temp files."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from perspectives import figures, theme  # noqa: E402
from perspectives.errors import OutputError  # noqa: E402
from perspectives.report import FIGURES  # noqa: E402
from perspectives.table import MissingColumnError  # noqa: E402

FRAMES = ("conflict", "human_interest", "economic", "morality", "responsibility", "security")
ROLES = ["official"] * 6 + ["resident"] * 4 + ["analyst"] * 2 + ["militant", None]


def _table(roles=ROLES, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for i, role in enumerate(roles):
        text = " ".join(rng.choice(["forces", "fear", "home", "security", "attack", "peace"], 6))
        row = {"doc_id": "doc1", "quote_id": f"q{i}", "kind": "direct", "text": text,
               "start": 120 * i, "end": 120 * i + 40, "role": role, "speaker": f"Speaker {i % 5}",
               "sentiment_compound": float(rng.uniform(-1, 1)), "n_words": 6,
               "stance_state_label": rng.choice(["favor", "against", "none"]),
               "stance_militants_label": rng.choice(["favor", "against", "none"])}  # fmt: skip
        rows.append(row | {f"frame_{f}": float(rng.poisson(1)) for f in FRAMES})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_runs_on_a_small_and_a_one_role_table(name):
    for df in (_table(), _table(["official"] * 3)):
        fig = FIGURES[name](df)
        assert isinstance(fig, Figure) and fig.axes
        assert fig.get_size_inches()[0] == pytest.approx(theme.ONE_COLUMN)
        fig.canvas.draw()  # lays out and renders without error


def test_labels_carry_n():
    fig = figures.sentiment_by_role(_table())
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[:3] == ["official (n=6)", "analyst (n=2)", "resident (n=4)"]
    assert labels[-1] == "unknown (n=1)"


@pytest.mark.parametrize(
    ("name", "dropped"),
    [("sentiment_by_role", "sentiment_compound"), ("stance_by_role", "stance_"),
     ("frame_heatmap", "frame_"), ("fightin_words", "text"), ("voice_share", "doc_id"),
     ("quote_timeline", "start"), ("sentiment_by_role", "role")],
)  # fmt: skip
def test_missing_columns_are_named(name, dropped):
    df = _table()
    df = df[[c for c in df.columns if not c.startswith(dropped)]]
    with pytest.raises(MissingColumnError) as info:
        FIGURES[name](df)
    assert dropped.rstrip("_") in str(info.value)


def test_missing_optional_columns_and_empty_tables_still_draw():
    df = _table().drop(columns=["speaker", "n_words"])
    labels = [t.get_text() for t in figures.quote_timeline(df).axes[0].get_yticklabels()]
    assert labels == ["(unknown speaker)"]
    assert figures.voice_share(df).axes  # words counted from the text
    empty = _table().iloc[:0]
    for name in ("sentiment_by_role", "fightin_words", "voice_share"):
        assert "no" in FIGURES[name](empty).axes[0].texts[0].get_text()


def test_timeline_draws_one_document_and_says_which():
    df = pd.concat([_table(), _table(["resident"]).assign(doc_id="doc2")])
    first = figures.quote_timeline(df).axes[0]
    assert first.get_title(loc="left") == "doc1 (1 of 2 documents)"
    assert len(first.get_yticklabels()) == 5
    chosen = figures.quote_timeline(df, "doc2").axes[0]
    assert chosen.get_title(loc="left") == "" and len(chosen.get_yticklabels()) == 1
    assert figures.quote_timeline(df, "doc3").axes[0].texts[0].get_text() == "no quotes in doc3"


def test_draws_on_a_given_axes_and_leaves_rc_untouched():
    before = dict(mpl.rcParams)
    host = Figure(figsize=(7.2, 3))
    left, right = host.subplots(1, 2)
    assert figures.sentiment_by_role(_table(), ax=left) is host
    assert figures.frame_heatmap(_table(), ax=right) is host
    three = host.subfigures(1, 1).subplots(1, 2)
    assert figures.stance_by_role(_table(), ax=three) is host
    with pytest.raises(ValueError, match="one Axes per target"):
        figures.stance_by_role(_table(), ax=left)
    assert dict(mpl.rcParams) == before


def test_palette_is_fixed_per_role_and_grey_otherwise():
    assert theme.role_color("official") == "#0072B2"
    assert theme.role_color("resident") == "#E69F00"
    assert theme.role_color("farmer") == theme.UNKNOWN_COLOR
    assert theme.role_color("farmer", {"farmer": "#000000"}) == "#000000"
    assert theme.order_roles(["unknown", "zeta", "resident", "official"]) == [
        "official", "resident", "zeta", "unknown",
    ]  # fmt: skip
    assert theme.figure_size("two", aspect=0.5) == (7.2, 3.6)
    with pytest.raises(ValueError):
        theme.figure_size("three")


def test_save_is_deterministic_atomic_and_embeds_truetype(tmp_path):
    df = _table()
    first = figures.save_figure(figures.frame_heatmap(df), tmp_path / "a" / "frames")
    again = figures.save_figure(figures.frame_heatmap(df), tmp_path / "b" / "frames.pdf")
    assert [p.name for p in first] == ["frames.pdf", "frames.svg", "frames.png"]
    for one, two in zip(first, again, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
    fig = figures.voice_share(df)
    once = [p.read_bytes() for p in figures.save_figure(fig, tmp_path / "v")]
    assert once == [p.read_bytes() for p in figures.save_figure(fig, tmp_path / "v")]
    pdf = first[0].read_bytes()
    assert b"/Subtype /Type3" not in pdf and b"/FontFile2" in pdf
    assert b"CreationDate" not in pdf and b"<dc:date>" not in first[1].read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [p.name for p in sorted(first)]


def test_save_errors_are_output_errors(tmp_path):
    fig = figures.voice_share(_table())
    with pytest.raises(OutputError, match="unknown figure format"):
        figures.save_figure(fig, tmp_path / "x", formats=("jpg",))
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        figures.save_figure(fig, tmp_path / "file" / "x")
