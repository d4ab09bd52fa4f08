"""The fast SHACL verdict (shapes compiled to SPARQL, run by Oxigraph) is pySHACL's verdict,
down to the focus nodes that fail, and the compiler refuses what it does not implement."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

from pipeline.build import BuildResult
from pipeline.shacl_sparql import UnsupportedShapeError, compile_shapes
from pipeline.validate import conforms, failing, load_shapes, validate
from tests.test_validate import BROKEN, _fixture


def _focus_nodes(graph: Graph) -> tuple[set[str], set[str]]:
    """Failing focus nodes by the compiled checks and by pySHACL's report."""
    compiled = set().union(*failing(graph.serialize(format="nt")).values())
    ok, report, _ = validate(graph)
    results = report.objects(None, SH.result)  # not the nested results of sh:node and sh:or
    expected = {report.value(r, SH.focusNode).n3() for r in results}
    assert ok == (not expected)
    return compiled, expected


def test_conforming_document_conforms() -> None:
    assert _focus_nodes(_fixture()) == (set(), set())
    assert conforms(_fixture())


@pytest.mark.parametrize("breakage", [b for b, _ in BROKEN], ids=[b.__name__ for b, _ in BROKEN])
def test_every_broken_variant_fails_on_the_same_nodes(breakage: Callable[[Graph], None]) -> None:
    graph = _fixture()
    breakage(graph)
    compiled, expected = _focus_nodes(graph)
    assert expected, "the variant must break the shapes"
    assert compiled == expected


def test_seed_documents_agree_with_pyshacl(seeds_build: tuple[Path, BuildResult]) -> None:
    out, _ = seeds_build
    dataset = Dataset()
    with gzip.open(out / "dumps" / "ldpub.nq.gz", "rb") as dump:
        dataset.parse(dump, format="nquads")
    shared = {URIRef(f"http://localhost:8000/graph/{name}") for name in ("entities", "provenance")}
    entities = dataset.graph(URIRef("http://localhost:8000/graph/entities"))
    documents = [g for g in dataset.graphs() if g.identifier not in shared and len(g)]
    assert len(documents) == 3
    whole = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        whole.add((s, p, o))
    assert _focus_nodes(whole) == (set(), set())
    for document in documents:  # alone, its relations' evidence in other documents is missing
        union = Graph()
        for graph in (document, entities):
            for triple in graph:
                union.add(triple)
        compiled, expected = _focus_nodes(union)
        assert compiled == expected
        union.remove((None, RDF.type, None))
        compiled, expected = _focus_nodes(union)
        assert expected and compiled == expected


def test_a_batch_fails_when_one_of_its_graphs_does() -> None:
    good, bad = _fixture(), _fixture()
    BROKEN[0][0](bad)
    assert conforms(good, good)
    assert not conforms(good, bad)


_SHAPES_PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n"


@pytest.mark.parametrize(
    ("shape", "says"),
    [
        ("ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:class ex:C .", "targetNode"),
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true .", "deactivated"),
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:not [ sh:class ex:D ] .", "not"),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
            "sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
            "single IRI",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
            "sh:property [ sh:path ex:p ; "
            "sh:datatype <http://www.w3.org/2000/01/rdf-schema#Literal> ] .",
            "rdf-schema#Literal",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select "
            '"SELECT $this WHERE { FILTER NOT EXISTS { $this <http://example.org/p> ?o } }" ] .',
            "before a pattern binds it",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select "
            '"SELECT ?x WHERE { $this ?p ?x MINUS { ?x ?p $this } }" ] .',
            "Minus",
        ),
    ],
)
def test_unimplemented_features_are_refused(shape: str, says: str) -> None:
    shapes = Graph().parse(data=_SHAPES_PREFIX + shape, format="turtle")
    with pytest.raises(UnsupportedShapeError, match=says):
        compile_shapes(shapes)


def test_the_project_shapes_compile() -> None:
    assert len(compile_shapes(load_shapes()).checks) > 50
