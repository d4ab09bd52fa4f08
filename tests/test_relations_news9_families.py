"""Wording families of a ninth set of wire sentences, and review leftovers: each rule read on
sentences of our own (invented names and wording, none from seeds/ or the held-out files)."""

from __future__ import annotations

from pipeline.extract.learned import owns_the_next
from pipeline.extract.marked import marked_document
from tests.test_relations_news import triples


def _statements(marked: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) without the rule's name."""
    return {(s, p, o) for s, p, o, _ in triples(marked)}


def test_under_a_capitalized_command_is_command() -> None:
    assert _statements("Under [Dora Vell|P]'s Command, the [Tarn Front|O] seized the pass.") == {
        ("Dora Vell", "commanderOf", "Tarn Front")
    }


def test_founding_on_leaving_that_is_denied_asserts_nothing() -> None:
    marked = (
        "[Dora Vell|P] left the [Tarn Front|O] to set up the [Kessel Union|O], a claim her"
        " family denies."
    )
    assert ("Kessel Union", "foundedBy", "Dora Vell") not in _statements(marked)
    assert _statements(marked.split(", a claim")[0] + ".") == {
        ("Kessel Union", "foundedBy", "Dora Vell")
    }


def test_a_possessive_owns_the_next_name_past_a_double_space() -> None:
    doc = marked_document("A commander of the [Tarn Front|O]'s  [Kessel Unit|O] spoke.")
    assert owns_the_next(doc.document.text, doc.mentions, doc.mentions[0])
