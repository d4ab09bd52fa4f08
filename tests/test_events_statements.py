"""Statements: one per speaker and occasion, the speaker of an apposition, the statement's own
date. Invented sentences only."""

from __future__ import annotations

import datetime as dt

from pipeline.records import Event
from tests.test_events import ORG, PER, events

NAMES = {
    "Lena Berg": PER,
    "Berg": PER,
    "Omar al-Hadi": PER,
    "Hadi": PER,
    "Ivo Marin": PER,
    "Nasr Brigades": ORG,
    "Fajr Front": ORG,
}


def statements(text: str) -> list[Event]:
    found = events(text, NAMES)
    return [e for e in found if e.type == "Statement"]


def speakers(found: list[Event]) -> list[list[str]]:
    return [[m.name for m in e.actors] for e in found]


def test_what_one_speaker_says_in_an_article_is_one_statement() -> None:
    found = statements(
        "Lena Berg said the talks had failed. The talks lasted two days, Berg said. "
        "She said the next round would be in May."
    )
    assert [len(e.triggers) for e in found] == [3]
    assert speakers(found) == [["Lena Berg"]]


def test_a_short_form_without_its_article_is_the_same_speaker() -> None:
    found = statements("Omar al-Hadi said the road was closed. Al-Hadi said it would reopen.")
    assert [len(e.triggers) for e in found] == [2]


def test_two_speakers_are_never_one_statement() -> None:
    found = statements(
        "Lena Berg said the road was closed. Ivo Marin said it was open. "
        "The Nasr Brigades said the road was theirs. Berg said the group was lying."
    )
    assert speakers(found) == [["Lena Berg"], ["Ivo Marin"], ["Nasr Brigades"]]
    assert len(found[0].triggers) == 2


def test_statements_on_different_days_stay_apart() -> None:
    found = statements(
        "Lena Berg said on Monday the road was closed. Berg said on Tuesday it was open."
    )
    assert len(found) == 2


def test_the_person_in_apposition_speaks_for_the_group() -> None:
    found = statements(
        "The claims are false, Omar al-Hadi, a spokesman for the Nasr Brigades, said."
    )
    assert speakers(found) == [["Omar al-Hadi"]]


def test_a_statement_is_dated_by_its_verb_not_by_what_it_reports() -> None:
    found = statements("Lena Berg said on Tuesday that the men arrested in January were farmers.")
    assert found[0].date is not None and found[0].date.value == dt.date(2009, 3, 10)
    found = statements("Lena Berg said the men arrested in January were farmers.")
    assert found[0].date is None
    found = statements("Lena Berg said he met the envoy in Beirut in 2007.")
    assert found[0].date is None


def test_a_pronoun_is_the_subject_of_the_sentence_before() -> None:
    found = statements(
        "The Nasr Brigades, which split from the Fajr Front in 2005, blamed the army. "
        "It said the army lied."
    )
    assert speakers(found) == [["Nasr Brigades"]]
