"""Event participants, places and dates, one test per pattern family; invented sentences only."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.records import DatePrecision, EntityKind, Event
from tests.test_events import LOC, ORG, PER, events, only

NAMES: dict[str, EntityKind] = {
    "Ivo Marin": PER,
    "Lena Berg": PER,
    "Nasr Brigades": ORG,
    "Hezbollah": ORG,
    "Hamas": ORG,
    "Popular Front": ORG,
    "Tyre": LOC,
    "Sidon": LOC,
    "Oslo": LOC,
    "TYRE": LOC,
    "Lebanon": LOC,
}


def names(mentions: tuple) -> list[str]:
    return [m.name for m in mentions]


def find(text: str) -> list[Event]:
    return events(text, NAMES)


def test_passive_voice_target_before_actor_after_by() -> None:
    event = only("Ivo Marin was detained by the Nasr Brigades in Tyre on Tuesday.", NAMES)
    assert (event.type, names(event.actors), names(event.targets)) == (
        "Detention",
        ["Nasr Brigades"],
        ["Ivo Marin"],
    )
    assert event.place.name == "Tyre"  # type: ignore[union-attr]
    assert event.date.value == dt.date(2009, 3, 10)  # type: ignore[union-attr]


def test_possessive_forces_act_for_their_group() -> None:
    event = only("Hezbollah's forces raided a village near Tyre.", NAMES)
    assert (event.type, names(event.actors), event.place.name) == ("Raid", ["Hezbollah"], "Tyre")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("verb", "event_type"),
    [
        ("captured", "Capture"),
        ("detained", "Detention"),
        ("arrested", "Arrest"),
        ("seized", "Capture"),
        ("abducted", "Kidnapping"),
        ("kidnapped", "Kidnapping"),
        ("freed", "Release"),
        ("released", "Release"),
    ],
)
def test_custody_verbs_gunmen_from_a_group_act_for_it(verb: str, event_type: str) -> None:
    event = only(f"Gunmen from the Nasr Brigades {verb} Ivo Marin in Tyre.", NAMES)
    assert event.type == event_type
    assert (names(event.actors), names(event.targets)) == (["Nasr Brigades"], ["Ivo Marin"])


def test_handover_with_its_object_between() -> None:
    event = only("The Nasr Brigades handed the hostages over to elders in Sidon.", NAMES)
    assert (event.type, names(event.actors), event.place.name) == (  # type: ignore[union-attr]
        "Handover",
        ["Nasr Brigades"],
        "Sidon",
    )


def test_a_list_of_victims_and_of_actors() -> None:
    event = only("Ivo Marin and Lena Berg were kidnapped by the Nasr Brigades.", NAMES)
    assert names(event.targets) == ["Ivo Marin", "Lena Berg"]
    event = only("Hamas, the Nasr Brigades and the Popular Front carried out the attack.", NAMES)
    assert names(event.actors) == ["Hamas", "Nasr Brigades", "Popular Front"]


def test_training_trainer_trainee_place_and_year() -> None:
    event = only(
        "Hezbollah instructors trained fighters of the Nasr Brigades near Tyre in 2006.", NAMES
    )
    assert (names(event.actors), names(event.targets)) == (["Hezbollah"], ["Nasr Brigades"])
    assert event.place.name == "Tyre"  # type: ignore[union-attr]
    assert (event.date.value.year, event.date.precision) == (2006, DatePrecision.YEAR)  # type: ignore[union-attr]


def test_meeting_partners() -> None:
    event = only("Ivo Marin met with Lena Berg in Oslo on Tuesday.", NAMES)
    assert (event.type, names(event.actors), event.place.name) == (  # type: ignore[union-attr]
        "Meeting",
        ["Ivo Marin", "Lena Berg"],
        "Oslo",
    )


def test_claim_of_responsibility_names_the_actor_and_is_no_statement() -> None:
    event = only("The Nasr Brigades claimed responsibility for the bombing.", NAMES)
    assert (event.type, names(event.actors)) == ("Bombing", ["Nasr Brigades"])


def test_possessive_before_a_custody_or_killing_noun_is_the_victim() -> None:
    event = only("Police are investigating Ivo Marin's assassination.", NAMES)
    assert (event.type, names(event.actors), names(event.targets)) == ("Killing", [], ["Ivo Marin"])


def test_pronoun_subject_is_the_person_named_before() -> None:
    event = only("Ivo Marin, a reporter, was driving home when he was abducted near Tyre.", NAMES)
    assert (event.type, names(event.targets)) == ("Kidnapping", ["Ivo Marin"])


def test_relative_clause_subject_is_the_name_it_follows() -> None:
    event = only(
        "Police blamed the Nasr Brigades, a militia that kidnapped two men in 2005.", NAMES
    )
    assert (event.type, names(event.actors), event.date.value.year) == (  # type: ignore[union-attr]
        "Kidnapping",
        ["Nasr Brigades"],
        2005,
    )


def test_person_in_apposition_is_the_one_taken() -> None:
    event = only("Troops detained a senior Nasr Brigades commander, Ivo Marin, near Tyre.", NAMES)
    assert names(event.targets) == ["Ivo Marin"]


def test_dateline_is_neither_place_nor_date_nor_actor() -> None:
    event = only(
        "TYRE, Lebanon, March 12, 2009 - Gunmen raided a police post in Sidon on Tuesday.", NAMES
    )
    assert (names(event.actors), event.place.name) == ([], "Sidon")  # type: ignore[union-attr]
    assert event.date.value == dt.date(2009, 3, 10)  # type: ignore[union-attr]


def test_a_date_after_said_dates_the_statement_not_the_event() -> None:
    found = find("Hezbollah instructors trained fighters in 2006, Ivo Marin said on Thursday.")
    dates = {e.type: e.date.value for e in found if e.date}  # type: ignore[union-attr]
    assert dates == {"Training": dt.date(2006, 1, 1), "Statement": dt.date(2009, 3, 12)}


def test_a_name_tagged_in_one_sentence_takes_part_in_another() -> None:
    from pipeline.extract import extract_events
    from tests.test_events import analyzed

    text = "Gunmen from the Nasr Brigades raided Sidon. The Nasr Brigades said it was over."
    document = analyzed(text, {"Nasr Brigades": ORG})
    untagged_first = tuple(m for m in document.mentions if m.start > 40)
    document = type(document)(
        document.document, document.segments, document.sentences, untagged_first
    )
    raid = next(e for e in extract_events(document) if e.type == "Raid")
    assert [(m.name, m.start) for m in raid.actors] == [("Nasr Brigades", untagged_first[0].start)]


def test_no_events_from_seats_future_handovers_cancelled_visits_or_facilities() -> None:
    for text in (
        "The Nasr Brigades captured 40 seats in the vote.",
        "Officials said Ivo Marin would be handed over next week.",
        "Ivo Marin cancelled his visit to Oslo.",
        "The camp holds detention facilities for prisoners.",
        "Omar Said was a teacher.",
    ):
        assert [e.type for e in find(text) if e.type != "Statement"] == [], text


def test_its_men_act_for_the_group_named_first_in_the_sentence_before() -> None:
    found = find(
        "The Nasr Brigades, which split from the Popular Front in 2005, has struck before. "
        "In 2007 its men stormed a hotel in Sidon and seized a businessman."
    )
    assert {e.type: names(e.actors) for e in found if e.type == "Raid"} == {
        "Raid": ["Nasr Brigades"]
    }


def test_him_after_the_verb_is_the_person_named_before() -> None:
    [training] = find("Ivo Marin learned fast, and the Nasr Brigades trained him in Tyre.")
    assert names(training.actors) == ["Nasr Brigades"]
    assert names(training.targets) == ["Ivo Marin"]


def test_envoys_of_a_group_make_the_group_a_party_to_the_meeting() -> None:
    [meeting] = find("Ivo Marin met with envoys of the Nasr Brigades in Tyre.")
    assert names(meeting.actors) == ["Ivo Marin", "Nasr Brigades"]


def test_the_speaker_gave_the_interview() -> None:
    found = find("The claims are false, Ivo Marin said in a telephone interview on Monday.")
    assert {e.type: names(e.actors) for e in found} == {
        "Statement": ["Ivo Marin"],
        "Interview": ["Ivo Marin"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, after a week of haggling, the Nasr Brigades freed Ivo Marin near Tyre.",
        "Late on Friday, following a standoff with Hamas, the Nasr Brigades freed Ivo Marin.",
        "After consulting Hamas envoys in Sidon, the Nasr Brigades freed Ivo Marin.",
        "The Nasr Brigades, after a week of haggling with Hamas, freed Ivo Marin.",
        "The Nasr Brigades, which had fought Hamas for years, freed Ivo Marin.",
        "The Nasr Brigades, backed by Hezbollah, freed Ivo Marin.",
    ],
)
def test_subject_past_an_opening_phrase_or_an_aside(text: str) -> None:
    event = only(text, NAMES)
    assert (event.type, names(event.actors), names(event.targets)) == (
        "Release",
        ["Nasr Brigades"],
        ["Ivo Marin"],
    )


def test_a_name_in_the_opening_phrase_is_not_the_subject() -> None:
    event = only("After questioning Ivo Marin, masked gunmen abducted two nurses.", NAMES)
    assert (event.type, names(event.actors)) == ("Kidnapping", [])


def test_a_date_in_a_relative_aside_is_not_the_events() -> None:
    event = only("The Nasr Brigades, which had held him since 2005, freed Ivo Marin.", NAMES)
    assert (event.type, event.date) == ("Release", None)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Hezbollah fighters ambushed a Hamas patrol and captured three men.", ["Hezbollah"]),
        (
            "The Nasr Brigades raided the Hamas office and later detained two men.",
            ["Nasr Brigades"],
        ),
        ("Gunmen stormed the Popular Front office in Sidon and kidnapped two nurses.", []),
        ("Hezbollah said its men entered a Hamas camp and captured three men.", ["Hezbollah"]),
    ],
)
def test_a_second_verb_after_and_shares_the_first_ones_subject(
    text: str, actors: list[str]
) -> None:
    second = [e for e in find(text) if e.type in ("Capture", "Detention", "Kidnapping")]
    assert [names(e.actors) for e in second] == [actors]


def test_nouns_joined_by_and_do_not_take_the_first_verbs_subject() -> None:
    found = find("Hezbollah accused Hamas of supplying money and training to the Nasr Brigades.")
    assert [names(e.actors) for e in found if e.type == "Training"] == [["Hamas"]]


def test_a_passive_first_verb_gives_its_subject_to_the_second() -> None:
    event = next(
        e for e in find("Ivo Marin was freed by Hamas and visited Oslo.") if e.type == "Travel"
    )
    assert names(event.actors) == ["Ivo Marin"]
