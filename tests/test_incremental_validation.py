"""The fast SHACL verdict (SPARQL constraints run by Oxigraph) is rdflib's verdict."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph

from pipeline.validate import conforms
from tests.test_validate import BROKEN, _fixture


def test_conforming_document_conforms() -> None:
    assert conforms(_fixture())


@pytest.mark.parametrize("breakage", [b for b, _ in BROKEN], ids=[b.__name__ for b, _ in BROKEN])
def test_every_broken_variant_fails(breakage: Callable[[Graph], None]) -> None:
    graph = _fixture()
    breakage(graph)
    assert not conforms(graph)


def test_a_batch_fails_when_one_of_its_graphs_does() -> None:
    good, bad = _fixture(), _fixture()
    BROKEN[0][0](bad)
    assert conforms(good, good)
    assert not conforms(good, bad)
