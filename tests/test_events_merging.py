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
    found = events(text, {k: v for k, v in NAMES.items() if k in text})
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
