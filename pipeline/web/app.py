"""The Flask application factory and the production server around it."""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import waitress
from flask import Flask, Response, g, request

from pipeline import settings
from pipeline.web import browse, dumps, errors, explore_entity, meta, resources, search, sparql
from pipeline.web.browse_index import entity_lists, event_list
from pipeline.web.publication import Publication, PublicationSource
from pipeline.web.querypool import QueryPool
from pipeline.web.rdfview import by_subject, term_html
from pipeline.web.site import Site, href

log = logging.getLogger(__name__)

# Headers a cross-origin script may read (result-limit reporting, downloads).
_EXPOSED = (
    "Content-Length, Content-Encoding, ETag, Last-Modified, Link, Content-Location, "
    "X-LDPub-Release, " + ", ".join(sparql.REPORT_HEADERS)
)


def _setting(config: Mapping[str, Any], name: str) -> Any:
    value = config.get(name)
    return settings.value(name) if value is None else value


def _cors(response: Response) -> Response:
    """Every route is a public read: any origin may call it."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = _EXPOSED
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = (
            "Accept, Content-Type, Range, If-None-Match, If-Modified-Since"
        )
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


# Pages load scripts, styles and images from this server only, so a label or quote that slipped
# markup past escaping still could not run or fetch anything; no other site may frame a page.
_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class _CutAnswers(logging.Filter):
    """waitress logs an exception raised amid an answer with its traceback; an ApiError there
    is a streamed query that failed after its first bytes (timeout, out of memory), the
    client's query and not a server fault, so one warning line says what cut it."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, errors.ApiError):
            record.msg = f"{record.getMessage()}: the answer was cut after it began: {error.detail}"
            record.args, record.exc_info, record.exc_text = (), None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


# waitress refuses bodies this many times max_body_bytes itself (plain text, never buffered);
# smaller ones over the limit reach Flask, which answers 413 in the one error shape.
_WAITRESS_BODY_FACTOR = 4


def _release(response: Response) -> Response:
    """Name the release an answer came from, so a client can tell old from new mid-rebuild."""
    if "publication" in g:
        response.headers["X-LDPub-Release"] = g.publication.release
    return response


def _secure(response: Response) -> Response:
    """No content sniffing, and the content security policy, on every answer."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = _CSP
    return response


def _warm(pub: Publication) -> None:
    """Read a release's search and list indexes in the background as soon as it opens, so no
    visitor waits for them (13 s at 5M triples); a request that comes first waits for the same
    reading, never repeats it."""

    def read() -> None:
        started = time.perf_counter()
        try:
            search.index_for(pub)
            entity_lists(pub)
            event_list(pub)
            seconds = time.perf_counter() - started
            log.info(
                "read the search and list indexes of release %s in %.1f s", pub.release, seconds
            )
        except Exception:  # the first request that needs an index reads it again and says why
            log.exception("could not read the indexes of release %s", pub.release)

    threading.Thread(target=read, name=f"warm-{pub.release}", daemon=True).start()


def create_app(config: Mapping[str, Any]) -> Flask:
    """The web app over a build output; keys are setting names plus ``dist`` (the folder).

    Raises PublicationError when the folder holds no publication.
    """
    dist = Path(config.get("dist") or settings.value("out"))
    timeout = float(_setting(config, "query_timeout"))
    source = PublicationSource(
        dist, store=str(_setting(config, "store") or ""), query_timeout=timeout, on_open=_warm
    )
    memory = int(_setting(config, "query_memory"))
    pool = QueryPool(int(_setting(config, "query_workers")), timeout, memory)
    atexit.register(pool.close)

    app = Flask(__name__)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.config["MAX_CONTENT_LENGTH"] = int(_setting(config, "max_body_bytes"))
    app.extensions["ldpub"] = Site(
        source=source,
        pool=pool,
        base_uri=config.get("base_uri"),
        query_timeout=timeout,
        result_limit=int(_setting(config, "result_limit")),
        max_query_length=int(_setting(config, "max_query_length")),
        query_memory=memory,
    )
    explore = (search.bp, browse.bp, explore_entity.bp)
    for blueprint in (sparql.bp, resources.bp, dumps.bp, meta.bp, *explore):
        app.register_blueprint(blueprint)
    errors.register(app)
    app.after_request(_cors)
    app.after_request(_secure)
    app.after_request(_release)
    app.jinja_env.filters.update(href=href, term=term_html, by_subject=by_subject)
    return app


def serve(
    dist: Path,
    *,
    host: str,
    port: int,
    base_uri: str | None,
    query_timeout: float,
    result_limit: int,
    threads: int,
    query_workers: int | None = None,
    store: str | None = None,
    query_memory: int | None = None,
    max_query_length: int | None = None,
    max_body_bytes: int | None = None,
) -> None:
    """Serve a build output under waitress until interrupted (blocks)."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("waitress").addFilter(_CutAnswers())
    app = create_app(
        {
            "dist": dist,
            "base_uri": base_uri,
            "query_timeout": query_timeout,
            "result_limit": result_limit,
            "query_workers": query_workers,
            "store": store,
            "query_memory": query_memory,
            "max_query_length": max_query_length,
            "max_body_bytes": max_body_bytes,
        }
    )
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="ldpub",
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] * _WAITRESS_BODY_FACTOR,
    )
    shown_host = f"[{host}]" if ":" in host else host
    print(f"ldpub serving {dist} at http://{shown_host}:{server.effective_port}/", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        app.extensions["ldpub"].pool.close()
