"""What the explore pages (search, browse, entity network and timeline) share.

Every query goes through :func:`select` / :func:`construct`: fixed query text plus the
caller's values as pyoxigraph terms, bound by ``VALUES`` at the start of the WHERE group
(:func:`pipeline.store.bind.bind`), so no user text is ever pasted into SPARQL, Oxigraph plans
from the bound IRI, and a remote store gives the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import Response, jsonify, request
from pyoxigraph import NamedNode, QuerySolutions, Triple

from pipeline.namespaces import PREFIXES, SPARQL_PROLOGUE
from pipeline.store.bind import Term, bind
from pipeline.web.errors import ApiError
from pipeline.web.formats import GRAPHS, HTML, SUFFIXES, negotiate
from pipeline.web.rdfview import Twin, rdf_response

JSON = "application/json"

Row = dict[str, Any]

# The classes the explore pages know, with their path segment and readable names.
KINDS: dict[str, tuple[str, str, str]] = {
    PREFIXES["schema"] + "Person": ("person", "person", "people"),
    PREFIXES["schema"] + "Organization": ("organization", "organization", "organizations"),
    PREFIXES["schema"] + "Place": ("place", "place", "places"),
    PREFIXES["sem"] + "Event": ("event", "event", "events"),
}


def select(store: Any, text: str, **bindings: Term) -> list[Row]:
    """Rows of a SELECT as ``{variable: python value}`` (IRIs and literals as strings)."""
    result = store.query(SPARQL_PROLOGUE + bind(text, bindings), use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [
        {n: (None if (t := s[n]) is None else t.value) for n in names}  # type: ignore[union-attr]
        for s in result
    ]


def values(name: str, iris: Iterable[str]) -> str:
    """A ``VALUES ?name`` block of IRIs read from the store (valid, escaped terms): binds a
    whole page of items where :func:`bind` binds one value."""
    return f"VALUES ?{name} {{ " + " ".join(str(NamedNode(i)) for i in iris) + " }"


def construct(store: Any, text: str, **bindings: Term) -> list[Triple]:
    """The triples of a CONSTRUCT, without duplicates, in the engine's order."""
    result = store.query(SPARQL_PROLOGUE + bind(text, bindings), use_default_graph_as_union=True)
    return list(dict.fromkeys(result))  # type: ignore[arg-type]


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def local_name(iri: str) -> str:
    """``leaderOf`` for ``...ns#leaderOf``, ``karbala`` for ``.../place/karbala``."""
    return re.split(r"[#/]", iri.rstrip("/"))[-1]


def words(iri: str) -> str:
    """A term's local name as words: ``leader of``, ``press briefing``."""
    return _CAMEL.sub(" ", local_name(iri)).lower()


def kind_of(classes: Iterable[str]) -> str:
    """``person``, ``organization``, ``place``, ``event`` or ``other`` for a set of classes."""
    for iri in classes:
        if iri in KINDS:
            return KINDS[iri][0]
    return "other"


def int_arg(name: str, default: int, low: int, high: int) -> int:
    """A whole-number query parameter within bounds, or 400 saying which values work."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise ApiError(
            400,
            f"The {name} parameter must be a whole number from {low} to {high}, not {raw!r}; "
            "fix it in the address.",
        )
    return value


def choice_arg(name: str, options: Iterable[str], default: str) -> str:
    """A query parameter that must be one of ``options``, or 400 listing them."""
    allowed = list(options)
    raw = request.args.get(name) or default
    if raw not in allowed:
        raise ApiError(
            400,
            f"The {name} parameter must be one of {', '.join(allowed)}, not {raw!r}; "
            "fix it in the address.",
        )
    return raw


def with_args(path: str, **changes: object) -> str:
    """``path`` with this request's query parameters, some changed (None removes one)."""
    args = {k: v for k, v in request.args.items()}
    args.update({k: str(v) for k, v in changes.items() if v is not None})
    for k, v in changes.items():
        if v is None:
            args.pop(k, None)
    query = urlencode([(k, v) for k, v in args.items() if v != ""])
    return path + ("?" + query if query else "")


@dataclass(frozen=True)
class Views:
    """The three renderings of one explore page; each is built only when asked for."""

    page: Callable[[list[Twin]], str]
    data: Callable[[], object]
    triples: Callable[[], Iterable[Triple]] | None = None


_EXTENSIONS = {".json": JSON, **{s: fmt.media_type for s, fmt in SUFFIXES.items()}}


def respond_views(path: str, suffix: str | None, views: Views) -> Response:
    """HTML, JSON or RDF of ``path`` by suffix (``.json .ttl .jsonld .nt .rdf``) or Accept.

    The twins keep the request's query parameters, so a filtered page links its filtered data.
    """
    suffixes = [".json", *(SUFFIXES if views.triples else ())]
    twins = [
        Twin("JSON" if s == ".json" else SUFFIXES[s].name, with_args(path + s), _EXTENSIONS[s])
        for s in suffixes
    ]
    links = ", ".join(f'<{t.href}>; rel="alternate"; type="{t.media_type}"' for t in twins)
    if suffix is None:
        offers = [HTML, JSON, *(GRAPHS if views.triples else ())]
        choice = negotiate(request.accept_mimetypes, offers)
        if choice is None:
            raise ApiError(
                406,
                f"{path} is available as {', '.join(t.media_type for t in twins)} or {HTML} "
                f"(or add {', '.join(suffixes)} to the address); accept one of those.",
                headers={"Link": links, "Vary": "Accept"},
            )
        suffix = next((s for s, fmt in SUFFIXES.items() if GRAPHS.get(choice) == fmt), None)
        if choice == JSON:
            suffix = ".json"
        elif choice == HTML:
            suffix = ""
    if suffix == "":
        response = Response(views.page(twins), mimetype=HTML)
    elif suffix == ".json":
        response = jsonify(views.data())
    elif views.triples is not None and suffix in SUFFIXES:
        response = rdf_response(views.triples(), SUFFIXES[suffix])
    else:
        raise ApiError(
            404,
            f"{path} has no {suffix} version; use one of {', '.join(suffixes)}.",
        )
    response.headers["Vary"] = "Accept"
    response.headers["Link"] = links
    return response
