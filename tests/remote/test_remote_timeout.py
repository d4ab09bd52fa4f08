"""A remote store is held to the query timeout, not to the HTTP client's own: against the real
Virtuoso of the remote tests (frozen with SIGSTOP), a query gives up after the timeout, and a
page whose store does not answer in time is the usual JSON 503."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from pipeline.store import TIMEOUT_MARGIN, RemoteTimeout, open_store
from pipeline.store.load import Loaded
from tests.hostile.conftest import assert_error
from tests.remote.virtuoso import Virtuoso
from tests.web.live_server import live_server

TIMEOUT = 1.0


def test_a_slow_remote_query_stops_at_the_query_timeout(
    virtuoso_server: Virtuoso, loaded: Loaded
) -> None:
    """A store that does not answer (frozen, so the test does not hang on how fast this
    machine is) is given up on after the timeout plus the margin."""
    store = open_store(virtuoso_server.sparql, query_timeout=TIMEOUT)
    assert store.query("ASK { ?s ?p ?o }")  # the store answers quick queries
    with _stopped(virtuoso_server):
        started = time.monotonic()
        with pytest.raises(RemoteTimeout, match="did not answer in time"):
            list(store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 5"))  # type: ignore[call-overload]
        waited = time.monotonic() - started
    # not the client's default of 300 s
    assert TIMEOUT <= waited < TIMEOUT + TIMEOUT_MARGIN + 1.5
    assert store.query("ASK { ?s ?p ?o }")  # and it is used again once it answers


def _pid(virtuoso: Virtuoso) -> int:
    """The process of this Virtuoso (its command line names its own configuration file)."""
    ini = str(virtuoso.folder / "virtuoso.ini").encode()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and ini in (entry / "cmdline").read_bytes().split(b"\0"):
                return int(entry.name)
        except OSError:
            continue
    raise AssertionError(f"no Virtuoso process for {ini!r}")


@contextmanager
def _stopped(virtuoso: Virtuoso) -> Iterator[None]:
    """Virtuoso frozen: it accepts connections (the kernel does) but answers nothing."""
    pid = _pid(virtuoso)
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def test_a_page_whose_store_is_late_is_503(
    remote_dist: Path, loaded: Loaded, virtuoso_server: Virtuoso, tmp_path: Path
) -> None:
    with live_server(
        remote_dist, tmp_path / "server.log", query_timeout=TIMEOUT, store=virtuoso_server.sparql
    ) as url:
        page = url + "id/person/qais-khazali"
        assert requests.get(page, headers={"Accept": "text/turtle"}, timeout=30).ok
        with _stopped(virtuoso_server):
            r = requests.get(page, headers={"Accept": "text/turtle"}, timeout=30)
        error = assert_error(r, 503, "query_timeout")
        assert error["title"] == "Query timeout"
        assert r.headers["X-LDPub-Release"] == "r1"
        # the store is back: so are the pages
        assert requests.get(page, headers={"Accept": "text/turtle"}, timeout=30).ok
