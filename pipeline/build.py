"""The orchestrator: runs the stages in order and hands each one the records of the last.

documents -> segment -> nlp -> resolve -> map -> validate -> publish. A document whose graph
does not conform is quarantined with its report; the rest is published.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph, URIRef

from . import __version__, nlp
from .documents import read_documents
from .extract import extract_events, extract_relations
from .link import link_resolution
from .map import (
    Minter,
    document_graph,
    entities_graph,
    new_graph,
    provenance_graph,
    relation_graph,
)
from .publish import Publication, publish, write_quarantine
from .records import AnalyzedDocument, EntityKind, Quarantined, Resolution, Run
from .resolve import resolve
from .segment import complete_meta, segment
from .validate import ONTOLOGY_DIR, SHAPES_DIR, readable_report, validate

Progress = Callable[[str, int, int], None]  # stage, done, total


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


def _analyze(inputs: Sequence[Path], model: str, progress: Progress):
    documents, quarantined = read_documents(inputs)
    if not documents and not quarantined:
        raise NothingToBuildError(
            "No articles found in the inputs: give .txt files or folders that hold them."
        )
    language = nlp.load_model(model)
    analyzed: list[AnalyzedDocument] = []
    for n, document in enumerate(documents, start=1):
        segments = segment(document)
        document = complete_meta(document, segments)
        sentences, mentions = nlp.analyze(language, document, segments)
        item = AnalyzedDocument(document, segments, sentences, mentions)
        analyzed.append(
            replace(item, relations=extract_relations(item), events=extract_events(item))
        )
        progress("analyze", n, len(documents))
    return analyzed, quarantined, language


def _entity_subgraph(entities: Graph, doc_graph: Graph) -> Graph:
    """The descriptions of the entities ``doc_graph`` refers to, for validating it alone."""
    referenced = set(doc_graph.objects()) | set(doc_graph.subjects())
    sub = new_graph()
    for s, p, o in entities:
        if s in referenced:
            sub.add((s, p, o))
    return sub


def _map_and_validate(
    analyzed: Sequence[AnalyzedDocument],
    resolution: Resolution,
    run: Run,
    mint: Minter,
    progress: Progress,
) -> tuple[dict[URIRef, Graph], dict[str, str], list[tuple[AnalyzedDocument, str]]]:
    """Each document's graph, validated with the descriptions of the entities it names."""
    entities = entities_graph(resolution.entities.values(), mint)
    provenance = provenance_graph(run, mint)
    facts = new_graph()  # relations between entities, once however many documents say them
    graphs = {mint.graph("entities"): facts, mint.graph("provenance"): provenance}
    reports: dict[str, str] = {}
    failed: list[tuple[AnalyzedDocument, str]] = []
    for n, item in enumerate(analyzed, start=1):
        doc_id = item.document.doc_id
        graph = document_graph(item, resolution.mentions[doc_id], run, mint)
        relations = relation_graph(item, resolution.mentions[doc_id], mint)
        data = graph + relations + _entity_subgraph(entities, graph) + provenance
        conforms, report, _ = validate(data)
        verdict = "Conforms." if conforms else "Does not conform:"
        text = f"{verdict}\n{readable_report(report)}"
        reports[f"{doc_id}.txt"] = text
        if conforms:
            graphs[mint.graph(doc_id)] = graph
            facts += relations
        else:
            failed.append((item, text))
        progress("validate", n, len(analyzed))
    facts += entities
    return graphs, reports, failed


def build(
    inputs: Sequence[Path],
    out: Path,
    *,
    base_uri: str,
    model: str,
    progress: Progress = _no_progress,
) -> BuildResult:
    """Build the publication of ``inputs`` into ``out``; see BuildResult for the outcome."""
    started = _now()
    analyzed, quarantined, language = _analyze(inputs, model, progress)
    mint = Minter(base_uri)
    run = Run(
        run_id=started.strftime("%Y%m%dT%H%M%SZ"),
        started=started,
        software_version=__version__,
        model_name=language.meta.get("name", model),
        model_version=language.meta.get("version", "0"),
    )
    reports: dict[str, str] = {}
    while True:  # quarantining a document can orphan entities: resolve again without it
        resolution = resolve(analyzed)
        resolution = link_resolution(resolution)
        run = Run(**{**run.__dict__, "ended": _now()})
        graphs, round_reports, failed = _map_and_validate(analyzed, resolution, run, mint, progress)
        reports.update(round_reports)
        if not failed:
            break
        for item, report in failed:
            quarantined.append(
                Quarantined(
                    item.document.path,
                    "its graph does not conform to the SHACL shapes: read the violations in "
                    f"{out}/quarantine/{item.document.path.stem}.txt",
                    report,
                )
            )
        bad = {id(item) for item, _ in failed}
        analyzed = [item for item in analyzed if id(item) not in bad]

    kinds = [e.kind for e in resolution.entities.values()]
    summary: dict[str, object] = {
        "documents": len(analyzed),
        "quarantined": len(quarantined),
        "persons": kinds.count(EntityKind.PERSON),
        "organizations": kinds.count(EntityKind.ORGANIZATION),
        "places": kinds.count(EntityKind.PLACE),
        "events": sum(len(a.events) for a in analyzed),
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
    result.publication = publish(
        graphs,
        out,
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
    )
    summary["triples"] = result.publication.triples
    return result
