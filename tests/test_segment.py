"""Segmentation: the seeds' page shapes, synthetic variants of them, and the offset invariants."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import Document, DocumentMeta, Segment, SegmentKind
from pipeline.segment import bio_author, find_timestamps, segment, segment_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
K = SegmentKind


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def kinds(segments: tuple[Segment, ...]) -> list[SegmentKind]:
    return [s.kind for s in segments]


def of_kind(segments: tuple[Segment, ...], kind: SegmentKind) -> list[Segment]:
    return [s for s in segments if s.kind is kind]


def assert_invariants(text: str, segments: tuple[Segment, ...]) -> None:
    end = 0
    for s in segments:
        assert end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        end = s.end


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", {K.TITLE: 1, K.BODY: 11, K.CAPTION: 5, K.BIO: 1, K.TAGS: 1, K.COMMENT: 15,
                 K.NAVIGATION: 3}),
        ("002", {K.TITLE: 1, K.CAPTION: 2, K.NOTE: 1, K.BODY: 29, K.BIO: 1, K.TAGS: 1,
                 K.COMMENT: 12, K.NAVIGATION: 3}),
        ("003", {K.TITLE: 1, K.CAPTION: 1, K.BODY: 16, K.BIO: 1, K.TAGS: 1, K.COMMENT: 6,
                 K.NAVIGATION: 3}),
    ],
)  # fmt: skip
def test_seed_segment_counts(prefix: str, expected: dict[SegmentKind, int]) -> None:
    text = seed(prefix)
    segments = segment_text(text)
    assert_invariants(text, segments)
    assert Counter(kinds(segments)) == expected
    assert segments[0].kind is K.TITLE
    # the page order: title ... bio, tags, comments, navigation
    tail = [k for k in kinds(segments) if k in (K.BIO, K.TAGS, K.COMMENT, K.NAVIGATION)]
    assert tail == sorted(tail, key=[K.BIO, K.TAGS, K.COMMENT, K.NAVIGATION].index)


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_seed_commenters_never_in_fact_segments(prefix: str) -> None:
    segments = segment_text(seed(prefix))
    names = {c.author for c in of_kind(segments, K.COMMENT) if c.author}
    assert names
    facts = "\n".join(s.text for s in segments if s.kind.carries_facts)
    for name in names:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", facts), name
    for comment in of_kind(segments, K.COMMENT):
        assert comment.text not in facts


def test_seed_000_shapes() -> None:
    segments = segment_text(seed("000"))
    comments = of_kind(segments, K.COMMENT)
    assert [c.author for c in comments[:4]] == ["lefty", "Evan", "TI", "Fat Man"]
    assert comments[-1].author is None  # a bullet without "says:"
    assert comments[-1].text.startswith("When Sadr says he wants")
    assert "says:" not in " ".join(c.text for c in comments[:-1]).split("\n")[0]
    captions = [c.text for c in of_kind(segments, K.CAPTION)]
    assert "Imad Fayez Mugniyah" in captions  # a short label between paragraphs
    assert all(c.lower().endswith("click to view.") for c in captions if c != "Imad Fayez Mugniyah")
    (bio,) = of_kind(segments, K.BIO)
    assert bio_author(bio.text) == "Bill Roggio"
    assert [n.text for n in of_kind(segments, K.NAVIGATION)] == [
        "Islamic state",
        "Al shabaab",
        "Boko Haram",
    ]


def test_seed_002_note_caption_and_quoted_comment() -> None:
    segments = segment_text(seed("002"))
    assert segments[1].kind is K.CAPTION  # ", middle, ... , right, ... , left,"
    assert segments[2].kind is K.NOTE
    assert any(c.text.startswith("This map was created") for c in of_kind(segments, K.CAPTION))
    quoting = next(c for c in of_kind(segments, K.COMMENT) if c.author == "KW Greenwood")
    # the quoted comment's header and time belong to the text, not to this comment
    assert quoting.text.startswith("“Gute says:")
    assert quoting.timestamp is None


def test_segment_reads_document_text() -> None:
    text = "A title\n\nA body paragraph that says something."
    meta = DocumentMeta(title="A title")
    document = Document("a", Path("a.txt"), text, "0" * 64, meta)
    assert segment(document) == segment_text(text)


ARTICLE = """\
Rebels seize northern town

By Jane Doe, Example Wire

Rebels seized the town of Exampleville on Monday, officials said.

Hadi al Ameri is the head of the Badr Organization, according to the ministry.

Advertisement

Governor Smith said the army would respond within days.

Jane Doe is a staff reporter at Example Wire covering conflict.

Filed under: Conflict, Africa
"""


def test_article_without_comments() -> None:
    segments = segment_text(ARTICLE)
    assert kinds(segments) == [
        K.TITLE, K.BIO, K.BODY, K.BODY, K.NAVIGATION, K.BODY, K.BIO, K.TAGS,
    ]  # fmt: skip
    # a bio-shaped sentence inside the article is a fact, not a bio
    assert segments[3].text.startswith("Hadi al Ameri is the head")
    assert bio_author(segments[1].text) == "Jane Doe"
    assert bio_author(segments[6].text) == "Jane Doe"


def test_article_without_bio_and_short_trailing_lines() -> None:
    text = "Title\n\nThe body says a thing.\n\nHome\n\nAbout us\n\nContact"
    assert kinds(segment_text(text)) == [K.TITLE, K.BODY, K.NAVIGATION, K.NAVIGATION, K.NAVIGATION]


def test_short_lines_alone_stay_body() -> None:
    assert kinds(segment_text("Title\n\nOnly a short line")) == [K.TITLE, K.BODY]


def test_crlf_text_segments_cleanly() -> None:
    text = ARTICLE.replace("\n", "\r\n")
    segments = segment_text(text)
    assert_invariants(text, segments)
    assert all("\r" not in s.text for s in segments)
    assert len(segments) == len(segment_text(ARTICLE))


def test_hard_wrapped_paragraph_is_one_segment() -> None:
    wrapped = (
        "Title\n\n"
        "Rebels seized the town of Exampleville on Monday after\n"
        "a week of fighting, officials in the capital said on\n"
        "Tuesday.\n\n"
        "Second paragraph."
    )
    assert [s.text.count("\n") for s in segment_text(wrapped)] == [0, 2, 0]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    text = (
        "Title\n"
        "Qods Force logo, click to view.\n"
        "A long first paragraph that reports a fact, and it goes on well past the wrap width "
        "of any hard-wrapped text file, so it is a paragraph of its own.\n"
        "Tags: one, two"
    )
    assert kinds(segment_text(text)) == [K.TITLE, K.CAPTION, K.BODY, K.TAGS]


def test_caption_markers() -> None:
    text = (
        "Title\n\nFirst paragraph.\n\n"
        "Soldiers patrol a market in Basra (AP Photo/John Smith)\n\n"
        "Second paragraph.\n\n"
        "Ali Hassan, left, and Omar Said, right, at the talks.\n\n"
        "Third paragraph."
    )
    assert kinds(segment_text(text)) == [
        K.TITLE, K.BODY, K.CAPTION, K.NOTE, K.BODY, K.CAPTION, K.BODY,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "credit",
    [
        "(Photo: Velmar Press)",
        "[AP Photo/Jane Roe]",
        "(Photo by Jane Roe)",
        "(Jane Roe/Velmar Press photo)",
        "[File photo]",
    ],
)
def test_a_photo_credit_closing_a_caption_is_apart_from_it(credit: str) -> None:
    text = (
        "Title\n\nFirst paragraph of the report, long enough to be the body.\n\n"
        f"Mourners carry a coffin through Odra on Wednesday. {credit}\n\nSecond paragraph."
    )
    segments = segment_text(text)
    assert [(s.kind, s.text) for s in segments[2:4]] == [
        (K.CAPTION, "Mourners carry a coffin through Odra on Wednesday."),
        (K.NOTE, credit),
    ]
    assert all(text[s.start : s.end] == s.text for s in segments)  # offsets stay exact


def test_heading_like_sentence_is_not_a_caption() -> None:
    text = "Title\n\nFirst.\n\nBackground on the networks and the targeting of cells\n\nSecond."
    assert kinds(segment_text(text))[2] is K.BODY


COMMENT_VARIANTS = {
    "bullet, time on next line": (
        "  • Ann Lee says:\n\n    September 7, 2018 at 5:59 pm\n\n    Great piece.\n",
        ("Ann Lee", dt.datetime(2018, 9, 7, 17, 59), "Great piece."),
    ),
    "time after says": (
        "* Ann Lee says: 07/09/2018 at 10:15 am\n  Great piece.\n",
        ("Ann Lee", dt.datetime(2018, 7, 9, 10, 15), "Great piece."),
    ),
    "on ... said": (
        "- Ann Lee on 2018-09-07 17:59 said:\n    Great piece.\n",
        ("Ann Lee", dt.datetime(2018, 9, 7, 17, 59), "Great piece."),
    ),
    "flat, wrote": (
        "Ann Lee wrote:\n7 September 2018\nGreat piece.\nSecond line.\n",
        ("Ann Lee", dt.datetime(2018, 9, 7), "Great piece.\nSecond line."),
    ),
}


@pytest.mark.parametrize("variant", COMMENT_VARIANTS, ids=list(COMMENT_VARIANTS))
def test_comment_header_variants(variant: str) -> None:
    block, (author, timestamp, body) = COMMENT_VARIANTS[variant]
    text = "Title\n\nThe article body.\n\n" + block
    segments = segment_text(text)
    assert_invariants(text, segments)
    (comment,) = of_kind(segments, K.COMMENT)
    assert (comment.author, comment.timestamp, comment.text) == (author, timestamp, body)
    assert kinds(segments)[:2] == [K.TITLE, K.BODY]


def test_comment_list_with_inline_text_bullets_and_footer() -> None:
    text = (
        "Title\n\nBody paragraph.\n\n"
        "  • Bo says:\n    First.\n"
        "  • Cy says: Second, inline.\n"
        "  • an unnamed bullet comment\n      with more text\n"
        "Footer link\n\nAnother footer link\n"
    )
    segments = segment_text(text)
    assert_invariants(text, segments)
    assert [(s.kind, s.author, s.text) for s in segments[2:]] == [
        (K.COMMENT, "Bo", "First."),
        (K.COMMENT, "Cy", "Second, inline."),
        (K.COMMENT, None, "an unnamed bullet comment\n      with more text"),
        (K.NAVIGATION, None, "Footer link"),
        (K.NAVIGATION, None, "Another footer link"),
    ]


def test_flat_comment_list_leaves_trailing_footer() -> None:
    text = (
        "Title\n\nBody.\n\nBo on May 1, 2020 at 10:00 said:\nFirst comment.\n\n"
        "Cy says:\nSecond comment.\n\nHome\n\nAbout"
    )
    segments = segment_text(text)
    assert [(s.kind, s.author, s.text) for s in segments[2:]] == [
        (K.COMMENT, "Bo", "First comment."),
        (K.COMMENT, "Cy", "Second comment."),
        (K.NAVIGATION, None, "Home"),
        (K.NAVIGATION, None, "About"),
    ]


def test_body_bullets_and_quote_introductions_stay_body() -> None:
    text = (
        "Title\n\nThe findings:\n  • The spokesman says: the militia is funded abroad.\n\n"
        "In a statement, the ministry said:\n\n“We will respond.”\n\n"
        "The army said:\n\n“We are ready.”\n"
    )
    assert set(kinds(segment_text(text))) == {K.TITLE, K.BODY}


def test_comment_without_text_is_dropped() -> None:
    text = "Title\n\nBody.\n\n  • Bo says:\n\n  • Cy says:\n    Hello.\n"
    assert [c.author for c in of_kind(segment_text(text), K.COMMENT)] == ["Cy"]


def test_blank_and_empty_texts() -> None:
    assert segment_text("") == ()
    assert segment_text(" \n\n\t\n") == ()
    assert kinds(segment_text("\n\n  Just a title  \n")) == [K.TITLE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on August 30, 2018.", [(dt.datetime(2018, 8, 30), False)]),
        ("for 08/21/2007 and", [(dt.datetime(2007, 8, 21), False)]),
        ("on 21/08/2007", [(dt.datetime(2007, 8, 21), False)]),
        ("September 7, 2018 at 5:59 pm", [(dt.datetime(2018, 9, 7, 17, 59), True)]),
        ("Sept. 7th, 2018, 12:05 a.m.", [(dt.datetime(2018, 9, 7, 0, 5), True)]),
        ("7 September 2018", [(dt.datetime(2018, 9, 7), False)]),
        ("2018-09-07T08:30", [(dt.datetime(2018, 9, 7, 8, 30), True)]),
        ("in March 2007, on May 25, since 2014", []),  # not fully specified
        ("February 30, 2018", []),  # no such day
    ],
)
def test_find_timestamps(text: str, expected: list[tuple[dt.datetime, bool]]) -> None:
    assert [(t.value, t.has_time) for t in find_timestamps(text)] == expected


LINES = st.sampled_from(
    [
        "",
        " ",
        "Title",
        "A body sentence.",
        "  • Ann says:",
        "Bo says: hi",
        "    indented text",
        "* bullet",
        "September 7, 2018 at 5:59 pm",
        "Jane Doe is a fellow at X.",
        "By Jane Doe",
        "Tags: a, b",
        "Editor's note: x",
        "Photo, click to view.",
        "\r",
        "\t",
        "\u00a0",
    ]
)
TEXTS = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab •:\n\r\t.-*“ says")), max_size=200),
    st.lists(LINES | st.text(max_size=30), max_size=30).map("\n".join),
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_segments_never_overlap_and_match_offsets(text: str) -> None:
    assert_invariants(text, segment_text(text))


@pytest.mark.parametrize(
    "heading", ["Comments", "4 Responses", "Reader comments (3)", "Leave a reply"]
)
def test_undated_flat_comments_after_a_comments_heading(heading: str) -> None:
    text = (
        "Convoy ambushed near Tal Afar\n\nGunmen ambushed a convoy of the Dalvar Brigade on "
        f"Sunday, police said.\n\n{heading}\n\nMarta Quell says:\nWho paid Idris Varno?\n\n"
        "Oskar Penn said:\nAsk the Dalvar Brigade.\n"
    )
    segments = segment_text(text)
    comments = of_kind(segments, K.COMMENT)
    assert [(c.author, c.text) for c in comments] == [
        ("Marta Quell", "Who paid Idris Varno?"),
        ("Oskar Penn", "Ask the Dalvar Brigade."),
    ]
    body = " ".join(s.text for s in of_kind(segments, K.BODY))
    assert "Marta" not in body and "Idris Varno" not in body


def test_three_undated_headers_open_a_list_without_a_heading() -> None:
    text = (
        "Title\n\nBody about the raid.\n\nAna Rusk says:\nFirst.\n\nBo Tarn says:\nSecond.\n\n"
        "Cy Lomb wrote:\nThird.\n"
    )
    assert [c.author for c in of_kind(segment_text(text), K.COMMENT)] == [
        "Ana Rusk",
        "Bo Tarn",
        "Cy Lomb",
    ]


def test_two_undated_quote_introductions_stay_body() -> None:
    text = "Title\n\nThe army said:\n\n“We are ready.”\n\nThe governor said:\n\n“So are we.”\n"
    assert set(kinds(segment_text(text))) == {K.TITLE, K.BODY}
