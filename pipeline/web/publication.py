"""The publication a build wrote under DIR, opened read-only and followed across rebuilds.

A build writes a new release beside the old one and swaps ``DIR/current`` atomically, so the
server re-reads that link (at most once a second) and opens the new release when it changes.
Each request takes one :class:`Publication` at its start and keeps it to the end, so no answer
mixes two releases; an old release stays open for as long as a request still holds it.

With a remote store (``--store URL``) the graphs are queried there and DIR still gives the
release's metadata, dumps and reports (``ldpub build --store URL`` fills both).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pipeline.store import RemoteStoreError, Store, is_remote, open_store

log = logging.getLogger(__name__)
T = TypeVar("T")


class PublicationError(ValueError):
    """DIR holds no publication the server can open."""


@dataclass(frozen=True)
class Publication:
    """One release: its folder (a real path), its store and its metadata."""

    root: Path
    store: Store = field(compare=False)
    meta: dict[str, Any] = field(compare=False)
    summary: dict[str, Any] = field(compare=False)
    remote: str = ""  # the remote store's query URL, "" for the embedded one

    @property
    def store_path(self) -> str:
        """Where query workers open the store: the remote URL or the release's folder."""
        return self.remote or str(self.root / "store")

    @property
    def dumps(self) -> Path:
        return self.root / "dumps"

    @property
    def release(self) -> str:
        return str(self.meta.get("release", self.root.name))

    @property
    def counts(self) -> dict[str, Any]:
        """The build's counts, from publication.json, completed by reports/summary.json."""
        return {**self.summary, **self.meta.get("counts", {})}

    @classmethod
    def open(cls, root: Path, remote: str = "", query_timeout: float | None = None) -> Publication:
        """Open a release folder read-only; OSError or ValueError if it is not one."""
        meta = json.loads((root / "publication.json").read_text(encoding="utf-8"))
        summary_file = root / "reports" / "summary.json"
        summary = (
            json.loads(summary_file.read_text(encoding="utf-8")) if summary_file.is_file() else {}
        )
        store = open_store(remote or str(root / "store"), query_timeout)
        return cls(root, store, meta, summary, remote)


def _release_dir(dist: Path) -> Path:
    return Path(os.path.realpath(dist / "current"))


class PublicationSource:
    """The current release under DIR, reopened when ``DIR/current`` points elsewhere."""

    def __init__(
        self,
        dist: Path,
        check_every: float = 1.0,
        store: str = "",
        query_timeout: float | None = None,  # how long a remote store may take per query
        on_open: Callable[[Publication], None] | None = None,  # each release, once opened
    ) -> None:
        self.dist = dist
        self._on_open = on_open
        self._check_every = check_every
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._remote = store
        self._query_timeout = query_timeout
        if store and not is_remote(store):
            raise PublicationError(
                f"--store {store!r} is not an http(s) URL; give the SPARQL endpoint of a "
                "remote store, or leave it empty to serve the embedded store."
            )
        root = _release_dir(dist)
        if not (store or (root / "store").is_dir()) or not (root / "publication.json").is_file():
            raise PublicationError(f"No publication in {dist}/: run `ldpub build` first.")
        try:
            self._current = Publication.open(root, store, query_timeout)
            if store:
                self._current.store.query("ASK { }")
        except RemoteStoreError as e:
            raise PublicationError(f"{e}; start the store or fix --store (LDPUB_STORE).") from e
        except (OSError, ValueError) as e:
            raise PublicationError(
                f"The publication in {dist}/ cannot be opened ({e}): run `ldpub build` again."
            ) from e
        self._opened()

    def _opened(self) -> None:
        if self._on_open is not None:
            self._on_open(self._current)

    def current(self) -> Publication:
        """The newest release, checking the link at most once per ``check_every`` seconds."""
        with self._lock:
            now = time.monotonic()
            if now - self._checked >= self._check_every:
                self._checked = now
                root = _release_dir(self.dist)
                if root != self._current.root:
                    try:
                        self._current = Publication.open(root, self._remote, self._query_timeout)
                        log.info("serving release %s", self._current.release)
                        self._opened()
                    except (OSError, ValueError) as e:
                        log.warning(
                            "keeping release %s: %s cannot be opened: %s",
                            self._current.release,
                            root,
                            e,
                        )
            return self._current


class PerRelease(Generic[T]):
    """One value per release, built on first use; only the two newest releases are kept."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._values: dict[str, T] = {}

    def __call__(self, pub: Publication) -> T:
        with self._lock:
            value = self._values.get(pub.release)
            if value is None:
                value = self._values[pub.release] = self._build(pub.store)
                while len(self._values) > 2:
                    del self._values[next(iter(self._values))]
            return value
