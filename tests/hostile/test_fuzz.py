"""Fuzzing with hypothesis, each a bounded number of examples: the segmenter and the date
normalizer never fail and keep their invariants; the query route never answers 500."""

from __future__ import annotations

import datetime as dt
import os

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import find_dates
from pipeline.records import DatePrecision, SegmentKind
from pipeline.segment import segment_text
from tests.hostile.conftest import assert_error

# Examples per test: small in the suite; LDPUB_FUZZ_EXAMPLES=5000 for a long hunt.
EXAMPLES = int(os.environ.get("LDPUB_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news pages: the segmenter's cues (bylines, comment headers, bullets, dates, tags)
# mixed with words, so examples reach its rules rather than only its "plain text" path.
_PAGE_PIECES = [
    "\n",
    "\n\n",
    "  ",
    "\t",
    "• ",
    "* ",
    "- ",
    "By Jane Doe",
    "Jane Doe says:",
    "Bob wrote:",
    "September 7, 2018 at 5:59 pm",
    "2018-09-07",
    "08/21/2007",
    "Tags: Iraq, Iran",
    "Editor's note:",
    "Share this",
    "17 Comments",
    "[AP Photo]",
    "(left)",
    "click to enlarge",
    "Jane Doe is a Senior Fellow at the Institute.",
    "Hezbollah",
    "the army said.",
    "Mr.",
    "This photo shows",
    ":",
    ",",
    ".",
    "é",
    "\u200b",
    "\u2028",
    "\x0c",
]
page_text = (
    st.lists(st.one_of(st.sampled_from(_PAGE_PIECES), st.text(max_size=20)), max_size=60)
    .map("".join)
    .map(lambda t: t.replace("\r", "\n"))
)  # Document.text has LF newlines only


@FUZZ
@given(page_text)
def test_segmenter_never_fails_and_keeps_its_invariants(text: str) -> None:
    segments = segment_text(text)
    end = 0
    for s in segments:
        assert end <= s.start < s.end <= len(text), (s, end)  # in order, non-overlapping
        end = s.end
        if s.kind is not SegmentKind.COMMENT:  # a comment's text leaves out its date line
            assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    if text.strip():
        assert segments and segments[0].kind is SegmentKind.TITLE


_DATE_PIECES = [
    " ",
    ", ",
    "in ",
    "on ",
    "the ",
    "of ",
    "since ",
    "early ",
    "mid-",
    "late ",
    "summer of ",
    "January",
    "February",
    "May",
    "Aug.",
    "Sept.",
    "December",
    "1st",
    "2nd",
    "31",
    "30",
    "29",
    "0",
    "00",
    "1999",
    "2007",
    "2099",
    "1900",
    "Monday",
    "Sunday",
    "yesterday",
    "today",
    "last month",
    "this year",
    "earlier this month",
    "-",
    "\n",
]
date_text = st.lists(
    st.one_of(st.sampled_from(_DATE_PIECES), st.integers(0, 3100).map(str), st.text(max_size=5)),
    max_size=30,
).map("".join)
published = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


@FUZZ
@given(date_text, st.integers(0, 10_000), published)
def test_date_normalizer_never_fails_and_keeps_its_invariants(
    text: str, offset: int, published: dt.date | None
) -> None:
    dates = find_dates(text, offset, published)
    end = offset
    for d in dates:
        span = d.span
        assert end <= span.start < span.end <= offset + len(text)  # ordered, non-overlapping
        end = span.end
        assert text[span.start - offset : span.end - offset] == span.text
        if published is not None:
            assert d.value <= published  # nothing after the article
        if d.precision is DatePrecision.MONTH:
            assert d.value.day == 1
        if d.precision is DatePrecision.YEAR:
            assert (d.value.month, d.value.day) == (1, 1)


SEEDS = [
    "SELECT ?s WHERE { ?s a schema:Person } LIMIT 3",
    'ASK { ?s rdfs:label ?l FILTER(CONTAINS(?l, "Qods")) }',
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 2",
    "DESCRIBE <https://news.example/ldpub/id/place/karbala>",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
]
_TOKENS = [
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    '"',
    "'",
    "?",
    "$",
    "#",
    "\\",
    ".",
    ";",
    ",",
    "*",
    "SERVICE",
    "INSERT",
    "LOAD",
    "FILTER",
    "OPTIONAL",
    "UNION",
    "GRAPH",
    "BIND",
    "VALUES",
    "<file:///etc/passwd>",
    "<http://127.0.0.1/>",
    "\\u0053",
    "\x00",
    "\n",
    "é",
    "𝔘",
]


@st.composite
def mutated_query(draw: st.DrawFn) -> str:
    """A real query with a few characters or tokens inserted, deleted or replaced."""
    query = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(query)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=3)))
        cut = draw(st.integers(1, 5))
        if action == "insert":
            query = query[:at] + piece + query[at:]
        elif action == "delete":
            query = query[:at] + query[at + cut :]
        else:
            query = query[:at] + piece + query[at + cut :]
    return query


DOCUMENTED = {200, 400, 403, 406, 413, 414, 503}


@settings(max_examples=max(EXAMPLES // 2, 1), deadline=None)
@given(
    st.one_of(mutated_query(), st.text(max_size=200)), st.sampled_from(["GET", "form", "direct"])
)
def test_query_route_never_answers_500(hostile_server: str, query: str, route: str) -> None:
    url = hostile_server + "sparql"
    accept = {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}
    if route == "GET":
        r = requests.get(url, params={"query": query}, headers=accept, timeout=30)
    elif route == "form":
        r = requests.post(url, data={"query": query}, headers=accept, timeout=30)
    else:
        headers = {**accept, "Content-Type": "application/sparql-query"}
        r = requests.post(
            url, data=query.encode("utf-8", "surrogatepass"), headers=headers, timeout=30
        )
    assert r.status_code in DOCUMENTED, (r.status_code, r.text[:300])
    if r.status_code != 200:
        assert_error(r, r.status_code)
