"""Bound variables mean the same on Virtuoso as in Oxigraph: before FILTER and LIMIT run.

A trailing ``VALUES`` (what the remote store once sent) joins after FILTER and LIMIT, so a
filtered list came back empty and an entity query cut at LIMIT before meeting its entity.
"""

from __future__ import annotations

import pytest
import requests
from pyoxigraph import Literal, NamedNode, QuerySolutions, Store, Variable

from pipeline.namespaces import SPARQL_PROLOGUE
from pipeline.store import RemoteStore
from tests.remote.virtuoso import Virtuoso
from tests.web.fixture_publication import BASE

BOUND = [
    (  # the FILTER needs ?from, and LIMIT 1 must keep a row that passes it
        "SELECT ?e ?from WHERE { ?e sem:hasTimeStamp ?d FILTER(STR(?d) >= ?from) } LIMIT 1",
        {"from": Literal("2007")},
    ),
    (  # LIMIT 1 must come after ?s is bound, or the first label may be another's
        "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label LIMIT 1",
        {"s": NamedNode(BASE + "id/organization/qods-force")},
    ),
    (  # and so must GROUP BY
        "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?e } GROUP BY ?e LIMIT 1",
        {"e": NamedNode(BASE + "id/place/karbala")},
    ),
]


def _rows(store: object, query: str, bindings: dict) -> set[tuple]:
    subs = {Variable(k): v for k, v in bindings.items()}
    result = store.query(  # type: ignore[attr-defined]
        SPARQL_PROLOGUE + query, substitutions=subs, use_default_graph_as_union=True
    )
    assert isinstance(result, QuerySolutions)
    return {tuple(str(t) for t in row) for row in result}


@pytest.mark.parametrize(("query", "bindings"), BOUND)
def test_substitutions_bind_before_filter_and_limit(
    virtuoso_server: Virtuoso, remote_dist, loaded, query: str, bindings: dict
) -> None:
    embedded = _rows(Store.read_only(str(remote_dist / "current" / "store")), query, bindings)
    assert len(embedded) == 1
    assert _rows(RemoteStore(virtuoso_server.sparql), query, bindings) == embedded


@pytest.mark.parametrize(
    "path",
    [
        "/events.json?from=2007",
        "/events.json?from=2007-01&to=2007-01-20&place=karbala",
        "/events.json?type=Attack&q=asaib",
        "/people.json?from=2007-08",
        "/organizations.json?to=2007&sort=mentions",
        "/places.json?q=karb",
        "/people.json?sort=mentions",
        "/organizations.json?sort=articles&per_page=1&page=2",
        "/places.json?sort=name",
        "/events.json?sort=-date",
        "/events.json?sort=type&type=Attack",
        "/events.json?sort=place&q=karb",
    ],
)
def test_filtered_lists_match_the_embedded_store(servers: tuple[str, str], path: str) -> None:
    embedded, remote = (requests.get(url + path.lstrip("/"), timeout=30).json() for url in servers)
    assert embedded["total"] >= 1 and embedded["items"]
    assert remote == embedded


def _section(page: str, start: str) -> str:
    assert start in page, start
    at = page.index(start)
    return page[at : page.index("</section>", at)]


@pytest.mark.parametrize("path", ["id/place/karbala", "id/organization/asaib-ahl-al-haq"])
def test_entity_explore_sections_match_the_embedded_store(
    servers: tuple[str, str], path: str
) -> None:
    """The timeline and the network picture come out of the same queries on either store."""
    embedded, remote = (
        requests.get(url + path, headers={"Accept": "text/html"}, timeout=30).text
        for url in servers
    )
    for start in ('<section class="timeline"', '<section class="neighbourhood"'):
        assert _section(remote, start) == _section(embedded, start)
