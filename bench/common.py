"""Shared parts of the query and scale benchmarks: data, servers, load generation, figures.

Data: a build's N-Quads replicated into renamed copies (deterministic) up to a triple count.
Servers: ``ldpub serve`` (the real command) and Virtuoso, both on free loopback ports.
Load: ``wrk`` (C, event loop; Debian package ``wrk``) with a Lua script cycling through a fixed
list of requests, so the client costs little next to the servers it measures.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

from tests.remote.virtuoso import Virtuoso, virtuoso
from tests.web.live_server import free_port, launched

__all__ = [
    "Virtuoso",
    "bulk_load_virtuoso",
    "ldpub_server",
    "load",
    "percentile",
    "replicate",
    "settle",
    "status",
    "uptime",
    "virtuoso",
    "write_publication",
]

REPO = Path(__file__).resolve().parent.parent
BASE = "http://localhost:8000/"
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "http://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
}
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def status(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def uptime() -> str:
    """The load average, printed beside every figure (other work shares these CPUs)."""
    return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])


def percentile(samples: Sequence[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


# -- data -------------------------------------------------------------------------------------


def seed_quads(source: Path | None) -> Path:
    """An N-Quads file of a real build: ``source`` (a build's .nq[.gz]) or a build of seeds/."""
    if source is not None:
        return source
    out = Path(tempfile.mkdtemp(prefix="ldpub-bench-seeds-"))
    status(f"building seeds/ into {out} for the benchmark data")
    subprocess.run(
        [str(REPO / ".venv/bin/ldpub"), "build", "seeds", "--out", str(out), "--base-uri", BASE],
        cwd=REPO,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    dump = out / "dumps" / "ldpub.nq.gz"
    if not dump.is_file():
        sys.exit(f"the seeds' build into {out} failed; pass --source BUILD/dumps/ldpub.nq.gz")
    return dump


def _lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        return [line for line in f if line.strip()]


def replicate(source: Path, triples: int, out: Path, base: str = BASE) -> int:
    """Write about ``triples`` quads to ``out``: copies of ``source`` with renamed IRIs.

    Copy k appends ``-k`` to every minted IRI's path (``id/person/x`` -> ``id/person/x-7``,
    ``graph/000-abc`` -> ``graph/000-abc-7``, fragments kept), except the shared entities and
    provenance graph names, so each copy adds new entities, articles and events with the same
    shape as the build. Copy 0 is the source itself. Returns the number of quads written.
    """
    lines = _lines(source)
    minted = re.compile("<" + re.escape(base) + r"((?:id|graph)/[^>#]*)(#[^>]*)?>")
    keep = {"graph/entities", "graph/provenance"}
    copies = max(1, -(-triples // len(lines)))
    written = 0
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            suffix = f"-{k}"

            def rename(m: re.Match[str], suffix: str = suffix) -> str:
                path = m.group(1)
                tail = m.group(2) or ""
                return f"<{base}{path}{tail}>" if path in keep else f"<{base}{path}{suffix}{tail}>"

            for line in lines:
                f.write(minted.sub(rename, line) if k else line)
                written += 1
                if written >= triples:
                    return written
    return written


def write_publication(quads: Path, dist: Path, base: str = BASE) -> float:
    """A publication folder ``ldpub serve`` can open, its store bulk-loaded from ``quads``.

    Returns the seconds Oxigraph's bulk loader took.
    """
    root = dist / "releases" / "bench"
    (root / "dumps").mkdir(parents=True)
    (root / "reports").mkdir()
    store = ox.Store(str(root / "store"))
    started = time.perf_counter()
    store.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    meta = {"base_uri": base, "release": "bench", "counts": {"triples": len(store)}}
    del store
    (root / "publication.json").write_text(json.dumps(meta))
    os.symlink("releases/bench", dist / "current")
    for name in ("store", "dumps", "reports", "publication.json"):
        os.symlink(f"current/{name}", dist / name)
    return seconds


def bulk_load_virtuoso(server: Virtuoso, quads: Path) -> float:
    """Load an N-Quads file with Virtuoso's bulk loader (ld_dir + rdf_loader_run); seconds."""
    started = time.perf_counter()
    server.isql(
        f"ld_dir('{quads.parent}', '{quads.name}', 'urn:ldpub:bench')",
        "rdf_loader_run()",
        "checkpoint",
    )
    return time.perf_counter() - started


# -- servers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Running:
    url: str
    pid: int


@contextmanager
def ldpub_server(
    dist: Path,
    log: Path,
    *,
    threads: int = 16,
    workers: int = 4,
    store: str = "",
    env: Mapping[str, str] | None = None,
) -> Iterator[Running]:
    """``ldpub serve DIST`` on a free loopback port until the block ends; ``env`` adds
    variables (``LDPUB_*`` settings, or a PYTHONPATH that serves other code)."""
    port = free_port()
    cmd = [str(REPO / ".venv/bin/ldpub"), "serve", str(dist), "--port", str(port)]
    cmd += ["--threads", str(threads), "--query-workers", str(workers), "--store", store]
    with launched(cmd, port, log, env=env, up_within=120, stop_within=20) as (url, proc):
        yield Running(url, proc.pid)


def settle(url: str, seconds: float = 120) -> None:
    """Wait until the server answers /health at once again (its queue has drained)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        requests.get(url + "health", timeout=seconds)
        if time.perf_counter() - started < 0.05:
            return
        time.sleep(0.5)


def _tree(pid: int) -> list[int]:
    """A process and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def rss_bytes(pid: int, *, tree: bool = True) -> int:
    """Resident memory of a process tree (server + query workers), or of the process alone."""
    total = 0
    for p in _tree(pid) if tree else [pid]:
        try:
            status_text = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        m = re.search(r"VmRSS:\s+(\d+) kB", status_text)
        total += int(m.group(1)) * 1024 if m else 0
    return total


@contextmanager
def peak_rss(pid: int, every: float = 0.2) -> Iterator[list[int]]:
    """Sample RSS while the block runs; the list's items are the peaks of the tree and of the
    process alone."""
    peak = [rss_bytes(pid), rss_bytes(pid, tree=False)]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            peak[0] = max(peak[0], rss_bytes(pid))
            peak[1] = max(peak[1], rss_bytes(pid, tree=False))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


# -- load generation --------------------------------------------------------------------------

_LUA = r"""
local paths, accept, i = {}, "", 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  accept = args[2]
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept"] = accept })
end
function done(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50": %f, "p99": %f, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.errors.status))
end
"""


@dataclass(frozen=True)
class Figures:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def load(url: str, paths: Sequence[str], *, clients: int, seconds: float, accept: str) -> Figures:
    """Drive ``url`` + each path in turn with ``clients`` connections for ``seconds``."""
    with tempfile.TemporaryDirectory() as tmp:
        script, listing = Path(tmp) / "mix.lua", Path(tmp) / "paths.txt"
        script.write_text(_LUA)
        listing.write_text("\n".join(paths) + "\n")
        done = subprocess.run(
            [
                *("wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{seconds:g}s"),
                *("--timeout", "30s", "-s", str(script), url, "--", str(listing), accept),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return Figures(
        result["requests"] / result["seconds"],
        result["p50"],
        result["p99"],
        result["errors"] + result["non2xx"],
    )
