"""A real Virtuoso on loopback holding the fixture publication, and ldpub served from it.

Virtuoso is a required test dependency (``scripts/system-deps.sh`` installs it): when it
cannot start, these tests fail saying so rather than being skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.store import RemoteStore
from pipeline.store.load import Loaded, load_release
from tests.remote.virtuoso import Virtuoso, virtuoso
from tests.web.fixture_publication import BASE, write_release
from tests.web.live_server import live_server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture(scope="session")
def remote_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("remote-pub") / "dist"
    folder.mkdir()
    write_release(folder, "r1")
    return folder


@pytest.fixture(scope="session")
def loaded(virtuoso_server: Virtuoso, remote_dist: Path) -> Loaded:
    """The fixture release put into Virtuoso by the Graph Store Protocol."""
    store = RemoteStore(virtuoso_server.sparql, gsp=virtuoso_server.gsp)
    return load_release(remote_dist / "current", store, BASE)


@pytest.fixture(scope="session")
def servers(
    remote_dist: Path, loaded: Loaded, virtuoso_server: Virtuoso, tmp_path_factory
) -> Iterator[tuple[str, str]]:
    """(embedded, remote): ldpub over the same release, from Oxigraph and from Virtuoso."""
    logs = tmp_path_factory.mktemp("remote-logs")
    with (
        live_server(remote_dist, logs / "embedded.log", result_limit=50) as embedded,
        live_server(
            remote_dist, logs / "remote.log", result_limit=50, store=virtuoso_server.sparql
        ) as remote,
    ):
        yield embedded, remote
