"""Kinds from general evidence (the link table, given names, the words around a name) and the
spans of long and possessive names, on spans an EntityRuler marks as the model might.

The sentences are written for these tests, none taken from the seeds, the training corpora or
any held-out set.
"""

from __future__ import annotations

import pytest

from pipeline.nlp.groups import follower_plural
from pipeline.nlp.kinds import corrected_kind
from pipeline.nlp.known import known_kind
from pipeline.records import EntityKind
from tests.test_nlp_rules import ORG, PERSON, PLACE, mentions, ruled


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tehran", PLACE),  # a city of the table
        ("Teheran", PLACE),  # its alias
        ("Islamic State", ORG),  # an organization's name of two words
        ("the Islamic State", ORG),
        ("U.A.E.", PLACE),  # dotted initials, as the linker reads them
        ("U.N.", None),  # one word: "U.N. team" is also the body's adjective
        ("Hezbollah", None),
        ("Velmar", None),  # no row
    ],
)
def test_the_link_table_knows_kinds(name: str, expected: EntityKind | None) -> None:
    assert known_kind(name) is expected


def test_a_name_of_the_table_takes_its_kind_unless_titled() -> None:
    nlp = ruled(
        [("ORG", "Tehran"), ("PERSON", "Riyadh"), ("GPE", "Islamic State"),
         ("PERSON", "Damascus")]
    )  # fmt: skip
    text = (
        "Tehran summoned the envoy. Riyadh blames the rebels. The Islamic State claimed it. "
        "Mr. Damascus spoke."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Tehran", PLACE),
        ("Riyadh", PLACE),
        ("Islamic State", ORG),
        ("Damascus", PERSON),  # a title says whose name it is
    ]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Ismail Tarvani", ORG, PERSON),
        ("Esmail Tarvani", ORG, PERSON),  # a transliteration of "Ismail"
        ("Bassem Dulaimi", ORG, PERSON),  # of "Basim"
        ("Faleh Dawoodi", PLACE, PERSON),  # of "Falih"; a place too is read again
        ("Hamid Karzai Airport", PLACE, PLACE),  # a common noun ends it
        ("Ali Brigades", PLACE, ORG),
    ],
)
def test_a_given_name_in_any_spelling_opens_a_person(
    name: str, kind: EntityKind, expected: EntityKind
) -> None:
    assert corrected_kind(name, kind) is expected


def test_a_person_after_a_place_word_is_a_place() -> None:
    nlp = ruled(
        [("PERSON", "Qalvan"), ("PERSON", "Dersim"), ("PERSON", "Maruf"), ("PERSON", "Hadiya"),
         ("PERSON", "Talvar")]
    )  # fmt: skip
    text = (
        "Rockets fell in Qalvan on Monday. A convoy was hit north of Dersim. Troops left the "
        "province of Maruf. Shelling hit northern Hadiya. The crowd in Talvar's square cheered."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Qalvan", PLACE),
        ("Dersim", PLACE),
        ("Maruf", PLACE),
        ("Hadiya", PLACE),
        ("Talvar", PERSON),  # a possessive: "in Hassan's death"
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Houthis", True), ("Sadris", True), ("Iraqis", False), ("Saudis", False), ("Tunis", False)],
)
def test_follower_plurals(word: str, expected: bool) -> None:
    assert follower_plural(word) is expected


def test_a_follower_plural_after_an_article_or_possessive_is_a_movement() -> None:
    nlp = ruled([("PERSON", "Houthis"), ("GPE", "Yemen"), ("PERSON", "Sadris"), ("GPE", "Paris")])
    text = "The Houthis fired drones. Yemen's Sadris marched. Sadris spoke. They flew to Paris."
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Houthis", ORG),
        ("Yemen", PLACE),
        ("Sadris", ORG),
        ("Sadris", PERSON),  # no article: may be a surname
        ("Paris", PLACE),  # only a person is read again
    ]


def test_a_country_before_a_sponsor_participle_is_a_mention() -> None:
    nlp = ruled([("GPE", "Velmar")])
    text = "The Iran-backed militias and Saudi-led forces struck a base in Velmar."
    assert mentions(nlp, text) == [
        ("Iran", "Iran", PLACE),  # the country's name: a mention of it
        ("Saudi", "Saudi Arabia", PLACE),  # an adjective stands for it as before
        ("Velmar", "Velmar", PLACE),
    ]


def test_a_name_before_a_body_noun_is_an_organization() -> None:
    nlp = ruled([("GPE", "Albu Kharan"), ("PERSON", "Obeidat")])
    text = (
        "Elders of the Albu Kharan tribe met. The Obeidat clan and the Tarsiqoun bloc voted. "
        "The Dalvar news agency said the Shiite bloc, the Baathist bloc and the Itar-Tavo news "
        "agency left."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Albu Kharan", ORG),  # tribes are organizations
        ("Obeidat", ORG),
        ("Tarsiqoun", ORG),  # untagged by the model
        ("Dalvar", ORG),
    ]  # no sect, no doctrine, no part of a hyphenated name


def test_a_numbered_unit_is_an_organization() -> None:
    nlp = ruled([("GPE", "Velmar")])
    text = "In Velmar the army said the 26th Brigade and the 3rd Armoured Division moved north."
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Velmar", PLACE),
        ("26th Brigade", ORG),
        ("3rd Armoured Division", ORG),
    ]


def test_an_owner_before_a_name_is_a_mention_of_its_own() -> None:
    nlp = ruled(
        [("ORG", "Tarvi's Velmar Army"), ("ORG", "Iran's Velmar Guard"),
         ("ORG", "Hezbollah's Radvan Unit"), ("ORG", "People's Velmar Party")]
    )  # fmt: skip
    text = (
        "Tarvi's Velmar Army fought. Iran's Velmar Guard left. Hezbollah's Radvan Unit "
        "stayed. The People's Velmar Party won."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Tarvi", PERSON),  # a leader's name, by default
        ("Velmar Army", ORG),
        ("Iran", PLACE),
        ("Velmar Guard", ORG),
        ("Hezbollah", ORG),  # the link table knows it
        ("Radvan Unit", ORG),
        ("People's Velmar Party", ORG),  # a common word owns nothing
    ]


def test_a_country_owns_a_name_though_a_common_word_or_after_a_plural_possessive() -> None:
    nlp = ruled(
        [("ORG", "Turkey's Velmar Ministry of Roads"), ("ORG", "Philippines' Board of Odra"),
         ("ORG", "Odrans' Velmar Union")]
    )  # fmt: skip
    text = (
        "Turkey's Velmar Ministry of Roads said so. The Philippines' Board of Odra agreed. "
        "The Odrans' Velmar Union did not."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Turkey", PLACE),  # a country, though "turkey" is a common word
        ("Velmar Ministry of Roads", ORG),
        ("Philippines", PLACE),  # the possessive of a plural name
        ("Board of Odra", ORG),
        ("Odrans' Velmar Union", ORG),  # a plural owns nothing
    ]


def test_a_name_ending_in_a_compass_word_runs_on_through_and_another() -> None:
    nlp = ruled([("ORG", "Self Administration of North"), ("GPE", "West Velmar")])
    text = "The Self Administration of North and West Velmar runs the camp."
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Self Administration of North and West Velmar", ORG)
    ]


def test_the_start_of_a_title_is_no_organization_but_one_department_word_is() -> None:
    nlp = ruled([("ORG", "National Security"), ("PERSON", "Tarek Wardani"), ("ORG", "Defense")])
    text = "National Security Adviser Tarek Wardani met the Defense Minister of Velmar."
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Tarek Wardani", PERSON),
        ("Defense", ORG),  # as GMB tags "Secretary of Defense"
    ]


def test_long_names_stay_whole() -> None:
    nlp = ruled(
        [("GPE", "Strait"), ("PERSON", "Talvaz"), ("ORG", "Human Rights"),
         ("ORG", "Velmar Assistance Mission"), ("GPE", "Iraq"), ("PERSON", "Tahrir al-Kavar"),
         ("ORG", "Liberal Party"), ("ORG", "Green Union")]
    )  # fmt: skip
    text = (
        "Ships crossed the Strait of Talvaz. The Dersim Observatory for Human Rights counted "
        "the dead. The Velmar Assistance Mission for Iraq wrote. Hayat Tahrir al-Kavar "
        "fighters left. She left the Liberal Party for the Green Union."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Strait of Talvaz", PLACE),
        ("Dersim Observatory for Human Rights", ORG),  # "for" a cause, no article
        ("Velmar Assistance Mission for Iraq", ORG),
        ("Hayat Tahrir al-Kavar", ORG),  # "Hay'at" (a body) opens a group's name
        ("Liberal Party", ORG),  # "for the" another body
        ("Green Union", ORG),
    ]
