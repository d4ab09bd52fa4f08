"""Shared fixtures: the seeds' publication is built once per test session (real model, store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.build import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BASE = "http://localhost:8000/"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    out = tmp_path_factory.mktemp("dist")
    return out, build([SEEDS], out, base_uri=BASE, model="ldpub_ner_gmb")
