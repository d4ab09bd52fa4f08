"""Sentences with their mentions marked inline, for hand-written test and evaluation data.

``[Hamas|O] leader [Ismail Haniyeh|P] spoke.`` marks an organization and a person; ``^`` inside
a person marks where the name starts after a title (``[Gen. ^Ali Reza|P]``) and ``=`` gives the
name a quote stands for (``[Lebanese=Lebanon|L]``, a country adjective naming the country).
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.records import AnalyzedDocument, Document, DocumentMeta, EntityKind, Mention, Sentence

KINDS = {"P": EntityKind.PERSON, "O": EntityKind.ORGANIZATION, "L": EntityKind.PLACE}
MARK = re.compile(r"\[([^\]|]+)\|([POL])\]")


def plain(marked: str) -> str:
    """The text without its marks."""
    return MARK.sub(lambda m: m.group(1).split("=")[0].replace("^", ""), marked)


def marked_document(marked: str, doc_id: str = "t") -> AnalyzedDocument:
    """A document whose sentences are the lines of ``marked`` and whose mentions are marked."""
    text, pos = "", 0
    spans: list[tuple[int, str, str, str, str]] = []
    for match in MARK.finditer(marked):
        text += marked[pos : match.start()]
        quote, _, name = match.group(1).partition("=")
        title, _, bare = quote.rpartition("^")
        quote = quote.replace("^", "")
        spans.append((len(text), quote, name or bare, title.strip(), match.group(2)))
        text += quote
        pos = match.end()
    text += marked[pos:]
    sentences, start = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(start, start + len(line), line))
        start += len(line) + 1
    mentions = tuple(
        Mention(
            begin, begin + len(quote), quote, KINDS[kind], name,
            next(s for s in sentences if s.start <= begin <= s.end), (title,) if title else (),
        )
        for begin, quote, name, title, kind in spans
    )  # fmt: skip
    document = Document(doc_id, Path(f"{doc_id}.txt"), text, "0", DocumentMeta(title=doc_id))
    return AnalyzedDocument(document, (), tuple(sentences), mentions)
