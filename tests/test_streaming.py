"""Long SPARQL answers stream from the query worker through the server: a real server over a
generated store, answers several chunks long in every format.

Streaming is asserted by structure, not by timings: the answers have no Content-Length and say
``X-LDPub-Results-Streamed``; a query whose whole answer takes longer than the query timeout
still sends its first chunks (a whole-answer server would send only the 503); the server's peak
memory grows by far less than the answer it sent.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
import requests
from pyoxigraph import (
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    parse_query_results,
    serialize,
)
from rdflib.compare import isomorphic

from pipeline.web.worker import FIRST_CHUNK_BYTES
from tests.web.fixture_publication import write_release
from tests.web.live_server import live_server

QUERY_TIMEOUT = 4.0
RESULT_LIMIT = 1_000_000
SUBJECTS = 1_000
FAT = 3_000  # characters of each subject's long literal: the answers run to several chunks
EX = "https://news.example/ldpub/"

ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
# Every subject's name beside every long literal: a million rows, far past the timeout.
ENDLESS = "SELECT ?a ?t WHERE { ?a <urn:x:name> ?n . ?b <urn:x:text> ?t }"


def _trig() -> str:
    lines = [f"<{EX}graph/big> {{"]
    for i in range(SUBJECTS):
        s = f"<{EX}id/thing/t{i}>"
        text = f"text {i} " + "ä" * (FAT - 12)  # non-ASCII: chunks must not split characters
        lines.append(f'{s} <urn:x:name> "thing \\"{i}\\"\\n" ; <urn:x:text> "{text}"@en ;')
        lines.append(f"  <urn:x:next> <{EX}id/thing/t{(i + 1) % SUBJECTS}> ; <urn:x:n> {i} .")
    lines.append("}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A publication of 4,000 triples whose full answers are several chunks long."""
    dist = tmp_path_factory.mktemp("stream-pub") / "dist"
    dist.mkdir()
    write_release(dist, "r1", trig=_trig(), base=EX)
    return dist


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stream-log") / "server.log"


@pytest.fixture(scope="module")
def server(big: Path, log: Path) -> Iterator[str]:
    with live_server(
        big, log, query_timeout=QUERY_TIMEOUT, result_limit=RESULT_LIMIT, query_workers=2
    ) as url:
        yield url


def _expected(big: Path, query: str) -> QuerySolutions:
    """The query evaluated in this process, whole: what the streamed answer must equal."""
    store = Store.read_only(str(big / "current" / "store"))
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    return result


def _get(url: str, query: str, accept: str, **kwargs: object) -> requests.Response:
    return requests.get(
        url + "sparql",
        params={"query": query},
        headers={"Accept": accept},
        timeout=60,
        **kwargs,  # type: ignore[arg-type]
    )


def _assert_streamed(r: requests.Response) -> None:
    assert r.status_code == 200, r.text[:300]
    assert r.headers["X-LDPub-Results-Streamed"] == "true"
    assert "Content-Length" not in r.headers and r.headers["Transfer-Encoding"] == "chunked"
    assert "X-LDPub-Results-Truncated" not in r.headers
    assert r.headers["X-LDPub-Release"] == "r1"


def _rows(result: QuerySolutions) -> list[tuple[str, ...]]:
    return sorted(tuple(str(t) for t in row) for row in result)


@pytest.mark.parametrize(
    "fmt",
    [
        QueryResultsFormat.JSON,
        QueryResultsFormat.XML,
        QueryResultsFormat.CSV,
        QueryResultsFormat.TSV,
    ],
    ids=lambda f: f.file_extension,
)
def test_select_streams_in_every_results_format(server: str, big: Path, fmt) -> None:
    r = _get(server, ALL, fmt.media_type.split(";")[0])
    _assert_streamed(r)
    assert len(r.content) > FIRST_CHUNK_BYTES
    expected = _expected(big, ALL)
    if fmt == QueryResultsFormat.CSV:  # CSV loses term types: compare the plain values
        table = list(csv.reader(io.StringIO(r.content.decode("utf-8"), newline="")))
        assert table[0] == ["s", "p", "o"]
        assert sorted(map(tuple, table[1:])) == sorted(
            tuple(t.value for t in row) for row in expected
        )
        return
    if fmt == QueryResultsFormat.JSON:
        data = json.loads(r.content)
        assert data["head"]["vars"] == ["s", "p", "o"]
        assert len(data["results"]["bindings"]) == 4 * SUBJECTS
    got = parse_query_results(r.content, format=fmt)
    assert isinstance(got, QuerySolutions)
    assert _rows(got) == _rows(expected)


@pytest.mark.parametrize(
    ("accept", "parser"),
    [
        ("application/n-triples", "nt"),
        ("text/turtle", "turtle"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_streams_in_every_graph_format(
    server: str, big: Path, accept: str, parser: str
) -> None:
    r = _get(server, GRAPH, accept)
    _assert_streamed(r)
    got = rdflib.Graph().parse(data=r.content, format=parser)
    triples = [q.triple for q in Store.read_only(str(big / "current" / "store"))]
    expected = rdflib.Graph().parse(
        data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt"
    )
    assert len(got) == 4 * SUBJECTS
    assert isomorphic(got, expected)


CUT = "X-LDPub-Results-Truncated: true (the result limit cut this answer)"
HTML = {"Accept": "text/html"}


def test_a_streamed_answer_the_limit_cuts_says_so_at_its_end(tmp_path: Path, big: Path) -> None:
    """Its headers left before the cut: it holds the limit's count, and where the format has
    comments one marks the cut; an answer cut within its first chunk keeps the exact header."""
    limit = 1_000  # 6 kB each: two chunks, of the million rows or triples the queries find
    says = "CONSTRUCT { ?a <urn:x:says> ?t } WHERE { ?a <urn:x:name> ?n . ?b <urn:x:text> ?t }"
    with live_server(big, tmp_path / "server.log", result_limit=limit) as url:
        for accept, parser, last in [
            ("application/n-triples", "nt", f"# {CUT}"),
            ("text/turtle", "turtle", f"# {CUT}"),
            ("application/rdf+xml", "xml", f"<!-- {CUT} -->"),
        ]:
            r = _get(url, says, accept)
            _assert_streamed(r)
            assert r.content.decode("utf-8").splitlines()[-1] == last
            assert len(rdflib.Graph().parse(data=r.content, format=parser)) == limit
        r = _get(url, ENDLESS, "application/sparql-results+xml")
        _assert_streamed(r)
        assert r.content.decode("utf-8").splitlines()[-1] == f"<!-- {CUT} -->"
        assert len(list(parse_query_results(r.content, format=QueryResultsFormat.XML))) == limit
        r = _get(url, ENDLESS, "application/sparql-results+json")  # no comments in JSON
        _assert_streamed(r)
        assert len(r.json()["results"]["bindings"]) == limit
        small = "CONSTRUCT { ?a <urn:x:p> ?b } WHERE { ?a <urn:x:n> ?x . ?b <urn:x:n> ?y }"
        r = _get(url, small, "application/n-triples")  # a million short triples, cut early
        assert "X-LDPub-Results-Streamed" not in r.headers
        assert r.headers["X-LDPub-Results-Truncated"] == "true"
        assert int(r.headers["Content-Length"]) == len(r.content)
        assert len(r.content.splitlines()) == limit
        for query in (ENDLESS, says):  # the query page reads a streamed cut by its count
            page = requests.get(f"{url}/sparql", {"query": query}, headers=HTML, timeout=120)
            assert page.status_code == 200
            assert f"Only the first {limit} results are shown" in page.text


def test_first_chunks_leave_before_the_worker_ends_and_a_timeout_cuts_the_stream(
    server: str, log: Path
) -> None:
    """A whole-answer server could only answer this query with 503: it runs past the timeout."""
    r = _get(server, ENDLESS, "application/sparql-results+json", stream=True)
    _assert_streamed(r)
    received = 0
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        for chunk in r.iter_content(chunk_size=None):
            received += len(chunk)
    assert received >= FIRST_CHUNK_BYTES  # at least the first chunk came before the cut
    logged = log.read_text(encoding="utf-8")  # one line says why, no traceback
    assert re.search(
        r"WARNING waitress: .*/sparql: the answer was cut after it began: .*"
        r"query_timeout",
        logged,
    ), logged[-2000:]
    assert "Traceback" not in logged
    # the killed worker was replaced: the server still answers
    ask = _get(server, "ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert ask.status_code == 200 and ask.json()["boolean"] is True


def test_head_and_a_reader_that_stops_early_give_the_worker_back(server: str) -> None:
    head = requests.head(
        server + "sparql", params={"query": ALL}, headers={"Accept": "text/csv"}, timeout=60
    )
    assert head.status_code == 200 and head.headers["X-LDPub-Results-Streamed"] == "true"
    assert head.content == b""
    with _get(server, ALL, "text/csv", stream=True) as r:
        next(r.iter_content(chunk_size=1024))  # then hang up
    for _ in range(2):  # both workers (replaced) answer again; a leaked one would make it 503
        assert _get(server, ALL + " LIMIT 1", "text/csv").status_code == 200


def _server_pid(url: str) -> int:
    """The pid of the test's server child serving ``url`` (its command line names the port)."""
    port = url.rsplit(":", 1)[1].strip("/")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat[1]) == os.getpid() and port.encode() in args:
            return int(entry.name)
    raise AssertionError(f"no server process for {url}")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_server_memory_is_bounded_by_the_chunk_not_the_answer(server: str) -> None:
    pid = _server_pid(server)
    query = ENDLESS + " LIMIT 5000"  # about 90 MB of JSON (each ä is \\u00e4)
    _get(server, ENDLESS + " LIMIT 300", "application/sparql-results+json")  # warm up
    before = _peak_rss_mb(pid)
    received = 0
    with _get(server, query, "application/sparql-results+json", stream=True) as r:
        _assert_streamed(r)
        for chunk in r.iter_content(chunk_size=None):
            received += len(chunk)
    grown = _peak_rss_mb(pid) - before
    assert received > 80 * 1024 * 1024
    assert grown < received / 1024 / 1024 / 3, (grown, received)
