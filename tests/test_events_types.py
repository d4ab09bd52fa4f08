"""Which type a trigger gives, by the ontology's definitions, and words that are no event.
Invented sentences only."""

from __future__ import annotations

from functools import partial

import pytest

from tests.test_events import ORG, PER, event_types, events

NAMES = {"Ivo Marin": PER, "Nasr Brigades": ORG, "Sami Dagher": PER}


kinds = partial(event_types, names=NAMES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ldpub:Raid is an operation to seize people, weapons or documents; else an Attack.
        ("Troops stormed a farm near Tyre and detained seven men.", ["Raid", "Detention"]),
        ("Police stormed the house and searched it for weapons.", ["Raid"]),
        ("Gunmen stormed an army checkpoint, killing two soldiers.", ["Attack"]),
        ("Gunmen storm the town hall in Tyre", ["Attack"]),
        # Civilians seized by anyone are abducted; soldiers seized are captured.
        ("Militiamen seized a Lebanese businessman in Tyre.", ["Kidnapping"]),
        ("Gunmen seized three aid workers near the border.", ["Kidnapping"]),
        ("The navy seized two soldiers on the river.", ["Capture"]),
        ("Sailors seized in the strait were taken to Tyre.", ["Capture"]),
        ("Troops seized rifles and explosives at the farm.", []),
        # Bombs made, planted or found are weapons; a bomb that kills is a bombing.
        ("He learned to make car bombs at a camp.", []),
        ("The course taught the use of rockets and roadside bombs.", []),
        ("A third car bomb was found and defused near a checkpoint.", []),
        ("A bomb planted by the group in a mosque killed a cleric.", ["Bombing"]),
        ("The raiders found training manuals in the house.", []),
        # Meetings with people named by role, and releases without the word "released".
        ("The minister met tribal leaders in Tyre on Monday.", ["Meeting"]),
        ("The adviser met leaders of the Nasr Brigades in Tyre.", ["Meeting"]),
        ("Ivo Marin walked free in a general amnesty in 2006.", ["Release"]),
        ("A drone struck a car near the border.", ["Attack"]),
        ("Ivo Marin was among 23 prisoners freed in a swap with the Nasr Brigades.", ["Release"]),
        # An accusation by a named speaker is a statement; what is asked for is no event.
        ("The Nasr Brigades blamed the army for the shooting.", ["Statement"]),
        ("The Nasr Brigades was blamed for the shooting.", []),
        ("Ministers met to discuss the withdrawal of the troops.", []),
        ("The Nasr Brigades demanded Marin's release.", []),
    ],
)
def test_trigger_types(sentence: str, expected: list[str]) -> None:
    assert kinds(sentence) == expected


def test_a_verb_after_and_shares_the_passive() -> None:
    [arrest, release] = events(
        "A third man, Ivo Marin, was arrested at the farm and released a month later.",
        {"Ivo Marin": PER},
    )
    assert (arrest.type, release.type) == ("Arrest", "Release")
    assert [m.name for m in release.targets] == ["Ivo Marin"] and not release.actors


def test_walked_free_frees_its_subject() -> None:
    [release] = events("Ivo Marin walked free in a general amnesty in 2006.", {"Ivo Marin": PER})
    assert [m.name for m in release.targets] == ["Ivo Marin"]


def test_prisoners_released_by_a_group_are_its_captives() -> None:
    [release] = events(
        "Her son Sami Dagher was among 23 prisoners released by the Nasr Brigades.", NAMES
    )
    assert [m.name for m in release.actors] == ["Nasr Brigades"]
    assert [m.name for m in release.targets] == ["Sami Dagher"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ivo Marin will take part in the talks with the Nasr Brigades in Tyre.", []),
        ("Sami Dagher is expected to attend a donors meeting in Sidon.", []),
        ("The Nasr Brigades will take part in the general election next month.", ["Election"]),
        ("Ivo Marin took part in the talks with the Nasr Brigades in Tyre.", ["Meeting"]),
    ],
)
def test_attending_what_is_to_come_is_no_event_but_an_election(
    sentence: str, expected: list[str]
) -> None:
    assert kinds(sentence) == expected
