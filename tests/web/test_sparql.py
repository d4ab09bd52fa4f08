"""The SPARQL endpoint, driven by real clients (SPARQLWrapper, rdflib's SPARQLStore, requests)."""

from __future__ import annotations

import csv
import io
import threading
import time
from urllib.error import HTTPError

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.web.fixture_publication import BASE, TRIG, quads_of
from tests.web.live_server import QUERY_TIMEOUT, RESULT_LIMIT

LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?label WHERE { ?s a <http://schema.org/Organization> ; rdfs:label ?label } ORDER BY ?label
"""
ORGS = {
    (BASE + "id/organization/asaib-ahl-al-haq", "Asaib Ahl al Haq"),
    (BASE + "id/organization/qods-force", "Qods Force"),
}
CONSTRUCT = """
CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }
WHERE { ?s a <http://schema.org/Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }
"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def wrapper(server: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server + "sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json_and_xml_with_sparqlwrapper(server: str, method: str) -> None:
    rows = wrapper(server, LABELS, JSON, method).queryAndConvert()["results"]["bindings"]
    assert {(r["s"]["value"], r["label"]["value"]) for r in rows} == ORGS
    assert rows[0]["label"]["xml:lang"] == "en"
    doc = wrapper(server, LABELS, XML, method).queryAndConvert()
    ns = "http://www.w3.org/2005/sparql-results#"
    literals = [e.firstChild.data for e in doc.getElementsByTagNameNS(ns, "literal")]
    assert literals == ["Asaib Ahl al Haq", "Qods Force"]


def test_select_csv_and_tsv_with_sparqlwrapper(server: str) -> None:
    text = wrapper(server, LABELS, CSV).queryAndConvert().decode()
    assert {tuple(r) for r in list(csv.reader(io.StringIO(text)))[1:]} == ORGS
    tsv = wrapper(server, LABELS, TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?s\t?label"
    assert f'<{BASE}id/organization/qods-force>\t"Qods Force"@en' in tsv


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask_with_sparqlwrapper(server: str, fmt: str) -> None:
    query = "ASK { ?p <https://w3id.org/ldpub/ns#leaderOf> ?o }"
    result = wrapper(server, query, fmt).queryAndConvert()
    value = (
        result["boolean"]
        if fmt == JSON
        else result.getElementsByTagName("boolean")[0].firstChild.data
    )
    assert value in (True, "true")


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, RDFXML, N3])
def test_construct_in_every_graph_format(server: str, fmt: str) -> None:
    graph = wrapper(server, CONSTRUCT, fmt).queryAndConvert()
    if not isinstance(graph, Graph):  # SPARQLWrapper hands Turtle and N-Triples back as bytes
        graph = Graph().parse(data=graph, format="turtle")
    assert {(str(s), str(o)) for s, _, o in graph} == ORGS


def test_construct_as_ntriples(server: str) -> None:
    r = requests.get(
        server + "sparql",
        params={"query": CONSTRUCT},
        headers={"Accept": "application/n-triples"},
        timeout=10,
    )
    assert r.headers["Content-Type"] == "application/n-triples"
    assert len(Graph().parse(data=r.text, format="nt")) == 2


def test_rdflib_sparqlstore(server: str) -> None:
    store = SPARQLStore(server + "sparql")
    graph = Graph(store=store)
    rows = {(str(s), str(label)) for s, label in graph.query(LABELS)}
    assert rows == ORGS
    assert (URIRef(BASE + "id/place/karbala"), None, Literal("Karbala", lang="en")) in {
        (s, None, o)
        for s, o in graph.query(
            "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }"
        )
    }
    constructed = graph.query(CONSTRUCT).graph
    assert len(constructed) == 2


def test_default_graph_is_the_union_unless_the_protocol_names_graphs(server: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(**params: str) -> int:
        r = requests.get(server + "sparql", params={"query": count, **params}, timeout=10)
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    dataset = quads_of(TRIG)
    entities = sum(1 for q in dataset if q.graph_name.value == BASE + "graph/entities")
    assert n() == len(dataset)
    assert n(**{"default-graph-uri": BASE + "graph/entities"}) == entities


def test_from_clause_chooses_the_dataset(server: str) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{BASE}graph/provenance> WHERE {{ ?s ?p ?o }}"
    r = requests.post(server + "sparql", data={"query": query}, timeout=10)
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "4"


def test_syntax_error_is_400_with_the_parsers_message(server: str) -> None:
    r = requests.get(server + "sparql", params={"query": "SELECT * WHERE { ?s ?p"}, timeout=10)
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["status"] == 400 and error["title"] == "SPARQL syntax error"
    assert "error at 1:" in error["detail"]
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT * WHERE {", JSON).query()


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/sparql-update", "CLEAR ALL"),
        ("application/x-www-form-urlencoded", "update=DROP%20ALL"),
    ],
)
def test_updates_are_refused(server: str, content_type: str, body: str) -> None:
    r = requests.post(
        server + "sparql", data=body, headers={"Content-Type": content_type}, timeout=10
    )
    assert r.status_code == 403
    assert "read-only" in r.json()["error"]["detail"]
    client = SPARQLWrapper(server + "sparql")
    client.setMethod("POST")
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(HTTPError) as refused:  # SPARQLWrapper passes a 403 through as is
        client.query()
    assert refused.value.code == 403
    ask = requests.get(server + "sparql", params={"query": "ASK { <urn:a> ?p ?o }"}, timeout=10)
    assert ask.json()["boolean"] is False


def test_service_is_refused_but_the_word_in_strings_and_comments_is_not(server: str) -> None:
    for query in (
        "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    ):
        r = requests.get(server + "sparql", params={"query": query}, timeout=10)
        assert r.status_code == 403, query
        assert "SERVICE" in r.json()["error"]["detail"]
    # A code-point escape never reaches evaluation (Oxigraph's parser rejects it anyway).
    escaped = "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    r = requests.get(server + "sparql", params={"query": escaped}, timeout=10)
    assert r.status_code in (400, 403)
    harmless = (
        "PREFIX service: <http://example.org/service#>\n"
        'SELECT ?service ("SERVICE <x>" AS ?text) WHERE { BIND(service:x AS ?service) } '
        "# SERVICE <http://example.org/>"
    )
    r = requests.get(server + "sparql", params={"query": harmless}, timeout=10)
    assert r.status_code == 200, r.text


def test_result_limit_cuts_and_says_so(server: str) -> None:
    r = requests.get(server + "sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=10)
    assert len(r.json()["results"]["bindings"]) == RESULT_LIMIT
    assert r.headers["X-LDPub-Result-Limit"] == str(RESULT_LIMIT)
    assert r.headers["X-LDPub-Results-Truncated"] == "true"
    small = requests.get(server + "sparql", params={"query": LABELS}, timeout=10)
    assert "X-LDPub-Results-Truncated" not in small.headers


def test_runaway_query_times_out_while_others_are_answered(server: str) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        r = requests.get(server + "sparql", params={"query": RUNAWAY}, timeout=30)
        outcome["status"], outcome["seconds"] = r.status_code, time.monotonic() - started
        outcome["error"] = r.json()["error"]

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    answered = 0
    while thread.is_alive():  # bounded by the runaway request's own timeout
        r = requests.get(server + "sparql", params={"query": LABELS}, timeout=10)
        assert r.status_code == 200
        answered += 1
        time.sleep(0.1)
    thread.join()
    assert outcome["status"] == 503
    assert QUERY_TIMEOUT <= outcome["seconds"] < QUERY_TIMEOUT + 1.5
    assert outcome["error"]["title"] == "Query timeout"  # type: ignore[index]
    assert "query_timeout" in outcome["error"]["detail"]  # type: ignore[index]
    assert answered >= 3
    # The killed worker was replaced: the endpoint still answers.
    assert requests.get(server + "sparql", params={"query": "ASK {}"}, timeout=10).ok


def test_protocol_errors(server: str) -> None:
    r = requests.post(
        server + "sparql", data="ASK {}", headers={"Content-Type": "text/plain"}, timeout=10
    )
    assert r.status_code == 415
    r = requests.get(
        server + "sparql", params={"query": LABELS}, headers={"Accept": "image/png"}, timeout=10
    )
    assert r.status_code == 406
    assert "application/sparql-results+json" in r.json()["error"]["detail"]
    r = requests.put(server + "sparql", timeout=10)
    assert r.status_code == 405 and "GET" in r.headers["Allow"]
    r = requests.get(
        server + "sparql", params=[("query", "ASK {}"), ("query", "ASK {}")], timeout=10
    )
    assert r.status_code == 400
    with pytest.raises(HTTPError) as timed_out:
        wrapper(server, RUNAWAY, JSON).query()
    assert timed_out.value.code == 503


def test_service_description_for_rdf_clients_and_page_for_browsers(server: str) -> None:
    r = requests.get(server + "sparql", headers={"Accept": "text/turtle"}, timeout=10)
    sd = Graph().parse(data=r.text, format="turtle")
    SD = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(SD + "endpoint"), URIRef(server + "sparql")) in sd
    assert (None, URIRef(SD + "name"), URIRef(BASE + "graph/000-raid")) in sd
    page = requests.get(server + "sparql", headers={"Accept": "text/html"}, timeout=10)
    assert page.headers["Content-Type"].startswith("text/html")
    assert 'id="query"' in page.text and "Who leads or commands what" in page.text


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv; charset=utf-8", "text/csv"),
        ("application/sparql-results+json; charset=UTF-8", "application/sparql-results+json"),
        ("text/tab-separated-values;charset=utf-8;q=0.9, image/png", "text/tab-separated-values"),
    ],
)
def test_media_type_parameters_in_accept_are_ignored(server: str, accept: str, media: str) -> None:
    """Clients that add a charset still get the format they named (every answer is UTF-8)."""
    r = requests.get(
        server + "sparql", params={"query": LABELS}, headers={"Accept": accept}, timeout=10
    )
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].split(";")[0] == media
