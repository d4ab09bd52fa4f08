"""A small publication in the build's layout, written by the tests without the build code.

``DIR/releases/<id>/{store,dumps,reports,publication.json}``, ``DIR/current`` linking to the
release and ``DIR/{store,dumps,reports,publication.json}`` linking through ``current``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

from pyoxigraph import Dataset, Quad, RdfFormat, Store, parse, serialize

from pipeline.namespaces import PREFIXES

BASE = "https://news.example/ldpub/"

HEAD = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + f"@base <{BASE}> .\n"

TEXT = (
    "Qais Khazali leads the Asaib Ahl al Haq. "
    "The Qods Force supports the Asaib Ahl al Haq. "
    "On 20 January 2007 gunmen attacked the Karbala provincial headquarters."
)

TRIG = (
    HEAD
    + """
<graph/entities> {
  <id/person/qais-khazali> a schema:Person ;
      rdfs:label "Qais Khazali"@en ;
      skos:altLabel "Qayis Khazali"@en , "Qais Qazali"@en ;
      ldpub:honorific "Sheikh"@en ;
      owl:sameAs <http://www.wikidata.org/entity/Q7267462> ;
      rdfs:seeAlso <http://dbpedia.org/resource/Qais_Khazali> .
  <id/organization/asaib-ahl-al-haq> a schema:Organization ;
      rdfs:label "Asaib Ahl al Haq"@en ;
      owl:sameAs <http://www.wikidata.org/entity/Q1420153> .
  <id/organization/qods-force> a schema:Organization ;
      rdfs:label "Qods Force"@en ;
      skos:altLabel "Quds Force"@en .
  <id/place/karbala> a schema:Place ;
      rdfs:label "Karbala"@en ;
      skos:closeMatch <http://www.wikidata.org/entity/Q172056> .
}

<graph/000-raid> {
  <id/article/000-raid> a schema:NewsArticle ;
      schema:headline "Special Groups and the Karbala raid"@en ;
      schema:datePublished "2007-08-21"^^xsd:date ;
      schema:author "Bill Roggio" ;
      schema:comment <id/article/000-raid/comment/1> .
  <id/article/000-raid#char=0,157> a nif:Context , nif:String ;
      nif:isString "TEXT" ;
      nif:sourceUrl <id/article/000-raid> .
  <id/article/000-raid#char=0,40> a nif:Sentence , nif:String ;
      nif:anchorOf "Qais Khazali leads the Asaib Ahl al Haq." ;
      nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "40"^^xsd:nonNegativeInteger ;
      nif:referenceContext <id/article/000-raid#char=0,157> .
  <id/article/000-raid#char=41,87> a nif:Sentence , nif:String ;
      nif:anchorOf "The Qods Force supports the Asaib Ahl al Haq." ;
      nif:beginIndex "41"^^xsd:nonNegativeInteger ; nif:endIndex "87"^^xsd:nonNegativeInteger ;
      nif:referenceContext <id/article/000-raid#char=0,157> .
  <id/article/000-raid#char=88,157> a nif:Sentence , nif:String ;
      nif:anchorOf "On 20 January 2007 gunmen attacked the Karbala provincial headquarters." ;
      nif:beginIndex "88"^^xsd:nonNegativeInteger ; nif:endIndex "157"^^xsd:nonNegativeInteger ;
      nif:referenceContext <id/article/000-raid#char=0,157> .
  <id/article/000-raid#char=0,12> a nif:Phrase ; nif:anchorOf "Qais Khazali" ;
      nif:sentence <id/article/000-raid#char=0,40> ;
      itsrdf:taIdentRef <id/person/qais-khazali> .
  <id/article/000-raid#char=23,39> a nif:Phrase ; nif:anchorOf "Asaib Ahl al Haq" ;
      nif:sentence <id/article/000-raid#char=0,40> ;
      itsrdf:taIdentRef <id/organization/asaib-ahl-al-haq> .
  <id/article/000-raid#char=45,55> a nif:Phrase ; nif:anchorOf "Qods Force" ;
      nif:sentence <id/article/000-raid#char=41,87> ;
      itsrdf:taIdentRef <id/organization/qods-force> .
  <id/article/000-raid#char=127,134> a nif:Phrase ; nif:anchorOf "Karbala" ;
      nif:sentence <id/article/000-raid#char=88,157> ;
      itsrdf:taIdentRef <id/place/karbala> .

  <id/person/qais-khazali> ldpub:leaderOf <id/organization/asaib-ahl-al-haq> .
  <id/article/000-raid/statement/aaaaaaaaaaaa> a rdf:Statement ;
      rdf:subject <id/person/qais-khazali> ; rdf:predicate ldpub:leaderOf ;
      rdf:object <id/organization/asaib-ahl-al-haq> ;
      prov:wasDerivedFrom <id/article/000-raid#char=0,40> .
  <id/organization/qods-force> ldpub:supports <id/organization/asaib-ahl-al-haq> .
  <id/article/000-raid/statement/bbbbbbbbbbbb> a rdf:Statement ;
      rdf:subject <id/organization/qods-force> ; rdf:predicate ldpub:supports ;
      rdf:object <id/organization/asaib-ahl-al-haq> ;
      prov:wasDerivedFrom <id/article/000-raid#char=41,87> .

  <id/event/000-raid-1> a sem:Event , schema:Event , ldpub:Attack ;
      ldpub:trigger "attacked" ;
      sem:hasActor <id/organization/asaib-ahl-al-haq> ;
      sem:hasPlace <id/place/karbala> ;
      sem:hasTimeStamp "2007-01-20"^^xsd:date ;
      ldpub:killedCount "5"^^xsd:nonNegativeInteger ;
      prov:wasDerivedFrom <id/article/000-raid#char=88,157> .

  <id/article/000-raid/comment/1> a schema:Comment ;
      schema:author "lefty" ;
      schema:text "Great reporting." .
}

<graph/provenance> {
  <id/run/20070821T000000Z> a prov:Activity ;
      prov:wasAssociatedWith <id/software/ldpub-0.1.0> .
  <id/software/ldpub-0.1.0> a prov:SoftwareAgent ; rdfs:label "ldpub 0.1.0" .
}
""".replace("TEXT", TEXT)
)


ONTOLOGY = (
    HEAD
    + """
<https://w3id.org/ldpub/ns> a owl:Ontology ; rdfs:label "ldpub test ontology"@en .
ldpub:leaderOf a owl:ObjectProperty ;
    rdfs:label "leader of"@en ;
    rdfs:comment "The subject leads the object organization."@en ;
    rdfs:domain schema:Person ; rdfs:range schema:Organization ;
    skos:closeMatch <http://www.wikidata.org/prop/direct/P488> .
ldpub:Attack a owl:Class ; rdfs:label "attack"@en ; rdfs:subClassOf sem:Event .
"""
)

SHAPES = (
    HEAD
    + """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<shapes#PersonShape> a sh:NodeShape ;
    sh:targetClass schema:Person ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:maxCount 1 ] .
"""
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _link(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` atomically, as a rebuild does."""
    tmp = link.with_name(link.name + ".tmp")
    if tmp.is_symlink():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _dumps(quads: list[Quad], folder: Path, base: str) -> None:
    folder.mkdir(parents=True)
    triples = [q.triple for q in quads]
    for name, fmt, data in (
        ("ldpub.ttl.gz", RdfFormat.TURTLE, triples),
        ("ldpub.jsonld.gz", RdfFormat.JSON_LD, triples),
        ("ldpub.nt.gz", RdfFormat.N_TRIPLES, triples),
        ("ldpub.nq.gz", RdfFormat.N_QUADS, quads),
    ):
        body = serialize(data, format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None)
        (folder / name).write_bytes(gzip.compress(body, mtime=0))
    (folder / "context.jsonld").write_text(json.dumps({"@context": PREFIXES}), encoding="utf-8")
    (folder / "void.ttl").write_text(
        HEAD.replace(f"@base <{BASE}>", f"@base <{base}>")
        + f"""
<.well-known/void#dataset> a void:Dataset ;
    dcterms:title "ldpub test publication" ;
    void:sparqlEndpoint <sparql> ;
    void:dataDump <dumps/ldpub.nt.gz> ;
    void:triples {len(quads)} ;
    void:uriSpace "{base}id/" .
""",
        encoding="utf-8",
    )
    sums = [f"{_sha256(folder / n)}  {n}" for n in sorted(p.name for p in folder.iterdir())]
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")


def write_release(
    dist: Path, release: str, trig: str = TRIG, base: str = BASE, link: bool = True
) -> Path:
    """Write one release of ``trig`` under ``dist`` and (by default) make it current."""
    root = dist / "releases" / release
    root.mkdir(parents=True)
    store = Store(str(root / "store"))
    store.load(trig.encode(), format=RdfFormat.TRIG)
    store.flush()
    quads = list(store)
    del store  # release RocksDB's lock before the server opens it read-only
    _dumps(quads, root / "dumps", base)
    (root / "reports").mkdir()
    counts = {
        "documents": 1,
        "triples": len(quads),
        "persons": 1,
        "organizations": 2,
        "places": 1,
        "events": 1,
        "quarantined": 0,
        "shacl_conforms": True,
        "merges": ["'qays x' is a spelling of 'qais x': same name", "'y' kept apart"],
    }
    (root / "reports" / "summary.json").write_text(json.dumps(counts), encoding="utf-8")
    (root / "reports" / "000-raid.txt").write_text("Conforms: True\n", encoding="utf-8")
    meta = {
        "base_uri": base,
        "release": release,
        "built": "2026-11-20T23:15:00Z",
        "software_version": "0.1.0",
        "model": "ldpub_ner_gmb-0.1.0",
        "counts": counts,
    }
    (root / "publication.json").write_text(json.dumps(meta), encoding="utf-8")
    for folder, name, text in (
        ("ontology", "ldpub.ttl", ONTOLOGY),
        ("shapes", "shapes.ttl", SHAPES),
    ):
        (root / folder).mkdir()
        (root / folder / name).write_text(text, encoding="utf-8")
    if link:
        _link(f"releases/{release}", dist / "current")
        for name in ("store", "dumps", "reports", "publication.json"):
            if not (dist / name).is_symlink():
                os.symlink(f"current/{name}", dist / name)
    return root


def quads_of(trig: str) -> Dataset:
    """The quads a TriG text holds (to compare the server's answers with)."""
    return Dataset(parse(trig.encode(), format=RdfFormat.TRIG))
