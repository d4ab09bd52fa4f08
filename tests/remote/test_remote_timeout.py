"""A remote store is held to the query timeout, not to the HTTP client's own: against the real
Virtuoso of the remote tests, a slow query gives up after the timeout, and a page whose store
does not answer in time is the usual JSON 503."""

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
# About 5 s on Virtuoso: 1,000 subjects against every triple, a string built for each pair.
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a WHERE { ?a ?b ?c } LIMIT 1000 } "
    "?d ?e ?f FILTER(STRLEN(CONCAT(STR(?a), STR(?f))) > 3) }"
)


def test_a_slow_remote_query_stops_at_the_query_timeout(
    virtuoso_server: Virtuoso, loaded: Loaded
) -> None:
    store = open_store(virtuoso_server.sparql, query_timeout=TIMEOUT)
    assert store.query("ASK { ?s ?p ?o }")  # the store answers quick queries
    started = time.monotonic()
    with pytest.raises(RemoteTimeout, match="did not answer in time"):
        list(store.query(SLOW))  # type: ignore[call-overload]
    # not the client's default of 300 s, nor the query's own 5 s
    assert time.monotonic() - started < TIMEOUT + TIMEOUT_MARGIN + 1.5


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
