"""``/dumps/``: the build's dump files, listed with sizes and checksums, downloadable.

Compressed dumps are served as their RDF media type with ``Content-Encoding: gzip`` (the bytes
on disk, unchanged), so ETags, checksums and byte ranges all refer to the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import Blueprint, Response, jsonify, render_template, request, send_file

from pipeline.web.errors import ApiError
from pipeline.web.formats import HTML, negotiate
from pipeline.web.site import publication

bp = Blueprint("dumps", __name__)

_MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
}
CHECKSUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Dump:
    name: str
    size: int
    modified: datetime
    sha256: str | None
    media_type: str
    encoding: str | None  # "gzip" for .gz files

    @property
    def href(self) -> str:
        return "/dumps/" + self.name


def _describe(path: Path, sums: dict[str, str]) -> Dump:
    stem, encoding = (path.stem, "gzip") if path.suffix == ".gz" else (path.name, None)
    suffix = Path(stem).suffix
    media_type = _MEDIA_TYPES.get(suffix, "text/plain" if path.name == CHECKSUMS else "")
    stat = path.stat()
    return Dump(
        name=path.name,
        size=stat.st_size,
        modified=datetime.fromtimestamp(stat.st_mtime, UTC),
        sha256=sums.get(path.name),
        media_type=media_type or "application/octet-stream",
        encoding=encoding,
    )


def dumps() -> list[Dump]:
    """The files of the current release's dumps folder, by name."""
    folder = publication().dumps
    if not folder.is_dir():
        return []
    sums_file = folder / CHECKSUMS
    sums: dict[str, str] = {}
    if sums_file.is_file():
        for line in sums_file.read_text(encoding="utf-8").splitlines():
            digest, _, name = line.partition("  ")
            if name:
                sums[name.lstrip("*")] = digest
    return [_describe(p, sums) for p in sorted(folder.iterdir()) if p.is_file()]


@bp.route("/dumps/")
def listing() -> Response:
    """The dumps as an HTML table for browsers, JSON for programs."""
    files = dumps()
    choice = negotiate(request.accept_mimetypes, ["application/json", HTML])
    if choice is None:
        raise ApiError(
            406,
            f"The list of dumps is available as application/json or {HTML}; accept one of those.",
        )
    if choice == HTML:
        response = Response(render_template("dumps.html", dumps=files), mimetype=HTML)
    else:
        response = jsonify(
            {
                "release": publication().release,
                "dumps": [
                    {
                        "name": d.name,
                        "url": request.host_url + d.href.lstrip("/"),
                        "size": d.size,
                        "sha256": d.sha256,
                        "media_type": d.media_type,
                        "encoding": d.encoding,
                        "modified": d.modified.isoformat(),
                    }
                    for d in files
                ],
            }
        )
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/dumps/<name>")
def download(name: str) -> Response:
    """One dump file, with ETag (its SHA-256), Last-Modified and byte ranges."""
    dump = next((d for d in dumps() if d.name == name), None)
    if dump is None:
        raise ApiError(
            404,
            f"There is no dump named {name!r} in release {publication().release}; "
            "the list is at /dumps/.",
            title="Unknown dump",
        )
    response = send_file(
        publication().dumps / dump.name,
        mimetype=dump.media_type,
        conditional=True,
        etag=dump.sha256 or True,
        last_modified=dump.modified,
        max_age=3600,
    )
    if dump.encoding:
        response.headers["Content-Encoding"] = dump.encoding
    response.headers["Content-Disposition"] = f'attachment; filename="{dump.name}"'
    return response
