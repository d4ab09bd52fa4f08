"""Dereferencing entity and graph IRIs: content negotiation, suffixes, pages, 404 and 406."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from tests.web.fixture_publication import BASE, TRIG, quads_of, write_release
from tests.web.live_server import live_server

PERSON = "id/person/qais-khazali"
LABEL = (URIRef(BASE + PERSON), RDFS.label, Literal("Qais Khazali", lang="en"))
RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@pytest.mark.parametrize(("media_type", "parser"), RDF_FORMATS.items())
def test_entity_conneg(server: str, media_type: str, parser: str) -> None:
    r = requests.get(server + PERSON, headers={"Accept": media_type}, timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == media_type
    assert r.headers["Vary"] == "Accept"
    assert r.headers["Content-Location"].startswith("/" + PERSON + ".")
    graph = Graph().parse(data=r.content, format=parser)
    assert LABEL in graph
    # incoming relations are part of the description
    org = URIRef(BASE + "id/organization/asaib-ahl-al-haq")
    assert (URIRef(BASE + PERSON), URIRef("https://w3id.org/ldpub/ns#leaderOf"), org) in graph


@pytest.mark.parametrize(
    ("suffix", "parser"),
    [(".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt"), (".rdf", "xml")],
)
def test_suffix_overrides_accept(server: str, suffix: str, parser: str) -> None:
    r = requests.get(server + PERSON + suffix, headers={"Accept": "text/html"}, timeout=10)
    assert r.status_code == 200
    assert LABEL in Graph().parse(data=r.content, format=parser)


def test_entity_page_for_browsers(server: str) -> None:
    r = requests.get(server + PERSON, headers={"Accept": "text/html,*/*;q=0.8"}, timeout=10)
    assert r.headers["Content-Type"].startswith("text/html")
    page = r.text
    for expected in (
        "<h1>Qais Khazali</h1>",
        "Qayis Khazali",  # alias
        "http://www.wikidata.org/entity/Q7267462",
        "http://dbpedia.org/resource/Qais_Khazali",
        'href="/id/organization/asaib-ahl-al-haq"',  # outgoing relation, as a local link
        "“Qais Khazali leads the Asaib Ahl al Haq.”",  # the source sentence as a quote
        'href="/id/article/000-raid#char=0,40"',  # linked to its document
        f'href="/{PERSON}.ttl"',  # machine-readable twins
        f'href="/{PERSON}.jsonld"',
    ):
        assert expected in page, expected


def test_organization_page_shows_incoming_relations_and_events(server: str) -> None:
    page = requests.get(
        server + "id/organization/asaib-ahl-al-haq", headers={"Accept": "text/html"}, timeout=10
    ).text
    assert 'class="incoming"' in page and "Qods Force" in page
    assert "2007-01-20" in page and 'href="/id/place/karbala"' in page


def test_unknown_iri_is_404_with_help(server: str) -> None:
    html = requests.get(server + "id/person/khazali", headers={"Accept": "text/html"}, timeout=10)
    assert html.status_code == 404
    assert "Did you mean" in html.text and f'href="/{PERSON}"' in html.text
    machine = requests.get(server + "id/person/khazali", timeout=10)
    assert machine.status_code == 404
    assert machine.json()["error"]["title"] == "Unknown resource"


def test_unacceptable_format_is_406_listing_formats(server: str) -> None:
    r = requests.get(server + PERSON, headers={"Accept": "image/png"}, timeout=10)
    assert r.status_code == 406
    detail = r.json()["error"]["detail"]
    assert all(t in detail for t in ("text/html", *RDF_FORMATS))


def test_named_graph_dereferences_whole(server: str) -> None:
    r = requests.get(
        server + "graph/000-raid", headers={"Accept": "application/n-triples"}, timeout=10
    )
    in_graph = [q for q in quads_of(TRIG) if q.graph_name.value == BASE + "graph/000-raid"]
    assert len(Graph().parse(data=r.text, format="nt")) == len(in_graph)
    page = requests.get(server + "graph/000-raid", headers={"Accept": "text/html"}, timeout=10)
    assert "Named graph" in page.text and 'href="/graph/000-raid.ttl"' in page.text
    assert requests.get(server + "graph/nothing", timeout=10).status_code == 404


def test_base_uri_setting_maps_paths_to_other_iris(dist: Path, tmp_path: Path) -> None:
    """``--base-uri`` overrides the publication's: the server answers for those IRIs only."""
    with live_server(dist, tmp_path / "log", base_uri="http://other.example/") as url:
        assert requests.get(url + PERSON, timeout=10).status_code == 404
        health = requests.get(url + "health", timeout=10).json()
        assert health["base_uri"] == "http://other.example/"


def test_rebuild_is_picked_up_without_restart(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    write_release(dist, "r1")
    with live_server(dist, tmp_path / "log") as url:
        assert requests.get(url + "health", timeout=10).json()["release"] == "r1"
        write_release(dist, "r2", trig=TRIG.replace('"Qais Khazali"@en', '"Qais al-Khazali"@en'))
        deadline = time.monotonic() + 10
        while requests.get(url + "health", timeout=10).json()["release"] != "r2":
            assert time.monotonic() < deadline, "release r2 not picked up"
            time.sleep(0.2)
        r = requests.get(url + PERSON + ".nt", timeout=10)
        assert '"Qais al-Khazali"@en' in r.text
        q = requests.get(
            url + "sparql",
            timeout=10,
            params={"query": f"SELECT ?l WHERE {{ <{BASE}{PERSON}> <{RDFS.label}> ?l }}"},
        )
        assert [b["l"]["value"] for b in q.json()["results"]["bindings"]] == ["Qais al-Khazali"]
