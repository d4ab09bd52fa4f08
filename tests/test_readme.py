"""The README's promises: every setting documented, every example query runs on the seeds."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from pipeline.namespaces import PREFIXES
from pipeline.settings import SETTINGS

from .conftest import ROOT
from .web.live_server import live_server

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sparql\n(.*?)```", README, flags=re.S)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_documented(name: str) -> None:
    setting = SETTINGS[name]
    row = next((line for line in README.splitlines() if f"`{setting.flag}`" in line), "")
    assert f"`{setting.env}`" in row and setting.help in row


def test_readme_has_example_queries() -> None:
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_example_query_answers_on_the_seeds(seeds_build, query: str) -> None:
    out, _ = seeds_build
    store = ox.Store.read_only(str(out / "store"))
    rows = list(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True))
    assert rows, "the example query returned nothing on the seeds' build"


CURLS = [
    line
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    for line in block.splitlines()
    if line.startswith("curl ")
]


@pytest.fixture(scope="module")
def seeds_server(seeds_build, tmp_path_factory: pytest.TempPathFactory):
    out, _ = seeds_build
    log = tmp_path_factory.mktemp("readme") / "server.log"
    with live_server(out, log) as url:
        yield url


def test_readme_has_curl_examples() -> None:
    assert len(CURLS) >= 20


@pytest.mark.parametrize("command", CURLS, ids=[f"curl{i}" for i in range(len(CURLS))])
def test_curl_example_runs(seeds_server: str, command: str, tmp_path: Path) -> None:
    expected = re.search(r"#\s*(\d{3})\s*$", command)
    line = command.replace("http://127.0.0.1:8000/", seeds_server)
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip(), "the example printed nothing"
    if expected:
        assert expected.group(1) in proc.stdout


def test_readme_lists_each_w3c_case_as_the_runner_wrote_it() -> None:
    doc = (ROOT / "docs" / "w3c-protocol-results.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `")]
    assert len(rows) == 34
    assert all(row in README for row in rows)
