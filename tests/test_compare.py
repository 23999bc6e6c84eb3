"""Group statistics on synthetic tables with known answers (compare, uncertainty,
fightin_words, divergence)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from perspectives import compare
from perspectives.divergence import framing_divergence
from perspectives.fightin_words import distinctive_words, fightin_words, log_odds, tokenize
from perspectives.table import MissingColumnError, quotes_frame
from perspectives.uncertainty import effect_sizes, permutation_p, rng_for, wilson

FRAMES = ("conflict", "human_interest", "economic", "morality", "responsibility", "security")


def _table(means: dict[str, float], n: int = 12, sd: float = 0.15, seed: int = 1) -> pd.DataFrame:
    """Quotes whose sentiment is drawn around a planted mean per role."""
    rng = np.random.default_rng(seed)
    rows = []
    for role, mean in means.items():
        for i in range(n):
            rows.append(
                {
                    "doc_id": f"d{i % 3}",
                    "quote_id": f"{role}{i}",
                    "role": role,
                    "text": "the attack",
                    "start": 100 * i + len(role),
                    "end": 100 * i + 50,
                    "sentiment_compound": float(np.clip(rng.normal(mean, sd), -1, 1)),
                }
            )
    return pd.DataFrame(rows)


def test_planted_sentiment_difference_is_found():
    df = _table({"official": 0.4, "resident": -0.3})
    row = compare.group_difference(df).iloc[0]
    assert row["p_value"] < 0.05 and row["ci_low"] > 0
    assert row["n_a"] == row["n_b"] == 12 and row["note"] == ""
    assert row["hedges_g"] > 2 and row["cliffs_delta"] > 0.9


def test_identical_groups_give_a_high_p_value():
    df = _table({"official": 0.1, "resident": 0.1}, n=8)
    df.loc[df["role"] == "resident", "sentiment_compound"] = df.loc[
        df["role"] == "official", "sentiment_compound"
    ].to_numpy()
    row = compare.group_difference(df).iloc[0]
    assert row["p_value"] > 0.9 and row["diff"] == pytest.approx(0)


def test_exact_permutation_p_for_small_groups():
    # 20 ways to split six values 3/3; only the observed split and its mirror reach |3|.
    p, splits = permutation_p(np.array([1.0, 2, 3]), np.array([4.0, 5, 6]), 999, rng_for(0))
    assert splits == 20 and p == pytest.approx(2 / 20)


def test_effect_sizes_and_wilson_known_values():
    g, cliff = effect_sizes(np.array([1.0, 2, 3]), np.array([1.0, 2, 3]))
    assert g == pytest.approx(0) and cliff == pytest.approx(0)
    assert wilson(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert wilson(0, 10)[0] == 0.0


def test_bootstrap_is_seeded_and_independent_of_other_groups():
    df = _table({"official": 0.4, "resident": -0.3, "analyst": 0.0})
    first = compare.sentiment_by_group(df, seed=3)
    assert first.equals(compare.sentiment_by_group(df, seed=3))
    alone = compare.sentiment_by_group(df[df["role"] == "official"], seed=3)
    assert alone.iloc[0].equals(first[first["group"] == "official"].iloc[0].rename(0))
    assert list(first["group"]) == ["official", "analyst", "resident"]  # taxonomy order


def test_small_n_is_flagged_in_plain_words():
    df = _table({"official": 0.3, "resident": -0.2}, n=6)
    df = df[(df["role"] == "official") | df["quote_id"].isin(["resident0", "resident1"])]
    stats = compare.sentiment_by_group(df).set_index("group")
    assert stats.loc["resident", "note"] == "n too small (n=2)"
    assert stats.loc["official", "note"] == ""
    diff = compare.group_difference(df).iloc[0]
    assert diff["note"] == "n too small (resident n=2)"
    one = compare.group_difference(df[df["quote_id"] != "resident1"]).iloc[0]
    assert np.isnan(one["ci_low"]) and one["n_b"] == 1  # no interval from one quote


def test_missing_role_is_unknown_and_missing_column_is_named():
    df = _table({"official": 0.1}, n=3)
    df.loc[0, "role"] = None
    assert "unknown" in set(compare.sentiment_by_group(df)["group"])
    with pytest.raises(MissingColumnError, match="sentiment_neg"):
        compare.sentiment_by_group(df, column="sentiment_neg")


def _stance_table() -> pd.DataFrame:
    labels = {"official": ["favor", "favor", "favor", "against"], "resident": ["against"] * 3}
    rows = [{"role": r, "stance_state_label": lab, "stance_state_score": 0.5 if lab == "favor"
             else -0.5} for r, labs in labels.items() for lab in labs]  # fmt: skip
    rows.append({"role": "resident", "stance_state_label": None, "stance_state_score": None})
    return pd.DataFrame(rows)


def test_stance_shares_net_and_n():
    stats = compare.stance_by_group(_stance_table()).set_index("group")
    official = stats.loc["official"]
    assert (official["favor"], official["against"], official["none"]) == (0.75, 0.25, 0.0)
    assert official["net"] == 0.5 and official["mean_score"] == 0.25 and official["n"] == 4
    assert stats.loc["resident", "n"] == 3 and stats.loc["resident", "net"] == -1.0
    assert stats.loc["resident", "note"] == "n too small (n=3)"
    with pytest.raises(MissingColumnError, match="stance_militants_label"):
        compare.stance_by_group(_stance_table(), targets=["militants"])


def _frame_table(profiles: dict[str, dict[str, float]], n: int = 6) -> pd.DataFrame:
    rows = [{"role": role, **{f"frame_{f}": scores.get(f, 0.0) for f in FRAMES}}
            for role, scores in profiles.items() for _ in range(n)]  # fmt: skip
    return pd.DataFrame(rows)


def test_frame_profiles_are_normalised():
    df = _frame_table(
        {"official": {"security": 3, "conflict": 1}, "resident": {"human_interest": 2}}
    )
    profiles = compare.frame_profiles(df)
    assert profiles.groupby("group")["profile"].sum().tolist() == pytest.approx([1, 1])
    official = profiles[profiles["group"] == "official"].set_index("frame")
    assert official.loc["security", "profile"] == 0.75 and official.loc["security", "value"] == 3
    shares = compare.frame_profiles(df, measure="share").set_index(["group", "frame"])
    assert shares.loc[("official", "conflict"), "value"] == 1.0


def test_jsd_is_zero_for_identical_profiles_and_one_for_disjoint():
    same = _frame_table({"official": {"security": 2, "morality": 1}, "resident": {"security": 4,
                         "morality": 2}})  # fmt: skip
    row = compare.frame_divergence(same).iloc[0]
    assert row["jsd"] == pytest.approx(0, abs=1e-12) and row["ci_high"] == pytest.approx(0)
    apart = _frame_table({"official": {"security": 1}, "resident": {"human_interest": 1}})
    assert compare.frame_divergence(apart).iloc[0]["jsd"] == pytest.approx(1)


def test_unscored_quotes_are_left_out_of_frames():
    df = _frame_table({"official": {"security": 1}}, n=3)
    df.loc[len(df)] = {"role": "official", **{f"frame_{f}": np.nan for f in FRAMES}}
    assert compare.frame_profiles(df)["n"].iloc[0] == 3
    with pytest.raises(MissingColumnError, match="frame"):
        compare.frame_profiles(df[["role"]])


def test_voice_share_and_who_is_quoted_first():
    df = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b"], "start": [50, 10, 90, 5, 70],
        "role": ["resident", "official", "official", "resident", "official"],
        "n_words": [10, 20, 30, 5, 5],
    })  # fmt: skip
    stats = compare.voice_share(df).set_index("group")
    assert stats.loc["official", "quotes"] == 3 and stats.loc["official", "words"] == 55
    assert stats.loc["official", "word_share"] == pytest.approx(55 / 70)
    assert stats.loc["official", "first"] == 1 and stats.loc["resident", "first"] == 1
    assert stats["quote_share"].sum() == pytest.approx(1) and stats.loc["official", "n_docs"] == 2
    assert stats.loc["resident", "note"] == "n too small (n=2)"


def _planted_words(seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    common = "attack province people city police night market road hospital school".split()
    planted = {"official": ["neutralized", "sovereignty"], "resident": ["curfew", "bakery"]}
    rows = []
    for role, extra in planted.items():
        for i in range(15):
            text = list(rng.choice(common, 8)) + (extra if i % 3 else extra[:1])
            rows.append({"role": role, "text": " The ".join(text)})
    return pd.DataFrame(rows)


def test_fightin_words_recovers_planted_words():
    table = fightin_words(_planted_words())
    top_official = table[(table["favours"] == "official") & (table["rank"] <= 2)]["word"]
    top_resident = table[(table["favours"] == "resident") & (table["rank"] <= 2)]["word"]
    assert set(top_official) == {"neutralized", "sovereignty"}
    assert set(top_resident) == {"curfew", "bakery"}
    assert table.loc[table["word"] == "neutralized", "z"].iloc[0] > 1.96
    assert "the" not in set(table["word"])  # stopword
    assert table["n_a"].iloc[0] == 15 and table["note"].iloc[0] == ""


def test_log_odds_is_antisymmetric_and_tokenize_drops_numbers():
    a, b = {"war": 5, "peace": 1}, {"war": 1, "peace": 6, "bread": 2}
    ab, ba = log_odds(a, b).set_index("word"), log_odds(b, a).set_index("word")
    assert np.allclose(ab["z"], -ba.loc[ab.index, "z"])
    assert tokenize("We’ve lost 3 homes, THE homes!") == ["lost", "homes", "homes"]


def test_distinctive_words_one_group_against_the_rest():
    top = distinctive_words(_planted_words(), top=2)
    assert set(top.loc[top["group"] == "resident", "word"]) == {"curfew", "bakery"}
    assert top["rank"].tolist() == [1, 2, 1, 2]


def _scored(df: pd.DataFrame, label: dict[str, str], frames: dict[str, str]) -> pd.DataFrame:
    df = df.copy()
    df["stance_state_label"] = df["role"].map(label)
    for f in FRAMES:
        df[f"frame_{f}"] = (df["role"].map(frames) == f).astype(float)
    return df


def test_framing_divergence_components_and_index():
    base = _table({"official": 0.5, "resident": -0.5}, sd=0.05)
    apart = framing_divergence(
        _scored(
            base,
            {"official": "favor", "resident": "against"},
            {"official": "security", "resident": "human_interest"},
        )
    )
    parts = apart.as_frame().set_index("component")
    assert parts.loc["sentiment", "value"] == pytest.approx(0.5, abs=0.05)
    assert parts.loc["stance", "value"] == 1.0 and parts.loc["frames", "value"] == 1.0
    assert apart.index == pytest.approx(
        parts.loc[["sentiment", "stance", "frames"], "value"].mean()
    )
    assert parts.loc["index", "ci_low"] <= apart.index <= parts.loc["index", "ci_high"]
    assert (parts["n_a"] == 12).all() and set(parts["a"]) == {"official"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        apart.index = 0  # type: ignore[misc]


def test_framing_divergence_of_identical_groups_is_zero_and_reports_missing_parts():
    base = _table({"official": 0.2, "resident": 0.2}, n=5, sd=0.0)
    same = framing_divergence(
        _scored(
            base,
            {"official": "none", "resident": "none"},
            {"official": "morality", "resident": "morality"},
        )
    )
    assert same.index == pytest.approx(0) and same.note == ""
    bare = framing_divergence(base[base["quote_id"] != "resident0"])
    parts = bare.as_frame().set_index("component")
    assert parts.loc["stance", "note"] == "not scored" and np.isnan(parts.loc["stance", "value"])
    assert bare.index == pytest.approx(0) and "n too small (resident n=4)" in bare.note


def test_quotes_frame_feeds_the_statistics():
    records = [
        {
            "doc_id": "d",
            "quote_id": str(i),
            "kind": "direct",
            "text": "We are safe.",
            "start": i * 20,
            "end": i * 20 + 12,
            "role": "official",
            "sentiment": {"compound": 0.4, "pos": 0.5, "neu": 0.5, "neg": 0.0},
            "frames": {"security": {"score": 1.0, "evidence": ["safe"]}},
        }
        for i in range(3)
    ]
    df = quotes_frame(records)
    assert compare.sentiment_by_group(df).iloc[0]["mean"] == pytest.approx(0.4)
    assert compare.voice_share(df).iloc[0]["words"] == 9
