"""Search, browse lists, entity network and timeline, event and place pages, query answers as
pages: over HTTP against the real server on the fixture publication.

Expected values come from the server's own SPARQL endpoint, not from the fixture's text.
"""

from __future__ import annotations

import html
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from pyoxigraph import QuerySolutions, RdfFormat, Store, serialize
from rdflib import Graph
from rdflib.compare import isomorphic

from pipeline.namespaces import RELATIONS, SPARQL_PROLOGUE
from pipeline.web import network
from pipeline.web.examples import EXAMPLES
from tests.web.fixture_publication import BASE, TRIG, write_release
from tests.web.live_server import live_server

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def store(dist: Path) -> Store:
    """The fixture publication's store, read beside the server, for the expected values."""
    return Store.read_only(str(dist / "store"))


def sparql(store: Store, query: str) -> list[dict[str, str]]:
    result = store.query(SPARQL_PROLOGUE + query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def graph_of(store: Store, query: str) -> Graph:
    triples = store.query(SPARQL_PROLOGUE + query, use_default_graph_as_union=True)
    return Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def local(iri: str) -> str:
    return "/" + iri[len(BASE) :]


def get_json(server: str, path: str, status: int = 200) -> dict:
    r = requests.get(server + path.lstrip("/"), headers=JSON, timeout=10)
    assert r.status_code == status, r.text
    return r.json()


def variant(name: str) -> str:
    """Another way to write a name: upper case, an accent, the article spelled differently,
    two letters swapped in its longest word."""
    name = re.sub(r"\bal[- ]", lambda m: "Al-" if m.group(0).endswith(" ") else "al ", name)
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[longest]
    if len(w) >= 5:
        words[longest] = w[:2] + w[3] + w[2] + w[4:]
    return " ".join(words).upper().replace("A", "Á", 1)


# --- search ---------------------------------------------------------------------------------


def test_every_alias_written_differently_finds_its_entity(server: str, store: Store) -> None:
    names = sparql(
        store,
        """SELECT ?e ?name WHERE {
             ?e a ?c ; rdfs:label|skos:altLabel ?name .
             VALUES ?c { schema:Person schema:Organization schema:Place } }""",
    )
    assert len(names) >= 5
    for row in names:
        hits = get_json(server, "/search.json?q=" + requests.utils.quote(variant(row["name"])))
        assert hits["results"], (row, variant(row["name"]))
        assert hits["results"][0]["iri"] == row["e"], (row, variant(row["name"]), hits)
        assert hits["results"][0]["url"] == local(row["e"])


def test_search_names_the_alias_that_matched(server: str, store: Store) -> None:
    alias = sparql(
        store,
        "SELECT ?e ?label ?alt WHERE { ?e rdfs:label ?label ; skos:altLabel ?alt } LIMIT 1",
    )[0]
    first = get_json(server, "/search.json?q=" + requests.utils.quote(alias["alt"]))["results"][0]
    assert (first["iri"], first["label"], first["matched"]) == (
        alias["e"],
        alias["label"],
        alias["alt"],
    )
    assert first["score"] == 100


def test_search_page_and_json_twin_by_accept(server: str) -> None:
    page = requests.get(server + "search?q=khazali", headers=HTML, timeout=10)
    assert page.headers["Content-Type"].startswith("text/html")
    assert 'href="/id/person/qais-khazali"' in page.text
    assert '<link rel="alternate" type="application/json" href="/search.json?q=khazali">' in (
        page.text
    )
    by_accept = requests.get(server + "search?q=khazali", headers=JSON, timeout=10)
    assert by_accept.json() == get_json(server, "/search.json?q=khazali")
    assert get_json(server, "/search.json?q=zzzzqqq")["results"] == []
    assert get_json(server, "/search.json?q=")["results"] == []


def test_search_refuses_long_text_and_bad_limits(server: str) -> None:
    error = get_json(server, "/search.json?q=" + "a" * 201, status=400)["error"]
    assert error["status"] == 400 and "200 characters" in error["detail"]
    assert "limit" in get_json(server, "/search.json?q=x&limit=0", status=400)["error"]["detail"]


def test_search_text_is_escaped(server: str) -> None:
    evil = '<script>alert("x")</script>'
    page = requests.get(server + "search", params={"q": evil}, headers=HTML, timeout=10).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_the_index_follows_a_new_release(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    write_release(dist, "r1")
    with live_server(dist, tmp_path / "log") as url:
        assert get_json(url, "/search.json?q=Zainab Testperson")["results"] == []
        added = TRIG.replace(
            "<id/place/karbala> a schema:Place ;",
            '<id/person/zainab> a schema:Person ; rdfs:label "Zainab Testperson"@en .\n'
            "  <id/place/karbala> a schema:Place ;",
        )
        write_release(dist, "r2", trig=added)
        for _ in range(50):  # the server re-reads `current` at most once a second
            found = get_json(url, "/search.json?q=Zainab Testperson")
            if found["release"] == "r2":
                break
            time.sleep(0.2)
        assert found["release"] == "r2"
        assert [h["iri"] for h in found["results"]] == [BASE + "id/person/zainab"]


# --- browse ---------------------------------------------------------------------------------

KIND_CLASSES = {
    "people": "schema:Person",
    "organizations": "schema:Organization",
    "places": "schema:Place",
    "events": "sem:Event",
}


@pytest.mark.parametrize(("kind", "cls"), KIND_CLASSES.items())
def test_lists_count_and_page_through_everything(
    server: str, store: Store, kind: str, cls: str
) -> None:
    expected = {r["e"] for r in sparql(store, f"SELECT DISTINCT ?e WHERE {{ ?e a {cls} }}")}
    first = get_json(server, f"/{kind}.json?per_page=1")
    assert first["total"] == len(expected) and first["pages"] == len(expected)
    seen = [first["items"][0]["iri"]]
    link = first["next"]
    while link:
        assert link.startswith(f"/{kind}.json?")
        page = get_json(server, link)
        assert len(page["items"]) == 1
        seen.append(page["items"][0]["iri"])
        link = page["next"]
    assert sorted(seen) == sorted(expected)
    beyond = get_json(server, f"/{kind}.json?per_page=1&page={len(expected) + 1}", status=400)
    assert "page parameter" in beyond["error"]["detail"]


def test_entity_counts_and_sorting(server: str, store: Store) -> None:
    mentions = {
        r["e"]: int(r["n"])
        for r in sparql(
            store,
            """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {
                 ?e a schema:Organization . OPTIONAL { ?m itsrdf:taIdentRef ?e } } GROUP BY ?e""",
        )
    }
    listed = get_json(server, "/organizations.json?sort=mentions")["items"]
    assert {i["iri"]: i["mentions"] for i in listed} == mentions
    assert [i["mentions"] for i in listed] == sorted(mentions.values(), reverse=True)
    by_name = get_json(server, "/organizations.json?sort=name")["items"]
    assert [i["label"] for i in by_name] == sorted((i["label"] for i in by_name), key=str.lower)
    assert (
        "sort parameter" in get_json(server, "/people.json?sort=x", status=400)["error"]["detail"]
    )


def test_events_filtered_by_year_type_and_place(server: str, store: Store) -> None:
    events = sparql(
        store,
        """SELECT ?e ?d ?type ?place WHERE { ?e a sem:Event , ?type ; sem:hasTimeStamp ?d ;
             sem:hasPlace ?place FILTER(STRSTARTS(STR(?type), STR(ldpub:))) }""",
    )
    assert events
    year = events[0]["d"][:4]
    in_year = get_json(server, f"/events.json?year={year}")
    assert {i["iri"] for i in in_year["items"]} == {r["e"] for r in events if r["d"][:4] == year}
    assert all(i["date"].startswith(year) for i in in_year["items"])
    assert in_year["filters"] == {"from": year, "to": year}
    assert get_json(server, f"/events.json?year={int(year) - 1}")["total"] == 0
    assert get_json(server, f"/events.json?from={int(year) + 1}")["total"] == 0
    assert get_json(server, f"/events.json?from={year}-01&to={year}-12")["total"] >= 1
    kind = events[0]["type"].rsplit("#", 1)[-1]
    place = events[0]["place"].rsplit("/", 1)[-1]
    both = get_json(server, f"/events.json?type={kind}&place={place}")
    assert events[0]["e"] in {i["iri"] for i in both["items"]}
    assert both["items"][0]["place"] == events[0]["place"]
    other = next(t for t in ("Bombing", "Meeting") if t != kind)
    assert get_json(server, f"/events.json?type={other}&place={place}")["total"] == 0


@pytest.mark.parametrize(
    ("query", "word"),
    [("type=Picnic", "type"), ("year=07", "year"), ("from=2007-1", "from"), ("place=a/b", "place")],
)
def test_bad_filters_are_refused_with_what_to_do(server: str, query: str, word: str) -> None:
    error = get_json(server, "/events.json?" + query, status=400)["error"]
    assert error["status"] == 400 and f"The {word} parameter" in error["detail"]


def test_rdf_twin_is_the_listed_items_description(server: str, store: Store) -> None:
    year = sparql(store, "SELECT ?d WHERE { ?e a sem:Event ; sem:hasTimeStamp ?d } LIMIT 1")[0]
    y = year["d"][:4]
    r = requests.get(server + f"events.ttl?year={y}", timeout=10)
    assert r.headers["Content-Type"].startswith("text/turtle")
    expected = graph_of(
        store,
        f"""CONSTRUCT {{ ?e ?p ?o }} WHERE {{ ?e a sem:Event ; sem:hasTimeStamp ?d ; ?p ?o
              FILTER(STRSTARTS(STR(?d), "{y}")) }}""",
    )
    assert len(expected) > 0
    assert isomorphic(Graph().parse(data=r.text, format="turtle"), expected)
    jsonld = requests.get(
        server + "events", params={"year": y}, headers={"Accept": "application/ld+json"}, timeout=10
    )
    assert isomorphic(Graph().parse(data=jsonld.text, format="json-ld"), expected)


def test_list_pages_link_their_twins_with_the_filters(server: str) -> None:
    r = requests.get(server + "events?year=2007&sort=-date", headers=HTML, timeout=10)
    assert r.headers["Vary"] == "Accept"
    for suffix in (".json", ".ttl", ".jsonld", ".nt", ".rdf"):
        twin = f"/events{suffix}?year=2007&amp;sort=-date"
        assert f'class="twin" href="{twin}"' in r.text
        assert f"</events{suffix}?year=2007&sort=-date>" in r.headers["Link"]
    assert (
        requests.get(server + "people", headers={"Accept": "image/png"}, timeout=10).status_code
        == 406
    )
    missing = requests.get(server + "people.xml", headers=JSON, timeout=10)
    assert missing.status_code == 404 and ".json" in missing.json()["error"]["detail"]


def test_filter_values_are_escaped_in_the_form(server: str) -> None:
    evil = '"><img src=x onerror=alert(1)>'
    page = requests.get(server + "people", params={"q": evil}, headers=HTML, timeout=10).text
    assert "<img src=x" not in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


# --- entity, event and place pages ---------------------------------------------------------


class _Svg(HTMLParser):
    """The network picture's node links and its title and description."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self.svg = 0
        self.text: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "svg" and "network" in (a.get("class") or ""):
            self.svg += 1
        if tag == "a" and "node" in (a.get("class") or "").split():
            self.nodes.append(a["href"])
        if tag in ("title", "desc") and a.get("id", "").startswith("network-"):
            self._in = tag

    def handle_data(self, data: str) -> None:
        if self._in:
            self.text[self._in] = self.text.get(self._in, "") + data

    def handle_endtag(self, tag: str) -> None:
        self._in = None if tag == self._in else self._in


def test_entity_page_draws_every_relation_both_ways(server: str, store: Store) -> None:
    values = " ".join(f"ldpub:{r}" for r in RELATIONS)
    rows = sparql(
        store,
        f"""SELECT DISTINCT ?e ?other WHERE {{ VALUES ?p {{ {values} }}
              {{ ?e ?p ?other }} UNION {{ ?other ?p ?e }} }}""",
    )
    assert rows
    for e in {r["e"] for r in rows}:
        related = {r["other"] for r in rows if r["e"] == e}
        svg = _Svg()
        svg.feed(requests.get(server + local(e).lstrip("/"), headers=HTML, timeout=10).text)
        assert svg.svg == 1
        # the centre, its related entities, and those it shares events with
        assert {local(o) for o in related} | {local(e)} <= set(svg.nodes)
        assert svg.text["title"].startswith("Relations of ")
        assert svg.text["desc"].endswith(".")


def test_timeline_lists_the_events_with_their_quotes(server: str, store: Store) -> None:
    rows = sparql(
        store,
        """SELECT ?who ?e ?quote WHERE { ?e sem:hasActor|sem:hasPlace ?who ;
             prov:wasDerivedFrom/nif:anchorOf ?quote }""",
    )
    assert rows
    for row in rows:
        page = requests.get(server + local(row["who"]).lstrip("/"), headers=HTML, timeout=10).text
        timeline = page.split('<table class="events timeline">', 1)[1].split("</table>", 1)[0]
        assert f'href="{local(row["e"])}"' in timeline
        assert f"“{row['quote']}”" in timeline
        assert '<details class="claim">' in timeline


def test_event_page_shows_what_happened(server: str, store: Store) -> None:
    event = sparql(
        store,
        """SELECT ?e ?d ?placeLabel ?actorLabel ?killed ?quote WHERE {
             ?e a sem:Event ; sem:hasTimeStamp ?d ; sem:hasPlace/rdfs:label ?placeLabel ;
                sem:hasActor/rdfs:label ?actorLabel ; ldpub:killedCount ?killed ;
                prov:wasDerivedFrom/nif:anchorOf ?quote } LIMIT 1""",
    )[0]
    page = requests.get(server + local(event["e"]).lstrip("/"), headers=HTML, timeout=10).text
    card = page.split('<section class="event-card"', 1)[1].split("</section>", 1)[0]
    for value in (event["d"], event["placeLabel"], event["actorLabel"], event["quote"]):
        assert value in card
    assert f'<dt>killed</dt><dd class="num">{event["killed"]}</dd>' in card


def test_place_page_lists_the_events_there_by_date(server: str, store: Store) -> None:
    rows = sparql(
        store,
        "SELECT ?place ?e ?d WHERE { ?e sem:hasPlace ?place OPTIONAL { ?e sem:hasTimeStamp ?d } }",
    )
    place = rows[0]["place"]
    page = requests.get(server + local(place).lstrip("/"), headers=HTML, timeout=10).text
    timeline = page.split('<table class="events timeline">', 1)[1]
    dates = re.findall(r'<td class="date">([^<]+)</td>', timeline)
    assert dates == sorted(r.get("d", "undated") for r in rows if r["place"] == place)


def test_unknown_event_is_404(server: str) -> None:
    r = requests.get(server + "id/event/no-such-event", headers=JSON, timeout=10)
    assert r.status_code == 404 and r.json()["error"]["status"] == 404


# --- the query page -------------------------------------------------------------------------


def test_a_browser_gets_query_answers_as_a_table_with_entity_links(
    server: str, store: Store
) -> None:
    query = "SELECT ?e ?label WHERE { ?e a schema:Person ; rdfs:label ?label }"
    expected = sparql(store, query)
    page = requests.get(server + "sparql", params={"query": query}, headers=HTML, timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    table = page.text.split('<table class="results">', 1)[1].split("</table>", 1)[0]
    for row in expected:
        assert f'<a href="{local(row["e"])}">{row["e"]}</a>' in table
        assert row["label"] in table
    # a program asking the same gets the protocol's answer, not a page
    xml = requests.get(server + "sparql", params={"query": query}, timeout=10)
    assert xml.headers["Content-Type"].startswith("application/sparql-results")


def test_a_bad_query_in_a_link_shows_the_error_on_the_page(server: str) -> None:
    page = requests.get(server + "sparql", params={"query": "SELEKT"}, headers=HTML, timeout=10)
    assert page.status_code == 400
    assert 'id="error" class="error">SPARQL syntax error' in page.text
    assert "SELEKT</textarea>" in page.text


def test_every_example_question_runs_and_says_what_it_answers(server: str, store: Store) -> None:
    page = requests.get(server + "sparql", headers=HTML, timeout=10).text
    for ex in EXAMPLES:
        assert ex.title.endswith("?") and ex.answers.endswith(".")
        assert ex.answers in page
        assert isinstance(store.query(ex.text, use_default_graph_as_union=True), QuerySolutions)
        href = re.search(rf'id="example-{ex.slug}"[^>]*href="([^"]+)"', page)
        assert href, ex.slug
        url = urlsplit(html.unescape(href.group(1)))
        assert url.path == "/sparql" and parse_qs(url.query)["query"] == [ex.text]


def test_network_picture_escapes_names_and_is_deterministic() -> None:
    centre = network.Node("urn:c", 'A <b>"&', "person", "/id/person/c")
    others = [
        network.Edge(network.Node(f"urn:o{i}", f"<script>{i}</script>", "place", f"/p/{i}"), r, d)
        for i, (r, d) in enumerate([("leader of", True), ("supports", False), ("raid", None)])
    ]
    picture = network.render(centre, others)
    assert picture is not None and picture.shown == 3 and picture.hidden == 0
    svg = str(picture.svg)
    assert "<script>" not in svg and "&lt;script&gt;0&lt;/script&gt;" in svg
    assert "A &lt;b&gt;&#34;&amp;" in svg
    assert svg == str(network.render(centre, list(reversed(others))).svg)
    assert network.render(centre, []) is None
