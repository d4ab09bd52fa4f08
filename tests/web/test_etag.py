"""Entity and graph pages carry an ETag keyed on the release; a matching If-None-Match is 304."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from tests.web.fixture_publication import write_release
from tests.web.live_server import live_server

PAGES = ["id/person/qais-khazali", "id/article/000-raid", "graph/000-raid", "graph/entities.nt"]


def _etag(url: str, accept: str = "text/html") -> str:
    r = requests.get(url, headers={"Accept": accept}, timeout=30)
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "public, max-age=60"
    return r.headers["ETag"]


def test_if_none_match_is_304_until_the_release_changes(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    write_release(dist, "r1")
    with live_server(dist, tmp_path / "server.log") as base:
        tags = {}
        for page in PAGES:
            tags[page] = tag = _etag(base + page)
            again = requests.get(
                base + page, headers={"Accept": "text/html", "If-None-Match": tag}, timeout=30
            )
            assert again.status_code == 304
            assert again.content == b""
            assert again.headers["ETag"] == tag
            assert again.headers["Vary"] == "Accept"
        # Each representation has its own tag; an old tag gets the page again.
        assert _etag(base + PAGES[0], "text/turtle") != tags[PAGES[0]]
        stale = requests.get(base + PAGES[0], headers={"If-None-Match": '"other"'}, timeout=30)
        assert stale.status_code == 200
        write_release(dist, "r2")
        time.sleep(1.2)  # the server looks at dist/current at most once a second
        for page in PAGES:
            r = requests.get(
                base + page, headers={"Accept": "text/html", "If-None-Match": tags[page]}
            )
            assert r.status_code == 200
            assert r.headers["ETag"] != tags[page]
