"""Publishing: a release is complete, its dumps agree, and a failed build changes nothing."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from pipeline import publish as publish_module
from pipeline.namespaces import SCHEMA
from pipeline.publish import PublishError, publish
from pipeline.records import Run
from pipeline.validate import ONTOLOGY_DIR, SHAPES_DIR

BASE = "http://data.example.org/"
XSD_NNI = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


def _run(run_id: str) -> Run:
    return Run(run_id, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "0.1.0", "m", "1")


def _graphs(n: int) -> dict[URIRef, Graph]:
    entities, doc = Graph(), Graph()
    for i in range(n):
        person = URIRef(f"{BASE}id/person/p{i}")
        entities.add((person, RDF.type, SCHEMA.Person))
        entities.add((person, RDFS.label, Literal(f"Person {i}", lang="en")))
        doc.add((URIRef(f"{BASE}id/article/a"), SCHEMA.mentions, person))
    doc.add((URIRef(f"{BASE}id/article/a"), SCHEMA.text, Literal('multi\nline "quoted"')))
    doc.add((URIRef(f"{BASE}id/article/a"), SCHEMA.wordCount, Literal(7, datatype=XSD_NNI)))
    return {URIRef(f"{BASE}graph/entities"): entities, URIRef(f"{BASE}graph/a"): doc}


def _publish(out: Path, run_id: str = "20260101T000000Z", n: int = 3):
    return publish(
        _graphs(n),
        out,
        run=_run(run_id),
        base_uri=BASE,
        entities_graph=URIRef(f"{BASE}graph/entities"),
        sources=["https://news.example.org/a"],
        reports={"a.txt": "Conforms: True\n"},
        summary={"documents": 1},
        ontology=ONTOLOGY_DIR,
        shapes=SHAPES_DIR,
    )


def test_dumps_parse_and_agree(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    publication = _publish(out)
    assert publication.triples == 3 * 3 + 2
    dumps = out / "dumps"
    counts = {}
    for name, fmt in [
        ("ldpub.ttl.gz", "turtle"),
        ("ldpub.nt.gz", "nt"),
        ("ldpub.jsonld.gz", "json-ld"),
    ]:
        counts[name] = len(
            Graph().parse(data=gzip.decompress((dumps / name).read_bytes()), format=fmt)
        )
    quads = Dataset()
    quads.parse(data=gzip.decompress((dumps / "ldpub.nq.gz").read_bytes()), format="nquads")
    counts["ldpub.nq.gz"] = sum(
        len(g) for g in quads.graphs() if g.identifier != quads.default_graph.identifier
    )
    assert set(counts.values()) == {publication.triples}, counts
    context = json.loads((dumps / "context.jsonld").read_text())
    dumped = json.loads(gzip.decompress((dumps / "ldpub.jsonld.gz").read_bytes()))
    assert dumped["@context"] == context["@context"]


def test_dumps_keep_datatypes_the_store_canonicalizes(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _publish(out)
    for name in ("ldpub.nt.gz", "ldpub.ttl.gz", "ldpub.nq.gz", "ldpub.jsonld.gz"):
        assert b"nonNegativeInteger" in gzip.decompress((out / "dumps" / name).read_bytes()), name


def test_checksums_and_void(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _publish(out)
    dumps = out / "dumps"
    lines = (dumps / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 6
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((dumps / name).read_bytes()).hexdigest() == digest
    void = Graph().parse(dumps / "void.ttl")
    rows = void.query(
        "PREFIX void: <http://rdfs.org/ns/void#> SELECT ?t ?e WHERE "
        "{ ?d a void:Dataset ; void:triples ?t ; void:sparqlEndpoint ?e }"
    )
    [(triples, endpoint)] = list(rows)
    assert int(triples) == 11 and str(endpoint) == BASE + "sparql"
    assert len(set(void.objects(None, URIRef("http://rdfs.org/ns/void#dataDump")))) == 4


def test_release_carries_its_ontology_and_shapes(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _publish(out)
    for folder in (ONTOLOGY_DIR, SHAPES_DIR):
        copied = out / "current" / folder.name
        assert sorted(p.name for p in copied.iterdir()) == sorted(p.name for p in folder.iterdir())


def test_store_holds_named_graphs_only(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _publish(out)
    store = ox.Store.read_only(str(out / "store"))
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert {g.value for g in store.named_graphs()} == {f"{BASE}graph/entities", f"{BASE}graph/a"}


def test_rebuild_swaps_and_keeps_layout(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _publish(out, "20260101T000000Z", n=2)
    first = (out / "current").resolve()
    _publish(out, "20260101T000001Z", n=4)
    assert (out / "current").resolve() != first
    summary = json.loads((out / "publication.json").read_text())
    assert summary["release"] == "20260101T000001Z"
    assert summary["counts"]["triples"] == 4 * 3 + 2
    _publish(out, "20260101T000002Z")
    _publish(out, "20260101T000002Z")  # same second twice: a distinct release, not an overwrite
    assert len(list((out / "releases").iterdir())) == 2


def test_failed_build_leaves_previous_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dist"
    _publish(out, "20260101T000000Z")
    before = (out / "current").resolve()
    checksums = (out / "dumps" / "SHA256SUMS").read_text()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(publish_module, "write_dumps", crash)
    with pytest.raises(OSError, match="disk full"):
        _publish(out, "20260101T000009Z")
    assert (out / "current").resolve() == before
    assert (out / "dumps" / "SHA256SUMS").read_text() == checksums
    assert not list((out / "releases").glob(".*.partial"))


def test_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("precious")
    with pytest.raises(PublishError, match="not an ldpub publication"):
        _publish(out)
    assert (out / "thesis.tex").read_text() == "precious"


def _stored_quads(out: Path) -> set[tuple[object, ...]]:
    stored = Dataset()
    store = ox.Store.read_only(str(out / "store"))
    stored.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return set(stored.quads())


def test_store_loaded_in_small_pieces_holds_what_one_load_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk load goes a few quads at a time (memory bounded by that): none lost or doubled."""
    whole = _publish(tmp_path / "whole", n=5)
    monkeypatch.setattr(publish_module, "BULK_QUADS", 4)
    pieces = _publish(tmp_path / "pieces", n=5)
    assert pieces.triples == whole.triples == 5 * 3 + 2
    assert _stored_quads(tmp_path / "pieces") == _stored_quads(tmp_path / "whole")
