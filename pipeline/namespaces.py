"""RDF namespaces; the project's own ontology is closed so a misspelled term fails loudly."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/ldpub/ns"


class LDPUB(DefinedNamespace):
    """Terms of ``ontology/ldpub.ttl``; tests check the two list the same terms."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Event types (each rdfs:subClassOf sem:Event and schema:Event)
    Attack: URIRef
    Bombing: URIRef
    Kidnapping: URIRef
    Killing: URIRef
    Raid: URIRef
    Capture: URIRef
    Arrest: URIRef
    Detention: URIRef
    Release: URIRef
    Handover: URIRef
    Training: URIRef
    Meeting: URIRef
    Travel: URIRef
    Interview: URIRef
    Speech: URIRef
    PressBriefing: URIRef
    Statement: URIRef
    Election: URIRef
    Designation: URIRef
    MilitaryOperation: URIRef
    Withdrawal: URIRef
    Formation: URIRef

    # Relations between entities (object properties)
    memberOf: URIRef
    leaderOf: URIRef
    partOf: URIRef
    affiliatedWith: URIRef
    supports: URIRef
    trainedBy: URIRef
    commanderOf: URIRef
    spokespersonFor: URIRef
    employedBy: URIRef
    foundedBy: URIRef
    relativeOf: URIRef
    rivalOf: URIRef
    locatedIn: URIRef

    # Event participants and figures
    hasTarget: URIRef  # the entity acted upon (target, victim, captive)
    trigger: URIRef  # the word(s) that report the event
    killedCount: URIRef
    woundedCount: URIRef
    capturedCount: URIRef

    # Provenance helpers
    inferredProperty: URIRef  # an article property guessed from the text, not given by a sidecar
    honorific: URIRef  # a title seen before a person's name ("Maj. Gen.", "Sheikh")

    # Notation schemes: datatypes of the skos:notation literals that map event types
    CAMEOCode: URIRef  # a CAMEO 1.1b3 event code ("183")
    ACLEDSubEventType: URIRef  # an ACLED sub-event type name ("Suicide bomb")


EVENT_TYPES: tuple[str, ...] = (
    "Attack", "Bombing", "Kidnapping", "Killing", "Raid", "Capture", "Arrest", "Detention",
    "Release", "Handover", "Training", "Meeting", "Travel", "Interview", "Speech",
    "PressBriefing", "Statement", "Election", "Designation", "MilitaryOperation", "Withdrawal",
    "Formation",
)  # fmt: skip

RELATIONS: tuple[str, ...] = (
    "memberOf", "leaderOf", "partOf", "affiliatedWith", "supports", "trainedBy", "commanderOf",
    "spokespersonFor", "employedBy", "foundedBy", "relativeOf", "rivalOf", "locatedIn",
)  # fmt: skip

SCHEMA = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
DBR = Namespace("http://dbpedia.org/resource/")
ORG = Namespace("http://www.w3.org/ns/org#")
VANN = Namespace("http://purl.org/vocab/vann/")

PREFIXES: dict[str, str] = {
    "ldpub": ONTOLOGY_IRI + "#",
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "wd": str(WD),
    "wdt": str(WDT),
    "dbr": str(DBR),
    "org": str(ORG),
    "vann": str(VANN),
}
# Every prefix above declared for SPARQL, for queries written with them.
SPARQL_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "ldpub.ttl"


@cache
def relation_signatures() -> dict[str, tuple[frozenset[URIRef], frozenset[URIRef]]]:
    """Each relation's allowed subject and object classes, read from the ontology's
    rdfs:domain and rdfs:range (a class or an owl:unionOf list of classes)."""
    graph = Graph().parse(ONTOLOGY_FILE)

    def classes(node: Node | None) -> frozenset[URIRef]:
        if isinstance(node, URIRef):
            return frozenset({node})
        members = graph.value(node, OWL.unionOf) if node is not None else None
        return (
            frozenset(c for c in Collection(graph, members) if isinstance(c, URIRef))
            if (members is not None)
            else frozenset()
        )

    return {
        name: (
            classes(graph.value(LDPUB[name], RDFS.domain)),
            classes(graph.value(LDPUB[name], RDFS.range)),
        )
        for name in RELATIONS
    }
