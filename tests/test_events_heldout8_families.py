"""Error families of the militia articles held-out 8, each written anew here: an event told
again after a preposition ("during the raid"), a definite noun that names another event ("the
kidnapping of two officers"), and the words that only modify a noun ("the assault force").
Invented sentences only."""

from __future__ import annotations

from pipeline.records import Event
from tests.test_events import LOC, ORG, PER, events

NAMES = {
    "Blue Corps": ORG,
    "Harbour Guard": ORG,
    "Red Hand Brigade": ORG,
    "Tomas Vek": PER,
    "Vek": PER,
    "Lena Brandt": PER,
    "Velmar": LOC,
    "Ostrava": LOC,
}


def find(text: str) -> list[Event]:
    return events(text, NAMES)


def told(found: list[Event]) -> list[tuple[str, int]]:
    """Each event's type and how many triggers tell it."""
    return [(e.type, len(e.triggers)) for e in found]


def test_the_raid_after_a_preposition_tells_it_again() -> None:
    found = find(
        "Blue Corps troops raided a house in Velmar on Monday. "
        "During the raid the search team found two rifles."
    )
    assert told(found) == [("Raid", 2)]


def test_an_assault_force_is_no_assault() -> None:
    assert find("The assault force waited outside Velmar.") == []
    assert told(find("Gunmen assaulted a checkpoint in Velmar on Monday.")) == [("Attack", 1)]


def test_the_kidnapping_of_others_is_not_the_capture_told_again() -> None:
    found = find(
        "The Harbour Guard captured Tomas Vek in Velmar on Monday. "
        "Vek is accused of the kidnapping of Lena Brandt in Ostrava."
    )
    assert told(found) == [("Capture", 1), ("Kidnapping", 1)]
    assert [m.name for m in found[1].targets] == ["Lena Brandt"]


def test_the_capture_of_the_same_man_is_told_again() -> None:
    found = find(
        "The Harbour Guard captured Tomas Vek in Velmar on Monday. "
        "The capture of Vek angered the Red Hand Brigade."
    )
    assert told(found) == [("Capture", 2)]


def test_a_headline_in_the_present_tells_the_attack() -> None:
    assert told(find("Drones hit Velmar depot.")) == [("Attack", 1)]


def test_an_undated_strike_at_the_same_place_is_told_again() -> None:
    found = find(
        "Mortar rounds hit the base at Velmar on Monday. "
        "The Blue Corps said it was searching for whoever fired on Velmar. "
        "Gunmen fired on a patrol in Ostrava."
    )
    assert told([e for e in found if e.type == "Attack"]) == [("Attack", 2), ("Attack", 1)]


def test_a_strike_revenged_is_another_with_the_date_of_its_when_clause() -> None:
    found = find(
        "Monday's attack was the worst on Velmar since May 2006, when the Red Hand Brigade fired "
        "two dozen heavy rockets at the town in retaliation for the drone strike that killed "
        "Tomas Vek. Forty people were hurt in the rocket attack."
    )
    attacks = [e for e in found if e.type == "Attack"]
    assert told(attacks) == [("Attack", 1), ("Attack", 2), ("Attack", 1)]
    rockets, drone = attacks[1], attacks[2]
    assert [m.name for m in rockets.actors] == ["Red Hand Brigade"] and not rockets.targets
    assert rockets.date is not None and str(rockets.date.value) == "2006-05-01"
    assert [m.name for m in drone.targets] == ["Tomas Vek"]
