"""Soak test: many clients on the query mix for a minute (or longer), with runaway queries
beside them, then a restart; prints latencies, memory and every unexpected answer.

    .venv/bin/python -m bench.soak [--clients 32] [--seconds 60] [--runaways 2]
        [--workers 4] [--result-limit 1000] [--dist DIR]

The server is ``ldpub serve`` itself over ``--dist`` (default: the test suite's fixture
publication written to a temporary folder); the mix is the hostile suite's
(``tests/hostile/load.py``: lookups, aggregates, a truncated result, pages, dumps, a syntax
error, SERVICE and an update, each with the status it must get). ``--runaways`` more clients
send only cartesian products that must be stopped at the query timeout (503) while the others
are answered. Other settings reach the server from the environment (``LDPUB_QUERY_TIMEOUT``,
``LDPUB_QUERY_MEMORY``, ...). The truncated query of the mix returns ``--result-limit`` rows, so
that setting weighs most on throughput (with the server default of 10,000 rows the mix is
mostly JSON serialization). Exit status 1 when any answer was unexpected or the restarted
server did not answer.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

import requests

from bench.common import ldpub_server, peak_rss, rss_bytes, status
from tests.hostile.load import Report, run_load, sparql
from tests.web.fixture_publication import write_release

RUNAWAY = sparql(
    "runaway",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }",
    expect=503,
)


def soak(dist: Path, log: Path, args: argparse.Namespace) -> bool:
    """One soak run and a restart; whether every answer was the expected one."""
    with ldpub_server(dist, log, workers=args.workers) as server:
        before = rss_bytes(server.pid)
        status(f"{args.clients} clients + {args.runaways} runaways for {args.seconds:g} s")
        reports: dict[str, Report] = {}
        runaways = threading.Thread(
            target=lambda: reports.update(
                runaway=run_load(
                    server.url, clients=args.runaways, seconds=args.seconds, mix=(RUNAWAY,)
                )
            )
        )
        with peak_rss(server.pid) as peak:
            if args.runaways:
                runaways.start()
            reports["mix"] = run_load(server.url, clients=args.clients, seconds=args.seconds)
            if args.runaways:
                runaways.join()
        after = rss_bytes(server.pid)
    for name, report in reports.items():
        print(f"\n{name}\n{report.table()}")
    mb = 1024 * 1024
    print(
        f"\nserver + workers RSS: {before / mb:.0f} MB before, {peak[0] / mb:.0f} MB peak, "
        f"{after / mb:.0f} MB after"
    )
    with ldpub_server(dist, log, workers=args.workers) as again:
        restarted = requests.get(again.url + "health", timeout=10).status_code == 200
    print(f"restart on the same folder: {'answers' if restarted else 'FAILED'}")
    return restarted and not any(r.errors for r in reports.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runaways", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4, help="query worker processes")
    parser.add_argument(
        "--result-limit", type=int, default=1000, help="the server's result_limit [1000]"
    )
    parser.add_argument("--dist", type=Path, help="publication to serve [fixture publication]")
    args = parser.parse_args()
    os.environ["LDPUB_RESULT_LIMIT"] = str(args.result_limit)  # the server inherits it
    with tempfile.TemporaryDirectory(prefix="ldpub-soak-") as tmp:
        dist = args.dist
        if dist is None:
            dist = Path(tmp, "dist")
            dist.mkdir()
            write_release(dist, "soak")
        ok = soak(dist, Path(tmp, "serve.log"), args)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
