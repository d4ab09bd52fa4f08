"""The browse lists' store work before key-first paging (as of commit 66804cc), to time against.

Each page ran a total and a rows query that aggregated over every mention or event of its
class and sorted them all in SPARQL (and the events page's HTML three facet queries), with
the filters bound by ``VALUES``. :func:`page` runs the same queries for one page.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode

from pipeline.namespaces import PREFIXES
from pipeline.web.browse import LISTS
from pipeline.web.explore import Term, select

ENTITY_SORTS = {
    "name": "LCASE(STR(?label)) ?item",
    "mentions": "DESC(?mentions) LCASE(STR(?label)) ?item",
    "articles": "DESC(?articles) LCASE(STR(?label)) ?item",
}
EVENT_SORTS = {
    "date": "(!BOUND(?date)) ?date ?item",
    "-date": "(!BOUND(?date)) DESC(?date) ?item",
    "type": "?eventType ?date ?item",
    "place": "(!BOUND(?placeLabel)) ?placeLabel ?date ?item",
}
RANGE = {
    "from": "FILTER(SUBSTR(?from, 1, STRLEN(STR({v}))) <= STR({v}))",
    "to": "FILTER(SUBSTR(STR({v}), 1, STRLEN(?to)) <= ?to)",
}
ENTITY_ROWS = """
SELECT {project} ?item ?label (COUNT(DISTINCT ?m) AS ?mentions)
       (COUNT(DISTINCT ?g) AS ?articles) WHERE {{
  {where}
}} GROUP BY {project} ?item ?label ORDER BY {order} LIMIT {limit} OFFSET {offset}"""
EVENT_ROWS = """
SELECT * WHERE {{ {{
SELECT {project} ?item (SAMPLE(?t) AS ?eventType) (MIN(STR(?d)) AS ?date)
       (SAMPLE(?pl) AS ?eventPlace) (SAMPLE(?plLabel) AS ?placeLabel)
       (GROUP_CONCAT(DISTINCT ?actorLabel; separator="; ") AS ?actors)
       (GROUP_CONCAT(DISTINCT ?targetLabel; separator="; ") AS ?targets)
       (MAX(?k) AS ?killed) (MAX(?w) AS ?wounded) (MAX(?c) AS ?captured) WHERE {{
  {where}
  OPTIONAL {{ ?item a ?t FILTER(STRSTARTS(STR(?t), STR(ldpub:))) }}
  OPTIONAL {{ ?item sem:hasTimeStamp ?d }}
  OPTIONAL {{ ?item sem:hasPlace ?pl OPTIONAL {{ ?pl rdfs:label ?plLabel }} }}
  OPTIONAL {{ ?item sem:hasActor/rdfs:label ?actorLabel }}
  OPTIONAL {{ ?item ldpub:hasTarget/rdfs:label ?targetLabel }}
  OPTIONAL {{ ?item ldpub:killedCount ?k }}
  OPTIONAL {{ ?item ldpub:woundedCount ?w }}
  OPTIONAL {{ ?item ldpub:capturedCount ?c }}
}} GROUP BY {project} ?item
}} }} ORDER BY {order} LIMIT {limit} OFFSET {offset}"""
TOTAL = """
SELECT {project} (COUNT(DISTINCT ?item) AS ?total) WHERE {{
  {where}
}} GROUP BY {project}"""
FACETS = (
    """SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event , ?t FILTER(STRSTARTS(STR(?t), STR(ldpub:)))
} GROUP BY ?t ORDER BY DESC(?n) ?t""",
    """SELECT ?year (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event ; sem:hasTimeStamp ?d BIND(SUBSTR(STR(?d), 1, 4) AS ?year)
} GROUP BY ?year ORDER BY ?year""",
    """SELECT ?pl ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event ; sem:hasPlace ?pl . ?pl rdfs:label ?label
} GROUP BY ?pl ?label ORDER BY LCASE(STR(?label))""",
)


def _entity_where(b: dict[str, Term]) -> str:
    parts = ["?item a ?class ; rdfs:label ?label ."]
    if "q" in b:
        parts.append("FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))")
    if "from" in b or "to" in b:
        parts.append(
            "GRAPH ?g { ?m itsrdf:taIdentRef ?item . "
            "?article a schema:NewsArticle ; schema:datePublished ?published }"
        )
        parts += [RANGE[k].format(v="?published") for k in ("from", "to") if k in b]
    else:
        parts.append("OPTIONAL { GRAPH ?g { ?m itsrdf:taIdentRef ?item } }")
    return "\n  ".join(parts)


def _event_where(b: dict[str, Term]) -> str:
    parts = ["?item a ?class ."]
    if "type" in b:
        parts.append("?item a ?type .")
    if "place" in b:
        parts.append("?item sem:hasPlace ?place .")
    if "from" in b or "to" in b:
        parts.append("?item sem:hasTimeStamp ?when .")
        parts += [RANGE[k].format(v="?when") for k in ("from", "to") if k in b]
    if "q" in b:
        parts.append(
            "?item sem:hasActor|ldpub:hasTarget|sem:hasPlace ?named . ?named rdfs:label ?nl . "
            "FILTER(CONTAINS(LCASE(STR(?nl)), LCASE(STR(?q))))"
        )
    return "\n  ".join(parts)


def page(store: Any, base: str, kind: str, args: dict[str, str], html: bool = False) -> int:
    """Run one page's queries as the server did; returns the list's total."""
    b: dict[str, Term] = {"class": NamedNode(LISTS[kind][0])}
    year = args.get("year")
    for k in ("from", "to"):
        if args.get(k) or year:
            b[k] = Literal(args.get(k) or year)
    if args.get("q"):
        b["q"] = Literal(args["q"])
    if args.get("type"):
        b["type"] = NamedNode(PREFIXES["ldpub"] + args["type"])
    if args.get("place"):
        b["place"] = NamedNode(base + "id/place/" + args["place"])
    events = kind == "events"
    where = _event_where(b) if events else _entity_where(b)
    project = " ".join(f"?{n}" for n in b)
    totals = select(store, TOTAL.format(project=project, where=where), **b)
    per_page = int(args.get("per_page", 50))
    sorts = EVENT_SORTS if events else ENTITY_SORTS
    select(
        store,
        (EVENT_ROWS if events else ENTITY_ROWS).format(
            project=project,
            where=where,
            order=sorts[args.get("sort", next(iter(sorts)))],
            limit=per_page,
            offset=(int(args.get("page", 1)) - 1) * per_page,
        ),
        **b,
    )
    if events and html:
        for query in FACETS:
            select(store, query)
    return int(totals[0]["total"]) if totals else 0
