"""Coding sheets, Krippendorff's alpha against published values, and agreement reports."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.errors import ConfigError, OutputError
from perspectives.model import Quote
from perspectives.validation import (
    agreement_report,
    export_coding_sheet,
    krippendorff_alpha,
    read_coding_sheet,
    tool_sheet_path,
    variable_value,
)

N = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers, twelve units, missing data. Published: nominal .743, ordinal .815,
# interval .849, ratio .797.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# The three-coder, fifteen-unit example reproduced on Wikipedia and in the `krippendorff`
# package's tests: nominal 0.691358, interval 0.810845.
WIKIPEDIA = [
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
]


@pytest.mark.parametrize(
    "data, level, expected, places",
    [
        (KRIPPENDORFF_2011, "nominal", 0.743, 3),
        (KRIPPENDORFF_2011, "ordinal", 0.815, 3),
        (KRIPPENDORFF_2011, "interval", 0.849, 3),
        (KRIPPENDORFF_2011, "ratio", 0.797, 3),
        (WIKIPEDIA, "nominal", 0.691358, 6),
        (WIKIPEDIA, "interval", 0.810845, 6),
        # Krippendorff (2011), section A: binary data, two observers, no missing data.
        ([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]], "nominal", 0.095, 3),
    ],
)
def test_alpha_matches_published_values(data, level, expected, places):
    assert round(krippendorff_alpha(data, level), places) == expected


def test_alpha_takes_labels_frames_and_an_ordinal_order():
    labels = {1: "very low", 2: "low", 3: "mid", 4: "high", 5: "very high"}
    coded = [[None if pd.isna(v) else labels[v] for v in row] for row in KRIPPENDORFF_2011]
    order = list(labels.values())
    assert krippendorff_alpha(coded, "ordinal", order=order) == pytest.approx(
        krippendorff_alpha(KRIPPENDORFF_2011, "ordinal")
    )
    frame = pd.DataFrame(coded)
    assert krippendorff_alpha(frame) == pytest.approx(krippendorff_alpha(KRIPPENDORFF_2011))
    with pytest.raises(ValueError, match="numeric values or an order"):
        krippendorff_alpha(coded, "interval")


def test_alpha_edge_cases():
    assert math.isnan(krippendorff_alpha([[1, N], [N, 2]]))  # no pairable unit
    assert math.isnan(krippendorff_alpha([[1, 1], [1, 1]]))  # no variation: undefined
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3]], "interval") == 1.0
    assert krippendorff_alpha([["a", ""], ["a", "b"], ["b", None]]) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha([[1, 2]], "cardinal")
    with pytest.raises(ValueError, match="one value per unit"):
        krippendorff_alpha([[1, 2], [1]])


reliability = st.integers(2, 4).flatmap(
    lambda coders: st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=coders, max_size=coders),
        min_size=2,
        max_size=12,
    )
)


@settings(max_examples=60, deadline=None)
@given(units=reliability, seed=st.integers(0, 1000))
def test_alpha_ignores_the_order_of_coders_and_units_and_the_names_of_values(units, seed):
    data = np.array(units, dtype=object).T  # coders x units
    rng = np.random.default_rng(seed)
    shuffled = data[rng.permutation(data.shape[0])][:, rng.permutation(data.shape[1])]
    renamed = np.vectorize(lambda v: None if v is None else f"label{v}", otypes=[object])(data)
    for level in ("nominal", "interval"):
        a = krippendorff_alpha(data, level)
        assert (math.isnan(a) and math.isnan(krippendorff_alpha(shuffled, level))) or (
            a == pytest.approx(krippendorff_alpha(shuffled, level))
        )
    a = krippendorff_alpha(data)
    assert (math.isnan(a) and math.isnan(krippendorff_alpha(renamed))) or a == pytest.approx(
        krippendorff_alpha(renamed)
    )
    assert math.isnan(a) or a <= 1.0


# --- coding sheets ----------------------------------------------------------------------------


def seed_quotes(seed_text: str) -> list[Quote]:
    """Four quotes of the seed article, with the tool's codes they would carry."""
    specs = [
        ("This was a well-planned, province-wide offensive", "Sarfraz Bugti", "official"),
        ("They hit me on my face and head", "Jamil Ahmed Mashwani", "resident"),
        ("This level of coordination is terrifying.", "Ayesha Raza", "analyst"),
        ("The strategic timing is notable", "Hassan Saeed", "analyst"),
    ]
    quotes = []
    for i, (text, speaker, role) in enumerate(specs):
        start = seed_text.index(text)
        stance = {"state": {"label": "favor" if i == 0 else "none", "score": 0.5, "evidence": []}}
        quotes.append(
            Quote(
                doc_id="000_85b7ea4a11748d8f",
                quote_id=f"q{i + 1}",
                kind="direct",
                text=text,
                start=start,
                end=start + len(text),
                speaker=speaker,
                speaker_mention=speaker,
                role=role,
                sentiment={"compound": -0.5 + i / 4, "pos": 0.1, "neu": 0.8, "neg": 0.1},
                stance=stance,
                frames={"conflict": {"score": 0.25 * i, "evidence": []}},
            )
        )
    return quotes


def test_variable_values_of_a_quote(seed_text):
    quote = seed_quotes(seed_text)[0]
    assert variable_value(quote, "role") == "official"
    assert variable_value(quote, "stance_state") == "favor"
    assert variable_value(quote, "frame_conflict") == 0.0
    assert variable_value(quote, "sentiment_compound") == -0.5
    assert variable_value({"stance_state_label": "against"}, "stance_state") == "against"
    assert variable_value(quote, "stance_militants") is None


def test_export_writes_a_blind_sheet_and_the_tool_values_apart(seed_text, tmp_path):
    quotes = seed_quotes(seed_text)
    path = export_coding_sheet(quotes, tmp_path / "sheet.csv", ("role", "stance_state"))
    sheet = read_coding_sheet(path)
    assert list(sheet.columns) == [
        "doc_id", "quote_id", "speaker", "speaker_mention", "text", "role", "stance_state", "notes"
    ]  # fmt: skip
    assert sheet["role"].isna().all() and sheet["stance_state"].isna().all()
    assert sheet["text"].tolist() == [q.text for q in quotes]
    tool = read_coding_sheet(tool_sheet_path(path))
    assert tool["role"].tolist() == ["official", "resident", "analyst", "analyst"]
    assert tool["stance_state"].tolist() == ["favor", "none", "none", "none"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.csv", "sheet.tool.csv"]


def test_export_refuses_unknown_variables_and_duplicate_ids(seed_text, tmp_path):
    quotes = seed_quotes(seed_text)
    with pytest.raises(ConfigError, match="stance_economy"):
        export_coding_sheet(quotes, tmp_path / "s.csv", ("role", "stance_economy"))
    with pytest.raises(OutputError, match="unique"):
        export_coding_sheet([quotes[0], quotes[0]], tmp_path / "s.csv", ("role",))
    assert not list(tmp_path.iterdir())


@settings(max_examples=40, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_quote_text_round_trips_through_a_sheet(tmp_path_factory, text):
    if not text.strip():
        return
    record = {"doc_id": "d", "quote_id": "q1", "text": text, "role": "official"}
    path = export_coding_sheet([record], tmp_path_factory.mktemp("s") / "s.csv", ("role",))
    assert read_coding_sheet(path)["text"].tolist() == [text]


@pytest.mark.parametrize(
    "content, reason",
    [
        ("doc_id,text,role\nd,x,official\n", "quote_id"),
        ("doc_id,quote_id,text,notes\nd,q,x,\n", "variable column"),
        ("doc_id,quote_id,role\nd,q,official\nd,q,analyst\n", "appears twice"),
        ("doc_id,quote_id,role\nd,,official\n", "needs a doc_id and a quote_id"),
    ],
)
def test_bad_coding_sheets_are_config_errors_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "coded.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason) as info:
        read_coding_sheet(path)
    assert info.value.source == str(path)
    with pytest.raises(ConfigError, match="no such"):
        read_coding_sheet(tmp_path / "missing.csv")


# --- agreement ----------------------------------------------------------------------------


def coded(sheet: pd.DataFrame, **codes: list) -> pd.DataFrame:
    out = sheet.copy()
    for variable, values in codes.items():
        out[variable] = values
    return out


def test_agreement_report_between_coders_and_with_the_tool(seed_text, tmp_path):
    path = export_coding_sheet(seed_quotes(seed_text), tmp_path / "s.csv", ("role", "stance_state"))
    blank = read_coding_sheet(path)
    a = coded(
        blank, role=["Official", "resident", "analyst", "analyst"], stance_state=["favor"] * 4
    )
    b = coded(
        blank, role=["official", "resident", "analyst", "official"], stance_state=["favor"] * 4
    )
    c = coded(blank, role=["official", "resident", "analyst", None], stance_state=["none"] * 4)
    a_path = tmp_path / "coder_a.csv"
    a.to_csv(a_path, index=False)
    report = agreement_report([a_path, b, c], tool=tool_sheet_path(path)).set_index("variable")

    matrix = [["official", "resident", "analyst", "analyst"]]
    matrix += [
        ["official", "resident", "analyst", "official"],
        ["official", "resident", "analyst", N],
    ]
    role = report.loc["role"]
    assert (role["coders"], role["units"]) == (3, 4)
    assert role["alpha_coders"] == pytest.approx(krippendorff_alpha(matrix))
    # Consensus: official, resident, analyst, and a tie on q4: three units to compare.
    assert (role["tool_units"], role["alpha_tool"], role["agreement_tool"]) == (3, 1.0, 1.0)
    stance = report.loc["stance_state"]
    assert stance["alpha_tool"] < 0.5 and stance["agreement_tool"] == pytest.approx(0.25)


def test_agreement_on_numbers_and_without_a_tool(tmp_path):
    ids = {"doc_id": ["d"] * 4, "quote_id": ["q1", "q2", "q3", "q4"]}
    a = pd.DataFrame({**ids, "tone": ["1", "2", "3", "4"]})
    b = pd.DataFrame({**ids, "tone": ["1", "2", "3", "5"]})
    report = agreement_report([a, b], levels={"tone": "interval"})
    assert report.loc[0, "alpha_coders"] == pytest.approx(
        krippendorff_alpha([[1, 2, 3, 4], [1, 2, 3, 5]], "interval")
    )
    assert report.loc[0, "tool_units"] == 0 and math.isnan(report.loc[0, "alpha_tool"])
    tool = pd.DataFrame({**ids, "tone": [1.0, 2.0, 3.0, 4.5]})
    with_tool = agreement_report([a, b], tool=tool, levels="interval")
    assert with_tool.loc[0, "alpha_tool"] == 1.0  # the tool equals the coders' mean
    with pytest.raises(ConfigError, match="non-number"):
        agreement_report([a, b.assign(tone=["1", "2", "x", "5"])], levels="interval")
    with pytest.raises(ConfigError, match="no coding sheets"):
        agreement_report([])


def test_coding_sheet_variables_follow_the_study_targets(tmp_path):
    from perspectives.validation import default_variables

    record = {
        "doc_id": "d",
        "quote_id": "q1",
        "role": "official",
        "stance": {"farmers": {"label": "favor"}, "dam": {"label": "none"}},
    }
    assert default_variables([record]) == ("role", "stance_farmers", "stance_dam")
    sheet = export_coding_sheet([record], tmp_path / "sheet.csv")
    assert "stance_dam" in sheet.read_text(encoding="utf-8-sig").splitlines()[0]
