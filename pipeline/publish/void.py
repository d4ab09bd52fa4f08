"""The dataset's self-description: VoID for Linked Data clients, DCAT for catalogues."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, VOID

from ..namespaces import NIF, ONTOLOGY_IRI, PREFIXES, SCHEMA, SEM
from .dumps import DUMPS

SPDX = Namespace("http://spdx.org/rdf/terms#")
IANA = "https://www.iana.org/assignments/media-types/"
WIKIDATA = URIRef("http://www.wikidata.org/entity/")
DATA_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def void_graph(
    base: str,
    *,
    triples: int,
    class_counts: Mapping[URIRef, int],
    sameas_links: int,
    sources: Sequence[str],
    examples: Sequence[URIRef],
    dump_folder: Path,
    checksums: Mapping[str, str],
    modified: dt.datetime,
) -> Graph:
    """VoID + DCAT for the release whose dumps are in ``dump_folder``."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("spdx", SPDX)
    ds = URIRef(f"{base}.well-known/void#dataset")
    sparql = URIRef(f"{base}sparql")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("ldpub: facts reported in news", lang="en")))
    g.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "People, organizations, places and events reported in news articles, "
                "each statement linked to the sentence that reports it.",
                lang="en",
            ),
        )
    )
    g.add((ds, DCTERMS.license, DATA_LICENSE))
    g.add((ds, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
    g.add((ds, VOID.triples, Literal(triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(sum(class_counts.values()), datatype=XSD.integer)))
    g.add((ds, VOID.sparqlEndpoint, sparql))
    g.add((ds, VOID.uriSpace, Literal(f"{base}id/")))
    g.add((ds, VOID.rootResource, URIRef(base)))
    for vocabulary in (ONTOLOGY_IRI + "#", str(SCHEMA), str(SEM), str(NIF)):
        g.add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for source in sources:
        g.add((ds, DCTERMS.source, URIRef(source)))
    for example in examples:
        g.add((ds, VOID.exampleResource, example))
    for cls, n in sorted(class_counts.items()):
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))

    linkset = URIRef(f"{base}.well-known/void#wikidata-links")
    g.add((ds, VOID.subset, linkset))
    g.add((linkset, RDF.type, VOID.Linkset))
    g.add((linkset, VOID.linkPredicate, OWL.sameAs))
    g.add((linkset, VOID.subjectsTarget, ds))
    g.add((linkset, VOID.objectsTarget, WIKIDATA))
    g.add((linkset, VOID.triples, Literal(sameas_links, datatype=XSD.integer)))

    for name, media_type in DUMPS.items():
        url = URIRef(f"{base}dumps/{name}")
        g.add((ds, VOID.dataDump, url))
        dist = URIRef(f"{base}.well-known/void#dump-{name.split('.')[1]}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef(IANA + media_type)))
        g.add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
        size = (dump_folder / name).stat().st_size
        g.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
        checksum = BNode()
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(checksums[name], datatype=XSD.hexBinary)))

    service = URIRef(f"{base}.well-known/void#sparql")
    g.add((ds, DCAT.accessService, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, sparql))
    g.add((service, DCAT.servesDataset, ds))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    return g
