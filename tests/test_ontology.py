"""The ontology parses, is closed (same terms as namespaces.LDPUB) and maps every term outward."""

from __future__ import annotations

import re

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from pipeline.namespaces import EVENT_TYPES, LDPUB, ONTOLOGY_IRI, RELATIONS, SCHEMA, SEM, VANN
from pipeline.validate import ONTOLOGY_DIR, load_ontology

DCTERMS = Namespace("http://purl.org/dc/terms/")
NS = ONTOLOGY_IRI + "#"
ONTOLOGY = URIRef(ONTOLOGY_IRI)
DECLARING_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDFS.Datatype,
}
MAPPINGS = {
    RDFS.subPropertyOf,
    OWL.equivalentProperty,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
}
ENTITY_CLASSES = {SCHEMA.Person, SCHEMA.Organization, SCHEMA.Place}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def _declared(graph: Graph) -> set[str]:
    names = set()
    for subject, cls in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef) and str(subject).startswith(NS) and cls in DECLARING_TYPES:
            names.add(str(subject)[len(NS) :])
    return names


def _classes(graph: Graph, node: URIRef | BNode) -> set[URIRef]:
    """A class or the members of its owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    if union is None:
        return {node} if isinstance(node, URIRef) else set()
    return set(graph.items(union))


def test_single_file_parses() -> None:
    files = sorted(ONTOLOGY_DIR.glob("*.ttl"))
    assert [f.name for f in files] == ["ldpub.ttl"]
    Graph().parse(files[0], format="turtle")


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, VANN.preferredNamespaceUri) == Literal(NS)
    assert onto.value(ONTOLOGY, VANN.preferredNamespacePrefix) == Literal("ldpub")
    assert onto.value(ONTOLOGY, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert str(onto.value(ONTOLOGY, DCTERMS.creator)) == "ldpub"
    for prop in (DCTERMS.title, DCTERMS.description, OWL.versionInfo):
        assert onto.value(ONTOLOGY, prop) is not None, prop


def test_closed_namespace_matches_ontology(onto: Graph) -> None:
    assert _declared(onto) == set(LDPUB.__annotations__)


def test_no_undeclared_ldpub_term_is_used(onto: Graph) -> None:
    declared = _declared(onto)
    for triple in onto:
        for node in triple:
            if isinstance(node, URIRef) and str(node).startswith(NS):
                assert str(node)[len(NS) :] in declared, node


def test_every_term_is_documented(onto: Graph) -> None:
    for name in _declared(onto):
        term = URIRef(NS + name)
        labels = [lbl for lbl in onto.objects(term, RDFS.label) if lbl.language == "en"]
        comments = [c for c in onto.objects(term, RDFS.comment) if c.language == "en"]
        assert len(labels) == 1, name
        assert comments, name
        assert (term, RDFS.isDefinedBy, ONTOLOGY) in onto, name


def test_event_types(onto: Graph) -> None:
    assert len(EVENT_TYPES) == 22
    for name in EVENT_TYPES:
        term = LDPUB[name]
        assert (term, RDF.type, OWL.Class) in onto, name
        assert (term, RDFS.subClassOf, SEM.Event) in onto, name
        assert (term, RDFS.subClassOf, SCHEMA.Event) in onto, name
        notations = list(onto.objects(term, SKOS.notation))
        matches = [o for p in MAPPINGS for o in onto.objects(term, p)]
        assert notations or matches, f"{name} has no CAMEO/ACLED/Wikidata mapping"
        for notation in notations:
            assert notation.datatype in (LDPUB.CAMEOCode, LDPUB.ACLEDSubEventType), name
            if notation.datatype == LDPUB.CAMEOCode:
                assert re.fullmatch(r"[0-2][0-9]{1,3}", str(notation)), notation
        assert onto.value(term, SKOS.note) is not None, name


def test_relations(onto: Graph) -> None:
    assert len(RELATIONS) == 13
    for name in RELATIONS:
        term = LDPUB[name]
        assert (term, RDF.type, OWL.ObjectProperty) in onto, name
        domain = onto.value(term, RDFS.domain)
        range_ = onto.value(term, RDFS.range)
        assert domain is not None and range_ is not None, name
        assert _classes(onto, domain) <= ENTITY_CLASSES, name
        assert _classes(onto, range_) <= ENTITY_CLASSES, name
        external = {
            o
            for p in MAPPINGS
            for o in onto.objects(term, p)
            if isinstance(o, URIRef) and not str(o).startswith(NS)
        }
        # Mappings stated from the other side: X rdfs:subPropertyOf ldpub:p, or an inverse.
        for sub in onto.subjects(RDFS.subPropertyOf, term):
            inverse = onto.value(sub, OWL.inverseOf) if isinstance(sub, BNode) else None
            external.add(inverse if inverse is not None else sub)
        # ...or inherited from an ldpub super-property that is mapped.
        for sup in onto.objects(term, RDFS.subPropertyOf):
            if isinstance(sup, URIRef) and str(sup).startswith(NS):
                external |= set(onto.objects(sup, SKOS.closeMatch))
        assert any(not str(x).startswith(NS) for x in external), f"{name} has no external mapping"


def test_symmetric_relations(onto: Graph) -> None:
    symmetric = {str(s)[len(NS) :] for s in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == {"relativeOf", "rivalOf"}
    for name in symmetric:
        term = LDPUB[name]
        assert _classes(onto, onto.value(term, RDFS.domain)) == _classes(
            onto, onto.value(term, RDFS.range)
        )


def test_datatype_properties(onto: Graph) -> None:
    for name in ("killedCount", "woundedCount", "capturedCount"):
        assert (LDPUB[name], RDFS.range, XSD.nonNegativeInteger) in onto
    assert (LDPUB.trigger, RDFS.range, XSD.string) in onto
    assert (LDPUB.hasTarget, RDFS.domain, SEM.Event) in onto
    assert (LDPUB.honorific, RDFS.domain, SCHEMA.Person) in onto


def test_wikidata_iris_are_well_formed(onto: Graph) -> None:
    for node in set(onto.all_nodes()):
        text = str(node)
        if "wikidata.org" in text:
            assert re.fullmatch(
                r"http://www\.wikidata\.org/(entity/Q|prop/direct/P)[0-9]+", text
            ), text
