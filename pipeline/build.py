"""The orchestrator: runs the stages in order and hands each one the records of the last.

documents -> segment -> nlp -> resolve -> map -> validate -> publish. A document whose graph
does not conform is quarantined with its report; the rest is published.

Per-document work (analysis before resolution, mapping and SHACL after it) runs in ``jobs``
worker processes (``pipeline.workers``); resolution and linking see all documents and run here,
holding only each document's outline (text and mentions): the workers pass whole analyses to
one another through the build cache.
What earlier builds learned is reused from ``DIR/cache/`` (``pipeline.cache``): an unchanged
document is not analysed again, and an unchanged document graph not mapped or validated again.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from . import __version__, workers
from .cache import LAST_BUILD, BuildCache, build_identity
from .documents import read_documents
from .link import link_resolution
from .map import Minter, entities_graph, provenance_graph
from .publish import Publication, as_quads, check_out, publish, write_quarantine
from .publish.dumps import Parallel
from .records import (
    Document,
    Entity,
    EntityKind,
    Outline,
    Quarantined,
    Resolution,
    Run,
)
from .resolve import resolve
from .settings import SETTINGS
from .validate import ONTOLOGY_DIR, SHAPES_DIR
from .workers import DocumentGraph, GraphTask

Progress = Callable[[str, int, int], None]  # stage, done, total
T = TypeVar("T")
R = TypeVar("R")

BATCH = 16  # documents per task: the model reads them in one stream, SHACL in one run
POOL_BATCH = 8  # per task when several workers share them: the last tasks end closer together
RUN_PLACEHOLDER = "urn:ldpub:cached-run"  # stands for this build's run IRI in cached graphs


class NothingToBuildError(ValueError):
    """No article was found in the inputs."""


@dataclass
class BuildResult:
    summary: dict[str, object]
    quarantined: list[Quarantined] = field(default_factory=list)
    publication: Publication | None = None

    @property
    def exit_code(self) -> int:
        """0: everything published and conforms; 1: some documents were quarantined."""
        return 1 if self.quarantined or self.publication is None else 0


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _model_files(model: str) -> Path:
    """The model's folder; found without spaCy for the bundled model and for folders, since
    importing spaCy takes seconds that a rebuild reusing every analysis does not need."""
    folder = Path(__file__).parent / "models" / model
    if model != SETTINGS["model"].default:
        folder = Path(model)
    if (folder / "config.cfg").is_file():
        return folder
    from .nlp import model_folder  # an installed package, or an unknown name (ModelError)

    return model_folder(model)


def _batches(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# On Linux the workers are forked once the model is loaded here, so they share its memory and
# spend nothing on imports and loading (two spawned workers spent 1.8 s each where one process
# spends 1.2 s); elsewhere they are spawned, as forking is unsafe under macOS frameworks.
_START = "fork" if sys.platform == "linux" else "spawn"


class _Workers:
    """Runs batches with the functions of ``pipeline.workers``: here, or in ``jobs`` processes.

    The processes are started on the first batch: forked (Linux), after ``load_model`` when
    there are documents to analyse, or spawned, each loading the model on the first batch that
    needs it.
    """

    def __init__(self, jobs: int, model: str) -> None:
        self.jobs, self.model = jobs, model
        self.pool: Executor | None = None
        workers.start(model)

    def load_model(self) -> None:
        """Before documents are analysed: load the model here when the workers are still to be
        forked from this process, so they share it (one process loads it on its first batch)."""
        if self.jobs > 1 and _START == "fork" and self.pool is None:
            workers.loaded()

    @property
    def batch(self) -> int:
        """Documents per task."""
        return BATCH if self.jobs == 1 else POOL_BATCH

    def map(
        self, fn: Callable[[Sequence[T]], list[R]], batches: Iterable[Sequence[T]]
    ) -> Iterator[list[R]]:
        """``fn`` of each batch, in order; every batch is taken from ``batches`` before the
        first result is read (as a pool's ``map`` does), so with any number of jobs the build
        does the same things in the same order."""
        if self.jobs == 1:
            return map(fn, list(batches))
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context(_START),
                initializer=workers.start,
                initargs=(self.model,),
            )
        return self.pool.map(fn, batches)

    def parallel(self) -> Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]:
        """The pool's ``map`` for other work (the dumps) once it is running, else ``map``."""
        return map if self.pool is None else self.pool.map

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def _analyze(
    documents: Sequence[Document], cache: BuildCache, work: _Workers, progress: Progress
) -> list[Outline]:
    """The outline of each document's analysis, which the workers write to the cache; from the
    cache when its bytes are unchanged."""
    found: dict[int, Outline] = {}
    todo: list[int] = []
    for i, document in enumerate(documents):
        cached = cache.get("analysis", cache.key(document.sha256))
        if cached is None:
            todo.append(i)
        else:  # same text and sidecar; the id and path are this build's
            found[i] = replace(
                cached.outline(), document=replace(document, meta=cached.document.meta)
            )
    progress("analyze", len(found), len(documents))
    if todo:
        work.load_model()
    batches = _batches(todo, work.batch)
    analyze = partial(workers.analyze, cache=cache)  # the workers write the cache entries
    results = work.map(analyze, [[documents[i] for i in batch] for batch in batches])
    for batch, analyzed in zip(batches, results, strict=True):
        for i, item in zip(batch, analyzed, strict=True):
            cache.keep("analysis", cache.key(documents[i].sha256))
            found[i] = item
        progress("analyze", len(found), len(documents))
    return [found[i] for i in range(len(documents))]


def _entity_state(entity: Entity) -> tuple[object, ...]:
    """Everything the graph says about ``entity``, in a stable order (its sets sorted)."""
    return (
        entity.key,
        entity.kind,
        entity.label,
        sorted(entity.alt_labels),
        sorted(entity.honorifics),
        entity.same_as,
        entity.close_match,
        entity.dbpedia,
    )


@dataclass
class _Round:
    """One round of mapping and validation: what is published if no document fails."""

    spool: Path  # N-Quads of the conforming documents' graphs
    facts: set[str] = field(default_factory=set)  # N-Triples lines of relations
    reports: dict[str, str] = field(default_factory=dict)
    failed: list[tuple[Outline, str]] = field(default_factory=list)


def _graphs(
    analyzed: Sequence[Outline],
    resolution: Resolution,
    run: Run,
    mint: Minter,
    cache: BuildCache,
    work: _Workers,
    progress: Progress,
    spool: Path,
) -> _Round:
    """Each document's graph, validated with the descriptions of the entities it names."""
    result = _Round(spool)
    run_iri = f"<{mint.run(run)}>"
    placeholder = f"<{RUN_PLACEHOLDER}>"
    keys: list[str] = []
    done = 0
    with spool.open("w", encoding="utf-8") as out:

        def take(item: Outline, graph: DocumentGraph) -> None:
            nonlocal done
            result.reports[f"{graph.doc_id}.txt"] = graph.report
            if graph.conforms:
                out.writelines(as_quads(mint.graph(graph.doc_id), graph.ntriples))
                result.facts.update(graph.relations.splitlines(keepends=True))
            else:
                result.failed.append((item, graph.report))
            done += 1
            progress("validate", done, len(analyzed))

        def todo() -> Iterator[list[GraphTask]]:
            """Batches of the documents whose graphs are not cached, handed to the workers as
            they are found, so the workers start while the rest are looked up."""
            batch: list[tuple[int, GraphTask]] = []
            for i, item in enumerate(analyzed):
                doc_id = item.document.doc_id
                mentions = resolution.mentions[doc_id]
                entities = tuple(
                    resolution.entities[k] for k in sorted({m.entity_key for m in mentions})
                )
                key = cache.key(
                    mint.base,
                    doc_id,
                    item.document.sha256,
                    repr(mentions),
                    repr([_entity_state(e) for e in entities]),
                )
                keys.append(key)
                cached = cache.get("graph", key)
                if cached is None:
                    batch.append((i, GraphTask(item.document, mentions, entities)))
                else:
                    take(item, _with_run(cached, placeholder, run_iri))
                if len(batch) == work.batch or (batch and i == len(analyzed) - 1):
                    submitted.append([n for n, _ in batch])
                    yield [task for _, task in batch]
                    batch = []

        submitted: list[list[int]] = []
        run_batch = partial(workers.graphs, run=run, base_uri=mint.base, cache=cache)
        for batch_index, graphs in enumerate(work.map(run_batch, todo())):
            for i, graph in zip(submitted[batch_index], graphs, strict=True):
                cache.put("graph", keys[i], _with_run(graph, run_iri, placeholder))
                take(analyzed[i], graph)
    return result


def _with_run(graph: DocumentGraph, old: str, new: str) -> DocumentGraph:
    """``graph`` with one run's IRI replaced by another's (cached graphs outlive their run)."""
    return replace(
        graph, ntriples=graph.ntriples.replace(old, new), report=graph.report.replace(old, new)
    )


def build(
    inputs: Sequence[Path],
    out: Path,
    *,
    base_uri: str,
    model: str,
    jobs: int = 1,
    cache: bool = True,
    progress: Progress = _no_progress,
) -> BuildResult:
    """Build the publication of ``inputs`` into ``out``; see BuildResult for the outcome.

    ``jobs`` worker processes do the per-document work; ``cache=False`` reads nothing from
    ``out/cache`` (a full rebuild), though it still refreshes it.
    """
    started = _now()
    documents, quarantined = read_documents(inputs)
    if not documents and not quarantined:
        raise NothingToBuildError(
            "No articles found in the inputs: give .txt files or folders that hold them."
        )
    model_files = _model_files(model)  # an unknown model stops the build before any writing
    meta_file = model_files / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    check_out(out)
    store = BuildCache(
        out / "cache", build_identity(model_files, SHAPES_DIR, ONTOLOGY_DIR), enabled=cache
    )
    inputs_key = store.key(
        base_uri,
        *(f"{d.path}\0{d.sha256}" for d in documents),
        *(f"{q.path}\0{q.reason}" for q in quarantined),
    )
    if kept := _unchanged(out, store, inputs_key, len(documents)):
        return kept
    mint = Minter(base_uri)
    run = Run(
        run_id=started.strftime("%Y%m%dT%H%M%SZ"),
        started=started,
        software_version=__version__,
        model_name=str(meta.get("name", model)),
        model_version=str(meta.get("version", "0")),
    )
    work = _Workers(jobs, model)
    fd, spool_name = tempfile.mkstemp(prefix="ldpub-", suffix=".nq")
    os.close(fd)
    spool = Path(spool_name)
    try:
        analyzed = _analyze(documents, store, work, progress)
        reports: dict[str, str] = {}
        while True:  # quarantining a document can orphan entities: resolve again without it
            resolution = link_resolution(resolve(analyzed))
            run = replace(run, ended=_now())
            round_ = _graphs(analyzed, resolution, run, mint, store, work, progress, spool)
            reports.update(round_.reports)
            if not round_.failed:
                break
            for item, report in round_.failed:
                quarantined.append(
                    Quarantined(
                        item.document.path,
                        "its graph does not conform to the SHACL shapes: read the violations in "
                        f"{out}/quarantine/{item.document.path.stem}.txt",
                        report,
                    )
                )
            bad = {id(item) for item, _ in round_.failed}
            analyzed = [item for item in analyzed if id(item) not in bad]
        result = _publish(
            analyzed, quarantined, resolution, round_, reports, run, mint, out, work.parallel()
        )
        result.summary["reused"] = store.hits["analysis"]  # for the CLI, not the release
        store.prune()
        if result.publication:
            LAST_BUILD.record(out, inputs_key, result.publication.release.name, result.quarantined)
        return result
    finally:
        work.close()
        spool.unlink(missing_ok=True)


def _unchanged(out: Path, store: BuildCache, inputs_key: str, count: int) -> BuildResult | None:
    """The current release, kept, when the last build had these very inputs and code.

    Publishing again would only restamp the run: the graphs would be the same.
    """
    if not store.enabled:
        return None
    last = LAST_BUILD.release_for(out, inputs_key)
    if last is None:
        return None
    release, quarantined = last
    summary = json.loads((release / "reports" / "summary.json").read_text(encoding="utf-8"))
    summary.update(reused=count, unchanged=True)
    publication = Publication(release=release, triples=int(summary["triples"]), class_counts={})
    return BuildResult(summary=summary, quarantined=quarantined, publication=publication)


def _publish(
    analyzed: Sequence[Outline],
    quarantined: list[Quarantined],
    resolution: Resolution,
    round_: _Round,
    reports: dict[str, str],
    run: Run,
    mint: Minter,
    out: Path,
    parallel: Parallel,
) -> BuildResult:
    kinds = [e.kind for e in resolution.entities.values()]
    summary: dict[str, Any] = {
        "documents": len(analyzed),
        "quarantined": len(quarantined),
        "persons": kinds.count(EntityKind.PERSON),
        "organizations": kinds.count(EntityKind.ORGANIZATION),
        "places": kinds.count(EntityKind.PLACE),
        "events": sum(a.events for a in analyzed),
        "shacl_conforms": not quarantined,
        "merges": list(resolution.merges),
    }
    reports["quarantine.json"] = json.dumps(
        [{"path": str(q.path), "reason": q.reason} for q in quarantined], indent=2
    )
    result = BuildResult(summary=summary, quarantined=quarantined)
    write_quarantine(out, quarantined)
    if not analyzed:
        return result
    facts = round_.facts | set(
        entities_graph(resolution.entities.values(), mint).text().splitlines(True)
    )
    result.publication = publish(
        {
            mint.graph("entities"): "".join(sorted(facts)),
            mint.graph("provenance"): provenance_graph(run, mint).text(),
        },
        out,
        quads=round_.spool,
        run=run,
        base_uri=mint.base,
        entities_graph=mint.graph("entities"),
        sources=sorted(
            a.document.meta.url or str(mint.article(a.document.doc_id)) for a in analyzed
        ),
        reports=reports,
        summary=summary,
        ontology=ONTOLOGY_DIR,
        shapes=SHAPES_DIR,
        parallel=parallel,
    )
    summary["triples"] = result.publication.triples
    return result
