"""What every blueprint needs per request: the settings, the query pool, and one release.

The release is taken once per request (and cached on ``flask.g``) so every query, page and
download of that request comes from the same store even if a rebuild swaps ``current`` midway.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g
from pyoxigraph import NamedNode

from pipeline.settings import SETTINGS
from pipeline.web.errors import ApiError
from pipeline.web.publication import Publication, PublicationSource
from pipeline.web.querypool import QueryPool


@dataclass(frozen=True)
class Site:
    """The app's settings and long-lived parts (kept in ``app.extensions['ldpub']``)."""

    source: PublicationSource
    pool: QueryPool
    base_uri: str | None  # None: each release's own base URI
    query_timeout: float
    result_limit: int
    max_query_length: int = SETTINGS["max_query_length"].default
    query_memory: int = SETTINGS["query_memory"].default  # MB per query worker; 0: no cap


def site() -> Site:
    return current_app.extensions["ldpub"]


def publication() -> Publication:
    """The release this request uses from start to end."""
    if "publication" not in g:
        g.publication = site().source.current()
    return g.publication


def base_uri() -> str:
    """The base of the IRIs this server answers for (always ends with '/')."""
    base = site().base_uri or str(publication().meta.get("base_uri", "http://localhost:8000/"))
    return base if base.endswith("/") else base + "/"


def iri_for(path: str) -> str:
    """The IRI a request path stands for: ``/id/person/x`` -> ``B id/person/x``.

    A path that cannot be part of an IRI (a NUL, a space, a quote, angle brackets ...) names
    nothing the build could have minted: 404, before any store sees it.
    """
    iri = base_uri() + path.lstrip("/")
    try:
        NamedNode(iri)
    except ValueError:
        raise ApiError(
            404,
            f"The address {'/' + path.lstrip('/')!r} holds characters no published IRI has; "
            "check the address, "
            "or find IRIs with the SPARQL endpoint at /sparql.",
            title="Not a published IRI",
        ) from None
    return iri


def href(iri: str) -> str:
    """A link to an IRI: a local path when the IRI is ours, so browsing stays on this server."""
    base = base_uri()
    return "/" + iri[len(base) :] if iri.startswith(base) else iri
