"""Wording families of a tenth set of wire sentences: each rule read on sentences of our own
(invented names and wording, none from seeds/ or the held-out files), with near misses that
must give nothing."""

from __future__ import annotations

import pytest

from tests.test_relations_news import triples


def _statements(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) without the rule's name."""
    return {(s, p, o) for s, p, o, _ in triples(marked)}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("Police said [Tarn Front|O] gunman [Dora Vell|P] was shot.", "memberOf"),
        ("[Kessel Times|O] photographer [Dora Vell|P] was freed.", "employedBy"),
        ("[Dora Vell|P], a [Kessel Times|O] cameraman, was freed.", "employedBy"),
        ("[Kessel Oil Company|O] engineer [Dora Vell|P] was kidnapped.", "employedBy"),
    ],
)
def test_a_trade_before_or_after_a_name(marked: str, expected: str) -> None:
    assert {(s, p) for s, p, _ in _statements(marked)} == {("Dora Vell", expected)}


@pytest.mark.parametrize(
    "marked",
    [
        # a nationality says nothing of an employer
        "[Varonian|L] journalist [Dora Vell|P] praised the film.",
        "[Tarn Front|O] gunmen shot [Dora Vell|P] at dawn.",
    ],
)
def test_a_trade_without_an_employer_gives_nothing(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "[Tarn Front|O] fighters under [Dora Vell|P] took the bridge.",
        "The [Tarn Front|O]'s troops under the command of Gen. [Dora Vell|P] took the bridge.",
        "[Tarn Front|O] gunmen commanded by [Dora Vell|P] took the bridge.",
    ],
)
def test_a_bodys_men_under_a_commander(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "commanderOf", "Tarn Front")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Tarn Front|O] fighters under pressure from [Dora Vell|P] withdrew.",
        "[Tarn Front|O] fighters fled under fire from [Dora Vell|P].",
    ],
)
def test_under_pressure_or_fire_is_no_command(marked: str) -> None:
    assert ("Dora Vell", "commanderOf", "Tarn Front") not in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O], which has been at odds with the [Kessel Union|O] for years, left.",
        "[Tarn Front|O] and [Kessel Union|O] militiamen still trade fire along the canal.",
        "The [Tarn Front|O] and the [Kessel Union|O] exchanged gunfire on Monday.",
    ],
)
def test_wordings_of_fighting_each_other(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "rivalOf", "Kessel Union")}


def test_trading_goods_is_no_fight() -> None:
    marked = "[Tarn Front|O] and [Kessel Union|O] traders exchanged goods at the fair."
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O] has allied itself with the [Kessel Union|O] in the row over oil.",
        "The [Tarn Front|O] joined forces with the [Kessel Union|O] last spring.",
        "The [Tarn Front|O] formed an electoral alliance with the [Kessel Union|O].",
        "The [Tarn Front|O], the [Kessel Union|O]'s junior partner in the cabinet, objected.",
        "The [Tarn Front|O], a staunch ally of the [Kessel Union|O], objected.",
    ],
)
def test_wordings_of_alliance(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "affiliatedWith", "Kessel Union")}


def test_an_ally_of_a_bodys_leader_is_the_leaders() -> None:
    marked = "[Ali Sam|P] is a close ally of [Kessel Union|O] chief [Dora Vell|P]."
    assert ("Ali Sam", "affiliatedWith", "Kessel Union") not in _statements(marked)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Tarn Front|O] threw its full weight behind [Dora Vell|P] in the vote.",
            ("Tarn Front", "supports", "Dora Vell"),
        ),
        (
            "The [Tarn Front|O] rallied behind the [Kessel Union|O] after the raid.",
            ("Tarn Front", "supports", "Kessel Union"),
        ),
        (
            "The [Tarn Front|O] shipped drone parts to the [Kessel Union|O] by road.",
            ("Tarn Front", "supports", "Kessel Union"),
        ),
        (
            "The [Kessel Union|O] was mentored for a decade by the [Tarn Front|O].",
            ("Kessel Union", "trainedBy", "Tarn Front"),
        ),
    ],
)
def test_wordings_of_backing_and_mentoring(marked: str, expected: tuple) -> None:
    assert expected in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O] shipped grain to the [Kessel Union|O] by road.",
        "The [Tarn Front|O] fell behind the [Kessel Union|O] in the polls.",
    ],
)
def test_trade_or_a_race_is_no_backing(marked: str) -> None:
    assert ("Tarn Front", "supports", "Kessel Union") not in _statements(marked)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("Mortars hit the [Varo|L] village of [Mesk|L] at dawn.", ("Mesk", "locatedIn", "Varo")),
        (
            "[Dora Vell|P] retired to [Mesk|L], her native town in the [Varo Hills|L].",
            ("Mesk", "locatedIn", "Varo Hills"),
        ),
        (
            "The [Tarn Front|O] runs its cells from a fortified base in [Mesk|L], police say.",
            ("Tarn Front", "locatedIn", "Mesk"),
        ),
    ],
)
def test_where_a_place_or_body_is(marked: str, expected: tuple) -> None:
    assert expected in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        # a nationality's adjective names no place
        "The [Varonian|L] town of [Mesk|L] is old.",
        # a district is written either way round
        "Mortars hit the [Varo|L] district of [Mesk|L] at dawn.",
    ],
)
def test_no_place_noun_read_the_wrong_way(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "A [Varo|L] judge acquitted [Dora Vell|P] of charges that she belonged to the"
        " [Tarn Front|O].",
        "[Dora Vell|P] was acquitted of membership in the [Tarn Front|O].",
    ],
)
def test_what_one_is_acquitted_of_is_not_so(marked: str) -> None:
    assert ("Dora Vell", "memberOf", "Tarn Front") not in _statements(marked)


def test_cleared_of_another_charge_keeps_the_apposition() -> None:
    marked = "A court cleared [Dora Vell|P], a member of the [Tarn Front|O], of fraud."
    assert ("Dora Vell", "memberOf", "Tarn Front") in _statements(marked)
