"""The README's promises: every setting documented, every example query runs on the seeds."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from pipeline.namespaces import PREFIXES
from pipeline.settings import SETTINGS

from .conftest import ROOT

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
