"""Where a publication is queried: its embedded Oxigraph store, or a remote SPARQL 1.1 store.

The web code calls the small part of pyoxigraph's ``Store`` API declared by :class:`Store`
and gets pyoxigraph terms back either way, so it never knows which of the two it talks to:
``pyoxigraph.Store`` is the embedded implementation as it is, :class:`RemoteStore` the remote
one (SPARQL 1.1 Query, Update and Graph Store Protocol over HTTP).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    Triple,
    Variable,
)
from pyoxigraph import Store as Oxigraph

from pipeline.store.remote import RemoteStore, RemoteStoreError, RemoteTimeout

__all__ = [
    "TIMEOUT_MARGIN",
    "RemoteStore",
    "RemoteStoreError",
    "RemoteTimeout",
    "Store",
    "is_remote",
    "open_store",
]

# Seconds a remote store gets beyond the query timeout, for the trip to it and back: a store
# that enforces the same timeout itself can still send its answer (or its own error).
TIMEOUT_MARGIN = 1.0


class Store(Protocol):
    """What the server asks of a store: queries, one graph's quads, and its graph names."""

    def query(
        self,
        query: str,
        *,
        base_iri: str | None = None,
        prefixes: Mapping[str, str] | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: Sequence[NamedNode | DefaultGraph] | None = None,
        named_graphs: Sequence[NamedNode | BlankNode] | None = None,
        substitutions: Mapping[Variable, Any] | None = None,
    ) -> QuerySolutions | QueryBoolean | Iterable[Triple]: ...

    def quads_for_pattern(
        self, subject: Any, predicate: Any, object: Any, graph_name: Any = None
    ) -> Iterator[Quad]: ...

    def contains_named_graph(self, graph_name: NamedNode | BlankNode) -> bool: ...

    def named_graphs(self) -> Iterator[NamedNode | BlankNode]: ...


def is_remote(location: str) -> bool:
    """Whether a store location is a SPARQL endpoint URL rather than a folder."""
    return location.startswith(("http://", "https://"))


def open_store(location: str, query_timeout: float | None = None) -> Store:
    """The store at ``location``: a remote endpoint URL, else an Oxigraph folder, read-only.

    ``query_timeout``: seconds a remote query may take before RemoteTimeout (plus
    ``TIMEOUT_MARGIN``); the embedded store has no timeout of its own (its callers bound it).
    """
    if is_remote(location):
        if query_timeout is None:
            return RemoteStore(location)
        return RemoteStore(location, timeout=query_timeout + TIMEOUT_MARGIN)
    return Oxigraph.read_only(location)
