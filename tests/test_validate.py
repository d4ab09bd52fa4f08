"""The shapes accept the contract's own example and reject each kind of violation, readably."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from pipeline.namespaces import DBR, ITSRDF, LDPUB, NIF, SCHEMA, SEM
from pipeline.validate import (
    ValidationInputError,
    load_ontology,
    load_shapes,
    readable_report,
    validate,
    validate_files,
)

FIXTURE = Path(__file__).parent / "data" / "rdf" / "document.trig"
PROV = Namespace("http://www.w3.org/ns/prov#")
B = "http://localhost:8000/"
ART = URIRef(B + "id/article/000-test-article")
SADR = URIRef(B + "id/person/muqtada-al-sadr")
HEZBOLLAH = URIRef(B + "id/organization/hezbollah")
MAHDI = URIRef(B + "id/organization/mahdi-army")
LEBANON = URIRef(B + "id/place/lebanon")
CAPTURE = URIRef(B + "id/event/000-test-article-2")
TRAINING = URIRef(B + "id/event/000-test-article-1")
COMMENT = URIRef(B + "id/article/000-test-article/comment/1")
RUN = URIRef(B + "id/run/20261120T231500Z")


def _fixture() -> Graph:
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def document() -> Graph:
    return _fixture()


def _context(graph: Graph) -> tuple[URIRef, str]:
    ctx = next(iter(graph.subjects(RDF.type, NIF.Context)))
    return ctx, str(graph.value(ctx, NIF.isString))


def _mention(graph: Graph, anchor: str) -> URIRef:
    for span in graph.subjects(RDF.type, NIF.Phrase):
        if str(graph.value(span, NIF.anchorOf)) == anchor:
            return span
    raise AssertionError(anchor)


def test_fixture_offsets_are_real(document: Graph) -> None:
    """Guards the fixture itself: every anchor is the text at its offsets."""
    _, text = _context(document)
    spans = list(document.subjects(NIF.referenceContext, None))
    assert len(spans) >= 10
    for span in spans:
        begin = int(document.value(span, NIF.beginIndex))
        end = int(document.value(span, NIF.endIndex))
        assert text[begin:end] == str(document.value(span, NIF.anchorOf))


def test_conforming_document(document: Graph) -> None:
    conforms, report, _ = validate(document)
    assert conforms, readable_report(report)
    assert readable_report(report) == ""


def test_dataset_is_merged() -> None:
    """A Dataset is validated as the union of its graphs, not graph by graph."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    conforms, _, _ = validate(dataset)
    assert conforms


def _set(graph: Graph, s: URIRef, p: URIRef, o: URIRef | Literal | BNode) -> None:
    graph.remove((s, p, None))
    graph.add((s, p, o))


def _two_labels(g: Graph) -> None:
    g.add((SADR, RDFS.label, Literal("Moqtada al-Sadr", lang="en")))


def _label_without_language(g: Graph) -> None:
    _set(g, HEZBOLLAH, RDFS.label, Literal("Hezbollah"))


def _same_as_dbpedia(g: Graph) -> None:
    g.add((HEZBOLLAH, OWL.sameAs, DBR.Hezbollah))


def _see_also_wikidata(g: Graph) -> None:
    g.add((HEZBOLLAH, RDFS.seeAlso, URIRef("http://www.wikidata.org/entity/Q131559")))


def _two_classes(g: Graph) -> None:
    g.add((LEBANON, RDF.type, SCHEMA.Organization))


def _offsets_outside(g: Graph) -> None:
    _, text = _context(g)
    span = _mention(g, "Basra")
    _set(g, span, NIF.endIndex, Literal(len(text) + 5, datatype=XSD.nonNegativeInteger))


def _anchor_mismatch(g: Graph) -> None:
    _set(g, _mention(g, "Lebanon"), NIF.anchorOf, Literal("Lebanonn"))


def _begin_after_end(g: Graph) -> None:
    _set(g, _mention(g, "Lebanon"), NIF.beginIndex, Literal(900, datatype=XSD.nonNegativeInteger))


def _offset_not_integer(g: Graph) -> None:
    _set(g, _mention(g, "Lebanon"), NIF.endIndex, Literal("12"))


def _comment_author_node(g: Graph) -> None:
    person = URIRef(B + "id/person/lefty")
    _set(g, COMMENT, SCHEMA.author, person)
    g.add((person, RDF.type, SCHEMA.Person))
    g.add((person, RDFS.label, Literal("lefty", lang="en")))


def _comment_without_text(g: Graph) -> None:
    g.remove((COMMENT, SCHEMA.text, None))


def _event_after_article(g: Graph) -> None:
    _set(g, CAPTURE, SEM.hasTimeStamp, Literal("2007-09-01", datatype=XSD.date))


def _event_year_after_article(g: Graph) -> None:
    _set(g, TRAINING, SEM.hasTimeStamp, Literal("2008", datatype=XSD.gYear))


def _count_wrong_datatype(g: Graph) -> None:
    _set(g, CAPTURE, LDPUB.capturedCount, Literal("6", datatype=XSD.integer))


def _timestamp_datetime(g: Graph) -> None:
    _set(g, CAPTURE, SEM.hasTimeStamp, Literal("2007-03-20T10:00:00", datatype=XSD.dateTime))


def _date_published_string(g: Graph) -> None:
    _set(g, ART, SCHEMA.datePublished, Literal("21 August 2007"))


def _event_two_types(g: Graph) -> None:
    g.add((CAPTURE, RDF.type, LDPUB.Arrest))


def _event_no_evidence(g: Graph) -> None:
    g.remove((CAPTURE, PROV.wasDerivedFrom, None))


def _actor_not_entity(g: Graph) -> None:
    g.add((TRAINING, SEM.hasActor, Literal("Hezbollah")))


def _statement_bad_predicate(g: Graph) -> None:
    statement = next(iter(g.subjects(RDF.type, RDF.Statement)))
    _set(g, statement, RDF.predicate, SCHEMA.knows)


def _relation_without_statement(g: Graph) -> None:
    g.add((MAHDI, LDPUB.memberOf, HEZBOLLAH))


def _statement_not_asserted(g: Graph) -> None:
    g.remove((MAHDI, LDPUB.trainedBy, HEZBOLLAH))


def _relation_range(g: Graph) -> None:
    g.add((SADR, LDPUB.relativeOf, HEZBOLLAH))


def _mention_untyped_entity(g: Graph) -> None:
    _set(g, _mention(g, "Basra"), ITSRDF.taIdentRef, URIRef(B + "id/place/nowhere"))


def _honorific_on_place(g: Graph) -> None:
    g.add((LEBANON, LDPUB.honorific, Literal("Sheikh", lang="en")))


def _run_without_start(g: Graph) -> None:
    g.remove((RUN, PROV.startedAtTime, None))


def _agent_without_version(g: Graph) -> None:
    g.remove((URIRef(B + "id/software/ldpub-0.1.0"), SCHEMA.softwareVersion, None))


# (breakage, words the one-line report must contain)
BROKEN: list[tuple[Callable[[Graph], None], tuple[str, ...]]] = [
    (_two_labels, ("muqtada-al-sadr", "rdfs:label", "exactly one rdfs:label")),
    (_label_without_language, ("hezbollah", "English")),
    (_same_as_dbpedia, ("owl:sameAs", "dbr:Hezbollah", "Wikidata")),
    (_see_also_wikidata, ("rdfs:seeAlso", "DBpedia")),
    (_two_classes, ("lebanon", "exactly one of the classes")),
    (_offsets_outside, ("Basra", "outside the document text")),
    (_anchor_mismatch, ('"Lebanonn"', "is not the text at", 'reads "Lebanon"')),
    (_begin_after_end, ("nif:beginIndex", "smaller than its nif:endIndex")),
    (_offset_not_integer, ("nif:endIndex", "xsd:nonNegativeInteger")),
    (_comment_author_node, ("comment/1", "schema:author", "never a node")),
    (_comment_without_text, ("comment/1", "schema:text")),
    (_event_after_article, ("000-test-article-2", "2007-09-01", "after its article")),
    (_event_year_after_article, ("000-test-article-1", "2008", "after its article")),
    (_count_wrong_datatype, ("ldpub:capturedCount", "xsd:nonNegativeInteger")),
    (_timestamp_datetime, ("sem:hasTimeStamp", "xsd:gYearMonth")),
    (_date_published_string, ("schema:datePublished", "xsd:date")),
    (_event_two_types, ("000-test-article-2", "exactly one ldpub event type")),
    (_event_no_evidence, ("prov:wasDerivedFrom", "nif:Sentence")),
    (_actor_not_entity, ("sem:hasActor", "must be an entity")),
    (_statement_bad_predicate, ("rdf:predicate", "13 ldpub relations")),
    (_relation_without_statement, ("ldpub:memberOf", "no rdf:Statement")),
    (_statement_not_asserted, ("not asserted",)),
    (_relation_range, ("ldpub:relativeOf", "must be a schema:Person")),
    (_mention_untyped_entity, ("Basra", "nowhere", "is not typed")),
    (_honorific_on_place, ("lebanon", "Only a schema:Person")),
    (_run_without_start, ("prov:startedAtTime", "exactly one")),
    (_agent_without_version, ("schema:softwareVersion",)),
]


@pytest.mark.parametrize("breakage, words", BROKEN, ids=[b.__name__.strip("_") for b, _ in BROKEN])
def test_broken_variant_is_rejected(
    breakage: Callable[[Graph], None], words: tuple[str, ...]
) -> None:
    graph = _fixture()
    breakage(graph)
    conforms, report, _ = validate(graph)
    lines = readable_report(report).splitlines()
    assert not conforms
    assert lines
    assert any(all(word in line for word in words) for line in lines), "\n".join(lines)
    for line in lines:
        assert line.count(" | ") == 3, line


def test_load_shapes_and_ontology_are_copies() -> None:
    shapes = load_shapes()
    assert len(shapes) > 100
    shapes.remove((None, None, None))
    assert len(load_shapes()) > 100
    assert (None, RDF.type, OWL.Ontology) in load_ontology()


def test_validate_files_conforms(tmp_path: Path) -> None:
    conforms, text = validate_files([FIXTURE])
    assert conforms
    assert text.startswith("Conforms:")
    packed = tmp_path / "document.trig.gz"
    packed.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert validate_files([packed])[0]


def test_validate_files_reports_violations(tmp_path: Path) -> None:
    graph = _fixture()
    _two_labels(graph)
    broken = tmp_path / "broken.nt"
    graph.serialize(broken, format="nt")
    conforms, text = validate_files([broken])
    assert not conforms
    assert text.splitlines()[0].startswith("Does not conform: 1 violation")
    assert "rdfs:label" in text


def test_validate_files_merges_several_files(tmp_path: Path) -> None:
    """Entities in one file, the document in another: validated together."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    entities = dataset.graph(URIRef(B + "graph/entities"))
    rest = Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g != entities.identifier:
            rest.add((s, p, o))
    entities.serialize(tmp_path / "entities.jsonld", format="json-ld")
    rest.serialize(tmp_path / "rest.ttl", format="turtle")
    conforms, text = validate_files([tmp_path / "entities.jsonld", tmp_path / "rest.ttl"])
    assert conforms, text
    conforms, _ = validate_files([tmp_path / "rest.ttl"])
    assert not conforms  # mentions point to entities whose types are not there


def test_validate_files_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationInputError, match="no such file"):
        validate_files([tmp_path / "absent.ttl"])


def test_validate_files_garbage(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is { not turtle at all", encoding="utf-8")
    with pytest.raises(ValidationInputError, match="not valid Turtle") as info:
        validate_files([garbage])
    assert "\n" not in str(info.value)
    gz = tmp_path / "garbage.nq.gz"
    gz.write_bytes(b"not gzip")
    with pytest.raises(ValidationInputError, match="N-Quads"):
        validate_files([gz])


def test_validate_files_unknown_extension(tmp_path: Path) -> None:
    odd = tmp_path / "data.csv"
    shutil.copy(FIXTURE, odd)
    with pytest.raises(ValidationInputError, match="extension"):
        validate_files([odd])
    with pytest.raises(ValidationInputError):
        validate_files([])
