"""The SPARQL 1.1 Protocol endpoint: queries only, bounded in time and size.

``/sparql`` takes GET ``?query=``, POST forms and POST ``application/sparql-query`` bodies,
negotiates the result format, and runs the query in the worker pool. Without a query it
describes itself: the HTML query page for browsers, the SPARQL 1.1 Service Description for RDF
clients. Updates are refused: the store is the build's output, never edited in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request
from pyoxigraph import BlankNode, Literal, NamedNode, Triple, serialize
from werkzeug.datastructures import MIMEAccept, MultiDict

from pipeline.namespaces import PREFIXES
from pipeline.store import RemoteStoreError, RemoteTimeout
from pipeline.web import explore_results
from pipeline.web.errors import ApiError, error_response, wants_html
from pipeline.web.examples import EXAMPLES
from pipeline.web.formats import GRAPHS, HTML, RESULTS, content_type, names, negotiate
from pipeline.web.querypool import Call, PoolBusy, QueryTimeout, StreamFailed, WorkerCrashed
from pipeline.web.site import base_uri, publication, site
from pipeline.web.sparqltext import calls_service, is_update, nesting_depth
from pipeline.web.worker import Job, Outcome

bp = Blueprint("sparql", __name__)
log = logging.getLogger(__name__)

RESULT_LIMIT_HEADER = "X-LDPub-Result-Limit"
TRUNCATED_HEADER = "X-LDPub-Results-Truncated"
# On an answer longer than one chunk, sent as it is serialized: its headers leave before the
# result limit is reached, so TRUNCATED_HEADER is absent; a streamed answer the limit cut has
# exactly RESULT_LIMIT_HEADER rows or triples, and a comment at its end where the format has one.
STREAMED_HEADER = "X-LDPub-Results-Streamed"
REPORT_HEADERS = (RESULT_LIMIT_HEADER, TRUNCATED_HEADER, STREAMED_HEADER)

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

# Levels of braces, parentheses and brackets the endpoint lets the parser recurse into; the
# worker's stack overflows near 2,500 and honest queries stay far below 50.
MAX_NESTING = 200


@dataclass(frozen=True)
class Operation:
    """A protocol request reduced to what the engine needs."""

    query: str | None
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None


def _refuse_service() -> ApiError:
    return ApiError(
        403,
        "SERVICE is refused: this endpoint makes no outbound requests; "
        "query the remote endpoint yourself and join the results locally.",
        title="Federated query refused",
    )


def _shortened(message: str, most: int = 300) -> str:
    """A parser message cut to its first line and ``most`` characters (its lists run long)."""
    line = message.strip().splitlines()[0] if message.strip() else message
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"


def _refuse_update() -> ApiError:
    return ApiError(
        403,
        "This SPARQL endpoint is read-only and refuses SPARQL Update; download a dump from "
        "/dumps/ to change the data in your own store.",
        title="Updates are not accepted",
    )


def _graphs(params: MultiDict[str, str], name: str) -> tuple[str, ...] | None:
    values = params.getlist(name)
    for value in values:
        try:
            NamedNode(value)
        except ValueError:
            raise ApiError(
                400,
                f"The {name} parameter {value!r} is not an absolute IRI; "
                "send the full IRI of a graph.",
            ) from None
    return tuple(values) if values else None


def _utf8_body() -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(
            415,
            f"The request body is declared as {charset}; send the query as UTF-8 (charset=utf-8).",
        )
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(
            400, "The request body is not valid UTF-8; send the query as UTF-8."
        ) from None


def _operation() -> Operation:
    """Read the protocol's parameters from a GET or POST, refusing anything but one query."""
    if request.method in ("GET", "HEAD"):  # HEAD: the same answer, without its body
        params: MultiDict[str, str] = request.args
        queries = params.getlist("query")
    elif request.mimetype == _FORM:
        params = request.values  # graph parameters may sit in the URL or in the form
        _utf8_body()
        queries = request.form.getlist("query")
    elif request.mimetype == _QUERY:
        params = request.args
        queries = [_utf8_body()]
    elif request.mimetype == _UPDATE:
        raise _refuse_update()
    else:
        shown = request.mimetype or "no Content-Type"
        raise ApiError(
            415,
            f"A POST with {shown} cannot carry a query; send "
            f"Content-Type: {_QUERY} with the query as body, or {_FORM} with query=.",
        )
    if "update" in params:
        raise _refuse_update()
    if len(queries) > 1:
        raise ApiError(
            400, "The request holds more than one query; send exactly one query parameter."
        )
    if request.method == "POST" and not queries:
        raise ApiError(
            400,
            f"The POST carries no query; send it as the query= form field or as an {_QUERY} body.",
        )
    return Operation(
        _admitted(queries[0]) if queries else None,
        _graphs(params, "default-graph-uri"),
        _graphs(params, "named-graph-uri"),
    )


def _admitted(query: str) -> str:
    """The query, unless it must never reach a worker: too long, an update, SERVICE, too deep."""
    limit = site().max_query_length
    if len(query) > limit:
        raise ApiError(
            414 if request.method in ("GET", "HEAD") else 413,
            f"The query is {len(query)} characters long, over the limit of {limit} "
            "(max_query_length); shorten it, e.g. split a long VALUES list over several queries.",
            title="Query too long",
        )
    if is_update(query):
        raise _refuse_update()
    if calls_service(query):  # refused before it costs a worker
        raise _refuse_service()
    depth = nesting_depth(query)
    if depth > MAX_NESTING:
        raise ApiError(
            400,
            f"The query nests braces, parentheses or brackets {depth} levels deep, more than "
            f"the {MAX_NESTING} this endpoint parses; flatten it.",
            title="Query nested too deeply",
        )
    return query


def _service_description(fmt_type: str) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in an RDF format."""
    service, dataset, default = BlankNode(), BlankNode(), BlankNode()
    sd = lambda local: NamedNode(SD + local)  # noqa: E731
    triples = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), NamedNode(request.base_url)),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), default),
        Triple(default, RDF_TYPE, sd("Graph")),
        Triple(
            service,
            NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
            NamedNode(request.host_url + ".well-known/void"),
        ),
    ]
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "JSON-LD",
        "N-Triples",
        "RDF_XML",
    ):
        triples.append(Triple(service, sd("resultFormat"), NamedNode(FORMATS + name)))
    for graph in publication().store.named_graphs():
        node = BlankNode()
        triples += [
            Triple(dataset, sd("namedGraph"), node),
            Triple(node, RDF_TYPE, sd("NamedGraph")),
            Triple(node, sd("name"), graph),
        ]
    triples.append(
        Triple(
            service,
            NamedNode("http://purl.org/dc/terms/title"),
            Literal(f"ldpub SPARQL endpoint (release {publication().release})"),
        )
    )
    fmt = GRAPHS[fmt_type]
    body = serialize(triples, format=fmt, prefixes={"sd": SD, "formats": FORMATS})
    return Response(body, content_type=content_type(fmt), headers={"Vary": "Accept"})


def _query_page(run: Callable[[MIMEAccept], Response] | None = None) -> Response:
    """The query page; with ``run``, also the answer of the query in the address."""
    s = site()
    answer = explore_results.shown(run) if run else None
    html = render_template(
        "query.html",
        examples=EXAMPLES,
        prefixes=PREFIXES,
        timeout=s.query_timeout,
        limit=s.result_limit,
        base=base_uri(),
        answer=answer,
    )
    status = answer.status if answer else 200
    return Response(html, status=status, mimetype=HTML, headers={"Vary": "Accept"})


def _out_of_memory(cap: int) -> ApiError:
    needed = (
        f"more than the {cap} MB a query worker may use (query_memory)"
        if cap
        else "more memory than the machine could give"
    )
    return ApiError(
        503,
        f"The query needed {needed} and its worker was stopped; make it more selective (more "
        "specific patterns, a LIMIT, no ORDER BY over everything) and try again.",
        title="Query out of memory",
    )


def query_timeout(seconds: float) -> ApiError:
    """The answer to a query (endpoint or page) that ran past ``query_timeout``."""
    return ApiError(
        503,
        f"The query ran longer than the {seconds:g}-second limit (query_timeout) "
        "and was stopped; make it more selective (more specific patterns, a LIMIT) and "
        "try again.",
        title="Query timeout",
    )


def _failure(outcome: Outcome, cap: int) -> ApiError:
    """Why a worker had no answer, for the client."""
    if outcome.kind == "memory":
        return _out_of_memory(cap)
    if outcome.kind == "syntax":
        return ApiError(
            400,
            f"The query is not valid SPARQL 1.1 ({_shortened(outcome.detail)}); correct it at "
            "that line and column and send it again.",
            title="SPARQL syntax error",
        )
    if outcome.kind == "service":
        return _refuse_service()
    if outcome.kind == "not_acceptable":
        offered = [*RESULTS.values()] if outcome.form != "graph" else [*GRAPHS.values()]
        return ApiError(
            406,
            f"A {outcome.form} result cannot be sent as "
            f"{request.headers.get('Accept')!r}; accept one of: {names(offered)}.",
        )
    return ApiError(500, f"The query failed while running: {outcome.detail}", title="Query failed")


def _pool_error(error: Exception, timeout: float, cap: int) -> ApiError:
    """A query pool exception as the client's answer."""
    if isinstance(error, QueryTimeout):
        return query_timeout(timeout)
    if isinstance(error, PoolBusy):
        return ApiError(
            503,
            "Every query worker stayed busy for the whole query timeout; try "
            "again in a few seconds.",
            title="Endpoint busy",
            headers={"Retry-After": "5"},
        )
    return _out_of_memory(cap)


class _Streamed:
    """A streamed answer's body: the first chunk, then the worker's chunks as they come.

    A failure after the first byte can only cut the stream: the error raised here ends the
    response without its last chunk, which HTTP clients report as an incomplete answer (and
    which becomes the error page when the query page reads the answer whole).
    """

    def __init__(self, first: bytes, rest: Call, timeout: float, cap: int) -> None:
        self._first, self._rest = first, rest
        self._timeout, self._cap = timeout, cap

    def __iter__(self) -> Iterator[bytes]:
        yield self._first
        try:
            yield from self._rest
        except StreamFailed as e:  # out of memory, or a store error
            raise _failure(e.outcome, self._cap) from None
        except (QueryTimeout, WorkerCrashed) as e:
            raise _pool_error(e, self._timeout, self._cap) from None

    def close(self) -> None:
        """Called by the WSGI server at the end, also when it stopped reading early."""
        self._rest.close()


def _run(op: Operation, query: str, accept: MIMEAccept | None = None) -> Response:
    s = site()
    accept = accept or request.accept_mimetypes
    job = Job(
        store=publication().store_path,
        query=query,
        base_iri=base_uri(),
        limit=s.result_limit,
        results_type=negotiate(accept, list(RESULTS)),
        graph_type=negotiate(accept, list(GRAPHS)),
        default_graphs=op.default_graphs,
        named_graphs=op.named_graphs,
    )
    try:
        outcome, rest = s.pool.run(job)
    except (QueryTimeout, PoolBusy, WorkerCrashed) as e:
        raise _pool_error(e, s.query_timeout, s.query_memory) from None
    if outcome.kind != "ok":
        raise _failure(outcome, s.query_memory)
    headers = {"Vary": "Accept", RESULT_LIMIT_HEADER: str(s.result_limit)}
    if outcome.truncated:
        headers[TRUNCATED_HEADER] = "true"
    if not outcome.streamed:
        return Response(outcome.body, content_type=outcome.content_type, headers=headers)
    headers[STREAMED_HEADER] = "true"
    body = _Streamed(outcome.body, rest, s.query_timeout, s.query_memory)
    return Response(body, content_type=outcome.content_type, headers=headers)


@bp.app_errorhandler(RemoteTimeout)
def _remote_timeout(error: RemoteTimeout) -> Response:
    """A page's query on a remote store ran past the query timeout (the endpoint's own
    queries are stopped by the query pool first)."""
    log.warning("%s", error)
    return error_response(query_timeout(site().query_timeout))


@bp.app_errorhandler(RemoteStoreError)
def _remote_failed(error: RemoteStoreError) -> Response:
    """The remote store failed a page's query: the server is fine, the store is not."""
    log.error("%s", error)
    return error_response(
        ApiError(
            502,
            "The SPARQL store this server reads from failed to answer; try again in a moment.",
            title="Store failed",
        )
    )


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    op = _operation()
    if op.query is not None:
        if request.method == "GET" and wants_html():  # a browser following a query link
            return _query_page(lambda accept: _run(op, str(op.query), accept))
        return _run(op, op.query)
    choice = negotiate(request.accept_mimetypes, [*GRAPHS, HTML])
    if choice == HTML:
        return _query_page()
    if choice is None:
        raise ApiError(
            406,
            "The service description is available as HTML or as "
            f"{names(list(GRAPHS.values()))}; accept one of those.",
        )
    return _service_description(choice)
