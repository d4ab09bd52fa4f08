"""Wording families a wire reporter varies: each test reads several fillers of one shape and a
near miss that must give nothing. Invented sentences, none from seeds/ or the held-out files."""

from __future__ import annotations

import pytest

from tests.test_relations_news import triples


def _statements(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) without the rule's name."""
    return {(s, p, o) for s, p, o, _ in triples(marked)}


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P], the mouthpiece of the [Tarn Front|O], spoke on Friday.",
        "[Dora Vell|P], the official voice of the [Tarn Front|O], spoke on Friday.",
        "[Dora Vell|P], the public voice of the [Tarn Front|O], spoke on Friday.",
        "[Dora Vell|P], for a decade the official voice of the [Tarn Front|O], spoke.",
        "[Dora Vell|P], since 2019 the press officer of the [Tarn Front|O], spoke.",
        "The [Tarn Front|O]'s mouthpiece, [Dora Vell|P], spoke on Friday.",
    ],
)
def test_nouns_of_speaking_for_a_body(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "spokespersonFor", "Tarn Front")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Tarn Front|O] honours its founding father, [Dora Vell|P], every year.",
        "[Dora Vell|P], the architect of the [Tarn Front|O], died in 2004.",
        "[Dora Vell|P], the creator of the [Tarn Front|O], died in 2004.",
        "[Dora Vell|P], the spiritual father of the [Tarn Front|O], died in 2004.",
    ],
)
def test_nouns_of_founding_a_body(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "foundedBy", "Dora Vell")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a father of a person is kin, not a founder
        (
            "[Dora Vell|P], the father of [Tom Vell|P], spoke.",
            {("Dora Vell", "relativeOf", "Tom Vell")},
        ),
        # a time phrase before no role, and a voice that is no body's
        ("[Dora Vell|P], for a decade a critic of the [Tarn Front|O], spoke.", set()),
        ("[Dora Vell|P], a voice of reason, said the [Tarn Front|O] had erred.", set()),
        ("[Dora Vell|P], a voice in the [Tarn Front|O], spoke.", set()),
    ],
)
def test_near_misses_of_role_nouns(marked: str, expected: set) -> None:
    assert _statements(marked) == expected


@pytest.mark.parametrize(
    ("marked", "predicate"),
    [
        ("[Dora Vell|P], [Tom Vell|P]'s eldest daughter, told the court.", "relativeOf"),
        ("[Dora Vell|P] is [Tom Vell|P]'s younger brother.", "relativeOf"),
        ("[Dora Vell|P], [Tom Vell|P]'s widow, spoke.", "relativeOf"),
        ("[Dora Vell|P], [Tom Vell|P]'s nemesis in the south, refused.", "rivalOf"),
        ("[Dora Vell|P], [Tom Vell|P]'s arch-rival, refused.", "rivalOf"),
        ("[Dora Vell|P] and [Tom Vell|P], who are cousins, fled.", "relativeOf"),
        ("[Dora Vell|P] and [Tom Vell|P], both of whom were brothers, fled.", "relativeOf"),
        ("[Dora Vell|P] and [Tom Vell|P], husband and wife, were freed.", "relativeOf"),
        ("[Dora Vell|P] and [Tom Vell|P] are first cousins.", "relativeOf"),
    ],
)
def test_kin_and_enemies_said_after_the_second_name(marked: str, predicate: str) -> None:
    assert _statements(marked) == {("Dora Vell", predicate, "Tom Vell")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P], [Tom Vell|P]'s lawyer, spoke.",
        "[Dora Vell|P] met [Tom Vell|P]'s brother.",
        "[Dora Vell|P], [Tom Vell|P]'s son's teacher, spoke.",
        "[Dora Vell|P] and [Tom Vell|P], who are lawyers, fled.",
    ],
)
def test_no_kin_without_the_kin_of_the_first_name(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O] and the [Dorval Brigades|O] have been at daggers drawn since 2019.",
        "The [Tarn Front|O] and the [Dorval Brigades|O] are at loggerheads over the port.",
        "[Tarn Front|O] and [Dorval Brigades|O] are locked in a bitter turf war.",
        "The [Tarn Front|O] has been at loggerheads with the [Dorval Brigades|O] for years.",
        "[Tarn Front|O]-[Dorval Brigades|O] rivalry flares again over aid",
        "The [Tarn Front|O]–[Dorval Brigades|O] feud has cost dozens of lives.",
    ],
)
def test_wordings_of_enmity(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "rivalOf", "Dorval Brigades")}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O]–[Dorval Brigades|O] ceasefire held.",
        "The [Tarn Front|O]-[Dorval Brigades|O] alliance grew.",
        "The [Tarn Front|O] and the [Dorval Brigades|O] are at the talks.",
    ],
)
def test_no_enmity_in_a_truce_or_a_meeting(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "For years [Varnia|L] footed much of the bill for the [Tarn Front|O], paying salaries.",
        "[Varnia|L] picked up the tab for the [Tarn Front|O].",
        "[Varnia|L], which pays the salaries of [Tarn Front|O] fighters, denied a role.",
        "[Varnia|L] has kept the [Tarn Front|O] afloat since 2019.",
        "The [Tarn Front|O] is subsidised by [Varnia|L].",
        "[Varnia|L] underwrites the [Tarn Front|O].",
        "The [Tarn Front|O], propped up by [Varnia|L], grew.",
    ],
)
def test_wordings_of_paying_for_a_body(marked: str) -> None:
    assert _statements(marked) == {("Varnia", "supports", "Tarn Front")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Varnia|L] kept the [Tarn Front|O] waiting.",
        "[Varnia|L] footed the bill for [Tom Vell|P].",
        "[Varnia|L] never paid the salaries of [Tarn Front|O] fighters.",
    ],
)
def test_no_support_in_other_payments_or_a_denial(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Brigade|O] answers to the [Dorval Front|O], not to the cabinet.",
        "The [Tarn Brigade|O], which reports directly to the [Dorval Front|O], fled.",
        "The [Tarn Brigade|O] takes its orders from the [Dorval Front|O].",
        "The [Tarn Brigade|O] was folded into the [Dorval Front|O] in 2018.",
        "The [Tarn Brigade|O] has been absorbed into the [Dorval Front|O].",
        "The [Tarn Brigade|O] falls under the [Dorval Front|O].",
        "The [Tarn Brigade|O] operates under the umbrella of the [Dorval Front|O].",
    ],
)
def test_wordings_of_subordination(marked: str) -> None:
    assert _statements(marked) == {("Tarn Brigade", "partOf", "Dorval Front")}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Brigade|O] came under [Dorval Front|O] fire.",
        "The [Tarn Brigade|O] does not answer to the [Dorval Front|O].",
        "[Dora Vell|P] answers to the [Dorval Front|O].",
    ],
)
def test_no_subordination_under_fire_denied_or_of_a_person(marked: str) -> None:
    assert _statements(marked) == set()


def test_bodies_that_join_a_coalition_are_its_members() -> None:
    found = _statements(
        "The [Tarn Brigade|O], the [Vell Battalion|O] and the [Kors Group|O] have all joined the "
        "[Dorval Front|O], the umbrella that claimed the attack."
    )
    assert found == {
        (body, "memberOf", "Dorval Front")
        for body in ("Tarn Brigade", "Vell Battalion", "Kors Group")
    }


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Brigade|O] joined the [Dorval Front|O] in retaking the town.",
        "The [Tarn Brigade|O] joined the [Dorval Front|O] offensive.",
        "The [Tarn Brigade|O] joined the [Dorval Front|O] in condemning the strike.",
        # the tagger's name stops short of the coalition's ("the Dorval Front in Tarnia")
        "The [Tarn Brigade|O] joined the [Dorval Front|O] in [Tarnia|L].",
    ],
)
def test_joining_in_an_act_is_no_membership(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O], which pledged allegiance to the [Dorval Front|O] in 2020, fled.",
        "The [Tarn Front|O] swore loyalty to the [Dorval Front|O].",
        "The [Tarn Front|O] has declared its allegiance to the [Dorval Front|O].",
        "The [Tarn Front|O], a militia aligned with the [Dorval Front|O], fled.",
        "The [Tarn Front|O] stands in the [Dorval Front|O]'s camp on the presidency.",
        "The [Tarn Front|O] remains firmly in the camp of the [Dorval Front|O].",
    ],
)
def test_wordings_of_allegiance(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "affiliatedWith", "Dorval Front")}


def test_allegiance_of_a_person_and_of_a_list() -> None:
    assert _statements("[Dora Vell|P], a cleric associated with the [Dorval Front|O], spoke.") == {
        ("Dora Vell", "affiliatedWith", "Dorval Front")
    }
    assert _statements(
        "Both the [Tarn Front|O] and the [Vell Brigade|O] stand in [Dorval Front|O]'s camp."
    ) == {
        ("Tarn Front", "affiliatedWith", "Dorval Front"),
        ("Vell Brigade", "affiliatedWith", "Dorval Front"),
    }


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P] was held in the [Dorval Front|O]'s camp near the border.",
        "The [Tarn Front|O] never pledged allegiance to the [Dorval Front|O].",
    ],
)
def test_no_allegiance_in_a_real_camp_or_a_denial(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "Dozens of [Tarn Front|O] drone operators were trained at the hands of [Dorval Front|O] "
        "instructors.",
        "[Tarn Front|O] snipers were schooled under the tutelage of [Dorval Front|O] officers.",
        "[Tarn Front|O] cadets were trained by the [Dorval Front|O].",
    ],
)
def test_trainees_and_agents_of_training(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "trainedBy", "Dorval Front")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Dora Vell|P], the bomb-maker, learned his trade from the [Dorval Front|O].",
            {("Dora Vell", "trainedBy", "Dorval Front")},
        ),
        (
            "[Dora Vell|P], a former teacher, joined the [Dorval Front|O] in 2012.",
            {("Dora Vell", "memberOf", "Dorval Front")},
        ),
        # a list, not an aside: only the name next to the verb joined
        (
            "[Dora Vell|P], the bomb-maker, and [Tom Vell|P] joined the [Dorval Front|O].",
            {("Tom Vell", "memberOf", "Dorval Front")},
        ),
    ],
)
def test_a_noun_phrase_aside_between_subject_and_verb(marked: str, expected: set) -> None:
    assert _statements(marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Tarn Front|O] unit that [Dora Vell|P] commanded until her death disbanded.",
            ("Dora Vell", "commanderOf", "Tarn Front"),
        ),
        (
            "The [Tarn Front|O], which [Dora Vell|P] led for a decade, split.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "The [Tarn Front|O] that [Dora Vell|P] founded is gone.",
            ("Tarn Front", "foundedBy", "Dora Vell"),
        ),
    ],
)
def test_an_object_relative_clause_of_leading(marked: str, expected: tuple) -> None:
    assert _statements(marked) == {expected}


@pytest.mark.parametrize(
    "marked",
    [
        "Police told the [Tarn Front|O] that [Dora Vell|P] commands the unit.",
        "The [Tarn Front|O] brigade that [Dora Vell|P] attacked was destroyed.",
    ],
)
def test_no_leader_in_a_clause_told_to_a_body_or_of_another_verb(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Fighting in [Varnia|L]'s [Tarn Valley|L] killed two.",
            ("Tarn Valley", "locatedIn", "Varnia"),
        ),
        (
            "[Varnia|L]'s [Dorval Governorate|L] was shelled.",
            ("Dorval Governorate", "locatedIn", "Varnia"),
        ),
        (
            "The [Tarn Front|O], the broadcaster based in [Dorval|L], closed.",
            ("Tarn Front", "locatedIn", "Dorval"),
        ),
    ],
)
def test_a_place_noun_inside_the_name_and_a_noun_before_based(marked: str, expected: tuple) -> None:
    assert _statements(marked) == {expected}


def test_no_place_in_a_place_that_only_modifies_a_noun() -> None:
    assert _statements("[Varnia|L]'s [Tarn Strip|L] offensive began.") == set()


@pytest.mark.parametrize(
    "marked",
    [
        "If [Varnia|L] ever chose to arm the [Tarn Front|O] openly, the north would ignite.",
        "Diplomats asked whether [Varnia|L] funds the [Tarn Front|O].",
        "Reports that [Dora Vell|P] had been named head of the [Tarn Front|O] were untrue.",
        "Claims that [Varnia|L] trained the [Tarn Front|O] have proved baseless.",
        "The [Tarn Front|O] was set up by [Dora Vell|P], officials in [Varnia|L] say.",
    ],
)
def test_no_statement_in_a_condition_a_claim_called_false_or_of_sources(marked: str) -> None:
    found = _statements(marked)
    assert found <= {("Tarn Front", "foundedBy", "Dora Vell")}
    assert not any(o == "Varnia" or s == "Varnia" for s, _, o in found)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # an apposition holds inside a condition or a false report about something else
        (
            "If [Dora Vell|P], the leader of the [Tarn Front|O], dies, chaos follows.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "Reports that [Dora Vell|P], the leader of the [Tarn Front|O], was killed were false.",
            ("Dora Vell", "leaderOf", "Tarn Front"),
        ),
        (
            "Reports that [Varnia|L] arms the [Tarn Front|O] were confirmed.",
            ("Varnia", "supports", "Tarn Front"),
        ),
        (
            "The [Tarn Front|O] was the brainchild of Gen. [Dora Vell|P].",
            ("Tarn Front", "foundedBy", "Dora Vell"),
        ),
    ],
)
def test_what_conditions_and_false_claims_leave_standing(marked: str, expected: tuple) -> None:
    assert _statements(marked) == {expected}
