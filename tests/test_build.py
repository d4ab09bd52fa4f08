"""End to end: the seed articles become a validated publication (real model, store, shapes)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from pipeline.build import build
from pipeline.documents import read_documents
from pipeline.namespaces import PREFIXES
from pipeline.records import SegmentKind
from pipeline.resolve import name_key
from pipeline.segment import segment
from pipeline.validate import validate

from .conftest import BASE, ROOT, SEEDS

LDPUB = [sys.executable, "-m", "pipeline.cli"]


def ldpub(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as a user would."""
    return subprocess.run(
        [*LDPUB, *args], capture_output=True, text=True, cwd=ROOT, check=False, timeout=600
    )


def _store(out: Path) -> ox.Store:
    return ox.Store.read_only(str(out / "store"))


def test_seeds_build_conforms(seeds_build) -> None:
    out, result = seeds_build
    assert result.exit_code == 0, [q.reason for q in result.quarantined]
    assert result.summary["documents"] == 3
    summary = json.loads((out / "reports" / "summary.json").read_text())
    assert summary["shacl_conforms"] is True
    union = Graph().parse(
        data=gzip.decompress((out / "dumps" / "ldpub.nt.gz").read_bytes()), format="nt"
    )
    conforms, _, report = validate(union)
    assert conforms, report


def test_four_dumps_agree_on_triple_count(seeds_build) -> None:
    out, result = seeds_build
    dumps = out / "dumps"
    counts = {
        name: len(Graph().parse(data=gzip.decompress((dumps / name).read_bytes()), format=fmt))
        for name, fmt in [
            ("ldpub.ttl.gz", "turtle"),
            ("ldpub.nt.gz", "nt"),
            ("ldpub.jsonld.gz", "json-ld"),
        ]
    }
    quads = Dataset()
    quads.parse(data=gzip.decompress((dumps / "ldpub.nq.gz").read_bytes()), format="nquads")
    counts["ldpub.nq.gz"] = sum(1 for _ in quads.quads((None, None, None, None)))
    assert set(counts.values()) == {result.summary["triples"]}, counts


@pytest.mark.parametrize("cls", ["Person", "Organization", "Place"])
def test_each_article_names_persons_organizations_places(seeds_build, cls: str) -> None:
    out, _ = seeds_build
    rows = _store(out).query(
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
        "PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#> "
        f"SELECT ?g (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?m itsrdf:taIdentRef ?e ; "
        f"itsrdf:taClassRef <http://schema.org/{cls}> }} }} GROUP BY ?g"
    )
    per_doc = {row["g"].value: int(row["n"].value) for row in rows}
    assert len(per_doc) == 3 and min(per_doc.values()) >= 1, per_doc


def test_no_commenter_is_published_as_an_entity(seeds_build) -> None:
    out, _ = seeds_build
    documents, _ = read_documents([SEEDS])
    commenters = {
        name_key(s.author)
        for d in documents
        for s in segment(d)
        if s.kind is SegmentKind.COMMENT and s.author
    }
    assert len(commenters) > 10
    rows = _store(out).query(
        "SELECT ?name WHERE { GRAPH ?g { ?e a ?c . "
        "{ ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } } "
        "FILTER(?c IN (schema:Person, schema:Organization, schema:Place)) }",
        prefixes=PREFIXES,
    )
    names = {name_key(row["name"].value) for row in rows}
    assert names and not (names & commenters), names & commenters


def test_comments_are_published_as_comments(seeds_build) -> None:
    out, _ = seeds_build
    rows = list(
        _store(out).query(
            "SELECT ?c ?a WHERE { GRAPH ?g { ?c a <http://schema.org/Comment> ; "
            "<http://schema.org/author> ?a } }"
        )
    )
    assert len(rows) >= 20
    assert all(isinstance(row["a"], ox.Literal) for row in rows)


def test_iris_are_stable_across_rebuilds(seeds_build, tmp_path: Path) -> None:
    out, _ = seeds_build
    again = tmp_path / "again"
    build([SEEDS], again, base_uri=BASE, model="ldpub_ner_gmb")
    query = (
        "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a ?c } "
        "FILTER(?c IN (schema:Person, schema:Organization, schema:Place)) }"
    )
    first = {row["e"].value for row in _store(out).query(query, prefixes=PREFIXES)}
    second = {row["e"].value for row in _store(again).query(query, prefixes=PREFIXES)}
    assert first == second


def test_bad_document_is_quarantined_and_the_rest_published(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    out = tmp_path / "dist"
    proc = ldpub("build", str(inputs), "--out", str(out))
    assert proc.returncode == 1, proc.stderr
    assert "broken.txt" in proc.stderr
    quarantine = json.loads((out / "reports" / "quarantine.json").read_text())
    assert [Path(q["path"]).name for q in quarantine] == ["broken.txt"]
    assert json.loads((out / "publication.json").read_text())["counts"]["documents"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no/such/folder"], "does not exist"),
        (["build", "seeds", "--base-uri", "ftp://x"], "http(s) URI"),
        (["build", "seeds", "--model", "no_such_model"], "ldpub_ner_gmb"),
        (["validate", "no/such.ttl"], "no/such.ttl"),
        (["serve", "no/such/dist"], "ldpub build"),
        (["serve", "--port", "99999"], "99999"),
    ],
)
def test_usage_errors_exit_2_with_one_sentence(
    args: list[str], message: str, tmp_path: Path
) -> None:
    proc = ldpub(*args, *(["--out", str(tmp_path / "d")] if args[0] == "build" else []))
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "d").exists()


def test_validate_cli_reports_a_broken_graph_readably() -> None:
    broken = ROOT / "tests" / "data" / "rdf" / "broken-entity.ttl"
    proc = ldpub("validate", str(broken))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Does not conform: 2 violations")
    assert any("rdfs:label" in line and "exactly one" in line for line in lines)
    assert any("owl:sameAs" in line and "Wikidata" in line for line in lines)


def test_nothing_publishable_keeps_reasons_and_publishes_nothing(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("")
    (inputs / "page.txt").write_text("<!DOCTYPE html><html><body>x</body></html>")
    out = tmp_path / "dist"
    proc = ldpub("build", str(inputs), "--out", str(out))
    assert proc.returncode == 1, proc.stderr
    assert "nothing published" in proc.stderr
    assert not (out / "current").exists()
    reasons = json.loads((out / "quarantine" / "quarantine.json").read_text())
    assert sorted(Path(q["path"]).name for q in reasons) == ["empty.txt", "page.txt"]
