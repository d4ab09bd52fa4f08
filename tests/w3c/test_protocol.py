"""The W3C SPARQL 1.1 Protocol test cases (34), one test each, against the real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.w3c.protocol_runner import PROTOCOL_DIR, Case, load_cases, run_case, trig_of
from tests.web.fixture_publication import write_release
from tests.web.live_server import live_server

if not (PROTOCOL_DIR / "manifest.ttl").is_file():
    pytest.skip(
        f"W3C protocol tests not found in {PROTOCOL_DIR}; put the W3C sparql11 'protocol' "
        "folder there to run them.",
        allow_module_level=True,
    )

CASES = load_cases()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp: Path = tmp_path_factory.mktemp("w3c")
    dist = tmp / "dist"
    dist.mkdir()
    write_release(dist, "w3c", trig=trig_of(CASES))
    with live_server(dist, tmp / "server.log") as url:
        yield url


def test_all_cases_are_present() -> None:
    assert len(CASES) == 34


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_protocol_case(endpoint: str, case: Case) -> None:
    assert run_case(endpoint, case) == ""
