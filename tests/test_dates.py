"""Relative dates resolved against the article's date, at the precision the text gives."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.dates import find_dates
from pipeline.records import DatePrecision

PUBLISHED = dt.date(2009, 3, 12)  # a Thursday
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Gunmen struck on Tuesday.", dt.date(2009, 3, 10), DAY),
        ("Gunmen struck on Thursday.", dt.date(2009, 3, 12), DAY),
        ("Gunmen struck last night.", dt.date(2009, 3, 11), DAY),
        ("Gunmen struck this morning.", dt.date(2009, 3, 12), DAY),
        ("Gunmen struck three days ago.", dt.date(2009, 3, 9), DAY),
        ("Gunmen struck 10 days ago.", dt.date(2009, 3, 2), DAY),
        ("Gunmen struck eight days ago.", dt.date(2009, 3, 4), DAY),  # every number word
        ("Gunmen struck seventeen days ago.", dt.date(2009, 2, 23), DAY),  # not "seven"
        ("Gunmen struck last month.", dt.date(2009, 2, 1), MONTH),
        ("Gunmen struck in January.", dt.date(2009, 1, 1), MONTH),
        ("Gunmen struck in November.", dt.date(2008, 11, 1), MONTH),
        ("Gunmen struck on August 20.", dt.date(2008, 8, 20), DAY),
        ("Gunmen struck in 2005.", dt.date(2005, 1, 1), YEAR),
        ("Gunmen struck last year.", dt.date(2008, 1, 1), YEAR),
        ("Gunmen struck last December.", dt.date(2008, 12, 1), MONTH),
        ("Gunmen struck last March.", dt.date(2008, 3, 1), MONTH),  # not this month
        ("Gunmen struck last January.", dt.date(2009, 1, 1), MONTH),
        ("A vote is due in December.", dt.date(2009, 12, 1), MONTH),  # to come, kept
        ("A vote is scheduled for January.", dt.date(2010, 1, 1), MONTH),
    ],
)
def test_relative_dates(text: str, value: dt.date, precision: DatePrecision) -> None:
    [date] = find_dates(text, 0, PUBLISHED)
    assert (date.value, date.precision) == (value, precision)


def test_span_points_at_the_words_without_the_preposition() -> None:
    text = "Troops left Basra on Tuesday and returned three days ago."
    spans = [(d.span.text, text[d.span.start : d.span.end]) for d in find_dates(text, 0, PUBLISHED)]
    assert spans == [("Tuesday", "Tuesday"), ("three days ago", "three days ago")]
