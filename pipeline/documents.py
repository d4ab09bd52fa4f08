"""Stage 1: read articles (UTF-8 text, first line the title) and their metadata from disk.

A bad document must never stop the others, so every problem with one file becomes a
``Quarantined`` record with one sentence that says what is wrong and what to do; only an INPUT
that does not exist at all is the user's mistake for the whole build (``InputError``).

``Document.text`` is the file decoded as UTF-8 with a leading BOM removed and CRLF / CR turned
into LF. Every offset in the pipeline indexes this text, not the bytes on disk.

Metadata comes from the sidecar ``NAME.meta.json`` next to ``NAME.txt``; what it lacks is
inferred later from the segmented text (``segment.complete_meta``).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pyoxigraph import NamedNode

from pipeline import settings
from pipeline.records import Document, DocumentMeta, Quarantined

MAX_TITLE_CHARS = 300  # a longer first line is a paragraph, not a title
ARTICLE_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("url", "published", "author", "publisher", "language", "title")

_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<\?xml|<head\b|<body\b)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|script|style|a|br|table|li)\b[^>]*>", re.I)
_HTML_TAGS_MAX = 10  # a text with more tags than this is HTML, not an article about HTML
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


class InputError(ValueError):
    """An INPUT path the user gave cannot be used at all (the CLI exits with status 2)."""


class _Rejected(Exception):
    """One document cannot be published; ``reason`` is the sentence for ``Quarantined``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Read:
    path: Path
    text: str
    sha256: str
    meta: DocumentMeta


def read_documents(inputs: Sequence[Path]) -> tuple[list[Document], list[Quarantined]]:
    """Read every article under ``inputs`` (files, or folders searched recursively for *.txt).

    Documents come in input order, each folder's files sorted by relative path; a file reached
    twice is read once. ``doc_id`` is the file stem slugified, suffixed ``-2``, ``-3`` ... in that
    order when stems collide.
    """
    documents: list[_Read] = []
    quarantined: list[Quarantined] = []
    for path in _collect(inputs, quarantined):
        try:
            documents.append(_read(path))
        except _Rejected as rejected:
            quarantined.append(Quarantined(path, rejected.reason))
    ids = _unique([slugify(_base_name(d.path)) for d in documents])
    return [
        Document(doc_id, d.path, d.text, d.sha256, d.meta)
        for doc_id, d in zip(ids, documents, strict=True)
    ], quarantined


def slugify(stem: str) -> str:
    """``000_dcf4860e397032ac`` -> ``000-dcf4860e397032ac``: ASCII [a-z0-9-], as IRIs need."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "document"


def _unique(slugs: list[str]) -> list[str]:
    """Keep each slug's first holder; later ones get the smallest free ``-N`` (N >= 2)."""
    taken, seen, unique = set(slugs), set(), []
    for slug in slugs:
        if slug in seen:
            n = 2
            while f"{slug}-{n}" in taken:
                n += 1
            slug = f"{slug}-{n}"
            taken.add(slug)
        seen.add(slug)
        unique.append(slug)
    return unique


def _base_name(path: Path) -> str:
    """``NAME`` of ``NAME.txt`` (of any other explicitly given file: its stem)."""
    name = path.name
    return name[: -len(ARTICLE_SUFFIX)] if name.lower().endswith(ARTICLE_SUFFIX) else path.stem


def _sidecar_path(path: Path) -> Path:
    return path.with_name(_base_name(path) + SIDECAR_SUFFIX)


def _collect(inputs: Sequence[Path], quarantined: list[Quarantined]) -> list[Path]:
    """The article files under ``inputs``, deduplicated; unlistable folders are quarantined."""
    missing = [str(p) for p in inputs if not os.path.lexists(p)]
    if missing:
        raise InputError(
            f"Input {', '.join(missing)} does not exist: pass existing article files (.txt) "
            "or folders that contain them."
        )
    paths: list[Path] = []
    for given in map(Path, inputs):
        if given.is_dir():
            paths += _walk(given, quarantined)
        elif given.name.lower().endswith(SIDECAR_SUFFIX):
            quarantined.append(
                Quarantined(
                    given,
                    f"{given.name} is a metadata sidecar, not an article: pass the article "
                    f"{given.name[: -len(SIDECAR_SUFFIX)]}{ARTICLE_SUFFIX} (or its folder).",
                )
            )
        else:
            paths.append(given)
    seen: set[str] = set()
    unique = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _walk(folder: Path, quarantined: list[Quarantined]) -> list[Path]:
    """``*.txt`` files under ``folder``, sorted; symlinked folders are not entered (no loops)."""

    def unlistable(error: OSError) -> None:
        quarantined.append(
            Quarantined(
                Path(error.filename or folder),
                f"Folder {error.filename} cannot be listed ({error.strerror}): make it readable "
                "or leave it out of the input.",
            )
        )

    found = [
        Path(root, name)
        for root, _dirs, names in os.walk(folder, onerror=unlistable)
        for name in names
        if name.lower().endswith(ARTICLE_SUFFIX)
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def max_document_bytes() -> int:
    """The size cap of one article or sidecar, from the ``max_document_mb`` setting."""
    return int(settings.value("max_document_mb") * 1024 * 1024)


def _read_bytes(path: Path, what: str) -> bytes:
    """The file's bytes, or a rejection that names the problem (missing, loop, size, access).

    The file is opened without blocking and checked through its descriptor, so a FIFO or device
    named like an article cannot hang the build, and at most the cap plus one byte is read, so a
    file that grows after it was checked still cannot fill the memory.
    """
    limit = max_document_bytes()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise _Rejected(
            f"{what} {path.name} is a broken symbolic link: point it at an existing file or "
            "remove it."
        ) from None
    except PermissionError:
        raise _Rejected(
            f"{what} {path.name} cannot be read (permission denied): make it readable "
            "(chmod +r) or leave it out."
        ) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _Rejected(
                f"{what} {path.name} is a symbolic link loop: point it at a real file or remove it."
            ) from None
        raise _Rejected(
            f"{what} {path.name} cannot be opened ({error.strerror}): fix it or leave it out."
        ) from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Rejected(f"{what} {path.name} is not a regular file: pass a text file instead.")
        if info.st_size > limit:
            raise _Rejected(_too_big(what, path, f"{info.st_size} bytes", limit))
        try:
            raw = file.read(limit + 1)
        except OSError as error:
            raise _Rejected(
                f"{what} {path.name} cannot be read ({error.strerror}): fix it or leave it out."
            ) from None
    if len(raw) > limit:
        raise _Rejected(_too_big(what, path, f"more than {limit} bytes", limit))
    return raw


def _too_big(what: str, path: Path, size: str, limit: int) -> str:
    return (
        f"{what} {path.name} is {size}, over the limit of {limit} bytes (setting "
        "max_document_mb): split it or leave it out."
    )


def _decode(raw: bytes, what: str, name: str) -> str:
    """UTF-8 text without BOM, with LF newlines; binary, UTF-16 and bad bytes are rejected."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Rejected(f"{what} {name} is UTF-16 encoded: re-save it as UTF-8.")
    if b"\x00" in raw:
        raise _Rejected(
            f"{what} {name} is a binary file (it contains NUL bytes), not text: "
            "leave it out of the input."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _Rejected(
            f"{what} {name} is not valid UTF-8 (invalid byte 0x{raw[error.start]:02x} at byte "
            f"offset {error.start}, line {line}): re-save it as UTF-8."
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _read(path: Path) -> _Read:
    raw = _read_bytes(path, "Article")
    if not raw:
        raise _Rejected(f"Article {path.name} is empty: give it a title line and a body.")
    text = _decode(raw, "Article", path.name)
    if not text.strip():
        raise _Rejected(f"Article {path.name} contains only whitespace: it has no title or text.")
    if _HTML.match(text) or len(_HTML_TAG.findall(text)) > _HTML_TAGS_MAX:
        raise _Rejected(
            f"Article {path.name} is HTML, not plain text: convert it to text with the title "
            "on the first line and one paragraph per line."
        )
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if len(first_line) > MAX_TITLE_CHARS:
        raise _Rejected(
            f"Article {path.name} has no title line (its first line is over {MAX_TITLE_CHARS} "
            "characters): put the title alone on the first line."
        )
    if not any(c.isalnum() for c in first_line):
        raise _Rejected(
            f"Article {path.name} has no title line (its first line has no words): put the "
            "title alone on the first line."
        )
    digest = hashlib.sha256(raw)
    sidecar_path = _sidecar_path(path)
    fields: dict[str, str] = {}
    if os.path.lexists(sidecar_path):
        sidecar_raw = _read_bytes(sidecar_path, "Sidecar")
        digest.update(sidecar_raw)
        fields = _sidecar_fields(sidecar_raw, sidecar_path.name)
    return _Read(path, text, digest.hexdigest(), _meta(first_line, fields))


def _sidecar_fields(raw: bytes, name: str) -> dict[str, str]:
    """The sidecar's fields, all strings (null means absent, ``published`` normalized to
    YYYY-MM-DD), after checking keys, types and values."""
    try:
        data = json.loads(_decode(raw, "Sidecar", name))
    except json.JSONDecodeError as error:
        raise _Rejected(
            f"Sidecar {name} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}): fix it or delete it."
        ) from None
    if not isinstance(data, dict):
        raise _Rejected(f"Sidecar {name} must hold a JSON object, not {type(data).__name__}.")
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        raise _Rejected(
            f"Sidecar {name} has unknown keys {', '.join(unknown)}: use only "
            f"{', '.join(SIDECAR_KEYS)}."
        )
    wrong = sorted(k for k, v in data.items() if v is not None and not isinstance(v, str))
    if wrong:
        raise _Rejected(f"Sidecar {name}: {', '.join(wrong)} must be strings (or null).")
    fields = {k: v.strip() for k, v in data.items() if v is not None and v.strip()}
    url = fields.get("url")
    if url is not None and not _is_web_url(url):
        raise _Rejected(
            f"Sidecar {name}: url {url!r} is not an absolute http(s) URL: give one with "
            "spaces, quotes and angle brackets percent-encoded."
        )
    language = fields.get("language")
    if language is not None and not _LANGUAGE.match(language):
        raise _Rejected(
            f"Sidecar {name}: language {language!r} is not a language tag like 'en' or 'en-GB'."
        )
    if "published" in fields:
        fields["published"] = _published(fields["published"], name).isoformat()
    return fields


def _is_web_url(url: str) -> bool:
    """An absolute http(s) URL that is also a valid IRI, as the article's IRI must be."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    try:
        NamedNode(url)
    except ValueError:  # spaces, quotes, angle brackets ... must be percent-encoded
        return False
    return True


def _published(value: str, name: str) -> dt.date:
    """The sidecar's ISO date ("2007-08-21", or an ISO date-time whose date is taken)."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        raise _Rejected(
            f"Sidecar {name}: published {value!r} is not an ISO date like 2007-08-21."
        ) from None


def _meta(first_line: str, fields: dict[str, str]) -> DocumentMeta:
    """The sidecar's fields; what it lacks stays empty until the segment stage infers it."""
    published = fields.get("published")
    return DocumentMeta(
        title=fields.get("title", first_line),
        url=fields.get("url"),
        published=dt.date.fromisoformat(published) if published else None,
        author=fields.get("author"),
        publisher=fields.get("publisher"),
        language=fields.get("language", "en"),
    )
