"""Wordings of the contract's relations that say the same thing in other words: teaching and
learning for training, a fronted or past role for leadership, hostile relations for rivalry,
asides between a subject and its verb, plural kin nouns, seats held for a party, fronted
"Speaking for". Invented sentences, none from seeds/ or the held-out files."""

from __future__ import annotations

import pytest

from pipeline.extract.marked import marked_document
from pipeline.extract.relations import extract_relations
from tests.test_relations_news import triples


def _facts(marked: str) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in triples(marked)}


def everything(marked: str) -> set[tuple[str, str, str]]:
    """What the rules and then the classifier read in ``marked``."""
    found = extract_relations(marked_document(marked))
    return {(r.subject.name, r.predicate, r.object.name) for r in found}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Dozens of [Dorval Front|O] fighters received instruction in bomb-making from "
            "[Tarn League|O] advisers, officials said.",
            ("Dorval Front", "trainedBy", "Tarn League"),
        ),
        (
            "[Anton Weil|P] was taught to build rockets by [Tarn League|O] engineers.",
            ("Anton Weil", "trainedBy", "Tarn League"),
        ),
        (
            "[Anton Weil|P] was schooled in sniper tactics by [Tarn League|O] instructors.",
            ("Anton Weil", "trainedBy", "Tarn League"),
        ),
        (
            "[Anton Weil|P] was coached by [Karl Heim|P] for two years.",
            ("Anton Weil", "trainedBy", "Karl Heim"),
        ),
        (
            "The [Dorval Front|O], trained for years by [American=United States|L] special "
            "forces, stormed the town.",
            ("Dorval Front", "trainedBy", "United States"),
        ),
        (
            "[Anton Weil|P] learned his trade from [Karl Heim|P], a veteran bomb-maker.",
            ("Anton Weil", "trainedBy", "Karl Heim"),
        ),
    ],
)
def test_teaching_and_learning_are_training(marked: str, expected: tuple[str, str, str]) -> None:
    assert _facts(marked) == {expected}


@pytest.mark.parametrize(
    "marked",
    [
        "[Anton Weil|P] learned of the raid from [Karl Heim|P].",
        "[Anton Weil|P] taught at the [Tarn University|O] for years.",
        "[Anton Weil|P] coached the [Tarn United|O] squad.",
    ],
)
def test_news_heard_or_teaching_done_is_no_training(marked: str) -> None:
    assert _facts(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The man at the top of the [Dorval Front|O] since 2015, [Anton Weil|P], seldom speaks.",
            ("Anton Weil", "leaderOf", "Dorval Front"),
        ),
        (
            "[Anton Weil|P], the reclusive figure at the helm of the [Dorval Front|O], was seen.",
            ("Anton Weil", "leaderOf", "Dorval Front"),
        ),
        (
            "The leader of the [Dorval Front|O] since 2015, [Anton Weil|P], spoke.",
            ("Anton Weil", "leaderOf", "Dorval Front"),
        ),
        (
            "Under [Anton Weil|P], the [Dorval Front|O] has doubled in size.",
            ("Anton Weil", "leaderOf", "Dorval Front"),
        ),
        (
            "Under [Anton Weil|P]'s command, the [Dorval Front|O] took the town.",
            ("Anton Weil", "commanderOf", "Dorval Front"),
        ),
        (
            "Units of the [Tarn Operations Command|O], now under [Major General ^Anton Weil|P], "
            "advanced.",
            ("Anton Weil", "commanderOf", "Tarn Operations Command"),
        ),
        (
            "[Anton Weil|P], who led the [Dorval Front|O] for a decade, died.",
            ("Anton Weil", "leaderOf", "Dorval Front"),
        ),
    ],
)
def test_a_fronted_or_past_role_is_leadership(marked: str, expected: tuple[str, str, str]) -> None:
    assert _facts(marked) == {expected}


def test_under_a_person_mid_sentence_is_no_leadership() -> None:
    found = _facts("He was jailed under [Anton Weil|P], the [Dorval Front|O] said.")
    assert found == set()


@pytest.mark.parametrize(
    "marked",
    [
        "Relations between the [Dorval Front|O] and the [Tarn League|O] have been hostile since "
        "2009.",
        "Ties between the [Dorval Front|O] and the [Tarn League|O] remain bitter.",
        "The hostility between the [Dorval Front|O] and the [Tarn League|O] goes back decades.",
        "Clashes between the [Dorval Front|O] and the [Tarn League|O] fighters killed 12 people.",
    ],
)
def test_hostile_relations_between_two_are_rivalry(marked: str) -> None:
    assert _facts(marked) == {("Dorval Front", "rivalOf", "Tarn League")}


@pytest.mark.parametrize("state", ["have improved", "have been strained"])
def test_relations_improved_or_strained_are_no_rivalry(state: str) -> None:
    found = _facts(f"Relations between [Varnia|L] and [Tarnia|L] {state} in recent years.")
    assert found == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Dorval Brigade|O] — not to be confused with the [Tarn League|O] — was set up in "
            "2013 by [Anton Weil|P], an engineer.",
            {("Dorval Brigade", "foundedBy", "Anton Weil")},
        ),
        (
            "The [Dorval Brigade|O] (not the [Tarn League|O]) was founded by [Anton Weil|P].",
            {("Dorval Brigade", "foundedBy", "Anton Weil")},
        ),
        (
            "The [Dorval Brigade|O], long commanded by [Anton Weil|P], is an elite formation of "
            "the [Tarn Army|O] and holds the pass.",
            {
                ("Anton Weil", "commanderOf", "Dorval Brigade"),
                ("Dorval Brigade", "partOf", "Tarn Army"),
            },
        ),
        (
            "The [Dorval Front|O], which [Varnia|L] arms and pays, has its headquarters in "
            "[Ostra|L].",
            {("Varnia", "supports", "Dorval Front"), ("Dorval Front", "locatedIn", "Ostra")},
        ),
    ],
)
def test_an_aside_between_subject_and_verb_is_read_past(
    marked: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _facts(marked) == expected


def test_what_an_aside_names_is_not_the_subject_of_the_clause_after_it() -> None:
    found = everything("The [Dorval Front|O], which [Varnia|L] never armed, is based in [Ostra|L].")
    assert found == {("Dorval Front", "locatedIn", "Ostra")}


def test_a_fronted_founder_may_be_a_possessors_and_dated() -> None:
    found = _facts(
        "Set up by [Varnia|L]'s [Tarn Guards|O] in the early 1990s, the [Dorval Brigade|O] "
        "fought in the war."
    )
    assert found == {("Dorval Brigade", "foundedBy", "Tarn Guards")}


@pytest.mark.parametrize(
    "marked",
    [
        "Brothers [Anton Weil|P] and [Karl Weil|P] were both detained.",
        "Police arrested cousins [Anton Weil|P] and [Karl Weil|P] on Monday.",
    ],
)
def test_a_plural_kin_noun_before_two_names_relates_them(marked: str) -> None:
    assert _facts(marked) == {("Anton Weil", "relativeOf", "Karl Weil")}


def test_two_names_without_a_kin_noun_are_no_relatives() -> None:
    assert _facts("[Anton Weil|P] and [Karl Weil|P] were detained.") == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Officials named [Anton Weil|P] as the commander of [Dorval|O]'s [Ostra Unit|O].",
            {("Anton Weil", "commanderOf", "Ostra Unit"), ("Ostra Unit", "partOf", "Dorval")},
        ),
        (
            "The council appointed [Anton Weil|P] head of the [Tarn Authority|O].",
            {("Anton Weil", "leaderOf", "Tarn Authority")},
        ),
        ("Officials described [Anton Weil|P] as a threat to the [Tarn Authority|O].", set()),
    ],
)
def test_a_role_after_an_appointed_name_goes_to_the_unit_named(
    marked: str, expected: set[tuple[str, str, str]]
) -> None:
    assert everything(marked) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "[Anna Weil|P] sits on the [Tarn Provincial Council|O] for the [Dorval Alliance|O].",
        "[Anna Weil|P] won a seat on the [Tarn Provincial Council|O] on the ticket of the "
        "[Dorval Alliance|O].",
    ],
)
def test_a_seat_held_for_a_party_is_membership_of_both(marked: str) -> None:
    assert _facts(marked) == {
        ("Anna Weil", "memberOf", "Tarn Provincial Council"),
        ("Anna Weil", "memberOf", "Dorval Alliance"),
    }


def test_a_place_named_as_a_bearing_is_not_in_the_place_after_it() -> None:
    found = everything("[Camp Ostra|L] lies north-east of [Tarn|L] in [Dorval|L] province.")
    assert ("Tarn", "locatedIn", "Dorval") not in found


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Speaking for the [Dorval Front|O], a man who gave his name as [Anton Weil|P] said "
            "the group had fired.",
            {("Anton Weil", "spokespersonFor", "Dorval Front")},
        ),
        (
            "Speaking on behalf of the [Dorval Front|O], [Anton Weil|P] denied it.",
            {("Anton Weil", "spokespersonFor", "Dorval Front")},
        ),
        ("Speaking to the [Dorval Front|O], [Anton Weil|P] urged calm.", set()),
    ],
)
def test_a_fronted_speaking_for_names_the_spokesperson(
    marked: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _facts(marked) == expected
