"""Wording families of an eleventh set of wire sentences (and of the tenth, left over): each
rule read on sentences of our own (invented names and wording, none from seeds/ or the held-out
files), with near misses that must give nothing."""

from __future__ import annotations

import pytest

from pipeline.extract.marked import marked_document
from pipeline.extract.relations import extract_relations
from tests.test_relations_news import triples


def _statements(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) the rules read, without the rule's name."""
    return {(s, p, o) for s, p, o, _ in triples(marked)}


def _combined(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of the rules and the classifier together."""
    found = extract_relations(marked_document(marked))
    return {(r.subject.name, r.predicate, r.object.name) for r in found}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O]'s top military officer, [Dora Vell|P], was wounded.",
        "The [Tarn Front|O] buried its military chief of staff, [Dora Vell|P], on Sunday.",
        "[Dora Vell|P], the [Tarn Front|O]'s military chief of staff, was wounded.",
    ],
)
def test_the_top_military_officer_commands(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "commanderOf", "Tarn Front")}


@pytest.mark.parametrize(
    "marked",
    [
        # an officer is staff, a chief of staff without "military" a leader's aide
        "[Dora Vell|P], a senior military officer of the [Tarn Front|O], was wounded.",
        "[Dora Vell|P], the [Tarn Front|O]'s chief of staff, was wounded.",
        "The [Tarn Front|O]'s deputy military chief of staff, [Dora Vell|P], fled.",
    ],
)
def test_other_staff_do_not_command(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "employedBy", "Tarn Front")}


def test_who_governs_a_province_leads_it() -> None:
    marked = "[Dora Vell|P], who governs [Kessel|L] province, opened the bridge."
    assert _statements(marked) == {("Dora Vell", "leaderOf", "Kessel")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P] began organising the [Tarn Front|O] in the spring of 2004.",
        "[Dora Vell|P] started building the [Tarn Front|O] after the war.",
    ],
)
def test_who_began_organising_a_body_founded_it(marked: str) -> None:
    assert _statements(marked) == {("Tarn Front", "foundedBy", "Dora Vell")}


def test_organising_an_event_founds_nothing() -> None:
    marked = "[Dora Vell|P] began organising a protest outside the [Tarn Front|O] offices."
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "Officials said [Varnia|L] was giving the [Tarn Front|O] up to $2 million a month.",
        "[Varnia|L] sends the [Tarn Front|O] rockets by sea.",
        "[Varnia|L] has handed the [Tarn Front|O] hundreds of drones since 2019.",
    ],
)
def test_a_gift_after_the_receiver_is_support(marked: str) -> None:
    assert _statements(marked) == {("Varnia", "supports", "Tarn Front")}


def test_courses_given_are_training() -> None:
    marked = "[Kessel Union|O] instructors gave the [Tarn Front|O] crash courses in sniping."
    assert _statements(marked) == {("Tarn Front", "trainedBy", "Kessel Union")}


@pytest.mark.parametrize(
    "marked",
    [
        "[Varnia|L] gave the [Tarn Front|O] an ultimatum to leave the port.",
        "[Varnia|L] sent the [Tarn Front|O] a warning about its rockets.",
    ],
)
def test_giving_no_aid_is_no_support(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O]'s chief patron, [Varnia|L], pledged to rebuild the bridge.",
        "[Varnia|L], the [Tarn Front|O]'s main backer, denounced the raid.",
        "[Varnia|L], long the paymaster of the [Tarn Front|O], stayed silent.",
    ],
)
def test_a_patron_supports(marked: str) -> None:
    assert _statements(marked) == {("Varnia", "supports", "Tarn Front")}


def test_a_patron_saint_is_no_backer() -> None:
    marked = "The [Kessel|L]'s patron saint, [Dora Vell|P], is honoured in May."
    assert _statements(marked) == set()


def test_a_cell_that_received_aid_from_a_backer() -> None:
    marked = "Police said the [Tarn Front|O] cell had received rifles and cash from [Varnia|L]."
    assert _statements(marked) == {("Varnia", "supports", "Tarn Front")}


def test_a_place_where_givers_are_gives_nothing() -> None:
    marked = "Advisers in [Kessel|L] have been giving the [Tarn Front|O] lessons in sniping."
    assert _statements(marked) == set()


def test_learned_a_skill_at_a_bodys_camp() -> None:
    marked = (
        "[Dora Vell|P], arrested in [Kessel|L] in May, learned to build drones at a "
        "[Tarn Front|O] camp in the hills, police said."
    )
    assert ("Dora Vell", "trainedBy", "Tarn Front") in _statements(marked)


def test_fronted_tutelage_trains() -> None:
    marked = (
        "Under the tutelage of [Tarn Front|O] engineers, [Kessel Union|O] crews learned to "
        "launch drones."
    )
    assert _statements(marked) == {("Kessel Union", "trainedBy", "Tarn Front")}


def test_fronted_tutelage_without_learning_is_nothing() -> None:
    marked = (
        "Under the supervision of [Tarn Front|O] engineers, [Kessel Union|O] workers built a dam."
    )
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P] said operatives of the [Tarn Front|O] had shown him how to wire mines.",
        "[Dora Vell|P] told investigators [Tarn Front|O] instructors taught him to fire rockets.",
    ],
)
def test_a_detainee_says_who_showed_him_how(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "trainedBy", "Tarn Front")}


def test_showing_him_the_door_is_no_training() -> None:
    marked = "[Dora Vell|P] said the [Tarn Front|O] had shown him the door in May."
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "In [Kessel|L], the [Tarn Front|O] and the [Kessel Union|O] vied for years for control "
        "of the docks.",
        "The [Tarn Front|O] and the [Kessel Union|O] competed for influence in the south.",
        "The [Tarn Front|O] vied with the [Kessel Union|O] for control of the docks.",
    ],
)
def test_vying_for_control_is_rivalry(marked: str) -> None:
    assert ("Tarn Front", "rivalOf", "Kessel Union") in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        # a list's last two names are not a pair
        "The [Arno Guard|O], [Tarn Front|O] and [Kessel Union|O] vied for control of the docks.",
        "The [Tarn Front|O] and the [Kessel Union|O] competed in the elections.",
    ],
)
def test_near_misses_of_vying(marked: str) -> None:
    assert ("Tarn Front", "rivalOf", "Kessel Union") not in _statements(marked)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Dora Vell|P], the former mayor and [Anton Weil|P]'s longtime adversary, spoke.",
            ("Dora Vell", "rivalOf", "Anton Weil"),
        ),
        (
            "[Dora Vell|P], a retired judge and [Anton Weil|P]'s cousin, spoke.",
            ("Dora Vell", "relativeOf", "Anton Weil"),
        ),
    ],
)
def test_a_second_description_after_and(marked: str, expected: tuple[str, str, str]) -> None:
    assert expected in _statements(marked)


def test_a_name_in_the_first_description_stops_it() -> None:
    marked = "[Dora Vell|P], the mayor of [Kessel|L] and [Anton Weil|P]'s rival, spoke."
    assert ("Dora Vell", "rivalOf", "Anton Weil") not in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "[Dora Vell|P] set up the [Tarn Guard|O] in 2009 as an elite unit within the "
        "[Tarn Front|O].",
        "The [Tarn Guard|O] was formed as a select force within the [Tarn Front|O].",
    ],
)
def test_a_body_formed_within_another_is_its_part(marked: str) -> None:
    assert ("Tarn Guard", "partOf", "Tarn Front") in _statements(marked)


def test_formed_as_a_rival_is_no_part() -> None:
    marked = "[Dora Vell|P] set up the [Tarn Guard|O] as a rival to the [Tarn Front|O]."
    assert ("Tarn Guard", "partOf", "Tarn Front") not in _statements(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "A decision to fold the [Tarn Guard|O] into the [Tarn Front|O] may come next year.",
        "Plans to arm the [Tarn Guard|O] were shelved by [Varnia|L].",
        "[Varnia|L] faces calls to arm the [Tarn Guard|O].",
    ],
)
def test_a_plan_states_nothing(marked: str) -> None:
    assert {p for _, p, _ in _statements(marked)} <= {"locatedIn"}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("The pro-[Varnia|L] daily [Kessel Post|O] denied the report.", "Varnia"),
        ("The pro-[Tarn Front|O] [Kessel Post|O] denied the report.", "Tarn Front"),
    ],
)
def test_pro_a_body_is_affiliation(marked: str, expected: str) -> None:
    assert _statements(marked) == {("Kessel Post", "affiliatedWith", expected)}


def test_pro_before_a_person_is_nothing() -> None:
    marked = "The pro-[Varnia|L] crowd cheered [Dora Vell|P]."
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "The [Tarn Front|O] says it has lost one of its own: [Dora Vell|P], 24, died on Friday.",
        "The [Tarn Front|O] mourned one of its fighters, [Dora Vell|P], at a funeral in May.",
    ],
)
def test_a_body_that_lost_one_of_its_own(marked: str) -> None:
    assert _statements(marked) == {("Dora Vell", "memberOf", "Tarn Front")}


def test_losing_a_hostage_is_no_membership() -> None:
    marked = "The [Tarn Front|O] says it has lost contact with [Dora Vell|P]."
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "A bomb hit the [Suq Hamra|L] fish market in [Kessel|L] on Friday.",
            ("Suq Hamra", "locatedIn", "Kessel"),
        ),
        (
            "Jets hit a depot in [Arno Heights|L], in [Kessel|L]'s northern suburbs, at dawn.",
            ("Arno Heights", "locatedIn", "Kessel"),
        ),
        (
            "[Camp Tarn|L], the old prison camp in [Kessel|L] province, lies empty.",
            ("Camp Tarn", "locatedIn", "Kessel"),
        ),
        (
            "[Camp Tarn|L] is now the main base of the [Tarn Front|O].",
            ("Tarn Front", "locatedIn", "Camp Tarn"),
        ),
    ],
)
def test_sites_and_bases_in_places(marked: str, expected: tuple[str, str, str]) -> None:
    assert _statements(marked) == {expected}


@pytest.mark.parametrize(
    "marked",
    [
        # a country adjective names no place of its own, and a former base places nothing now
        "A bomb hit the [Varnian=Varnia|L] market in [Kessel|L] on Friday.",
        "[Camp Tarn|L] is a former base of the [Tarn Front|O].",
    ],
)
def test_near_misses_of_sites_and_bases(marked: str) -> None:
    assert _statements(marked) == set()


@pytest.mark.parametrize(
    ("marked", "wrong"),
    [
        (
            "[Dora Vell|P], who helped found the [Tarn Front|O] in 1990, now lives in [Kessel|L].",
            ("Tarn Front", "locatedIn", "Kessel"),
        ),
        (
            "[Dora Vell|P] trained at a [Tarn Front|O] camp in eastern [Varnia|L].",
            ("Tarn Front", "locatedIn", "Varnia"),
        ),
        (
            "[Dora Vell|P], a baker from [Arno|L], was hurt when a shell hit a bus in [Kessel|L].",
            ("Arno", "locatedIn", "Kessel"),
        ),
    ],
)
def test_the_classifier_places_no_body_where_a_person_lives_or_trained(
    marked: str, wrong: tuple[str, str, str]
) -> None:
    assert wrong not in _combined(marked)


def test_the_classifier_still_places_a_bodys_headquarters() -> None:
    marked = "The [Tarn Front|O] headquarters in [Kessel|L] was struck before dawn."
    assert ("Tarn Front", "locatedIn", "Kessel") in _combined(marked)


def test_a_noun_and_participle_aside_is_read_past() -> None:
    marked = (
        "[Dora Vell|P], the judge killed by [Anton Weil|P]'s guards in 1999, was "
        "[Ria Lund|P]'s aunt."
    )
    statements = _statements(marked)
    assert ("Dora Vell", "relativeOf", "Ria Lund") in statements
    assert ("Anton Weil", "relativeOf", "Ria Lund") not in statements
