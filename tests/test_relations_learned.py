"""The learned relation classifier: the shipped model on invented sentences, its threshold and
domain/range checks on a hand-made model, and deterministic training on a tiny Re-DocRED extract.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.extract import evaluate_relations as er
from pipeline.extract.evaluate_relations import evaluate_domain
from pipeline.extract.learned import (
    NONE,
    RULE,
    LinearModel,
    crosses,
    learned_relations,
    load,
    placed,
)
from pipeline.extract.marked import marked_document
from pipeline.extract.pair_features import pair_features
from pipeline.extract.relations import SIGNATURES, extract_relations, rule_relations
from pipeline.extract.train_relations import (
    DOMAIN_TRAIN,
    FLOOR,
    HELD_OUT,
    TRAINED_SETS,
    thresholds,
    write_model,
)

TINY = Path(__file__).parent / "data" / "eval" / "corpora" / "redocred"


def learned(marked: str) -> set[tuple[str, str, str]]:
    """What the shipped classifier alone asserts in ``marked``."""
    found = learned_relations(marked_document(marked), ())
    assert all(r.rule == RULE for r in found)
    return {(r.subject.name, r.predicate, r.object.name) for r in found}


def test_shipped_model_loads_once_with_thresholds_for_contract_predicates() -> None:
    model = load()
    assert load() is model
    assert NONE in model.classes and len(model.weights) > 1000
    assert model.thresholds and set(model.thresholds) <= set(SIGNATURES)
    assert all(FLOOR <= t <= 1.0 for t in model.thresholds.values())


def test_appointed_head_of_is_leader() -> None:
    found = learned("[Dalia Mersi|P] was appointed head of the [Coastal Union|O] in May.")
    assert ("Dalia Mersi", "leaderOf", "Coastal Union") in found


def test_a_city_in_a_province_is_located_in_it() -> None:
    found = learned("Rain flooded [Varosh|L], a city in [Kelmar|L], on Monday.")
    assert found == {("Varosh", "locatedIn", "Kelmar")}


def test_a_meeting_states_no_membership() -> None:
    found = learned("[Ivo Stanek|P] met [Pavel Horak|P] in [Brno|L] on Tuesday.")
    assert not {t for t in found if t[1] in ("memberOf", "relativeOf", "leaderOf")}


def _model(weight: float, threshold: float) -> LinearModel:
    """Two classes: ``none`` and 'the first mention leads the second', driven by one feature."""
    return LinearModel(
        ("leaderOf>", NONE), (0.0, 0.0), {"b:heads": (weight, 0.0)}, {"leaderOf": threshold}
    )


def test_threshold_is_respected_and_domain_range_is_checked() -> None:
    doc = marked_document("[Ana Bel|P] heads [Rio Group|O].")
    # softmax over (2.0, 0.0): 0.88 for leaderOf>
    assert learned_relations(doc, (), _model(2.0, 0.85))[0].predicate == "leaderOf"
    assert learned_relations(doc, (), _model(2.0, 0.9)) == ()
    # an organization cannot lead a person: the class is never chosen, whatever its score
    backwards = marked_document("[Rio Group|O] heads [Ana Bel|P].")
    assert learned_relations(backwards, (), _model(9.0, 0.5)) == ()


def test_pairs_a_rule_related_are_left_to_the_rule() -> None:
    marked = "She was born in [Varosh|L], [Kelmar|L]."
    assert learned(marked) == {("Varosh", "locatedIn", "Kelmar")}  # alone it would assert
    doc = marked_document(marked)
    rules = rule_relations(doc)
    assert [r.rule for r in rules] == ["place-comma-place"]
    assert extract_relations(doc) == rules


def test_combined_keeps_the_rules_figures_on_the_domain_sentences() -> None:
    rules = evaluate_domain(method="rules")["overall"]
    combined = evaluate_domain(method="combined")["overall"]
    assert combined["correct"] >= rules["correct"]
    assert combined["precision"] >= 0.85


def test_training_is_deterministic_on_a_tiny_extract(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    lines: list[str] = []
    domain = DOMAIN_TRAIN[:1]  # the smaller file of invented sentences keeps the test quick
    table = write_model(TINY, first, 0.75, 4.0, lines.append, domain)
    write_model(TINY, second, 0.75, 4.0, lambda _: None, domain)
    assert first.read_bytes() == second.read_bytes()
    assert "mention pairs" in lines[0] and "wrote" in table
    model = load(first)
    assert NONE in model.classes and model.weights


def test_held_out_relation_sets_are_never_training_sources() -> None:
    names = {path.name for path in DOMAIN_TRAIN}
    held_out = {path.name for path in HELD_OUT}
    assert held_out == {"news_heldout12.jsonl", "news_heldout13.jsonl"}
    assert not names & held_out
    assert all(path.is_file() for path in DOMAIN_TRAIN)
    # a set not named in TRAINED_SETS stays out of training
    folder = er.DOMAIN.parent
    untrained = {p.name for p in folder.glob("*.jsonl")} - {p.name for p in TRAINED_SETS}
    assert held_out <= untrained and not names & untrained


def _features(marked: str) -> list[str]:
    """The features of the marked sentence's first and last mention."""
    doc = marked_document(marked)
    first, last = doc.mentions[0], doc.mentions[-1]
    return pair_features(doc.document.text, doc.sentences[0], first, last, doc.mentions)


def test_features_share_a_stem_across_tenses_and_read_an_asides_head() -> None:
    trained = _features("The [Tor Guard|O] was trained by [Varnia|L] last year.")
    trains = _features("[Varnia|L] still trains the [Tor Guard|O].")
    assert "v:train" in trained and "v:train" in trains
    aside = _features("[Ana Bel|P], the [Rio Group|O]'s chief spokesman, spoke in [Tolna|L].")
    assert "ap:spokesman" in aside
    after = _features("[Rio Group|O] sent [Ana Bel|P], its deputy commander, to the north.")
    assert "apr:commander" in after
    assert not [f for f in _features("[Ana Bel|P] met [Ivo Stanek|P].") if f.startswith("ap")]


def _placed(marked: str) -> bool:
    """``placed`` for the marked sentence's first and last mention (first contained in last,
    or, when the sentence starts with ``<``, last contained in first)."""
    doc = marked_document(marked.lstrip("<"))
    first, last = doc.mentions[0], doc.mentions[-1]
    subject, obj = (last, first) if marked.startswith("<") else (first, last)
    return placed(doc.document.text, doc.mentions, subject, obj)


def test_place_pairs_the_classifier_may_assert() -> None:
    assert _placed("Rain flooded [Varosh|L], a town in [Kelmar|L].")
    assert _placed(
        "[Varosh|L], [Tolna|L] and [Kelmar|L] voted."
    )  # other places between do not block
    assert _placed("The [Tor Guard|O], a militia from [Kelmar|L], regrouped.")


def test_place_pairs_the_classifier_may_not_assert() -> None:
    # the container named first: "Kelmar's Tor Guard ... Varosh"
    assert not _placed("<[Kelmar|L] sent troops to [Varosh|L].")
    # an organization between the two
    assert not _placed("[Varosh|L] airport was hit by the [Tor Guard|O] from [Kelmar|L].")
    # the place is a possessor: it names whose minister, not where the group is
    assert not _placed("[Ivo Stanek|P] left the [Tor Guard|O] and is now [Kelmar|L]'s minister.")
    # an organization's country adjective names an allegiance
    assert not _placed("The [Tor Guard|O], an [Iranian=Iran|L]-trained militia, fired rockets.")


def test_thresholds_weigh_each_prediction() -> None:
    # two wrong Wikipedia pairs (weight 1) and one right news pair (weight 5) at 0.9 and above
    scored = [("memberOf", 0.95, False, 1.0), ("memberOf", 0.92, True, 5.0),
              ("memberOf", 0.9, False, 1.0), ("memberOf", 0.5, False, 5.0)]  # fmt: skip
    assert thresholds(scored, 0.7) == {"memberOf": 0.9}
    unweighted = [(p, s, ok, 1.0) for p, s, ok, _ in scored]
    assert thresholds(unweighted, 0.7) == {}


def _combined(marked: str) -> set[tuple[str, str, str]]:
    found = extract_relations(marked_document(marked))
    return {(r.subject.name, r.predicate, r.object.name) for r in found}


def test_the_classifier_does_not_reach_across_a_name_of_the_same_kind() -> None:
    found = _combined("[Tomas Varga|P], the head of the [Civic Front|O], lobbied [Congress|O].")
    assert found == {("Tomas Varga", "leaderOf", "Civic Front")}
    found = _combined("[Ilse Brandt|P], leader of the [Green Union|O], criticised the [Senate|O].")
    assert ("Ilse Brandt", "leaderOf", "Senate") not in found


def test_crosses_a_same_kind_name_unless_it_is_listed_with_the_end() -> None:
    def crossing(marked: str) -> bool:
        doc = marked_document(marked)
        return crosses(doc.document.text, doc.mentions, doc.mentions[0], doc.mentions[-1])

    assert crossing("[Tomas Varga|P], the head of the [Civic Front|O], lobbied [Congress|O].")
    assert crossing("[Ana Bel|P] met [Ivo Stanek|P], the leader of [Rio Group|O].")
    assert not crossing("[Varnia|L] and [Kelmar|L] arm the [Tor Guard|O].")  # a list
    assert not crossing("[Ana Bel|P] of [Kelmar|L] joined the [Rio Group|O].")  # other kind


def test_a_name_before_a_hyphen_is_no_party_for_rules_or_classifier() -> None:
    found = _combined("[Kataib Sarkha|O], part of the [Varnia|L]-aligned axis, fired rockets.")
    assert not {t for t in found if t[2] == "Varnia" and t[1] == "partOf"}
