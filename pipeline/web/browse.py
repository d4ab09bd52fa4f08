"""``/people``, ``/organizations``, ``/places``, ``/events``: the data as pages to leaf through.

Each list has a total, filters (a name, a date range, and for events their type, place and an
entity taking part: ``involving=person/x``, where an entity page's timeline links),
sorting and paging, all as query parameters so every view has an address; ``.json`` and the
RDF suffixes (``.ttl .jsonld .nt .rdf``) give the same page to programs, with the filters kept.

Pages are keys first: the release's list keys are sorted once and kept in memory
(:mod:`pipeline.web.browse_index`), a request filters them and slices its page, and only the
page's own items are read from the store, by ``VALUES`` (event participants and casualties,
the RDF twins' descriptions), so a page costs the same at the end of a long list as at the
start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, render_template, request
from pyoxigraph import NamedNode, Triple

from pipeline.namespaces import EVENT_TYPES, PREFIXES
from pipeline.web.browse_index import (
    ENTITY_SORTS,
    EVENT_SORTS,
    EntityRow,
    Event,
    Query,
    entity_lists,
    event_list,
)
from pipeline.web.describe import Link
from pipeline.web.errors import ApiError
from pipeline.web.explore import (
    Views,
    choice_arg,
    construct,
    int_arg,
    respond_views,
    select,
    values,
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


@dataclass(frozen=True)
class Filters:
    """The validated query parameters of a list: as the user gave them, and as the index reads
    them."""

    values: dict[str, str]  # for the form and the JSON
    criteria: dict[str, str]  # Query's fields

    def query(self, sort: str) -> Query:
        return Query(sort, **self.criteria)


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


def _address(name: str, pattern: str, what: str, example: str) -> str | None:
    """A parameter naming an entity by the end of its address, checked against ``pattern``."""
    raw = request.args.get(name, "").strip()
    if raw and not re.fullmatch(pattern, raw):
        raise ApiError(400, f"The {name} parameter must be {what} (as in {example}), not {raw!r}.")
    return raw or None


def _filters(kind: str) -> Filters:
    values: dict[str, str] = {}
    criteria: dict[str, str] = {}
    year = _date("year")
    if year is not None and len(year) != 4:
        raise ApiError(400, f"The year parameter must be four digits, not {year!r}.")
    for name, field in (("from", "start"), ("to", "end")):
        value = _date(name) or year
        if value:
            values[name] = criteria[field] = value
    name = request.args.get("q", "").strip()
    if name:
        if len(name) > 200:
            raise ApiError(400, "The q parameter is longer than 200 characters; shorten it.")
        values["q"] = name
        criteria["q"] = name.lower()
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
            criteria["type"] = PREFIXES["ldpub"] + event_type
        place = _address("place", r"[\w.-]+", "the last part of a place's address", "karbala")
        if place:
            values["place"] = place
            criteria["place"] = iri_for("id/place/" + place)
        involving = _address(
            "involving",
            r"[\w.-]+/[\w.-]+",
            "the end of an entity's address after /id/",
            "person/qais-khazali or place/karbala",
        )
        if involving:
            values["involving"] = involving
            criteria["involving"] = iri_for("id/" + involving)
    return Filters(values, criteria)


# What the page shows of its events beyond their keys, read for just the page's events.
_EVENT_DETAILS = """
SELECT ?item (GROUP_CONCAT(DISTINCT ?actorLabel; separator="; ") AS ?actors)
       (GROUP_CONCAT(DISTINCT ?targetLabel; separator="; ") AS ?targets)
       (MAX(?k) AS ?killed) (MAX(?w) AS ?wounded) (MAX(?c) AS ?captured) WHERE {{
  {values}
  OPTIONAL {{ ?item sem:hasActor/rdfs:label ?actorLabel }}
  OPTIONAL {{ ?item ldpub:hasTarget/rdfs:label ?targetLabel }}
  OPTIONAL {{ ?item ldpub:killedCount ?k }}
  OPTIONAL {{ ?item ldpub:woundedCount ?w }}
  OPTIONAL {{ ?item ldpub:capturedCount ?c }}
}} GROUP BY ?item"""
_LABEL = "SELECT ?label WHERE { ?iri rdfs:label ?label } ORDER BY ?label LIMIT 1"
_DESCRIPTIONS = """
CONSTRUCT {{ ?item ?p ?o }} WHERE {{ {values} ?item ?p ?o FILTER(!isBlank(?o)) }}"""


@dataclass(frozen=True)
class Facets:
    types: list[tuple[str, str, int]]  # (local name, readable, events)
    years: list[tuple[str, int]]
    places: list[tuple[str, str, int]]  # (slug, label, events)


# The place menu offers the places of the most events; any place is still a valid filter.
PLACES_OFFERED = 250


def _facets(chosen: str | None) -> Facets:
    """Counts over all events of the release, to pick a filter from (read from the index)."""
    places_base = iri_for("id/place/")
    facets = event_list(publication()).facets
    places = [
        (place[len(places_base) :], label, n)
        for place, label, n in facets.places
        if place.startswith(places_base)
    ]
    if len(places) > PLACES_OFFERED:
        most = sorted(places, key=lambda p: -p[2])[:PLACES_OFFERED]
        keep = {p[0] for p in most} | {chosen}
        places = [p for p in places if p[0] in keep]  # still by label
    return Facets(
        [(t.rsplit("#", 1)[-1], words(t), n) for t, n in facets.types], facets.years, places
    )


def _involving(iri: str | None) -> Link | None:
    """The entity an events list is filtered to, named as its page names it."""
    if iri is None:
        return None
    labels = select(publication().store, _LABEL, iri=NamedNode(iri))
    return Link(iri, labels[0]["label"] if labels else words(iri))


def _entity_item(r: EntityRow) -> dict[str, Any]:
    """One entity as the JSON twin and the page show it."""
    return {
        "iri": r.iri,
        "url": href(r.iri),
        "label": r.label,
        "mentions": r.mentions,
        "articles": r.articles,
    }


def _event_items(events: list[Event]) -> list[dict[str, Any]]:
    """The page's events as the JSON twin and the page show them: their keys from the index,
    participants and casualties from the store."""
    if not events:
        return []
    store = publication().store
    details = {
        r["item"]: r
        for r in select(
            store, _EVENT_DETAILS.format(values=values("item", [e.iri for e in events]))
        )
    }
    items = []
    for e in events:
        r = details.get(e.iri) or {}
        item: dict[str, Any] = {
            "iri": e.iri,
            "url": href(e.iri),
            "type": words(e.type) if e.type else "event",
            "date": e.date,
            "place": e.place,
            "place_url": href(e.place) if e.place else None,
            "place_label": e.place_label,
            "actors": [a for a in (r.get("actors") or "").split("; ") if a],
            "targets": [t for t in (r.get("targets") or "").split("; ") if t],
        }
        for name in ("killed", "wounded", "captured"):
            item[name] = int(r[name]) if r.get(name) is not None else None
        items.append(item)
    return items


def _listing(kind: str, suffix: str | None) -> Response:
    f = _filters(kind)
    events = kind == "events"
    sorts = EVENT_SORTS if events else ENTITY_SORTS
    sort = choice_arg("sort", sorts, sorts[0])
    per_page = int_arg("per_page", PER_PAGE, 1, MAX_PER_PAGE)
    pub = publication()
    query = f.query(sort)
    listed = event_list(pub) if events else entity_lists(pub).get(LISTS[kind][0])
    found: list[Any] = listed.rows(query) if listed else []
    total = len(found)
    pages = max(1, -(-total // per_page))
    page = int_arg("page", 1, 1, pages)
    keys = found[(page - 1) * per_page : page * per_page]
    items = _event_items(keys) if events else [_entity_item(r) for r in keys]
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
        if not items:
            return []
        at = {item["iri"]: n for n, item in enumerate(items)}
        found = construct(pub.store, _DESCRIPTIONS.format(values=values("item", at)))
        return sorted(found, key=lambda t: at[t.subject.value])  # in the page's order

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
            facets=_facets(f.values.get("place")) if events else None,
            involving=_involving(query.involving),
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
