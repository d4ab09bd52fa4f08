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
        ("Velmar Brigade", PERSON, ORG),  # no person's name ends in a body's noun
        ("Army", PERSON, PERSON),  # one word: nothing says whose
        ("Jurf al-Milh", ORG, PLACE),  # an Arabic noun for a landform opens a place's name
        ("Albu Hardan", PERSON, PLACE),
        ("Wadi Salim", PERSON, PERSON),  # "Wadi" is also a given name
        ("Wadi Salim", ORG, PLACE),
        ("Umm Rawaq", ORG, PLACE),
        ("Umm Kulthum", PERSON, PERSON),
        ("Sahel Valley", ORG, PLACE),  # a noun for a landform or an area ends a place's name
        ("Karim al-Sultani", ORG, PERSON),  # a common given name opens a person's name
        ("Karim Brigades", ORG, ORG),  # a body's noun ends it
        ("Karim al-Sultani", PLACE, PERSON),  # a place too (tests/test_ner_kinds_spans.py)
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


def test_a_country_is_a_place_whatever_the_model_tagged() -> None:
    nlp = ruled(
        [("ORG", "U.S."), ("ORG", "United States"), ("ORG", "Britain"), ("ORG", "U.S. Army"),
         ("ORG", "Tarvo Mining")]
    )  # fmt: skip
    text = (
        "The U.S. said on Monday that the United States and Britain would help. "
        "The U.S. Army and Tarvo Mining were not consulted."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("U.S.", PLACE),
        ("United States", PLACE),
        ("Britain", PLACE),
        ("U.S. Army", ORG),  # an organization's name that holds a country stays one
        ("Tarvo Mining", ORG),
    ]


def test_a_lone_plural_head_noun_is_no_organization() -> None:
    nlp = ruled([("ORG", "Forces"), ("ORG", "Militias"), ("ORG", "Army"), ("ORG", "Marines")])
    text = (
        "Talks began as U.S. Forces withdrew from the town. Later the Militias fired. "
        "The Army said the Marines landed."
    )
    assert [name for _, name, _ in mentions(nlp, text)] == ["Army", "Marines"]


def test_a_name_after_a_personal_title_is_a_person() -> None:
    nlp = ruled(
        [("GPE", "Velasco"), ("ORG", "Ondimba"), ("ORG", "Assembly"), ("GPE", "Mexico"),
         ("ORG", "Justice Department")]
    )  # fmt: skip
    text = (
        "Critics said Mr. Velasco lost. President Ondimba spoke to the General Assembly. "
        "Mexico and the Justice Department agreed."
    )
    assert mentions(nlp, text) == [
        ("Mr. Velasco", "Velasco", PERSON),
        ("President Ondimba", "Ondimba", PERSON),
        ("Assembly", "Assembly", ORG),  # a common noun after "General": no person
        ("Mexico", "Mexico", PLACE),
        ("Justice Department", "Justice Department", ORG),
    ]


def test_an_organization_name_runs_on_through_of_for_and_on() -> None:
    nlp = ruled(
        [("ORG", "Council"), ("ORG", "Popular Front"), ("GPE", "Palestine"), ("ORG", "Army"),
         ("ORG", "Centers"), ("ORG", "Liberal Party"), ("ORG", "Parti Nouveau"),
         ("ORG", "Board"), ("GPE", "Europe"), ("GPE", "Norway")]
    )  # fmt: skip
    text = (
        "She joined the Council on Maritime Affairs. "
        "He met the Popular Front for the Liberation of Palestine. "
        "The Army on Sunday denied it. "
        "Samples went to the Centers for Disease Control and Prevention in Atlanta. "
        "Dupuis will leave the Liberal Party for the Parti Nouveau. "
        "The Board of Europe and Norway agreed."
    )
    assert [name for _, name, _ in mentions(nlp, text)] == [
        "Council on Maritime Affairs",
        "Popular Front for the Liberation of Palestine",  # a place may end the name
        "Army",  # never into a date
        "Centers for Disease Control and Prevention",
        "Liberal Party",  # never into another organization's name
        "Parti Nouveau",
        "Board of Europe",  # across "and" only into a word that is no name of its own
        "Norway",
    ]


def test_events_awards_and_treaties_are_no_organizations() -> None:
    nlp = ruled(
        [("ORG", "Korsvik War"), ("ORG", "Halden Prize"), ("ORG", "Operation Red Dune"),
         ("ORG", "Velmar Treaty"), ("ORG", "Velmar Party")]
    )  # fmt: skip
    text = (
        "After the Korsvik War she won the Halden Prize. Operation Red Dune began under the "
        "Velmar Treaty, which the Velmar Party opposed."
    )
    assert [name for _, name, _ in mentions(nlp, text)] == ["Velmar Party"]


def test_a_title_inside_the_span_makes_a_person() -> None:
    nlp = ruled(
        [("ORG", "King Toradan"), ("ORG", "General Electric"), ("ORG", "Imam Sadiq"),
         ("ORG", "Dynamics"), ("ORG", "Chancellor Ilse Varga")]
    )  # fmt: skip
    text = (
        "Protesters marched against King Toradan. General Electric and General Dynamics sold "
        "plants near the Imam Sadiq mosque. Chancellor Ilse Varga spoke."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Toradan", PERSON),
        ("General Electric", ORG),  # one word after "General": a company
        ("Dynamics", ORG),
        ("Imam Sadiq", ORG),  # names the mosque
        ("Ilse Varga", PERSON),
    ]


def test_arabic_group_names_and_longer_organization_names() -> None:
    nlp = ruled(
        [("ORG", "Supreme Islamic"), ("PERSON", "Ahl al-Haq"), ("ORG", "International Committee"),
         ("ORG", "Red Cross")]
    )  # fmt: skip
    text = (
        "Fighters of Asa'ib Ahl al-Haq and Kata'ib Tarvo's men met the Supreme Islamic Iraqi "
        "Council and the International Committee of the Red Cross."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Asa'ib Ahl al-Haq", ORG),  # the model's person inside is replaced
        ("Kata'ib Tarvo", ORG),  # the model did not see it; no possessive
        ("Supreme Islamic Iraqi Council", ORG),  # a longer run ending in a head noun
        ("International Committee of the Red Cross", ORG),  # "of" into an organization
    ]


def test_a_name_after_a_role_noun_is_a_person() -> None:
    nlp = ruled([("ORG", "Hezbollah"), ("ORG", "Ali Tarvo Daqsan"), ("ORG", "Velmar")])
    text = "Hezbollah operative Ali Tarvo Daqsan was held. The official Velmar news agency said so."
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Hezbollah", ORG),
        ("Ali Tarvo Daqsan", PERSON),
        ("Velmar", ORG),  # "official" is no role said only of people; a noun follows
    ]


def test_adjectives_and_compass_words_alone_are_no_names() -> None:
    nlp = ruled(
        [("GPE", "Saudi"), ("GPE", "South"), ("ORG", "Shiite"), ("GPE", "Riyadh"),
         ("GPE", "South Sudan")]
    )  # fmt: skip
    text = "The Saudi capital, Riyadh, hosted South Korean and Shiite envoys from South Sudan."
    assert [name for _, name, _ in mentions(nlp, text)] == ["Riyadh", "South Sudan"]


def test_names_the_model_cut_short_or_missed_run_on() -> None:
    nlp = ruled([("ORG", "Islamic State of"), ("GPE", "Iraq"), ("PERSON", "Jihad")])
    text = (
        "The Islamic State of Iraq and the League of the Righteous met the Palestinian "
        "Islamic Jihad, and the Iraqi National Police watched."
    )
    assert [name for _, name, _ in mentions(nlp, text)] == [
        "Islamic State of Iraq",  # the model's span ended in "of"
        "League of the Righteous",  # a head noun the name runs on from
        "Palestinian Islamic Jihad",  # a run ending in a head noun replaces a person
        "Iraqi National Police",
    ]


def test_hyphenated_parts_of_an_organization_name() -> None:
    nlp = ruled([("ORG", "Hamas"), ("ORG", "Fatah")])
    text = "The Multi-National Force-Iraq said Hamas-Fatah talks failed."
    assert [name for _, name, _ in mentions(nlp, text)] == [
        "Multi-National Force-Iraq",  # a run the model missed, with its hyphenated parts
        "Hamas",
        "Fatah",  # another name before the hyphen stays apart
    ]


def test_a_kunya_with_a_family_name_is_a_person_and_sayyid_a_title() -> None:
    nlp = ruled([("ORG", "Abu Tariq"), ("GPE", "Abu Ghraib"), ("PERSON", "Hamid Tarvosi")])
    text = "Abu Tariq al-Zubaidi was held at Abu Ghraib. Sayyid Hamid Tarvosi spoke."
    assert mentions(nlp, text) == [
        ("Abu Tariq al-Zubaidi", "Abu Tariq al-Zubaidi", PERSON),
        ("Abu Ghraib", "Abu Ghraib", PLACE),  # a kunya alone may name a place
        ("Sayyid Hamid Tarvosi", "Hamid Tarvosi", PERSON),
    ]


def test_a_name_before_a_local_office_is_a_place() -> None:
    nlp = ruled(
        [("ORG", "Kavar Governor"), ("PERSON", "Talwen"), ("PERSON", "Idris Kaya"),
         ("ORG", "Rusafa"), ("PERSON", "Selim Orhan")]
    )  # fmt: skip
    text = (
        "Kavar Governor Selim Orhan met donors. Former Talwen governor Idris Kaya was freed. "
        "Rusafa police said Marun Governor Tamer Osta had left. National police said so."
    )
    assert mentions(nlp, text) == [
        ("Kavar", "Kavar", PLACE),  # the model's "Kavar Governor" loses the office
        ("Governor Selim Orhan", "Selim Orhan", PERSON),
        ("Talwen", "Talwen", PLACE),
        ("Idris Kaya", "Idris Kaya", PERSON),
        ("Rusafa", "Rusafa", PLACE),
        ("Marun", "Marun", PLACE),  # untagged, found before "Governor"
        ("Governor Tamer Osta", "Tamer Osta", PERSON),  # untagged, found after its title
    ]  # "National" before "police" is an adjective: no place


def test_a_lower_case_title_keeps_the_given_name() -> None:
    nlp = ruled([("ORG", "Saraya Nour"), ("PERSON", "Rahal"), ("PERSON", "Olin")])
    text = (
        "Saraya Nour deputy secretary-general Fadil Rahal spoke. "
        "The Secretary of Defense Mark Olin replied."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Saraya Nour", ORG),
        ("Fadil Rahal", PERSON),
        ("Olin", PERSON),  # no given name is read across "of" ("Defense Mark")
    ]


def test_a_name_after_a_title_is_found_when_the_model_missed_it() -> None:
    nlp = ruled([("ORG", "Velmar Party")])  # tags nothing here
    text = (
        "Brigadier General Tamer al-Osta said the General Assembly met near the Imam Reza "
        "shrine, and Sheikh Nabil Qaddour agreed."
    )
    assert mentions(nlp, text) == [
        ("Brigadier General Tamer al-Osta", "Tamer al-Osta", PERSON),
        ("Sheikh Nabil Qaddour", "Nabil Qaddour", PERSON),
    ]


def test_lower_case_words_at_a_name_edge_are_cut() -> None:
    nlp = ruled(
        [("GPE", "western Velmara"), ("GPE", "Kavar airport"), ("ORG", "Third Division"),
         ("PERSON", "Saudi Arabia"), ("PERSON", "Jordan")]
    )  # fmt: skip
    text = (
        "Rockets hit western Velmara and Kavar airport. The Third Division of the Syrian army "
        "withdrew. Saudi Arabia and Jordan objected."
    )
    assert [(name, kind) for _, name, kind in mentions(nlp, text)] == [
        ("Velmara", PLACE),
        ("Kavar", PLACE),
        ("Third Division", ORG),  # the name does not run on into an adjective
        ("Saudi Arabia", PLACE),  # a country of two words is never a person
        ("Jordan", PERSON),  # one word may be a person's name
    ]
