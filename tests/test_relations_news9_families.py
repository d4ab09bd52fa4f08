"""Wording families of a ninth set of wire sentences, and review leftovers: each rule read on
sentences of our own (invented names and wording, none from seeds/ or the held-out files)."""

from __future__ import annotations

import pytest

from pipeline.extract.learned import owns_the_next
from pipeline.extract.marked import marked_document
from tests.test_relations_news import triples


def _statements(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) without the rule's name."""
    return {(s, p, o) for s, p, o, _ in triples(marked)}


def test_under_a_capitalized_command_is_command() -> None:
    assert _statements("Under [Dora Vell|P]'s Command, the [Tarn Front|O] seized the pass.") == {
        ("Dora Vell", "commanderOf", "Tarn Front")
    }


def test_founding_on_leaving_that_is_denied_asserts_nothing() -> None:
    marked = (
        "[Dora Vell|P] left the [Tarn Front|O] to set up the [Kessel Union|O], a claim her"
        " family denies."
    )
    assert ("Kessel Union", "foundedBy", "Dora Vell") not in _statements(marked)
    assert _statements(marked.split(", a claim")[0] + ".") == {
        ("Kessel Union", "foundedBy", "Dora Vell")
    }


def test_a_possessive_owns_the_next_name_past_a_double_space() -> None:
    doc = marked_document("A commander of the [Tarn Front|O]'s  [Kessel Unit|O] spoke.")
    assert owns_the_next(doc.document.text, doc.mentions, doc.mentions[0])


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P] told reporters, speaking in the name of the [Tarn Front|O], at noon.",
        "[Dora Vell|P], speaking in the name of the [Tarn Front|O], denied the raid.",
        "It was [Dora Vell|P] who took the podium for the [Tarn Front|O] on Monday.",
        "[Dora Vell|P], who reads out the [Tarn Front|O]'s communiques on radio, said so.",
        "[Dora Vell|P], who has issued the [Tarn Front|O]'s statements since 2020, said so.",
        "[Dora Vell|P], whose job is to relay the [Tarn Front|O]'s line to the press, said so.",
        "[Dora Vell|P], whose task is to convey the [Tarn Front|O]'s position to foreign"
        " reporters, said so.",
    ],
)
def test_wordings_of_speaking_for_a_body(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "spokespersonFor", "Tarn Front")}


@pytest.mark.parametrize(
    "marked",
    [
        # a go-between carries a message to another party, not to the press
        "[Dora Vell|P], who conveyed the [Tarn Front|O]'s message to the army, left.",
        "[Dora Vell|P], who read out the [Tarn Front|O]'s founding charter, left.",
        "[Dora Vell|P] took the podium after the [Tarn Front|O] walked out.",
    ],
)
def test_no_speaker_for_a_messenger_or_a_podium_alone(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "It was [Dora Vell|P] who founded the [Tarn Front|O] in 1999.",
            ("Tarn Front", "foundedBy", "Dora Vell"),
        ),
        (
            "It was [Dora Vell|P] who led the [Tarn Front|O] into the city.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
    ],
)
def test_a_cleft_names_the_subject_of_its_clause(marked: str, expected: tuple) -> None:
    assert _statements(marked) == {expected}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Under [Dora Vell|P], who took over in 2017, the [Tarn Front|O] has grown.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "Under [Dora Vell|P], whose father founded it, the [Tarn Front|O] has grown.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "Varnia puts [Dora Vell|P] in command of [Tarn Brigade|O]",
            ("Dora Vell", "commanderOf", "Tarn Brigade"),
        ),
        (
            "[Dora Vell|P], in command of the [Tarn Brigade|O] since May, spoke.",
            ("Dora Vell", "commanderOf", "Tarn Brigade"),
        ),
        (
            "Near the river, the [Tarn Brigade|O] fighters took their orders from [Dora Vell|P].",
            ("Dora Vell", "commanderOf", "Tarn Brigade"),
        ),
        (
            "The [Tarn Brigade|O] received its orders directly from [Dora Vell|P].",
            ("Dora Vell", "commanderOf", "Tarn Brigade"),
        ),
        (
            "The [Tarn Brigade|O], whose battlefield chief is [Col. ^Dora Vell|P], advanced.",
            ("Dora Vell", "commanderOf", "Tarn Brigade"),
        ),
        (
            "The [Tarn Front|O], whose leader is [Dora Vell|P], advanced.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "Little happens in the [Tarn Front|O], the militia whose every decision rests with"
            " [Dora Vell|P], without her.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "The [Tarn Front|O], whose final say lies with [Dora Vell|P], voted.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
    ],
)
def test_wordings_of_leading_and_commanding(marked: str, expected: tuple) -> None:
    assert _statements(marked) == {expected}


@pytest.mark.parametrize(
    "marked",
    [
        # the orders of a person are no command of a body; a say that is not the last word
        "[Dora Vell|P] took her orders from [Ivo Stanek|P].",
        "The [Tarn Front|O] took its orders from Varnia, said [Dora Vell|P].",
        "The [Tarn Front|O], whose spokesman praised [Dora Vell|P], voted.",
        "Under pressure, [Dora Vell|P] left the [Tarn Front|O].",
    ],
)
def test_no_command_in_orders_of_a_person_or_a_mention_in_passing(marked: str) -> None:
    assert not {p for _, p, _ in _statements(marked)} & {"leaderOf", "commanderOf"}
