"""Scale benchmark: a store of millions of triples, bulk-loaded and served by ``ldpub serve``.

    .venv/bin/python -m bench.scale_bench [--triples 5000000] [--seconds 20] [--clients 4]
        [--virtuoso] [--source BUILD/dumps/ldpub.nq.gz]

The data is a real build's N-Quads replicated into renamed copies (bench/common.py). Figures:
Oxigraph's bulk-load rate (and Virtuoso's with ``--virtuoso``), entity-page latency over HTTP
(HTML and Turtle, ``wrk`` with ``--clients`` connections), and the peak resident memory of the
server with its query workers, sampled through the whole serving phase. Targets (PASS/MISS):
HTML entity pages p50 <= 50 ms, peak memory <= 4 GB.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import requests

from bench.common import (
    BASE,
    bulk_load_virtuoso,
    ldpub_server,
    load,
    peak_rss,
    replicate,
    seed_quads,
    status,
    uptime,
    virtuoso,
    write_publication,
)
from bench.query_bench import JSON, parameters, queries, sparql_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=5_000_000)
    parser.add_argument("--source", type=Path, help="a build's ldpub.nq.gz (default: seeds)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per measurement")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--threads", type=int, default=16, help="ldpub serve --threads")
    parser.add_argument("--workers", type=int, default=4, help="ldpub serve --query-workers")
    parser.add_argument("--virtuoso", action="store_true", help="also bulk-load into Virtuoso")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ldpub-scale-bench-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data.nq"
        n = replicate(seed_quads(args.source), args.triples, data)
        status(f"{n:,} quads generated")
        dist = tmp / "dist"
        dist.mkdir()
        seconds = write_publication(data, dist)
        print(f"\nScale, {n:,} triples ({uptime()})")
        print(f"Oxigraph bulk load: {n / seconds:,.0f} triples/s ({seconds:.0f} s)")
        if args.virtuoso:
            with virtuoso(tmp / "virtuoso", buffers=400_000, dirs=[tmp]) as v:
                vs = bulk_load_virtuoso(v, data)
            print(f"Virtuoso bulk load: {n / vs:,.0f} triples/s ({vs:.0f} s)")
        store = ox.Store.read_only(str(dist / "store"))
        params = parameters(store, 200)
        del store
        pages = [e.replace(BASE, "/") for e in params["entity"]]
        mix: list[str] = []
        for kind in ("entity lookup", "2-hop neighbourhood", "aggregate counts"):
            mix += sparql_paths(queries(kind, params))
        rows = []
        with (
            ldpub_server(dist, tmp / "ldpub.log", threads=args.threads, workers=args.workers) as s,
            peak_rss(s.pid) as peak,
        ):
            # A served release reads its search and list indexes in its first seconds (about
            # 25 s at 5M triples); the pages are measured after that, as visitors meet them.
            started = time.monotonic()
            for path in ("events.json", "people.json", "search.json?q=a"):
                requests.get(s.url + path, timeout=600).raise_for_status()
            status(f"indexes read in {time.monotonic() - started:.0f} s")
            load(s.url, pages, clients=args.clients, seconds=3, accept="text/turtle")  # warm-up
            # The HTML pages last: a slow page must not hold up the measurements after it.
            for name, paths, accept in (
                ("entity page, Turtle", pages, "text/turtle"),
                ("SPARQL mix", mix, JSON),
                ("entity page, HTML", pages, "text/html"),
            ):
                f = load(s.url, paths, clients=args.clients, seconds=args.seconds, accept=accept)
                rows.append((name, f))
                status(f"{name}: {f.rps:.0f} req/s")
    print(f"after serving: {uptime()} (other work on these CPUs slows every figure)")
    print(f"{'workload':<22} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for name, f in rows:
        print(
            f"{name:<22} {args.clients:>7} {f.rps:>8.1f} {f.p50_ms:>8.1f} {f.p99_ms:>8.1f} "
            f"{f.errors:>6}"
        )
    gib = peak[0] / 2**30
    print(f"peak RSS of server + {args.workers} query workers: {gib:.2f} GiB")
    html = rows[-1][1]
    ok_latency, ok_memory = html.rps > 0 and html.p50_ms <= 50, gib <= 4
    shown = f"p50 {html.p50_ms:.1f} ms" if html.rps else f"no page done in {args.seconds:g} s"
    print(
        f"{'PASS' if ok_latency else 'MISS'} HTML entity pages at {n:,} triples: "
        f"{shown} (target p50 <= 50 ms)"
    )
    print(f"{'PASS' if ok_memory else 'MISS'} peak memory {gib:.2f} GiB (target <= 4 GiB)")


if __name__ == "__main__":
    main()
