"""Per-document work, in worker processes (``ldpub build --jobs N``) or in the build's own.

Two kinds of task, each on a batch of documents: ``analyze`` (segment -> NLP -> relations and
events), before identity resolution, and ``graphs`` (map -> SHACL), after it; the analyses go
from one to the other through the build cache, not through the build's memory. Resolution and
linking look at all documents at once and stay in the parent (``pipeline.build``). Everything
here is a plain function of its arguments, so one worker or many give the same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .cache import BuildCache
from .extract import extract_events, extract_relations
from .map import (
    Minter,
    document_graph,
    entities_graph,
    new_graph,
    provenance_graph,
    relation_graph,
)
from .records import AnalyzedDocument, Document, Entity, Outline, ResolvedMention, Run
from .segment import complete_meta, segment
from .validate import failing, readable_report, validate

if TYPE_CHECKING:
    from spacy.language import Language

CONFORMS = "Conforms.\n"

_model: str | None = None
_language: Language | None = None


def start(model: str) -> None:
    """Worker initializer: the model to use; the first task that needs it loads it (again only
    when it is another model than last time, so builds in one process share one model)."""
    global _model, _language
    if model != _model:
        _model, _language = model, None


def loaded() -> Language:
    """The model; spaCy is imported only here, so a build that analyses nothing skips it."""
    global _language
    if _language is None:
        from .nlp import load_model

        assert _model is not None, "workers.start() names the model first"
        _language = load_model(_model)
    return _language


def analyze(documents: Sequence[Document], cache: BuildCache) -> list[Outline]:
    """Segment, tag and extract from each document; the model reads the batch in one stream.

    Each analysis is written to ``cache`` here, so a worker, not the build's own process,
    spends the time pickling it; the build gets back only its outline, and ``graphs`` reads
    the whole analysis from the cache again.
    """
    return [item.outline() for item in _analyzed(documents, cache)]


def _analyzed(documents: Sequence[Document], cache: BuildCache) -> list[AnalyzedDocument]:
    prepared = []
    for document in documents:
        segments = segment(document)
        prepared.append((complete_meta(document, segments), segments))
    from .nlp import analyze_batch

    analyzed = []
    for (document, segments), (sentences, mentions) in zip(
        prepared, analyze_batch(loaded(), prepared), strict=True
    ):
        item = AnalyzedDocument(document, segments, sentences, mentions)
        item = replace(item, relations=extract_relations(item), events=extract_events(item))
        cache.put("analysis", cache.key(document.sha256), item)
        analyzed.append(item)
    return analyzed


@dataclass(frozen=True)
class GraphTask:
    """One document after resolution: its mentions' entities and those entities' descriptions.

    ``document`` is as this build reads it (its id and path); the rest of its analysis is in
    the build cache under its content hash.
    """

    document: Document
    mentions: tuple[ResolvedMention, ...]
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class DocumentGraph:
    """A document's named graph and its relations (N-Triples text), and its SHACL report."""

    doc_id: str
    ntriples: str
    relations: str  # published once in graph/entities, however many documents say them
    report: str  # CONFORMS, or "Does not conform:" and one line per violation

    @property
    def conforms(self) -> bool:
        return self.report == CONFORMS


def graphs(
    tasks: Sequence[GraphTask], *, run: Run, base_uri: str, cache: BuildCache
) -> list[DocumentGraph]:
    """Map each document and validate it with the descriptions of the entities it names.

    The batch is validated as one graph first (no document can complete another's nodes: every
    node a document mints is under its own IRI); only when that fails is each document validated
    alone, and pySHACL writes the report of one that fails.
    """
    mint = Minter(base_uri)
    provenance = provenance_graph(run, mint).text()
    built = []
    for task in tasks:
        item = _analysis(task.document, cache)
        graph = document_graph(item, task.mentions, run, mint).text()
        relations = relation_graph(item, task.mentions, mint).text()
        entities = entities_graph(task.entities, mint).text()
        built.append((task.document.doc_id, graph, relations, (graph, relations, entities)))
    batch_conforms = len(built) > 1 and not failing(
        *(t for *_, data in built for t in data), provenance
    )
    results = []
    for doc_id, graph, relations, data in built:
        ok = batch_conforms or not failing(*data, provenance)
        report = CONFORMS if ok else _report((*data, provenance))
        results.append(DocumentGraph(doc_id, graph, relations, report))
    return results


def _analysis(document: Document, cache: BuildCache) -> AnalyzedDocument:
    """The document's whole analysis, as this build wrote or reused it, under this build's id
    and path; analysed again (the same result) if the entry went missing meanwhile."""
    item = cache.written("analysis", cache.key(document.sha256))
    if item is None:
        item = _analyzed([document], cache)[0]
    return replace(item, document=document)


def _report(data: Sequence[str]) -> str:
    """pySHACL's readable report, whose verdict is the one that counts."""
    union = new_graph()
    for text in data:
        union.parse(data=text, format="nt")
    ok, report, _ = validate(union)
    return CONFORMS if ok else f"Does not conform:\n{readable_report(report)}"
