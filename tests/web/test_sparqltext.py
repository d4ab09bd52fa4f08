"""The lexical checks that decide SERVICE refusal and the union default graph."""

import pytest

from pipeline.web.sparqltext import calls_service, names_dataset


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o .SERVICE<http://x/>{ ?s ?p ?o } }",
        "select * { service silent ?endpoint { ?s ?p ?o } }",
        "SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
        "SELECT * { FILTER(?a<?b) SERVICE <http://x/> { ?s ?p ?o } }",
    ],
)
def test_service_is_found(query: str) -> None:
    assert calls_service(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ("SERVICE" AS ?x) {}',
        "SELECT ('''a\nSERVICE <http://x/>''' AS ?x) {}",
        "SELECT * { ?s ?p ?o } # SERVICE <http://x/>",
        "PREFIX service: <http://e/> SELECT * { ?service service:SERVICE ?o }",
        "SELECT * { <http://e/SERVICE> ?p $SERVICE . _:SERVICE ?p ?o }",
    ],
)
def test_service_in_strings_comments_iris_and_names_is_not(query: str) -> None:
    assert not calls_service(query)


def test_from_names_a_dataset() -> None:
    assert names_dataset("SELECT * FROM <http://g/> { ?s ?p ?o }")
    assert names_dataset("select * from named <http://g/> { graph ?g { ?s ?p ?o } }")
    assert not names_dataset('SELECT * { ?s ?p "FROM" . ?from ?p ?o }')
