"""Reading documents: seeds, fixtures with sidecars, and every way a user can hand us a bad file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.documents import InputError, read_documents, slugify
from pipeline.records import Document, DocumentMeta, Quarantined, SegmentKind
from pipeline.segment import complete_meta, segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = Path(__file__).resolve().parent / "data" / "documents" / "corpus"
ARTICLE = "A title\n\nA body paragraph that reports something.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read_completed(paths: list[Path]) -> tuple[list[Document], list[Quarantined]]:
    """Read, then infer the metadata the segment stage infers, as the build does."""
    docs, quarantined = read_documents(paths)
    return [complete_meta(d, segment(d)) for d in docs], quarantined


def read_one(path: Path) -> DocumentMeta:
    docs, quarantined = read_completed([path])
    assert quarantined == []
    (doc,) = docs
    return doc.meta


def reason_for(path: Path) -> str:
    _, quarantined = read_documents([path.parent])
    assert [q.path for q in quarantined] == [path]
    return quarantined[0].reason


def test_seeds_read_with_inferred_metadata() -> None:
    docs, quarantined = read_completed([SEEDS])
    assert quarantined == []
    assert [d.doc_id for d in docs] == [
        "000-dcf4860e397032ac",
        "002-8b18bf7be45936cb",
        "003-5e68864f75b354a2",
    ]
    assert [d.meta.published for d in docs] == [
        dt.date(2007, 8, 21),
        dt.date(2018, 9, 7),
        dt.date(2007, 11, 26),
    ]
    assert [d.meta.author for d in docs] == ["Bill Roggio"] * 3
    for d in docs:
        assert d.meta.published_inferred and d.meta.author_inferred
        assert d.meta.title == d.text.split("\n", 1)[0]
        assert d.sha256 == hashlib.sha256(d.path.read_bytes()).hexdigest()
        assert d.meta.language == "en" and d.meta.url is None


def test_fixture_corpus_sidecar_inference_and_order() -> None:
    docs, quarantined = read_completed([CORPUS])
    assert quarantined == []
    first, second = docs  # notes.md and the sidecar are not articles
    assert (first.doc_id, second.doc_id) == ("a-post", "b-post")
    assert first.meta == DocumentMeta(
        title="Rebels seize northern town after week of fighting",
        url="https://news.example.org/2020/03/rebels-seize-town",
        published=dt.date(2020, 3, 2),
        published_inferred=False,
        author="Jane Doe",  # the sidecar has none: from the bio line
        author_inferred=True,
        publisher="Example Wire",
        language="en",
    )
    sidecar = CORPUS / "a_post.meta.json"
    raw = (CORPUS / "a_post.txt").read_bytes() + sidecar.read_bytes()
    assert first.sha256 == hashlib.sha256(raw).hexdigest()
    # no sidecar: the latest full date, the byline's name
    assert (second.meta.published, second.meta.author) == (dt.date(2021, 4, 12), "John Roe")
    assert second.meta.published_inferred and second.meta.author_inferred


def test_sidecar_overrides_text(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", "Text title\n\nJane Doe is a reporter at X.\n\nMay 1, 2001\n")
    sidecar = {"title": "Better title", "author": "Sam Poe", "published": "2002-03-04T10:00"}
    write(tmp_path, "x.meta.json", json.dumps(sidecar))
    meta = read_one(path)
    assert (meta.title, meta.author, meta.published) == (
        "Better title",
        "Sam Poe",
        dt.date(2002, 3, 4),
    )
    assert not meta.author_inferred and not meta.published_inferred


def test_null_sidecar_fields_are_inferred(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", "Title\n\nBody on 1 May 2001.\n")
    write(tmp_path, "x.meta.json", '{"published": null, "author": null}')
    meta = read_one(path)
    assert (meta.published, meta.published_inferred) == (dt.date(2001, 5, 1), True)
    assert (meta.author, meta.author_inferred) == (None, False)


def test_future_dates_are_ignored(tmp_path: Path) -> None:
    future = dt.date.today() + dt.timedelta(days=400)
    text = f"Title\n\nOn March 1, 2001 and on {future:%B} {future.day}, {future.year}.\n"
    assert read_one(write(tmp_path, "x.txt", text)).published == dt.date(2001, 3, 1)


def test_no_date_no_author_means_none(tmp_path: Path) -> None:
    meta = read_one(write(tmp_path, "x.txt", ARTICLE))
    assert meta == DocumentMeta(title="A title")


def test_bom_and_crlf_are_normalized_and_offsets_hold(tmp_path: Path) -> None:
    raw = ("\ufeff" + ARTICLE + "Old Mac line\r\rend").replace("\n", "\r\n").encode("utf-8")
    path = write(tmp_path, "x.txt", raw)
    (doc,), _ = read_documents([path])
    assert doc.text == "A title\n\nA body paragraph that reports something.\nOld Mac line\n\nend"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    for s in segment(doc):
        assert doc.text[s.start : s.end] == s.text
    assert segment(doc)[0].kind is SegmentKind.TITLE


def test_doc_ids_are_slugs_made_unique_deterministically(tmp_path: Path) -> None:
    a = write(tmp_path, "a/Story One.txt", ARTICLE)
    b = write(tmp_path, "b/story_one.txt", ARTICLE)
    c = write(tmp_path, "c/story-one-2.txt", ARTICLE)
    d = write(tmp_path, "d/Café.txt", ARTICLE)
    e = write(tmp_path, "e/日本.txt", ARTICLE)
    docs, _ = read_documents([tmp_path])
    assert [(x.path, x.doc_id) for x in docs] == [
        (a, "story-one"),
        (b, "story-one-3"),  # -2 is taken by c's own stem
        (c, "story-one-2"),
        (d, "cafe"),
        (e, "document"),
    ]
    assert [x.doc_id for x in read_documents([tmp_path])[0]] == [x.doc_id for x in docs]


def test_slugify() -> None:
    assert slugify("000_dcf4860e397032ac") == "000-dcf4860e397032ac"
    assert slugify("  --Hello, World!--") == "hello-world"


def test_inputs_in_order_files_and_folders_deduplicated(tmp_path: Path) -> None:
    z = write(tmp_path, "dir/z.txt", ARTICLE)
    a = write(tmp_path, "dir/a.txt", ARTICLE)
    nested = write(tmp_path, "dir/sub/m.TXT", ARTICLE)
    single = write(tmp_path, "single.text", ARTICLE)  # an explicit file needs no .txt
    docs, quarantined = read_documents([single, tmp_path / "dir", z])
    assert quarantined == []
    assert [d.path for d in docs] == [single, a, nested, z]
    assert docs[0].doc_id == "single"


def test_missing_input_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"does not exist: pass existing article files"):
        read_documents([tmp_path / "nope", SEEDS])
    assert issubclass(InputError, ValueError)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n", "contains only whitespace"),
        (b"Title\n\x00\x01\x02binary", "binary file"),
        ("Title\n".encode("utf-16"), "UTF-16"),
        (
            b"Title\n\nCaf\xe9 au lait",
            "not valid UTF-8 (invalid byte 0xe9 at byte offset 10, line 3)",
        ),
        (b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "is HTML, not plain text"),
        (b"Title\n" + b"<p>para</p>\n" * 11, "is HTML"),
        (b"x" * 400 + b"\n\nbody", "no title line (its first line is over 300 characters)"),
        (b"----\n\nbody", "no title line (its first line has no words)"),
    ],
)
def test_bad_content_is_quarantined(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = write(tmp_path, "bad.txt", content)
    good = write(tmp_path, "good.txt", ARTICLE)
    docs, quarantined = read_documents([tmp_path])
    assert [d.path for d in docs] == [good]
    assert [q.path for q in quarantined] == [bad]
    assert reason in quarantined[0].reason
    assert quarantined[0].reason.startswith("Article bad.txt ")


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("{not json", "is not valid JSON (line 1, column 2"),
        ("[1, 2]", "must hold a JSON object, not list"),
        ('{"author": "A", "date": "2001-01-01", "x": 1}', "unknown keys date, x: use only url,"),
        ('{"author": 42, "title": ["t"]}', "author, title must be strings"),
        ('{"published": "21 August 2007"}', "published '21 August 2007' is not an ISO date"),
        ('{"url": "not a url"}', "is not an absolute http(s) URL"),
        ('{"url": "https://example.org/?q=\\"<b>"}', "angle brackets percent-encoded"),
        ('{"language": "English (UK)"}', "is not a language tag"),
        (b"\xff{}", "Sidecar bad.meta.json is not valid UTF-8"),
    ],
)
def test_bad_sidecar_is_quarantined(tmp_path: Path, sidecar: str | bytes, reason: str) -> None:
    bad = write(tmp_path, "bad.txt", ARTICLE)
    write(tmp_path, "bad.meta.json", sidecar)
    assert reason in reason_for(bad)


def test_explicit_sidecar_input_is_quarantined(tmp_path: Path) -> None:
    write(tmp_path, "x.txt", ARTICLE)
    sidecar = write(tmp_path, "x.meta.json", "{}")
    docs, quarantined = read_documents([sidecar])
    assert docs == []
    assert quarantined[0].reason == (
        "x.meta.json is a metadata sidecar, not an article: pass the article x.txt (or its folder)."
    )


def test_broken_symlink_and_loop_are_quarantined(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "missing.txt")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (tmp_path / "dirloop").symlink_to(tmp_path, target_is_directory=True)  # never entered
    write(tmp_path, "good.txt", ARTICLE)
    docs, quarantined = read_documents([tmp_path])
    assert [d.path.name for d in docs] == ["good.txt"]
    reasons = {q.path.name: q.reason for q in quarantined}
    assert "is a broken symbolic link" in reasons["broken.txt"]
    assert "is a symbolic link loop" in reasons["loop.txt"]
    # a broken symlink given explicitly exists as a path: it is quarantined, not an InputError
    assert read_documents([broken])[1][0].path == broken


def test_size_limit_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LDPUB_MAX_DOCUMENT_MB", str(10 / 1024 / 1024))
    bad = write(tmp_path, "big.txt", ARTICLE)
    assert f"is {len(ARTICLE)} bytes, over the limit of 10 bytes" in reason_for(bad)


def test_size_limit_flag_of_build(tmp_path: Path) -> None:
    """``ldpub build --max-document-mb`` reaches the reader, which runs outside the CLI."""
    write(tmp_path / "in", "a.txt", ARTICLE)
    ldpub = Path(sys.executable).with_name("ldpub")
    args = [str(ldpub), "build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    proc = subprocess.run([*args, "--max-document-mb", "0.00001"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "over the limit of 10 bytes (setting max_document_mb)" in proc.stderr


def test_unreadable_file_is_quarantined(tmp_path: Path) -> None:
    """chmod 000 stops no root process, so root reads without its DAC-override capabilities."""
    bad = write(tmp_path, "locked.txt", ARTICLE)
    write(tmp_path, "open.txt", ARTICLE)
    bad.chmod(0)
    reader = (
        "import sys; from pathlib import Path; from pipeline.documents import read_documents; "
        "d, q = read_documents([Path(sys.argv[1])]); print([x.path.name for x in d], q[0].reason)"
    )
    command = [sys.executable, "-c", reader, str(tmp_path)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root needs util-linux's setpriv to drop the capability to read anything")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    finally:
        bad.chmod(0o644)
    assert proc.stdout.strip() == (
        "['open.txt'] Article locked.txt cannot be read (permission denied): make it readable "
        "(chmod +r) or leave it out."
    )


def test_a_folder_named_like_an_article_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    write(tmp_path, "folder.txt/inner.txt", ARTICLE)
    docs, quarantined = read_documents([tmp_path])
    assert [d.path.name for d in docs] == ["inner.txt"] and quarantined == []
