"""The keys of the browse lists, read once per release and kept in memory, so a page is a slice.

A list page used to aggregate over every mention or event of its class and sort the lot in
SPARQL on each request: 0.3 s to 3.5 s per page at a million triples, where Oxigraph's ORDER BY
alone took about 0.25 s to sort 3,500 people by name. Here a
few plain SELECTs (no ORDER BY, no per-request aggregate) read what sorting and filtering need
(labels, mentions per named graph, article dates; event types, dates, places and the names
of their participants) the first time a release's list is asked for; each order is sorted
once in Python, and a request filters the sorted keys and slices its page. The page's details
come from the store for just those keys (:mod:`pipeline.web.browse`).

Multi-valued keys are read deterministically: an entity's name is its least label, an
event's type, date and place are its least ``ldpub:`` class, timestamp and place (with that
place's least label).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pipeline.web.explore import select
from pipeline.web.publication import PerRelease

# Single patterns where they can be (Oxigraph scans one index; a join of two patterns cost it
# 3-10x more at a million triples), joined in Python on the subject.
_LABELS = "SELECT ?s ?label WHERE { ?s rdfs:label ?label }"
_ENTITIES = """
SELECT ?item ?class WHERE {
  VALUES ?class { schema:Person schema:Organization schema:Place } ?item a ?class
}"""
_MENTIONS = """
SELECT ?item ?g (COUNT(?m) AS ?n) WHERE {
  GRAPH ?g { ?m itsrdf:taIdentRef ?item }
} GROUP BY ?item ?g"""  # a quad is there once: no DISTINCT needed within one graph
_PUBLISHED = """
SELECT ?g ?published WHERE {
  GRAPH ?g { ?article a schema:NewsArticle ; schema:datePublished ?published }
}"""
_EVENTS = "SELECT ?item WHERE { ?item a sem:Event }"
_EVENT_TYPES = """
SELECT ?item ?t WHERE { ?item a sem:Event , ?t FILTER(STRSTARTS(STR(?t), STR(ldpub:))) }"""
_EVENT_DATES = "SELECT ?item ?d WHERE { ?item sem:hasTimeStamp ?d }"
_EVENT_PLACES = "SELECT ?item ?pl WHERE { ?item sem:hasPlace ?pl }"
_EVENT_NAMED = "SELECT ?item ?named WHERE { ?item sem:hasActor|ldpub:hasTarget ?named }"


def _labels(store: Any) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = defaultdict(list)
    for r in select(store, _LABELS):
        labels[r["s"]].append(r["label"])
    return labels


def in_range(value: str, start: str | None, end: str | None) -> bool:
    """Whether a date (any precision) overlaps [start, end], compared to the coarser precision.

    An event dated "2007" is inside from=2007-05; one dated 2007-01-20 is not.
    """
    return (start is None or start[: len(value)] <= value) and (
        end is None or value[: len(end)] <= end
    )


@dataclass(frozen=True)
class Query:
    """What a request asks of a list: filters as plain values (validated by the caller)."""

    sort: str
    q: str | None = None  # lower-cased name text
    start: str | None = None  # from
    end: str | None = None  # to
    type: str | None = None  # an event class IRI
    place: str | None = None  # a place IRI
    involving: str | None = None  # an entity IRI: actor, target or place of the event

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


# --- entities -----------------------------------------------------------------------------


@dataclass(slots=True)
class Entity:
    """One entity of the people, organizations or places list."""

    iri: str
    label: str
    graphs: dict[str, int] = field(default_factory=dict)  # mentions per named graph


@dataclass(frozen=True)
class EntityRow:
    """An entity as a page shows it: its counts, within the date range when one is given."""

    iri: str
    label: str
    mentions: int
    articles: int

    @cached_property
    def folded(self) -> str:
        """The label lower-cased: what name sorting and the name filter compare."""
        return self.label.lower()


_ENTITY_ORDERS: dict[str, Callable[[EntityRow], tuple]] = {
    "name": lambda r: (r.folded, r.iri),
    "mentions": lambda r: (-r.mentions, r.folded, r.iri),
    "articles": lambda r: (-r.articles, r.folded, r.iri),
}


ENTITY_SORTS = tuple(_ENTITY_ORDERS)  # the first is the default


class EntityList:
    """One class's entities, in each order the list offers."""

    def __init__(self, entities: list[Entity], published: dict[str, list[str]]) -> None:
        self._entities = sorted(entities, key=lambda e: (e.label.lower(), e.iri))
        self._published = published  # named graph -> the dates of its articles
        self._mentioned: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, e in enumerate(self._entities):  # graph -> (entity by name, mentions there)
            for g, n in e.graphs.items():
                self._mentioned[g].append((i, n))
        rows = [EntityRow(e.iri, e.label, sum(e.graphs.values()), len(e.graphs)) for e in entities]
        self.orders = {sort: sorted(rows, key=key) for sort, key in _ENTITY_ORDERS.items()}

    def rows(self, query: Query) -> list[EntityRow]:
        """The matching entities in the asked order (not to be changed: it may be the index's
        own list); counts only within the date range."""
        q = query.q
        if not query.dated:
            ordered = self.orders[query.sort]
            return ordered if q is None else [r for r in ordered if q in r.folded]
        counts: dict[int, list[int]] = defaultdict(list)
        for g, dates in self._published.items():
            if any(in_range(d, query.start, query.end) for d in dates):
                for i, n in self._mentioned.get(g, ()):
                    counts[i].append(n)
        rows = []
        for i in sorted(counts):  # by name
            e = self._entities[i]
            if q is None or q in e.label.lower():  # as LCASE(STR(?label))
                rows.append(EntityRow(e.iri, e.label, sum(counts[i]), len(counts[i])))
        return rows if query.sort == "name" else sorted(rows, key=_ENTITY_ORDERS[query.sort])


def load_entities(store: Any) -> dict[str, EntityList]:
    """Each entity class's list: labels, then mentions per graph and the articles' dates."""
    labels = _labels(store)
    graphs: dict[str, dict[str, int]] = defaultdict(dict)
    for r in select(store, _MENTIONS):
        graphs[r["item"]][r["g"]] = int(r["n"])
    published: dict[str, list[str]] = defaultdict(list)
    for r in select(store, _PUBLISHED):
        published[r["g"]].append(r["published"])
    by_class: dict[str, list[Entity]] = defaultdict(list)
    for r in select(store, _ENTITIES):
        if names := labels.get(r["item"]):
            by_class[r["class"]].append(Entity(r["item"], min(names), graphs.get(r["item"], {})))
    return {cls: EntityList(es, published) for cls, es in by_class.items()}


# --- events -------------------------------------------------------------------------------


@dataclass(slots=True)
class Event:
    """One event's keys: what the list sorts and filters it by."""

    iri: str
    types: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    places: dict[str, set[str]] = field(default_factory=dict)  # place -> its labels
    names: set[str] = field(default_factory=set)  # participants' and places' labels, lowered
    participants: set[str] = field(default_factory=set)  # actors' and targets' IRIs

    @property
    def type(self) -> str | None:
        return min(self.types, default=None)

    @property
    def date(self) -> str | None:
        return min(self.dates, default=None)

    @property
    def place(self) -> str | None:
        return min(self.places, default=None)

    @property
    def place_label(self) -> str | None:
        place = self.place
        return min(self.places[place], default=None) if place else None

    def matches(self, query: Query) -> bool:
        return (
            (query.type is None or query.type in self.types)
            and (query.place is None or query.place in self.places)
            and (
                query.involving is None
                or query.involving in self.participants
                or query.involving in self.places
            )
            and (not query.dated or any(in_range(d, query.start, query.end) for d in self.dates))
            and (query.q is None or any(query.q in n for n in self.names))
        )


def _ordered(events: Iterable[Event], *keys: Callable[[Event], Any]) -> list[Event]:
    """Sorted by several keys, the first most significant (stable sorts, last key first)."""
    out = list(events)
    for k in reversed(keys):
        out.sort(key=k)
    return out


def _unbound_last(name: str) -> Callable[[Event], bool]:
    """SPARQL's ``(!BOUND(?x))``: events without the value after those with it."""
    return lambda e: getattr(e, name) is None


def _ascending(name: str) -> Callable[[Event], tuple[bool, str]]:
    """SPARQL's ``?x``: an unbound value sorts before every string."""
    return lambda e: (getattr(e, name) is not None, getattr(e, name) or "")


def _iri(e: Event) -> str:
    return e.iri


EVENT_SORTS = ("date", "-date", "type", "place")  # the first is the default


def _event_orders(events: list[Event]) -> dict[str, list[Event]]:
    """The orders of the events list, as the ORDER BY clauses they replace would sort."""
    newest = sorted(events, key=_iri)  # (!BOUND(?date)) DESC(?date) ?item: "" sorts last
    newest.sort(key=lambda e: e.date or "", reverse=True)
    return {
        "date": _ordered(events, _unbound_last("date"), _ascending("date"), _iri),
        "-date": newest,
        "type": _ordered(events, _ascending("type"), _ascending("date"), _iri),
        "place": _ordered(
            events,
            _unbound_last("place_label"),
            _ascending("place_label"),
            _ascending("date"),
            _iri,
        ),
    }


@dataclass(frozen=True)
class Facets:
    """Counts over all events, to pick a filter from."""

    types: list[tuple[str, int]]  # (class IRI, events), most first
    years: list[tuple[str, int]]
    places: list[tuple[str, str, int]]  # (place IRI, label, events) by label


class EventList:
    """The events in each order the list offers, and the facets over all of them."""

    def __init__(self, events: list[Event]) -> None:
        self.orders = _event_orders(events)
        types = Counter(t for e in events for t in e.types)
        years = Counter(y for e in events for y in {d[:4] for d in e.dates} if y)
        places = Counter((p, label) for e in events for p, ls in e.places.items() for label in ls)
        self.facets = Facets(
            sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
            sorted(years.items()),
            [(p, label, n) for (p, label), n in sorted(places.items(), key=_place_order)],
        )
        # The events of each type, place, participant and year, so that a filter checks its
        # candidates rather than every event (75,796 of them take 250 ms at 5M triples).
        self._by: dict[str, dict[str, list[Event]]] = {
            k: defaultdict(list) for k in ("type", "place", "involving", "year")
        }
        for e in events:
            for key, values in (
                ("type", e.types),
                ("place", e.places),
                ("involving", e.participants | e.places.keys()),
                ("year", {d[:4] for d in e.dates}),
            ):
                for value in values:
                    self._by[key][value].append(e)

    def _candidates(self, query: Query) -> list[Event] | None:
        """The fewest events that can match ``query`` by one of its keys; None: any can."""
        lists = [
            self._by[key].get(value, [])
            for key, value in (
                ("type", query.type),
                ("place", query.place),
                ("involving", query.involving),
            )
            if value is not None
        ]
        if query.dated:  # an event in range has a date whose year is in range
            years = self._by["year"]
            low, high = (query.start or "0000")[:4], (query.end or "9999")[:4]
            lists.append([e for y in years if low <= y <= high for e in years[y]])
        return min(lists, key=len, default=None)

    def rows(self, query: Query) -> list[Event]:
        """The matching events in the asked order (not to be changed: it may be the index's
        own list)."""
        ordered = self.orders[query.sort]
        if query == Query(query.sort):  # no filter
            return ordered
        candidates = self._candidates(query)
        if candidates is None:
            return [e for e in ordered if e.matches(query)]
        chosen = {id(e) for e in candidates if e.matches(query)}
        return [e for e in ordered if id(e) in chosen]


def _place_order(item: tuple[tuple[str, str], int]) -> tuple[str, str]:
    (place, label), _ = item
    return (label.lower(), place)


def load_events(store: Any) -> EventList:
    """Every event's keys, by one plain SELECT per kind of key."""
    events = {r["item"]: Event(r["item"]) for r in select(store, _EVENTS)}
    labels = _labels(store)
    for r in select(store, _EVENT_TYPES):
        events[r["item"]].types.add(r["t"])
    for r in select(store, _EVENT_DATES):
        if e := events.get(r["item"]):
            e.dates.add(r["d"])
    for r in select(store, _EVENT_PLACES):
        if e := events.get(r["item"]):
            e.places[r["pl"]] = set(labels.get(r["pl"], ()))
            e.names.update(n.lower() for n in labels.get(r["pl"], ()))
    for r in select(store, _EVENT_NAMED):
        if e := events.get(r["item"]):
            e.participants.add(r["named"])
            e.names.update(n.lower() for n in labels.get(r["named"], ()))
    return EventList(list(events.values()))


entity_lists = PerRelease(load_entities)
event_list = PerRelease(load_events)
