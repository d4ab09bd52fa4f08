"""More wire wording the rules read, one test per pattern family: roles before a list
("members of X, including Y"), seats on councils, a role before "Y of the X", command and
leadership "under" someone, founders as a "brainchild", enemies and feuds, headquarters,
support from reliance and transfers, training camps, "whose founder", places in places.
Invented sentences, none from seeds/ or the held-out files."""

from __future__ import annotations

import pytest

from tests.test_relations_news import triples


def test_a_plural_role_before_including_holds_for_each_name() -> None:
    found = triples(
        "Police held three members of the [Dorval Front|O], among them [Anton Weil|P] and "
        "[Karl Heim|P]."
    )
    assert found == {
        ("Anton Weil", "memberOf", "Dorval Front", "role-of-including"),
        ("Karl Heim", "memberOf", "Dorval Front", "role-of-including"),
    }


@pytest.mark.parametrize(
    "marked",
    [
        "[Anton Weil|P] sits on the [Tarn Provincial Council|O].",
        "[Anton Weil|P], elected to the [Tarn Provincial Council|O] in 2013, was shot.",
        "[Anton Weil|P] won a seat on the [Tarn Provincial Council|O] last year.",
    ],
)
def test_a_seat_on_a_council_is_membership(marked: str) -> None:
    assert triples(marked) == {("Anton Weil", "memberOf", "Tarn Provincial Council", "served-in")}


@pytest.mark.parametrize(
    ("marked", "predicate", "rule"),
    [
        ("Brigade commander [Anton Weil|P] of the [Dorval Front|O] spoke.", "commanderOf", "title"),
        ("Spokesman [Anton Weil|P] of the [Dorval Front|O] spoke.", "spokespersonFor", "title"),
        ("[Anton Weil|P] of the [Dorval Front|O] spoke.", "affiliatedWith", "affiliated-with"),
    ],
)
def test_a_role_before_name_of_body_says_the_role(marked: str, predicate: str, rule: str) -> None:
    ((subject, found, obj, how),) = triples(marked)
    assert (subject, found, obj) == ("Anton Weil", predicate, "Dorval Front")
    assert how.startswith(rule)


@pytest.mark.parametrize(
    ("marked", "predicate"),
    [
        ("The [Dorval Front|O], under the command of [Anton Weil|P], withdrew.", "commanderOf"),
        ("Under the leadership of [Anton Weil|P], the [Dorval Front|O] won 22 seats.", "leaderOf"),
    ],
)
def test_under_the_command_of(marked: str, predicate: str) -> None:
    assert triples(marked) == {("Anton Weil", predicate, "Dorval Front", "under-command")}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Dorval Front|O] was the brainchild of [Anton Weil|P].",
        "The [Dorval Front|O] owes its creation to [Anton Weil|P], a former officer.",
    ],
)
def test_a_brainchild_has_a_founder(marked: str) -> None:
    assert triples(marked) == {("Dorval Front", "foundedBy", "Anton Weil", "passive-led-by")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Anton Weil|P]'s arch-enemy, [Karl Heim|P], was arrested.",
        "[Anton Weil|P], a sworn enemy of [Karl Heim|P], fled.",
        "The [Anton Weil|P] clan has a decades-old blood feud with [Karl Heim|P].",
        "The [Anton Weil|P] clan and the [Karl Heim|P] clan have long been at odds.",
        "[Anton Weil|P], who broke with [Karl Heim|P] in 2010, has since clashed with him.",
    ],
)
def test_enemies_and_feuds_are_rivals(marked: str) -> None:
    assert {t[:3] for t in triples(marked)} == {("Anton Weil", "rivalOf", "Karl Heim")}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Dorval Front|O] keeps its headquarters in [Tarn|L], south of [Vell|L].",
        "The [Dorval Front|O] is based out of [Tarn|L].",
        "The [Dorval Front|O], which maintains two large bases in [Tarn|L], denied it.",
    ],
)
def test_headquarters_and_bases_place_a_group(marked: str) -> None:
    assert {t[:3] for t in triples(marked)} == {("Dorval Front", "locatedIn", "Tarn")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Hamas|O] relies on [Varnia|L] for money and rockets.",
            ("Varnia", "supports", "Hamas", "relies-on"),
        ),
        (
            "[Varnia|L] transfers about $700 million a year to the [Dorval Front|O].",
            ("Varnia", "supports", "Dorval Front", "provides-to"),
        ),
        (
            "The [Quds Force|O] sent advisers to help the [Dorval Front|O] retake the town.",
            ("Quds Force", "supports", "Dorval Front", "sent-to-help"),
        ),
    ],
)
def test_support_read_from_reliance_transfers_and_advisers(marked: str, expected: tuple) -> None:
    assert triples(marked) == {expected}


@pytest.mark.parametrize(
    ("marked", "rule"),
    [
        (
            "The [Dorval Front|O] sends its sniper teams to the [Quds Force|O] for training.",
            "sent-for-training",
        ),
        (
            "Fighters of the [Dorval Front|O] attended a [Quds Force|O] training camp.",
            "sent-for-training",
        ),
        (
            "The [Dorval Front|O] was schooled in explosives by [Quds Force|O] instructors.",
            "trained-or-backed-by",
        ),
    ],
)
def test_training_camps_and_schooling(marked: str, rule: str) -> None:
    assert triples(marked) == {("Dorval Front", "trainedBy", "Quds Force", rule)}


def test_whose_founder() -> None:
    found = triples("The [Dorval Front|O], whose founder [Anton Weil|P] was killed, regrouped.")
    assert found == {("Dorval Front", "foundedBy", "Anton Weil", "whose-role")}


def test_a_lawmaker_for_a_party_is_a_member() -> None:
    found = triples("[Anton Weil|P], a lawmaker for the [Dorval Bloc|O], was wounded.")
    assert found == {("Anton Weil", "memberOf", "Dorval Bloc", "apposition-role")}


def test_years_as_an_officer_in_a_force() -> None:
    found = triples("[Anton Weil|P] spent six years as an officer in the [Tarn Army|O].")
    assert found == {("Anton Weil", "employedBy", "Tarn Army", "apposition-role")}


def test_a_breakaway_group_that_became_its_rival() -> None:
    found = triples(
        "The [Dorval Front|O], which broke away from the [Marel Brigade|O] in 2011, is now its "
        "fiercest rival."
    )
    assert found == {("Dorval Front", "rivalOf", "Marel Brigade", "rival")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Hett|L] and [Rulo|L], both towns in [Tarn|L], were cut off by the floods.",
            {("Hett", "locatedIn", "Tarn"), ("Rulo", "locatedIn", "Tarn")},
        ),
        ("[Hett|L], in northern [Tarn|L] province, is closed.", {("Hett", "locatedIn", "Tarn")}),
        ("Fighting in [Hett|L], in [Tarn|L]'s north, went on.", set()),
        ("A bomb went off south of [Hett|L], in [Rulo|L].", set()),
    ],
)
def test_places_in_a_place(marked: str, expected: set) -> None:
    assert {t[:3] for t in triples(marked)} == expected
