"""Content negotiation between an HTML page and RDF twins, shared by every RDF-backed route.

A format suffix (``.ttl .jsonld .nt .rdf``) overrides Accept; otherwise Accept picks HTML or an
RDF format, and a client that accepts none of them gets 406 listing what is available. Every
answer varies on Accept and links its machine-readable twins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from flask import Response, request
from markupsafe import Markup, escape
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from pipeline.namespaces import PREFIXES
from pipeline.web.describe import compact
from pipeline.web.errors import ApiError
from pipeline.web.formats import GRAPHS, HTML, SUFFIXES, content_type, names, negotiate
from pipeline.web.site import href


@dataclass(frozen=True)
class Twin:
    """A machine-readable copy of a page."""

    name: str
    href: str
    media_type: str


def split_suffix(path: str) -> tuple[str, RdfFormat | None]:
    """``person/x.ttl`` -> (``person/x``, Turtle); a path without a known suffix is unchanged."""
    for suffix, fmt in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], fmt
    return path, None


def twins(path: str) -> list[Twin]:
    """The suffixed twins of a local path."""
    return [Twin(fmt.name, path + suffix, fmt.media_type) for suffix, fmt in SUFFIXES.items()]


def rdf_response(triples: Sequence[Triple] | Iterable[Triple], fmt: RdfFormat) -> Response:
    body = serialize(triples, format=fmt, prefixes=PREFIXES)
    return Response(body, content_type=content_type(fmt))


def respond(
    path: str,
    suffix: RdfFormat | None,
    triples: Callable[[], Iterable[Triple]],
    page: Callable[[list[Twin]], str],
    *,
    rdf_first: bool = False,
) -> Response:
    """HTML from ``page`` or RDF from ``triples`` for the local ``path`` (without suffix).

    ``rdf_first``: a client without preference (``*/*``) gets Turtle rather than HTML, for
    documents mostly read by programs (VoID).
    """
    alternates = twins(path)
    links = ", ".join(f'<{t.href}>; rel="alternate"; type="{t.media_type}"' for t in alternates)
    if suffix is not None:
        response = rdf_response(triples(), suffix)
    else:
        offers = [*GRAPHS, HTML] if rdf_first else [HTML, *GRAPHS]
        choice = negotiate(request.accept_mimetypes, offers)
        if choice is None:
            raise ApiError(
                406,
                f"{path} is available as {HTML}, {names(list(GRAPHS.values()))} (or add "
                f"{', '.join(SUFFIXES)} to the address); accept one of those.",
                headers={"Link": links, "Vary": "Accept"},
            )
        if choice == HTML:
            response = Response(page(alternates), mimetype=HTML)
        else:
            fmt = GRAPHS[choice]
            response = rdf_response(triples(), fmt)
            response.headers["Content-Location"] = next(
                t.href for t in alternates if t.media_type == fmt.media_type
            )
    response.headers["Vary"] = "Accept"
    response.headers["Link"] = links
    return response


def term_html(term: NamedNode | BlankNode | Literal | Triple) -> Markup:
    """A term for a page: IRIs as links (local when ours), literals with language or type."""
    if isinstance(term, NamedNode):
        return Markup('<a href="{}">{}</a>').format(href(term.value), compact(term.value))
    if isinstance(term, BlankNode):
        return Markup("<code>_:{}</code>").format(term.value)
    if isinstance(term, Triple):
        parts = (term_html(term.subject), term_html(term.predicate), term_html(term.object))
        return Markup("&lt;&lt; {} {} {} &gt;&gt;").format(*parts)
    note = f"@{term.language}" if term.language else compact(term.datatype.value)
    if note == "xsd:string":
        return Markup("{}").format(escape(term.value))
    return Markup('{} <small class="dt">{}</small>').format(term.value, note)


def by_subject(triples: Iterable[Triple]) -> list[tuple[object, list[Triple]]]:
    """Triples grouped by subject, in first-seen order (for pages)."""
    groups: dict[object, list[Triple]] = {}
    for t in triples:
        groups.setdefault(t.subject, []).append(t)
    return list(groups.items())
