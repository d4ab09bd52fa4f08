"""The build cache in ``DIR/cache/``: what earlier builds learned about each document.

A document whose bytes and sidecar are unchanged is not analysed again, and a document graph
whose inputs (analysis, resolved entities, base URI) are unchanged is neither mapped nor
validated again. Every key also holds the build's ``identity``: the ldpub code, the model's
files, the shapes and the ontology, so changing any of them starts afresh.

Entries are pickles of ldpub's own records, written by ldpub into its own output folder; each
is written aside and renamed into place, so a killed build never leaves half an entry. An entry
that cannot be read is ignored with a warning and computed again. Entries no build used last
time are removed (``prune``), so the cache holds one corpus, not every corpus ever built.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .records import Quarantined

PACKAGE = Path(__file__).resolve().parent
KINDS = ("analysis", "graph")


SERVING = frozenset({"web", "store"})  # subpackages a build does not run


def fingerprint(
    *folders: Path, patterns: Iterable[str] = ("**/*",), skip: frozenset[str] = frozenset()
) -> str:
    """sha256 over the names and bytes of the files under ``folders`` matching ``patterns``,
    except those in a subfolder named in ``skip``."""
    digest = hashlib.sha256()
    patterns = tuple(patterns)
    for folder in folders:
        files = sorted(
            {
                p
                for pattern in patterns
                for p in folder.glob(pattern)
                if p.is_file() and p.relative_to(folder).parts[0] not in skip
            }
        )
        for path in files:
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code() -> str:
    """The fingerprint of the code as it was when this process started using it."""
    return fingerprint(
        PACKAGE, patterns=("**/*.py", "data/*", "models/ldpub_relations/*"), skip=SERVING
    )


def build_identity(model_files: Path, *data_folders: Path) -> str:
    """What every cached result depends on besides the document: code, model, shapes, ontology."""
    return hashlib.sha256(
        "\0".join((__version__, _code(), fingerprint(model_files, *data_folders))).encode()
    ).hexdigest()


class CacheWarning(UserWarning):
    """A cache entry could not be read; it is ignored and computed again."""


class BuildCache:
    """Entries by kind and key under ``folder``; ``enabled=False`` reads nothing (a full build)."""

    def __init__(self, folder: Path, identity: str, *, enabled: bool = True) -> None:
        self.folder = folder
        self.identity = identity
        self.enabled = enabled
        self.used: dict[str, set[str]] = {kind: set() for kind in KINDS}
        self.hits: dict[str, int] = dict.fromkeys(KINDS, 0)

    def __getstate__(self) -> dict[str, Any]:
        """A worker's copy starts with nothing used: the build's own copy keeps that record,
        and a task need not carry the keys of the whole corpus."""
        return {
            **self.__dict__,
            "used": {kind: set() for kind in KINDS},
            "hits": dict.fromkeys(KINDS, 0),
        }

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.identity.encode())
        for part in parts:
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str) -> Any | None:
        """The entry, or None when there is none (or it is unreadable: then with a warning).

        A disabled cache still answers with what this build wrote: a round of validation
        after a quarantine reuses the documents the quarantine did not change.
        """
        if not (self.enabled or key in self.used[kind]):
            return None
        value = self.written(kind, key)
        if value is not None:
            self.used[kind].add(key)
            self.hits[kind] += 1
        return value

    def written(self, kind: str, key: str) -> Any | None:
        """The entry as stored, without ``get``'s check that this build used it: a worker's copy
        of the cache does not know what the build used, so the caller vouches for the key. None
        when it is gone or unreadable (then with a warning)."""
        path = self._path(kind, key)
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a truncated or foreign file: any unpickling error
            warnings.warn(
                f"ignoring unreadable cache entry {path} ({type(exc).__name__}); "
                "it is computed again",
                CacheWarning,
                stacklevel=2,
            )
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store ``value`` atomically: written to a temporary file, then renamed into place."""
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.keep(kind, key)

    def keep(self, kind: str, key: str) -> None:
        """Keep the entry past ``prune`` (one written by a worker process's copy of the cache)."""
        self.used[kind].add(key)

    def prune(self) -> None:
        """Remove the entries (and leftover temporary files) this build did not use."""
        for kind in KINDS:
            for path in (self.folder / kind).glob("*/*"):
                if path.stem not in self.used[kind] or path.suffix != ".pickle":
                    path.unlink(missing_ok=True)


class LastBuild:
    """Which release the last build published, from which inputs (``cache/last-build.json``)."""

    name = "last-build.json"

    def record(
        self, out: Path, inputs_key: str, release: str, quarantined: Sequence[Quarantined]
    ) -> None:
        path = out / "cache" / self.name
        path.parent.mkdir(parents=True, exist_ok=True)
        rejected = [
            {"path": str(q.path), "reason": q.reason, "report": q.report} for q in quarantined
        ]
        record = {"inputs": inputs_key, "release": release, "quarantined": rejected}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, path)

    def release_for(self, out: Path, inputs_key: str) -> tuple[Path, list[Quarantined]] | None:
        """The current release's folder and its quarantine if these inputs built it, else None."""
        try:
            last = json.loads((out / "cache" / self.name).read_text(encoding="utf-8"))
            current = (out / "current").resolve(strict=True)
            if last["inputs"] != inputs_key or current.name != last["release"]:
                return None
            rejected = [
                Quarantined(Path(q["path"]), q["reason"], q["report"]) for q in last["quarantined"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not (current / "reports" / "summary.json").is_file():
            return None
        return current, rejected


LAST_BUILD = LastBuild()
