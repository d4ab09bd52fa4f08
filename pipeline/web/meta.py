"""The landing page, health, VoID, the ontology and the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify, render_template
from pyoxigraph import Literal, Quad, QuerySolutions, RdfFormat, Store, Triple, parse

from pipeline.namespaces import PREFIXES, SPARQL_PROLOGUE
from pipeline.web.describe import compact
from pipeline.web.dumps import dumps
from pipeline.web.errors import ApiError
from pipeline.web.examples import EXAMPLES
from pipeline.web.rdfview import respond, split_suffix
from pipeline.web.site import base_uri, publication, site

bp = Blueprint("meta", __name__)

REPO = Path(__file__).resolve().parents[2]


@bp.route("/")
def home() -> str:
    """What the dataset holds and how to get at it."""
    return render_template(
        "index.html",
        pub=publication(),
        counts=publication().counts,
        examples=EXAMPLES,
        dumps=dumps(),
        base=base_uri(),
    )


@bp.route("/health")
def health() -> Response:
    """Liveness and the release being served, for monitors and deploy scripts."""
    pub = publication()
    return jsonify(
        {
            "status": "ok",
            "release": pub.release,
            "built": pub.meta.get("built"),
            "base_uri": base_uri(),
            "query_timeout": site().query_timeout,
            "result_limit": site().result_limit,
        }
    )


def _source_files(kind: str) -> list[Path]:
    """The release's copy of ``ontology/`` or ``shapes/`` when the build ships one, else the
    repository's."""
    for folder in (publication().root / kind, REPO / kind):
        files = sorted(folder.glob("*.ttl")) if folder.is_dir() else []
        if files:
            return files
    return []


def _triples_of(files: list[Path]) -> list[Triple]:
    return list(
        dict.fromkeys(q.triple for f in files for q in parse(path=str(f), format=RdfFormat.TURTLE))
    )


def _document(kind: str, title: str, intro: str, template: str = "rdfdoc.html"):
    files = _source_files(kind)
    if not files:
        raise ApiError(
            404,
            f"This publication ships no {kind} files; build it with the project's {kind}/ "
            "folder present.",
            title=f"No {kind}",
        )
    triples = _triples_of(files)
    return triples, lambda twins, **extra: render_template(
        template,
        title=title,
        intro=intro,
        triples=triples,
        twins=twins,
        **extra,
    )


@bp.route("/.well-known/void")
@bp.route("/.well-known/void<suffix>")
def void(suffix: str = "") -> Response:
    """The VoID description the build wrote, in any RDF format or as a page."""
    path = publication().dumps / "void.ttl"
    _, fmt = split_suffix("void" + suffix)
    if not path.is_file() or (suffix and fmt is None):
        raise ApiError(
            404,
            "This release has no VoID description (dumps/void.ttl); rebuild it with `ldpub build`.",
            title="No VoID",
        )
    triples = _triples_of([path])
    return respond(
        "/.well-known/void",
        fmt,
        lambda: triples,
        lambda twins: render_template(
            "rdfdoc.html",
            title="VoID description",
            intro="The dataset, its SPARQL endpoint, dumps and vocabularies (W3C VoID).",
            triples=triples,
            twins=twins,
        ),
        rdf_first=True,
    )


def _words(term: Literal | None) -> list[str]:
    return term.value.split() if term is not None else []


def _terms(triples: list[Triple]) -> list[dict[str, object]]:
    """The ontology's classes and properties with their documentation, for the HTML page."""
    store = Store()
    store.extend(Quad(t.subject, t.predicate, t.object) for t in triples)
    rows = store.query(
        SPARQL_PROLOGUE
        + """
SELECT ?term ?kind (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?comment)
       (GROUP_CONCAT(DISTINCT STR(?d); separator=" ") AS ?domains)
       (GROUP_CONCAT(DISTINCT STR(?r); separator=" ") AS ?ranges)
       (GROUP_CONCAT(DISTINCT STR(?m); separator=" ") AS ?mappings) WHERE {
  VALUES ?kind { owl:Class rdfs:Class owl:ObjectProperty owl:DatatypeProperty
                 owl:AnnotationProperty rdf:Property }
  ?term a ?kind . FILTER(STRSTARTS(STR(?term), STR(ldpub:)))
  OPTIONAL { ?term rdfs:label ?l } OPTIONAL { ?term rdfs:comment ?c }
  OPTIONAL { ?term rdfs:domain ?d } OPTIONAL { ?term rdfs:range ?r }
  OPTIONAL { ?term rdfs:subClassOf|rdfs:subPropertyOf|skos:closeMatch|skos:exactMatch
                   |owl:equivalentClass|owl:equivalentProperty ?m }
} GROUP BY ?term ?kind ORDER BY ?kind ?term"""
    )
    assert isinstance(rows, QuerySolutions)
    return [
        {
            "iri": r["term"].value,
            "name": compact(r["term"].value),
            "anchor": r["term"].value.rsplit("#", 1)[-1],
            "kind": compact(r["kind"].value),
            "label": r["label"].value if r["label"] else "",
            "comment": r["comment"].value if r["comment"] else "",
            "domains": [compact(x) for x in _words(r["domains"])],
            "ranges": [compact(x) for x in _words(r["ranges"])],
            "mappings": [(x, compact(x)) for x in _words(r["mappings"])],
        }
        for r in rows
    ]


def _suffix_format(name: str, suffix: str) -> RdfFormat | None:
    """The RDF format a suffix asks for (None: the HTML page); 404 for a suffix we do not serve."""
    _, fmt = split_suffix(name + suffix)
    if suffix and fmt is None:
        raise ApiError(404, f"Unknown format suffix {suffix!r}; use .ttl, .jsonld, .nt or .rdf.")
    return fmt


@bp.route("/ontology")
@bp.route("/ontology<suffix>")
def ontology(suffix: str = "") -> Response:
    """The ldpub ontology: documentation page or RDF."""
    fmt = _suffix_format("ontology", suffix)
    triples, page = _document(
        "ontology",
        "The ldpub ontology",
        f"Classes and properties of {PREFIXES['ldpub']} with their mappings.",
        "ontology.html",
    )
    return respond(
        "/ontology", fmt, lambda: triples, lambda twins: page(twins, terms=_terms(triples))
    )


@bp.route("/shapes")
@bp.route("/shapes<suffix>")
def shapes(suffix: str = "") -> Response:
    """The SHACL shapes every document graph is validated against."""
    fmt = _suffix_format("shapes", suffix)
    triples, page = _document(
        "shapes",
        "SHACL shapes",
        "The constraints each document graph is validated against before it is published.",
    )
    return respond("/shapes", fmt, lambda: triples, page)
