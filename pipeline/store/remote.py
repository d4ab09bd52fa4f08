"""A SPARQL 1.1 store over HTTP (Virtuoso, Fuseki, GraphDB, QLever, ...) with pyoxigraph's API.

Queries go to the Query endpoint and come back as pyoxigraph terms (``parse_query_results``
and ``parse``, streamed from the response), writes go to the Update endpoint or, when one is
given, the Graph Store Protocol endpoint. The remote store's default graph must be the union of
its named graphs, as it is in Virtuoso, GraphDB and QLever (Fuseki: ``tdb2:unionDefaultGraph``).

Every query is parsed by Oxigraph first (on an empty store), so a syntax error reads the same
as on the embedded store; callers refuse ``SERVICE`` before, as they do for the embedded store.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    Variable,
    parse,
    parse_query_results,
)
from pyoxigraph import Store as Oxigraph
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from urllib3.exceptions import ReadTimeoutError

from pipeline.store.bind import bind

_RESULTS = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_GRAPH_FORMATS = {
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "text/turtle": RdfFormat.TURTLE,
    "application/rdf+xml": RdfFormat.RDF_XML,
}


class RemoteStoreError(OSError):
    """The remote store cannot be reached or refused a request."""


class RemoteTimeout(RemoteStoreError):
    """The remote store did not answer a query in full within the store's timeout."""


class _Deadline:
    """A response body that may be read until a moment and no longer: a store that trickles
    its answer is held to the whole query's timeout, not to each read's."""

    def __init__(self, raw: Any, deadline: float, url: str) -> None:
        self._raw, self._deadline, self._url = raw, deadline, url

    def read(self, size: int = -1) -> bytes:
        if time.monotonic() > self._deadline:
            raise self._late("its answer took longer than the timeout")
        try:
            return self._raw.read(size)
        except ReadTimeoutError as e:
            raise self._late(str(e)) from e

    def _late(self, why: str) -> RemoteTimeout:
        return RemoteTimeout(f"The store at {self._url} did not answer in time: {why}")


def _credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """``http://user:pw@host/x`` -> (``http://host/x``, (user, pw)): sent only when challenged."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc)), (parts.username, parts.password or "")


def _prologue(base_iri: str | None, prefixes: Mapping[str, str] | None) -> str:
    lines = [f"BASE <{base_iri}>"] if base_iri else []
    lines += [f"PREFIX {p}: <{iri}>" for p, iri in (prefixes or {}).items()]
    return "".join(line + "\n" for line in lines)


def _boolean(rows: QuerySolutions) -> QueryBoolean:
    """Virtuoso 7 answers ASK with a table: no row is false, a row with 0 or false is false."""
    value = any(any(t is not None and t.value not in ("0", "false") for t in row) for row in rows)
    answer = b'{"head": {}, "boolean": %s}' % (b"true" if value else b"false")
    result = parse_query_results(answer, format=QueryResultsFormat.JSON)
    assert isinstance(result, QueryBoolean)
    return result


class RemoteStore:
    """A remote SPARQL 1.1 store; ``update`` and ``gsp`` are only needed to write to it.

    Credentials may sit in a URL (``http://user:password@host/...``); they are sent with the
    scheme the server asks for (Basic, or Digest as Virtuoso's ``/sparql-auth`` does).
    """

    def __init__(
        self, query: str, update: str = "", gsp: str = "", *, timeout: float = 300.0
    ) -> None:
        """``timeout``: seconds a request may take, a query's answer read in full included."""
        self.query_url, self._query_auth = _credentials(query)
        self.update_url, self._update_auth = _credentials(update or query)
        self.gsp_url, self._gsp_auth = _credentials(gsp) if gsp else ("", None)
        self.timeout = timeout
        self._session = requests.Session()
        self._auth: dict[str, AuthBase] = {}

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    def _send(
        self, method: str, url: str, creds: tuple[str, str] | None, **kwargs: Any
    ) -> requests.Response:
        """One request; a 401 is answered once with the scheme the server challenged with."""
        kwargs.setdefault("timeout", (min(10, self.timeout), self.timeout))
        try:
            r = self._session.request(method, url, auth=self._auth.get(url), **kwargs)
            if r.status_code == 401 and creds and url not in self._auth:
                scheme = r.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
                auth = HTTPDigestAuth(*creds) if scheme == "digest" else HTTPBasicAuth(*creds)
                self._auth[url] = auth
                r = self._session.request(method, url, auth=auth, **kwargs)
        except requests.Timeout as e:
            raise RemoteTimeout(f"The store at {url} did not answer in time: {e}") from e
        except requests.RequestException as e:
            raise RemoteStoreError(f"The store at {url} cannot be reached: {e}") from e
        if r.status_code >= 400:
            detail = " ".join(r.text[:400].split())
            raise RemoteStoreError(f"The store at {url} answered {r.status_code}: {detail}")
        return r

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
    ) -> QuerySolutions | QueryBoolean | Iterable[Triple]:
        """Evaluate on the remote store; the same call and result types as ``Store.query``.

        ``use_default_graph_as_union`` is what the remote store does anyway (see the module).
        Raises SyntaxError for a query Oxigraph cannot parse, RemoteStoreError otherwise.
        """
        # Bound where Oxigraph binds them: before FILTER, GROUP BY and LIMIT (see bind).
        text = _prologue(base_iri, prefixes) + bind(query, substitutions or {})
        # An empty store evaluates nothing but tells SELECT, ASK and graph queries apart.
        form = Oxigraph().query(text)
        data: list[tuple[str, str]] = [("query", text)]
        data += [("default-graph-uri", g.value) for g in default_graph or () if g.value]
        data += [("named-graph-uri", g.value) for g in named_graphs or ()]
        graph = isinstance(form, QueryTriples)
        accept = f"{_NTRIPLES}, text/turtle;q=0.9" if graph else _RESULTS
        deadline = time.monotonic() + self.timeout
        r = self._send(
            "POST",
            self.query_url,
            self._query_auth,
            data=data,
            headers={"Accept": accept},
            stream=True,
        )
        r.raw.decode_content = True  # gunzip while streaming
        body = _Deadline(r.raw, deadline, self.query_url)
        if not graph:
            result = parse_query_results(body, format=QueryResultsFormat.JSON)
            if isinstance(form, QueryBoolean) and isinstance(result, QuerySolutions):
                return _boolean(result)
            return result
        fmt = _GRAPH_FORMATS.get(r.headers.get("Content-Type", "").split(";")[0].strip())
        if fmt is None:
            raise RemoteStoreError(
                f"The store at {self.query_url} answered a graph query with "
                f"{r.headers.get('Content-Type')!r}; it must offer N-Triples or Turtle."
            )
        return (q.triple for q in parse(body, format=fmt))

    def _select(self, text: str, **substitutions: Any) -> QuerySolutions:
        bound = {Variable(k): v for k, v in substitutions.items() if v is not None}
        result = self.query(text, substitutions=bound or None)
        assert isinstance(result, QuerySolutions)
        return result

    def quads_for_pattern(
        self, subject: Any, predicate: Any, object: Any, graph_name: Any = None
    ) -> Iterator[Quad]:
        """The quads in named graphs matching a pattern (None matches anything)."""
        rows = self._select(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            s=subject,
            p=predicate,
            o=object,
            g=graph_name,
        )
        return (Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)

    def contains_named_graph(self, graph_name: NamedNode | BlankNode) -> bool:
        result = self.query(f"ASK {{ GRAPH {graph_name} {{ ?s ?p ?o }} }}")
        return bool(result)

    def named_graphs(self) -> Iterator[NamedNode | BlankNode]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return (r["g"] for r in rows)

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update on the Update endpoint."""
        self._send(
            "POST",
            self.update_url,
            self._update_auth,
            data=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def put_graph(self, graph: NamedNode, ntriples: bytes, *, replace: bool = True) -> None:
        """Replace (PUT) or extend (POST) one graph through the Graph Store Protocol."""
        self._send(
            "PUT" if replace else "POST",
            self.gsp_url,
            self._gsp_auth,
            params={"graph": graph.value},
            data=ntriples,
            headers={"Content-Type": _NTRIPLES},
        )
