"""The words around a name that say its kind or where it ends, on spans an EntityRuler marks as
the model might: places after words for places, languages, bodies before a body's noun.

The sentences and names are written for these tests, none taken from the seeds, the training
corpora or any held-out set.
"""

from __future__ import annotations

import pytest

from pipeline.nlp.groups import group_word
from tests.test_nlp_rules import ORG, PERSON, PLACE, mentions, ruled


def _kinds(patterns: list[tuple[str, str]], text: str) -> list[tuple[str, object]]:
    return [(name, kind) for _, name, kind in mentions(ruled(patterns), text)]


def test_a_person_after_a_word_for_places_is_a_place() -> None:
    text = (
        "Residents of Qarvan fled. Troops entered government-held Talmuz. The towns of Sefira "
        "and Wadi Omran fell. Gunmen opened fire at Darsit."
    )
    patterns = [("PERSON", n) for n in ("Qarvan", "Talmuz", "Sefira", "Wadi Omran", "Darsit")]
    assert _kinds(patterns, text) == [
        ("Qarvan", PLACE),
        ("Talmuz", PLACE),
        ("Sefira", PLACE),
        ("Wadi Omran", PLACE),
        ("Darsit", PLACE),
    ]


def test_a_person_listed_with_names_after_a_word_for_places_is_a_place() -> None:
    text = (
        "Residents of Harbun and Qusaybah said the raids went on. Shelling hit Marran, Tilfa "
        "and Zawiya. In Korvat, Haddad spoke."
    )
    patterns = [
        ("ORG", "Harbun"), ("PERSON", "Qusaybah"), ("PERSON", "Marran"), ("PERSON", "Tilfa"),
        ("PERSON", "Zawiya"), ("GPE", "Korvat"), ("PERSON", "Haddad"),
    ]  # fmt: skip
    assert _kinds(patterns, text) == [
        ("Harbun", PLACE),  # one word: an organization after "residents of" is a slip
        ("Qusaybah", PLACE),  # listed with it
        ("Marran", PERSON),  # no word for places before the list
        ("Tilfa", PERSON),
        ("Zawiya", PERSON),
        ("Korvat", PLACE),
        ("Haddad", PERSON),  # a comma alone ends an opening phrase, not a list
    ]


def test_an_organization_after_near_is_a_place_unless_a_body_is_named() -> None:
    text = (
        "Clashes broke out near Sarmuk. A drone fell near Hezbollah positions and near UNIFIL "
        "posts. The bill died in Congress. Raids hit near Velmar Brigade bases."
    )
    patterns = [
        ("ORG", "Sarmuk"), ("ORG", "Hezbollah"), ("ORG", "UNIFIL"), ("ORG", "Congress"),
        ("ORG", "Velmar Brigade"),
    ]  # fmt: skip
    assert _kinds(patterns, text) == [
        ("Sarmuk", PLACE),
        ("Hezbollah", ORG),  # the link table knows the body
        ("UNIFIL", ORG),  # an acronym
        ("Congress", ORG),  # "in" comes before bodies too
        ("Velmar Brigade", ORG),  # two words, and a body's head noun
    ]


@pytest.mark.parametrize("word", ["Arabic", "Farsi", "Pashto", "Urdu", "Hebrew", "English"])
def test_languages_are_group_words(word: str) -> None:
    assert group_word(word)


def test_a_language_is_no_name() -> None:
    text = "The group, known in Arabic as Jaysh Velmar, wrote in Farsi and Pashto to Qarvan."
    patterns = [("GPE", "Arabic"), ("ORG", "Jaysh Velmar"), ("GPE", "Farsi"), ("GPE", "Pashto")]
    assert _kinds([*patterns, ("GPE", "Qarvan")], text) == [
        ("Jaysh Velmar", ORG),
        ("Qarvan", PLACE),
    ]


def test_a_name_before_a_body_noun_is_a_body() -> None:
    text = (
        "The Velmari party and its Qasid agency denied it. The Tarwan movement said the Hamzat "
        "militia and the Zuhra faction left. The Democratic party, the opposition Labor party "
        "and a Tanzil party delegate spoke. The U.N. agency and the Velmar-run Qalam news agency "
        "spoke."
    )
    patterns = [("GPE", "Velmari"), ("GPE", "Qasid"), ("PERSON", "Tarwan"), ("GPE", "U.N.")]
    assert _kinds(patterns, text) == [
        ("Velmari", ORG),
        ("Qasid", ORG),
        ("Tarwan", ORG),
        ("Hamzat", ORG),  # untagged by the model: after an article
        ("Zuhra", ORG),
        ("U.N.", PLACE),  # an acronym keeps the model's kind (see pipeline.nlp.known)
        ("Qalam", ORG),  # after a hyphenated word
    ]  # no English adjective or noun, and no name without an article or a possessive


def test_members_and_reports_name_a_body() -> None:
    text = (
        "The convoy was escorted by fighters of the Harsaniyoun. Members of the Velmar council "
        "met. Six people died, KANA reported. Reporters asked Qasim Dalvar."
    )
    patterns = [("GPE", "Harsaniyoun"), ("GPE", "Velmar"), ("PERSON", "KANA"),
                ("PERSON", "Qasim Dalvar")]  # fmt: skip
    assert _kinds(patterns, text) == [
        ("Harsaniyoun", ORG),
        ("Velmar", PLACE),  # it modifies a noun
        ("KANA", ORG),  # an acronym that reports is a news agency
        ("Qasim Dalvar", PERSON),
    ]


def test_a_body_name_stops_before_a_persons_title() -> None:
    text = (
        "Aides to the Velmar Movement of Speaker Qasim Dalvar met. Offices of the Harun Front "
        "of Syrian President Omar Zayed burned. The Council of Ministers and the Office of the "
        "President met."
    )
    patterns = [
        ("ORG", "Velmar Movement of Speaker"), ("PERSON", "Qasim Dalvar"),
        ("ORG", "Harun Front"), ("PERSON", "Omar Zayed"), ("ORG", "Council of Ministers"),
        ("ORG", "Office of the President"),
    ]  # fmt: skip
    assert _kinds(patterns, text) == [
        ("Velmar Movement", ORG),  # the model ran on into the title
        ("Qasim Dalvar", PERSON),
        ("Harun Front", ORG),  # no run on through "of" into the title
        ("Syria", PLACE),  # the adjective says whose president
        ("Omar Zayed", PERSON),
        ("Council of Ministers", ORG),
        ("Office of the President", ORG),  # no name after the title
    ]


def test_a_generic_body_noun_before_a_role_is_no_name() -> None:
    text = "Army spokesman Colonel Qasim Dalvar said the Army would stay. Army officials left."
    patterns = [("ORG", "Army"), ("PERSON", "Qasim Dalvar")]
    assert _kinds(patterns, text) == [
        ("Qasim Dalvar", PERSON),
        ("Army", ORG),  # not opening a sentence, before no role
        ("Army", ORG),  # "officials" is no one person's role
    ]


def test_a_military_base_is_a_place() -> None:
    text = "Rockets hit Falcon Base and Tarmiz Airbase; Camp Velmar was spared."
    patterns = [("ORG", "Falcon Base"), ("PERSON", "Tarmiz Airbase"), ("GPE", "Camp Velmar")]
    assert _kinds(patterns, text) == [
        ("Falcon Base", PLACE),
        ("Tarmiz Airbase", PLACE),
        ("Camp Velmar", PLACE),
    ]


def test_an_acronym_in_brackets_joins_a_name_cut_at_a_connecting_word() -> None:
    text = (
        "The Joint Relief Mission in Velmar (JRMIV) and the Harun Front in Velmar (HF) met. "
        "Al-Qasr Army in Qarvan (AQAQ) withdrew."
    )
    patterns = [
        ("ORG", "Joint Relief Mission"), ("GPE", "Velmar"), ("ORG", "JRMIV"), ("ORG", "HF"),
        ("ORG", "Harun Front"), ("ORG", "Al-Qasr Army"), ("GPE", "Qarvan"), ("ORG", "AQAQ"),
    ]  # fmt: skip
    assert _kinds(patterns, text) == [
        ("Joint Relief Mission in Velmar", ORG),  # "in" spelled too
        ("JRMIV", ORG),
        ("Harun Front", ORG),  # "HF" spells the body's name alone
        ("Velmar", PLACE),
        ("HF", ORG),
        ("Al-Qasr Army in Qarvan", ORG),  # "in" left out of the acronym
        ("AQAQ", ORG),
    ]


def test_a_body_of_a_place_and_a_bodys_short_name_are_organizations() -> None:
    text = (
        "The Tal Harun Military Council said the Observatory lied. The Warden did not look up. "
        "Deir Velmar fell."
    )
    patterns = [
        ("GPE", "Tal Harun Military Council"), ("PERSON", "Observatory"), ("PERSON", "Warden"),
        ("ORG", "Deir Velmar"),
    ]  # fmt: skip
    assert _kinds(patterns, text) == [
        ("Tal Harun Military Council", ORG),  # the head noun says a body
        ("Observatory", ORG),  # "the" and a body's noun: its short name
        ("Deir Velmar", PLACE),  # a place's noun and no body's
    ]  # "the Warden": a common noun, no person's name


def test_a_role_before_a_name_makes_a_person() -> None:
    text = "Police held a suspect in the killing of Basra activist Leila al-Karimi."
    patterns = [("GPE", "Basra"), ("ORG", "Leila al-Karimi")]
    assert _kinds(patterns, text)[-1] == ("Leila al-Karimi", PERSON)


def test_followers_opening_a_headline_are_a_movement() -> None:
    text = "Sadris free crew of seized ship. Tennis players left. Morris will go. Harris says so."
    assert _kinds([], text) == [("Sadris", ORG)]  # a noun, and surnames before a singular
