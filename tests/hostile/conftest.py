"""The hostile suite's parts: a tightly bounded live server, a mixed good-and-bad build, helpers.

The server runs the real ``serve`` over the shared fixture publication with small bounds (2 s,
50 rows, 700 MB per query worker, 20,000-character queries, 64 KiB bodies) so every limit can be
reached quickly; the build runs the real ``ldpub build`` command on a folder of good articles
(one of them full of markup) mixed with every kind of bad file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.web.fixture_publication import write_release
from tests.web.live_server import REPO, live_server

QUERY_TIMEOUT = 2.0
RESULT_LIMIT = 50
QUERY_MEMORY_MB = 700  # a worker with the store open maps about 420 MB
MAX_QUERY_LENGTH = 20_000
MAX_BODY_BYTES = 65_536
LIMITS_ENV = {
    "LDPUB_QUERY_MEMORY": str(QUERY_MEMORY_MB),
    "LDPUB_MAX_QUERY_LENGTH": str(MAX_QUERY_LENGTH),
    "LDPUB_MAX_BODY_BYTES": str(MAX_BODY_BYTES),
}
LDPUB = [sys.executable, "-m", "pipeline.cli"]


def assert_error(response: requests.Response, status: int, *words: str) -> dict[str, object]:
    """The response is the one JSON error shape with ``status`` and a detail naming ``words``."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"].startswith("application/json"), response.headers
    body = response.json()
    assert list(body) == ["error"] and set(body["error"]) == {"status", "title", "detail"}
    error = body["error"]
    assert error["status"] == status and error["title"]
    detail = str(error["detail"])
    assert detail.endswith(".") and "Traceback" not in detail, detail
    for word in words:
        assert word in detail, (word, detail)
    return error


def sparql_get(
    url: str, query: str, accept: str = "application/sparql-results+json"
) -> requests.Response:
    """GET ``query`` from the endpoint of the server at ``url``."""
    return requests.get(
        url + "sparql", params={"query": query}, headers={"Accept": accept}, timeout=30
    )


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of ``serve`` over the fixture publication, with small bounds."""
    dist = tmp_path_factory.mktemp("hostile-pub") / "dist"
    dist.mkdir()
    write_release(dist, "r1")
    log = tmp_path_factory.mktemp("hostile-log") / "server.log"
    with live_server(
        dist,
        log,
        query_timeout=QUERY_TIMEOUT,
        result_limit=RESULT_LIMIT,
        query_workers=3,  # two runaways in a row still leave one for the others
        env=LIMITS_ENV,
    ) as url:
        yield url


def ldpub(
    *args: str, timeout: float = 300, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as a user would."""
    return subprocess.run(
        [*prefix, *LDPUB, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200"},
    )


# Two articles that must be published: a plain one and one whose title, quotes and sidecar
# carry markup (escaped on every page, never executed).
PLAIN = (
    "Hezbollah leader visits Beirut\n"
    "Hassan Nasrallah, the leader of Hezbollah, met officials of the Lebanese Army in Beirut "
    "on 12 July 2006. The United Nations condemned the attack.\n"
)
MARKUP = (
    '<script>alert(1)</script> Hezbollah leader "><img src=x onerror=alert(1)> visits Beirut\n'
    "Hassan Nasrallah, the leader of Hezbollah, met General Michel<script>alert(2)</script>Aoun "
    "of the Lebanese Army in Beirut on 12 July 2006.\n"
    'The spokesman said "<script>alert(3)</script>" and "><img src=x onerror=alert(4)> to '
    "reporters after Israeli jets bombed Tyre.\n"
)
MARKUP_SIDECAR = {
    "author": '"><img src=x onerror=alert(5)>',
    "publisher": "<script>alert(6)</script> Wire",
}
NO_ENTITIES = "a note\nit rained all day and nobody said anything about it.\n"


@dataclass(frozen=True)
class MixedBuild:
    inputs: Path
    out: Path
    proc: subprocess.CompletedProcess[str]
    seconds: float

    def quarantine(self) -> dict[str, str]:
        """File name -> reason, from DIR/quarantine/quarantine.json."""
        listing = json.loads((self.out / "quarantine" / "quarantine.json").read_text())
        return {Path(q["path"]).name: q["reason"] for q in listing}


BIG_ARTICLE_BYTES = 50 * 1024 * 1024


def write_hostile_inputs(folder: Path) -> None:
    """Good articles beside one file for each way an input can be bad."""
    folder.mkdir(parents=True)
    (folder / "plain.txt").write_text(PLAIN)
    (folder / "markup.txt").write_text(MARKUP)
    (folder / "markup.meta.json").write_text(json.dumps(MARKUP_SIDECAR))
    (folder / "no-entities.txt").write_text(NO_ENTITIES)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Caf\u00e9 news\nThe caf\u00e9 opened.\n".encode("latin-1"))
    (folder / "page.txt").write_text(
        "<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Hi</p></body></html>\n"
    )
    with (folder / "huge.txt").open("wb") as big:  # real bytes, not a sparse file
        line = b"Hezbollah and the Lebanese Army met in Beirut again today.\n"
        for _ in range(BIG_ARTICLE_BYTES // len(line) + 1):
            big.write(line)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "badmeta.txt").write_text(PLAIN)
    (folder / "badmeta.meta.json").write_text('{"author": "A", "published": 2007')
    os.mkfifo(folder / "fifo.txt")  # a reader that opened it would wait for a writer forever
    (folder / "device.txt").symlink_to("/dev/zero")  # endless bytes
    locked = folder / "locked.txt"
    locked.write_text(PLAIN)
    locked.chmod(0)


def unprivileged() -> tuple[str, ...]:
    """A command prefix under which chmod 000 stops the build: root loses read-anything."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("root needs util-linux's setpriv to drop the capability to read anything")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


@pytest.fixture(scope="session")
def mixed_build(tmp_path_factory: pytest.TempPathFactory) -> MixedBuild:
    """``ldpub build`` once over good articles mixed with every kind of bad file."""
    root = tmp_path_factory.mktemp("mixed")
    inputs = root / "in"
    write_hostile_inputs(inputs)
    out = root / "dist"
    started = time.monotonic()
    proc = ldpub("build", str(inputs), "--out", str(out), prefix=unprivileged())
    return MixedBuild(inputs, out, proc, time.monotonic() - started)
