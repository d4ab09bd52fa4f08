"""SPARQL answers as the query page shows them when a browser opens ``/sparql?query=...``.

The query runs like any other (worker pool, timeout, result limit) with SPARQL JSON or Turtle
asked for; the answer becomes a table whose IRIs link to their pages, so the page reads
without JavaScript and every example is a plain link.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Response
from werkzeug.datastructures import MIMEAccept

from pipeline.web.describe import compact
from pipeline.web.errors import ApiError
from pipeline.web.site import href

# What the page asks the endpoint for: result tables as JSON, graphs as Turtle.
PAGE_ACCEPT = MIMEAccept([("application/sparql-results+json", 1), ("text/turtle", 0.9)])
_TRUNCATED = "X-LDPub-Results-Truncated"
_LIMIT = "X-LDPub-Result-Limit"
_STREAMED = "X-LDPub-Results-Streamed"  # headers left before the cut was known: count instead


@dataclass(frozen=True)
class Cell:
    text: str = ""
    href: str | None = None  # set for IRIs
    note: str = ""  # language or datatype of a literal


@dataclass
class Shown:
    """One answer on the page: a table, a boolean, a graph's text, or an error."""

    variables: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    boolean: bool | None = None
    graph: str | None = None
    truncated: bool = False
    limit: str = ""
    error: ApiError | None = None

    @property
    def status(self) -> int:
        return self.error.status if self.error else 200


def _cell(term: dict | None) -> Cell:
    if not term:
        return Cell()
    if term["type"] == "uri":
        return Cell(term["value"], href(term["value"]))
    if term["type"] == "bnode":
        return Cell("_:" + term["value"])
    if term["type"] == "triple":
        parts = (term["value"][k]["value"] for k in ("subject", "predicate", "object"))
        return Cell("<< " + " ".join(parts) + " >>")
    note = "@" + term["xml:lang"] if "xml:lang" in term else compact(term.get("datatype", ""))
    return Cell(term["value"], note="" if note in ("xsd:string", "") else note)


def shown(run: Callable[[MIMEAccept], Response]) -> Shown:
    """Run the query through ``run`` (the endpoint's own path) and shape its answer."""
    try:
        response = run(PAGE_ACCEPT)
    except ApiError as e:
        return Shown(error=e)
    out = Shown(
        truncated=response.headers.get(_TRUNCATED) == "true",
        limit=response.headers.get(_LIMIT, ""),
    )
    streamed = response.headers.get(_STREAMED) == "true"
    body = response.get_data(as_text=True)
    if "json" not in (response.content_type or ""):
        out.graph = body
        out.truncated |= streamed and f"{_TRUNCATED}: true" in body[-200:]
        return out
    data = json.loads(body)
    if "boolean" in data:
        out.boolean = bool(data["boolean"])
        return out
    out.variables = list(data["head"]["vars"])
    out.rows = [[_cell(b.get(v)) for v in out.variables] for b in data["results"]["bindings"]]
    out.truncated |= streamed and out.limit.isdigit() and len(out.rows) >= int(out.limit)
    return out
