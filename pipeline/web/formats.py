"""Media types the server speaks, and content negotiation over them.

One table per kind of answer (query results, RDF graphs) so every route offers the same formats
under the same names; the first entry of each table is the default for ``Accept: */*``, and
aliases that old clients send map to the same serializer.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import QueryResultsFormat, RdfFormat
from werkzeug.datastructures import MIMEAccept

HTML = "text/html"

# SELECT and ASK results.
RESULTS: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}

# Graphs: CONSTRUCT and DESCRIBE results, entity descriptions, named graphs, VoID, ontology.
GRAPHS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/turtle": RdfFormat.TURTLE,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/xml": RdfFormat.RDF_XML,
    "text/xml": RdfFormat.RDF_XML,
}

# Format suffixes that override Accept on dereferenceable IRIs (``/id/person/x.ttl``).
SUFFIXES: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".jsonld": RdfFormat.JSON_LD,
    ".nt": RdfFormat.N_TRIPLES,
    ".rdf": RdfFormat.RDF_XML,
}


def content_type(fmt: RdfFormat | QueryResultsFormat) -> str:
    """The Content-Type header of a serializer's output, UTF-8 declared for text types."""
    media_type = fmt.media_type
    if media_type.startswith("text/") and "charset" not in media_type:
        media_type += "; charset=utf-8"
    return media_type


def negotiate(accept: MIMEAccept, offers: Sequence[str]) -> str | None:
    """The offer the client prefers (the first offer when it sent no Accept), else None.

    Media-type parameters other than q are ignored ("text/csv; charset=utf-8" is text/csv):
    every answer is UTF-8, and werkzeug would otherwise match no offer.
    """
    if not accept:
        return offers[0]
    bare = MIMEAccept([(value.split(";", 1)[0].strip(), q) for value, q in accept])
    return bare.best_match(offers)


def names(formats: Sequence[RdfFormat | QueryResultsFormat]) -> str:
    """A readable list of the canonical media types of some formats, for 406 messages."""
    seen = dict.fromkeys(f.media_type.split(";")[0] for f in formats)
    return ", ".join(seen)
