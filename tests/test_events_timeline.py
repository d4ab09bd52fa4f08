"""A timeline or a headline tells its events in the present tense ("troops storm a farm and
detain eight"); a pause in fighting is no fighting. Invented sentences only."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.test_events import LOC, ORG, PER, event_types, events

NAMES = {
    "Lena Brandt": PER,
    "Omar Tahir": PER,
    "Red Hand Brigade": ORG,
    "Harbour Guard": ORG,
    "Velmar": LOC,
    "Ostrava Bay": LOC,
}


kinds = partial(event_types, names=NAMES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "March 3 - Commandos storm a warehouse in Velmar and arrest six smugglers.",
            ["Raid", "Arrest"],
        ),
        ("Marines storm a depot and seize two officers.", ["Raid", "Capture"]),
        ("Gunmen seize a Dutch engineer at the gate of a mill.", ["Kidnapping"]),
        ("Rebels seize two soldiers near Velmar.", ["Capture"]),
        ("The tribunal jails three fishermen for ten years.", ["Detention"]),
        ("Lena Brandt meets the defence minister in Velmar.", ["Meeting"]),
        ("Omar Tahir flies to Velmar for the funeral.", ["Travel"]),
        ("The envoy arrives in Velmar with a letter.", ["Travel"]),
        ("The Red Hand Brigade announces a ceasefire.", ["Statement"]),
        ("The Harbour Guard denies any part in the shooting.", ["Statement"]),
        ("Lena Brandt blames the Harbour Guard for the fire.", ["Statement"]),
        ("Omar Tahir accuses the Red Hand Brigade of lying.", ["Statement"]),
        # Near misses: no subject named, a noun, a plan, a pause.
        ("Someone announces the winners every spring.", []),
        ("The city jails are full.", []),
        ("He hopes to meet the minister in Velmar.", []),
        ("The Red Hand Brigade was blamed for the fire.", []),
        ("The Red Hand Brigade claims responsibility for the blast.", ["Bombing"]),
    ],
)
def test_present_tense_triggers(sentence: str, expected: list[str]) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Red Hand Brigade says it is suspending operations against the navy.",
        "The Harbour Guard halts attacks on the port for the holiday.",
        "Both sides agreed to cease all raids before the talks.",
        "The army stopped its offensive against the rebels in May.",
    ],
)
def test_a_pause_in_fighting_is_no_fighting(sentence: str) -> None:
    assert [k for k in kinds(sentence) if k != "Statement"] == []


def test_dated_timeline_lines_keep_their_days() -> None:
    found = events(
        "March 2 - The Red Hand Brigade announces a truce. "
        "March 5 - Gunmen seize a Dutch engineer in Velmar. "
        "March 6 - The Red Hand Brigade denies any part in the kidnapping.",
        NAMES,
    )
    summary = [(e.type, e.date.value if e.date else None) for e in found]
    assert summary == [
        ("Statement", dt.date(2009, 3, 2)),
        ("Kidnapping", dt.date(2009, 3, 5)),
        ("Statement", dt.date(2009, 3, 6)),
    ]
