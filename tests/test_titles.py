"""Titles and honorifics: the list that cleans both the training data and the model's output."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.corpora import GmbSentence, gmb_doc, spaces_for, strip_person_titles
from pipeline.nlp.model import add_title_abbreviations
from pipeline.nlp.titles import ABBREVIATIONS, leading_title, title_before, titled_names


def split_title(text: str) -> tuple[str, str]:
    n = leading_title(text)
    return " ".join(text[:n].split()), text[n:]


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("Maj. Gen. Thomas Berger", "Maj. Gen.", "Thomas Berger"),
        ("Brig. Gen. David Kessler", "Brig. Gen.", "David Kessler"),
        ("Rear Admiral Susan Whitfield", "Rear Admiral", "Susan Whitfield"),
        ("Dr. Helena Markovic", "Dr.", "Helena Markovic"),
        ("Sheikh Khalid al-Mansouri", "Sheikh", "Khalid al-Mansouri"),
        ("President Kagame", "President", "Kagame"),
        ("Prime Minister Edward Halloran", "Prime Minister", "Edward Halloran"),
        ("Deputy Prime Minister Ana Ruiz", "Deputy Prime Minister", "Ana Ruiz"),
        ("Secretary-General Kofi Mensah", "Secretary-General", "Kofi Mensah"),
        ("Grand Ayatollah Hussein Najafi", "Grand Ayatollah", "Hussein Najafi"),
        ("Lt. Col. Mark Daly", "Lt. Col.", "Mark Daly"),
        ("Staff Sgt. Ruth Olsen", "Staff Sgt.", "Ruth Olsen"),
        ("Gen Omar Farouk", "Gen", "Omar Farouk"),
        ("Secretary of State Linda Parks", "Secretary of State", "Linda Parks"),
        ("Mr. Okafor", "Mr.", "Okafor"),
    ],
)
def test_split_title(text: str, title: str, name: str) -> None:
    assert split_title(text) == (title, name)


@pytest.mark.parametrize(
    "text",
    [
        "Generalissimo Franco",  # a longer word that starts like a title
        "Kingston Mbeki",
        "Majid Hassan",
        "President",  # a bare title leaves no name, so nothing is split off
        "Hassan Nasser",
    ],
)
def test_untitled_names_stay_whole(text: str) -> None:
    assert split_title(text) == ("", text)


@pytest.mark.parametrize(
    ("before", "title"),
    [
        ("The raid was ordered by Maj. Gen. ", "Maj. Gen. "),
        ("Iraqi Prime Minister ", "Prime Minister "),
        ("according to Rear Adm. ", "Rear Adm. "),
        ("said Sheikh ", "Sheikh "),
    ],
)
def test_title_before_a_name(before: str, title: str) -> None:
    assert before[title_before(before) :] == title


@pytest.mark.parametrize("before", ["the general ", "told the ", "Generalissimo ", ""])
def test_no_title_before(before: str) -> None:
    assert title_before(before) == -1


def test_abbreviations_stay_one_token_and_do_not_end_sentences() -> None:
    nlp = add_title_abbreviations(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    doc = nlp("Brig. Gen. Ana Ruiz and Lt. Col. Mark Daly arrived. They left.")
    assert [t.text for t in doc[:4]] == ["Brig.", "Gen.", "Ana", "Ruiz"]
    assert len(list(doc.sents)) == 2
    assert {"Maj.", "Brig.", "Lt.", "Sgt.", "Dr.", "Mr."} <= set(ABBREVIATIONS)


def test_training_data_loses_titles_inside_person_spans() -> None:
    words = ["Prime", "Minister", "Tony", "Blair", "met", "Mr.", "Bush", "."]
    iob = ["B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    strip_person_titles(words, spaces_for(words), iob)
    assert iob == ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"]


def test_gmb_tokens_read_as_ordinary_text() -> None:
    words = ["He", "said", '"', "Iraq", "'s", "soldiers", "'", "pay", '"']
    words += ["rose", "(", "5", "%", ")", "."]
    text = "".join(w + " " * s for w, s in zip(words, spaces_for(words), strict=True))
    assert text == "He said \"Iraq's soldiers' pay\" rose (5%)."


def test_titled_names_are_title_runs_before_capitalized_names() -> None:
    text = "Lt. Col. Hadi al-Rawi met Deputy Prime Minister Ana Ruiz and the general Omar."
    assert [(text[a:b], text[b:c]) for a, b, c in titled_names(text, 0, len(text))] == [
        ("Lt. Col. ", "Hadi al-Rawi"),
        ("Deputy Prime Minister ", "Ana Ruiz"),
    ]  # a lower-case title opens no run


def test_training_countries_tagged_as_organizations_become_places() -> None:
    sentence = GmbSentence(
        3,
        ("The", "U.S.", "and", "Hamas", "met", "President", "Bush", "."),
        ("DT", "NNP", "CC", "NNP", "VBD", "NNP", "NNP", "."),
        ("O", "B-org", "O", "B-org", "O", "B-per", "I-per", "O"),
    )
    vocab = spacy.blank("en").vocab
    as_trained = gmb_doc(vocab, sentence, countries_as_places=True)
    assert [(e.text, e.label_) for e in as_trained.ents] == [
        ("U.S.", "GPE"),
        ("Hamas", "ORG"),
        ("Bush", "PERSON"),
    ]
    assert gmb_doc(vocab, sentence).ents[0].label_ == "ORG"  # held-out test keeps GMB's label
