"""Hostile URLs and headers: path tricks, odd Accept headers, markup from the articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
import requests

from tests.hostile.conftest import MixedBuild, assert_error, sparql_get
from tests.web.live_server import live_server

SECRETS = ("root:x:0:0", '"base_uri"', "[tool.ruff]", "SETTINGS")  # passwd, manifest, sources


@pytest.mark.parametrize(
    "path",
    [
        "dumps/../publication.json",
        "dumps/..%2Fpublication.json",
        "dumps/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "dumps/%2e%2e/%2e%2e/publication.json",
        "dumps/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "dumps/....//....//etc/passwd",
        "dumps//etc/passwd",
        "dumps/%2Fetc%2Fpasswd",
        "dumps/ldpub.nt.gz%00.txt",
        "dumps/%00",
        "dumps/SHA256SUMS%2F..%2F..%2Fpublication.json",
        "id/../../etc/passwd",
        "id/..%2F..%2F..%2Fetc%2Fpasswd",
        "id/%2e%2e/%2e%2e/publication.json",
        "id//etc/passwd",
        "id/person/%00",
        "id/person/x%00.ttl",
        "id/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "id/a%20b%22c",
        "graph/..%2F..%2Fpublication.json",
        "graph/%00",
        "static/..%2F..%2Fsettings.py",
        "static/../../../pyproject.toml",
        "%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_path_traversal_is_404(hostile_server: str, path: str) -> None:
    r = requests.get(hostile_server + path, headers={"Accept": "application/json"}, timeout=10)
    assert_error(r, 404)
    assert not any(secret in r.text for secret in SECRETS)


ENTITY = "id/person/qais-khazali"
NEGOTIATED = [
    ENTITY,
    "graph/000-raid",
    "sparql",  # the service description
    "sparql?query=ASK%20%7B%7D",
    "dumps/",
]


@pytest.mark.parametrize(
    "accept",
    [
        "*/*;q=0",
        "text/html;q=0, */*;q=0, application/json;q=0, text/turtle;q=0",
        "@@@;;;,,,===q",
        "image/png",
        ",".join(f"application/x-made-up-{i}" for i in range(2000)),  # about 60 KB
    ],
    ids=["q=0", "q=0 everywhere", "garbage", "image", "huge"],
)
@pytest.mark.parametrize("path", NEGOTIATED)
def test_unservable_accept_is_406_listing_formats(
    hostile_server: str, path: str, accept: str
) -> None:
    r = requests.get(hostile_server + path, headers={"Accept": accept}, timeout=10)
    assert r.status_code == 406, r.text[:300]
    # the one error shape, served as JSON even to a client that refused JSON
    error = r.json()["error"]
    assert error["status"] == 406 and re.search(r"(text/html|application/\S+json)", error["detail"])


def test_security_headers_on_every_answer(hostile_server: str) -> None:
    pages = ["", "sparql", ENTITY, "graph/000-raid", "dumps/", "ontology", "no/such/page"]
    for path in pages:
        r = requests.get(hostile_server + path, headers={"Accept": "text/html"}, timeout=10)
        assert r.headers["Content-Type"].startswith("text/html"), path
        assert "default-src 'self'" in r.headers["Content-Security-Policy"], path
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"], path
        assert r.headers["X-Content-Type-Options"] == "nosniff", path
    r = requests.get(hostile_server + ENTITY + ".ttl", timeout=10)
    assert r.headers["X-Content-Type-Options"] == "nosniff"


# --- markup from articles, escaped on every page ----------------------------------------------


class _Tags(HTMLParser):
    """Every element of a page with its attributes, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_no_injected_markup(page: str) -> None:
    """No element or attribute on the page came from the data: scripts are the site's own."""
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag != "img", attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any((v or "").lower().startswith("javascript:") for v in attrs.values())
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), attrs


@pytest.fixture(scope="module")
def markup_server(
    mixed_build: MixedBuild, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The real server over the mixed build, whose markup.txt article is full of markup."""
    log = tmp_path_factory.mktemp("markup-log") / "server.log"
    with live_server(mixed_build.out, log) as url:
        yield url


QUOTES_QUERY = (
    "SELECT ?h ?who ?text WHERE { ?a schema:headline ?h ; schema:author ?who . "
    "?s nif:anchorOf ?text FILTER(CONTAINS(?text, 'alert')) }"
)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("id/article/markup", ["alert(1)", "alert(5)", "alert(6)"]),  # headline, author, publisher
        ("id/organization/hezbollah", ["alert(2)"]),  # a quote naming the organization
        ("graph/markup", ["alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)"]),
        ("sparql?query=" + quote(QUOTES_QUERY), ["alert(1)", "alert(3)", "alert(5)"]),
        ("search?q=" + quote("<script>alert(9)</script>"), ["alert(9)"]),
    ],
    ids=["article page", "entity page", "graph page", "query results page", "search page"],
)
def test_markup_from_articles_is_escaped(markup_server: str, path: str, shown: list[str]) -> None:
    r = requests.get(markup_server + path, headers={"Accept": "text/html"}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html"), r.text
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    page = r.text
    for marker in shown:  # the text is on the page, escaped, as text
        assert f"&lt;script&gt;{marker}" in page or f"onerror={marker}" in page, marker
    assert_no_injected_markup(page)


def test_the_data_keeps_the_markup_verbatim(markup_server: str) -> None:
    """Escaping is the pages' job: the published quote is exactly what the article says."""
    query = "SELECT ?text WHERE { ?s nif:anchorOf ?text FILTER(CONTAINS(?text, 'alert(3)')) }"
    r = sparql_get(markup_server, query, "text/csv")
    assert 'The spokesman said ""<script>alert(3)</script>"" and' in r.text
