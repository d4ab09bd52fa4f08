"""Run the real server (``pipeline.web.serve`` under waitress) in a child process for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]

# The shared test server's bounds: short enough to test, long enough for every honest query.
QUERY_TIMEOUT = 2.0
RESULT_LIMIT = 50

_LAUNCH = """
import sys
from pathlib import Path
from pipeline.web import serve
dist, port, timeout, limit, workers, base, store = sys.argv[1:]
serve(Path(dist), host="127.0.0.1", port=int(port), base_uri=base or None,
      query_timeout=float(timeout), result_limit=int(limit), threads=8,
      query_workers=int(workers), store=store)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(
    dist: Path,
    log: Path,
    *,
    query_timeout: float = 10.0,
    result_limit: int = 10000,
    query_workers: int = 2,
    base_uri: str = "",
    store: str = "",
    env: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """Start ``serve`` on a free port of 127.0.0.1, yield its URL, stop it at the end.

    ``store``: a remote store's query URL to serve from (default: the embedded store).
    ``env``: ``LDPUB_*`` variables for the settings the launcher does not pass.
    """
    port = free_port()
    args = [dist, port, query_timeout, result_limit, query_workers, base_uri, store]
    command = [sys.executable, "-c", _LAUNCH, *map(str, args)]
    with launched(command, port, log, env=env) as (url, _):
        yield url


@contextmanager
def launched(
    command: list[str],
    port: int,
    log: Path,
    *,
    env: Mapping[str, str] | None = None,
    up_within: float = 30,
    stop_within: float = 10,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run a server ``command`` that listens on ``port`` of 127.0.0.1, its output in ``log``;
    yield its URL and process once /health answers, and stop it when the block ends."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(proc, url + "health", log, up_within)
        yield url, proc
    finally:
        stop(proc, stop_within)


def wait_until_up(proc: subprocess.Popen, url: str, log: Path, seconds: float) -> None:
    """Poll ``url`` until it answers 200; RuntimeError with the log if ``proc`` dies or is late."""
    deadline = time.monotonic() + seconds
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} not up after {seconds:g} s:\n{log.read_text()}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen, seconds: float = 10) -> None:
    """Terminate a server, killing it if it does not exit within ``seconds``."""
    proc.terminate()
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
