"""The browse lists read their keys from Virtuoso as from Oxigraph: the same facets, RDF twins
and 404 suggestions from either store (the lists' JSON pages: test_remote_explore.py)."""

from __future__ import annotations

import requests
from rdflib import Graph
from rdflib.compare import isomorphic

HTML = {"Accept": "text/html"}


def test_events_page_and_rdf_twin_match_the_embedded_store(servers: tuple[str, str]) -> None:
    embedded, remote = (
        requests.get(url + "events", headers=HTML, timeout=30).text for url in servers
    )
    form = lambda page: page.split("<form", 1)[1].split("</table>", 1)[0]  # noqa: E731
    assert 'id="f-place"' in form(embedded) and form(remote) == form(embedded)
    graphs = [
        Graph().parse(data=requests.get(url + "events.ttl", timeout=30).text, format="turtle")
        for url in servers
    ]
    assert len(graphs[0]) > 0 and isomorphic(graphs[1], graphs[0])


def test_404_suggestions_match_the_embedded_store(servers: tuple[str, str]) -> None:
    embedded, remote = (
        requests.get(url + "id/organization/asaib-ahl-al-haqq", headers=HTML, timeout=30)
        for url in servers
    )
    assert embedded.status_code == remote.status_code == 404
    assert 'href="/id/organization/asaib-ahl-al-haq"' in embedded.text
    suggestions = [
        r.text.split('class="suggestions"', 1)[1].split("</ul>")[0] for r in (embedded, remote)
    ]
    assert suggestions[1] == suggestions[0]
