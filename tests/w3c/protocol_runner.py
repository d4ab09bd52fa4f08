"""The W3C SPARQL 1.1 Protocol test cases, run over HTTP against the real server.

The manifest (``../shared/w3c-sparql11/protocol/manifest.ttl`` from the repository root)
describes each case as raw HTTP requests with expected statuses, result formats and booleans.
The endpoint is read-only, so an update case passes when its update is refused with a 4xx and
every follow-up ASK answers false (nothing was written); every other case is checked as written.

Run as a script to print the outcomes and write the table in docs/w3c-protocol-results.md:
``python -m tests.w3c.protocol_runner [--write-doc]`` (from the repository root).
"""

from __future__ import annotations

import http.client
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from pyoxigraph import RdfFormat, parse
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

from tests.web.fixture_publication import write_release
from tests.web.live_server import REPO, live_server

PROTOCOL_DIR = REPO.parent / "shared" / "w3c-sparql11" / "protocol"
DOC = REPO / "docs" / "w3c-protocol-results.md"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = RESULT_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {
    "application/rdf+xml": RdfFormat.RDF_XML,
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[str]  # "2xx", "3xx", "4xx", ...
    boolean: bool | None
    format: str | None  # "boolean", "tabular", "RDF"

    @property
    def is_update(self) -> bool:
        content_type = self.headers.get("content-type", "")
        body = (self.body or b"").lstrip()
        return (
            "sparql-update" in content_type
            or body.startswith(b"update=")
            or "update=" in self.path
            or "using-" in self.path
        )


@dataclass(frozen=True)
class Case:
    name: str
    title: str
    requests: tuple[Request, ...]
    graph_data: tuple[tuple[str, str], ...]  # (file, graph name)

    @property
    def is_update(self) -> bool:
        return any(r.is_update for r in self.requests)


def _request(g: Graph, node) -> Request:
    headers = {}
    header_list = g.value(node, HT.headers)
    if header_list is not None:
        for h in Collection(g, header_list):
            headers[str(g.value(h, HT.fieldName)).lower()] = str(g.value(h, HT.fieldValue))
    body_node = g.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
    resp = g.value(node, HT.resp)
    statuses = frozenset(
        str(s).removeprefix(HTS).lower() for s in g.objects(resp, MF.expectedStatus)
    )
    boolean = g.value(resp, MF.expectedBoolean)
    fmt = g.value(resp, MF.expectedFormat)
    return Request(
        method=str(g.value(node, HT.methodName)),
        path=str(g.value(node, HT.absolutePath)),
        headers=headers,
        body=body,
        statuses=statuses,
        boolean=None if boolean is None else boolean.toPython(),
        format=None if fmt is None else str(fmt),
    )


def load_cases(folder: Path = PROTOCOL_DIR) -> list[Case]:
    """The manifest's cases in manifest order."""
    g = Graph().parse(folder / "manifest.ttl", format="turtle")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    cases = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(entry, MF.action)
        requests = tuple(_request(g, r) for r in Collection(g, g.value(action, HT.requests)))
        data = tuple(
            sorted(
                (str(g.value(d, UT.graph)).rsplit("/", 1)[-1], str(g.value(d, RDFS.label)))
                for d in g.objects(entry, UT.graphData)
            )
        )
        cases.append(
            Case(str(entry).rsplit("#", 1)[-1], str(g.value(entry, MF.name)), requests, data)
        )
    return cases


def trig_of(cases: list[Case], folder: Path = PROTOCOL_DIR) -> str:
    """Every data file the cases use, each in the named graph the manifest gives it."""
    graphs = dict(d for c in cases for d in c.graph_data)
    return "".join(
        f"<{name}> {{\n{(folder / file).read_text(encoding='utf-8')}}}\n"
        for file, name in sorted(graphs.items())
    )


def _boolean(content_type: str, body: bytes) -> bool:
    if content_type == "application/sparql-results+json":
        return bool(json.loads(body)["boolean"])
    ns = "{http://www.w3.org/2005/sparql-results#}"
    return ElementTree.fromstring(body).findtext(f"{ns}boolean") == "true"


def _check(req: Request, status: int, content_type: str, body: bytes, refused: bool) -> str:
    """An empty string if the response meets the request's expectations, else why not."""
    expected = {"4xx"} if refused and req.is_update else req.statuses
    if f"{status // 100}xx" not in expected:
        return f"{req.method} got {status}, expected {'/'.join(sorted(expected))}: {body[:200]!r}"
    if req.format == "boolean":
        if content_type not in RESULT_TYPES:
            return f"boolean result as {content_type!r}"
        want = False if refused else req.boolean
        if want is not None and _boolean(content_type, body) != want:
            return f"ASK answered {not want}, expected {want}"
    elif req.format == "tabular" and content_type not in TABULAR_TYPES:
        return f"tabular result as {content_type!r}"
    elif req.format == "RDF":
        if content_type not in RDF_TYPES:
            return f"RDF result as {content_type!r}"
        list(parse(body, format=RDF_TYPES[content_type]))
    return ""


def run_case(base_url: str, case: Case) -> str:
    """Run a case's requests in order; an empty string if it passes, else the first failure."""
    url = urlsplit(base_url)
    refused = case.is_update  # the read-only endpoint must refuse the update...
    for req in case.requests:
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        try:
            path = req.path.replace("/sparql/", "/sparql", 1)
            conn.request(req.method, path, body=req.body, headers=req.headers)
            resp = conn.getresponse()
            body = resp.read()
            content_type = (resp.getheader("Content-Type") or "").split(";")[0].strip()
        finally:
            conn.close()
        # ...and its follow-up queries must show that nothing changed.
        problem = _check(req, resp.status, content_type, body, refused)
        if problem:
            return problem
    return ""


def _outcome(case: Case, problem: str) -> str:
    if problem:
        return "FAIL: " + problem.replace("|", "/")
    if any(r.is_update and "2xx" in r.statuses for r in case.requests):
        return "pass (read-only: update refused with 4xx, follow-up ASK false)"
    return "pass"


def main(argv: list[str]) -> int:
    cases = load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        dist.mkdir()
        write_release(dist, "w3c", trig=trig_of(cases))
        with live_server(dist, Path(tmp) / "server.log") as base_url:
            outcomes = [(c, run_case(base_url, c)) for c in cases]
    passed = sum(not problem for _, problem in outcomes)
    rows = [f"| `{c.name}` | {c.title} | {_outcome(c, p)} |" for c, p in outcomes]
    table = "\n".join(["| case | description | outcome |", "| --- | --- | --- |", *rows])
    print(table)
    print(f"\n{passed} of {len(outcomes)} cases pass")
    if "--write-doc" in argv:
        DOC.write_text(
            "# W3C SPARQL 1.1 Protocol tests\n\n"
            "Generated by `python -m tests.w3c.protocol_runner --write-doc` (also run as "
            "`pytest tests/w3c`) against `ldpub serve` on a publication holding the manifest's "
            "data files. The endpoint is read-only, so an update case passes when the update is "
            "refused with a 4xx status and every follow-up ASK answers false.\n\n"
            f"**{passed} of {len(outcomes)} cases pass.**\n\n{table}\n",
            encoding="utf-8",
        )
    return 0 if passed == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
