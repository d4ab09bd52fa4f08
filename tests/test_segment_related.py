"""Segmentation: related-links sections ("Related", "Read more" ...) are page furniture."""

from __future__ import annotations

import pytest

from pipeline.records import Segment, SegmentKind
from pipeline.segment import segment_text

K = SegmentKind
BODY = (
    "Militia fighters shelled the outskirts of Exampletown on Friday, officials said.\n\n"
    "The governor, Hamid Salloum, said the army had sent reinforcements.\n\n"
)


def _kind_of(segments: tuple[Segment, ...], text: str) -> SegmentKind:
    return next(s.kind for s in segments if s.text == text)


@pytest.mark.parametrize(
    "heading",
    [
        "Related",
        "Related stories",
        "Related Coverage",
        "Read more",
        "More on this story",
        "See also:",
        "Most read",
        "You may also like",
        "Recommended",
        "Also read",
    ],
)
def test_link_titles_under_a_related_heading_are_navigation(heading: str) -> None:
    text = (
        f"Title\n\n{BODY}Tags: Exampletown, militias\n\n{heading}\n"
        "Governor Salloum flies to Port Orwen for crisis talks\n"
        "Who is Brig. Gen. Tarek Mansour of the Northern Brigade?\n\n"
        "4 Comments\n\nLeave a Reply\n"
    )
    segments = segment_text(text)
    assert _kind_of(segments, heading) is K.NAVIGATION
    for title in (
        "Governor Salloum flies to Port Orwen for crisis talks",
        "Who is Brig. Gen. Tarek Mansour of the Northern Brigade?",
    ):
        assert _kind_of(segments, title) is K.NAVIGATION
    assert [s.kind for s in segments[:3]] == [K.TITLE, K.BODY, K.BODY]


def test_a_related_list_inside_the_article_leaves_the_body_after_it() -> None:
    text = (
        f"Title\n\n{BODY}Read more\n\n"
        "• Floods cut the road to Port Orwen\n"
        "• Northern Brigade names a new commander\n\n"
        "Salloum said the curfew in Exampletown would last until Monday.\n\n"
        "Aid agencies said 2,000 families had fled to the coast.\n"
    )
    segments = segment_text(text)
    kinds = [s.kind for s in segments]
    assert kinds == [K.TITLE, K.BODY, K.BODY, K.NAVIGATION, K.NAVIGATION, K.BODY, K.BODY]
    assert segments[4].text.startswith("• Floods")


def test_a_heading_followed_by_sentences_keeps_them_body() -> None:
    text = (
        f"Title\n\n{BODY}Related\n\n"
        "Salloum later met the Northern Brigade's commander in Port Orwen.\n\n"
        "Tags: Exampletown\n"
    )
    segments = segment_text(text)
    assert _kind_of(segments, "Related") is K.NAVIGATION
    met = "Salloum later met the Northern Brigade's commander in Port Orwen."
    assert _kind_of(segments, met) is K.BODY


def test_a_read_more_line_with_its_title_is_navigation() -> None:
    line = "Read more: Northern Brigade names a new commander"
    text = f"Title\n\n{BODY}{line}\n\nThe curfew in Exampletown will last until Monday, he said.\n"
    segments = segment_text(text)
    assert _kind_of(segments, line) is K.NAVIGATION
    assert segments[-1].kind is K.BODY


def test_a_sentence_that_opens_like_a_heading_stays_body() -> None:
    text = f"Title\n\n{BODY}Related groups in Port Orwen denied any role in the shelling.\n"
    assert segment_text(text)[-1].kind is K.BODY
