"""Crash safety: ``kill -9`` anywhere in a build leaves the previous publication intact and
served, and a server serving during a rebuild answers each request from one release only."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from tests.hostile.conftest import LDPUB, MARKUP, NO_ENTITIES, PLAIN, ldpub, sparql_get
from tests.web.live_server import REPO, live_server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class Snapshot:
    """What must survive a killed build: the release, its checksums and its store."""

    release: str
    sums: str
    triples: int


def snapshot(dist: Path) -> Snapshot:
    """The current release of ``dist``, after checking every dump against SHA256SUMS."""
    root = Path(os.path.realpath(dist / "current"))
    sums = (root / "dumps" / "SHA256SUMS").read_text()
    for line in sums.splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((root / "dumps" / name).read_bytes()).hexdigest() == digest, name
    return Snapshot(root.name, sums, store_triples(root))


def store_triples(root: Path) -> int:
    store = ox.Store.read_only(str(root / "store"))
    row = next(iter(store.query(COUNT, use_default_graph_as_union=True)))
    return int(row["n"].value)


def served(url: str) -> tuple[str, int]:
    """The release the server answers from, and the triple count it answers."""
    r = sparql_get(url, COUNT)
    assert r.status_code == 200, r.text
    return r.headers["X-LDPub-Release"], int(r.json()["results"]["bindings"][0]["n"]["value"])


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Snapshot]:
    """A one-article publication (the one to protect) and a bigger corpus to rebuild with."""
    root = tmp_path_factory.mktemp("crash")
    small = write_corpus(root / "small", {"plain.txt": PLAIN})
    big = write_corpus(
        root / "big", {"plain.txt": PLAIN, "markup.txt": MARKUP, "quiet.txt": NO_ENTITIES}
    )
    dist = root / "dist"
    proc = ldpub("build", str(small), "--out", str(dist))
    assert proc.returncode == 0, proc.stderr
    return dist, big, snapshot(dist)


@pytest.fixture(scope="module")
def server(
    first: tuple[Path, Path, Snapshot], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    log = tmp_path_factory.mktemp("crash-log") / "server.log"
    with live_server(first[0], log) as url:
        yield url


def _partial(dist: Path) -> Path | None:
    """The release a build is writing aside (a hidden folder under releases/), if any."""
    return next((p for p in (dist / "releases").glob(".*") if p.is_dir()), None)


def _has(name: str) -> Callable[[Path], bool]:
    return lambda dist: (p := _partial(dist)) is not None and (p / name).exists()


def _after(seconds: float) -> Callable[[Path], bool]:
    deadline = time.monotonic() + seconds
    return lambda dist: time.monotonic() >= deadline


# When to kill: while the model loads, while the aside release's store is being loaded, and
# while its dumps are being written. (The last milliseconds, from its manifest to the rename and
# the link swap, are too short to hit reliably by polling.)
KILL_POINTS: dict[str, Callable[[], Callable[[Path], bool]]] = {
    "loading": lambda: _after(0.5),
    "store being loaded": lambda: _has("store"),
    "dumps being written": lambda: _has("dumps"),
}


def build_killed_when(dist: Path, corpus: Path, when: Callable[[Path], bool]) -> bool:
    """Start ``ldpub build`` and SIGKILL its process group once ``when(dist)``; whether it was
    killed (False: it finished first)."""
    proc = subprocess.Popen(
        [*LDPUB, "build", str(corpus), "--out", str(dist)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if when(dist):
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
                return True
            time.sleep(0.001)
        return False
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@pytest.mark.parametrize("point", KILL_POINTS)
def test_kill_9_leaves_the_previous_publication_intact_and_served(
    first: tuple[Path, Path, Snapshot], server: str, point: str
) -> None:
    dist, big, before = first
    assert build_killed_when(dist, big, KILL_POINTS[point]()), "the build finished first"
    assert snapshot(dist) == before
    assert json.loads((dist / "publication.json").read_text())["release"] == before.release
    assert served(server) == (before.release, before.triples)


def test_a_rebuild_while_serving_never_mixes_releases(
    first: tuple[Path, Path, Snapshot], server: str
) -> None:
    dist, big, before = first
    seen: list[tuple[str, int, str, str]] = []  # header release, count, health release, status
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            release, count = served(server)
            health = requests.get(server + "health", timeout=10)
            seen.append(
                (release, count, health.headers["X-LDPub-Release"], health.json()["release"])
            )

    thread = threading.Thread(target=client)
    thread.start()
    try:
        proc = ldpub("build", str(big), "--out", str(dist))  # the killed builds' leftovers too
        assert proc.returncode == 0, proc.stderr
        after = snapshot(dist)
        deadline = time.monotonic() + 10
        while not any(s[0] == after.release for s in seen) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.3)
    finally:
        stop.set()
        thread.join(15)
    counts = {before.release: before.triples, after.release: after.triples}
    assert after.release != before.release and after.triples != before.triples
    assert {s[0] for s in seen} == set(counts), "the server never moved to the new release"
    for release, count, health_header, health_body in seen:
        assert count == counts[release]  # each answer is wholly from the release it names
        assert health_header == health_body
    assert not list((dist / "releases").glob(".*")), "a killed build's leftovers remain"
