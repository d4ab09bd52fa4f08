"""Dumps, VoID, ontology, shapes, health, landing page, CORS and the error shape."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest
import requests
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, VOID

from pipeline.web import PublicationError, create_app
from tests.web.fixture_publication import TRIG, quads_of

DUMP_TYPES = {
    "ldpub.ttl.gz": ("text/turtle", "turtle"),
    "ldpub.jsonld.gz": ("application/ld+json", "json-ld"),
    "ldpub.nt.gz": ("application/n-triples", "nt"),
    "ldpub.nq.gz": ("application/n-quads", "nquads"),
}


def test_dump_listing_has_sizes_and_checksums(server: str, dist: Path) -> None:
    listing = requests.get(server + "dumps/", timeout=10).json()["dumps"]
    by_name = {d["name"]: d for d in listing}
    assert set(DUMP_TYPES) | {"context.jsonld", "void.ttl", "SHA256SUMS"} == set(by_name)
    for name in DUMP_TYPES:
        data = (dist / "dumps" / name).read_bytes()
        assert by_name[name]["size"] == len(data)
        assert by_name[name]["sha256"] == hashlib.sha256(data).hexdigest()
        assert by_name[name]["encoding"] == "gzip"
    page = requests.get(server + "dumps/", headers={"Accept": "text/html"}, timeout=10).text
    assert 'href="/dumps/ldpub.nq.gz"' in page and by_name["ldpub.nq.gz"]["sha256"] in page


@pytest.mark.parametrize("name", DUMP_TYPES)
def test_dump_download(server: str, dist: Path, name: str) -> None:
    media_type, parser = DUMP_TYPES[name]
    r = requests.get(server + "dumps/" + name, stream=True, timeout=10)
    raw = r.raw.read(decode_content=False)
    assert raw == (dist / "dumps" / name).read_bytes()
    assert r.headers["Content-Type"].split(";")[0] == media_type
    assert r.headers["Content-Encoding"] == "gzip"
    assert r.headers["ETag"].strip('"') == hashlib.sha256(raw).hexdigest()
    assert "Last-Modified" in r.headers and r.headers["Accept-Ranges"] == "bytes"
    data = Dataset().parse(data=gzip.decompress(raw), format=parser)
    assert len(data) == len(quads_of(TRIG))
    again = requests.get(
        server + "dumps/" + name, timeout=10, headers={"If-None-Match": r.headers["ETag"]}
    )
    assert again.status_code == 304
    part = requests.get(
        server + "dumps/" + name, stream=True, timeout=10, headers={"Range": "bytes=0-9"}
    )
    assert part.status_code == 206
    assert part.raw.read(decode_content=False) == raw[:10]
    assert part.headers["Content-Range"] == f"bytes 0-9/{len(raw)}"


def test_unknown_dump_is_404(server: str) -> None:
    r = requests.get(server + "dumps/../publication.json", timeout=10)
    assert r.status_code == 404
    assert requests.get(server + "dumps/nope.nt.gz", timeout=10).json()["error"]["status"] == 404


def test_void_is_turtle_by_default_and_negotiable(server: str) -> None:
    r = requests.get(server + ".well-known/void", timeout=10)
    assert r.headers["Content-Type"].startswith("text/turtle")
    void = Graph().parse(data=r.text, format="turtle")
    assert (None, RDF.type, VOID.Dataset) in void
    jsonld = requests.get(
        server + ".well-known/void", headers={"Accept": "application/ld+json"}, timeout=10
    )
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == len(void)
    page = requests.get(server + ".well-known/void", headers={"Accept": "text/html"}, timeout=10)
    assert page.headers["Content-Type"].startswith("text/html")


def test_ontology_and_shapes(server: str) -> None:
    page = requests.get(server + "ontology", headers={"Accept": "text/html"}, timeout=10).text
    assert 'id="leaderOf"' in page and "The subject leads the object organization." in page
    assert "wdt:P488" in page
    ttl = requests.get(server + "ontology.ttl", timeout=10)
    leader = URIRef("https://w3id.org/ldpub/ns#leaderOf")
    assert (leader, None, None) in Graph().parse(data=ttl.text, format="turtle")
    shapes = requests.get(server + "shapes", headers={"Accept": "text/turtle"}, timeout=10)
    assert "sh:NodeShape" in shapes.text or "NodeShape" in shapes.text


def test_health(server: str) -> None:
    health = requests.get(server + "health", timeout=10).json()
    assert health["status"] == "ok" and health["release"] == "r1"


def test_landing_page(server: str) -> None:
    page = requests.get(server, headers={"Accept": "text/html"}, timeout=10).text
    for expected in (
        "Summary",
        "persons",
        'href="/sparql#leaders"',
        'href="/sparql#events"',
        'href="/dumps/ldpub.ttl.gz"',
        'href="/.well-known/void"',
    ):
        assert expected in page, expected
    # The merge explanations stay in reports/summary.json; the page counts them.
    assert "<tr><th>merges</th><td>2</td></tr>" in page
    assert "kept apart" not in page


@pytest.mark.parametrize(
    "path",
    [
        "",
        "sparql?query=ASK%7B%7D",
        "id/person/qais-khazali",
        "dumps/",
        "dumps/ldpub.nt.gz",
        ".well-known/void",
        "health",
        "ontology",
        "graph/000-raid",
        "id/nobody",
    ],
)
def test_cors_on_every_read_route(server: str, path: str) -> None:
    r = requests.get(server + path, headers={"Origin": "http://elsewhere.example"}, timeout=10)
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight(server: str) -> None:
    r = requests.options(
        server + "sparql",
        timeout=10,
        headers={
            "Origin": "http://elsewhere.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert r.status_code == 200
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in r.headers["Access-Control-Allow-Headers"]
    assert "X-LDPub-Results-Truncated" in r.headers["Access-Control-Expose-Headers"]


def test_one_error_shape(server: str) -> None:
    for method, path in (("GET", "no/such/page"), ("DELETE", "sparql"), ("GET", "dumps/x")):
        r = requests.request(method, server + path, timeout=10)
        error = r.json()["error"]
        assert set(error) == {"status", "title", "detail"} and error["status"] == r.status_code
    html = requests.get(server + "no/such/page", headers={"Accept": "text/html"}, timeout=10)
    assert html.status_code == 404 and "<h1>Not Found</h1>" in html.text


def test_missing_publication_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PublicationError, match=r"No publication in .*/: run `ldpub build` first"):
        create_app({"dist": tmp_path / "dist"})
