"""Vessels seized, sanctions designations, a group formed, a release told in the passive and a
strike told by what it destroyed; dates and places an event takes from an occasion told before
("at the graveside", "hours after the funeral"), from its own clause, or from a month to come.
The error families of militia articles held-out 5, each written anew. Invented sentences only."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import pytest

from pipeline.extract import extract_events
from pipeline.extract.evaluate_events import date_text
from pipeline.records import EntityKind, Segment, SegmentKind
from tests.test_events import LOC, ORG, PER, analyzed, event_types, events, one_of_type

NAMES: dict[str, EntityKind] = {
    "Ivo Marin": PER,
    "Sami Dagher": PER,
    "Nasr Brigades": ORG,
    "Coast Guard": ORG,
    "Treasury Department": ORG,
    "Tyre": LOC,
    "Sidon": LOC,
    "Qana": LOC,
    "Lebanon": LOC,
}


kinds = partial(event_types, names=NAMES)
one = partial(one_of_type, names=NAMES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Coast Guard seized a Panamanian cargo ship off Tyre on Friday.", ["Capture"]),
        ("The navy seized the trawler and its crew near Sidon.", ["Capture"]),
        ("Months after the Coast Guard had seized it, the tanker sailed home.", ["Capture"]),
        ("Customs officers seized a boat carrying cocaine near Sidon.", []),
        ("The Treasury Department designated two Sidon trading firms on Monday.", ["Designation"]),
        ("The mayor designated a new parking area in Tyre.", []),
        ("It said the Nasr Brigades, a militia founded in 2001, had grown.", ["Formation"]),
        ("Ivo Marin said the two were released on Monday.", ["Statement", "Release"]),
        ("The report was released on Monday.", []),
        (
            "The army has carried out dozens of strikes, among them one that destroyed a Nasr "
            "Brigades depot near Qana.",
            ["Attack"],
        ),
        ("Floods destroyed a bridge near Qana.", []),
    ],
)
def test_more_ways_to_tell_a_type(sentence: str, expected: list[str]) -> None:
    assert kinds(sentence) == expected


def test_the_group_formed_is_the_target() -> None:
    formation = one("It said the Nasr Brigades, a militia founded in 2001, had grown.", "Formation")
    assert [m.name for m in formation.targets] == ["Nasr Brigades"] and not formation.actors
    assert date_text(formation) == "2001"


def test_a_description_someone_gives_is_no_statement() -> None:
    text = "The Treasury Department named two firms that it said had sold arms to the militia."
    assert "Statement" not in kinds(text)


def test_at_the_graveside_takes_the_funeral_day_and_place() -> None:
    found = events(
        "Hundreds attended the funeral in Qana on Tuesday. In a speech at the graveside, "
        "Ivo Marin said the fight would go on. Hours after the funeral, Nasr Brigades "
        "fighters pulled out of a base in Sidon.",
        NAMES,
    )
    by_type = {e.type: e for e in found}
    for kind in ("Speech", "Statement", "Withdrawal"):
        assert date_text(by_type[kind]) == "2009-03-10", kind
    assert by_type["Speech"].place is not None and by_type["Speech"].place.name == "Qana"
    assert by_type["Withdrawal"].place is not None and by_type["Withdrawal"].place.name == "Sidon"


def test_without_an_occasion_told_before_no_date_is_borrowed() -> None:
    found = events("In a speech at the graveside, Ivo Marin said the fight would go on.", NAMES)
    assert all(e.date is None and e.place is None for e in found)


def test_each_verb_takes_the_date_of_its_own_clause() -> None:
    meeting = one(
        "Ivo Marin flew to Tyre on Monday night and met the Nasr Brigades on Tuesday.", "Meeting"
    )
    assert date_text(meeting) == "2009-03-10"


def test_a_date_before_after_is_the_main_clause_s() -> None:
    found = events(
        "Last year the Nasr Brigades freed 20 sailors, months after it had seized their ship.",
        NAMES,
    )
    assert [(e.type, date_text(e)) for e in found] == [("Release", "2008"), ("Capture", None)]


def test_hours_after_keeps_the_day() -> None:
    bombing = one(
        "Troops raided a farm near Tyre on Tuesday, hours after a car bomb killed six in Sidon.",
        "Bombing",
    )
    assert date_text(bombing) == "2009-03-10"


def test_a_period_s_bound_is_no_date_and_an_election_to_come_is_dated() -> None:
    election = one("Local elections, the first in Tyre since 2004, are due in October.", "Election")
    assert date_text(election) == "2009-10"
    talks = one("Ivo Marin met the Nasr Brigades, and talks are due in October.", "Meeting")
    assert talks.date is None  # no meeting of October yet


def test_last_december_strike() -> None:
    attack = one("A drone strike last December destroyed a depot near Qana.", "Attack")
    assert date_text(attack) == "2008-12"


def test_the_body_names_the_place_the_headline_only_sums_up() -> None:
    headline = "Coast Guard seizes tanker off Lebanon."
    text = f"{headline}\n\nThe Coast Guard seized a tanker near Tyre on Monday."
    doc = analyzed(text, NAMES, published=dt.date(2009, 3, 12))
    title = Segment(SegmentKind.TITLE, 0, len(headline), headline)
    body = Segment(SegmentKind.BODY, len(headline) + 2, len(text), text[len(headline) + 2 :])
    [capture] = extract_events(replace(doc, segments=(title, body)))
    assert capture.type == "Capture" and len(capture.triggers) == 2
    assert capture.place is not None and capture.place.name == "Tyre"
