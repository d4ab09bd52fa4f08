"""The rules after the model, on spans an EntityRuler marks (a real spaCy pipeline, no model),
on sentences written for these tests (none from seeds/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.lexicon import common_words, load
from pipeline.nlp import analyze
from pipeline.nlp.kinds import corrected_kind
from pipeline.records import Document, DocumentMeta, EntityKind, Segment, SegmentKind

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def ruled(patterns: list[tuple[str, str]]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": text} for label, text in patterns])
    return nlp


def mentions(nlp: Language, text: str) -> list[tuple[str, str, EntityKind]]:
    document = Document("t", Path("t.txt"), text, "0", DocumentMeta(title="t"))
    _, found = analyze(nlp, document, [Segment(SegmentKind.BODY, 0, len(text), text)])
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.name, m.kind) for m in found]


def test_common_words_derived_from_tagged_sentences() -> None:
    sentences = [
        (["He", "was", "running", "fast"], ["O", "O", "O", "O"]),
        (["They", "kept", "running", "in", "New", "York"], ["O"] * 4 + ["B-geo", "I-geo"]),
        (["A", "new", "plan", "and", "a", "new", "deal"], ["O"] * 7),
    ]
    assert common_words(sentences) == ["running"]  # "new" is capitalized mid-sentence too
    assert {"running", "background"} <= load()


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    nlp = ruled(
        [("PERSON", "Running"), ("ORG", "Background Hamas"), ("PERSON", "Buoyed"),
         ("GPE", "Accra")]
    )  # fmt: skip
    text = "Running late, he left. Background Hamas fired. He met Running in Accra."
    assert mentions(nlp, text) == [
        ("Hamas", "Hamas", ORG),
        ("Running", "Running", PERSON),  # mid-sentence: a capital says it is a name
        ("Accra", "Accra", PLACE),
    ]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Kataib Sayyid al-Shuhada", PERSON, ORG),
        ("Harakat al-Nujaba", PERSON, ORG),
        ("Jaish al-Mukhtar", PLACE, ORG),
        ("Ayatollah Kamal Haidari", ORG, PERSON),
        ("Sheikh Zayed Foundation", ORG, ORG),  # an organization's head noun closes it
        ("Abu Ali al-Basri", ORG, PERSON),
        ("Abu Ghraib", PLACE, PLACE),
        ("Ansar", PERSON, PERSON),  # one word: no name to open
        ("Gen. Ray Odierno", ORG, PERSON),
    ],
)
def test_kind_from_the_name_itself(name: str, kind: EntityKind, expected: EntityKind) -> None:
    assert corrected_kind(name, kind) is expected


def test_country_adjectives_before_organizations_and_offices() -> None:
    nlp = ruled(
        [("ORG", "Hezbollah"), ("PERSON", "Haider Jawad"), ("ORG", "Army"),
         ("ORG", "National Congress"), ("NORP", "Iraqi")]
    )  # fmt: skip
    text = (
        "The Lebanese Hezbollah sent men. Iraqi Prime Minister Haider Jawad left. "
        "Iraqi officials met the Iraqi Army and the Iraqi National Congress."
    )
    assert mentions(nlp, text) == [
        ("Lebanese", "Lebanon", PLACE),
        ("Hezbollah", "Hezbollah", ORG),
        ("Iraqi", "Iraq", PLACE),
        ("Prime Minister Haider Jawad", "Haider Jawad", PERSON),
        ("Iraqi Army", "Iraqi Army", ORG),  # a descriptive name keeps its country
        ("Iraqi National Congress", "Iraqi National Congress", ORG),
    ]
