"""Dereferenceable IRIs: ``/id/...`` (entities, events, articles, runs) and ``/graph/...``.

A request path maps to an IRI under the base URI (``/id/person/x`` -> ``B id/person/x``), so
the same publication can be served from any host while its IRIs stay what the build minted.
"""

from __future__ import annotations

from itertools import islice

from flask import Blueprint, Response, render_template
from pyoxigraph import NamedNode

from pipeline.web import describe
from pipeline.web.errors import ApiError
from pipeline.web.rdfview import respond, split_suffix
from pipeline.web.search import index_for
from pipeline.web.site import href, iri_for, publication

bp = Blueprint("resources", __name__)

# A page lists at most this many triples of a named graph (the RDF twins have them all).
GRAPH_PAGE_TRIPLES = 1000


def _not_found(iri: str, kind: str) -> ApiError:
    return ApiError(
        404,
        f"No {kind} {iri} is published in release {publication().release}; check the address, "
        "or find IRIs with the SPARQL endpoint at /sparql.",
        title=f"Unknown {kind}",
        links=[(href(s.iri), s.label) for s in describe.suggestions(index_for(publication()), iri)],
    )


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    """An entity, event, article or run: HTML page or RDF description."""
    store = publication().store
    stem, suffix = split_suffix(rest)
    if suffix is not None and describe.exists(store, iri_for("id/" + stem)):
        rest = stem
    else:
        suffix = None
    iri = iri_for("id/" + rest)
    if not describe.exists(store, iri):
        raise _not_found(iri, "resource")
    return respond(
        "/id/" + rest,
        suffix,
        lambda: describe.triples(store, iri),
        lambda twins: render_template(
            "resource.html", d=describe.describe(store, iri), twins=twins
        ),
        release=publication().release,
    )


@bp.route("/graph/<path:rest>")
def graph(rest: str) -> Response:
    """A document's named graph (or the entities or provenance graph), whole."""
    store = publication().store
    stem, suffix = split_suffix(rest)
    if suffix is not None and store.contains_named_graph(NamedNode(iri_for("graph/" + stem))):
        rest = stem
    else:
        suffix = None
    iri = iri_for("graph/" + rest)
    node = NamedNode(iri)
    if not store.contains_named_graph(node):
        raise _not_found(iri, "graph")

    def triples():
        return (q.triple for q in store.quads_for_pattern(None, None, None, node))

    def page(twins) -> str:
        shown = list(islice(triples(), GRAPH_PAGE_TRIPLES + 1))
        return render_template(
            "rdfdoc.html",
            title=f"Named graph {iri}",
            intro="The statements of one named graph of the publication.",
            triples=shown[:GRAPH_PAGE_TRIPLES],
            truncated=len(shown) > GRAPH_PAGE_TRIPLES,
            twins=twins,
        )

    return respond("/graph/" + rest, suffix, triples, page, release=publication().release)
