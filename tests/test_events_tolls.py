"""Casualty tolls that give only the wounded, or none: an attack told by its wounding, a toll in
a sentence of its own, a toll of zero. Invented sentences only."""

from __future__ import annotations

import pytest

from pipeline.records import Event
from tests.test_events import LOC, ORG, PER, events

NAMES = {"Sami Dagher": PER, "Nasr Brigades": ORG, "Tyre": LOC, "Sidon": LOC}


def find(text: str) -> list[Event]:
    return events(text, NAMES)


def tolls(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(e.type, e.killed, e.wounded) for e in find(text)]


@pytest.mark.parametrize(
    ("text", "wounded"),
    [
        ("Masked men wounded four fishermen in Tyre on Friday.", 4),
        ("A gunman shot and wounded two guards outside the port in Sidon.", 2),
        ("Rioters injured at least nine officers near the court in Tyre.", 9),
        ("Youths threw stones at a bus in Sidon, injuring three.", 3),
    ],
)
def test_wounding_alone_is_an_attack_with_its_toll(text: str, wounded: int) -> None:
    [attack] = find(text)
    assert (attack.type, attack.killed, attack.wounded) == ("Attack", None, wounded)
    assert attack.place is not None


def test_the_wounded_one_named_is_the_target_and_the_shooter_the_actor() -> None:
    [attack] = find("Nasr Brigades gunmen shot and wounded Sami Dagher in Tyre.")
    assert [m.name for m in attack.actors] == ["Nasr Brigades"]
    assert [m.name for m in attack.targets] == ["Sami Dagher"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A grenade exploded in a cafe in Tyre, wounding 14 people.", [("Bombing", None, 14)]),
        ("Gunmen killed three guards and wounded two others in Sidon.", [("Killing", 3, 2)]),
        ("Militants ambushed a truck near Tyre, injuring five drivers.", [("Attack", None, 5)]),
    ],
)
def test_wounding_beside_other_violence_is_its_toll(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Four men were wounded Tuesday in Sidon.",
        "Doctors treated a wounded fisherman in Tyre.",
        "Volunteers cared for the wounded in Sidon.",
        "A stampede at the stadium in Tyre injured 40 fans.",
        "The storm injured nine villagers near Sidon.",
    ],
)
def test_no_attack_from_the_passive_the_adjective_or_an_accident(text: str) -> None:
    assert [e.type for e in find(text)] == []


@pytest.mark.parametrize(
    ("second", "killed", "wounded"),
    [
        ("Nine people were wounded, police said.", None, 9),
        ("No one was hurt.", None, 0),
        ("Three fishermen died and 20 were hurt.", 3, 20),
    ],
)
def test_a_toll_alone_in_the_next_sentence_is_the_last_attacks(
    second: str, killed: int | None, wounded: int | None
) -> None:
    first = "A grenade blast hit a cafe in Tyre on Friday. "
    assert tolls(first + second) == [("Bombing", killed, wounded)]


@pytest.mark.parametrize(
    "text",
    [
        "A grenade blast hit a cafe in Tyre on Friday. "
        "In a separate incident, two policemen were wounded.",
        "A grenade blast hit a cafe in Tyre on Friday. Two people were wounded in Sidon.",
        "Police arrested two men in Tyre. Nine people were wounded.",
        "A grenade blast hit a cafe in Tyre on Friday. Since May, 90 people have been wounded.",
    ],
)
def test_a_toll_of_another_place_incident_or_event_is_no_ones(text: str) -> None:
    assert all(e.wounded is None for e in find(text))
    assert "toll" not in [e.type for e in find(text)]


def test_a_toll_with_no_event_before_makes_none() -> None:
    assert find("Nine people were wounded, police said.") == []


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("A bomb went off in Tyre; 12 were wounded, none killed.", 0, 12),
        ("A rocket struck a depot near Sidon, causing no casualties.", 0, 0),
        ("A rocket struck a depot near Sidon but no one was injured.", None, 0),
        ("A rocket struck a depot near Sidon; there were no reports of injuries.", None, None),
        (
            "The bomber died when his bomb exploded in Tyre, but there were no other casualties.",
            None,
            None,
        ),
        ("A bomb exploded in Tyre, killing a 16-year-old boy.", None, None),
    ],
)
def test_tolls_of_zero_as_reported(sentence: str, killed: int | None, wounded: int | None) -> None:
    [event] = find(sentence)
    assert (event.killed, event.wounded) == (killed, wounded)
