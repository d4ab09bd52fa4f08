"""Build at scale: worker processes and the build cache give the graph a plain build gives."""

from __future__ import annotations

import datetime as dt
import gzip
import pickle
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import pipeline.build as build_module
from pipeline.build import BuildResult, build
from pipeline.cache import BuildCache, CacheWarning
from pipeline.cli import main
from pipeline.namespaces import NIF
from pipeline.records import Outline

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


def _forget_last_build(out: Path) -> None:
    """Make the next build run its stages (reusing cache entries) instead of keeping the release."""
    (out / "cache" / "last-build.json").unlink()


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
    _forget_last_build(out)
    again = _build(corpus, out)
    assert not again.summary.get("unchanged")
    assert again.summary["reused"] == len(ARTICLES)
    _assert_same_publication(out, full)


def test_unchanged_rebuild_keeps_the_current_release(corpus: Path, tmp_path: Path) -> None:
    """Same inputs and code: no new release; a change or --full makes one again."""
    out = tmp_path / "dist"
    first = _build(corpus, out).publication
    kept = _build(corpus, out)
    assert kept.summary["unchanged"] and kept.publication.release == first.release
    assert (out / "current").resolve() == first.release.resolve()
    assert kept.summary["triples"] == first.triples
    forced = _build(corpus, out, cache=False)
    assert not forced.summary.get("unchanged") and forced.publication.release != first.release
    (corpus / "tehran.txt").write_text(ARTICLES["tehran"] + "\nMore.", encoding="utf-8")
    changed = _build(corpus, out)
    assert not changed.summary.get("unchanged")
    assert changed.publication.release not in (first.release, forced.publication.release)


def test_kept_release_keeps_its_quarantine(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "dist"
    first = build([corpus], out, base_uri=BASE, model="ldpub_ner_gmb")
    kept = build([corpus], out, base_uri=BASE, model="ldpub_ner_gmb")
    assert kept.summary["unchanged"] and kept.publication.release == first.publication.release
    assert kept.exit_code == first.exit_code == 1
    assert [(q.path, q.reason) for q in kept.quarantined] == [
        (q.path, q.reason) for q in first.quarantined
    ]


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
    _forget_last_build(out)
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


def test_two_workers_fill_the_cache_a_rebuild_reuses(corpus: Path, tmp_path: Path) -> None:
    """The worker processes write the analyses; the build keeps them past pruning."""
    out = tmp_path / "dist"
    _build(corpus, out, jobs=2)
    assert len(_analysis_entries(out)) == len(ARTICLES)
    _forget_last_build(out)
    again = _build(corpus, out, jobs=2)
    assert again.summary["reused"] == len(ARTICLES)
    assert len(_analysis_entries(out)) == len(ARTICLES)


@pytest.mark.parametrize("jobs", [1, 2])
def test_build_holds_outlines_and_maps_from_the_cache(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Resolution sees each document's outline, not its whole analysis (which would make the
    build's memory grow with the corpus); the graphs are mapped from the analyses the workers
    wrote to the cache, and are analysed again if those entries vanish meanwhile."""
    out = tmp_path / "dist"
    seen: list[object] = []
    resolve = build_module.resolve

    def resolve_after_losing_the_analyses(documents: list[object]) -> object:
        seen.extend(documents)
        shutil.rmtree(out / "cache" / "analysis")
        return resolve(documents)

    monkeypatch.setattr(build_module, "resolve", resolve_after_losing_the_analyses)
    _build(corpus, out, jobs=jobs, cache=False)
    assert len(seen) == len(ARTICLES)
    assert {type(item) for item in seen} == {Outline}
    monkeypatch.setattr(build_module, "resolve", resolve)
    _build(corpus, tmp_path / "plain", jobs=1, cache=False)
    _assert_same_publication(out, tmp_path / "plain")


def test_a_workers_copy_of_the_cache_carries_no_keys(tmp_path: Path) -> None:
    """A task pickles the cache: it must not carry the keys of every document of the build."""
    cache = BuildCache(tmp_path, "identity")
    cache.put("analysis", cache.key("a"), {"analysed": True})
    copy = pickle.loads(pickle.dumps(cache))
    assert copy.used == {"analysis": set(), "graph": set()}
    assert cache.used["analysis"] == {cache.key("a")}
    assert copy.written("analysis", cache.key("a")) == {"analysed": True}
    assert copy.written("analysis", cache.key("b")) is None


def test_an_internal_error_is_exit_2_with_its_traceback(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit code 1 means "documents were quarantined"; a bug must never look like that."""

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr("pipeline.build.build", broken)
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "internal error (IndexError)" in result.output
    assert "report it with the traceback" in result.output
    assert not (tmp_path / "out" / "current").exists()
