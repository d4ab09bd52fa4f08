"""Streaming benchmark: a 1M-row SELECT through /sparql, streamed vs sent whole, side by side.

    .venv/bin/python -m bench.stream_bench [--rows 1000000] [--before REV] [--rounds 2]

The store holds ``--rows`` triples ``<thing/i> schema:name "thing i"`` and the query asks for
all of them as SPARQL JSON, the result limit raised above that. The same query goes to
``ldpub serve`` running this tree and running ``--before`` (a commit whose ``pipeline/`` sent
answers whole; by default the one before streaming), alternately for ``--rounds`` rounds.
Printed per server: time to first byte, time to the last byte, the answer's size and SHA-256
(the two must send the same bytes), the server process's peak RSS and its growth during the
query, and the peak RSS of the server with its query workers.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from bench.common import REPO, ldpub_server, peak_rss, status, uptime, write_publication

QUERY = "SELECT ?s ?name WHERE { ?s <http://schema.org/name> ?name }"
STREAMING = "7502964"  # the commit that made answers stream


@dataclass(frozen=True)
class Run:
    ttfb: float
    seconds: float
    size: int
    sha: str
    server_peak_mb: float
    server_growth_mb: float
    tree_peak_mb: float


def _quads(rows: int, out: Path) -> Path:
    path = out / "things.nq"
    with path.open("w") as f:
        for i in range(rows):
            f.write(
                f"<http://localhost:8000/id/thing/{i}> <http://schema.org/name> "
                f'"thing {i}" <http://localhost:8000/graph/things> .\n'
            )
    return path


def _hwm_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _query(url: str, pid: int) -> Run:
    warm = {"query": QUERY + " LIMIT 1000"}  # the worker opens the store, the cache fills
    requests.get(url + "sparql", params=warm, timeout=600).raise_for_status()
    before = _hwm_mb(pid)
    digest, size, first = hashlib.sha256(), 0, 0.0
    with peak_rss(pid, every=0.05) as tree:
        started = time.perf_counter()
        with requests.get(
            url + "sparql",
            params={"query": QUERY},
            headers={"Accept": "application/sparql-results+json"},
            stream=True,
            timeout=600,
        ) as r:
            r.raise_for_status()
            for chunk in r.iter_content(chunk_size=None):
                first = first or time.perf_counter() - started
                digest.update(chunk)
                size += len(chunk)
        seconds = time.perf_counter() - started
    after = _hwm_mb(pid)
    return Run(
        first, seconds, size, digest.hexdigest()[:12], after, after - before, tree[0] / 2**20
    )


def _old_tree(rev: str, out: Path) -> Path:
    """``pipeline/`` as it was at ``rev``, to serve with PYTHONPATH."""
    archive = subprocess.run(
        ["git", "archive", rev, "pipeline"], cwd=REPO, capture_output=True, check=True
    ).stdout
    out.mkdir()
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--before", default=STREAMING + "^", help="commit that sent whole")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ldpub-stream-bench-") as tmp_name:
        tmp = Path(tmp_name)
        status(f"writing {args.rows:,} triples and loading them into Oxigraph")
        dist = tmp / "dist"
        dist.mkdir()
        write_publication(_quads(args.rows, tmp), dist)
        old = _old_tree(args.before, tmp / "old")
        settings = {
            "LDPUB_RESULT_LIMIT": str(args.rows + 1),
            "LDPUB_QUERY_TIMEOUT": "300",
            "LDPUB_QUERY_MEMORY": "0",  # sent whole, a 1M-row answer needs more than 4 GB
        }
        servers = {
            f"whole ({args.before})": {**settings, "PYTHONPATH": str(old)},
            "streamed (this tree)": settings,
        }
        runs: dict[str, list[Run]] = {name: [] for name in servers}
        for round_ in range(args.rounds):
            for name, env in servers.items():
                status(f"round {round_ + 1}: {name}")
                log = tmp / f"{round_}-{name.split()[0]}.log"
                with ldpub_server(dist, log, workers=1, env=env) as server:
                    runs[name].append(_query(server.url, server.pid))
    print(f"\n{args.rows:,}-row SELECT as SPARQL JSON, best of {args.rounds} ({uptime()})")
    header = (
        f"{'server':<24} {'first byte':>10} {'last byte':>10} {'MB':>7} {'sha256':>12} "
        f"{'server peak':>11} {'growth':>8} {'+workers':>9}"
    )
    print(header)
    best: dict[str, Run] = {}
    for name, done in runs.items():
        run = best[name] = min(done, key=lambda r: r.seconds)
        print(
            f"{name:<24} {run.ttfb:>9.2f}s {run.seconds:>9.2f}s {run.size / 2**20:>7.1f} "
            f"{run.sha:>12} {run.server_peak_mb:>9.0f}MB {run.server_growth_mb:>6.0f}MB "
            f"{run.tree_peak_mb:>7.0f}MB"
        )
    whole, streamed = best.values()
    print(
        f"first byte {whole.ttfb / streamed.ttfb:.0f}x sooner; server growth "
        f"{whole.server_growth_mb:.0f} MB -> {streamed.server_growth_mb:.0f} MB; "
        f"same bytes: {whole.sha == streamed.sha}"
    )


if __name__ == "__main__":
    main()
