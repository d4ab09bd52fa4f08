"""Mapping records to RDF, compared with reviewed golden graphs by isomorphism."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from pipeline.map import (
    Minter,
    NTriples,
    _literal,
    document_graph,
    entities_graph,
    provenance_graph,
    relation_graph,
)
from pipeline.namespaces import LDPUB, SCHEMA, SEM
from pipeline.records import (
    AnalyzedDocument,
    DatePrecision,
    Document,
    DocumentMeta,
    EntityKind,
    Event,
    EventDate,
    Mention,
    Relation,
    ResolvedMention,
    Run,
    Segment,
    SegmentKind,
    Sentence,
    TextSpan,
)
from pipeline.resolve import resolve
from pipeline.validate import validate

GOLDEN = Path(__file__).parent / "data" / "golden"
TEXT = (
    "Rebels seize port\n\n"
    "Col. Amara Diallo, the commander of the Sahel Brigade, entered Gao on Monday.\n\n"
    "  • reader42 says:\n\n    Great news from Gao.\n"
)
RUN = Run(
    run_id="20260101T000000Z",
    started=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    ended=dt.datetime(2026, 1, 1, 0, 0, 5, tzinfo=dt.UTC),
    software_version="0.1.0",
    model_name="ldpub_ner_gmb",
    model_version="0.1.0",
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _analyzed() -> AnalyzedDocument:
    s0, s1 = _span(
        TEXT, "Col. Amara Diallo, the commander of the Sahel Brigade, entered Gao on Monday."
    )
    sentence = Sentence(s0, s1, TEXT[s0:s1])
    mentions = []
    for needle, kind, name, titles in [
        ("Col. Amara Diallo", EntityKind.PERSON, "Amara Diallo", ("Col.",)),
        ("Sahel Brigade", EntityKind.ORGANIZATION, "Sahel Brigade", ()),
        ("Gao", EntityKind.PLACE, "Gao", ()),
    ]:
        a, b = _span(TEXT, needle)
        mentions.append(Mention(a, b, needle, kind, name, sentence, titles))
    c0, c1 = _span(TEXT, "Great news from Gao.")
    segments = (
        Segment(SegmentKind.TITLE, 0, 17, TEXT[0:17]),
        Segment(SegmentKind.BODY, s0, s1, sentence.text),
        Segment(SegmentKind.COMMENT, c0, c1, TEXT[c0:c1], author="reader42"),
    )
    meta = DocumentMeta(
        title="Rebels seize port",
        published=dt.date(2026, 1, 1),
        published_inferred=True,
        author="A. Writer",
        url="https://news.example.org/rebels",
    )
    document = Document("sahel-1", Path("sahel_1.txt"), TEXT, "0" * 64, meta)
    person, brigade, gao = mentions
    relations = (Relation(person, "commanderOf", brigade, sentence, "apposition-role"),)
    t0, t1 = _span(TEXT, "entered")
    d0, d1 = _span(TEXT, "on Monday")
    events = (
        Event(
            type="MilitaryOperation",
            triggers=(TextSpan(t0, t1, "entered"),),
            sentences=(sentence,),
            actors=(brigade,),
            place=gao,
            date=EventDate(dt.date(2025, 12, 29), DatePrecision.DAY, TextSpan(d0, d1, "on Monday")),
        ),
    )
    return AnalyzedDocument(
        document, segments, (sentence,), tuple(mentions), relations=relations, events=events
    )


def _assert_isomorphic(actual: Graph, golden: str) -> None:
    expected = Graph().parse(GOLDEN / golden)
    if not isomorphic(actual, expected):
        _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
        pytest.fail(
            "graphs differ\nonly in actual:\n"
            + only_actual.serialize(format="nt")
            + "\nonly in golden:\n"
            + only_expected.serialize(format="nt")
        )


def test_document_and_entities_match_golden() -> None:
    analyzed = _analyzed()
    resolution = resolve([analyzed])
    mint = Minter("http://data.example.org/")
    doc = document_graph(analyzed, resolution.mentions["sahel-1"], RUN, mint).graph()
    _assert_isomorphic(doc, "document.ttl")
    _assert_isomorphic(entities_graph(resolution.entities.values(), mint).graph(), "entities.ttl")
    _assert_isomorphic(provenance_graph(RUN, mint).graph(), "provenance.ttl")
    _assert_isomorphic(
        relation_graph(analyzed, resolution.mentions["sahel-1"], mint).graph(), "relations.ttl"
    )


def test_document_with_facts_conforms_to_the_shapes() -> None:
    analyzed = _analyzed()
    resolution = resolve([analyzed])
    mint = Minter("http://data.example.org/")
    data = (
        document_graph(analyzed, resolution.mentions["sahel-1"], RUN, mint).graph()
        + relation_graph(analyzed, resolution.mentions["sahel-1"], mint).graph()
        + entities_graph(resolution.entities.values(), mint).graph()
        + provenance_graph(RUN, mint).graph()
    )
    conforms, _, report = validate(data)
    assert conforms, report


def test_relation_against_the_ontology_is_left_out() -> None:
    analyzed = _analyzed()
    person, brigade, gao = analyzed.mentions
    wrong = Relation(gao, "leaderOf", brigade, person.sentence, "test")  # a place leads nothing
    analyzed = replace(analyzed, relations=(wrong,))
    resolution = resolve([analyzed])
    mint = Minter("http://data.example.org/")
    graph = document_graph(analyzed, resolution.mentions["sahel-1"], RUN, mint).graph()
    graph += relation_graph(analyzed, resolution.mentions["sahel-1"], mint).graph()
    assert not list(graph.triples((None, LDPUB.leaderOf, None)))
    assert not list(graph.triples((None, RDF.predicate, LDPUB.leaderOf)))


def test_event_date_after_the_article_is_dropped() -> None:
    analyzed = _analyzed()
    late = replace(
        analyzed.events[0],
        date=EventDate(dt.date(2026, 2, 1), DatePrecision.MONTH, TextSpan(0, 1, "R")),
    )
    analyzed = replace(analyzed, events=(late,))
    resolution = resolve([analyzed])
    graph = document_graph(
        analyzed, resolution.mentions["sahel-1"], RUN, Minter("http://data.example.org/")
    ).graph()
    assert not list(graph.triples((None, SEM.hasTimeStamp, None)))
    assert list(graph.triples((None, SEM.hasPlace, None)))


def test_graphs_share_no_triple() -> None:
    analyzed = _analyzed()
    resolution = resolve([analyzed])
    mint = Minter("http://data.example.org")  # a base without the slash is completed
    graphs = [
        document_graph(analyzed, resolution.mentions["sahel-1"], RUN, mint).graph(),
        entities_graph(resolution.entities.values(), mint).graph(),
        provenance_graph(RUN, mint).graph(),
    ]
    total = sum(len(g) for g in graphs)
    union = Graph()
    for g in graphs:
        union += g
    assert len(union) == total


def test_commenter_is_never_a_person() -> None:
    analyzed = _analyzed()
    resolution = resolve([analyzed])
    doc = document_graph(
        analyzed, resolution.mentions["sahel-1"], RUN, Minter("http://data.example.org/")
    ).graph()
    rows = list(
        doc.query(
            "PREFIX schema: <http://schema.org/> SELECT ?a WHERE { ?c a schema:Comment ; "
            "schema:author ?a }"
        )
    )
    assert [str(r.a) for r in rows] == ["reader42"]
    assert not any(r.a.__class__.__name__ != "Literal" for r in rows)


def test_mention_offsets_quote_the_text() -> None:
    analyzed = _analyzed()
    resolution = resolve([analyzed])
    mentions: tuple[ResolvedMention, ...] = resolution.mentions["sahel-1"]
    for rm in mentions:
        assert TEXT[rm.mention.start : rm.mention.end] == rm.mention.text


def test_ntriples_read_back_as_rdflib_writes_them() -> None:
    """The mapper writes N-Triples itself: every literal reads back as it was, and the line is
    the one rdflib's own serializer writes."""
    date = URIRef("http://www.w3.org/2001/XMLSchema#date")
    text = 'a "quoted" back\\slash\nnew line\r\ttab é 𝄞'
    graph = NTriples()
    subject = URIRef("http://data.example.org/id/x")
    objects = [
        _literal(text),
        _literal(text, lang="en"),
        _literal("2007-08-21", datatype=date),
    ]
    for obj in objects:
        graph.add((subject, SCHEMA.text, obj))
    expected = Graph()
    for literal in (
        Literal(text),
        Literal(text, lang="en"),
        Literal("2007-08-21", datatype=date),
    ):
        expected.add((subject, SCHEMA.text, literal))
    assert set(graph.text().splitlines()) == set(expected.serialize(format="nt").splitlines()) - {
        ""
    }
    assert to_isomorphic(graph.graph()) == to_isomorphic(expected)
