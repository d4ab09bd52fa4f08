"""A fixture publication and the real server over it, shared by the web tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.fixture_publication import write_release
from tests.web.live_server import QUERY_TIMEOUT, RESULT_LIMIT, live_server


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pub") / "dist"
    folder.mkdir()
    write_release(folder, "r1")
    return folder


@pytest.fixture(scope="session")
def server(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of ``serve`` running over the fixture publication."""
    log = tmp_path_factory.mktemp("log") / "server.log"
    with live_server(
        dist, log, query_timeout=QUERY_TIMEOUT, result_limit=RESULT_LIMIT, query_workers=2
    ) as url:
        yield url
