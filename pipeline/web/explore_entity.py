"""The explore parts of a resource page: the neighbourhood picture and the events timeline.

``resource.html`` calls :func:`entity_view` (a template global registered by this blueprint),
so the page's own description (``describe.py``) stays as it is. An entity gets the picture of
its relations and the timeline of the events it takes part in or that happen at it (a place);
an event gets the same card its timeline entries show, with every source quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask import Blueprint
from pyoxigraph import NamedNode

from pipeline.namespaces import RELATIONS
from pipeline.web import network
from pipeline.web.describe import Link, Quote
from pipeline.web.explore import KINDS, kind_of, local_name, select, values, words
from pipeline.web.site import href, publication

bp = Blueprint("explore", __name__)

_RELATIONS = " ".join(f"ldpub:{r}" for r in RELATIONS)
# An entity named in thousands of articles takes part in thousands of events: its timeline
# and the events of its picture are the latest this many; /events?involving= lists them all.
TIMELINE_EVENTS = 100
_EVENTS = "#EVENTS#"  # where a query takes its VALUES ?event block (see _with_events)
_ROLES = {"hasActor": "actor", "hasTarget": "target", "hasPlace": "place"}

# VALUES ?p inside each branch and ?out as a number: Virtuoso 7 drops an outer VALUES when
# the branches BIND, and answers a boolean as 1 or 0.
_NEIGHBOURS = f"""
SELECT DISTINCT ?iri ?p ?other ?otherLabel ?otherClass ?out WHERE {{
  {{ VALUES ?p {{ {_RELATIONS} }} ?iri ?p ?other BIND(1 AS ?out) }}
  UNION {{ VALUES ?p {{ {_RELATIONS} }} ?other ?p ?iri BIND(0 AS ?out) }}
  OPTIONAL {{ ?other rdfs:label ?otherLabel }}
  OPTIONAL {{ ?other a ?otherClass VALUES ?otherClass {{ {" ".join(f"<{c}>" for c in KINDS)} }} }}
}} LIMIT 2000"""

# Who else took part in the events the entity took part in (or that happened at it), and how.
_SHARED_EVENTS = f"""
SELECT DISTINCT ?iri ?event ?type ?myRole ?otherRole ?other ?otherLabel ?otherClass WHERE {{
  {_EVENTS}
  VALUES ?myRole {{ sem:hasActor ldpub:hasTarget sem:hasPlace }}
  VALUES ?otherRole {{ sem:hasActor ldpub:hasTarget sem:hasPlace }}
  ?event ?myRole ?iri ; ?otherRole ?other .
  FILTER(?other != ?iri && (?myRole != sem:hasPlace || ?otherRole != sem:hasPlace))
  OPTIONAL {{ ?event a ?type FILTER(STRSTARTS(STR(?type), STR(ldpub:))) }}
  OPTIONAL {{ ?other rdfs:label ?otherLabel }}
  OPTIONAL {{ ?other a ?otherClass VALUES ?otherClass {{ {" ".join(f"<{c}>" for c in KINDS)} }} }}
}}"""
# How a shared event reads from the centre's side: (my role, their role) -> (suffix, direction).
_EVENT_TIES: dict[tuple[str, str], tuple[str, bool | None]] = {
    ("hasActor", "hasTarget"): ("", True),
    ("hasTarget", "hasActor"): ("", False),
    ("hasActor", "hasActor"): (" with", None),
    ("hasTarget", "hasTarget"): (" with", None),
    ("hasActor", "hasPlace"): (" in", True),
    ("hasTarget", "hasPlace"): (" in", True),
    ("hasPlace", "hasActor"): (" in", False),
    ("hasPlace", "hasTarget"): (" in", False),
}

# One row per event x place x participant; ?event is bound by the caller's pattern.
_EVENT_DETAILS = """
  OPTIONAL { ?event a ?type FILTER(STRSTARTS(STR(?type), STR(ldpub:))) }
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event sem:hasPlace ?place OPTIONAL { ?place rdfs:label ?placeLabel } }
  OPTIONAL { VALUES ?whoRole { sem:hasActor ldpub:hasTarget }
             ?event ?whoRole ?who OPTIONAL { ?who rdfs:label ?whoLabel } }
  OPTIONAL { ?event ldpub:killedCount ?killed }
  OPTIONAL { ?event ldpub:woundedCount ?wounded }
  OPTIONAL { ?event ldpub:capturedCount ?captured }
  OPTIONAL { ?event ldpub:trigger ?trigger }"""
_EVENT_VARS = (
    "?event ?type ?date ?place ?placeLabel ?whoRole ?who ?whoLabel ?killed ?wounded ?captured "
    "?trigger"
)
_SENTENCE = """
  ?sentence nif:anchorOf ?quote .
  OPTIONAL { ?sentence nif:beginIndex ?begin }
  OPTIONAL { ?sentence nif:referenceContext/nif:sourceUrl ?article
             OPTIONAL { ?article schema:headline ?headline } }"""

# Every event of an entity with its dates: the timeline shows the latest of them.
_TIMELINE_KEYS = """
SELECT DISTINCT ?event ?date WHERE {
  VALUES ?role { sem:hasActor ldpub:hasTarget sem:hasPlace }
  ?event ?role ?iri .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
}"""
_TIMELINE = f"""
SELECT ?iri ?role {_EVENT_VARS} WHERE {{
  {_EVENTS}
  VALUES ?role {{ sem:hasActor ldpub:hasTarget sem:hasPlace }}
  ?event ?role ?iri .
  {_EVENT_DETAILS}
}}"""
_TIMELINE_QUOTES = f"""
SELECT DISTINCT ?iri ?event ?sentence ?quote ?article ?headline ?begin WHERE {{
  {_EVENTS}
  ?event prov:wasDerivedFrom ?sentence .
  {_SENTENCE}
}} ORDER BY ?article ?begin"""

_EVENT = f"""
SELECT {_EVENT_VARS} WHERE {{
  ?event a sem:Event .
  {_EVENT_DETAILS}
}} LIMIT 2000"""
_EVENT_QUOTES = f"""
SELECT ?event ?sentence ?quote ?article ?headline ?begin WHERE {{
  ?event prov:wasDerivedFrom ?sentence .
  {_SENTENCE}
}} ORDER BY ?article ?begin LIMIT 1000"""


@dataclass
class TimelineEvent:
    """One event as a card: what, when, where, who, how many, and the sentences saying so."""

    event: Link
    kind: str = "event"  # readable type: "bombing"
    date: str = ""
    roles: list[str] = field(default_factory=list)  # the page entity's roles in it
    places: list[Link] = field(default_factory=list)
    actors: list[Link] = field(default_factory=list)
    targets: list[Link] = field(default_factory=list)
    counts: list[tuple[str, str]] = field(default_factory=list)  # ("killed", "5")
    triggers: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class EntityView:
    picture: network.Picture | None
    timeline: list[TimelineEvent]
    event: TimelineEvent | None  # set on an event's own page
    events: int = 0  # all the entity's events, of which the timeline shows the latest
    all_events: str | None = None  # the events list filtered to the entity, when cut


def _add(items: list, item: object) -> None:
    if item not in items:
        items.append(item)


def _cards(rows: list[dict], quote_rows: list[dict], me: str | None) -> list[TimelineEvent]:
    cards: dict[str, TimelineEvent] = {}
    for r in rows:
        iri = r["event"]
        card = cards.setdefault(iri, TimelineEvent(Link(iri, iri.rsplit("/", 1)[-1])))
        if r.get("role"):
            _add(card.roles, _ROLES[r["role"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]])
        if r["type"]:
            card.kind = words(r["type"])
        if r["date"] and (not card.date or r["date"] < card.date):
            card.date = r["date"]
        if r["place"]:
            _add(card.places, Link(r["place"], r["placeLabel"] or words(r["place"])))
        if r["who"] and r["who"] != me:
            group = card.actors if r["whoRole"].endswith("hasActor") else card.targets
            _add(group, Link(r["who"], r["whoLabel"] or words(r["who"])))
        for name in ("killed", "wounded", "captured"):
            if r[name] is not None:
                _add(card.counts, (name, r[name]))
        if r["trigger"]:
            _add(card.triggers, r["trigger"])
    for r in quote_rows:
        card = cards.get(r["event"])
        if card is not None:
            article = r["article"] or r["sentence"].split("#", 1)[0]
            _add(
                card.quotes,
                Quote(r["sentence"], r["quote"], Link(article, r["headline"] or article)),
            )
    for card in cards.values():
        where = f" in {card.places[0].label}" if card.places else ""
        when = f", {card.date}" if card.date else ""
        card.event = Link(card.event.iri, f"{card.kind.capitalize()}{where}{when}")
    return sorted(cards.values(), key=lambda c: (c.date == "", c.date, c.event.iri))


def _with_events(query: str, events: list[str]) -> str:
    return query.replace(_EVENTS, values("event", events))


def _latest(rows: list[dict]) -> tuple[list[str], int]:
    """The events of ``_TIMELINE_KEYS`` rows, newest first by their earliest date, then the
    undated, at most ``TIMELINE_EVENTS``; and how many events the rows name."""
    dates: dict[str, str] = {}
    for r in rows:
        date, known = r["date"] or "", dates.get(r["event"])
        if known is None or (date and (not known or date < known)):
            dates[r["event"]] = date
    dated = sorted((e for e in dates if dates[e]), key=lambda e: (dates[e], e), reverse=True)
    return [*dated, *sorted(e for e in dates if not dates[e])][:TIMELINE_EVENTS], len(dates)


def _picture(iri: str, label: str, kind: str, events: list[str]) -> network.Picture | None:
    store = publication().store
    relations = select(store, _NEIGHBOURS, iri=NamedNode(iri))
    shared = (
        select(store, _with_events(_SHARED_EVENTS, events), iri=NamedNode(iri)) if events else []
    )
    classes: dict[str, set[str]] = {}
    for r in [*relations, *shared]:
        classes.setdefault(r["other"], set()).add(r["otherClass"] or "")

    def node(r: dict) -> network.Node:
        other = r["other"]
        return network.Node(
            other, r["otherLabel"] or words(other), kind_of(classes[other]), href(other)
        )

    edges = [network.Edge(node(r), words(r["p"]), r["out"] == "1") for r in relations]
    seen: set[tuple[str, str]] = set()
    for r in shared:
        if (r["event"], r["other"]) in seen:
            continue
        seen.add((r["event"], r["other"]))
        suffix, direction = _EVENT_TIES[(local_name(r["myRole"]), local_name(r["otherRole"]))]
        name = (words(r["type"]) if r["type"] else "event") + suffix
        edges.append(network.Edge(node(r), name, direction, event=True))
    return network.render(network.Node(iri, label, kind, href(iri)), edges)


def entity_view(iri: str, label: str, types: list[Link]) -> EntityView:
    """What the explore sections of ``iri``'s page show."""
    store = publication().store
    node = NamedNode(iri)
    kind = kind_of(t.iri for t in types)
    if kind == "event":
        cards = _cards(
            select(store, _EVENT, event=node), select(store, _EVENT_QUOTES, event=node), None
        )
        return EntityView(None, [], cards[0] if cards else None)
    if kind == "other":
        return EntityView(None, [], None)
    events, total = _latest(select(store, _TIMELINE_KEYS, iri=node))
    timeline = (
        _cards(
            select(store, _with_events(_TIMELINE, events), iri=node),
            select(store, _with_events(_TIMELINE_QUOTES, events), iri=node),
            iri,
        )
        if events
        else []
    )
    path = href(iri)
    cut = total > len(events) and path.startswith("/id/")
    return EntityView(
        _picture(iri, label, kind, events),
        timeline,
        None,
        events=total,
        all_events=(
            "/events?" + urlencode({"involving": path.removeprefix("/id/"), "sort": "-date"})
            if cut
            else None
        ),
    )


@bp.app_context_processor
def _globals() -> dict:
    return {"entity_view": entity_view}
