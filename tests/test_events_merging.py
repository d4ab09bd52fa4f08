"""Several mentions of one event in a document become one event; different ones stay apart.
Invented articles only."""

from __future__ import annotations

import datetime as dt

from pipeline.records import EntityKind, Event
from tests.test_events import LOC, ORG, PER, events

NAMES: dict[str, EntityKind] = {
    "Ivo Marin": PER,
    "Marin": PER,
    "Nasr Brigades": ORG,
    "Tyre": LOC,
    "Sidon": LOC,
}


def find(text: str) -> list[Event]:
    """The events of ``text`` but its statements, each name of ``NAMES`` tagged."""
    found = events(text, NAMES)
    return [e for e in found if e.type != "Statement"]


def summary(found: list[Event]) -> list[tuple[str, int]]:
    return [(e.type, len(e.triggers)) for e in found]


def test_the_kidnapping_told_three_ways_is_one() -> None:
    found = find(
        "Gunmen abducted Ivo Marin in Tyre on Sunday. Marin was seized as he left his office. "
        "No group has claimed the kidnapping."
    )
    assert summary(found) == [("Kidnapping", 3)]
    assert found[0].date.value == dt.date(2009, 3, 8)  # type: ignore[union-attr]


def test_a_definite_subject_tells_the_release_again() -> None:
    found = find(
        "The Nasr Brigades released five soldiers on Tuesday. "
        "The soldiers were freed after talks with elders."
    )
    assert [(e.type, len(e.triggers)) for e in found if e.type == "Release"] == [("Release", 2)]


def test_arrest_and_detention_of_one_man_are_one_event() -> None:
    found = find(
        "Police detained Ivo Marin in Tyre on Monday. His arrest angered the Nasr Brigades."
    )
    assert summary(found) == [("Detention", 2)]


def test_the_raid_and_the_attack_refer_back() -> None:
    found = find(
        "Gunmen raided a police post in Tyre on Tuesday. The raid began after midnight. "
        "The Nasr Brigades denied that its men carried out the attack."
    )
    assert summary(found) == [("Raid", 3)]


def test_a_similar_attack_is_another_event_with_its_own_actor_and_month() -> None:
    found = find(
        "Gunmen attacked a checkpoint in Tyre on Tuesday. Nobody claimed the attack, but police "
        "blamed the Nasr Brigades, which carried out a similar attack in Tyre in January."
    )
    assert summary(found) == [("Attack", 2), ("Attack", 1)]
    first, second = found
    assert first.date.value == dt.date(2009, 3, 10)  # type: ignore[union-attr]
    assert [m.name for m in second.actors] == ["Nasr Brigades"]
    assert second.date.value == dt.date(2009, 1, 1)  # type: ignore[union-attr]


def test_two_kidnappings_years_apart_stay_apart() -> None:
    found = find(
        "Gunmen abducted Ivo Marin in Tyre on Sunday. "
        "The Nasr Brigades kidnapped two engineers in Tyre in 2005."
    )
    assert summary(found) == [("Kidnapping", 1), ("Kidnapping", 1)]


def test_hours_later_is_the_same_day() -> None:
    found = find(
        "Gunmen attacked a checkpoint in Tyre on Tuesday. Hours later, troops raided a house in "
        "Sidon."
    )
    raid = next(e for e in found if e.type == "Raid")
    assert raid.date.value == dt.date(2009, 3, 10)  # type: ignore[union-attr]
    assert raid.place.name == "Sidon"  # type: ignore[union-attr]


def test_an_anaphor_keeps_its_own_date_in_its_phrase() -> None:
    found = find(
        "Militants killed three soldiers in an ambush near Tyre in January. "
        "The ambush on January 14 was the deadliest this year."
    )
    [ambush] = [e for e in found if e.type == "Attack"]
    assert ambush.date.value == dt.date(2009, 1, 14)  # type: ignore[union-attr]


def test_those_detained_and_the_men_detained_at_a_place_tell_the_detention_again() -> None:
    found = find(
        "Troops detained seven men in Tyre on Tuesday. Ivo Marin was among those detained. "
        "Police detained two smugglers in Sidon in 2005. "
        "The Nasr Brigades said the men detained in Tyre were farmers."
    )
    assert summary(found) == [("Detention", 3), ("Detention", 1)]


def test_the_bombings_name_the_bombings_not_a_later_single_bomb() -> None:
    found = find(
        "Two car bombs killed 19 people in Tyre on Tuesday. In March, a bomb planted in a Sidon "
        "mosque killed a cleric. The Nasr Brigades denied any role in the bombings."
    )
    assert summary(found) == [("Bombing", 2), ("Bombing", 1)]
    assert [e.killed for e in found] == [19, None]


def test_the_deadliest_attack_in_a_bombing_sentence_is_the_bombing() -> None:
    found = find(
        "Troops raided a farm near Sidon on Tuesday. The bombs went off at a market in Tyre on "
        "Tuesday, in the deadliest attack this year."
    )
    assert summary(found) == [("Raid", 1), ("Bombing", 2)]


def test_a_toll_with_no_one_named_is_the_violent_event_before() -> None:
    found = find(
        "Ivo Marin was arrested in Sidon. The bombing tore through a bus station in Tyre on "
        "October 9. Fourteen people were killed and 40 were wounded."
    )
    assert summary(found) == [("Arrest", 1), ("Bombing", 2)]
    assert (found[1].killed, found[1].wounded) == (14, 40)
    found = find("Ivo Marin was arrested in Sidon. Fourteen people were killed in Tyre.")
    assert summary(found) == [("Arrest", 1), ("Killing", 1)]


def test_one_sentence_tells_two_of_one_type_by_their_dates_or_their_voices() -> None:
    found = find(
        "In 2005 the Nasr Brigades abducted two engineers near Tyre, and last year its men "
        "seized a businessman in Sidon."
    )
    assert summary(found) == [("Kidnapping", 1), ("Kidnapping", 1)]
    found = find(
        "Nine engineers were freed in Tyre on Wednesday under a deal that saw the government "
        "release 12 fighters of the Nasr Brigades."
    )
    assert summary(found) == [("Release", 1), ("Release", 1)]


def test_a_detention_beside_an_arrest_is_the_arrest_but_a_later_one_is_not() -> None:
    assert summary(find("Police arrested and detained Ivo Marin in Tyre.")) == [("Arrest", 1)]
    found = find("Eleven men were arrested in Tyre, and six of them remain in detention in Sidon.")
    assert summary(found) == [("Arrest", 1), ("Detention", 1)]


def test_the_dead_are_the_nearest_violent_events_and_a_place_past_after_is_not_the_raids() -> None:
    found = find(
        "Troops raided a farm near Sidon on Tuesday, hours after two car bombs killed 19 "
        "people in Tyre."
    )
    raid, bombing = sorted(found, key=lambda e: e.type, reverse=True)
    assert (raid.type, raid.killed, raid.place.name) == ("Raid", None, "Sidon")  # type: ignore[union-attr]
    assert (bombing.type, bombing.killed, bombing.place.name) == ("Bombing", 19, "Tyre")  # type: ignore[union-attr]


def test_the_men_after_said_are_told_again_across_an_aside() -> None:
    found = find(
        "The Nasr Brigades released 12 fighters on Tuesday. Ivo Marin said the 12 fighters, "
        "who had been detained in a crackdown in Sidon in 2005, were set free at a police "
        "station in Tyre."
    )
    assert [(e.type, len(e.triggers)) for e in found if e.type == "Release"] == [("Release", 2)]


def test_in_return_is_the_other_half_of_the_swap() -> None:
    found = find(
        "The Nasr Brigades released 23 prisoners in Tyre on Tuesday. In return, the army freed "
        "19 fighters it had captured in Sidon in October."
    )
    assert [(e.type, len(e.triggers)) for e in found if e.type == "Release"] == [("Release", 2)]


def test_fighting_at_one_place_in_one_month_is_one_event() -> None:
    found = find(
        "Ten fighters were captured during clashes near Tyre in October. The fighting broke out "
        "on October 12 when gunmen attacked a checkpoint near Tyre."
    )
    assert [(e.type, len(e.triggers)) for e in found if e.type == "Attack"] == [("Attack", 2)]


def test_an_event_named_in_passing_takes_the_date_told_later() -> None:
    found = find(
        "Police freed a kidnapped engineer, Ivo Marin, in Tyre on Monday. "
        "Marin had been abducted from his office on March 3."
    )
    [kidnapping] = [e for e in found if e.type == "Kidnapping"]
    assert len(kidnapping.triggers) == 2
    assert kidnapping.date.value == dt.date(2009, 3, 3)  # type: ignore[union-attr]
