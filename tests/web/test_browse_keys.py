"""The browse lists' in-memory keys sort and filter as the SPARQL they replace, and a 404
suggests entities from the search index.

The orders are checked on a small real store with the awkward cases (undated and placeless
events, equal names in other cases, entities never mentioned) against SPARQL's own ORDER BY
over the same store; the suggestions against the real server on the fixture publication.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest
import requests
from pyoxigraph import RdfFormat, Store

from pipeline.web.browse_index import EVENT_SORTS, Query, in_range, load_entities, load_events
from pipeline.web.explore import select
from pipeline.web.publication import PerRelease, Publication

BASE = "http://example.org/"
DATA = f"""
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix ldpub: <https://w3id.org/ldpub/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <{BASE}> .

GRAPH <graph/entities> {{
  <id/person/b> a schema:Person ; rdfs:label "Basra man"@en .
  <id/person/a2> a schema:Person ; rdfs:label "abu Ali"@en .
  <id/person/a1> a schema:Person ; rdfs:label "Abu Ali"@en .
  <id/person/z> a schema:Person ; rdfs:label "Zaid"@en .
  <id/place/karbala> a schema:Place ; rdfs:label "Karbala"@en .
  <id/place/hilla> a schema:Place ; rdfs:label "Hilla"@en .
  <id/place/nowhere> a schema:Place .
}}
GRAPH <graph/d1> {{
  <id/article/d1> a schema:NewsArticle ; schema:datePublished "2007-01-20"^^xsd:date .
  <id/article/d1#m1> itsrdf:taIdentRef <id/person/b> .
  <id/article/d1#m2> itsrdf:taIdentRef <id/person/b> .
  <id/article/d1#m3> itsrdf:taIdentRef <id/person/a2> .
  <id/event/e1> a sem:Event , ldpub:Attack ; sem:hasTimeStamp "2007-01-19"^^xsd:date ;
      sem:hasPlace <id/place/karbala> ; sem:hasActor <id/person/b> .
  <id/event/e2> a sem:Event , ldpub:Bombing ; sem:hasPlace <id/place/hilla> .
  <id/event/e3> a sem:Event ; sem:hasTimeStamp "2007"^^xsd:gYear .
}}
GRAPH <graph/d2> {{
  <id/article/d2> a schema:NewsArticle ; schema:datePublished "2007-03-01"^^xsd:date .
  <id/article/d2#m1> itsrdf:taIdentRef <id/person/a1> .
  <id/article/d2#m2> itsrdf:taIdentRef <id/person/b> .
  <id/event/e4> a sem:Event , ldpub:Attack ; sem:hasTimeStamp "2007-03-01"^^xsd:date ;
      sem:hasPlace <id/place/nowhere> ; ldpub:hasTarget <id/person/z> .
  <id/event/e5> a sem:Event , ldpub:Attack ; sem:hasTimeStamp "2007-01-19"^^xsd:date .
}}
"""
PERSON = "http://schema.org/Person"

# The ORDER BY clauses the lists used to run, over the same keys (the oracle).
ENTITY_ORDER = {
    "name": "LCASE(STR(?label)) ?item",
    "mentions": "DESC(?mentions) LCASE(STR(?label)) ?item",
    "articles": "DESC(?articles) LCASE(STR(?label)) ?item",
}
EVENT_ORDER = {
    "date": "(!BOUND(?date)) ?date ?item",
    "-date": "(!BOUND(?date)) DESC(?date) ?item",
    "type": "?eventType ?date ?item",
    "place": "(!BOUND(?placeLabel)) ?placeLabel ?date ?item",
}


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    s.load(DATA.encode(), RdfFormat.TRIG)
    return s


@pytest.mark.parametrize("sort", ENTITY_ORDER)
def test_entity_orders_are_sparqls(store: Store, sort: str) -> None:
    expected = select(
        store,
        f"""SELECT ?item (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?g) AS ?articles)
            WHERE {{ ?item a schema:Person ; rdfs:label ?label
                     OPTIONAL {{ GRAPH ?g {{ ?m itsrdf:taIdentRef ?item }} }} }}
            GROUP BY ?item ?label ORDER BY {ENTITY_ORDER[sort]}""",
    )
    rows = load_entities(store)[PERSON].rows(Query(sort))
    assert [(r.iri, r.mentions, r.articles) for r in rows] == [
        (e["item"], int(e["mentions"]), int(e["articles"])) for e in expected
    ]


@pytest.mark.parametrize("sort", EVENT_ORDER)
def test_event_orders_are_sparqls(store: Store, sort: str) -> None:
    expected = select(
        store,
        f"""SELECT * WHERE {{ {{
              SELECT ?item (SAMPLE(?t) AS ?eventType) (MIN(STR(?d)) AS ?date)
                     (SAMPLE(?pl) AS ?placeLabel) WHERE {{
                ?item a sem:Event
                OPTIONAL {{ ?item a ?t FILTER(STRSTARTS(STR(?t), STR(ldpub:))) }}
                OPTIONAL {{ ?item sem:hasTimeStamp ?d }}
                OPTIONAL {{ ?item sem:hasPlace/rdfs:label ?pl }}
              }} GROUP BY ?item }} }} ORDER BY {EVENT_ORDER[sort]}""",
    )
    assert [e.iri for e in load_events(store).rows(Query(sort))] == [e["item"] for e in expected]


def test_dated_entity_lists_count_only_articles_in_range(store: Store) -> None:
    people = load_entities(store)[PERSON]
    march = people.rows(Query("mentions", start="2007-02"))
    assert [(r.iri[len(BASE) :], r.mentions, r.articles) for r in march] == [
        ("id/person/a1", 1, 1),
        ("id/person/b", 1, 1),
    ]
    january = people.rows(Query("name", start="2007", end="2007-01"))
    assert [(r.label, r.mentions) for r in january] == [("abu Ali", 1), ("Basra man", 2)]
    assert [r.label for r in people.rows(Query("name", q="ali"))] == ["Abu Ali", "abu Ali"]


def test_event_filters_and_facets(store: Store) -> None:
    events = load_events(store)
    iris = lambda q: [e.iri[len(BASE) :] for e in events.rows(q)]  # noqa: E731
    assert iris(Query("date", start="2007-01", end="2007-01")) == [
        "id/event/e3",  # "2007" overlaps January, and sorts before its days
        "id/event/e1",
        "id/event/e5",
    ]
    assert iris(Query("date", type="https://w3id.org/ldpub/ns#Attack", q="zaid")) == [
        "id/event/e4"  # by its target's name
    ]
    assert iris(Query("date", q="hill")) == ["id/event/e2"]  # by its place's name
    assert iris(Query("date", place=BASE + "id/place/nowhere")) == ["id/event/e4"]
    facets = events.facets
    assert facets.types[0] == ("https://w3id.org/ldpub/ns#Attack", 3)
    assert facets.years == [("2007", 4)]
    assert [label for _, label, _ in facets.places] == ["Hilla", "Karbala"]  # labelled only


def test_filters_read_by_key_give_what_checking_every_event_gives(store: Store) -> None:
    """Each type, place, participant and year index only narrows the events checked."""
    events = load_events(store)
    ldpub, ids = "https://w3id.org/ldpub/ns#", BASE + "id/"
    assert [e.iri for e in events.rows(Query("date", involving=ids + "person/b"))] == [
        ids + "event/e1"
    ]
    choices = product(
        EVENT_SORTS,
        (None, ldpub + "Attack", ldpub + "Bombing"),
        (None, ids + "place/karbala", ids + "place/nowhere"),
        (None, ids + "person/z", ids + "place/hilla", ids + "person/nobody"),
        ((None, None), ("2007", "2007-01"), ("2006", None), (None, "2006"), ("2007-03", None)),
    )
    for sort, kind, place, involving, (start, end) in choices:
        query = Query(sort, type=kind, place=place, involving=involving, start=start, end=end)
        every = [e.iri for e in events.orders[sort] if e.matches(query)]
        assert [e.iri for e in events.rows(query)] == every, query


@pytest.mark.parametrize(
    ("value", "start", "end", "inside"),
    [
        ("2007", "2007-05", None, True),
        ("2007-01-20", "2007-05", None, False),
        ("2007-05-02", "2007-05", "2007-05", True),
        ("2007-06-01", None, "2007-05", False),
        ("2006", None, "2007-05", True),
    ],
)
def test_dates_overlap_at_the_coarser_precision(
    value: str, start: str | None, end: str | None, inside: bool
) -> None:
    assert in_range(value, start, end) is inside


def test_keys_are_read_once_per_release_and_the_two_newest_kept(tmp_path: Path) -> None:
    reads: list[Store] = []
    keys = PerRelease(lambda store: reads.append(store) or len(reads))
    r1, r2, r3 = (Publication(tmp_path, Store(), {"release": r}, {}) for r in ("r1", "r2", "r3"))
    assert [keys(r1), keys(r1), keys(r2), keys(r1)] == [1, 1, 2, 1]
    assert keys(r3) == 3
    assert keys(r1) == 4 and reads[3] is r1.store  # r1 was dropped, so it is read again


def test_a_misspelled_address_suggests_its_entity(server: str) -> None:
    """ "forse" is in no label, so the label scan suggested nothing; the index finds it."""
    r = requests.get(
        server + "id/organization/qods-forse", headers={"Accept": "text/html"}, timeout=10
    )
    assert r.status_code == 404
    suggestions = r.text.split('class="suggestions"', 1)[1].split("</ul>", 1)[0]
    assert suggestions.split('href="', 2)[1].startswith("/id/organization/qods-force")
