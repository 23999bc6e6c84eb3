"""Stance toward declared targets: seed quotes read by hand, tricky cases, config, speed."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.errors import ConfigError
from perspectives.stance import (
    StanceScore,
    Target,
    article_stance_fields,
    cross_validate_stance,
    load_targets,
    score_stance,
    speaker_side,
    stance_fields,
    stance_record,
)

STUDY = Path(__file__).resolve().parents[1] / "seeds" / "study.yaml"

# Seed quotes with a careful human reading of stance toward (state, militants).
# Columns: content, role, speaker, affiliation, kind, expected state, expected militants.
SEED_QUOTES = [
    ("This was a well-planned, province-wide offensive by the militants, but our forces were "
     "prepared and have responded decisively", "official", "Sarfraz Bugti", None, "direct",
     "favor", "none"),
    # A boast about the operation's success; no evaluative word, a reader still sees approval.
    ("resulted in the highest militant death toll in such a short timeframe since the "
     "insurgency intensified", "official", "Sarfraz Bugti", None, "indirect", "favor", "none"),
    ("they had used civilians as human shields during the assaults", "official",
     "Talal Chaudhry", None, "indirect", "none", "against"),
    ("it had killed 84 security force members", "militant", "Baloch Liberation Army", None,
     "indirect", "against", "favor"),
    ("They hit me on my face and head", "resident", "Jamil Ahmed Mashwani", None, "direct",
     "none", "none"),
    ("Indian-sponsored militants", "official", "Pakistan military", None, "mixed", "none",
     "against"),
    ('the allegations "baseless" and accused Islamabad of deflecting from its internal issues',
     "official", "Randhir Jaiswal", "India", "mixed", "against", "none"),
    ("We stand in solidarity with Pakistan in the face of these acts of terrorist violence",
     "official", "Natalie Baker", "United States", "direct", "favor", "against"),
    ("two of the attacks involved female perpetrators and that civilians, laborers, and "
     "low-income communities were increasingly in the crosshairs", "official",
     "Khawaja Asif", None, "indirect", "none", "against"),
    ("This level of coordination is terrifying. It shows the insurgents' capability hasn't "
     "diminished; it's evolved", "analyst", "Ayesha Raza", None, "direct", "none", "none"),
    ("The government's heavy-handed military response might secure short-term gains, but "
     "without addressing the deep-seated grievances around resource distribution and political "
     "marginalization in Balochistan, this cycle will only repeat.", "analyst", "Ayesha Raza",
     None, "direct", "against", "none"),
    ("We are caught between the militants' bullets and the state's operations. When will our "
     "lives matter more than this endless fighting? The authorities talk of numbers—145 "
     "militants killed—but what about the trauma of the 48 families who lost loved ones? This "
     "isn't victory; it's devastation.", "resident", "Bakhtawar Khan", None, "direct",
     "against", "against"),
    # Credit, then "However" and the gaps: the criticism is the point.
    ("Launching such a broad operation requires significant planning and resources. The "
     "security forces' pre-emptive actions, based on intelligence, likely prevented an even "
     "greater catastrophe. However, the militants' ability to penetrate urban centers in "
     "disguise points to serious intelligence and policing gaps that need immediate "
     "addressing.", "analyst", "Hassan Saeed", None, "direct", "against", "none"),
    ("My shop is destroyed. How will I feed my family now?", "resident", "Mohammad Yasin",
     None, "direct", "none", "none"),
    # Dismissive of the state's operations and talk ("but here ... we just see loss").
    ("We hear about big operations in Islamabad and accusations against India, but here on "
     "the ground, we just see loss. No one wins here.", "resident", "Mohammad Yasin", None,
     "direct", "against", "none"),
    ("security forces successfully repelled all attempts by militants to seize control of "
     "urban centers or strategic installations", "official", "Pakistan military", None,
     "indirect", "favor", "none"),
]  # fmt: skip


@pytest.fixture(scope="module")
def targets() -> tuple[Target, ...]:
    return load_targets(STUDY)


def _score(targets, row):
    text, role, speaker, affiliation, kind, _, _ = row
    return score_stance(text, targets, role, speaker, affiliation, kind=kind)


def test_seed_quotes_are_seed_text(seed_text):
    for row in SEED_QUOTES:
        assert row[0] in seed_text


def test_agreement_with_human_reading_on_seed(targets, capsys):
    agree, total, misses = 0, 0, []
    for row in SEED_QUOTES:
        scores = _score(targets, row)
        for name, expected in (("state", row[5]), ("militants", row[6])):
            total += 1
            if scores[name].label == expected:
                agree += 1
            else:
                misses.append((row[2], name, expected, scores[name].label))
    rate = agree / total
    with capsys.disabled():
        print(f"\nstance agreement with hand coding: {agree}/{total} = {rate:.0%}; misses {misses}")
    assert rate >= 0.75


def test_term_inside_a_glued_word_is_not_read(targets):
    """`militants'support` is one word: no cue starts inside it (this used to raise)."""
    scores = score_stance("We back the militants'support for the talks", targets)
    assert all(score.evidence == () for score in scores.values())


def test_sentiment_is_not_stance(targets):
    """VADER calls this negative; it is for the state and against the militants."""
    scores = score_stance(SEED_QUOTES[7][0], targets, "official", "Natalie Baker", "United States")
    assert scores["state"].label == "favor" and "solidarity with" in scores["state"].evidence
    assert scores["militants"].label == "against" and scores["militants"].evidence == ("terrorist",)


def test_concession_clause_after_but_dominates(targets):
    scores = score_stance(SEED_QUOTES[10][0], targets, "analyst")
    assert scores["state"].label == "against"
    assert scores["state"].evidence == ("heavy-handed", "without addressing")
    conceded = score_stance("The army fought bravely, but the government failed.", targets)
    assert conceded["state"].label == "against"
    reversed_ = score_stance("The government failed, but the army fought bravely.", targets)
    assert reversed_["state"].label == "favor"


def test_although_concedes_its_own_clause(targets):
    scores = score_stance("Although the army was brave, the operation failed.", targets)
    assert scores["state"].score < 0


@pytest.mark.parametrize(
    "text, label",
    [
        ("The security forces responded decisively.", "favor"),
        ("The security forces have not responded decisively.", "against"),
        ("The security forces never responded decisively.", "against"),
        ("The police response hasn't been effective.", "against"),
        ("We condemn the militants.", "against"),
        ("The militants were condemned by everyone.", "against"),
    ],
)
def test_negation_flips_the_cue(targets, text, label):
    scores = score_stance(text, targets)
    target = "militants" if "militants" in text else "state"
    assert scores[target].label == label
    assert scores[target].evidence


def test_negated_evidence_shows_the_negator(targets):
    scores = score_stance("The security forces have not responded decisively.", targets)
    assert scores["state"].evidence == ("not responded decisively",)


def test_speaker_own_side(targets):
    text = "Our forces were ready and we stand firm."
    assert score_stance(text, targets, "official")["state"].label == "favor"
    assert score_stance(text, targets, "resident")["state"].label == "none"
    # a militant group speaking in the first person favours itself
    claim = score_stance("We carried out the attacks.", targets, "militant", "BLA")
    assert claim["militants"].label == "favor" and claim["militants"].evidence == ("We",)


def test_speaker_side_by_affiliation_name_or_role(targets):
    assert speaker_side(targets, "official") == "state"
    assert speaker_side(targets, "official", speaker_affiliation="United States") is None
    assert speaker_side(targets, None, speaker="Pakistan military") == "state"
    assert speaker_side(targets, "other", speaker="Baloch Liberation Army") == "militants"
    assert speaker_side(targets, "analyst") is None


def test_coordinated_mentions_share_a_directed_cue(targets):
    scores = score_stance("People are caught between the militants and the army.", targets)
    assert scores["militants"].label == scores["state"].label == "against"


def test_record_shape(targets):
    record = stance_record(score_stance(SEED_QUOTES[0][0], targets, "official"))
    assert set(record) == {"state", "militants"}
    assert set(record["state"]) == {"label", "score", "evidence"}
    assert record["state"]["label"] == "favor" and isinstance(record["state"]["evidence"], list)
    assert StanceScore("none", 0.0).as_dict() == {"label": "none", "score": 0.0, "evidence": []}


@pytest.mark.parametrize("threshold", [0.3, 0.0, -0.5])
def test_stance_fields_are_the_record_of_score_stance(targets, threshold):
    for content, role, speaker, affiliation, kind, _, _ in SEED_QUOTES:
        args = (content, targets, role, speaker, affiliation)
        expected = stance_record(score_stance(*args, kind=kind, threshold=threshold))
        assert stance_fields(*args, kind=kind, threshold=threshold) == expected


def test_article_stance_fields_are_each_quotes_stance_fields(targets):
    texts = [content for content, *_ in SEED_QUOTES]
    speakers = [(role, speaker, affiliation) for _, role, speaker, affiliation, *_ in SEED_QUOTES]
    kinds = [kind for _, _, _, _, kind, _, _ in SEED_QUOTES]
    expected = [
        stance_fields(text, targets, *speaker, kind=kind)
        for text, speaker, kind in zip(texts, speakers, kinds, strict=True)
    ]
    assert article_stance_fields(texts, speakers, kinds, targets) == expected


def test_custom_targets_file(tmp_path):
    path = tmp_path / "study.yaml"
    path.write_text(
        "targets:\n"
        "  union: {aliases: [union, strikers, workers]}\n"
        "  management:\n"
        "    aliases: [management, the company, board]\n"
        "    speaker_roles: [official]\n",
        encoding="utf-8",
    )
    custom = load_targets(path)
    assert [t.name for t in custom] == ["union", "management"]
    scores = score_stance(
        "We praise the strikers; the board's lies are baseless.", custom, "resident"
    )
    assert scores["union"].label == "favor"
    assert scores["management"].label == "against"
    assert "state" not in scores


@pytest.mark.parametrize(
    "content, reason",
    [
        ("targets: []\n", "targets"),
        ("targets:\n  state: {speaker_roles: [official]}\n", "aliases"),
        ("targets:\n  state: {aliases: [gov*ernment]}\n", "invalid lexicon term"),
        ("targets:\n  state: {aliases: [army], speaker_roles: official}\n", "speaker_roles"),
        ("targets: [\n", "YAML"),
    ],
)
def test_bad_targets_file_is_config_error(tmp_path, content, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_targets(path)
    assert err.value.source == str(path) and reason in err.value.reason


def test_default_targets():
    names = [t.name for t in load_targets()]
    assert names == ["state", "militants"]
    scores = score_stance("The insurgents' brutal attacks were cowardly.")
    assert scores["militants"].label == "against"


PIECES = list("abc ,.;!?'-") + [
    "army ", "militants ", "not ", "but ", "brutal ", "praise ", "we ", "however, ", "failed ",
    "caught between ", "terrorists ", "although ", "n't ", "support", "militants",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.sampled_from([None, "official", "militant", "resident"]),
)
def test_scores_are_bounded_and_explained(text, role):
    targets = load_targets(STUDY)
    for score in score_stance(text, targets, role).values():
        assert -1.0 <= score.score <= 1.0
        assert (score.label == "none") == (abs(score.score) < 0.3)
        if score.label != "none" or score.score != 0:
            assert score.evidence
        assert all(word in text for word in score.evidence)


def test_speed_under_a_millisecond_per_quote(targets, capsys):
    rows = SEED_QUOTES * 20
    score_stance(rows[0][0], targets)  # compile once
    start = time.perf_counter()
    for row in rows:
        _score(targets, row)
    per_quote = (time.perf_counter() - start) / len(rows)
    with capsys.disabled():
        print(f"\nscore_stance: {per_quote * 1e6:.0f} µs per quote")
    assert per_quote < 1e-3


# ---------------------------------------------------------------- supervised path

FAVOR = [
    "{t} acted bravely",
    "we praise {t}",
    "{t} protected the people",
    "thank you {t}",
    "{t} did a professional job",
    "proud of {t}",
    "{t} responded decisively",
]
AGAINST = [
    "{t} are brutal",
    "we condemn {t}",
    "{t} failed the people",
    "{t} are liars",
    "shame on {t}",
    "{t} acted recklessly",
    "{t} abused civilians",
]
NONE = ["{t} met on Tuesday", "{t} held a meeting", "the report mentions {t}",
        "{t} travelled to the city", "a statement about {t} was read", "{t} will speak later",
        "{t} arrived in the morning"]  # fmt: skip
SUBJECTS = ["the army", "the police", "the rebels", "the ministry", "the group"]


def _synthetic():
    texts, labels = [], []
    for label, templates in (("favor", FAVOR), ("against", AGAINST), ("none", NONE)):
        for template in templates:
            for subject in SUBJECTS:
                texts.append(template.format(t=subject))
                labels.append(label)
    return texts, labels


def test_classifier_follows_the_estimator_contract():
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    from perspectives.stance import StanceClassifier

    model = StanceClassifier(C=2.0)
    assert model.get_params()["C"] == 2.0 and not hasattr(model, "pipeline_")
    with pytest.raises(NotFittedError):
        model.predict(["x"])
    texts, labels = _synthetic()
    assert model.fit(texts, labels) is model
    assert list(model.classes_) == ["against", "favor", "none"]
    proba = model.predict_proba(["the army acted bravely", "we condemn the rebels"])
    assert proba.shape == (2, 3)
    assert list(model.predict(["the army acted bravely", "we condemn the rebels"])) == [
        "favor",
        "against",
    ]
    assert clone(model).get_params() == model.get_params()
    assert list(pickle.loads(pickle.dumps(model)).predict(["shame on them"])) == ["against"]


def test_classifier_takes_text_target_pairs():
    from perspectives.stance import StanceClassifier

    texts, labels = _synthetic()
    pairs = [(t, "state" if "army" in t or "police" in t else "militants") for t in texts]
    model = StanceClassifier().fit(pairs, labels)
    assert model.predict([("we condemn the police", "state")])[0] == "against"


def test_cross_validation_on_synthetic_labels(capsys):
    texts, labels = _synthetic()
    result = cross_validate_stance(texts, labels, cv=5)
    with capsys.disabled():
        print(f"\nsynthetic stance CV: accuracy {result['accuracy']:.2f}, "
              f"macro-F1 {result['macro_f1']:.2f}")  # fmt: skip
    assert result["n"] == len(texts) and result["cv"] == 5
    assert result["accuracy"] > 0.8 and result["macro_f1"] > 0.8


def test_cross_validation_rejects_bad_data():
    with pytest.raises(ConfigError):
        cross_validate_stance(["a", "b"], ["favor"])
    with pytest.raises(ConfigError):
        cross_validate_stance(["a", "b", "c"], ["favor", "favor", "none"], cv=2)
