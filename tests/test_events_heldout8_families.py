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


def test_a_kidnapping_told_in_the_lead_then_with_its_day_is_one() -> None:
    found = find(
        "An aid worker kidnapped in Ostrava more than a month ago was freed on Sunday. "
        "Lena Brandt was seized on January 3 by gunmen in police uniforms in the Velmar district. "
        "The Red Hand Brigade claimed the abduction in February."
    )
    assert told(found) == [("Kidnapping", 3), ("Release", 1)]
    kidnapping = found[0]
    assert kidnapping.date is not None and str(kidnapping.date.value) == "2009-01-03"
    assert [m.name for m in kidnapping.actors] == ["Red Hand Brigade"]
    assert [m.name for m in kidnapping.targets] == ["Lena Brandt"]


def test_seized_by_police_is_a_capture() -> None:
    found = find("Tomas Vek was seized on Monday by police in Velmar.")
    assert told(found) == [("Capture", 1)]


def test_two_districts_are_two_places() -> None:
    found = find(
        "A teacher kidnapped in the Velmar district was found dead. "
        "Lena Brandt was seized on January 3 by gunmen in the Ostrava district."
    )
    assert told([e for e in found if e.type == "Kidnapping"]) == [("Kidnapping", 1)] * 2


def test_the_releases_and_the_kidnappers_point_back() -> None:
    found = find(
        "The Harbour Guard freed eight members of the Red Hand Brigade in Velmar last month. "
        "The prisoner releases angered the Blue Corps. "
        "Gunmen kidnapped Tomas Vek in Ostrava on Monday. "
        "The police said they were negotiating with the kidnappers."
    )
    assert told(found) == [("Release", 2), ("Kidnapping", 2)]


def test_a_briefing_the_speaker_gave_is_a_press_briefing() -> None:
    found = find(
        "Lena Brandt told reporters at her weekly briefing in Velmar that talks would go on."
    )
    assert [e.type for e in found] == ["Statement", "PressBriefing"]
    assert [m.name for m in found[1].actors] == ["Lena Brandt"]
    # Briefed by others, no press: no briefing given.
    assert [e.type for e in find("Lena Brandt said she received a briefing from the army.")] == [
        "Statement"
    ]
