"""Roles and affiliations: the seed's speakers, the tricky rules, study taxonomies, overrides."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.affiliation import fold_fields, matcher_spans, word_runs
from perspectives.errors import ConfigError
from perspectives.roles import (
    RULES,
    RoleAssignment,
    assign_role,
    load_overrides,
    load_taxonomy,
    owned_roles,
    same_speaker,
)

# Every speaker of the seed article, coded by hand from reading it:
# (speaker, in-text mention, description, role, affiliation).
SEED_SPEAKERS = [
    (
        "Sarfraz Bugti",
        "Balochistan's Chief Minister Sarfraz Bugti",
        None,
        "official",
        "Balochistan",
    ),
    ("Sarfraz Bugti", "He", "Balochistan's Chief Minister", "official", "Balochistan"),
    (None, "provincial authorities", None, "official", None),
    ("Talal Chaudhry", "Junior Interior Minister Talal Chaudhry", None, "official", None),
    ("Baloch Liberation Army", "The BLA", None, "militant", "Baloch Liberation Army"),
    ("Reuters", "Reuters", None, "media", "Reuters"),
    (
        "Jamil Ahmed Mashwani",
        "Jamil Ahmed Mashwani, a private security guard outside a damaged shop",
        None,
        "resident",
        None,
    ),
    ("Pakistan military", "Pakistan's military", None, "official", "Pakistan"),
    (None, "New Delhi", None, "official", "India"),
    (
        "Randhir Jaiswal",
        "Indian Foreign Ministry spokesperson Randhir Jaiswal",
        None,
        "official",
        "India",
    ),
    ("United States", "The United States", None, "official", "United States"),
    ("Natalie Baker", "U.S. Charge d'Affaires Natalie Baker", None, "official", "United States"),
    ("Khawaja Asif", "Defence Minister Khawaja Asif", None, "official", None),
    (
        "Ayesha Raza",
        "Dr. Ayesha Raza, a political analyst based in Karachi",
        None,
        "analyst",
        None,
    ),
    (
        "Bakhtawar Khan",
        "Bakhtawar Khan, a university student in Quetta whose cousin was injured",
        None,
        "resident",
        None,
    ),
    (
        "Hassan Saeed",
        "Colonel (Retd.) Hassan Saeed, a former security official",
        None,
        "analyst",
        None,
    ),
    ("Mohammad Yasin", "Mohammad Yasin, a shopkeeper in Mastung", None, "resident", None),
    ("Pakistani military", "The Pakistani military", None, "official", "Pakistan"),
]


@pytest.mark.parametrize("speaker, mention, description, role, affiliation", SEED_SPEAKERS)
def test_seed_speakers(seed_text, speaker, mention, description, role, affiliation):
    assert mention in seed_text  # the mentions are the article's own words
    result = assign_role(speaker, mention, description)
    assert (result.role, result.affiliation) == (role, affiliation)
    assert result.evidence and result.rule in RULES
    assert all(word in f"{mention} {description} {speaker}" for word in result.evidence)


@pytest.mark.parametrize(
    "mention, role, rule",
    [
        ("Colonel (Retd.) Hassan Saeed", "analyst", "former"),
        ("Jane Roe, a retired army general", "analyst", "former"),
        ("an ex-minister", "analyst", "former"),
        ("Ali Khan, a former Taliban commander", "analyst", "former"),
        ("a retired schoolteacher", "resident", "title"),  # 'former' turns only officials
        ("a witness", "resident", "title"),
        ("the victim's brother", "resident", "title"),
        ("a shopkeeper", "resident", "title"),
        ("a Taliban spokesman", "militant", "organisation"),
        ("separatist insurgents", "militant", "title"),
        ("The New York Times", "media", "organisation"),
        ("CNN", "media", "organisation"),
        ("a local journalist", "media", "title"),
        ("a CNN political analyst", "analyst", "title"),
        ("Sen. Ted Cruz", "official", "title"),
        ("Gov. Mike Pence", "official", "title"),
        ("Trump campaign manager Kellyanne Conway", "other", "title"),
        ("Republican presidential nominee Donald Trump", "other", "title"),
        ("Hillary Clinton", "other", "default"),
        ("Martin Luther King", "other", "default"),  # a surname is not a title
        ("King Abdullah", "official", "title"),
    ],
)
def test_tricky_rules(mention, role, rule):
    result = assign_role(None, mention, None)
    assert (result.role, result.rule) == (role, rule)


def test_foreign_officials_carry_their_country():
    cases = {
        "Iranian Foreign Ministry spokesman Esmaeil Baghaei": "Iran",
        "British Prime Minister Keir Starmer": "United Kingdom",
        "Afghanistan's acting defence minister": "Afghanistan",
        "Chinese Foreign Ministry spokesperson Lin Jian": "China",
        "New Mexico Gov. Susana Martinez": None,  # not Mexico
    }
    for mention, country in cases.items():
        result = assign_role(None, mention, None)
        assert (result.role, result.affiliation) == ("official", country), mention


def test_named_organisation_is_the_affiliation():
    result = assign_role("Jane Doe", "Jane Doe, a professor at Quaid-i-Azam University", None)
    assert (result.role, result.affiliation) == ("analyst", "Quaid-i-Azam University")


@pytest.mark.parametrize(
    ("description", "affiliation"),
    [
        ("a fellow at the Peterson Institute for International Economics",
         "Peterson Institute for International Economics"),
        ("a professor at Harvard and the University of California", "University of California"),
        ("CEO of the African Institute for Mathematical Sciences",
         "African Institute for Mathematical Sciences"),
    ],
)  # fmt: skip
def test_an_organisation_named_with_its_head_first_is_the_affiliation(description, affiliation):
    assert assign_role("Jane Doe", "Jane Doe", description).affiliation == affiliation


def test_context_supplies_the_title_when_the_mention_does_not():
    context = (
        '"We stand in solidarity," said U.S. Charge d\'Affaires Natalie Baker. '
        '"This is terrifying," said Dr. Ayesha Raza, a political analyst based in Karachi.'
    )
    baker = assign_role("Natalie Baker", "she", None, context=context)
    raza = assign_role("Ayesha Raza", "Raza", None, context=context)
    assert (baker.role, baker.affiliation, baker.rule) == ("official", "United States", "context")
    assert (raza.role, raza.rule) == ("analyst", "context")
    # Words elsewhere in the context say nothing about the speaker.
    assert assign_role("Bob Smith", "Smith", None, "Smith condemned the militants.").rule == (
        "default"
    )


def test_an_articles_memo_decides_each_name_and_context_once():
    context = '"This is terrifying," said Dr. Ayesha Raza, a political analyst in Karachi.'
    calls = [
        ("Ayesha Raza", "Raza", None, context),
        ("Ayesha Raza", "Raza", None, "Raza did not say more."),
        ("Sarfraz Bugti", "Chief Minister Sarfraz Bugti", None, ""),
        ("Sarfraz Bugti", "Chief Minister Sarfraz Bugti", None, context),
    ]
    memo: dict = {}
    for call in calls * 2:
        assert assign_role(*call, memo=memo) == assign_role(*call)
    names = {key for key in memo if key[0] == "name"}
    assert len(names) == 2 and len(memo) == 4  # Raza's two contexts: the analyst and none


def test_assignment_is_frozen():
    result = assign_role(None, "a student", None)
    assert isinstance(result, RoleAssignment)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.role = "official"  # type: ignore[misc]


CLERGY_TAXONOMY = """
default_role: other
roles:
  clergy: religious leaders speaking as such
  official: holds public office
  other: anything else
lexicons:
  - name: clergy
    role: clergy
    titles: [imam, priest, cleric]
  - name: official
    role: official
    titles: [minister]
"""


def test_custom_taxonomy_replaces_the_default(tmp_path):
    path = tmp_path / "study.yaml"
    path.write_text(CLERGY_TAXONOMY, encoding="utf-8")
    taxonomy = load_taxonomy(path)
    assert taxonomy.role_names == ("clergy", "official", "other")
    imam = assign_role(
        None, "Maulana Tariq, the imam of the central mosque", None, taxonomy=taxonomy
    )
    assert (imam.role, imam.evidence) == ("clergy", ("imam",))
    # The default lexicons are gone: an analyst is just 'other' in this study.
    assert assign_role(None, "a political analyst", None, taxonomy=taxonomy).role == "other"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("roles: [official, other", "not valid YAML"),
        ("lexicons: []", "'roles' mapping"),
        ("roles: {a: x}\ndefault_role: b", "default_role"),
        ("roles: {a: x}\ndefault_role: a\nlexicons: [{role: z, titles: [q]}]", "lexicon role"),
        ("roles: {a: x}\ndefault_role: a\nlexicons: [{role: a, titles: q}]", "list of words"),
    ],
)
def test_malformed_taxonomy_is_a_config_error_naming_the_file(tmp_path, text, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason) as info:
        load_taxonomy(path)
    assert info.value.source == str(path)


def test_override_file_wins_over_the_rules(tmp_path):
    yaml_path = tmp_path / "overrides.yaml"
    yaml_path.write_text("Hassan Saeed: official\n'the bla': media\n", encoding="utf-8")
    csv_path = tmp_path / "overrides.csv"
    csv_path.write_text("speaker,role\nMohammad Yasin,other\n", encoding="utf-8")
    overrides = {**load_overrides(yaml_path), **load_overrides(csv_path, load_taxonomy())}
    saeed = assign_role("Hassan Saeed", "Colonel (Retd.) Hassan Saeed", None, overrides=overrides)
    assert (saeed.role, saeed.rule, saeed.evidence) == ("official", "override", ("Hassan Saeed",))
    assert assign_role(None, "The BLA", None, overrides=overrides).role == "media"
    assert assign_role("Mohammad Yasin", "a shopkeeper", None, overrides=overrides).role == "other"


@pytest.mark.parametrize(
    "name, text, reason",
    [
        ("o.csv", "name,label\nX,official\n", "'speaker' and 'role'"),
        ("o.csv", "speaker,role\nX,official\nX,analyst\n", "two different roles"),
        ("o.yaml", "- a\n- b\n", "maps speaker names"),
        ("o.yaml", "X: priest\n", "not in"),
        ("o.txt", "X: official\n", ".yaml, .yml or .csv"),
    ],
)
def test_bad_override_files(tmp_path, name, text, reason):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason):
        load_overrides(path, load_taxonomy())


def test_override_role_outside_the_taxonomy_is_refused():
    with pytest.raises(ConfigError, match="not in"):
        assign_role("X", "X", None, overrides={"X": "priest"})


WORDS = ["minister", "spokesman", "analyst", "student", "BLA", "Reuters", "former", "Indian"]


@settings(max_examples=80, deadline=None)
@given(
    before=st.lists(st.sampled_from(WORDS), max_size=3),
    after=st.lists(st.sampled_from(WORDS), max_size=3),
    name=st.sampled_from(["Ali Khan", "Jane Doe", None]),
)
def test_evidence_comes_from_the_input(before, after, name):
    mention = " ".join([*before, name or ""]) + (", a " + " ".join(after) if after else "")
    result = assign_role(name, mention, None)
    assert result.rule in RULES
    assert result.role in load_taxonomy().role_names
    assert bool(result.evidence) == (result.rule != "default")
    assert all(word in mention for word in result.evidence)


_LEXICON_ENTRIES = [
    entry
    for lexicon in load_taxonomy().lexicons
    for entry in (*lexicon.titles, *(f for _, forms in lexicon.organisations for f in forms))
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_LEXICON_ENTRIES),
            st.sampled_from(["s", "es", "'s", "-", "’", "é", "_", ".", " ", ",", "X"]),
        ),
        max_size=6,
    ).map("".join),
    st.booleans(),
)
def test_a_field_without_a_key_word_holds_no_lexicon_entry(text, upper):
    """``Lexicon.keys`` only rules out fields where the patterns find nothing."""
    text = text.upper() if upper else text
    (folded,) = fold_fields([(text, "title", False)])
    for lexicon in load_taxonomy().lexicons:
        titles, organisations, _ = lexicon.matchers
        if lexicon.keys is not None and lexicon.keys.isdisjoint(word_runs(folded[1])):
            assert not matcher_spans(titles, folded) and not matcher_spans(organisations, folded)


@pytest.mark.parametrize(
    ("mention", "description", "role"),
    [
        ("Jerome Hill", "who lives two blocks from the plant", "resident"),
        ("Javed Ahmad", "whose family house was razed in 2021", "resident"),
        ("Fire Chief Dan Kowalski", None, "official"),
        ("The National Elections Commission", None, "official"),
        ("the Ohio Environmental Protection Agency", None, "official"),
        ("the Pakistan Meteorological Department", None, "official"),
        ("Entomologists", None, "analyst"),
        # a body led, backed or governed by a named group is not that group
        ("Afghanistan's Taliban-led government", None, "official"),
        ("Zabihullah Mujahid", "a spokesman for the Taliban government", "official"),
        ("a government-backed militia", None, "militant"),
        ("a Taliban spokesman", None, "militant"),
        # a private body's spokesperson or head is no official, a public body's is
        ("Karen Mitchell, a spokeswoman for the company", None, "other"),
        ("A spokesperson for the hotel's operator", None, "other"),
        ("K. Venugopal Rao", "the party's general secretary", "other"),
        ("a police spokesman at the hospital", None, "official"),
        ("A spokesman for the Bank of England", None, "official"),
        ("Union Minister Amit Shah", None, "official"),
        ("Jo Coelbart", "a retired Belgian general at the Egmont Foundation", "analyst"),
        ("Dr. Kamal Thapa", "the WHO's representative in Bangladesh", "official"),
        ("Malik Zar Wali", "whose nephew was a constable at the checkpost", "resident"),
        ("Kaka", "a 22-year-old graphic designer who posts on social media", "other"),
        ("Cumbria Constabulary", None, "official"),
        ("The National Weather Service", None, "official"),
        ("Norway's Financial Supervisory Authority", None, "official"),
        ("senior Hamas official Khalil al-Masri", None, "militant"),
        ("the Hamas-run health ministry", None, "official"),
        ("Dr Hannah Brooke", "deputy director of the Royal United Services Institute", "analyst"),
        ("Assemblywoman Jennifer Reyes-Doyle", None, "official"),
        ("Pieter van Dam", "director general of the European Shippers' Association", "other"),
        ("Francis Collins", "director of the National Institutes of Health", "official"),
    ],
)
def test_roles_from_wider_news_styles(mention: str, description: str | None, role: str):
    assert assign_role(None, mention, description).role == role


def test_the_listener_after_a_name_is_no_apposition():
    context = "Sindh's chief minister, Asad Memon, told reporters in Sukkur that relief was coming."
    assert assign_role("Asad Memon", "He", None, context=context).role != "media"


def test_a_private_body_inside_a_place_name_is_none():
    assert assign_role(None, "A Palestinian official in the West Bank", None).role == "official"
    assert assign_role(
        None, "the president of the African Institute for Mathematics", None
    ).role == ("other")


def test_a_surname_is_a_name_not_a_title():
    assert assign_role("Zabihullah Mujahid", "Mujahid", None).role != "militant"
    assert assign_role("Charlie King", "Mr. King", None).role == "other"


def test_a_former_office_holder_stays_one_in_the_article():
    former = assign_role("D.S. Hooda", "retired Lieutenant General D.S. Hooda", None)
    titled = assign_role("D.S. Hooda", "Gen. Hooda", None)
    kept = same_speaker([former, titled], ["D.S. Hooda", "D.S. Hooda"])
    assert [a.role for a in kept] == ["analyst", "analyst"]


def test_a_spokesman_named_through_its_body_takes_the_body_role():
    tt = assign_role("TTP", "The TTP", None)
    spokesman = assign_role("Muhammad Khurasani", "Muhammad Khurasani", "Its spokesman")
    families = assign_role("families", "Their families", None)
    kept = owned_roles(
        [tt, spokesman, families],
        ["The TTP", "Muhammad Khurasani", "Their families"],
        [None, "Its spokesman", None],
    )
    assert [(a.role, a.rule) for a in kept][:2] == [
        ("militant", "organisation"),
        ("militant", "owner"),
    ]
    assert kept[2] == families  # `Their families` names no spokesperson of the TTP
