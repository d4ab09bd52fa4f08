"""Pages of hub entities: named in more events, sentences and relations than a page shows.

The fixture is generated: one town where more events happen than a timeline shows, more
organizations located in it than the relations table lists, and more sentences about it than
the Sources section quotes. Each cut page must show the latest or first items, say that it is
cut, and link to where all of them are: the events list filtered to the entity, or a SPARQL
query. Counts are checked against the real SPARQL endpoint with SPARQLWrapper.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from pipeline.namespaces import SPARQL_PROLOGUE
from pipeline.web.describe import RELATIONS_SHOWN, SOURCES_SHOWN
from pipeline.web.explore_entity import TIMELINE_EVENTS
from tests.web.fixture_publication import BASE, HEAD, write_release
from tests.web.live_server import live_server

EVENTS = TIMELINE_EVENTS + 30  # more than a timeline shows, and more sentences than Sources
LOCATED = RELATIONS_SHOWN + 10
TOWN = f"{BASE}id/place/bigtown"


def _hub_trig() -> str:
    """One article with a sentence per event, each event at the town with a generated date;
    many organizations located in the town, one statement each."""
    lines = [HEAD, "<graph/entities> {"]
    lines.append('<id/place/bigtown> a schema:Place ; rdfs:label "Bigtown"@en .')
    lines.append('<id/person/ana-x> a schema:Person ; rdfs:label "Ana X"@en .')
    for i in range(LOCATED):
        lines.append(f'<id/organization/o{i}> a schema:Organization ; rdfs:label "Org {i}"@en .')
    lines += ["}", "<graph/hub> {"]
    ctx = "<id/article/hub#char=0,99999>"
    lines.append('<id/article/hub> a schema:NewsArticle ; schema:headline "Hub"@en .')
    lines.append(f"{ctx} a nif:Context ; nif:sourceUrl <id/article/hub> .")
    start = date(2001, 1, 1)
    for i in range(EVENTS):
        sentence = f"<id/article/hub#char={i * 100},{i * 100 + 40}>"
        day = (start + timedelta(days=7 * i)).isoformat()
        lines.append(
            f'{sentence} a nif:Sentence ; nif:anchorOf "Event {i} happened in Bigtown." ; '
            f'nif:beginIndex "{i * 100}"^^xsd:nonNegativeInteger ; nif:referenceContext {ctx} .'
        )
        lines.append(
            f"<id/article/hub#char={i * 100 + 20},{i * 100 + 27}> a nif:Phrase ; "
            f"nif:sentence {sentence} ; itsrdf:taIdentRef <id/place/bigtown> ."
        )
        actor = " sem:hasActor <id/person/ana-x> ;" if i % 2 else ""
        lines.append(
            f"<id/event/hub-{i}> a sem:Event , ldpub:Attack ; sem:hasPlace <id/place/bigtown> ;"
            f'{actor} sem:hasTimeStamp "{day}"^^xsd:date ; prov:wasDerivedFrom {sentence} .'
        )
    for i in range(LOCATED):
        lines.append(f"<id/organization/o{i}> ldpub:locatedIn <id/place/bigtown> .")
        lines.append(
            f"<id/article/hub/statement/s{i}> a rdf:Statement ; rdf:subject "
            f"<id/organization/o{i}> ; rdf:predicate ldpub:locatedIn ; rdf:object "
            f"<id/place/bigtown> ; prov:wasDerivedFrom <id/article/hub#char=0,40> ."
        )
    lines.append("}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hub") / "dist"
    folder.mkdir()
    write_release(folder, "r1", trig=_hub_trig())
    log: Path = tmp_path_factory.mktemp("hub-log") / "server.log"
    with live_server(folder, log, base_uri=BASE) as url:
        yield url


def _select(url: str, query: str) -> list[dict[str, str]]:
    client = SPARQLWrapper(url + "sparql")
    client.setQuery(SPARQL_PROLOGUE + query)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    return [{k: v["value"] for k, v in r.items()} for r in rows]


def _section(page: str, start: str, end: str = "</section>") -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


@pytest.fixture(scope="module")
def town_page(hub: str) -> str:
    response = requests.get(hub + "id/place/bigtown", headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code == 200
    return response.text


def test_timeline_shows_the_latest_events_and_links_to_all(hub: str, town_page: str) -> None:
    rows = _select(hub, f"SELECT ?e ?d WHERE {{ ?e sem:hasPlace <{TOWN}> ; sem:hasTimeStamp ?d }}")
    assert len(rows) == EVENTS
    latest = sorted((r["d"] for r in rows), reverse=True)[:TIMELINE_EVENTS]
    timeline = _section(town_page, '<section class="timeline"')
    shown = re.findall(r'<td class="date">([^<]+)</td>', timeline)
    assert shown == sorted(latest)
    assert f"The latest {TIMELINE_EVENTS} of {EVENTS} events" in timeline
    link = html.unescape(re.search(r'class="all-events" href="([^"]+)"', timeline)[1])
    listed = requests.get(
        hub + link.lstrip("/"), headers={"Accept": "application/json"}, timeout=30
    )
    assert listed.status_code == 200
    body = listed.json()
    assert body["total"] == EVENTS
    assert body["filters"] == {"involving": "place/bigtown"}
    assert [e["date"] for e in body["items"]] == sorted(latest, reverse=True)[: len(body["items"])]


def test_events_involving_a_person_match_sparql(hub: str) -> None:
    expected = _select(hub, f"SELECT ?e WHERE {{ ?e sem:hasActor <{BASE}id/person/ana-x> }}")
    body = requests.get(
        hub + "events.json", params={"involving": "person/ana-x", "per_page": 500}, timeout=30
    ).json()
    assert body["total"] == len(expected) == EVENTS // 2
    assert {e["iri"] for e in body["items"]} == {r["e"] for r in expected}
    page = requests.get(hub + "events", params={"involving": "person/ana-x"}, timeout=30).text
    assert 'Only the events <a href="/id/person/ana-x">Ana X</a> takes part in' in page


@pytest.mark.parametrize("value", ["ana-x", "person/ana x", "../etc/passwd"])
def test_a_bad_involving_value_is_refused_with_the_fix(hub: str, value: str) -> None:
    response = requests.get(hub + "events.json", params={"involving": value}, timeout=30)
    assert response.status_code == 400
    assert "person/qais-khazali" in response.json()["error"]["detail"]


def test_sources_quote_a_page_and_link_a_query_for_all(hub: str, town_page: str) -> None:
    sources = town_page.split("<h2>Sources</h2>", 1)[1]
    assert sources.count('<blockquote class="source"') == SOURCES_SHOWN
    link = html.unescape(re.search(r'class="all-quotes" href="([^"]+)"', sources)[1])
    answer = requests.get(
        hub + link.lstrip("/"), headers={"Accept": "application/sparql-results+json"}, timeout=30
    )
    assert answer.status_code == 200
    quoted = {b["sentence"]["value"] for b in answer.json()["results"]["bindings"]}
    mentioned = _select(
        hub, f"SELECT DISTINCT ?s WHERE {{ ?m itsrdf:taIdentRef <{TOWN}> ; nif:sentence ?s }}"
    )
    assert quoted == {r["s"] for r in mentioned}
    assert len(quoted) == EVENTS


def test_relations_table_is_cut_and_says_so(town_page: str) -> None:
    table = _section(town_page, '<table class="relations">', "</table>")
    assert table.count('<tr class="incoming">') == RELATIONS_SHOWN
    assert "more relations or sources than a page shows" in town_page


def test_a_small_entity_page_is_not_cut(hub: str) -> None:
    page = requests.get(hub + "id/organization/o1", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200
    assert 'class="cut"' not in page.text
    assert "Every sentence that mentions Org 1" in page.text
