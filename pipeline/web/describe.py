"""What the server says about one IRI: its RDF description and the facts its HTML page shows.

All of it comes from SPARQL queries over the union of the release's named graphs (on the
embedded Oxigraph store or the remote one, see ``pipeline.store``), each starting from the
page's IRI, bound as a pyoxigraph term by ``VALUES`` (:func:`pipeline.store.bind.bind`, never
raw text). These are the server's own, index-backed queries, so they run in-process rather
than in the worker pool.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, QuerySolutions, Triple

from pipeline.namespaces import PREFIXES, RELATIONS, SPARQL_PROLOGUE
from pipeline.store import Store
from pipeline.store.bind import bind

if TYPE_CHECKING:  # the index module serves pages; this one only reads the store
    from pipeline.web.search import LabelIndex

_RELATIONS = " ".join(f"ldpub:{r}" for r in RELATIONS)
# Shown in their own sections of a page rather than in the property table.
_SECTIONED = {
    PREFIXES["rdf"] + "type",
    PREFIXES["rdfs"] + "label",
    PREFIXES["skos"] + "altLabel",
    PREFIXES["owl"] + "sameAs",
    PREFIXES["skos"] + "closeMatch",
    PREFIXES["rdfs"] + "seeAlso",
} | {PREFIXES["ldpub"] + r for r in RELATIONS}


@lru_cache(maxsize=8192)
def compact(iri: str) -> str:
    """``schema:Person`` for a known namespace, else the IRI itself (cached: pages ask often)."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"


@dataclass(frozen=True)
class Link:
    iri: str
    label: str


@dataclass(frozen=True)
class Value:
    """An object of a triple as a page shows it."""

    text: str
    iri: str | None = None  # set for IRIs
    note: str = ""  # datatype or language of a literal


@dataclass(frozen=True)
class Quote:
    sentence: str  # the sentence's IRI (``article#char=b,e``)
    text: str
    article: Link | None


@dataclass(frozen=True)
class Relation:
    predicate: Link
    other: Link
    quotes: tuple[Quote, ...]


@dataclass
class Description:
    """Everything an HTML page about one IRI shows."""

    iri: str
    label: str
    types: list[Link]
    aliases: list[str]
    same_as: list[str]
    close_matches: list[str]
    see_also: list[str]
    properties: list[tuple[Link, Value]]
    outgoing: list[Relation]
    incoming: list[Relation]
    quotes: list[Quote]
    sentences: list[Quote]  # for an article: its evidence sentences, in text order
    referenced_by: list[tuple[Link, Link]]
    all_quotes: str | None = None  # the SPARQL query for every quote, when more exist
    relations_cut: bool = False  # some relations or their sources are left out


def _bound(query: str, iri: str) -> str:
    """One of the queries below with ``?iri`` bound: to run, or to link for the reader."""
    return SPARQL_PROLOGUE + bind(query, {"iri": NamedNode(iri)})


def _select(store: Store, query: str, iri: str) -> QuerySolutions:
    """Run one of the queries below with ``?iri`` bound."""
    result = store.query(_bound(query, iri), use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    return result


def _value(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def _link(iri: str, label: str | None) -> Link:
    if label:
        return Link(iri, label)
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    return Link(iri, compact(iri) if compact(iri) != iri else tail)


def exists(store: Store, iri: str) -> bool:
    """Whether any quad mentions the IRI as subject or object."""
    node = NamedNode(iri)
    for _ in store.quads_for_pattern(node, None, None):
        return True
    for _ in store.quads_for_pattern(None, None, node):
        return True
    return False


_GRAPH_QUERY = """
CONSTRUCT { ?iri ?p ?o . ?s ?q ?iri . ?h ?hp ?ho } WHERE {
  { ?iri ?p ?o } UNION { ?s ?q ?iri }
  UNION { { ?ctx nif:sourceUrl ?iri . ?h nif:referenceContext ?ctx } UNION { ?h nif:sourceUrl ?iri }
          ?h ?hp ?ho }
}"""


def triples(store: Store, iri: str) -> list[Triple]:
    """The RDF description of an IRI: its triples both ways, and an article's text spans."""
    result = store.query(_bound(_GRAPH_QUERY, iri), use_default_graph_as_union=True)
    return list(dict.fromkeys(result))  # type: ignore[arg-type]


def _quotes(rows: Iterable) -> list[Quote]:
    out: dict[str, Quote] = {}
    for r in rows:
        sentence = r["sentence"].value
        article_iri = _value(r["article"]) or sentence.split("#", 1)[0]
        out.setdefault(
            sentence,
            Quote(sentence, r["quote"].value, _link(article_iri, _value(r["headline"]))),
        )
    return list(out.values())


_SENTENCE = """
  ?sentence nif:anchorOf ?quote .
  OPTIONAL { ?sentence nif:beginIndex ?begin }
  OPTIONAL { ?sentence nif:referenceContext/nif:sourceUrl ?article .
             OPTIONAL { ?article schema:headline ?headline } }"""


# A page about an entity named in thousands of articles stays a page: it quotes at most this
# many sentences, lists at most this many relations each way and quotes the sources of at
# most this many of their statements, and links a SPARQL query that finds them all.
SOURCES_SHOWN = 100
RELATIONS_SHOWN = 500
STATEMENT_SOURCES = 200


def _in_text_order(rows: Iterable) -> list:
    """Rows of sentences by article, then position: SPARQL's ``ORDER BY ?article ?begin``,
    done on the few rows a page shows rather than on every match in the store."""

    def key(r: Any) -> tuple[str, int]:
        begin = r["begin"]
        return (_value(r["article"]) or "", -1 if begin is None else int(begin.value))

    return sorted(rows, key=key)


def _relations(store: Store, iri: str, outgoing: bool) -> tuple[list[Relation], bool]:
    """The relations of ``iri`` one way, with their sources; and whether some were left out."""
    me, other = ("?iri", "?other") if outgoing else ("?other", "?iri")
    rows = list(
        _select(
            store,
            f"""
SELECT ?p ?other ?otherLabel WHERE {{
  VALUES ?p {{ {_RELATIONS} }}
  {me} ?p {other} .
  OPTIONAL {{ ?other rdfs:label ?otherLabel }}
}} LIMIT {RELATIONS_SHOWN + 1}""",
            iri,
        )
    )
    sources = list(
        _select(
            store,
            f"""
SELECT ?p ?other ?sentence ?quote ?article ?headline ?begin WHERE {{
  VALUES ?p {{ {_RELATIONS} }}
  ?statement rdf:subject {me} ; rdf:predicate ?p ; rdf:object {other} ;
             prov:wasDerivedFrom ?sentence .
  {_SENTENCE}
}} LIMIT {STATEMENT_SOURCES + 1}""",
            iri,
        )
    )
    cut = len(rows) > RELATIONS_SHOWN or len(sources) > STATEMENT_SOURCES
    rows.sort(key=lambda r: (r["p"].value, _value(r["otherLabel"]) or "", r["other"].value))
    grouped: dict[tuple[str, str], tuple[Link, Link, list]] = {}
    for r in rows[:RELATIONS_SHOWN]:
        p, o = r["p"].value, r["other"].value
        grouped.setdefault((p, o), (Link(p, compact(p)), _link(o, _value(r["otherLabel"])), []))
    for r in _in_text_order(sources[:STATEMENT_SOURCES]):
        entry = grouped.get((r["p"].value, r["other"].value))
        if entry is not None:
            entry[2].append(r)
    relations = [Relation(p, o, tuple(_quotes(qs))) for p, o, qs in grouped.values()]
    return relations, cut


_EVIDENCE = f"""
SELECT DISTINCT ?sentence ?quote ?article ?headline ?begin WHERE {{
  {{ ?mention itsrdf:taIdentRef ?iri ; nif:sentence ?sentence }}
  UNION {{ ?iri prov:wasDerivedFrom ?sentence }}
  UNION {{ ?statement rdf:subject ?iri ; prov:wasDerivedFrom ?sentence }}
  UNION {{ ?statement rdf:object ?iri ; prov:wasDerivedFrom ?sentence }}
  UNION {{ ?event sem:hasActor|ldpub:hasTarget|sem:hasPlace ?iri ;
                  prov:wasDerivedFrom ?sentence }}
  {_SENTENCE}
}}"""


def _evidence(store: Store, iri: str) -> tuple[list[Quote], str | None]:
    """The sentences that mention ``iri`` or report a fact about it, in text order; and when
    there are more than a page shows, the query that finds them all."""
    rows = list(_select(store, f"{_EVIDENCE} LIMIT {SOURCES_SHOWN + 1}", iri))
    everything = None
    if len(rows) > SOURCES_SHOWN:
        everything = _bound(f"{_EVIDENCE} ORDER BY ?article ?begin", iri)
    return _quotes(_in_text_order(rows[:SOURCES_SHOWN])), everything


def _sentences(store: Store, iri: str) -> list[Quote]:
    rows = _select(
        store,
        """
SELECT ?sentence ?quote ?article ?headline WHERE {
  ?ctx nif:sourceUrl ?iri .
  ?sentence nif:referenceContext ?ctx ; a nif:Sentence ; nif:anchorOf ?quote .
  OPTIONAL { ?sentence nif:beginIndex ?begin }
  BIND(?iri AS ?article) OPTIONAL { ?iri schema:headline ?headline }
} ORDER BY ?begin""",
        iri,
    )
    return _quotes(rows)


def describe(store: Store, iri: str) -> Description:
    """The facts an HTML page about ``iri`` shows."""
    rows = list(
        _select(
            store,
            """
SELECT ?p ?o ?label WHERE {
  ?iri ?p ?o .
  OPTIONAL { ?o rdfs:label|schema:headline ?label }
} ORDER BY ?p ?o LIMIT 2000""",
            iri,
        )
    )
    by_predicate: dict[str, list] = {}
    for r in rows:
        by_predicate.setdefault(r["p"].value, []).append(r)

    def objects(prefix: str, local: str) -> list[str]:
        return list(
            dict.fromkeys(r["o"].value for r in by_predicate.get(PREFIXES[prefix] + local, []))
        )

    properties: list[tuple[Link, Value]] = []
    for p, rs in by_predicate.items():
        if p in _SECTIONED:
            continue
        for r in rs:
            o = r["o"]
            if isinstance(o, Literal):
                note = f"@{o.language}" if o.language else compact(o.datatype.value)
                value = Value(o.value, note="" if note == "xsd:string" else note)
            else:
                link = _link(o.value, _value(r["label"]))
                value = Value(link.label, iri=o.value)
            properties.append((Link(p, compact(p)), value))

    labels = objects("rdfs", "label") or objects("schema", "headline")
    types = objects("rdf", "type")
    article = PREFIXES["schema"] + "NewsArticle" in types  # only articles have text spans
    referenced = _select(
        store,
        f"""
SELECT DISTINCT ?s ?p ?label WHERE {{
  ?s ?p ?iri .
  FILTER(?p NOT IN (itsrdf:taIdentRef, rdf:subject, rdf:object, sem:hasActor, ldpub:hasTarget,
                    sem:hasPlace, {", ".join(f"ldpub:{r}" for r in RELATIONS)}))
  OPTIONAL {{ ?s rdfs:label|schema:headline ?label }}
}} ORDER BY ?p ?s LIMIT 200""",
        iri,
    )
    outgoing, out_cut = _relations(store, iri, outgoing=True)
    incoming, in_cut = _relations(store, iri, outgoing=False)
    quotes, all_quotes = _evidence(store, iri)
    return Description(
        iri=iri,
        label=labels[0] if labels else _link(iri, None).label,
        types=[_link(t, None) for t in types],
        aliases=objects("skos", "altLabel"),
        same_as=objects("owl", "sameAs"),
        close_matches=objects("skos", "closeMatch"),
        see_also=objects("rdfs", "seeAlso"),
        properties=properties,
        outgoing=outgoing,
        incoming=incoming,
        quotes=quotes,
        sentences=_sentences(store, iri) if article else [],
        referenced_by=[
            (_link(r["s"].value, _value(r["label"])), Link(r["p"].value, compact(r["p"].value)))
            for r in referenced
        ],
        all_quotes=all_quotes,
        relations_cut=out_cut or in_cut,
    )


def suggestions(index: LabelIndex, missing: str) -> list[Link]:
    """Entities named like a missing IRI's last segment (``qais-qazalli`` -> "qais qazalli").

    Asked of the release's search index, so a misspelled address still finds its entity and a
    404 costs a lookup rather than a scan of every label in the store.
    """
    name = missing.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    return [Link(h.iri, h.label) for h in index.search(name, 10)]
