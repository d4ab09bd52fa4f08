"""``bind`` gives the answers of Oxigraph's ``substitutions``, for every shape of query."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Store, Variable

from pipeline.namespaces import SPARQL_PROLOGUE
from pipeline.store.bind import bind
from tests.web.fixture_publication import BASE, write_release

KARBALA = NamedNode(BASE + "id/place/karbala")
GROUP = NamedNode(BASE + "id/organization/asaib-ahl-al-haq")
SHAPES = {
    "filter and limit": (
        "SELECT ?e ?from WHERE { ?e sem:hasTimeStamp ?d FILTER(STR(?d) >= ?from) } LIMIT 1",
        {"from": Literal("2007")},
    ),
    "union branches": (
        "SELECT ?iri ?p ?x WHERE { { ?iri ?p ?x } UNION { ?x ?p ?iri } } ORDER BY ?p ?x",
        {"iri": KARBALA},
    ),
    "optional and nested union": (
        """SELECT ?iri ?h ?label WHERE {
             { { ?iri a ?c } UNION { ?h sem:hasPlace ?iri } }
             OPTIONAL { ?h rdfs:label|ldpub:trigger ?label FILTER(?iri != ?h) } }""",
        {"iri": KARBALA},
    ),
    "subquery that projects it": (
        "SELECT ?s ?l WHERE { { SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l LIMIT 1 } }",
        {"s": GROUP},
    ),
    "subquery with its own ?s": (
        """SELECT ?s ?n WHERE { ?s a schema:Place
             { SELECT (COUNT(?s) AS ?n) WHERE { ?s rdfs:label ?l } } }""",
        {"s": KARBALA},
    ),
    "grouped": (
        "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?e } GROUP BY ?e LIMIT 1",
        {"e": KARBALA},
    ),
    "strings, comments and IRIs with braces or keywords": (
        """SELECT ?e ?t WHERE { # a comment with { SELECT ?e WHERE {
             ?e ldpub:trigger ?t FILTER(?t != "} SELECT ?e WHERE {" && ?t != '''{''')
             FILTER(?e != <urn:x:WHERE>) }""",
        {"t": Literal("attacked")},
    ),
    "two values, one with quotes": (
        "SELECT ?s ?l ?q WHERE { ?s rdfs:label ?l FILTER(?l != ?q) }",
        {"s": GROUP, "q": Literal('say "}" ) } DELETE', language="en")},
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    dist = tmp_path_factory.mktemp("bind") / "dist"
    dist.mkdir()
    write_release(dist, "r1")
    return Store.read_only(str(Path(dist) / "current" / "store"))


def _rows(store: Store, query: str, **options: object) -> list[tuple]:
    result = store.query(SPARQL_PROLOGUE + query, use_default_graph_as_union=True, **options)
    assert isinstance(result, QuerySolutions)
    return sorted(tuple(str(t) for t in row) for row in result)


@pytest.mark.parametrize("name", list(SHAPES))
def test_bind_answers_as_substitutions_do(store: Store, name: str) -> None:
    query, terms = SHAPES[name]
    expected = _rows(store, query, substitutions={Variable(k): v for k, v in terms.items()})
    assert expected
    assert _rows(store, bind(query, terms)) == expected


def test_construct_binds_the_pattern_not_the_template(store: Store) -> None:
    bound = bind("CONSTRUCT { ?iri ?p ?o } WHERE { ?iri ?p ?o }", {"iri": KARBALA})
    assert bound.index("VALUES") > bound.index("WHERE")
    written = f"CONSTRUCT {{ {KARBALA} ?p ?o }} WHERE {{ {KARBALA} ?p ?o }}"
    expected = set(store.query(SPARQL_PROLOGUE + written, use_default_graph_as_union=True))  # type: ignore[arg-type]
    assert expected  # ground triples: the same set is the same graph
    assert set(store.query(SPARQL_PROLOGUE + bound, use_default_graph_as_union=True)) == expected  # type: ignore[arg-type]


def test_bind_refuses_what_it_cannot_write() -> None:
    with pytest.raises(TypeError, match="NamedNode or a Literal"):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"s": BlankNode()})
    with pytest.raises(ValueError, match="no WHERE group"):
        bind("DESCRIBE ?s", {"s": KARBALA})
    with pytest.raises(ValueError):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"s p": KARBALA})  # not a variable name
