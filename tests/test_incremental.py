"""Build at scale: worker processes and the build cache give the graph a plain build gives."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import pipeline.build as build_module
from pipeline.build import BuildResult, build
from pipeline.cache import CacheWarning
from pipeline.cli import main
from pipeline.namespaces import NIF

BASE = "http://localhost:8000/"
ARTICLES = {
    "beirut": "Hezbollah leader speaks in Beirut\n\nHassan Nasrallah, the leader of Hezbollah, "
    "spoke in Beirut on Monday. Nasrallah said Hezbollah would not disarm.\n",
    "baghdad": "Talks in Baghdad\n\nIraqi Prime Minister Nouri al-Maliki met U.S. officials in "
    "Baghdad. Al-Maliki said Hezbollah had trained militants in Iraq.\n",
    "tehran": "Iran hosts talks\n\nIranian President Mahmoud Ahmadinejad met Nouri al-Maliki in "
    "Tehran on Tuesday. Ahmadinejad praised Hezbollah.\n",
}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """One run IRI and time for every build, so graphs of separate builds can be compared."""
    monkeypatch.setattr(build_module, "_now", lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _build(corpus: Path, out: Path, **options: object) -> BuildResult:
    result = build([corpus], out, base_uri=BASE, model="ldpub_ner_gmb", **options)
    assert result.exit_code == 0, result.quarantined
    return result


def _graphs(out: Path) -> dict[str, Graph]:
    """The published named graphs, from the N-Quads dump."""
    dataset = Dataset()
    with gzip.open(out / "dumps" / "ldpub.nq.gz") as dump:
        dataset.parse(dump, format="nquads")
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _assert_same_publication(a: Path, b: Path) -> None:
    left, right = _graphs(a), _graphs(b)
    assert sorted(left) == sorted(right)
    differing = [name for name in left if not isomorphic(left[name], right[name])]
    assert not differing


def _analysis_entries(out: Path) -> list[Path]:
    return sorted((out / "cache" / "analysis").glob("*/*.pickle"))


def test_two_workers_publish_the_graph_one_publishes(corpus: Path, tmp_path: Path) -> None:
    _build(corpus, tmp_path / "one", jobs=1)
    _build(corpus, tmp_path / "two", jobs=2)
    _assert_same_publication(tmp_path / "one", tmp_path / "two")


def test_unchanged_rebuild_reuses_every_document(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    first = _build(corpus, out)
    assert first.summary["reused"] == 0
    full = tmp_path / "full"
    shutil.copytree(out, full, symlinks=True)
    again = _build(corpus, out)
    assert again.summary["reused"] == len(ARTICLES)
    _assert_same_publication(out, full)


def test_changed_document_is_analysed_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _build(corpus, out)
    changed = ARTICLES["tehran"].replace("Tuesday", "Wednesday in the capital")
    (corpus / "tehran.txt").write_text(changed, encoding="utf-8")
    result = _build(corpus, out)
    assert result.summary["reused"] == len(ARTICLES) - 1
    context = URIRef(f"{BASE}id/article/tehran#char=0,{len(changed)}")
    graph = _graphs(out)[f"{BASE}graph/tehran"]
    assert graph.value(context, NIF.isString) == Literal(changed)
    _build(corpus, tmp_path / "fresh", cache=False)
    _assert_same_publication(out, tmp_path / "fresh")


def test_removed_document_disappears(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _build(corpus, out)
    (corpus / "beirut.txt").unlink()
    result = _build(corpus, out)
    assert result.summary["documents"] == len(ARTICLES) - 1
    assert f"{BASE}graph/beirut" not in _graphs(out)
    assert len(_analysis_entries(out)) == len(ARTICLES) - 1  # its cache entry is pruned
    _build(corpus, tmp_path / "fresh", cache=False)
    _assert_same_publication(out, tmp_path / "fresh")


def test_corrupt_cache_entry_is_ignored_with_a_warning(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _build(corpus, out)
    full = tmp_path / "full"
    shutil.copytree(out, full, symlinks=True)
    entry = _analysis_entries(out)[0]
    entry.write_bytes(b"\x80\x05not a pickle")
    with pytest.warns(CacheWarning, match="unreadable cache entry"):
        result = _build(corpus, out)
    assert result.summary["reused"] == len(ARTICLES) - 1
    _assert_same_publication(out, full)


def test_full_option_ignores_the_cache(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    runner = CliRunner()
    args = ["build", str(corpus), "--out", str(out), "--base-uri", BASE]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    cached = runner.invoke(main, args, env={"LDPUB_JOBS": "1"})
    assert cached.exit_code == 0, cached.output
    assert re.search(rf"reused from cache\s*│\s*{len(ARTICLES)}\s*│", cached.output)
    full = runner.invoke(main, [*args, "--full"])
    assert full.exit_code == 0, full.output
    assert re.search(r"reused from cache\s*│\s*0\s*│", full.output)


def test_jobs_setting_is_checked(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output
