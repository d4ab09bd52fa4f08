"""News wording the rules read: founders, rivals, training with a place between, an object
relative clause, instructors; and names that only qualify the next word. Invented sentences,
none from seeds/."""

from __future__ import annotations

import pytest

from pipeline.extract.learned import placed
from pipeline.extract.marked import marked_document
from pipeline.extract.relations import rule_relations


def triples(marked: str) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, rule) the rules read in ``marked``."""
    found = rule_relations(marked_document(marked))
    return {(r.subject.name, r.predicate, r.object.name, r.rule) for r in found}


FOUNDED = [
    "The [Dorval Brigades|O] were founded in 2011 by the cleric [Anton Weil|P].",
    "The [Dorval Brigades|O] was set up in 2016 by [Anton Weil|P], a former police officer.",
    "The [Dorval Brigades|O] were started in 2013 by [Anton Weil|P].",
    "The [Dorval Brigades|O], a militia founded by [Anton Weil|P], attacked the base.",
    "The [Dorval Brigades|O], a shadowy group set up in 2014 by the cleric [Anton Weil|P], fled.",
]


@pytest.mark.parametrize("marked", FOUNDED)
def test_founded_by_with_a_date_or_a_description_between(marked: str) -> None:
    assert triples(marked) == {("Dorval Brigades", "foundedBy", "Anton Weil", "passive-led-by")}


def test_a_group_led_by_is_led_not_founded() -> None:
    found = triples("The [Dorval Brigades|O], a faction led by [Anton Weil|P], regrouped.")
    assert found == {("Anton Weil", "leaderOf", "Dorval Brigades", "passive-led-by")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Civic Council|O], which [Varnia|L] created in 2019, met on Tuesday.",
            {("Civic Council", "foundedBy", "Varnia")},
        ),
        (
            "The [Civic Council|O], which [Varnia|L] arms and trains, met on Tuesday.",
            {("Varnia", "supports", "Civic Council"), ("Civic Council", "trainedBy", "Varnia")},
        ),
        ("The [Civic Council|O], which [Varnia|L] denies funding, met.", set()),
    ],
)
def test_object_relative_clause(marked: str, expected: set[tuple[str, str, str]]) -> None:
    assert {t[:3] for t in triples(marked)} == expected


RIVALS = [
    ("The [Dorval Brigades|O] clashed with the [Essen Guard|O] in [Lorsk|L] on Friday.",
     "clashed-with"),
    ("Fighters from the [Dorval Brigades|O] clashed with members of the [Essen Guard|O].",
     "clashed-with"),
    ("The [Dorval Brigades|O] has feuded with the [Essen Guard|O] over the port.",
     "clashed-with"),
    ("Gunmen of the [Dorval Brigades|O] fought the rival [Essen Guard|O] for the market.",
     "clashed-with"),
    ("[Anton Weil|P] is locked in a feud with [Kurt Mesel|P].", "clashed-with"),
    ("The [Dorval Brigades|O] and the [Essen Guard|O] have feuded for years.", "rival"),
    ("The feud between the [Dorval Brigades|O] and the [Essen Guard|O] escalated.", "rival"),
    ("Tensions between the [Dorval Brigades|O] and the [Essen Guard|O] grew.", "rival"),
    ("The [Dorval Brigades|O] and [Essen Guard|O], once bitter rivals, fought in [Lorsk|L].",
     "rival"),
    ("The [Dorval Brigades|O] and [Essen Guard|O], rival militias, met in [Lorsk|L].", "rival"),
    ("[Anton Weil|P] accused his longtime rival, [Kurt Mesel|P], of fraud.", "rival"),
]  # fmt: skip


@pytest.mark.parametrize(("marked", "rule"), RIVALS)
def test_rivals_and_clashes(marked: str, rule: str) -> None:
    (found,) = triples(marked)
    assert found[1:] in {("rivalOf", "Essen Guard", rule), ("rivalOf", "Kurt Mesel", rule)}


NOT_RIVALS = [
    "The [Dorval Brigades|O] and the [Essen Guard|O] clashed with [Kurt Mesel|P]'s men.",
    "The [Dorval Brigades|O] fought alongside the [Essen Guard|O].",
    "The [Dorval Brigades|O] fought for the [Essen Guard|O] in 2014.",
    "[Anton Weil|P] met [Kurt Mesel|P] in [Lorsk|L].",
    "[Anton Weil|P], [Kurt Mesel|P] and [Ivo Stanek|P], once rivals, met.",
]


@pytest.mark.parametrize("marked", NOT_RIVALS)
def test_allies_and_lists_are_not_rivals(marked: str) -> None:
    rivals = {frozenset((s, o)) for s, p, o, _ in triples(marked) if p == "rivalOf"}
    assert {"Dorval Brigades", "Essen Guard"} not in rivals
    assert {"Anton Weil", "Kurt Mesel"} not in rivals


def test_a_list_that_clashed_with_someone_is_his_rival() -> None:
    marked = "The [Dorval Brigades|O] and the [Essen Guard|O] clashed with [Kurt Mesel|P]'s men."
    assert {t[:3] for t in triples(marked)} == {
        ("Dorval Brigades", "rivalOf", "Kurt Mesel"),
        ("Essen Guard", "rivalOf", "Kurt Mesel"),
    }


TRAINED = [
    ("[Anton Weil|P] had been trained in [Lorsk|L] by the [Essen Guard|O].", "Anton Weil"),
    ("[Anton Weil|P] was trained in [Lorsk|L] by the [Essen Guard|O] in 2007.", "Anton Weil"),
    ("Fighters of the [Dorval Brigades|O] were trained in [Lorsk|L] by [Essen Guard|O] "
     "instructors.", "Dorval Brigades"),
    ("The [Dorval Brigades|O] units were trained in [Lorsk|L] by advisers from the "
     "[Essen Guard|O].", "Dorval Brigades"),
    ("[Anton Weil|P], who was trained by the [Essen Guard|O] in [Lorsk|L], was held.",
     "Anton Weil"),
    ("[Essen Guard|O] instructors trained fighters of the [Dorval Brigades|O] in bomb-making.",
     "Dorval Brigades"),
    ("[Essen Guard|O] advisers have trained [Anton Weil|P].", "Anton Weil"),
]  # fmt: skip


@pytest.mark.parametrize(("marked", "trainee"), TRAINED)
def test_trained_by_across_a_place_or_through_instructors(marked: str, trainee: str) -> None:
    assert {t[:3] for t in triples(marked)} == {(trainee, "trainedBy", "Essen Guard")}


def test_a_place_is_skipped_only_before_a_passive_agent() -> None:
    # "in Lorsk" is where the meeting was; "the Essen Guard" is not the one who trained him
    assert triples("[Anton Weil|P] was trained in [Lorsk|L] and met the [Essen Guard|O].") == set()


@pytest.mark.parametrize(
    "marked",
    [
        "[Kataib Sarkha|O], part of the [Varnia|L]-aligned axis, fired rockets.",
        "[Kataib Sarkha|O] is a member of the [Varnia|L]-backed alliance.",
        "[Anton Weil|P], the leader of the [Varnia|L]-based group, spoke.",
    ],
)
def test_a_name_before_a_hyphen_only_qualifies_the_next_word(marked: str) -> None:
    assert triples(marked) == set()


@pytest.mark.parametrize(
    "marked",
    [
        "[Varnia|L]'s support for the [Tor Guard|O] has grown.",
        "[Varnian=Varnia|L] military and financial support for the [Tor Guard|O] grew.",
        "[Varnia|L]'s funding of the [Tor Guard|O] was cut.",
    ],
)
def test_support_for(marked: str) -> None:
    assert triples(marked) == {("Varnia", "supports", "Tor Guard", "support-for")}


def test_support_for_a_place_that_only_qualifies_a_noun_is_not_support() -> None:
    assert triples("[Varnia|L]'s support for the [Kelmar|L] talks grew.") == set()


@pytest.mark.parametrize(
    ("marked", "predicate"),
    [
        ("[Anton Weil|P] took command of the [Tor Guard|O] in 2010.", "commanderOf"),
        ("[Anton Weil|P] took over command of the [Tor Guard|O].", "commanderOf"),
        ("[Anton Weil|P], who assumed the leadership of the [Tor Guard|O], spoke.", "leaderOf"),
        ("[Anton Weil|P] took charge of the [Tor Guard|O].", "leaderOf"),
    ],
)
def test_taking_command_or_the_leadership(marked: str, predicate: str) -> None:
    assert triples(marked) == {("Anton Weil", predicate, "Tor Guard", "verb-leads")}


def test_taking_control_of_a_place_is_not_leading_it() -> None:
    assert triples("[Anton Weil|P] took control of [Lorsk|L] in 2010.") == set()


PRONOUNS = [
    (
        "Police arrested [Anton Weil|P] in [Lorsk|L].\n"
        "He was trained in [Kelmar|L] by the [Essen Guard|O], officials said.",
        {("Anton Weil", "trainedBy", "Essen Guard", "trained-or-backed-by+pronoun")},
    ),
    (
        "The [Tor Guard|O] fired rockets at the base.\nThe militia, which is funded by "
        "[Varnia|L], denied it.",
        {("Varnia", "supports", "Tor Guard", "trained-or-backed-by+pronoun")},
    ),
    (
        "[Anton Weil|P] spoke.\nIt rained.\nHe and [Kurt Mesel|P] founded the [Tor Guard|O].",
        {
            ("Tor Guard", "foundedBy", "Kurt Mesel", "verb-founded"),
            ("Tor Guard", "foundedBy", "Anton Weil", "verb-founded+pronoun"),
        },
    ),
    # two persons before "He": it stands for neither
    ("[Anton Weil|P] met [Kurt Mesel|P].\nHe is a member of the [Tor Guard|O].", set()),
    # too far back
    ("[Anton Weil|P] spoke.\nIt rained.\nIt snowed.\nHe joined the [Tor Guard|O].", set()),
    # "He" later in the sentence is not read
    ("[Anton Weil|P] spoke.\nOn Monday he joined the [Tor Guard|O].", set()),
]


@pytest.mark.parametrize(("marked", "expected"), PRONOUNS)
def test_an_opening_pronoun_stands_for_the_one_name_before_it(
    marked: str, expected: set[tuple[str, str, str, str]]
) -> None:
    found = rule_relations(marked_document(marked))
    assert {(r.subject.name, r.predicate, r.object.name, r.rule) for r in found} == expected
    # the statement is between named mentions, its evidence the pronoun's sentence
    for relation in found:
        assert relation.sentence.text.startswith(("He", "The"))
        ends = {relation.subject.sentence, relation.object.sentence}
        assert relation.sentence in ends
        assert (len(ends) == 2) == relation.rule.endswith("+pronoun")


def test_a_list_opening_a_later_sentence_is_its_subject() -> None:
    found = triples("It rained.\n[Varnia|L] and [Kelmar|L] armed the [Tor Guard|O].")
    assert {t[:3] for t in found} == {
        ("Varnia", "supports", "Tor Guard"),
        ("Kelmar", "supports", "Tor Guard"),
    }


QUALIFIED = [
    (
        "[Anton Weil|P], a [Lebanese=Lebanon|L] [Hezbollah|O] commander, was killed.",
        ("Anton Weil", "commanderOf", "Hezbollah"),
    ),
    (
        "[Anton Weil|P], the leader of the [Varnia|L]-backed [Tor Guard|O], was killed.",
        ("Anton Weil", "leaderOf", "Tor Guard"),
    ),
    (
        "[Anton Weil|P] joined the [Iranian=Iran|L]-backed [Tor Guard|O] in 2010.",
        ("Anton Weil", "memberOf", "Tor Guard"),
    ),
]


@pytest.mark.parametrize(("marked", "expected"), QUALIFIED)
def test_a_country_adjective_or_hyphen_compound_before_the_object_is_skipped(
    marked: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {t[:3] for t in triples(marked)}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Fighting broke out in [Lorsk|L], [Kelmar|L] province, on Monday.",
            {("Lorsk", "locatedIn", "Kelmar")},
        ),
        (
            "Fighting broke out in the [Iraqi=Iraq|L] city of [Lorsk|L] on Monday.",
            {("Lorsk", "locatedIn", "Iraq")},
        ),
        # either place may be the container in "the A district of B"
        ("Fighting broke out in the [Lorsk|L] district of [Kelmar|L] on Monday.", set()),
        ("He met an [Iraqi=Iraq|L] official of [Lorsk|L] on Monday.", set()),
    ],
)
def test_wire_place_phrases(marked: str, expected: set[tuple[str, str, str]]) -> None:
    assert {t[:3] for t in triples(marked)} == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Anton Weil|P], the [Tor Guard|O] leader, and [Kurt Mesel|P], its spokesman, fled.",
            ("Kurt Mesel", "spokespersonFor", "Tor Guard"),
        ),
        (
            "The [Tor Guard|O] said its leader, [Kurt Mesel|P], had been freed.",
            ("Kurt Mesel", "leaderOf", "Tor Guard"),
        ),
    ],
)
def test_its_role_is_in_the_one_body_named_before_in_the_sentence(
    marked: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {t[:3] for t in triples(marked)}


def test_its_role_with_two_bodies_before_it_is_nobody_s() -> None:
    marked = "The [Tor Guard|O] and [Varnia|L] said its leader, [Kurt Mesel|P], had been freed."
    assert not {t for t in triples(marked) if t[0] == "Kurt Mesel"}


def test_a_parenthetical_name_is_not_the_subject_of_the_verb_after_it() -> None:
    found = triples(
        "The [Tor Guard|O] militia, led by [Anton Weil|P], has been trained by the [Essen Guard|O]."
    )
    assert {t[:3] for t in found} == {("Anton Weil", "leaderOf", "Tor Guard")}


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Anton Weil|P] and his younger brother [Kurt Weil|P] were captured.",
            {("Kurt Weil", "relativeOf", "Anton Weil", "kinship")},
        ),
        (
            "The [Tor Guard|O] is the external operations arm of the [Essen Front|O].",
            {("Tor Guard", "partOf", "Essen Front", "part-of")},
        ),
    ],
)
def test_and_his_brother_and_an_operations_arm(
    marked: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert triples(marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "Fighters of [Anton Weil|P]'s [Tor Guard|O] took the bridge.",
            {("Anton Weil", "leaderOf", "Tor Guard", "possessor-leads")},
        ),
        ("[Anton Weil|P]'s [Tor Guard|O] messages were read.", set()),  # only a modifier
        (
            "The [Tor Guard|O] is an [Iranian=Iran|L]-backed militia.",
            {("Iran", "supports", "Tor Guard", "apposition-backed")},
        ),
    ],
)
def test_possessor_leads_and_a_copula_before_backed(
    marked: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert triples(marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "The [Tor Guard|O] is one of several militias trained and funded by [Varnia|L].",
            {("Tor Guard", "trainedBy", "Varnia"), ("Varnia", "supports", "Tor Guard")},
        ),
        (
            "The [Tor Guard|O] and the [Essen Front|O] are both backed by [Varnia|L].",
            {("Varnia", "supports", "Tor Guard"), ("Varnia", "supports", "Essen Front")},
        ),
        # the subject of "has close ties" and "spoke for" is before the parenthetical
        ("[Kurt Mesel|P], who heads the [Essen Front|O], has close ties to [Varnia|L].",
         {("Kurt Mesel", "leaderOf", "Essen Front"), ("Kurt Mesel", "affiliatedWith", "Varnia")}),
        ("[Kurt Mesel|P], a friend of the [Essen Front|O], spoke for [Varnia|L].",
         {("Kurt Mesel", "spokespersonFor", "Varnia")}),
    ],
)  # fmt: skip
def test_one_of_several_both_and_parentheticals(
    marked: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {t[:3] for t in triples(marked)} == expected


def test_the_classifier_places_nothing_in_a_hyphenated_backer() -> None:
    assert not _placed_by_classifier("The [Tor Guard|O] is a [Varnia|L]-backed group.")
    assert _placed_by_classifier("The [Tor Guard|O] is a militia in [Varnia|L].")


def _placed_by_classifier(marked: str) -> bool:
    doc = marked_document(marked)
    first, last = doc.mentions[0], doc.mentions[-1]
    return placed(doc.document.text, doc.mentions, first, last)
