"""Publish: the validated graphs become a store, dumps, a VoID description and reports.

Everything is written into a release folder aside and swapped in at the end (see release.py),
so a failed or killed build never leaves a half-written publication.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL

from ..records import Quarantined, Run
from .dumps import Parallel, sha256_of, write_checksums, write_dumps
from .release import PublishError, check_out, finish_release, start_release
from .void import void_graph

__all__ = ["Publication", "PublishError", "as_quads", "check_out", "publish", "write_quarantine"]


@dataclass(frozen=True)
class Publication:
    release: Path
    triples: int
    class_counts: dict[str, int]


def as_quads(name: URIRef, ntriples: str) -> Iterator[str]:
    """The N-Triples text ``ntriples`` as N-Quads lines in the named graph ``name``."""
    suffix = f" <{name}> .\n"
    for line in ntriples.splitlines():
        if line.endswith(" ."):
            yield line[:-2] + suffix


def _write_quads(graphs: Mapping[URIRef, Graph | str], path: Path, more: Path | None) -> None:
    """All named graphs as one N-Quads file: what the store loads and the dumps are made of."""
    with path.open("w", encoding="utf-8") as out:
        for name, graph in graphs.items():
            text = graph if isinstance(graph, str) else graph.serialize(format="nt")
            out.writelines(as_quads(name, text))
        if more is not None:
            with more.open(encoding="utf-8") as extra:
                shutil.copyfileobj(extra, out)


# Quads per bulk load: Oxigraph's bulk loader holds a whole batch of a million quads per thread
# in memory (515 MB for 586,000 quads); loading 100,000 at a time held 184 MB, and was no slower.
BULK_QUADS = 100_000


def _bulk_load(store: ox.Store, path: Path) -> None:
    """Load the N-Quads file ``path`` by Oxigraph's fastest path, ``BULK_QUADS`` lines at a time,
    so the build's memory is bounded by that, not by the size of the publication."""
    with path.open("rb") as quads:
        while chunk := b"".join(islice(quads, BULK_QUADS)):
            store.bulk_load(input=chunk, format=ox.RdfFormat.N_QUADS)


def _class_counts(store: ox.Store, entities_graph: URIRef) -> dict[str, int]:
    rows = store.query(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{entities_graph}> {{ ?s a ?c }} }} "
        "GROUP BY ?c"
    )
    return {row["c"].value: int(row["n"].value) for row in rows}


def publish(
    graphs: Mapping[URIRef, Graph | str],
    out: Path,
    *,
    quads: Path | None = None,
    run: Run,
    base_uri: str,
    entities_graph: URIRef,
    sources: Sequence[str],
    reports: Mapping[str, str],
    summary: Mapping[str, object],
    ontology: Path,
    shapes: Path,
    parallel: Parallel = map,
) -> Publication:
    """Write a complete release of ``graphs`` under ``out`` and make it the current one.

    A graph is an rdflib Graph or its N-Triples text; ``quads`` is an N-Quads file of more
    named graphs (the build spools documents there, so its memory does not grow with them).
    ``parallel`` writes the dumps (see ``write_dumps``) while the store loads.
    """
    partial = start_release(out, run.run_id)
    try:
        load = partial / "load.nq"
        _write_quads(graphs, load, quads)
        dumps = partial / "dumps"
        dumps_written = write_dumps(load, dumps, parallel)
        store = ox.Store(str(partial / "store"))
        _bulk_load(store, load)
        checksums = dumps_written()
        load.unlink()
        triples = len(store)
        counts = _class_counts(store, entities_graph)
        sameas = sum(1 for _ in store.quads_for_pattern(None, ox.NamedNode(str(OWL.sameAs)), None))
        entity_quads = store.quads_for_pattern(None, None, None, ox.NamedNode(str(entities_graph)))
        examples = [URIRef(q.subject.value) for q in islice(entity_quads, 1)]
        del store  # release the store's lock before the folder is renamed
        void = void_graph(
            base_uri,
            triples=triples,
            class_counts={URIRef(c): n for c, n in counts.items()},
            sameas_links=sameas,
            sources=sources,
            examples=examples,
            dump_folder=dumps,
            checksums=checksums,
            modified=run.ended or run.started,
        )
        void.serialize(dumps / "void.ttl", format="turtle")
        checksums["void.ttl"] = sha256_of(dumps / "void.ttl")
        write_checksums(dumps, checksums)
        report_dir = partial / "reports"
        report_dir.mkdir()
        for name, text in reports.items():
            (report_dir / name).write_text(text, encoding="utf-8")
        full_summary = {**summary, "triples": triples}
        (report_dir / "summary.json").write_text(json.dumps(full_summary, indent=2) + "\n")
        manifest = {
            "base_uri": base_uri,
            "release": run.run_id,
            "built": (run.ended or run.started).isoformat(),
            "software_version": run.software_version,
            "model": f"{run.model_name}-{run.model_version}",
            "counts": full_summary,
        }
        (partial / "publication.json").write_text(json.dumps(manifest, indent=2) + "\n")
        for folder in (ontology, shapes):  # serve the vocabulary the release was built with
            shutil.copytree(folder, partial / folder.name)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    release = finish_release(out, partial, run.run_id)
    return Publication(release=release, triples=triples, class_counts=counts)


def write_quarantine(out: Path, quarantined: Sequence[Quarantined]) -> Path:
    """``out/quarantine/``: this build's rejected documents, their reasons and SHACL reports.

    It lives beside the releases, not in one, so the reasons are there to read even when no
    document could be published and the previous release stays current.
    """
    check_out(out)
    folder = out / "quarantine"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    listing = [{"path": str(q.path), "reason": q.reason} for q in quarantined]
    (folder / "quarantine.json").write_text(json.dumps(listing, indent=2) + "\n")
    for q in quarantined:
        if q.report:
            (folder / f"{q.path.stem}.txt").write_text(q.report, encoding="utf-8")
    return folder
