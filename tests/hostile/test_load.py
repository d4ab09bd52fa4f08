"""Bounded load on loopback, and a clean restart; the long soak is ``bench/soak.py``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.hostile.load import run_load
from tests.web.fixture_publication import write_release
from tests.web.live_server import REPO, free_port, stop, wait_until_up

CLIENTS = 24
SECONDS = 6.0


def test_load_mix_zero_errors(hostile_server: str) -> None:
    report = run_load(hostile_server, clients=CLIENTS, seconds=SECONDS)
    print(f"\n{CLIENTS} clients for {SECONDS:g} s on the query mix\n{report.table()}")
    assert report.requests > 2 * CLIENTS  # every client got answers
    assert not report.errors, report.table()
    assert requests.get(hostile_server + "health", timeout=10).status_code == 200  # no crash


def _children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (the query workers of a server)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _serve(dist: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """``ldpub serve`` itself, as an operator starts it."""
    with log.open("a") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "serve", str(dist), "--port", str(port)],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LDPUB_QUERY_WORKERS": "2"},
        )
    wait_until_up(proc, f"http://127.0.0.1:{port}/health", log, 60)
    return proc


def test_server_restarts_cleanly_on_the_same_folder(tmp_path: Path) -> None:
    """Stopped as a service manager stops it (SIGTERM), twice, on one folder and port."""
    dist = tmp_path / "dist"
    dist.mkdir()
    write_release(dist, "r1")
    port, log = free_port(), tmp_path / "serve.log"
    query = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}
    url = f"http://127.0.0.1:{port}/sparql"
    answers = []
    for _ in range(2):
        proc = _serve(dist, port, log)  # the same port: the first server let go of it
        workers = _children(proc.pid)
        assert len(workers) >= 2  # the query workers (and multiprocessing's resource tracker)
        answers.append(requests.get(url, params=query, timeout=10).json()["results"])
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            stop(proc)
            pytest.fail("serve did not exit on SIGTERM")
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{pid}").exists() for pid in workers):
            assert time.monotonic() < deadline, "query workers outlived the server"
            time.sleep(0.1)
    assert answers[0] == answers[1]
    assert "Traceback" not in log.read_text()
