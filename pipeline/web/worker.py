"""The process that evaluates SPARQL queries, so that a runaway query can be killed.

pyoxigraph has no query timeout and may hold the interpreter for as long as a query runs, so the
server never evaluates user queries in its own process: each goes to a worker process that opens
the release's store read-only (or forwards to the remote store), evaluates, applies the result
limit and serializes the answer, sending a long one in chunks as it is serialized; the server
kills the worker when the deadline passes (which also drops its connection to a remote store).
Only plain data crosses the pipe.
"""

from __future__ import annotations

import json
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Literal

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolution,
    QuerySolutions,
    RdfFormat,
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
END = None  # the message after a streamed answer's last chunk
# An answer longer than the first chunk is streamed, the rest in smaller chunks (see _Body):
# the first is large enough to hold most answers cut at the default result limit whole.
FIRST_CHUNK_BYTES = 4 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
ROWS_PER_GROUP = 256  # solutions serialized together

Form = Literal["boolean", "solutions", "graph", ""]
Format = QueryResultsFormat | RdfFormat
# Each results format's foot (what follows the last row) and what separates two rows.
_RESULTS_FRAME = {
    QueryResultsFormat.JSON: (b"]}}", b","),
    QueryResultsFormat.XML: (b"</results></sparql>", b""),
    QueryResultsFormat.CSV: (b"", b""),
    QueryResultsFormat.TSV: (b"", b""),
}
# The last line of a streamed answer the result limit cut, in the formats that have comments
# (the headers were sent before the cut was known).
_CUT = b"X-LDPub-Results-Truncated: true (the result limit cut this answer)"
_CUT_NOTES = {
    RdfFormat.N_TRIPLES: b"# " + _CUT + b"\n",
    RdfFormat.TURTLE: b"# " + _CUT + b"\n",
    RdfFormat.RDF_XML: b"\n<!-- " + _CUT + b" -->\n",
    QueryResultsFormat.XML: b"\n<!-- " + _CUT + b" -->\n",
}


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
    """What became of a job: a serialized answer, or why there is none.

    A ``streamed`` answer's ``body`` is only its first chunk: the worker sends the rest as
    ``bytes`` messages and then :data:`END`; anything else in their place means it failed.
    """

    kind: Literal["ok", "syntax", "service", "not_acceptable", "memory", "error"]
    form: Form = ""
    body: bytes = b""
    content_type: str = ""
    truncated: bool = False
    detail: str = ""
    streamed: bool = False


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


class _Body:
    """An answer on its way to the server, written in pieces by a serializer.

    The first chunk waits until the answer ends or ``FIRST_CHUNK_BYTES`` are ready, so an
    answer that fits in it is sent whole, its truncation known before the first byte; a longer
    one is streamed, so the server never holds more than a chunk of it.
    """

    def __init__(self, send: Callable[[object], None], form: Form, fmt: Format) -> None:
        self._send, self._form, self._fmt = send, form, fmt
        self._buffer = bytearray()
        self._streamed = False

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) >= (size := CHUNK_BYTES if self._streamed else FIRST_CHUNK_BYTES):
            self._flush(size)
        return len(data)

    def flush(self) -> None:
        """A serializer's flush: chunks leave when full or at close, never smaller."""

    def _flush(self, size: int | None = None) -> None:
        """Send the first ``size`` bytes (all by default) as the next chunk."""
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        if self._streamed:
            self._send(data)
            return
        self._send(Outcome("ok", self._form, data, content_type(self._fmt), streamed=True))
        self._streamed = True

    def close(self, truncated: bool) -> None:
        """Send what is left; a streamed answer's end says whether the limit cut it, if the
        format has comments, and is followed by END."""
        if not self._streamed:
            body = bytes(self._buffer)
            self._send(Outcome("ok", self._form, body, content_type(self._fmt), truncated))
            return
        note = _CUT_NOTES.get(self._fmt)
        if truncated and note:
            self._buffer += note
        self._flush()
        self._send(END)


def _results_doc(names: list[str], rows: list[QuerySolution], fmt: QueryResultsFormat) -> bytes:
    """Rows as a whole results document: our JSON, or Oxigraph's serializer fed that JSON."""
    bindings = [
        {name: _term(value) for name, value in zip(names, row, strict=True) if value is not None}
        for row in rows
    ]
    body = json.dumps(
        {"head": {"vars": names}, "results": {"bindings": bindings}}, separators=(",", ":")
    ).encode()
    if fmt == QueryResultsFormat.JSON:
        return body
    return parse_query_results(body, format=QueryResultsFormat.JSON).serialize(format=fmt)


def _solutions(result: QuerySolutions, job: Job, fmt: QueryResultsFormat, body: _Body) -> None:
    """Write at most ``job.limit`` rows, ``ROWS_PER_GROUP`` at a time: each group serialized
    as a whole document and cut between the empty document's head and foot."""
    names = [v.value for v in result.variables]
    foot, separator = _RESULTS_FRAME[fmt]
    empty = _results_doc(names, [], fmt)
    head = empty[: len(empty) - len(foot)]
    body.write(head)
    rows = islice(result, job.limit)
    first = True
    while group := list(islice(rows, ROWS_PER_GROUP)):
        doc = _results_doc(names, group, fmt)
        body.write(b"" if first else separator)
        body.write(doc[len(head) : len(doc) - len(foot)])
        first = False
    body.write(foot)
    body.close(truncated=next(result, None) is not None)


def execute(store: Store, job: Job, send: Callable[[object], None]) -> None:
    """Evaluate a job on a store and send its Outcome (a streamed one followed by its chunks
    and END); never raises for anything the client did."""
    # Before query(): Oxigraph evaluates an ASK at once, SERVICE included.
    if calls_service(job.query):
        return send(Outcome("service"))
    try:
        result = store.query(job.query, base_iri=job.base_iri, prefixes=PREFIXES, **_dataset(job))
    except SyntaxError as e:
        return send(Outcome("syntax", detail=str(e)))
    if isinstance(result, QueryBoolean):
        if job.results_type is None:
            return send(Outcome("not_acceptable", "boolean"))
        fmt = RESULTS[job.results_type]
        return send(Outcome("ok", "boolean", result.serialize(format=fmt), content_type(fmt)))
    if isinstance(result, QuerySolutions):
        if job.results_type is None:
            return send(Outcome("not_acceptable", "solutions"))
        fmt = RESULTS[job.results_type]
        return _solutions(result, job, fmt, _Body(send, "solutions", fmt))
    if job.graph_type is None:
        return send(Outcome("not_acceptable", "graph"))
    graph_fmt = GRAPHS[job.graph_type]
    body = _Body(send, "graph", graph_fmt)
    triples = iter(result)
    serialize(islice(triples, job.limit), body, graph_fmt, prefixes=PREFIXES)
    body.close(truncated=next(triples, None) is not None)
    return None


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
            try:
                execute(stores.get(job.store), job, conn.send)
            except MemoryError:  # before or amid an answer: the server reads it in either place
                conn.send(Outcome("memory"))
            except Exception as e:  # evaluation or store errors go back to the client as 500
                conn.send(Outcome("error", detail=f"{type(e).__name__}: {e}"))
        except OSError:  # the pipe broke: the server is gone, no one is left to answer
            return
