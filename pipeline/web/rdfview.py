"""Content negotiation between an HTML page and RDF twins, shared by every RDF-backed route.

A format suffix (``.ttl .jsonld .nt .rdf``) overrides Accept; otherwise Accept picks HTML or an
RDF format, and a client that accepts none of them gets 406 listing what is available. Every
answer varies on Accept and links its machine-readable twins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from flask import Response, request
from markupsafe import Markup, escape
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from pipeline import __version__
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


# Pages of a release never change, but a new release may come at any time: caches keep a page
# for a minute, then revalidate it with its ETag (a 304 costs no query).
CACHE_CONTROL = "public, max-age=60"


def _etag(release: str, path: str, variant: str) -> str:
    """One representation of a page in one release, served by this version of ldpub."""
    key = f"{__version__} {release} {path} {variant}".encode()
    return hashlib.sha256(key).hexdigest()[:32]


def respond(
    path: str,
    suffix: RdfFormat | None,
    triples: Callable[[], Iterable[Triple]],
    page: Callable[[list[Twin]], str],
    *,
    rdf_first: bool = False,
    release: str | None = None,
) -> Response:
    """HTML from ``page`` or RDF from ``triples`` for the local ``path`` (without suffix).

    ``rdf_first``: a client without preference (``*/*``) gets Turtle rather than HTML, for
    documents mostly read by programs (VoID). ``release``: the page is fixed by the release,
    so it gets an ETag and ``If-None-Match`` is answered with 304 before any query runs.
    """
    alternates = twins(path)
    links = ", ".join(f'<{t.href}>; rel="alternate"; type="{t.media_type}"' for t in alternates)
    headers = {"Vary": "Accept", "Link": links}
    if suffix is not None:
        choice = suffix.media_type
    else:
        offers = [*GRAPHS, HTML] if rdf_first else [HTML, *GRAPHS]
        choice = negotiate(request.accept_mimetypes, offers)
        if choice is None:
            raise ApiError(
                406,
                f"{path} is available as {HTML}, {names(list(GRAPHS.values()))} (or add "
                f"{', '.join(SUFFIXES)} to the address); accept one of those.",
                headers=headers,
            )
    if release is not None:
        etag = _etag(release, path, choice)
        headers |= {"ETag": f'"{etag}"', "Cache-Control": CACHE_CONTROL}
        if request.if_none_match.contains_weak(etag):
            return Response(status=304, headers=headers)
    if choice == HTML:
        response = Response(page(alternates), mimetype=HTML)
    else:
        response = rdf_response(triples(), suffix or GRAPHS[choice])
        if suffix is None:
            response.headers["Content-Location"] = next(
                t.href for t in alternates if t.media_type == choice
            )
    response.headers.update(headers)
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
