"""Hostile inputs to ``ldpub build``: each bad file is quarantined with its reason, the rest
published, and the exit code says so."""

from __future__ import annotations

import hashlib
import resource
import tracemalloc
from pathlib import Path

import pyoxigraph as ox

from pipeline.documents import read_documents
from tests.hostile.conftest import BIG_ARTICLE_BYTES, MixedBuild

# File -> the words its one-sentence reason must hold.
EXPECTED = {
    "empty.txt": "is empty",
    "binary.txt": "is a binary file",
    "latin1.txt": "is not valid UTF-8 (invalid byte 0xe9",
    "page.txt": "is HTML, not plain text",
    "huge.txt": "bytes, over the limit of 20971520 bytes (setting max_document_mb)",
    "loop.txt": "is a symbolic link loop",
    "badmeta.txt": "Sidecar badmeta.meta.json is not valid JSON",
    "fifo.txt": "is not a regular file",
    "device.txt": "is not a regular file",
    "locked.txt": "cannot be read (permission denied)",
}
PUBLISHED = {"plain", "markup", "no-entities"}


def test_exit_code_says_some_were_quarantined(mixed_build: MixedBuild) -> None:
    assert mixed_build.proc.returncode == 1, mixed_build.proc.stderr
    assert "Traceback" not in mixed_build.proc.stderr
    assert f"published to {mixed_build.out}/" in mixed_build.proc.stderr


def test_each_bad_file_is_quarantined_with_one_clear_reason(mixed_build: MixedBuild) -> None:
    reasons = mixed_build.quarantine()
    assert set(reasons) == set(EXPECTED)
    for name, words in EXPECTED.items():
        reason = reasons[name]
        assert words in reason, (name, reason)
        assert reason.endswith(".") and "\n" not in reason, reason
        # the same sentence is on stderr, one line per file
        assert f"quarantined {mixed_build.inputs / name}: {reason}\n" in mixed_build.proc.stderr


def test_the_good_articles_are_published(mixed_build: MixedBuild) -> None:
    store = ox.Store.read_only(str(mixed_build.out / "store"))
    articles = {
        row["a"].value.rsplit("/", 1)[1]
        for row in store.query(
            "SELECT ?a WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> } }"
        )
    }
    assert articles == PUBLISHED
    # the article without names is published with its text and no mention
    mentions = store.query(
        "ASK { GRAPH ?g { ?m <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e } "
        "FILTER(STRENDS(STR(?g), '/graph/no-entities')) }"
    )
    assert not mentions


def test_dumps_of_the_mixed_build_verify(mixed_build: MixedBuild) -> None:
    dumps = mixed_build.out / "dumps"
    for line in (dumps / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((dumps / name).read_bytes()).hexdigest() == digest, name


def test_the_size_cap_never_reads_the_file(tmp_path: Path) -> None:
    """A 50 MB article is refused from its size: little memory, little time, no bytes read."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as out:
        out.truncate(BIG_ARTICLE_BYTES)  # sparse: if it were read, tracemalloc would see 50 MB
    tracemalloc.start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_inblock
    documents, quarantined = read_documents([tmp_path])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert documents == [] and "over the limit of 20971520 bytes" in quarantined[0].reason
    assert peak < 1024 * 1024, peak
    assert resource.getrusage(resource.RUSAGE_SELF).ru_inblock - before < 1000
