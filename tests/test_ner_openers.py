"""Capitalized common words, verbs and group nouns are not names; real one-word names stay.

The lines are written for this test in the style of news pages (headlines, captions, link
text), none taken from the seeds, the training corpora or any held-out set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import pipeline.nlp.model  # noqa: F401  (registers the ldpub_line_breaks component)
from pipeline.nlp import analyze, load_model
from pipeline.nlp.groups import group_word
from pipeline.nlp.openers import common_alone
from pipeline.records import Document, DocumentMeta, EntityKind, Mention, Segment, SegmentKind

PER, ORG, LOC = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE

PAGE_LINES = [
    "Click here to subscribe to our weekly newsletter.",
    "Buoyed by gains in the south, Sadr told his followers to stay calm.",
    "Shiites and Sunnis prayed together in the old mosque on Friday.",
    "Detainee abuse at the prison drew wide condemnation.",
    "Asked about the attack, the minister declined to comment.",
    "Speaking to reporters, the general said the road was open.",
    "Shi'a militias control the checkpoints on the highway.",
    "Kurds fear the new law will cut their budget.",
    "Alawites make up a large part of the officer corps.",
    "Sunni tribes joined the fight against the insurgents.",
    "Email the editor with your corrections.",
    "Emboldened by the ruling, Maliki called for new elections.",
    "Hezbollah said it had fired rockets at the border post.",
    "Baghdad is bracing for more protests.",
    "Iran denied sending weapons.",
    "Turkey struck targets in northern Iraq.",
    "Hamas rejected the offer.",
    "Gunmen attacked a checkpoint near Tuz Khurmatu on Sunday.",
]
NOT_NAMES = {
    "Click", "Buoyed", "Shiites", "Sunnis", "Detainee", "Asked", "Speaking", "Shi'a", "Kurds",
    "Alawites", "Sunni", "Email", "Emboldened",
}  # fmt: skip
KEPT = {"Sadr", "Maliki", "Hezbollah", "Baghdad", "Iran", "Turkey", "Hamas", "Iraq"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _lines(nlp: Language, lines: list[str]) -> tuple[Mention, ...]:
    """Each line one segment of one page, as a build reads a page's paragraphs and captions."""
    text = "\n\n".join(lines)
    segments, start = [], 0
    for line in lines:
        segments.append(Segment(SegmentKind.BODY, start, start + len(line), line))
        start += len(line) + 2
    document = Document("t", Path("t.txt"), text, "0" * 64, DocumentMeta(title="t"))
    return analyze(nlp, document, segments)[1]


def test_page_lines_publish_no_common_words_and_keep_names(nlp: Language) -> None:
    names = {m.name: m.kind for m in _lines(nlp, PAGE_LINES)}
    assert not NOT_NAMES & set(names)
    assert set(names) >= KEPT
    assert names["Baghdad"] is LOC and names["Iran"] is LOC and names["Turkey"] is LOC


def test_a_multi_word_place_after_near_is_a_place(nlp: Language) -> None:
    names = {m.name: m.kind for m in _lines(nlp, [PAGE_LINES[-1]])}
    assert names["Tuz Khurmatu"] is LOC


def _ruled(patterns: list[tuple[str, str]]) -> Language:
    """A real pipeline whose names an EntityRuler marks: the rules alone, no model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("ldpub_line_breaks")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": text} for text, label in patterns])
    return nlp


def test_opening_words_are_dropped_only_where_position_capitalizes_them() -> None:
    nlp = _ruled(
        [
            ("Children", "PERSON"),
            ("Reading", "GPE"),
            ("Hailed", "PERSON"),
            ("Subscribe", "PERSON"),
            ("Jordan", "GPE"),
            ("Hezbollah", "ORG"),
        ]
    )
    lines = [
        "Children fled the camp.",  # a common word, rarely a name alone
        "Hailed by supporters, the mayor left.",  # a participle opening its clause
        "Subscribe our newsletter for more.",  # a verb before its object
        "Jordan closed the crossing. Hezbollah denied it.",  # names opening sentences
        "Gunmen raided a farm near Reading on Friday.",  # a common word mid-sentence: a name
        '"Children are the victims," she said.',  # after an opening quote still first
    ]
    names = [m.name for m in _lines(nlp, lines)]
    assert names == ["Jordan", "Hezbollah", "Reading"]


def test_a_line_break_starts_a_sentence() -> None:
    nlp = _ruled([("Click", "PERSON"), ("Mosul", "GPE")])
    names = [m.name for m in _lines(nlp, ["Troops entered Mosul\nClick to enlarge the photo"])]
    assert names == ["Mosul"]


@pytest.mark.parametrize(
    "word",
    ["Shiites", "Shi'a", "Shi’ites", "Sunnis", "Kurds", "Alawites", "Iraqis", "Jews", "Islamists"],
)
def test_group_words(word: str) -> None:
    assert group_word(word)


@pytest.mark.parametrize("word", ["Jordan", "Hamas", "Sadr", "Kurdistan", "Shura", "Iraq", "Ites"])
def test_names_are_no_group_words(word: str) -> None:
    assert not group_word(word)


def test_common_alone_ignores_names_inside_longer_names() -> None:
    """ "Save the Children" does not make "children" a name; "Turkey" alone does."""
    sentences = [
        (["Many", "children", "left"], ["O", "O", "O"]),
        (["Save", "the", "Children", "helped"], ["B-ORG", "I-ORG", "I-ORG", "O"]),
        (["They", "ate", "turkey"], ["O", "O", "O"]),
        (["Troops", "left", "Turkey"], ["O", "O", "B-GPE"]),
        (["Shipping", "was", "up"], ["O", "O", "O"]),
    ]
    assert common_alone(sentences) == ["ate", "children", "helped", "left", "up", "was"]
