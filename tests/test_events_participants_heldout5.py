"""Places, participants, counts and speakers: a place that only says whose subject acts, a meeting
at a trip's destination, a spokesman for a named body, the person a title names, who survived
an attack, a victim and his driver, and a speaker only after a quote or a clause. The error
families of militia articles held-out 5, each written anew. Invented sentences only."""

from __future__ import annotations

from functools import partial

from pipeline.records import EntityKind
from tests.test_events import LOC, ORG, PER, events, one_of_type

NAMES: dict[str, EntityKind] = {
    "Ivo Marin": PER,
    "Lena Berg": PER,
    "Nasr Brigades": ORG,
    "Harbour Police": ORG,
    "Tyre": LOC,
    "Sidon": LOC,
    "Qana": LOC,
}


one = partial(one_of_type, names=NAMES)


def names(mentions: tuple) -> list[str]:
    return [m.name for m in mentions]


def test_a_place_before_the_subject_says_whose_not_where() -> None:
    attack = one("Tyre gunboats fired on a trawler off the coast of Sidon.", "Attack")
    assert attack.place is not None and attack.place.name == "Sidon"
    bombing = one("A Qana bombing killed two men.", "Bombing")  # a noun's place is where
    assert bombing.place is not None and bombing.place.name == "Qana"


def test_a_meeting_after_a_trip_is_the_traveller_s_at_its_destination() -> None:
    meeting = one(
        "Ivo Marin flew to Sidon on Monday, two aides said, and met the mayor there.", "Meeting"
    )
    assert names(meeting.actors) == ["Ivo Marin"]
    assert meeting.place is not None and meeting.place.name == "Sidon"


def test_a_spokesman_for_a_named_body_speaks() -> None:
    statement = one(
        "Ivo Marin, a spokesman for the city's Harbour Police, said the port was closed.",
        "Statement",
    )
    assert names(statement.actors) == ["Ivo Marin"]


def test_the_person_a_title_names_gives_the_speech() -> None:
    speech = one("In a speech on Monday, Nasr Brigades commander Ivo Marin thanked them.", "Speech")
    assert names(speech.actors) == ["Ivo Marin"]


def test_who_survived_an_attack_was_its_target() -> None:
    attack = one("Lena Berg survived an earlier rocket attack in Tyre.", "Attack")
    assert names(attack.targets) == ["Lena Berg"] and not attack.actors


def test_a_victim_and_his_driver_are_two_dead() -> None:
    attack = one(
        "A drone struck a car near Qana, killing Ivo Marin, a Nasr Brigades commander, and his "
        "driver.",
        "Attack",
    )
    assert attack.killed == 2


def test_a_name_after_says_is_what_is_said_unless_a_quote_or_clause_ends_before() -> None:
    assert not [e for e in events("Tyre says the Nasr Brigades, a militia, is a threat.", NAMES)]
    statement = one("The port is closed, said Ivo Marin.", "Statement")
    assert names(statement.actors) == ["Ivo Marin"]


def test_a_rejection_is_a_dated_statement() -> None:
    statement = one(
        "The Harbour Police rejected that account on Monday and said the port was open.",
        "Statement",
    )
    assert names(statement.actors) == ["Harbour Police"]
    assert statement.date is not None and statement.date.value.isoformat() == "2009-03-09"


def test_a_ship_s_crew_seized_with_it_are_captured() -> None:
    capture = one("The Nasr Brigades seized a cargo ship and its 14 crew off Tyre.", "Capture")
    assert capture.captured == 14
