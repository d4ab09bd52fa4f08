"""Map records onto the RDF contract (docs/rdf-contract.md): one graph per concern.

Entity descriptions (with the relations between entities), each document's statements and the
build's provenance go to separate named graphs, and no triple is written to two of them, so the
union and the quads agree in size.

Graphs are written as N-Triples text (``NTriples``), byte for byte as rdflib's serializer
writes them: building an rdflib Graph only to serialize it took a tenth of a build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from .namespaces import ITSRDF, LDPUB, NIF, PREFIXES, SCHEMA, SEM, relation_signatures
from .records import (
    AnalyzedDocument,
    DatePrecision,
    Entity,
    EntityKind,
    Event,
    EventDate,
    Mention,
    Relation,
    ResolvedMention,
    Run,
    SegmentKind,
    Sentence,
)

Span = Sentence | Mention

ENTITY_CLASS = {
    EntityKind.PERSON: SCHEMA.Person,
    EntityKind.ORGANIZATION: SCHEMA.Organization,
    EntityKind.PLACE: SCHEMA.Place,
}


class Minter:
    """Every IRI the build mints, derived from content so that rebuilds give the same IRIs."""

    def __init__(self, base_uri: str) -> None:
        self.base = base_uri if base_uri.endswith("/") else base_uri + "/"

    def entity(self, key: str) -> URIRef:
        return URIRef(f"{self.base}id/{key}")

    def article(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}id/article/{doc_id}")

    def span(self, doc_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.article(doc_id)}#char={start},{end}")

    def statement(self, doc_id: str, *parts: object) -> URIRef:
        digest = hashlib.sha1(" ".join(map(str, parts)).encode()).hexdigest()[:12]
        return URIRef(f"{self.article(doc_id)}/statement/{digest}")

    def event(self, doc_id: str, n: int) -> URIRef:
        return URIRef(f"{self.base}id/event/{doc_id}-{n}")

    def comment(self, doc_id: str, n: int) -> URIRef:
        return URIRef(f"{self.article(doc_id)}/comment/{n}")

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")

    def run(self, run: Run) -> URIRef:
        return URIRef(f"{self.base}id/run/{run.run_id}")

    def software(self, run: Run) -> URIRef:
        return URIRef(f"{self.base}id/software/ldpub-{run.software_version}")

    def model(self, run: Run) -> URIRef:
        return URIRef(f"{self.base}id/model/{run.model_name}-{run.model_version}")


def new_graph() -> Graph:
    """An rdflib graph with the project's prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph


def _literal(text: str, *, lang: str | None = None, datatype: URIRef | None = None) -> str:
    """A literal in N-Triples, escaped as rdflib's N-Triples serializer escapes it."""
    quoted = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    quoted = '"' + quoted.replace("\r", "\\r") + '"'
    if lang:
        return f"{quoted}@{lang}"
    return f"{quoted}^^<{datatype}>" if datatype else quoted


class NTriples:
    """A graph being written: its N-Triples lines, each once, in the order first added."""

    def __init__(self) -> None:
        self.lines: dict[str, None] = {}

    def add(self, triple: tuple[URIRef, URIRef, URIRef | str]) -> None:
        """Add a triple; its object is an IRI or a literal made by ``_literal``."""
        s, p, o = triple
        obj = f"<{o}>" if isinstance(o, URIRef) else o
        self.lines[f"<{s}> <{p}> {obj} .\n"] = None

    def text(self) -> str:
        return "".join(self.lines)

    def graph(self) -> Graph:
        """The same triples as an rdflib graph (for SHACL reports and tests)."""
        return new_graph().parse(data=self.text(), format="nt")

    def __len__(self) -> int:
        return len(self.lines)


def _count(n: int) -> str:
    return _literal(str(n), datatype=XSD.nonNegativeInteger)


def entities_graph(entities: Iterable[Entity], mint: Minter, language: str = "en") -> NTriples:
    """``B graph/entities``: type, one label, aliases, honorifics and links per entity."""
    graph = NTriples()
    for entity in entities:
        node = mint.entity(entity.key)
        graph.add((node, RDF.type, ENTITY_CLASS[entity.kind]))
        graph.add((node, RDFS.label, _literal(entity.label, lang=language)))
        for alias in sorted(entity.alt_labels):
            graph.add((node, SKOS.altLabel, _literal(alias, lang=language)))
        for title in sorted(entity.honorifics):
            graph.add((node, LDPUB.honorific, _literal(title, lang=language)))
        if entity.same_as:
            graph.add((node, OWL.sameAs, URIRef(entity.same_as)))
        if entity.close_match:
            graph.add((node, SKOS.closeMatch, URIRef(entity.close_match)))
        if entity.dbpedia:
            graph.add((node, RDFS.seeAlso, URIRef(entity.dbpedia)))
    return graph


# Terms of the hottest loop, looked up once: a Namespace builds and checks a new URIRef on
# every attribute access.
_TYPE, _STRING, _ANCHOR = RDF.type, NIF.String, NIF.anchorOf
_BEGIN, _END, _CONTEXT = NIF.beginIndex, NIF.endIndex, NIF.referenceContext


def _span(graph: NTriples, mint: Minter, doc_id: str, context: URIRef, part: Span) -> URIRef:
    """A NIF string for ``part`` of the document text, with its quote and offsets (written
    once, however many mentions share the sentence)."""
    node = mint.span(doc_id, part.start, part.end)
    if f"<{node}> <{_CONTEXT}> <{context}> .\n" in graph.lines:  # only written here
        return node
    graph.add((node, _TYPE, _STRING))
    graph.add((node, _ANCHOR, _literal(part.text)))
    graph.add((node, _BEGIN, _count(part.start)))
    graph.add((node, _END, _count(part.end)))
    graph.add((node, _CONTEXT, context))
    return node


def _article(graph: NTriples, mint: Minter, analyzed: AnalyzedDocument, run: Run) -> URIRef:
    doc = analyzed.document
    meta = doc.meta
    article = mint.article(doc.doc_id)
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    graph.add((article, SCHEMA.headline, _literal(meta.title, lang=meta.language)))
    graph.add((article, SCHEMA.inLanguage, _literal(meta.language)))
    graph.add((article, PROV.wasGeneratedBy, mint.run(run)))
    if meta.published:
        graph.add(
            (article, SCHEMA.datePublished, _literal(meta.published.isoformat(), datatype=XSD.date))
        )
        if meta.published_inferred:
            graph.add((article, LDPUB.inferredProperty, SCHEMA.datePublished))
    if meta.author:
        graph.add((article, SCHEMA.author, _literal(meta.author)))
        if meta.author_inferred:
            graph.add((article, LDPUB.inferredProperty, SCHEMA.author))
    if meta.publisher:
        graph.add((article, SCHEMA.publisher, _literal(meta.publisher)))
    if meta.url:
        graph.add((article, SCHEMA.url, URIRef(meta.url)))
    return article


def _comments(graph: NTriples, mint: Minter, analyzed: AnalyzedDocument, article: URIRef) -> None:
    """Reader comments: published as what readers said, never as facts or persons."""
    comments = [s for s in analyzed.segments if s.kind is SegmentKind.COMMENT]
    for n, segment in enumerate(comments, start=1):
        node = mint.comment(analyzed.document.doc_id, n)
        graph.add((article, SCHEMA.comment, node))
        graph.add((node, RDF.type, SCHEMA.Comment))
        graph.add((node, SCHEMA.text, _literal(segment.text)))
        if segment.author:
            graph.add((node, SCHEMA.author, _literal(segment.author)))
        if segment.timestamp:
            graph.add(
                (
                    node,
                    SCHEMA.dateCreated,
                    _literal(segment.timestamp.isoformat(), datatype=XSD.dateTime),
                )
            )


def document_graph(
    analyzed: AnalyzedDocument, mentions: Sequence[ResolvedMention], run: Run, mint: Minter
) -> NTriples:
    """``B graph/{doc}``: the article, its text, evidence sentences, mentions and comments."""
    graph = NTriples()
    doc = analyzed.document
    article = _article(graph, mint, analyzed, run)
    context = mint.span(doc.doc_id, 0, len(doc.text))
    graph.add((context, RDF.type, NIF.Context))
    graph.add((context, RDF.type, NIF.String))
    graph.add((context, NIF.isString, _literal(doc.text)))
    graph.add((context, NIF.beginIndex, _count(0)))
    graph.add((context, NIF.endIndex, _count(len(doc.text))))
    graph.add((context, NIF.sourceUrl, article))
    for resolved in mentions:
        mention = resolved.mention
        sentence = _sentence(graph, mint, doc.doc_id, context, mention.sentence)
        node = _span(graph, mint, doc.doc_id, context, mention)
        graph.add((node, RDF.type, NIF.Phrase))
        graph.add((node, NIF.sentence, sentence))
        graph.add((node, ITSRDF.taIdentRef, mint.entity(resolved.entity_key)))
        graph.add((node, ITSRDF.taClassRef, ENTITY_CLASS[resolved.kind]))
        graph.add((node, PROV.wasGeneratedBy, mint.run(run)))
    by_span = {(rm.mention.start, rm.mention.end): rm for rm in mentions}
    for s, p, o, relation in _resolved_relations(analyzed, by_span, mint):
        _statement(graph, mint, doc.doc_id, context, (s, p, o), relation, run)
    events = sorted(analyzed.events, key=lambda e: min(t.start for t in e.triggers))
    for n, event in enumerate(events, start=1):
        node = mint.event(doc.doc_id, n)
        _event(graph, mint, doc.doc_id, context, node, event, by_span, run)
        _event_date(graph, node, event.date, doc.meta.published)
    _comments(graph, mint, analyzed, article)
    return graph


def _sentence(
    graph: NTriples, mint: Minter, doc_id: str, context: URIRef, part: Sentence
) -> URIRef:
    node = _span(graph, mint, doc_id, context, part)
    graph.add((node, RDF.type, NIF.Sentence))
    return node


Spans = Mapping[tuple[int, int], ResolvedMention]


def _entity_of(mention: Mention | None, by_span: Spans) -> ResolvedMention | None:
    return None if mention is None else by_span.get((mention.start, mention.end))


def _resolved_relations(
    analyzed: AnalyzedDocument, by_span: Spans, mint: Minter
) -> Iterator[tuple[URIRef, URIRef, URIRef, Relation]]:
    """The document's relations between resolved entities that the ontology allows.

    A relation whose resolved ends break the ontology's domain or range is left out: the
    tagger's type for one mention must not publish a statement the ontology forbids.
    """
    for relation in analyzed.relations:
        subject, obj = _entity_of(relation.subject, by_span), _entity_of(relation.object, by_span)
        if subject is None or obj is None or subject.entity_key == obj.entity_key:
            continue
        domain, range_ = relation_signatures()[relation.predicate]
        if ENTITY_CLASS[subject.kind] in domain and ENTITY_CLASS[obj.kind] in range_:
            yield (
                mint.entity(subject.entity_key),
                LDPUB[relation.predicate],
                mint.entity(obj.entity_key),
                relation,
            )


def relation_graph(
    analyzed: AnalyzedDocument, mentions: Sequence[ResolvedMention], mint: Minter
) -> NTriples:
    """The relations a document asserts, as plain triples between entities.

    They are published once, in ``B graph/entities``, however many documents assert them; each
    document graph holds the rdf:Statement with its evidence.
    """
    graph = NTriples()
    by_span = {(rm.mention.start, rm.mention.end): rm for rm in mentions}
    for s, p, o, _ in _resolved_relations(analyzed, by_span, mint):
        graph.add((s, p, o))
    return graph


def _statement(
    graph: NTriples,
    mint: Minter,
    doc_id: str,
    context: URIRef,
    triple: tuple[URIRef, URIRef, URIRef],
    relation: Relation,
    run: Run,
) -> None:
    """An asserted relation reified as rdf:Statement, pointing at the sentence that says it."""
    s, p, o = triple
    statement = mint.statement(doc_id, s, p, o, relation.sentence.start)
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, s))
    graph.add((statement, RDF.predicate, p))
    graph.add((statement, RDF.object, o))
    evidence = _sentence(graph, mint, doc_id, context, relation.sentence)
    graph.add((statement, PROV.wasDerivedFrom, evidence))
    graph.add((statement, PROV.wasGeneratedBy, mint.run(run)))


def _event(
    graph: NTriples,
    mint: Minter,
    doc_id: str,
    context: URIRef,
    node: URIRef,
    event: Event,
    by_span: Spans,
    run: Run,
) -> None:
    """An event with its type, triggers, participants, place, counts and evidence sentences."""
    for cls in (SEM.Event, SCHEMA.Event, LDPUB[event.type]):
        graph.add((node, RDF.type, cls))
    for trigger in event.triggers:
        graph.add((node, LDPUB.trigger, _literal(trigger.text)))
    for prop, mentions in ((SEM.hasActor, event.actors), (LDPUB.hasTarget, event.targets)):
        for mention in mentions:
            if (resolved := _entity_of(mention, by_span)) is not None:
                graph.add((node, prop, mint.entity(resolved.entity_key)))
    place = _entity_of(event.place, by_span)
    if place is not None and place.kind is EntityKind.PLACE:
        graph.add((node, SEM.hasPlace, mint.entity(place.entity_key)))
    for prop, n in (
        (LDPUB.killedCount, event.killed),
        (LDPUB.woundedCount, event.wounded),
        (LDPUB.capturedCount, event.captured),
    ):
        if n is not None and n >= 0:
            graph.add((node, prop, _count(n)))
    for sentence in event.sentences:
        graph.add((node, PROV.wasDerivedFrom, _sentence(graph, mint, doc_id, context, sentence)))
    graph.add((node, PROV.wasGeneratedBy, mint.run(run)))


_DATE_FORMS = {
    DatePrecision.DAY: ("%Y-%m-%d", XSD.date),
    DatePrecision.MONTH: ("%Y-%m", XSD.gYearMonth),
    DatePrecision.YEAR: ("%Y", XSD.gYear),
}


def _event_date(
    graph: NTriples, node: URIRef, date: EventDate | None, published: dt.date | None
) -> None:
    """The event's time, exactly as precise as the text; never after the article's date."""
    if date is None:
        return
    pattern, datatype = _DATE_FORMS[date.precision]
    lexical = date.value.strftime(pattern)
    if published is not None and lexical > published.strftime(pattern):
        return
    graph.add((node, SEM.hasTimeStamp, _literal(lexical, datatype=datatype)))


def provenance_graph(run: Run, mint: Minter) -> NTriples:
    """``B graph/provenance``: the build as a prov:Activity with its software and model."""
    graph = NTriples()
    activity, software, model = mint.run(run), mint.software(run), mint.model(run)
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, _literal(f"ldpub build {run.run_id}", lang="en")))
    graph.add(
        (activity, PROV.startedAtTime, _literal(run.started.isoformat(), datatype=XSD.dateTime))
    )
    if run.ended:
        graph.add(
            (activity, PROV.endedAtTime, _literal(run.ended.isoformat(), datatype=XSD.dateTime))
        )
    graph.add((activity, PROV.wasAssociatedWith, software))
    graph.add((activity, PROV.used, model))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, _literal(f"ldpub {run.software_version}", lang="en")))
    graph.add((software, SCHEMA.softwareVersion, _literal(run.software_version)))
    graph.add((model, RDF.type, PROV.Entity))
    graph.add((model, RDF.type, SCHEMA.SoftwareSourceCode))
    graph.add((model, RDFS.label, _literal(run.model_name, lang="en")))
    graph.add((model, SCHEMA.version, _literal(run.model_version)))
    return graph
