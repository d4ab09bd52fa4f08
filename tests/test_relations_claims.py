"""Allegations, denied claims, breakaway groups and coordinated names. Invented sentences, none
from seeds/ or the held-out files.

Decision: an allegation or a report states what it alleges ("accused Varnia of arming X", "X is
believed to be backed by Y"); the evidence sentence keeps who alleges it. A claim the sentence
goes on to deny states nothing.
"""

from __future__ import annotations

import pytest

from tests.test_relations import everything

ALLEGED = [
    ("[Ostland|L] accused [Varnia|L] of arming the [Dorval Front|O].", set()),
    ("Officials in [Ostland|L] allege that [Varnia|L] funds the [Dorval Front|O].", set()),
    ("The [Dorval Front|O] is widely believed to be backed by [Varnia|L].", set()),
    ("The [Dorval Front|O], thought to be funded by [Varnia|L], denied involvement.", set()),
    (
        "[Varnia|L], accused of funding and training the [Dorval Front|O], said nothing.",
        {("Dorval Front", "trainedBy", "Varnia")},
    ),
    (
        "Auditors accused [Varnia|L] of smuggling rockets to the [Dorval Front|O].",
        set(),
    ),
    ("[Ostland|L] has long accused [Varnia|L] of hiding and funding the [Dorval Front|O].", set()),
    ("The [Dorval Front|O] is said to get cash from [Varnia|L].", set()),
    (
        "[Varnia|L] is reported to have armed and trained the [Dorval Front|O].",
        {("Dorval Front", "trainedBy", "Varnia")},
    ),
    (
        "[Varnia|L] and [Kessel|L] fund the [Dorval Front|O].",
        {("Kessel", "supports", "Dorval Front")},
    ),
]


@pytest.mark.parametrize(("marked", "more"), ALLEGED)
def test_an_allegation_states_what_it_alleges(marked: str, more: set) -> None:
    assert everything(marked) == {("Varnia", "supports", "Dorval Front"), *more}


DENIED = [
    "Officials accused [Varnia|L] of supplying drones to the [Dorval Front|O], a charge "
    "[Kessel|L] denied.",
    "The [Dorval Front|O] is accused by [Ostland|L] of financing the [Marel Brigade|O], which "
    "[Kessel|L] denies.",
    "[Varnia|L] is accused of arming the [Dorval Front|O], but [Kessel|L] denies the charge.",
    "[Varnia|L] funds the [Dorval Front|O], reports say, but [Kessel|L] rejects the reports.",
]


@pytest.mark.parametrize("marked", DENIED)
def test_a_claim_the_sentence_denies_states_no_support(marked: str) -> None:
    assert not {t for t in everything(marked) if t[1] in ("supports", "trainedBy")}


def test_denying_something_else_leaves_the_support() -> None:
    found = everything("The [Dorval Front|O], which is backed by [Varnia|L], denied any ceasefire.")
    assert ("Varnia", "supports", "Dorval Front") in found


BROKE_AWAY = [
    "The [Dorval Front|O], which broke away from the [Marel Brigade|O], claimed the attack.",
    "The [Dorval Front|O], a breakaway faction of the [Marel Brigade|O], claimed the attack.",
    "The [Dorval Front|O] split from the [Marel Brigade|O] in 2014.",
    "The [Dorval Front|O], an offshoot of the [Marel Brigade|O], opened an office in [Tarn|L].",
]


@pytest.mark.parametrize("marked", BROKE_AWAY)
def test_a_breakaway_group_is_never_part_of_the_group_it_left(marked: str) -> None:
    found = everything(marked)
    assert not {t for t in found if "Marel Brigade" in (t[0], t[2]) and t[1] != "rivalOf"}


COORDINATED = [
    (
        "[Anton Weil|P], leader of the [Dorval Front|O] and the [Marel Brigade|O], spoke.",
        {("Anton Weil", "leaderOf", "Dorval Front"), ("Anton Weil", "leaderOf", "Marel Brigade")},
    ),
    (
        "[Anton Weil|P] heads both the [Dorval Front|O] and the [Marel Brigade|O].",
        {("Anton Weil", "leaderOf", "Dorval Front"), ("Anton Weil", "leaderOf", "Marel Brigade")},
    ),
    (
        "[Anton Weil|P] and [Karl Heim|P], the leaders of the [Dorval Front|O], spoke.",
        {("Anton Weil", "leaderOf", "Dorval Front"), ("Karl Heim", "leaderOf", "Dorval Front")},
    ),
    (
        "[Anton Weil|P] and his brother [Karl Heim|P] command the [Dorval Front|O].",
        {
            ("Karl Heim", "relativeOf", "Anton Weil"),
            ("Anton Weil", "commanderOf", "Dorval Front"),
            ("Karl Heim", "commanderOf", "Dorval Front"),
        },
    ),
]


@pytest.mark.parametrize(("marked", "expected"), COORDINATED)
def test_a_role_or_verb_holds_for_each_name_of_a_list(marked: str, expected: set) -> None:
    assert everything(marked) == expected


def test_the_list_after_a_single_role_is_not_spread() -> None:
    found = everything("[Anton Weil|P], the leader of the [Dorval Front|O], and [Karl Heim|P] met.")
    assert found == {("Anton Weil", "leaderOf", "Dorval Front")}


def test_the_leaders_of_two_groups_named_in_order() -> None:
    found = everything(
        "The leaders of [Saraya Dorval|O] and [Jund Marel|O], [Anton Weil|P] and [Karl Heim|P], "
        "signed the pact."
    )
    assert found == {
        ("Anton Weil", "leaderOf", "Saraya Dorval"),
        ("Karl Heim", "leaderOf", "Jund Marel"),
    }


def test_lists_of_unequal_length_are_not_paired() -> None:
    found = everything("The leaders of [Saraya Dorval|O] and [Jund Marel|O], [Anton Weil|P], met.")
    assert not {t for t in found if t[1] == "leaderOf" and t[2] == "Jund Marel"}


def test_spokesmen_of_one_group() -> None:
    found = everything(
        "[Anton Weil|P] and [Karl Heim|P], spokesmen for the [Dorval Front|O], spoke."
    )
    assert found == {
        ("Anton Weil", "spokespersonFor", "Dorval Front"),
        ("Karl Heim", "spokespersonFor", "Dorval Front"),
    }
