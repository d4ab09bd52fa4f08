"""An operation launched, civilians freed, a captive seized by an armed band, a group added to
a banned list, talks ruled out ("no talks with"), and the date of a participle that tells what
befell people before the sentence's own event. The error families of militia articles
held-out 7, each written anew. Invented sentences only."""

from __future__ import annotations

from functools import partial

import pytest

from pipeline.extract.evaluate_events import date_text
from pipeline.records import EntityKind
from tests.test_events import LOC, ORG, PER, event_types, one_of_type

NAMES: dict[str, EntityKind] = {
    "Lina Haddad": PER,
    "Omar Tahir": PER,
    "Red Dune Front": ORG,
    "Interior Ministry": ORG,
    "Kidal": LOC,
    "Gao": LOC,
    "Mopti": LOC,
    "Sevare": LOC,
}


kinds = partial(event_types, names=NAMES)
one = partial(one_of_type, names=NAMES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Monday troops launched an operation in hills near Kidal.", ["MilitaryOperation"]),
        ("Police mounted an operation against smugglers near Gao.", ["MilitaryOperation"]),
        ("The surgeon said the operation in Gao lasted four hours.", []),
        ("Three teachers were freed near Mopti on Tuesday.", ["Release"]),
        ("Two engineers were released in Sevare.", ["Release"]),
        ("Red Dune Front gunmen seized her outside Gao.", ["Kidnapping"]),
        ("Police seized them outside Gao.", []),
        (
            "The Interior Ministry added the Red Dune Front, a splinter faction, to its list of "
            "banned organisations.",
            ["Designation"],
        ),
        ("The Interior Ministry added two clinics in Gao to the list of approved sites.", []),
        ("Lina Haddad said there would be no talks with the Red Dune Front.", ["Statement"]),
        ("There have been no further attacks near Kidal.", []),
        ("Omar Tahir held talks with the Red Dune Front in Gao.", ["Meeting"]),
    ],
)
def test_families_of_held_out_7(sentence: str, expected: list[str]) -> None:
    assert kinds(sentence) == expected


def test_a_participle_after_the_people_it_befell_does_not_take_the_main_verbs_date() -> None:
    text = "Three teachers abducted in Kidal were released near Gao on Tuesday."
    assert date_text(one(text, "Release")) == "2009-03-10"
    kidnapping = one(text, "Kidnapping")
    assert date_text(kidnapping) is None
    assert kidnapping.place is not None and kidnapping.place.name == "Kidal"


def test_a_days_event_told_again_joins_the_event_of_that_day() -> None:
    text = (
        "A car bomb struck a police bus in Gao on Tuesday, killing four officers. "
        "Lina Haddad said on Wednesday there would be no truce, a reference to Tuesday's attack "
        "on the bus."
    )
    assert kinds(text) == ["Bombing", "Statement"]


def test_a_place_in_a_clause_about_before_is_not_the_events() -> None:
    event = one("The army freed six fighters who had been held in Kidal prison.", "Release")
    assert event.place is None
    event = one("Troops freed six hostages near Mopti who were held by the group.", "Release")
    assert event.place is not None and event.place.name == "Mopti"


def test_seized_at_gunpoint_told_again_with_its_own_day() -> None:
    text = (
        "Two nurses abducted near Kidal were freed in Gao on Tuesday. "
        "The women had been seized at gunpoint at their clinic on Saturday evening."
    )
    kidnapping = one(text, "Kidnapping")
    assert len(kidnapping.triggers) == 2
    assert date_text(kidnapping) == "2009-03-07"
    said = text.replace(" on Saturday evening", ", police said on Saturday")
    assert date_text(one(said, "Kidnapping")) is None
