"""One error shape for every route: JSON for machine clients, an HTML page for browsers.

Machine clients get ``{"error": {"status", "title", "detail"}}`` where ``detail`` is one
sentence saying what to do; a client is a browser when it ranks text/html above JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

_DETAILS = {
    404: "Nothing is published at this address; start from the home page or query the data at "
    "/sparql.",
    405: "This route does not accept the {method} method; the Allow header lists the ones it does.",
    413: "The request body is larger than this server accepts (max_body_bytes); send a shorter "
    "query.",
    500: "The server failed unexpectedly; try again, and report it if it persists.",
}


class ApiError(Exception):
    """An error a route answers with: status, one-line title, one-sentence detail."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
        links: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title or HTTPStatus(status).phrase
        self.detail = detail
        self.headers = dict(headers or {})
        self.links = links or []  # (href, label) pairs an HTML error page suggests


def wants_html() -> bool:
    """Whether the client ranks HTML above JSON (a browser)."""
    accept = request.accept_mimetypes
    return bool(accept) and accept["text/html"] > accept["application/json"]


def error_response(error: ApiError) -> Response:
    """The error as JSON or as an HTML page, depending on the client."""
    if wants_html():
        response = Response(render_template("error.html", error=error), mimetype="text/html")
    else:
        response = jsonify(
            {"error": {"status": error.status, "title": error.title, "detail": error.detail}}
        )
    response.status_code = error.status
    response.headers.update(error.headers)
    response.headers["Vary"] = "Accept"
    return response


def _http_error(e: HTTPException) -> Response:
    status = e.code or 500
    if status >= 500:
        log.error(
            "unhandled error on %s %s",
            request.method,
            request.path,
            exc_info=getattr(e, "original_exception", None),
        )
    detail = _DETAILS.get(status, e.description or HTTPStatus(status).phrase)
    headers = {k: v for k, v in e.get_headers() if k.lower() != "content-type"}
    return error_response(
        ApiError(status, detail.format(method=request.method), title=e.name, headers=headers)
    )


def register(app: Flask) -> None:
    """Route every error of the app through the one shape."""
    app.register_error_handler(ApiError, error_response)
    app.register_error_handler(HTTPException, _http_error)
