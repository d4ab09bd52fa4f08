"""Who takes part: a verb after ", then" shares the first verb's subject; the person met is
in the meeting; "travelled to X and met" is a trip and a meeting, no plan. Invented
sentences only."""

from __future__ import annotations

import pytest

from tests.test_events import LOC, ORG, PER, events

NAMES = {
    "Rhea Solis": PER,
    "Anton Vale": PER,
    "Dune Patrol": ORG,
    "Marrow": LOC,
}


def summary(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.type, [m.name for m in e.actors], [m.name for m in e.targets])
        for e in events(text, NAMES)
    ]


def test_a_verb_after_then_shares_the_subject() -> None:
    text = "In 2020 the Dune Patrol held Anton Vale for a year, then freed him."
    assert summary(text)[-1] == ("Release", ["Dune Patrol"], ["Anton Vale"])


def test_a_new_subject_after_then_acts_itself() -> None:
    text = "The Dune Patrol left the town, then Rhea Solis freed the prisoners."
    assert summary(text) == [("Release", ["Rhea Solis"], [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rhea Solis travelled to Marrow and met Deputy Trade Minister Anton Vale.",
            [("Travel", ["Rhea Solis"], []), ("Meeting", ["Rhea Solis", "Anton Vale"], [])],
        ),
        ("Rhea Solis met Anton Vale in Marrow.", [("Meeting", ["Rhea Solis", "Anton Vale"], [])]),
        # The met object is a person named after title words only, not the next speaker.
        (
            "Rhea Solis met the press in Marrow, Anton Vale said.",
            [("Meeting", ["Rhea Solis"], []), ("Statement", ["Anton Vale"], [])],
        ),
        # A plan stays a plan: "to meet and agree".
        ("Rhea Solis hopes to visit and meet Anton Vale.", []),
    ],
)
def test_meetings(text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    assert summary(text) == expected
