"""A release's search and list indexes are read as soon as the server opens it, not by the
first visitor: the server's log says so before any page that needs them was asked for."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from tests.web.fixture_publication import write_release
from tests.web.live_server import live_server


def _logged(log: Path, release: str, seconds: float = 30) -> bool:
    line = f"read the search and list indexes of release {release}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if line in log.read_text():
            return True
        time.sleep(0.2)
    return False


def test_indexes_are_read_when_a_release_opens(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    write_release(dist, "r1")
    log = tmp_path / "server.log"
    with live_server(dist, log) as url:
        assert _logged(log, "r1")  # only /health was asked for
        write_release(dist, "r2", link=False)
        (dist / "current").unlink()
        (dist / "current").symlink_to("releases/r2")
        time.sleep(1.1)  # the server looks at the link at most once a second
        assert requests.get(url + "health", timeout=10).status_code == 200
        requests.get(url + "sparql", params={"query": "ASK {}"}, timeout=10)
        assert _logged(log, "r2")
        people = requests.get(url + "people.json", timeout=10)
        assert people.status_code == 200
        assert people.headers["X-LDPub-Release"] == "r2"
