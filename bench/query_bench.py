"""Query benchmark: ldpub vs Virtuoso over HTTP, and Oxigraph vs rdflib in process, side by side.

    .venv/bin/python -m bench.query_bench [--triples 1000000] [--seconds 10] [--clients 1,4,16]
        [--rdflib-triples 1000000] [--source BUILD/dumps/ldpub.nq.gz]

The data is a real build's N-Quads (the seeds' build unless ``--source``) replicated into
renamed copies up to ``--triples`` (see bench/common.py). Both servers hold the same quads and
get the same SPARQL queries, GET /sparql with SPARQL JSON results, from ``wrk`` at each client
count; ldpub's HTML entity pages (``/id/...``, ~8 queries each) are measured beside them.
Targets (PASS/MISS): ldpub >= 0.5x Virtuoso's requests/s on the entity-lookup mix at 16
clients with p99 <= 100 ms; Oxigraph >= 100x rdflib on the join queries.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from bench.common import (
    PREFIXES,
    PROLOGUE,
    bulk_load_virtuoso,
    ldpub_server,
    load,
    replicate,
    seed_quads,
    settle,
    status,
    uptime,
    virtuoso,
    write_publication,
)

JSON = "application/sparql-results+json"

# Each kind is a query template over one parameter, filled from the data's own IRIs and words.
QUERIES: dict[str, tuple[str, str]] = {
    "entity lookup": ("entity", "SELECT ?p ?o WHERE { <{}> ?p ?o }"),
    "label search": (
        "word",
        'SELECT ?s ?label WHERE {{ ?s rdfs:label ?label FILTER(STRSTARTS(STR(?label), "{}")) }} '
        "LIMIT 20",
    ),
    "2-hop neighbourhood": (
        "entity",
        "SELECT DISTINCT ?other WHERE {{ ?m itsrdf:taIdentRef <{}> ; nif:sentence ?s . "
        "?m2 nif:sentence ?s ; itsrdf:taIdentRef ?other }} LIMIT 100",
    ),
    "events by date and place": (
        "place",
        "SELECT ?e ?date WHERE {{ ?e sem:hasPlace <{}> ; sem:hasTimeStamp ?date "
        'FILTER(STR(?date) >= "2004" && STR(?date) < "2009") }} LIMIT 100',
    ),
    "aggregate counts": (
        "entity",
        "SELECT (COUNT(?m) AS ?mentions) (COUNT(DISTINCT ?g) AS ?articles) "
        "WHERE {{ GRAPH ?g {{ ?m itsrdf:taIdentRef <{}> }} }}",
    ),
}
JOINS = ["2-hop neighbourhood", "events by date and place", "aggregate counts"]
# The README's first example: every organization's mentions and articles, a join over the
# whole store (run once per engine).
MENTIONS_PER_ORGANIZATION = (
    PROLOGUE
    + """
SELECT ?org ?label (COUNT(?m) AS ?mentions) (COUNT(DISTINCT ?g) AS ?articles) WHERE {
  ?org a schema:Organization ; rdfs:label ?label .
  GRAPH ?g { ?m itsrdf:taIdentRef ?org }
} GROUP BY ?org ?label ORDER BY DESC(?mentions) LIMIT 10"""
)


def _fill(template: str, value: str) -> str:
    text = template.replace("{{", "\0").replace("}}", "\1").replace("{}", value)
    return PROLOGUE + text.replace("\0", "{").replace("\1", "}")


def parameters(store: ox.Store, n: int, seed: int = 0) -> dict[str, list[str]]:
    """Deterministic samples: mentioned entities, event places, label words."""

    def column(query: str) -> list[str]:
        rows = store.query(PROLOGUE + query, use_default_graph_as_union=True)
        return sorted({r[0].value for r in rows})  # type: ignore[union-attr,index]

    rng = random.Random(seed)
    entities = column("SELECT DISTINCT ?e WHERE { ?m itsrdf:taIdentRef ?e }")
    places = column("SELECT DISTINCT ?p WHERE { ?e sem:hasPlace ?p }")
    words = column(
        "SELECT DISTINCT ?w WHERE { ?s rdfs:label ?l "
        "BIND(STRBEFORE(CONCAT(STR(?l), ' '), ' ') AS ?w) }"
    )
    pick = lambda xs: [rng.choice(xs) for _ in range(n)]  # noqa: E731
    return {"entity": pick(entities), "place": pick(places), "word": pick(words)}


def queries(kind: str, params: dict[str, list[str]]) -> list[str]:
    slot, template = QUERIES[kind]
    return [_fill(template, v) for v in params[slot]]


def sparql_paths(texts: list[str]) -> list[str]:
    """GET /sparql requests for query texts."""
    return ["/sparql?query=" + quote(t, safe="") for t in texts]


def http(args: argparse.Namespace, data: Path, dist: Path, params: dict, tmp: Path) -> bool:
    """ldpub and Virtuoso side by side at each client count; returns the target's outcome."""
    entity_paths = sparql_paths(queries("entity lookup", params))
    mix: list[str] = []
    for group in zip(*(queries(k, params) for k in QUERIES), strict=True):
        mix += group
    mix_paths = sparql_paths(mix)
    base = "http://localhost:8000/"
    pages = [e.replace(base, "/") for e in params["entity"]]
    rows: list[tuple[str, int, str, object]] = []
    status("starting Virtuoso and bulk-loading the same quads")
    with virtuoso(tmp / "virtuoso", buffers=200_000, threads=32, dirs=[data.parent]) as v:
        seconds = bulk_load_virtuoso(v, data)
        status(f"Virtuoso bulk load: {args.triples / seconds:,.0f} triples/s")
        with ldpub_server(dist, tmp / "ldpub.log", threads=args.threads, workers=args.workers) as s:
            for url in (s.url, v.url + "/"):  # warm-up: workers open the store, caches fill
                load(url, mix_paths, clients=max(args.clients), seconds=args.warmup, accept=JSON)
            for clients in args.clients:
                for name, paths in (("entity lookup", entity_paths), ("query mix", mix_paths)):
                    for server, url in (("ldpub", s.url), ("virtuoso", v.url + "/")):
                        f = load(url, paths, clients=clients, seconds=args.seconds, accept=JSON)
                        rows.append((name, clients, server, f))
                        status(f"{name} c={clients} {server}: {f.rps:.0f} req/s")
            for clients in args.clients:  # last: a slow page must not hold up the cells above
                f = load(s.url, pages, clients=clients, seconds=args.seconds, accept="text/html")
                rows.append(("entity HTML page", clients, "ldpub", f))
                settle(s.url)
    print(f"\nHTTP, {args.triples:,} triples, {args.seconds:g} s per cell ({uptime()})")
    print(
        f"{'workload':<18} {'clients':>7} {'server':<9} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6}"
    )
    for name, clients, server, f in rows:
        print(
            f"{name:<18} {clients:>7} {server:<9} {f.rps:>8.1f} {f.p50_ms:>8.1f} "  # type: ignore[attr-defined]
            f"{f.p99_ms:>8.1f} {f.errors:>6}"
        )  # type: ignore[attr-defined]
    top = max(args.clients)
    cell = {(n, c, s): f for n, c, s, f in rows}
    ours, theirs = cell[("entity lookup", top, "ldpub")], cell[("entity lookup", top, "virtuoso")]
    ratio = ours.rps / theirs.rps  # type: ignore[attr-defined]
    ok = ours.rps > 0 and ratio >= 0.5 and ours.p99_ms <= 100  # type: ignore[attr-defined]
    print(
        f"{'PASS' if ok else 'MISS'} entity lookup at {top} clients: ldpub/virtuoso "
        f"{ratio:.2f}x (target >= 0.5x), ldpub p99 {ours.p99_ms:.1f} ms (target <= 100 ms)"
    )  # type: ignore[attr-defined]
    return ok


def _head(data: Path, lines: int, out: Path) -> Path:
    """The first ``lines`` quads of ``data`` (all of it if it has no more)."""
    with data.open() as src, out.open("w") as dst:
        dst.writelines(islice(src, lines))
    return out


def _time(run: Callable[[str], object], texts: list[str]) -> float:
    """Mean seconds per query over ``texts``, each result consumed whole."""
    started = time.perf_counter()
    for t in texts:
        run(t)
    return (time.perf_counter() - started) / len(texts)


def in_process(args: argparse.Namespace, data: Path) -> bool:
    """The join queries on rdflib and on Oxigraph over the same quads, one after the other."""
    from rdflib import Dataset

    status(f"loading {args.rdflib_triples:,} quads into rdflib and Oxigraph (in memory)")
    part = _head(data, args.rdflib_triples, data.with_name("rdflib.nq"))
    started = time.perf_counter()
    rdf = Dataset(default_union=True)
    rdf.parse(part, format="nquads")
    rdflib_load = time.perf_counter() - started
    ox_store = ox.Store()
    ox_store.bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS)
    params = parameters(ox_store, args.rdflib_queries)
    ns = {p: iri for p, iri in PREFIXES.items()}
    print(
        f"\nIn process, {args.rdflib_triples:,} triples ({uptime()}); rdflib load "
        f"{rdflib_load:.0f} s"
    )
    print(f"{'query':<26} {'rdflib ms':>10} {'oxigraph ms':>12} {'ratio':>8}")
    ratios = []
    runs = [(kind, queries(kind, params)) for kind in JOINS]
    for kind, texts in [*runs, ("mentions per organization", [MENTIONS_PER_ORGANIZATION])]:
        slow = _time(lambda t: list(rdf.query(t, initNs=ns)), texts)
        fast = _time(lambda t: list(ox_store.query(t, use_default_graph_as_union=True)), texts)
        ratios.append(slow / fast)
        print(f"{kind:<26} {slow * 1e3:>10.2f} {fast * 1e3:>12.3f} {slow / fast:>7.0f}x")
    mean = statistics.geometric_mean(ratios)
    ok = mean >= 100
    print(
        f"{'PASS' if ok else 'MISS'} Oxigraph/rdflib on the join queries: geometric mean "
        f"{mean:.0f}x (target >= 100x), lowest {min(ratios):.0f}x"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--source", type=Path, help="a build's ldpub.nq.gz (default: seeds)")
    parser.add_argument("--seconds", type=float, default=10.0, help="per measurement cell")
    parser.add_argument(
        "--clients", type=lambda s: [int(c) for c in s.split(",")], default=[1, 4, 16]
    )
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per server")
    parser.add_argument("--threads", type=int, default=16, help="ldpub serve --threads")
    parser.add_argument("--workers", type=int, default=4, help="ldpub serve --query-workers")
    parser.add_argument("--rdflib-triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-queries", type=int, default=10, help="queries per kind")
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ldpub-query-bench-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data.nq"
        n = replicate(seed_quads(args.source), max(args.triples, args.rdflib_triples), data)
        status(f"{n:,} quads generated")
        args.triples = min(args.triples, n)
        http_data = _head(data, args.triples, tmp / "http.nq")
        dist = tmp / "dist"
        dist.mkdir()
        seconds = write_publication(http_data, dist)
        status(f"Oxigraph bulk load: {args.triples / seconds:,.0f} triples/s")
        store = ox.Store.read_only(str(dist / "store"))
        params = parameters(store, 200)
        del store
        outcomes = []
        if not args.no_http:
            outcomes.append(http(args, http_data, dist, params, tmp))
        if not args.no_rdflib:
            outcomes.append(in_process(args, data))
    print("all targets met" if all(outcomes) else "some targets missed")


if __name__ == "__main__":
    main()
