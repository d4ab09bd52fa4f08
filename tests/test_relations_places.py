"""A group "in" a place, lists named as examples, and more wire wording (fronts, "close to",
kin said of two names at once, a backer named first, a state acting through its organs).
Invented names and sentences, none from seeds/ or the held-out files."""

from __future__ import annotations

import pytest

from pipeline.extract.learned import placed
from pipeline.extract.marked import marked_document
from tests.test_relations import triples


@pytest.mark.parametrize(
    "marked",
    [
        "Officials accused [Varnia|L] of arming the [Dorval Front|O] in [Ostria|L].",
        "The [Dorval Front|O] in [Ostria|L] has thousands of rockets.",
        "The [Dorval Front|O] in [Ostria|L] answers to the prime minister.",
        "The [Dorval Front|O], an [Jordanian=Jordan|L]-funded group in [Ostria|L], was set up.",
        "The [Dorval Front|O] is a militia based in northern [Ostria|L].",
    ],
)
def test_a_group_in_a_place_is_located_there(marked: str) -> None:
    assert ("Dorval Front", "locatedIn", "Ostria") in triples(marked)


@pytest.mark.parametrize(
    "marked",
    [
        # where something happened to the group, not where it is
        "Gunmen from the [Dorval Front|O] in [Lorsk|L] on Friday killed three.",
        "[Varnia|L] struck the [Dorval Front|O] in [Ostria|L].",
        "[Anton Weil|P], who fought for the [Dorval Front|O] in [Ostria|L], came home.",
        "[Varnia|L] sent instructors to train the [Dorval Front|O] in [Ostria|L].",
        "Talks with the [Dorval Front|O] in [Lorsk|L] broke down.",
        # the place only modifies the next noun, or a time follows it
        "The [Dorval Front|O] in [Ostria|L] fighters fled.",
        "An interview with the [Dorval Front|O] in [Lorsk|L] Tuesday ran long.",
        # a group active somewhere fights there
        "The [Dorval Front|O], a militia active in [Ostria|L], grew.",
    ],
)
def test_an_event_place_is_not_where_the_group_is(marked: str) -> None:
    assert not any(p == "locatedIn" for _, p, _ in triples(marked))


def test_the_classifier_does_not_place_a_group_where_a_time_follows() -> None:
    analyzed = marked_document("Gunmen from the [Dorval Front|O] in [Lorsk|L] on Friday fled.")
    group, place = analyzed.mentions
    assert not placed(analyzed.document.text, analyzed.mentions, group, place)
    later = marked_document("Gunmen from the [Dorval Front|O] in [Lorsk|L] fled.")
    assert placed(later.document.text, later.mentions, *later.mentions)


def test_a_role_before_among_them_reaches_each_name_of_the_list() -> None:
    found = triples(
        "Five commanders were killed, among them [Anton Weil|P] and [Karl Heim|P] of the "
        "[Dorval Front|O]."
    )
    assert found == {
        ("Anton Weil", "commanderOf", "Dorval Front"),
        ("Karl Heim", "commanderOf", "Dorval Front"),
    }
    # with no role before the list, each name is only affiliated
    found = triples(
        "Six people died, including [Anton Weil|P] and [Karl Heim|P] of the [Dorval Front|O]."
    )
    assert found == {
        ("Anton Weil", "affiliatedWith", "Dorval Front"),
        ("Karl Heim", "affiliatedWith", "Dorval Front"),
    }


def test_a_backed_compound_before_such_as_holds_for_each_example() -> None:
    found = triples(
        "[Jordanian=Jordan|L]-backed groups such as the [Dorval Front|O] and the [Essen Guard|O] "
        "vowed revenge."
    )
    assert found == {("Jordan", "supports", "Dorval Front"), ("Jordan", "supports", "Essen Guard")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Dorval Front|O], a little-known group believed to be a front for the "
            "[Essen Guard|O], fired rockets.",
            ("Dorval Front", "affiliatedWith", "Essen Guard"),
        ),
        (
            "The [Dorval Front|O] is politically aligned with the [Essen Party|O].",
            ("Dorval Front", "affiliatedWith", "Essen Party"),
        ),
        (
            "[Anton Weil|P], a cleric close to the [Essen Party|O], said.",
            ("Anton Weil", "affiliatedWith", "Essen Party"),
        ),
        (
            "[Anton Weil|P] and [Karl Weil|P], brothers from [Lorsk|L], were jailed.",
            ("Anton Weil", "relativeOf", "Karl Weil"),
        ),
        (
            "The brothers [Anton Weil|P] and [Karl Weil|P] were jailed.",
            ("Anton Weil", "relativeOf", "Karl Weil"),
        ),
        (
            "The feud between [Anton Weil|P] and his cousin [Karl Weil|P] split the clan.",
            ("Anton Weil", "rivalOf", "Karl Weil"),
        ),
        (
            "With backing from the [Essen Guard|O], the [Dorval Front|O] expanded.",
            ("Essen Guard", "supports", "Dorval Front"),
        ),
        (
            "Trained by [Varnia|L], the [Dorval Front|O] grew.",
            ("Dorval Front", "trainedBy", "Varnia"),
        ),
        (
            "[Anton Weil|P], a spokesman for the [Jordanian=Jordan|L] government, said.",
            ("Anton Weil", "spokespersonFor", "Jordan"),
        ),
        (
            "Recruits of the [Dorval Front|O] are drilled by [Jordanian=Jordan|L] officers.",
            ("Dorval Front", "trainedBy", "Jordan"),
        ),
        (
            "[Jordanian=Jordan|L] advisers have been training the [Dorval Front|O] since 2016.",
            ("Dorval Front", "trainedBy", "Jordan"),
        ),
        (
            "The [Jordanian=Jordan|L] defence minister, [Anton Weil|P], visited troops.",
            ("Anton Weil", "employedBy", "Jordan"),
        ),
        (
            "A senior official in the [Essen Guard|O], [Anton Weil|P], was shot dead.",
            ("Anton Weil", "employedBy", "Essen Guard"),
        ),
        (
            "[Anton Weil|P] was sworn in as governor of [Lorsk|L] on Monday.",
            ("Anton Weil", "leaderOf", "Lorsk"),
        ),
        (
            "The [Dorval Front|O] keeps camps in the [Lorsk|L] hills.",
            ("Dorval Front", "locatedIn", "Lorsk"),
        ),
        (
            "The [Essen Guard|O]'s elite [Golden Division|O] led the assault.",
            ("Golden Division", "partOf", "Essen Guard"),
        ),
        (
            "The [Albu Dorval|O] clan, a branch of the [Essen|O], lost men.",
            ("Albu Dorval", "partOf", "Essen"),
        ),
        (
            "[Anton Weil|P], the paramount sheikh of the [Albu Dorval|O] tribe, spoke.",
            ("Anton Weil", "leaderOf", "Albu Dorval"),
        ),
        (
            "The [Essen Ministry|O]'s inspector general, [Anton Weil|P], opened an inquiry.",
            ("Anton Weil", "employedBy", "Essen Ministry"),
        ),
    ],
)
def test_more_wire_wording(marked: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "The blast killed the top [U.N.|O] envoy in [Ostria|L], [Anton Weil|P].",  # the U.N.'s
        "The [Polish=Poland|L] king [Jan Weil|P] won.",  # a nationality, perhaps
        "[Anton Weil|P] and [Karl Weil|P], both lawyers, spoke.",
        "With the help of [Anton Weil|P], [Karl Heim|P] escaped.",
    ],
)
def test_wording_that_states_none_of_these(marked: str) -> None:
    assert not triples(marked)


def test_the_group_anaphor_reaches_one_of_its_founders() -> None:
    found = triples(
        "The [Dorval Front|O] said in a statement that [Anton Weil|P], one of the group's "
        "founders, had died."
    )
    assert found == {("Dorval Front", "foundedBy", "Anton Weil")}


def test_a_denial_of_another_clause_keeps_the_role() -> None:
    found = triples(
        "The [Dorval Front|O] leader, [Anton Weil|P], has denied that his fighters were trained "
        "in [Varnia|L]."
    )
    assert ("Anton Weil", "leaderOf", "Dorval Front") in found
    assert not triples("[Varnia|L] is accused of arming the [Dorval Front|O], but it denies that.")
