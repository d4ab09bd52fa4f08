"""One strike told many ways in a feature ("the missile that killed", "the strike", "a
precision strike", "that night's attack") is one attack; a strike by workers is none.
Invented sentences only."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_events import LOC, ORG, PER, events

NAMES = {
    "Harbour Guard": ORG,
    "Red Hand Brigade": ORG,
    "Lena Brandt": PER,
    "Velmar": LOC,
    "Ostrava": LOC,
}


def violent(text: str) -> list[tuple[str, int]]:
    return [(e.type, len(e.triggers)) for e in events(text, NAMES) if e.type != "Statement"]


def test_a_strike_retold_is_one_attack_with_its_day_and_actor() -> None:
    found = events(
        "A missile fired from a drone hit a car near Velmar. "
        "The strike, shortly after dawn on Monday, killed two farmers. "
        'The Harbour Guard said it had conducted "a precision strike" that morning. '
        "Nobody from the city came after that morning's attack, villagers say.",
        NAMES,
    )
    [attack] = found  # the guard's own account is its claim, no statement
    assert attack.type == "Attack" and len(attack.triggers) == 5  # "drone hit" too
    assert [m.name for m in attack.actors] == ["Harbour Guard"]
    assert attack.place is not None and attack.place.name == "Velmar"
    assert attack.date is not None and attack.date.value == dt.date(2009, 3, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The missile that killed the driver was fired from a drone.", [("Attack", 1)]),
        ("Rockets fired from the hills hit the market in Velmar.", [("Attack", 2)]),
        ("The army said its targeted strike destroyed a depot.", [("Attack", 1)]),
        # A stoppage of work, or a strike with nothing armed about it, is no attack.
        ("Dock workers extended the strike for a third week.", []),
        ("The strike by teachers closed every school in Velmar.", []),
        ("The strike was called off after a day.", []),
        ("Lena Brandt went on hunger strike in the army prison.", []),
    ],
)
def test_strike_nouns(text: str, expected: list[tuple[str, int]]) -> None:
    assert violent(text) == expected


def test_a_killing_named_again_in_its_sentence_is_one() -> None:
    text = "His brother was shot dead in Velmar in 2019, a killing the family blames on a feud."
    assert violent(text) == [("Killing", 2)]


def test_a_province_holds_the_town_a_strike_hit() -> None:
    text = (
        "A drone struck a car in Velmar on Monday. "
        "The Red Hand Brigade said a drone struck its men in Ostrava province on Monday."
    )
    assert violent(text) == [("Attack", 2)]
    town = text.replace("Ostrava province", "Ostrava")
    assert violent(town) == [("Attack", 1), ("Attack", 1)]
