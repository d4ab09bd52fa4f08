"""``/people``, ``/organizations``, ``/places``, ``/events``: the data as pages to leaf through.

Each list has a total, filters (a name, a date range, and for events their type and place),
sorting and paging, all as query parameters so every view has an address; ``.json`` and the
RDF suffixes (``.ttl .jsonld .nt .rdf``) give the same page to programs, with the filters kept.
Filter values reach the store only as query substitutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, render_template, request
from pyoxigraph import Literal, NamedNode, Triple

from pipeline.namespaces import EVENT_TYPES, PREFIXES
from pipeline.web.errors import ApiError
from pipeline.web.explore import (
    Term,
    Views,
    choice_arg,
    construct,
    int_arg,
    respond_views,
    select,
    with_args,
    words,
)
from pipeline.web.site import href, iri_for, publication

bp = Blueprint("browse", __name__)

PER_PAGE = 50
MAX_PER_PAGE = 500
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Path segment -> (class IRI, heading, singular noun)
LISTS: dict[str, tuple[str, str, str]] = {
    "people": (PREFIXES["schema"] + "Person", "People", "person"),
    "organizations": (PREFIXES["schema"] + "Organization", "Organizations", "organization"),
    "places": (PREFIXES["schema"] + "Place", "Places", "place"),
    "events": (PREFIXES["sem"] + "Event", "Events", "event"),
}
_SUFFIXES = "json, ttl, jsonld, nt, rdf"

# Sort name -> ORDER BY clause (fixed text: the user picks one by name).
_ENTITY_SORTS = {
    "name": "LCASE(STR(?label)) ?item",
    "mentions": "DESC(?mentions) LCASE(STR(?label)) ?item",
    "articles": "DESC(?articles) LCASE(STR(?label)) ?item",
}
_EVENT_SORTS = {
    "date": "(!BOUND(?date)) ?date ?item",
    "-date": "(!BOUND(?date)) DESC(?date) ?item",
    "type": "?eventType ?date ?item",
    "place": "(!BOUND(?placeLabel)) ?placeLabel ?date ?item",
}

# A date bound and a value overlap when they agree to the coarser of the two precisions
# (an event dated "2007" is inside from=2007-05; one dated 2007-01-20 is not).
_RANGE = {
    "from": "FILTER(SUBSTR(?from, 1, STRLEN(STR({v}))) <= STR({v}))",
    "to": "FILTER(SUBSTR(STR({v}), 1, STRLEN(?to)) <= ?to)",
}


@dataclass(frozen=True)
class Filters:
    """The validated query parameters of a list; ``bindings`` go to the store."""

    values: dict[str, str]  # as the user gave them (for the form and the JSON)
    bindings: dict[str, Term]

    def project(self) -> str:
        return " ".join(f"?{name}" for name in self.bindings)


def _date(name: str) -> str | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    if not _DATE.match(raw):
        raise ApiError(
            400,
            f"The {name} parameter must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {raw!r}; "
            "fix it in the address.",
        )
    return raw


def _filters(kind: str) -> Filters:
    values: dict[str, str] = {}
    bindings: dict[str, Term] = {"class": NamedNode(LISTS[kind][0])}
    year = _date("year")
    if year is not None and len(year) != 4:
        raise ApiError(400, f"The year parameter must be four digits, not {year!r}.")
    for name in ("from", "to"):
        value = _date(name) or year
        if value:
            values[name] = value
            bindings[name] = Literal(value)
    name = request.args.get("q", "").strip()
    if name:
        if len(name) > 200:
            raise ApiError(400, "The q parameter is longer than 200 characters; shorten it.")
        values["q"] = name
        bindings["q"] = Literal(name)
    if kind == "events":
        event_type = request.args.get("type", "").strip()
        if event_type:
            if event_type not in EVENT_TYPES:
                raise ApiError(
                    400,
                    f"The type parameter must be an event type of the ontology "
                    f"({', '.join(EVENT_TYPES)}), not {event_type!r}.",
                )
            values["type"] = event_type
            bindings["type"] = NamedNode(PREFIXES["ldpub"] + event_type)
        place = request.args.get("place", "").strip()
        if place:
            if not re.fullmatch(r"[\w.-]+", place):
                raise ApiError(
                    400,
                    f"The place parameter must be the last part of a place's address "
                    f"(as in /id/place/karbala), not {place!r}.",
                )
            values["place"] = place
            bindings["place"] = NamedNode(iri_for("id/place/" + place))
    return Filters(values, bindings)


def _entity_where(f: Filters) -> str:
    parts = ["?item a ?class ; rdfs:label ?label ."]
    if "q" in f.bindings:
        parts.append("FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))")
    if "from" in f.bindings or "to" in f.bindings:
        parts.append(
            "GRAPH ?g { ?m itsrdf:taIdentRef ?item . "
            "?article a schema:NewsArticle ; schema:datePublished ?published }"
        )
        parts += [_RANGE[b].format(v="?published") for b in ("from", "to") if b in f.bindings]
    else:
        parts.append("OPTIONAL { GRAPH ?g { ?m itsrdf:taIdentRef ?item } }")
    return "\n  ".join(parts)


def _event_where(f: Filters) -> str:
    parts = ["?item a ?class ."]
    if "type" in f.bindings:
        parts.append("?item a ?type .")
    if "place" in f.bindings:
        parts.append("?item sem:hasPlace ?place .")
    if "from" in f.bindings or "to" in f.bindings:
        parts.append("?item sem:hasTimeStamp ?when .")
        parts += [_RANGE[b].format(v="?when") for b in ("from", "to") if b in f.bindings]
    if "q" in f.bindings:
        parts.append(
            "?item sem:hasActor|ldpub:hasTarget|sem:hasPlace ?named . ?named rdfs:label ?nl . "
            "FILTER(CONTAINS(LCASE(STR(?nl)), LCASE(STR(?q))))"
        )
    return "\n  ".join(parts)


_ENTITY_ROWS = """
SELECT {project} ?item ?label (COUNT(DISTINCT ?m) AS ?mentions)
       (COUNT(DISTINCT ?g) AS ?articles) WHERE {{
  {where}
}} GROUP BY {project} ?item ?label ORDER BY {order} LIMIT {limit} OFFSET {offset}"""

# Sorted outside the grouping subquery: Virtuoso 7 refuses ORDER BY (!BOUND(?date)) on an
# aggregate's name in the same query.
_EVENT_ROWS = """
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

_TOTAL = """
SELECT {project} (COUNT(DISTINCT ?item) AS ?total) WHERE {{
  {where}
}} GROUP BY {project}"""

_DESCRIPTION = "CONSTRUCT { ?item ?p ?o } WHERE { ?item ?p ?o FILTER(!isBlank(?o)) }"

# Facets of the events list: counts over all events, to pick a filter from.
_EVENT_TYPES = """
SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event , ?t FILTER(STRSTARTS(STR(?t), STR(ldpub:)))
} GROUP BY ?t ORDER BY DESC(?n) ?t"""
_EVENT_YEARS = """
SELECT ?year (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event ; sem:hasTimeStamp ?d BIND(SUBSTR(STR(?d), 1, 4) AS ?year)
} GROUP BY ?year ORDER BY ?year"""
_EVENT_PLACES = """
SELECT ?pl ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event ; sem:hasPlace ?pl . ?pl rdfs:label ?label
} GROUP BY ?pl ?label ORDER BY LCASE(STR(?label))"""


@dataclass(frozen=True)
class Facets:
    types: list[tuple[str, str, int]]  # (local name, readable, events)
    years: list[tuple[str, int]]
    places: list[tuple[str, str, int]]  # (slug, label, events)


def _facets(store: Any) -> Facets:
    places_base = iri_for("id/place/")
    return Facets(
        [
            (r["t"].rsplit("#", 1)[-1], words(r["t"]), int(r["n"]))
            for r in select(store, _EVENT_TYPES)
        ],
        [(r["year"], int(r["n"])) for r in select(store, _EVENT_YEARS) if r["year"]],
        [
            (r["pl"][len(places_base) :], r["label"], int(r["n"]))
            for r in select(store, _EVENT_PLACES)
            if r["pl"].startswith(places_base)
        ],
    )


def _item(kind: str, r: dict[str, Any]) -> dict[str, Any]:
    """One row as the JSON twin and the page show it."""
    item: dict[str, Any] = {"iri": r["item"], "url": href(r["item"])}
    if kind != "events":
        item.update(label=r["label"], mentions=int(r["mentions"]), articles=int(r["articles"]))
        return item
    item.update(
        type=words(r["eventType"]) if r["eventType"] else "event",
        date=r["date"],
        place=r["eventPlace"],
        place_url=href(r["eventPlace"]) if r["eventPlace"] else None,
        place_label=r["placeLabel"],
        actors=[a for a in (r["actors"] or "").split("; ") if a],
        targets=[t for t in (r["targets"] or "").split("; ") if t],
    )
    for name in ("killed", "wounded", "captured"):
        item[name] = int(r[name]) if r[name] is not None else None
    return item


def _listing(kind: str, suffix: str | None) -> Response:
    store = publication().store
    f = _filters(kind)
    events = kind == "events"
    sorts = _EVENT_SORTS if events else _ENTITY_SORTS
    sort = choice_arg("sort", sorts, "date" if events else "name")
    per_page = int_arg("per_page", PER_PAGE, 1, MAX_PER_PAGE)
    where = _event_where(f) if events else _entity_where(f)
    totals = select(store, _TOTAL.format(project=f.project(), where=where), **f.bindings)
    total = int(totals[0]["total"]) if totals else 0
    pages = max(1, -(-total // per_page))
    page = int_arg("page", 1, 1, pages)
    rows = select(
        store,
        (_EVENT_ROWS if events else _ENTITY_ROWS).format(
            project=f.project(),
            where=where,
            order=sorts[sort],
            limit=per_page,
            offset=(page - 1) * per_page,
        ),
        **f.bindings,
    )
    items = [_item(kind, r) for r in rows]
    path = "/" + kind

    def pager(target: str) -> dict[str, str | None]:
        return {
            "prev": with_args(target, page=page - 1) if page > 1 else None,
            "next": with_args(target, page=page + 1) if page < pages else None,
        }

    links = pager(path)

    def data() -> dict[str, Any]:
        return {
            "list": kind,
            "release": publication().release,
            "total": total,
            "page": page,
            "pages": pages,
            "per_page": per_page,
            "sort": sort,
            "filters": f.values,
            **pager(path + ".json"),
            "items": items,
        }

    def triples() -> list[Triple]:
        out: list[Triple] = []
        for item in items:
            out += construct(store, _DESCRIPTION, item=NamedNode(item["iri"]))
        return out

    def html(twins: list) -> str:
        return render_template(
            "browse.html",
            kind=kind,
            heading=LISTS[kind][1],
            noun=LISTS[kind][2],
            total=total,
            page=page,
            pages=pages,
            per_page=per_page,
            sort=sort,
            sorts=list(sorts),
            filters=f.values,
            items=items,
            links=links,
            facets=_facets(store) if events else None,
            sort_link=lambda s: with_args(path, sort=s, page=None),
            twins=twins,
        )

    return respond_views(path, suffix, Views(page=html, data=data, triples=triples))


@bp.route("/<any(people, organizations, places, events):kind>")
def listing(kind: str) -> Response:
    """One page of a list, as HTML or (by Accept) JSON or RDF."""
    return _listing(kind, None)


@bp.route("/<any(people, organizations, places, events):kind>.<ext>")
def listing_twin(kind: str, ext: str) -> Response:
    """The same page as ``.json`` or RDF by suffix."""
    if ext not in _SUFFIXES.split(", "):
        raise ApiError(
            404, f"/{kind} has no .{ext} version; add one of .{_SUFFIXES.replace(', ', ', .')}."
        )
    return _listing(kind, "." + ext)
