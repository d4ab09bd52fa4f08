"""Role phrases, support and rivalry in other shapes, places inside appositions and possessives,
a founder in an opening participle clause, and hedges. Invented names and sentences, none from
seeds/ or the held-out files."""

from __future__ import annotations

import pytest

from pipeline.extract.learned import placed
from pipeline.extract.marked import marked_document
from tests.test_relations import everything, triples


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Tarek Hallen|P], at the helm of the [Karsi Brigade|O] since 2015, spoke.",
            ("Tarek Hallen", "leaderOf", "Karsi Brigade"),
        ),
        (
            "[Tarek Hallen|P] has been at the helm of the [Karsi Brigade|O] for a decade.",
            ("Tarek Hallen", "leaderOf", "Karsi Brigade"),
        ),
        (
            "[Omar Vesk|P], who is in charge of the [Karsi Brigade|O], spoke.",
            ("Omar Vesk", "leaderOf", "Karsi Brigade"),
        ),
        (
            "[Omar Vesk|P] was put in charge of the [Karsi Brigade|O] last year.",
            ("Omar Vesk", "leaderOf", "Karsi Brigade"),
        ),
        (
            "[Sami Rafferd|P], a press officer for the [Dorval Front|O], denied it.",
            ("Sami Rafferd", "spokespersonFor", "Dorval Front"),
        ),
        (
            "The [Dorval Front|O] named [Sami Rafferd|P] as its new spokesman on Monday.",
            ("Sami Rafferd", "spokespersonFor", "Dorval Front"),
        ),
        (
            "The [Dorval Front|O] has appointed [Omar Vesk|P] as its military commander.",
            ("Omar Vesk", "commanderOf", "Dorval Front"),
        ),
        (
            "[Omar Vesk|P] was on the payroll of the [Hollin Guard|O] for years.",
            ("Omar Vesk", "employedBy", "Hollin Guard"),
        ),
        (
            "[Omar Vesk|P] worked as a bodyguard for the [Hollin Guard|O] until 2012.",
            ("Omar Vesk", "employedBy", "Hollin Guard"),
        ),
        (
            "[Omar Vesk|P], a veteran of the [Hollin Guard|O], was arrested.",
            ("Omar Vesk", "memberOf", "Hollin Guard"),
        ),
        (
            "[Omar Vesk|P], who sits in parliament for the [Renewal Party|O], spoke.",
            ("Omar Vesk", "memberOf", "Renewal Party"),
        ),
        (
            "The [Hollin Guard|O] counts [Omar Vesk|P] among its members.",
            ("Omar Vesk", "memberOf", "Hollin Guard"),
        ),
        (
            "The [Hollin Guard|O] counts [Omar Vesk|P] among its founders.",
            ("Hollin Guard", "foundedBy", "Omar Vesk"),
        ),
        (
            "[Omar Vesk|P], joining the [Hollin Guard|O] in 2013, rose quickly.",
            ("Omar Vesk", "memberOf", "Hollin Guard"),
        ),
        (
            "[Omar Vesk|P] fought for years before joining the [Hollin Guard|O].",
            ("Omar Vesk", "memberOf", "Hollin Guard"),
        ),
    ],
)
def test_role_phrases(marked: str, expected: tuple[str, str, str]) -> None:
    assert triples(marked) == {expected}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Karsi Brigade|O] fought alongside the [Hollin Guard|O] in [Lorsk|L].",
        # "fought with" may be at the other's side: no rivalry is read, by rules or classifier
        "The [Karsi Brigade|O] fought with the [Hollin Guard|O] near [Lorsk|L].",
    ],
)
def test_fighting_alongside_is_no_rivalry(marked: str) -> None:
    assert everything(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Most of the money that the [Karsi Brigade|O] uses comes from [Varnia|L].",
            ("Varnia", "supports", "Karsi Brigade"),
        ),
        (
            "The [Karsi Brigade|O]'s money comes largely from [Varnia|L].",
            ("Varnia", "supports", "Karsi Brigade"),
        ),
        (
            "The [Karsi Brigade|O] was recruited, armed and paid by [Varnia|L].",
            ("Varnia", "supports", "Karsi Brigade"),
        ),
        (
            "[Ostrian=Ostria|L] cash has flowed to the [Karsi Brigade|O] since 2016.",
            ("Ostria", "supports", "Karsi Brigade"),
        ),
        (
            "[Varnia|L]'s weapons, shipped by sea, went to the [Karsi Brigade|O].",
            ("Varnia", "supports", "Karsi Brigade"),
        ),
        (
            "[Varnia|L] drilled fighters of the [Karsi Brigade|O] in the desert.",
            ("Karsi Brigade", "trainedBy", "Varnia"),
        ),
        (
            "The [Karsi Brigade|O] operates in the orbit of the [Hollin Guard|O].",
            ("Karsi Brigade", "affiliatedWith", "Hollin Guard"),
        ),
        (
            "The [Karsi Brigade|O], a militia in [Varnia|L]'s orbit, denied the claim.",
            ("Karsi Brigade", "affiliatedWith", "Varnia"),
        ),
        (
            "The [Mirat Trading|O], a shell that lets the [Hollin Guard|O] move cash, was hit.",
            ("Mirat Trading", "affiliatedWith", "Hollin Guard"),
        ),
        (
            "The [Karsi Brigade|O]'s fighters have feuded with those of the [Hollin Guard|O].",
            ("Karsi Brigade", "rivalOf", "Hollin Guard"),
        ),
        (
            "Fighters of the [Karsi Brigade|O] clashed with those of the [Hollin Guard|O].",
            ("Karsi Brigade", "rivalOf", "Hollin Guard"),
        ),
        (
            "[Karsi Brigade|O] fighters and [Hollin Guard|O] fighters fought each other.",
            ("Karsi Brigade", "rivalOf", "Hollin Guard"),
        ),
        (
            "The [Karsi Brigade|O] and the [Hollin Guard|O], which have fought each other for "
            "years, signed a truce.",
            ("Karsi Brigade", "rivalOf", "Hollin Guard"),
        ),
    ],
)
def test_support_training_affiliation_and_rivalry_in_other_shapes(
    marked: str, expected: tuple[str, str, str]
) -> None:
    assert triples(marked) == {expected}


def test_a_chain_of_participles_supports_only_with_a_support_verb() -> None:
    assert triples("The [Karsi Brigade|O] was recruited and trained by [Varnia|L].") == {
        ("Karsi Brigade", "trainedBy", "Varnia")
    }


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Talon Brigade|O], one of several [Unity Forces|O] units stationed in "
            "[Lorsk|L], withdrew.",
            {
                ("Talon Brigade", "partOf", "Unity Forces"),
                ("Talon Brigade", "locatedIn", "Lorsk"),
            },
        ),
        (
            "The [Talon Brigade|O], a [Hollin Guard|O] unit based on the [Mirat plains|L], left.",
            {
                ("Talon Brigade", "partOf", "Hollin Guard"),
                ("Talon Brigade", "locatedIn", "Mirat plains"),
            },
        ),
        (
            "The [Dorval Front|O], once [Karsi Network|O]'s Ostrian branch, changed its name.",
            {("Dorval Front", "partOf", "Karsi Network")},
        ),
        ("The [Talon|O] unit in [Lorsk|L] surrendered.", {("Talon", "locatedIn", "Lorsk")}),
        # one of the group's cells is in the place, not the group
        ("Police broke up a [Talon|O] cell in [Lorsk|L].", set()),
        (
            "Shelling hit [Ostria|L]'s [Bint Harun|L] district overnight.",
            {("Bint Harun", "locatedIn", "Ostria")},
        ),
        (
            "The ship docked at [Mirat|L], [Ostria|L]'s main Red Sea port.",
            {("Mirat", "locatedIn", "Ostria")},
        ),
        (
            "He was buried in [Lorsk|L]'s [Wadi Harun|L] cemetery.",
            {("Wadi Harun", "locatedIn", "Lorsk")},
        ),
        (
            "Rain fell on [Ostria|L]'s northern [Kelm|L].",
            {("Kelm", "locatedIn", "Ostria")},
        ),
        # the name modifies another noun, or is a person's the tagger took for a place
        ("[Varnia|L]'s [Kelm|L] offensive stalled.", set()),
        ("He beat [Varnia|L]'s [Karl Dorn|L], 6-4.", set()),
    ],
)
def test_places_and_parts_in_appositions_and_possessives(
    marked: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(marked) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "Set up by a former army officer, [Raad Velin|P], the [Talon Brigade|O] grew fast.",
        "Founded in 2012 by [Raad Velin|P], the [Talon Brigade|O] fights in the north.",
        "Created by the cleric [Raad Velin|P], the [Talon Brigade|O] fights in the north.",
    ],
)
def test_a_founder_in_an_opening_participle_clause(marked: str) -> None:
    assert triples(marked) == {("Talon Brigade", "foundedBy", "Raad Velin")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Omar Vesk|P] was mistakenly identified as a [Hollin Guard|O] commander.",
        "[Omar Vesk|P] was falsely described as a member of the [Hollin Guard|O].",
        "[Omar Vesk|P] was wrongly named as a [Hollin Guard|O] spokesman.",
    ],
)
def test_a_mistaken_identification_states_nothing(marked: str) -> None:
    assert everything(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Karsi Brigade|O] was blamed for shelling a school in [Mirat|L].",
        "The [Karsi Brigade|O], which was shelling a school in [Mirat|L], withdrew.",
    ],
)
def test_the_classifier_does_not_place_a_group_where_it_fought(marked: str) -> None:
    analyzed = marked_document(marked)
    group, place = analyzed.mentions
    assert not placed(analyzed.document.text, analyzed.mentions, group, place)
    assert everything(marked) == set()


def test_leaving_a_group_to_create_another() -> None:
    for marked in (
        "[Omar Vesk|P] left the [Hollin Guard|O] to create the [Talon Brigade|O].",
        "[Omar Vesk|P] quit the [Hollin Guard|O] in 2014 and founded the [Talon Brigade|O].",
    ):
        assert everything(marked) == {("Talon Brigade", "foundedBy", "Omar Vesk")}


def test_his_deputy_is_a_member_of_the_group_he_leads() -> None:
    assert triples(
        "[Omar Vesk|P], the leader of the [Hollin Guard|O], and his deputy, [Sami Rafferd|P], "
        "were killed."
    ) == {
        ("Omar Vesk", "leaderOf", "Hollin Guard"),
        ("Sami Rafferd", "memberOf", "Hollin Guard"),
    }
    # two persons before "his": whose deputy is unclear
    assert triples(
        "[Omar Vesk|P] met [Karl Dorn|P], the leader of the [Hollin Guard|O], and his deputy, "
        "[Sami Rafferd|P]."
    ) == {("Karl Dorn", "leaderOf", "Hollin Guard")}
