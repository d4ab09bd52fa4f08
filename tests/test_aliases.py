"""Stated aliases: a name the text gives in another language is another name of the same body."""

from __future__ import annotations

import pytest

from pipeline.aliases import stated_aliases
from pipeline.records import EntityKind, Mention, Sentence

P, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def _mentions(text: str, names: list[tuple[str, EntityKind]]) -> list[Mention]:
    sentence = Sentence(0, len(text), text)
    found, end = [], 0
    for name, kind in names:
        start = text.index(name, end)
        end = start + len(name)
        found.append(Mention(start, end, name, kind, name, sentence))
    return found


def _pairs(text: str, names: list[tuple[str, EntityKind]]) -> set[tuple[str, str]]:
    return {(a.name, b.name) for a, b, _ in stated_aliases(text, _mentions(text, names))}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Salloum met the head of the Velmar Guard, known in Arabic as Haras Velmar, on Friday.",
            [("Salloum", P), ("Velmar Guard", ORG), ("Arabic", PLACE), ("Haras Velmar", ORG)],
        ),
        (
            "The Dawn Front, called in Kurdish Bereya Berbang, held the pass.",
            [("Dawn Front", ORG), ("Kurdish", ORG), ("Bereya Berbang", ORG)],
        ),
        (
            "Fighters of Jund al-Fajr (Arabic for Soldiers of the Dawn) held the pass.",
            [("Jund al-Fajr", ORG), ("Soldiers of the Dawn", ORG)],
        ),
        (
            'Fighters of Jund al-Fajr, Arabic for "Soldiers of the Dawn", held the pass.',
            [("Jund al-Fajr", ORG), ("Soldiers of the Dawn", ORG)],
        ),
        (
            "The Dawn Front, in Persian, Jebhe-ye Sahar, held the pass.",
            [("Dawn Front", ORG), ("Jebhe-ye Sahar", ORG)],
        ),
        (
            "The Dawn Front, known locally as Jabhat al-Fajr, held the pass.",
            [("Dawn Front", ORG), ("Jabhat al-Fajr", ORG)],
        ),
        (
            "The Dawn Front, also known in Hebrew as Hazit HaShahar, held the pass.",
            [("Dawn Front", ORG), ("Hebrew", PLACE), ("Hazit HaShahar", ORG)],
        ),
    ],
)
def test_a_name_given_in_another_language_is_an_alias(
    text: str, names: list[tuple[str, EntityKind]]
) -> None:
    languages = {"Arabic", "Kurdish", "Persian", "Hebrew"}
    first, second = (name for name, _ in names if name != "Salloum" and name not in languages)
    assert _pairs(text, names) == {(first, second)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # a language beside a name, saying nothing of another name
            "The Velmar Guard broadcast in Arabic, Kurdish and English, Salloum said.",
            [("Velmar Guard", ORG), ("Arabic", PLACE), ("Kurdish", PLACE), ("Salloum", P)],
        ),
        (  # a person who called someone is no name of him
            "The governor, Hamid Salloum, called Tarek Mansour on Friday.",
            [("Hamid Salloum", P), ("Tarek Mansour", P)],
        ),
        (  # the gloss of a place is no name of the group beside it
            "The Dawn Front (Arabic for Velmar Guard's rival) fought.",
            [("Dawn Front", ORG), ("Velmar Guard", ORG)],
        ),
    ],
)
def test_languages_and_calls_alone_state_no_alias(
    text: str, names: list[tuple[str, EntityKind]]
) -> None:
    assert not _pairs(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "Its envoy, Sons of Keth, as the Kethi movement calls itself, met them.",
        "Fighters of Sons of Keth, as the Kethi group call it, held the pass.",
    ],
)
def test_the_name_its_bearers_use_before_a_body_noun_the_tagger_left_out(text: str) -> None:
    assert _pairs(text, [("Sons of Keth", ORG), ("Kethi", ORG)]) == {("Sons of Keth", "Kethi")}


def test_a_body_noun_between_a_name_and_a_verb_of_another_clause_states_no_alias() -> None:
    text = "Sons of Keth, as the Kethi movement knows well, holds Odra."
    assert _pairs(text, [("Sons of Keth", ORG), ("Kethi", ORG), ("Odra", PLACE)]) == set()
