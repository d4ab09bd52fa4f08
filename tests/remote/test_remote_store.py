"""ldpub on a remote store (a real Virtuoso) answers as it does on its embedded Oxigraph store."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import requests
from pyoxigraph import (
    Dataset,
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
)

from pipeline.store import RemoteStore, RemoteStoreError
from pipeline.store.load import load_release
from pipeline.web import describe
from pipeline.web.publication import PublicationError, PublicationSource
from tests.remote.virtuoso import Virtuoso
from tests.web.fixture_publication import BASE, TEXT, TRIG, write_release

JSON = "application/sparql-results+json"
DATE_TIME = NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")

QUERIES = {
    "persons": "SELECT ?p ?label WHERE { ?p a schema:Person ; rdfs:label ?label }",
    "mentions by organization": """
        SELECT ?org ?label (COUNT(?m) AS ?mentions) (COUNT(DISTINCT ?g) AS ?articles) WHERE {
          ?org a schema:Organization ; rdfs:label ?label .
          GRAPH ?g { ?m itsrdf:taIdentRef ?org }
        } GROUP BY ?org ?label""",
    "events": """
        SELECT ?event ?date ?placeLabel ?killed ?quote WHERE {
          ?event a sem:Event ; sem:hasTimeStamp ?date ; prov:wasDerivedFrom ?sentence .
          OPTIONAL { ?event sem:hasPlace/rdfs:label ?placeLabel }
          OPTIONAL { ?event ldpub:killedCount ?killed }
          ?sentence nif:anchorOf ?quote .
        }""",
    "relations": """
        SELECT ?who ?p ?what ?quote WHERE {
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              prov:wasDerivedFrom ?sentence .
          ?s rdfs:label ?who . ?o rdfs:label ?what . ?sentence nif:anchorOf ?quote .
        }""",
    "aliases": """
        SELECT ?e (MIN(STR(?alt)) AS ?first) (COUNT(?alt) AS ?n) WHERE {
          ?e skos:altLabel ?alt } GROUP BY ?e""",
    "graphs": f"""
        SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
          FILTER(STRSTARTS(STR(?g), "{BASE}")) }} GROUP BY ?g""",
    "ask true": "ASK { ?p owl:sameAs <http://www.wikidata.org/entity/Q7267462> }",
    "ask false": "ASK { ?p owl:sameAs <http://www.wikidata.org/entity/Q1> }",
}
ENTITIES = [
    "id/person/qais-khazali",
    "id/organization/asaib-ahl-al-haq",
    "id/organization/qods-force",
    "id/place/karbala",
    "id/event/000-raid-1",
    "id/article/000-raid",
]


def _results(url: str, query: str, **params: str) -> object:
    r = requests.get(
        url + "sparql", params={"query": query, **params}, headers={"Accept": JSON}, timeout=30
    )
    assert r.status_code == 200, r.text
    result = parse_query_results(r.content, format=QueryResultsFormat.JSON)
    if isinstance(result, QuerySolutions):
        return Counter(tuple(row) for row in result)  # a bag: order is not part of the answer
    return bool(result)


def _graph(url: str, path: str) -> set:
    r = requests.get(url + path, headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200, r.text
    return {q.triple for q in parse(r.content, format=RdfFormat.TURTLE)}


def _canonical(quads: Iterable[Quad]) -> Dataset:
    """Quads with xsd:dateTime in one lexical form: Virtuoso writes +00:00 as Z (same value)."""

    def term(t: Any) -> Any:
        if isinstance(t, Literal) and t.datatype == DATE_TIME:
            moment = dt.datetime.fromisoformat(t.value.replace("Z", "+00:00"))
            return Literal(moment.isoformat(), datatype=DATE_TIME)
        return t

    return Dataset(Quad(q.subject, q.predicate, term(q.object), q.graph_name) for q in quads)


def _dump(release: Path) -> Dataset:
    """The quads a release publishes (its N-Quads dump)."""
    data = gzip.decompress((release / "dumps" / "ldpub.nq.gz").read_bytes())
    return _canonical(parse(data, format=RdfFormat.N_QUADS))


def _remote(store: RemoteStore, base: str) -> Dataset:
    """The quads of the remote store's graphs under ``base``."""
    quads = store.quads_for_pattern(None, None, None)
    return _canonical(q for q in quads if q.graph_name.value.startswith(base))


def test_load_puts_every_graph_of_the_release(
    loaded, virtuoso_server: Virtuoso, remote_dist: Path
) -> None:
    expected = _dump(remote_dist / "current")
    assert (loaded.graphs, loaded.triples, loaded.dropped) == (3, len(expected), 0)
    assert _remote(RemoteStore(virtuoso_server.sparql), BASE) == expected


@pytest.mark.parametrize("name", list(QUERIES))
def test_remote_answers_as_embedded(servers: tuple[str, str], name: str) -> None:
    embedded, remote = servers
    answer = _results(embedded, QUERIES[name])
    assert answer or name == "ask false"  # every other query finds something in the fixture
    assert _results(remote, QUERIES[name]) == answer


def test_protocol_dataset_goes_to_the_remote_store(servers: tuple[str, str]) -> None:
    embedded, remote = servers
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    params = {"default-graph-uri": BASE + "graph/provenance"}
    assert _results(remote, query, **params) == _results(embedded, query, **params)


@pytest.mark.parametrize("path", [*ENTITIES, "graph/000-raid", "graph/entities"])
def test_pages_as_rdf_are_the_same_graph(servers: tuple[str, str], path: str) -> None:
    embedded, remote = servers
    triples = _graph(embedded, path)
    assert triples
    if path.startswith("id/"):  # a description: the IRI's own triples and its text spans
        iri = BASE + path
        assert all(
            iri in (t.subject.value, t.object.value) or t.subject.value.startswith(iri + "#")
            for t in triples
        )
    assert _graph(remote, path) == triples


@pytest.mark.parametrize("path", ENTITIES)
def test_html_pages_show_the_same_facts(
    virtuoso_server: Virtuoso, remote_dist: Path, servers: tuple[str, str], path: str
) -> None:
    embedded = Store.read_only(str(remote_dist / "current" / "store"))
    remote = RemoteStore(virtuoso_server.sparql)
    assert describe.describe(remote, BASE + path) == describe.describe(embedded, BASE + path)
    page = requests.get(servers[1] + path, headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200
    assert describe.describe(embedded, BASE + path).label in page.text


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, 403),
        ({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, 403),
        ({"query": "ASK { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, 403),
        ({"query": "SELEKT * WHERE { ?s ?p ?o }"}, 400),
    ],
)
def test_remote_keeps_the_endpoint_refusals(
    servers: tuple[str, str], virtuoso_server: Virtuoso, params: dict, status: int
) -> None:
    for url in servers:
        r = requests.post(url + "sparql", data=params, headers={"Accept": JSON}, timeout=30)
        assert r.status_code == status, (url, r.text)
    assert not RemoteStore(virtuoso_server.sparql).contains_named_graph(NamedNode("urn:a"))


def test_remote_keeps_the_result_limit(servers: tuple[str, str]) -> None:
    query = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
    for url in servers:
        r = requests.get(url + "sparql", params={"query": query}, headers={"Accept": JSON})
        assert r.headers["X-LDPub-Results-Truncated"] == "true"
        assert len(r.json()["results"]["bindings"]) == 50


def test_unknown_iri_is_404_on_the_remote_store(servers: tuple[str, str]) -> None:
    r = requests.get(servers[1] + "id/person/no-such-person", headers={"Accept": "text/turtle"})
    assert r.status_code == 404


def test_reload_by_update_replaces_graphs_and_drops_stale_ones(
    virtuoso_server: Virtuoso, tmp_path: Path
) -> None:
    """A second release under another base: one graph changed, one gone (SPARQL Update path)."""
    base = "https://other.example/pub/"
    first = TRIG.replace(BASE, base)
    second = first.replace('"Qods Force"@en', '"Quds Force"@en').split("<graph/provenance>")[0]
    store = RemoteStore(virtuoso_server.sparql)  # no GSP endpoint: loads by SPARQL Update
    for release, trig in (("r1", first), ("r2", second)):
        write_release(tmp_path, release, trig=trig, base=base)
        done = load_release(tmp_path / "current", store, base)
    assert (done.graphs, done.dropped) == (2, 1)
    assert _remote(store, base) == _dump(tmp_path / "current")


def test_unreachable_store_is_one_clear_error(remote_dist: Path) -> None:
    with pytest.raises(PublicationError, match=r"cannot be reached.*--store"):
        PublicationSource(remote_dist, store="http://127.0.0.1:9/sparql")
    with pytest.raises(PublicationError, match="not an http"):
        PublicationSource(remote_dist, store="/var/lib/store")


def test_credentials_in_the_url_answer_virtuosos_digest_challenge(
    virtuoso_server: Virtuoso, tmp_path: Path
) -> None:
    """/sparql-auth and /sparql-graph-crud-auth ask for Digest; the URL's user logs in."""
    base = "https://auth.example/pub/"
    write_release(tmp_path, "r1", trig=TRIG.replace(BASE, base), base=base)
    host = virtuoso_server.url.replace("http://", "http://dba:dba@")
    store = RemoteStore(
        virtuoso_server.sparql, host + "/sparql-auth", host + "/sparql-graph-crud-auth"
    )
    done = load_release(tmp_path / "current", store, base)
    assert _remote(store, base) == _dump(tmp_path / "current")
    assert done.graphs == 3
    with pytest.raises(RemoteStoreError, match="401"):
        RemoteStore(virtuoso_server.sparql, virtuoso_server.url + "/sparql-auth").update(
            f"DROP SILENT GRAPH <{base}graph/entities>"
        )


def test_ldpub_build_store_loads_the_new_release(virtuoso_server: Virtuoso, tmp_path: Path) -> None:
    """``ldpub build --store URL`` publishes locally, then puts every graph into the store."""
    article = tmp_path / "in" / "raid.txt"
    article.parent.mkdir()
    article.write_text("Karbala raid\n\n" + TEXT + "\n", encoding="utf-8")
    base = "https://cli.example/pub/"
    out = tmp_path / "dist"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pipeline.cli", "build", str(article.parent)),
            *("--out", str(out), "--base-uri", base, "--store", virtuoso_server.sparql),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "graphs" in done.stderr and "into " + virtuoso_server.sparql in done.stderr
    assert _remote(RemoteStore(virtuoso_server.sparql), base) == _dump(out / "current")


def test_ldpub_build_refuses_a_store_that_is_no_url(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "build",
            "--out",
            str(tmp_path / "d"),
            "--store",
            "x",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--store must be an http(s) URL" in done.stderr
    assert not (tmp_path / "d").exists()
