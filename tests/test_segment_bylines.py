"""Bylines and credit lines in the shapes news and blog pages write them: never read as body,
and their person is the page's author, not an entity of the article.

The lines and names are written for these tests (none from seeds/ or an evaluation set).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.records import Document, DocumentMeta, SegmentKind
from pipeline.segment import bio_author, complete_meta, segment_text

K = SegmentKind
BODY = (
    "Floodwater cut the road between the two villages on Monday, the district council said.\n\n"
    "Engineers expect to reopen it by the end of the week."
)


def page(line: str) -> str:
    return f"Floods cut village road\n\n{line}\n\n{BODY}\n\nTags: floods, roads"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Posted by Lena Marsh on March 3, 2022", "Lena Marsh"),
        ("Posted on March 3, 2022 by Lena Marsh", "Lena Marsh"),
        ("Posted on 2022-03-03 at 9:15 by Lena Marsh", "Lena Marsh"),
        ("Posted by Lena Marsh at 9:15 am", "Lena Marsh"),
        ("Written by Lena Marsh", "Lena Marsh"),
        ("Story by Lena Marsh and Tomas Berg", "Lena Marsh and Tomas Berg"),
        ("Words by Lena Marsh, photos by Tomas Berg", "Lena Marsh"),
        ("By Lena Marsh and Tomas Berg", "Lena Marsh and Tomas Berg"),
        ("By Lena Marsh, Tomas Berg and Ines Okafor", "Lena Marsh, Tomas Berg and Ines Okafor"),
        ("By Lena Marsh & Tomas Berg, Valley Herald", "Lena Marsh & Tomas Berg"),
        ("By: Lena Marsh", "Lena Marsh"),
        ("By Lena Marsh in Lisbon", "Lena Marsh"),
        ("By Lena Marsh | Oct. 11, 2022", "Lena Marsh"),
        ("Lena Marsh, Staff Writer", "Lena Marsh"),
        ("Lena Marsh, Valley Herald Senior Correspondent", "Lena Marsh"),
        ("Lena Marsh, Bureau Chief in Lisbon", "Lena Marsh"),
        ("Lena Marsh | Reuters", "Lena Marsh"),
        ("Contributor: Lena Marsh", "Lena Marsh"),
        ("Authors: Lena Marsh and Tomas Berg", "Lena Marsh and Tomas Berg"),
        ("Reporting by Lena Marsh; Editing by Tomas Berg", "Lena Marsh"),
        (
            "(Reporting by Lena Marsh and Ines Okafor in Lisbon; Writing by Tomas Berg; "
            "Editing by Ana Ruiz)",
            "Lena Marsh and Ines Okafor",
        ),
    ],
)
def test_byline_above_the_article_is_bio(line: str, author: str) -> None:
    segments = segment_text(page(line))
    assert [s.kind for s in segments] == [K.TITLE, K.BIO, K.BODY, K.BODY, K.TAGS]
    assert bio_author(segments[1].text) == author


@pytest.mark.parametrize(
    "line",
    [
        "Posted by Lena Marsh on March 3, 2022",
        "Contributor: Lena Marsh",
        "(Additional reporting by Lena Marsh in Porto; Editing by Tomas Berg)",
    ],
)
def test_credit_lines_are_bio_wherever_they_stand(line: str) -> None:
    text = f"Floods cut village road\n\n{BODY}\n\n{line}\n\nA third paragraph says it rained again."
    assert [s.kind for s in segment_text(text)] == [K.TITLE, K.BODY, K.BODY, K.BIO, K.BODY]


@pytest.mark.parametrize("line", ["Lena Marsh, Staff Writer", "Lena Marsh | Valley Herald"])
def test_byline_at_the_foot_is_bio(line: str) -> None:
    segments = segment_text(f"Floods cut village road\n\n{BODY}\n\n{line}\n\nTags: floods")
    assert [s.kind for s in segments] == [K.TITLE, K.BODY, K.BODY, K.BIO, K.TAGS]


def test_wire_credit_closing_a_paragraph_is_cut_off_with_exact_offsets() -> None:
    last = (
        "The council said repairs would cost more than planned. "
        "(Reporting by Lena Marsh in Lisbon; Editing by Tomas Berg)"
    )
    text = f"Floods cut village road\n\n{BODY}\n\n{last}"
    segments = segment_text(text)
    assert [s.kind for s in segments] == [K.TITLE, K.BODY, K.BODY, K.BODY, K.BIO]
    assert segments[3].text == "The council said repairs would cost more than planned."
    assert segments[4].text == "(Reporting by Lena Marsh in Lisbon; Editing by Tomas Berg)"
    assert all(text[s.start : s.end] == s.text for s in segments)


@pytest.mark.parametrize(
    "line",
    [
        "By Sunday Iraqi, Kurdish and Turkish forces had closed the border.",
        "By Tuesday the rebels had withdrawn from the hills.",
        "Reporting by local media suggested the toll was higher.",
        "Reporting by Valley Herald suggested the toll was higher.",
        "The report was written by Lena Marsh, a former officer.",
        "Written by Lena Marsh and directed by Tomas Berg, the film opened in Lisbon.",
        "Posted guards by the gate, the police waited for the convoy.",
    ],
)
def test_sentences_that_open_like_credits_stay_body(line: str) -> None:
    text = f"Floods cut village road\n\n{BODY}\n\n{line}\n\nA last paragraph says it rained."
    assert [s.kind for s in segment_text(text)] == [K.TITLE, K.BODY, K.BODY, K.BODY, K.BODY]


def test_byline_person_is_the_inferred_author() -> None:
    text = page("Posted on March 3, 2022 by Lena Marsh")
    document = Document("d", Path("d.txt"), text, "0" * 64, DocumentMeta(title="t"))
    meta = complete_meta(document, segment_text(text)).meta
    assert (meta.author, meta.author_inferred) == ("Lena Marsh", True)
    assert meta.published is not None and meta.published.isoformat() == "2022-03-03"
