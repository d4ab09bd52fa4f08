"""Wording families of a twelfth set of wire sentences, read as broad constructions and word
classes: each rule read on sentences of our own (invented names and wording, none from seeds/
or the held-out files), with near misses that must give nothing."""

from __future__ import annotations

import pytest

from tests.test_relations_news import triples


def _statements(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) the rules read, without the rule's name."""
    return {(s, p, o) for s, p, o, _ in triples(marked)}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[Dora Vell|P], a civilian mechanic contracted to [Varn Haulage|O], was hurt.",
         "employedBy"),
        ("[Dora Vell|P], a freelance electrician hired by [Varn Haulage|O], was hurt.",
         "employedBy"),
        ("[Dora Vell|P], a cook for [Varn Haulage|O], was hurt.", "employedBy"),
        ("[Dora Vell|P], a jailed [Varn Haulage|O] financier, was freed.", "memberOf"),
        ("[Dora Vell|P], a courier for the [Varn Haulage|O], was freed.", "memberOf"),
        ("[Dora Vell|P], a [Varn Haulage|O] bomb-maker, was freed.", "memberOf"),
    ],
)  # fmt: skip
def test_trades_and_militant_functions_are_roles(marked: str, expected: str) -> None:
    assert _statements(marked) == {("Dora Vell", expected, "Varn Haulage")}


def test_an_ambassador_sent_to_a_state_is_still_not_its_own() -> None:
    assert _statements("[Dora Vell|P], the ambassador to [Kessel|L], left.") == set()


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P], who is married to [Ivo Marsh|P], spoke.",
        "[Dora Vell|P] married [Ivo Marsh|P] in 2001.",
        # a body's title between the kin word and the name
        "[Dora Vell|P], who is married to jailed [Tarn Front|O] courier [Ivo Marsh|P], spoke.",
        "[Dora Vell|P], the widow of slain [Tarn Front|O] commander [Ivo Marsh|P], spoke.",
    ],
)
def test_marriage_is_kinship(marked: str) -> None:
    assert ("Dora Vell", "relativeOf", "Ivo Marsh") in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P] met [Tarn Front|O] commander [Ivo Marsh|P] in [Kessel|L].",
        "[Dora Vell|P] was married to the cause, not to [Ivo Marsh|P].",
    ],
)
def test_no_kinship_without_a_kin_word(marked: str) -> None:
    assert not {s for s in _statements(marked) if s[1] == "relativeOf"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Ana Roe|P] and [Ivo Marsh|P], both field commanders of the [Tarn Front|O], died.",
        "[Ana Roe|P] and [Ivo Marsh|P], both [Tarn Front|O] commanders, died.",
        "[Ana Roe|P] and [Ivo Marsh|P], each a commander of the [Tarn Front|O], died.",
    ],
)
def test_both_after_a_list_says_it_of_each(marked: str) -> None:
    assert _statements(marked) == {
        ("Ana Roe", "commanderOf", "Tarn Front"),
        ("Ivo Marsh", "commanderOf", "Tarn Front"),
    }


def test_a_list_without_both_gives_the_apposition_to_the_last() -> None:
    marked = "Talks between [Ana Roe|P] and [Ivo Marsh|P], a [Tarn Front|O] commander, failed."
    assert _statements(marked) == {("Ivo Marsh", "commanderOf", "Tarn Front")}


def test_the_last_of_two_coordinated_roles_is_the_role() -> None:
    marked = "[Dora Vell|P], the [Tarn Front|O]'s chief negotiator and spokesman, said."
    assert _statements(marked) == {("Dora Vell", "spokespersonFor", "Tarn Front")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P], the [Tarn Front|O]'s chief negotiator, said.",
        "[Dora Vell|P], the [Tarn Front|O]'s chief strategist and negotiator, said.",
    ],
)
def test_a_role_word_before_another_noun_is_no_role(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "Troops raided a house in [Kessel|L]'s [Old Mill Zone|L] on Friday.",
        "Shops closed in [Kessel|L]'s [Copper Quarter|L].",
        "Jets struck depots at [Old Mill|L], deep in [Kessel|L]'s western desert, on Friday.",
    ],
)
def test_places_in_places(marked: str) -> None:
    assert {s[1:] for s in _statements(marked)} == {("locatedIn", "Kessel")}


def test_just_outside_is_not_in() -> None:
    assert _statements("A bomb exploded at [Old Mill|L], just outside [Kessel|L].") == set()


@pytest.mark.parametrize("noun", ["contest", "struggle", "standoff", "tug-of-war"])
def test_a_contest_between_two_is_rivalry(noun: str) -> None:
    marked = f"Local politics turns on the {noun} between [Ana Roe|P] and [Ivo Marsh|P]."
    assert _statements(marked) == {("Ana Roe", "rivalOf", "Ivo Marsh")}


@pytest.mark.parametrize("verb", ["collapsed in court", "was thrown out", "fell apart"])
def test_a_claim_that_failed_states_nothing(verb: str) -> None:
    marked = f"The claim that [Ana Roe|P] had funded the [Tarn Front|O] {verb}."
    assert _statements(marked) == set()


def test_a_claim_repeated_still_states() -> None:
    marked = "The claim that [Ana Roe|P] had funded the [Tarn Front|O] was widely repeated."
    assert _statements(marked) == {("Ana Roe", "supports", "Tarn Front")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[Ivo Marsh|P]'s [Tarn Front|O] grew.", "leaderOf"),
        ("[Ana Roe|P], a politician whose [Tarn Front|O] sided with rivals, won.", "leaderOf"),
        # an officer's, or a unit's, is the one he commands
        ("[Maj. Gen. ^Ivo Marsh|P]'s [Tarn Front|O] broke in.", "commanderOf"),
        ("[Ivo Marsh|P]'s [Golden Division|O] broke in.", "commanderOf"),
    ],
)
def test_a_persons_body_is_the_one_he_leads_or_commands(marked: str, expected: str) -> None:
    (statement,) = _statements(marked)
    assert statement[1] == expected


@pytest.mark.parametrize(
    "marked",
    [
        "[Ana Roe|P], whose [Tarn Front|O] fighters fled, won.",
        "[Ivo Marsh|P]'s [Tarn Front|O]'s commander fled.",
    ],
)
def test_a_possessive_that_qualifies_a_noun_leads_nothing(marked: str) -> None:
    assert not {s for s in _statements(marked) if s[1] in ("leaderOf", "commanderOf")}


@pytest.mark.parametrize(
    "marked",
    [
        "Analysts describe the [Tarn Front|O] as a fellow traveller of the [Varn Guard|O].",
        "The [Tarn Front|O], a satellite of the [Varn Guard|O], fired rockets.",
        "The [Tarn Front|O] sided with the [Varn Guard|O] in the vote.",
        "The [Tarn Front|O] has thrown in its lot with the [Varn Guard|O].",
        "The [Tarn Front|O] made common cause with the [Varn Guard|O].",
    ],
)
def test_siding_with_is_affiliation(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "affiliatedWith", "Varn Guard")}


@pytest.mark.parametrize(
    "marked",
    [
        "Gunmen posing as [Varn Guard|O] officers stormed the house.",
        "[Ana Roe|P] as well as the [Varn Guard|O] denied it.",
    ],
)
def test_as_after_no_name_describes_nothing(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The founder of the [Tarn|O] movement, [Ana Roe|P], was killed.",
        "[Ana Roe|P] called the [Tarn Front|O] into being in 2014.",
        "[Ana Roe|P] put together the [Tarn Front|O] to defend the town.",
        "Three former army officers, among them [Ana Roe|P], stood up the [Tarn Front|O].",
    ],
)
def test_founding_constructions(marked: str) -> None:
    assert {s for s in _statements(marked) if s[1] == "foundedBy"} == {
        ("Tarn" if "[Tarn|O]" in marked else "Tarn Front", "foundedBy", "Ana Roe")
    }


def test_calling_a_body_to_account_founds_nothing() -> None:
    assert _statements("[Ana Roe|P] called the [Tarn Front|O] to account.") == set()


@pytest.mark.parametrize(
    "marked",
    [
        "Much of the money that keeps the [Tarn Front|O] running comes from [Varnia|L].",
        "Officials said the rockets had been supplied to [Tarn Front|O] cells by [Varnia|L].",
    ],
)
def test_aid_said_of_what_is_given(marked: str) -> None:
    assert _statements(marked) == {("Varnia", "supports", "Tarn Front")}


def test_a_letter_sent_is_no_aid() -> None:
    marked = "The letter was sent to [Tarn Front|O] leaders by the [Varn Guard|O]."
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O] is one of the [Varn Guard|O]'s death squads.",
        "The [Tarn Front|O] is the [Varn Guard|O]'s rocket cell.",
        "Registered with the [Varn Guard|O] as its 45th and 46th brigades, the [Tarn Front|O] "
        "draws salaries.",
        "Folded into the [Varn Guard|O] in 2016, the [Tarn Front|O] kept its name.",
        "Enrolled in the [Varn Guard|O] as its 3rd, 4th and 5th battalions, the [Tarn Front|O] "
        "grew.",
    ],
)
def test_units_and_fronted_joining_are_parts(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "partOf", "Varn Guard")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("Lawmakers from the [Tarn Front|O], led by parliament speaker [Ana Roe|P], left.",
         {("Ana Roe", "leaderOf", "Tarn Front")}),
        ("The [Tarn Front|O], led by forces loyal to [Ana Roe|P], left.", set()),
        ("Returned to office as [Kessel|L]'s governor after the vote, [Ana Roe|P] spoke.",
         {("Ana Roe", "leaderOf", "Kessel")}),
        ("[Ana Roe|P], who has run [Kessel|L]'s foreign ministry since 2020, spoke.",
         {("Ana Roe", "employedBy", "Kessel")}),
        ("[Ana Roe|P] has run [Kessel|L]'s biggest bakery since 2019.", set()),
        ("[Ana Roe|P] broke with the [Tarn Front|O], taking his gunmen with him.", set()),
        ("[Ana Roe|P] parted ways with the [Tarn Front|O] in 2012.", set()),
    ],
)  # fmt: skip
def test_who_leads_and_who_left(marked: str, expected: set) -> None:
    assert _statements(marked) == expected


@pytest.mark.parametrize(
    ("marked", "trainee"),
    [
        ("Recruits to the [Tarn Front|O] were put through their paces by [Varn Guard|O] officers.",
         "Tarn Front"),
        ("The detainee, [Ana Roe|P], said [Varn Guard|O] instructors had put him and ten others "
         "through a month-long course in mortar fire.", "Ana Roe"),
        ("[Ana Roe|P] owed his marksmanship to a [Varn Guard|O] course he attended.", "Ana Roe"),
    ],
)  # fmt: skip
def test_training_idioms(marked: str, trainee: str) -> None:
    assert {s for s in _statements(marked) if s[1] == "trainedBy"} == {
        (trainee, "trainedBy", "Varn Guard")
    }


@pytest.mark.parametrize(
    "marked",
    [
        "[Ana Roe|P] owed his life to a [Varn Guard|O] medic.",
        "[Ana Roe|P] said [Varn Guard|O] officers had put him through hell.",
    ],
)
def test_no_training_without_a_course(marked: str) -> None:
    assert not {s for s in _statements(marked) if s[1] == "trainedBy"}
