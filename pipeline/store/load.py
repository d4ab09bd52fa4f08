"""Load a release into a remote store, replacing its graphs one by one.

The release's N-Quads dump is streamed graph by graph: each graph is replaced whole (a Graph
Store Protocol PUT when the store has a GSP endpoint, else ``DROP SILENT GRAPH`` + ``INSERT
DATA`` in one SPARQL Update, small graphs batched into one request), and the graphs of an older
release under the same base URI that this one no longer has are dropped at the end.

The swap is not atomic on the remote store: while a load runs, readers see some graphs of the
new release and some of the old. Each graph on its own is replaced in one request.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from pipeline.store.remote import RemoteStore

# Triples per request: small enough for any store's request limits, large enough to be fast.
BATCH = 20_000

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Loaded:
    graphs: int
    triples: int
    dropped: int


def _runs(path: Path) -> Iterator[tuple[NamedNode, list[Quad]]]:
    """Consecutive quads of one graph, in file order, cut at ``BATCH`` quads."""
    with gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb") as f:
        for graph, quads in groupby(parse(f, format=RdfFormat.N_QUADS), lambda q: q.graph_name):
            chunk: list[Quad] = []
            for q in quads:
                chunk.append(q)
                if len(chunk) == BATCH:
                    yield graph, chunk
                    chunk = []
            if chunk:
                yield graph, chunk


def _ntriples(quads: list[Quad]) -> bytes:
    return serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES)


def _update(store: RemoteStore, path: Path, progress: Progress) -> tuple[set[NamedNode], int]:
    seen: set[NamedNode] = set()
    ops: list[str] = []
    pending = total = 0

    def flush() -> None:
        nonlocal pending
        if ops:
            store.update(";\n".join(ops))
            progress(pending)
            ops.clear()
            pending = 0

    for graph, quads in _runs(path):
        if graph not in seen:
            ops.append(f"DROP SILENT GRAPH {graph}")
            seen.add(graph)
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(quads).decode()}}} }}")
        pending += len(quads)
        total += len(quads)
        if pending >= BATCH:
            flush()
    flush()
    return seen, total


def _gsp(store: RemoteStore, path: Path, progress: Progress) -> tuple[set[NamedNode], int]:
    seen: set[NamedNode] = set()
    total = 0
    for graph, quads in _runs(path):
        store.put_graph(graph, _ntriples(quads), replace=graph not in seen)
        seen.add(graph)
        total += len(quads)
        progress(len(quads))
    return seen, total


def _stale(store: RemoteStore, base_uri: str, keep: set[NamedNode]) -> list[NamedNode]:
    """Graphs under ``{base}graph/`` on the store that the new release does not have."""
    prefix = Literal(base_uri + "graph/")
    rows = store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(STRSTARTS(STR(?g), {prefix})) }}"
    )
    graphs = (r["g"] for r in rows)  # type: ignore[union-attr]
    return [g for g in graphs if isinstance(g, NamedNode) and g not in keep]


def load_release(
    release: Path, store: RemoteStore, base_uri: str, progress: Progress = lambda n: None
) -> Loaded:
    """Put every graph of the release at ``release`` into ``store``; drop the stale ones.

    ``progress`` is called with the number of triples each request sent.
    """
    dump = release / "dumps" / "ldpub.nq.gz"
    if not dump.is_file():
        raise FileNotFoundError(f"{dump} is missing: build the publication again.")
    graphs, triples = (_gsp if store.gsp_url else _update)(store, dump, progress)
    stale = _stale(store, base_uri, graphs)
    for g in stale:
        store.update(f"DROP SILENT GRAPH {g}")
    return Loaded(len(graphs), triples, len(stale))
