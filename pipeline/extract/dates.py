"""Date expressions in a sentence, normalized against the article's date at the text's precision.

"On August 20" in an article of 2007-08-21 is 2007-08-20 (xsd:date); "in May 2006" is 2006-05
(xsd:gYearMonth); "in 2005" is 2005 (xsd:gYear). A date without a year takes the latest year that
does not put it after the article; a date after the article is dropped (news reports what
happened, and a future date is a plan, not an event's time), except a month the text says is
to come ("due in December"): the next such month, for what is set, like an election. Without an
article date only dates that carry their own year are kept.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.datewords import MONTHS
from pipeline.numberwords import NUMBER_ALTERNATION, NUMBER_WORDS
from pipeline.records import DatePrecision, EventDate, TextSpan

WEEKDAYS: dict[str, int] = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}


# Full names, or abbreviations with a dot ("Aug."); a bare "may"/"mar" is too often a word.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PART = r"(?:(?:early|mid|late|the\s+(?:beginning|middle|end)\s+of)[\s-]+)?"
_SEASON = r"(?:(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of\s+)"

_LEAD = re.compile(r"(?:(?:in|since|during|of|by|until|on|the)\s+)?", re.IGNORECASE)

# Order matters: the most precise form is tried first at each position.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?![\d:])"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*(?:19|20)\d\d)"),
        ("month_year", rf"\b{_PART}{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
        ("season_year", rf"\b{_SEASON}{_YEAR}\b"),
        (
            "coming_month",
            r"\b(?:due|scheduled|set|slated|expected|planned)\s+(?:to\s+(?:be\s+held|take\s+place)"
            rf"\s+)?(?:in|for|on|by)\s+(?P<at>{_PART}{_MONTH})(?!\w|\s+\d)",
        ),
        (
            "in_month",
            rf"\b(?:in|since|during|until|by|(?P<last>last))\s+{_PART}{_MONTH}(?!\w|\s+\d)",
        ),
        (
            "year",
            rf"\b(?:the|in|since|during|of|by|until|early|late|mid-?)\s+{_YEAR}\b(?![\d-])",
        ),
        ("weekday", r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        ("relative_day", r"\b(?P<rel>yesterday|today|last\s+night|tonight|this\s+morning)\b"),
        ("days_ago", rf"\b(?P<n>\d{{1,2}}|{NUMBER_ALTERNATION})\s+days\s+ago\b"),
        ("relative_month", r"\b(?P<rel>last|this|earlier\s+this)\s+month\b"),
        ("relative_year", r"\b(?P<rel>last|this|earlier\s+this)\s+year\b"),
    )
)


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _day_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_not_after(month: int, day: int, published: dt.date) -> dt.date | None:
    """The date with this month and day in the article's year, or the year before."""
    for year in (published.year, published.year - 1):
        value = _day_date(year, month, day)
        if value is not None and value <= published:
            return value
    return None


def _resolve(
    name: str, match: re.Match[str], published: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    """The date and precision one matched expression stands for, or None."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if name in ("month_day_year", "day_month_year"):
        value = _day_date(year, _month(groups["month"]), int(groups["day"]))  # type: ignore[arg-type]
        return (value, DatePrecision.DAY) if value else None
    if name in ("month_year",):
        return dt.date(year, _month(groups["month"]), 1), DatePrecision.MONTH  # type: ignore[arg-type]
    if name in ("season_year", "year"):
        return dt.date(year, 1, 1), DatePrecision.YEAR  # type: ignore[arg-type]
    if published is None:
        return None
    if name in ("month_day", "day_month"):
        value = _latest_not_after(_month(groups["month"]), int(groups["day"]), published)
        return (value, DatePrecision.DAY) if value else None
    if name in ("in_month", "coming_month"):
        month = _month(groups["month"])
        year = published.year
        if name == "coming_month":
            year += month < published.month  # "due in January" in March: next January
        elif month > published.month or (month == published.month and groups["last"]):
            year -= 1  # "in November" in March, "last March" in March: last year's
        return dt.date(year, month, 1), DatePrecision.MONTH
    if name == "weekday":
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - dt.timedelta(days=back), DatePrecision.DAY
    if name == "days_ago":
        back = NUMBER_WORDS.get(groups["n"].lower()) or int(groups["n"])
        return published - dt.timedelta(days=back), DatePrecision.DAY
    rel = " ".join(groups["rel"].lower().split())
    if name == "relative_day":
        back = 1 if rel in ("yesterday", "last night") else 0
        return published - dt.timedelta(days=back), DatePrecision.DAY
    if name == "relative_month":
        first = published.replace(day=1)
        if rel == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return first, DatePrecision.MONTH
    year = published.year - 1 if rel == "last" else published.year
    return dt.date(year, 1, 1), DatePrecision.YEAR


def find_dates(text: str, offset: int, published: dt.date | None) -> tuple[EventDate, ...]:
    """Every date expression in ``text`` (which starts at document offset ``offset``), in order.

    Overlapping expressions keep the most precise; dates after ``published`` are dropped but
    for a month said to be coming.
    """
    found: list[EventDate] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            resolved = _resolve(name, match, published)
            if resolved is None:
                continue
            taken.append((start, end))
            value, precision = resolved
            if published is not None and value > published and name != "coming_month":
                continue  # the period it names has not begun by the article's date
            if name == "coming_month":
                start = match.start("at")
            start += len(_LEAD.match(text, start).group())  # type: ignore[union-attr]
            span = TextSpan(offset + start, offset + end, text[start:end])
            found.append(EventDate(value=value, precision=precision, span=span))
    return tuple(sorted(found, key=lambda d: d.span.start))
