"""The process that evaluates SPARQL queries, so that a runaway query can be killed.

pyoxigraph has no query timeout and may hold the interpreter for as long as a query runs, so the
server never evaluates user queries in its own process: each goes to a worker process that opens
the release's store read-only (or forwards to the remote store), evaluates, applies the result
limit and serializes the answer, and the server kills the worker when the deadline passes (which
also drops its connection to a remote store). Only plain data crosses the pipe.
"""

from __future__ import annotations

import json
import resource
import signal
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Literal

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    Triple,
    parse_query_results,
    serialize,
)

from pipeline.namespaces import PREFIXES
from pipeline.store import Store, open_store
from pipeline.web.formats import GRAPHS, RESULTS, content_type
from pipeline.web.sparqltext import calls_service, names_dataset

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
READY = "ready"  # the first message of a worker: it can take jobs


@dataclass(frozen=True)
class Job:
    """One query to evaluate against one release's store."""

    store: str  # a store folder, or a remote store's query URL
    query: str
    base_iri: str
    limit: int
    results_type: str | None  # the negotiated media type for SELECT/ASK, None if none fits
    graph_type: str | None  # the negotiated media type for CONSTRUCT/DESCRIBE
    default_graphs: tuple[str, ...] | None = None  # from the protocol; None: not given
    named_graphs: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of a job: a serialized answer, or why there is none."""

    kind: Literal["ok", "syntax", "service", "not_acceptable", "memory", "error"]
    form: Literal["boolean", "solutions", "graph", ""] = ""
    body: bytes = b""
    content_type: str = ""
    truncated: bool = False
    detail: str = ""


def _term(term: Any) -> dict[str, Any]:
    """A term in the SPARQL 1.1 JSON results format (with SPARQL 1.2 triple terms)."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _term(term.subject),
                "predicate": _term(term.predicate),
                "object": _term(term.object),
            },
        }
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _dataset(job: Job) -> dict[str, Any]:
    """Query options for the dataset: the protocol's graphs, the query's FROM, else the union."""
    if job.default_graphs is not None or job.named_graphs is not None:
        return {
            "default_graph": [NamedNode(g) for g in job.default_graphs or ()],
            "named_graphs": [NamedNode(g) for g in job.named_graphs or ()],
        }
    if names_dataset(job.query):
        return {}
    # Every quad of a publication is in a named graph; the union is what users mean by "the data".
    return {"use_default_graph_as_union": True}


def _solutions(result: QuerySolutions, job: Job, fmt: QueryResultsFormat) -> Outcome:
    names = [v.value for v in result.variables]
    rows = list(islice(result, job.limit + 1))
    bindings = [
        {name: _term(value) for name, value in zip(names, row, strict=True) if value is not None}
        for row in rows[: job.limit]
    ]
    body = json.dumps(
        {"head": {"vars": names}, "results": {"bindings": bindings}}, separators=(",", ":")
    ).encode()
    if fmt != QueryResultsFormat.JSON:
        # Oxigraph's own serializers, fed the already-limited rows.
        body = parse_query_results(body, format=QueryResultsFormat.JSON).serialize(format=fmt)
    return Outcome("ok", "solutions", body, content_type(fmt), truncated=len(rows) > job.limit)


def execute(store: Store, job: Job) -> Outcome:
    """Evaluate a job on a store; never raises for anything the client did."""
    # Before query(): Oxigraph evaluates an ASK at once, SERVICE included.
    if calls_service(job.query):
        return Outcome("service")
    try:
        result = store.query(job.query, base_iri=job.base_iri, prefixes=PREFIXES, **_dataset(job))
    except SyntaxError as e:
        return Outcome("syntax", detail=str(e))
    if isinstance(result, QueryBoolean):
        if job.results_type is None:
            return Outcome("not_acceptable", "boolean")
        fmt = RESULTS[job.results_type]
        return Outcome("ok", "boolean", result.serialize(format=fmt), content_type(fmt))
    if isinstance(result, QuerySolutions):
        if job.results_type is None:
            return Outcome("not_acceptable", "solutions")
        return _solutions(result, job, RESULTS[job.results_type])
    if job.graph_type is None:
        return Outcome("not_acceptable", "graph")
    fmt = GRAPHS[job.graph_type]
    triples = list(islice(result, job.limit + 1))
    body = serialize(triples[: job.limit], format=fmt, prefixes=PREFIXES)
    return Outcome("ok", "graph", body, content_type(fmt), truncated=len(triples) > job.limit)


class _Stores:
    """Read-only stores by location; a rebuild adds one, so only the two newest are kept."""

    def __init__(self) -> None:
        self._open: dict[str, Store] = {}

    def get(self, path: str) -> Store:
        store = self._open.pop(path, None) or open_store(path)
        self._open[path] = store
        while len(self._open) > 2:
            del self._open[next(iter(self._open))]
        return store


def main(conn: Connection, memory_mb: int = 0) -> None:
    """Serve jobs from the pipe until the server closes it.

    With ``memory_mb`` the process may map no more than that: a query that needs more fails
    its allocation and ends this process only, which the pool answers with 503 and replaces.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    if memory_mb:
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    conn.send(READY)
    stores = _Stores()
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = execute(stores.get(job.store), job)
        except MemoryError:
            outcome = Outcome("memory")
        except Exception as e:  # evaluation or store errors go back to the client as 500
            outcome = Outcome("error", detail=f"{type(e).__name__}: {e}")
        conn.send(outcome)
