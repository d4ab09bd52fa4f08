"""A court's wording: a prison term is custody (ldpub:Detention, CAMEO 173 includes legal
action), an acquittal, bail or a pardon frees (ldpub:Release); a death sentence, a fine or a
verdict alone is no event the ontology has. Invented sentences only."""

from __future__ import annotations

import pytest

from pipeline.records import Event
from tests.test_events import ORG, PER, events

NAMES = {"Dara Kovac": PER, "Tomas Reyes": PER, "Coastal Tribunal": ORG}


def found(text: str) -> list[Event]:
    return [e for e in events(text, NAMES) if e.type != "Statement"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Coastal Tribunal sentenced Dara Kovac to 12 years in prison.", "Detention"),
        ("Dara Kovac was sentenced in absentia to life in prison.", "Detention"),
        ("Dara Kovac was handed a seven-year jail term on Monday.", "Detention"),
        ("A judge remanded Dara Kovac in custody pending trial.", "Detention"),
        ("The Coastal Tribunal acquitted Dara Kovac of spying.", "Release"),
        ("Dara Kovac was granted bail after a month in jail.", "Release"),
        ("The governor pardoned Dara Kovac and two other men.", "Release"),
    ],
)
def test_court_wording_gives_the_custody_or_its_end(sentence: str, expected: str) -> None:
    [event] = found(sentence)
    assert event.type == expected
    assert [m.name for m in event.targets] == ["Dara Kovac"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Coastal Tribunal sentenced two fishermen to death.",
        "Dara Kovac was sentenced to pay a fine.",
        "The Coastal Tribunal handed down its verdict on Tuesday.",
        "The bank was acquitted of fraud.",
        "Dara Kovac served two years in jail.",
    ],
)
def test_no_custody_or_release(sentence: str) -> None:
    assert found(sentence) == []


def test_a_court_that_jails_counts_the_jailed() -> None:
    [event] = found("The Coastal Tribunal jailed four fishermen for ten years on Monday.")
    assert (event.type, event.captured) == ("Detention", 4)


def test_people_arrested_in_passing_were_arrested_not_arresting() -> None:
    [release, arrest] = found(
        "The Coastal Tribunal freed two aid workers arrested in 2021 and Tomas Reyes."
    )
    assert (release.type, arrest.type) == ("Release", "Arrest")
    assert arrest.actors == () and arrest.targets == ()
    [arrest] = found("The Coastal Tribunal arrested two aid workers in 2021.")
    assert [m.name for m in arrest.actors] == ["Coastal Tribunal"]
