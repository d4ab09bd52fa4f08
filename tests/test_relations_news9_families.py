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


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Aid left [Varosh|L], a dusty garrison town in [Kelmar|L]'s far north, in May.",
            ("Varosh", "locatedIn", "Kelmar"),
        ),
        (
            "Rain flooded [Varosh|L], a sleepy river town in the [Kelmar|L] region.",
            ("Varosh", "locatedIn", "Kelmar"),
        ),
        (
            "The [Tarn Front|O] runs its prisons and a radio station out of [Varosh|L].",
            ("Tarn Front", "locatedIn", "Varosh"),
        ),
        (
            "The [Tarn Front|O] operates out of [Varosh|L], officials said.",
            ("Tarn Front", "locatedIn", "Varosh"),
        ),
        (
            "The [Tarn Front|O], whose walled compound lies at [Varosh|L], was banned.",
            ("Tarn Front", "locatedIn", "Varosh"),
        ),
        (
            "The [Tarn Front|O], whose headquarters are in [Varosh|L], was banned.",
            ("Tarn Front", "locatedIn", "Varosh"),
        ),
    ],
)
def test_wordings_of_where_a_place_or_a_body_is(marked: str, expected: tuple) -> None:
    assert _statements(marked) == {expected}


@pytest.mark.parametrize(
    "marked",
    [
        # "the city of X" names X itself; a town near, not in
        "Troops reached [Varosh|L], the old city of [Kelmar|L], at dawn.",
        "Rain flooded [Varosh|L], a river town near [Kelmar|L].",
        "The [Tarn Front|O] drove the army out of [Varosh|L] on Monday.",
    ],
)
def test_no_place_in_a_city_of_a_name_near_it_or_a_rout(marked: str) -> None:
    assert not {p for _, p, _ in _statements(marked)} & {"locatedIn"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Varnia|L] has kept the [Tarn Front|O] stocked with rockets for a decade.",
        "[Varnia|L], whose cargo planes have kept the [Tarn Front|O] in ammunition, was warned.",
        "[Varnia|L] kept the [Tarn Front|O] well supplied with drones.",
        "Mercenaries of [Varnia|L] fought on the side of the [Tarn Front|O] in 2019.",
        "[Varnia|L], the main backer of the [Kessel Union|O], has kept the [Tarn Front|O]"
        " supplied with drones.",
    ],
)
def test_wordings_of_keeping_a_body_supplied_or_fighting_at_its_side(marked: str) -> None:
    assert ("Varnia", "supports", "Tarn Front") in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "[Varnia|L] kept the [Tarn Front|O] in check for a decade.",
        "[Varnia|L] kept the [Tarn Front|O] out of the talks.",
        "[Varnia|L] fought the [Tarn Front|O] on the side of the army.",
    ],
)
def test_no_support_in_keeping_a_body_down_or_fighting_it(marked: str) -> None:
    assert ("Varnia", "supports", "Tarn Front") not in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P], who worked as a cook for the [Tarn Aid Mission|O], was freed.",
        "[Dora Vell|P] worked as a night watchman at the [Tarn Aid Mission|O].",
        "[Dora Vell|P], who drew a salary from the [Tarn Aid Mission|O] as a nurse, was freed.",
        "[Dora Vell|P] earned a modest wage from the [Tarn Aid Mission|O] for years.",
    ],
)
def test_wordings_of_working_for_a_body(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "employedBy", "Tarn Aid Mission")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a role noun says more than employment
        (
            "[Dora Vell|P] worked as a spokeswoman for the [Tarn Front|O].",
            {("Dora Vell", "spokespersonFor", "Tarn Front")},
        ),
        ("[Dora Vell|P] drew a lesson from the [Tarn Front|O]'s defeat.", set()),
        ("[Dora Vell|P] worked as a team with the [Tarn Front|O].", set()),
    ],
)
def test_no_employment_in_a_role_a_lesson_or_teamwork(marked: str, expected: set) -> None:
    assert _statements(marked) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "Should [Varnia|L] choose to send arms to the [Tarn Front|O], the war would widen.",
        "Had [Varnia|L] armed the [Tarn Front|O], the town would have fallen.",
        "Stories that [Dora Vell|P] was a niece of [Ivo Stanek|P] spread for months but were"
        " never confirmed.",
        "Reports that the [Tarn Front|O] was based in [Varosh|L] remain unconfirmed.",
    ],
)
def test_no_statement_in_an_inverted_condition_or_an_unconfirmed_claim(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Reports that [Dora Vell|P] was a niece of [Ivo Stanek|P] were confirmed on Monday.",
            ("Dora Vell", "relativeOf", "Ivo Stanek"),
        ),
        (
            "Should talks fail, [Tarn Front|O] leader [Dora Vell|P] would resign.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "[Dora Vell|P], a niece of [Ivo Stanek|P], denied the claim.",
            ("Dora Vell", "relativeOf", "Ivo Stanek"),
        ),
    ],
)
def test_what_confirmed_claims_and_conditions_leave_standing(marked: str, expected: tuple) -> None:
    assert expected in _statements(marked)
