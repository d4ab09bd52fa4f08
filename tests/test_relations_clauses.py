"""Role words, kinship through a pronoun, membership and verbs across clauses, pronouns that open
a later clause, denials, splinter groups and lists of appositions. Invented sentences, none from
seeds/; marked mentions, so NER plays no part."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import relation_rows
from pipeline.extract import evaluate_relations as er
from pipeline.extract.marked import marked_document
from pipeline.extract.relations import rule_relations
from tests.test_relations import everything, triples


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Lorsk|L] governor [Anton Weil|P] imposed a curfew.",
            ("Anton Weil", "leaderOf", "Lorsk"),
        ),
        ("[Anton Weil|P], the mayor of [Lorsk|L], resigned.", ("Anton Weil", "leaderOf", "Lorsk")),
        ("[Lorsk|L]'s governor, [Anton Weil|P], spoke.", ("Anton Weil", "leaderOf", "Lorsk")),
        (
            "[Anton Weil|P] was appointed governor of [Lorsk|L] in 2017.",
            ("Anton Weil", "leaderOf", "Lorsk"),
        ),
        (
            "[Dorval Front|O] press secretary [Kurt Weil|P] declined to comment.",
            ("Kurt Weil", "spokespersonFor", "Dorval Front"),
        ),
        (
            "[Kurt Weil|P], the second-in-command of the [Dorval Front|O], was killed.",
            ("Kurt Weil", "memberOf", "Dorval Front"),
        ),
        (
            "[Kurt Weil|P], chief of staff of the [Dorval Front|O], inspected the lines.",
            ("Kurt Weil", "employedBy", "Dorval Front"),
        ),
        (
            "[Kurt Weil|P], an adviser to the [Civic Council|O], said the border would reopen.",
            ("Kurt Weil", "employedBy", "Civic Council"),
        ),
        (
            "[Kurt Weil|P], a senior adviser to [Varnia|L]'s president, visited.",
            ("Kurt Weil", "employedBy", "Varnia"),
        ),
        (
            "[Anton Weil|P], the governor of [Lorsk|L], and [Kurt Weil|P], its police chief, came.",
            ("Kurt Weil", "employedBy", "Lorsk"),
        ),
    ],
)
def test_role_words(marked: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(marked)


@pytest.mark.parametrize(
    "marked",
    [
        # the ambassador to a state serves another one; an aide to a named commander serves him
        "[Kurt Weil|P], the ambassador to [Varnia|L], was recalled.",
        "[Kurt Weil|P], an aide to [Dorval Front|O] commander [Anton Weil|P], was detained.",
        "[Kurt Weil|P], chief of staff to [President ^Anton Weil|P], resigned.",
    ],
)
def test_serving_a_person_relates_to_no_body(marked: str) -> None:
    assert not {t for t in triples(marked) if t[0] == "Kurt Weil"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Anton Weil|P] was detained along with his brother [Kurt Weil|P] near [Lorsk|L].",
        "[Anton Weil|P] was arrested along with two of his brothers, including [Kurt Weil|P].",
        "[Anton Weil|P] said his son [Kurt Weil|P] had been abducted.",
        "[Anton Weil|P] was released, but his cousin [Kurt Weil|P] remains in custody.",
        "[Anton Weil|P], whose son [Kurt Weil|P] was killed in 2014, leads the council.",
        "[Anton Weil|P], the widow of slain commander [Kurt Weil|P], addressed the rally.",
    ],
)
def test_kinship_through_a_pronoun_or_whose(marked: str) -> None:
    found = triples(marked)
    assert found & {
        ("Anton Weil", "relativeOf", "Kurt Weil"),
        ("Kurt Weil", "relativeOf", "Anton Weil"),
    }


def test_his_after_another_noun_is_not_the_subjects() -> None:
    assert not triples("[Anton Weil|P] questioned the driver and his brother [Kurt Weil|P].")


@pytest.mark.parametrize(
    "marked",
    [
        "[Anton Weil|P], who joined [Dorval Front|O] in 2004, was arrested.",
        "[Anton Weil|P], who fought for the [Dorval Front|O] in [Varnia|L], returned.",
        "[Anton Weil|P], who rose through the ranks of the [Dorval Front|O], was killed.",
        "[Anton Weil|P], who was recruited by the [Dorval Front|O] in 2006, is held.",
        "[Anton Weil|P], who has belonged to the [Dorval Front|O] since the 1970s, won.",
        "[Anton Weil|P], a member since 2006 of the [Dorval Front|O], lost his seat.",
        "[Anton Weil|P] quit the army in 2010 and joined the [Dorval Front|O] two years later.",
        "[Anton Weil|P], who was freed in 2009, joined the [Dorval Front|O].",
    ],
)
def test_membership_across_a_clause(marked: str) -> None:
    assert ("Anton Weil", "memberOf", "Dorval Front") in triples(marked)


def test_a_far_verb_needs_its_subject_at_the_clause_start() -> None:
    assert not triples("Police arrested [Anton Weil|P] and later joined the [Dorval Front|O].")


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Anton Weil|P] fled to [Varnia|L] in 2008, and he later led [Dorval Front|O].",
            ("Anton Weil", "leaderOf", "Dorval Front"),
        ),
        (
            "[Anton Weil|P] was released in 2010; he then joined the [Dorval Front|O].",
            ("Anton Weil", "memberOf", "Dorval Front"),
        ),
        (
            "After [Anton Weil|P] returned from [Varnia|L], he founded the [Dorval Front|O].",
            ("Dorval Front", "foundedBy", "Anton Weil"),
        ),
        (
            "[Anton Weil|P] said she had been a member of the [Dorval Front|O] since 1990.",
            ("Anton Weil", "memberOf", "Dorval Front"),
        ),
        (
            "[Anton Weil|P] told reporters he had joined the [Dorval Front|O] in 2003.",
            ("Anton Weil", "memberOf", "Dorval Front"),
        ),
        (
            "The [Dorval Front|O] was formed in 2014, and it is backed by [Varnia|L].",
            ("Varnia", "supports", "Dorval Front"),
        ),
    ],
)
def test_a_pronoun_that_opens_a_later_clause(marked: str, expected: tuple[str, str, str]) -> None:
    found = rule_relations(marked_document(marked))
    assert {(r.subject.name, r.predicate, r.object.name) for r in found} == {expected}
    assert all(r.rule.endswith("+pronoun") for r in found)


@pytest.mark.parametrize(
    "marked",
    [
        # two persons before the pronoun, or the one named is a possessor: nobody is meant
        "[Anton Weil|P] met [Kurt Weil|P], and he later led the [Dorval Front|O].",
        "[Anton Weil|P]'s brother said he had joined the [Dorval Front|O].",
    ],
)
def test_an_ambiguous_pronoun_stands_for_nobody(marked: str) -> None:
    assert not {t for t in triples(marked) if t[2] == "Dorval Front"}


@pytest.mark.parametrize(
    "marked",
    [
        "The [Dorval Front|O], which [Varnia|L] denies funding, claimed the attack.",
        "[Varnia|L] has denied arming the [Dorval Front|O].",
        "[Varnia|L] has never funded the [Dorval Front|O], the ministry said.",
        "[Varnia|L] does not support the [Dorval Front|O].",
        "[Varnia|L] denies that it trains [Dorval Front|O] fighters.",
        "[Lorsk|L] said it had no evidence that [Varnia|L] armed the [Dorval Front|O].",
        "The [Dorval Front|O] denied receiving money from [Varnia|L].",
    ],
)
def test_denied_support_is_not_asserted(marked: str) -> None:
    assert not {t for t in everything(marked) if t[1] in ("supports", "trainedBy")}


def test_a_denial_of_something_else_leaves_the_support() -> None:
    marked = "[Kurt Weil|P] denied the report and said [Varnia|L] funds the [Dorval Front|O]."
    assert ("Varnia", "supports", "Dorval Front") in everything(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "The [Essen Guard|O], a splinter group of the [Dorval Front|O], claimed the attack.",
        "The [Essen Guard|O], a breakaway faction of the [Dorval Front|O], claimed the attack.",
        "The [Essen Guard|O], an offshoot of the [Dorval Front|O], held a rally.",
        "The [Essen Guard|O] split from the [Dorval Front|O] in 2007.",
        "The [Essen Guard|O], which broke away from the [Dorval Front|O] in 2012, denied it.",
    ],
)
def test_a_splinter_group_is_not_part_of_its_parent(marked: str) -> None:
    # decided: a split says neither partOf nor rivalOf (many splinters stay allied)
    assert everything(marked) == set()


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[Anton Weil|P], the [Dorval Front|O] leader, and [Kurt Weil|P], its spokesman, met.",
            {
                ("Anton Weil", "leaderOf", "Dorval Front"),
                ("Kurt Weil", "spokespersonFor", "Dorval Front"),
            },
        ),
        (
            "[Anton Weil|P], the [Dorval Front|O] founder, and [Kurt Weil|P], the head of the "
            "[Essen Guard|O], signed the truce.",
            {("Dorval Front", "foundedBy", "Anton Weil"), ("Kurt Weil", "leaderOf", "Essen Guard")},
        ),
    ],
)
def test_a_list_of_appositions_pairs_each_name_with_its_own(
    marked: str, expected: set[tuple[str, str, str]]
) -> None:
    assert everything(marked) == expected


def test_eval_reports_the_held_out_news_sets() -> None:
    corpora = Path(__file__).parent / "data" / "eval" / "corpora"
    from pipeline.nlp import load_model

    rows = {row.data: row for row in relation_rows(load_model(), corpora, "test")}
    for name in er.NEWS_SETS:
        row = rows[f"{name}, NER mentions"]
        assert row.type == "ALL" and row.tp + row.fn > 10
    news3 = rows["news held-out 3, NER mentions"]
    assert news3.precision >= 0.9 and news3.recall >= 0.85
