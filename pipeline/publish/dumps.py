"""Whole-dataset dumps, written from the exact N-Quads the store was loaded from.

Not from the store itself: Oxigraph canonicalizes integer-derived datatypes
(``"5"^^xsd:nonNegativeInteger`` is stored and served as ``"5"^^xsd:integer``, the same value),
while the dumps keep every literal exactly as the RDF contract writes it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from ..namespaces import PREFIXES

# name -> (media type, writer kind); every dump is gzip-compressed
DUMPS: dict[str, str] = {
    "ldpub.ttl.gz": "text/turtle",
    "ldpub.jsonld.gz": "application/ld+json",
    "ldpub.nt.gz": "application/n-triples",
    "ldpub.nq.gz": "application/n-quads",
}
CONTEXT_FILE = "context.jsonld"


def jsonld_context() -> dict[str, object]:
    """The published JSON-LD @context: the project's prefixes, nothing that changes meaning."""
    return {"@context": dict(PREFIXES)}


def _union(quads: Path) -> Iterator[ox.Triple]:
    """Every statement of every named graph, as triples (no triple is in two graphs)."""
    return (quad.triple for quad in ox.parse(path=str(quads), format=ox.RdfFormat.N_QUADS))


@contextmanager
def _gzip(path: Path) -> Iterator[IO[bytes]]:
    """A gzip writer with a fixed mtime, so equal content gives equal bytes and checksums.

    Level 6 (gzip's own default): half the time of level 9 for 5% more bytes.
    """
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as out,
    ):
        yield out


Parallel = Callable[[Callable[[str], None], Iterable[str]], Iterable[None]]


def write_dumps(
    quads: Path, folder: Path, parallel: Parallel = map
) -> Callable[[], dict[str, str]]:
    """Start writing the four dumps of the N-Quads file ``quads`` and the @context into
    ``folder``; the returned function waits for them and gives file name -> sha256.

    ``parallel`` is ``map`` (each dump written when waited for) or a process pool's ``map``
    (all written at once, by other processes, while the caller loads the store).
    """
    folder.mkdir(parents=True, exist_ok=True)
    context = jsonld_context()
    (folder / CONTEXT_FILE).write_text(json.dumps(context, indent=2) + "\n", encoding="utf-8")
    pending = parallel(partial(write_dump, quads=quads, folder=folder), DUMPS)

    def finish() -> dict[str, str]:
        for _ in pending:
            pass
        return {name: sha256_of(folder / name) for name in (*DUMPS, CONTEXT_FILE)}

    return finish


def write_dump(name: str, *, quads: Path, folder: Path) -> None:
    """One dump (a name of ``DUMPS``) of the N-Quads file ``quads``."""
    with _gzip(folder / name) as out:
        if name == "ldpub.nq.gz":
            with quads.open("rb") as source:
                shutil.copyfileobj(source, out)
        elif name == "ldpub.nt.gz":
            ox.serialize(_union(quads), out, ox.RdfFormat.N_TRIPLES)
        elif name == "ldpub.ttl.gz":
            ox.serialize(_union(quads), out, ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
        else:
            _write_jsonld(quads, jsonld_context(), out)


def _write_jsonld(quads: Path, context: dict[str, object], out: IO[bytes]) -> None:
    """``{"@context": ..., "@graph": [...]}``, the graph streamed by Oxigraph as it is read.

    The node objects use full IRIs (the context still serves readers who compact it); building
    the document in rdflib instead would hold the whole dataset in memory, several times over.
    """
    out.write(f'{{"@context": {json.dumps(context["@context"])},\n"@graph": '.encode())
    ox.serialize(_union(quads), out, ox.RdfFormat.JSON_LD)
    out.write(b"}\n")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(folder: Path, sums: dict[str, str]) -> None:
    """``SHA256SUMS`` in the format ``sha256sum -c`` reads."""
    lines = [f"{digest}  {name}\n" for name, digest in sorted(sums.items())]
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
