"""Identity resolution: spellings that are the same name share one key; surnames join in-doc."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.records import (
    AnalyzedDocument,
    Document,
    DocumentMeta,
    EntityKind,
    Mention,
    Sentence,
)
from pipeline.resolve import name_key, resolve, slug


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Muqtada al-Sadr", "Muqtada al Sadr"),
        ("Muqtada al-Sadr’s", "Muqtada al-Sadr"),
        ("The Pentagon", "Pentagon"),
        ("José Martí", "Jose Marti"),
        ("AL-QAIDA", "al Qaida"),
    ],
)
def test_same_name_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Laith Khazali", "Qais Khazali"), ("Iran", "Iraq")])
def test_different_names_differ(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_slug_is_iri_safe() -> None:
    assert slug(name_key("Abu Mahdi al-Muhandis")) == "abu-mahdi-al-muhandis"
    assert slug("") == "unnamed"


def _doc(doc_id: str, text: str, names: list[tuple[str, EntityKind]]) -> AnalyzedDocument:
    mentions = []
    sentence = Sentence(0, len(text), text)
    for name, kind in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, kind, name, sentence))
    document = Document(doc_id, Path(f"{doc_id}.txt"), text, "0" * 64, DocumentMeta(title="t"))
    return AnalyzedDocument(document, (), (sentence,), tuple(mentions))


P, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


def test_surname_joins_the_only_full_name_in_the_document() -> None:
    one = _doc("a", "Jane Ndlovu spoke. Ndlovu left.", [("Jane Ndlovu", P), ("Ndlovu", P)])
    two = _doc("b", "Ndlovu arrived.", [("Ndlovu", P)])
    result = resolve([one, two])
    keys_a = {rm.mention.name: rm.entity_key for rm in result.mentions["a"]}
    assert keys_a["Ndlovu"] == keys_a["Jane Ndlovu"] == "person/jane-ndlovu"
    # no full name in document b: the surname stays its own entity, nothing is guessed
    assert result.mentions["b"][0].entity_key == "person/ndlovu"
    assert any("Ndlovu" in why for why in result.merges)
    assert result.entities["person/jane-ndlovu"].alt_labels == {"Ndlovu"}


def test_short_forms_join_whatever_the_tagger_called_them() -> None:
    doc = _doc(
        "a",
        "Amina Osei-Bonsu led. Osei-Bonsu spoke; al-Rashid agreed with Omar al-Rashid. Amina won.",
        [
            ("Amina Osei-Bonsu", P),
            ("Osei-Bonsu", EntityKind.PLACE),
            ("al-Rashid", ORG),
            ("Omar al-Rashid", P),
            ("Amina", EntityKind.PLACE),
        ],
    )
    result = resolve([doc])
    keys = {rm.mention.name: rm.entity_key for rm in result.mentions["a"]}
    assert keys["al-Rashid"] == keys["Omar al-Rashid"] == "person/omar-al-rashid"
    # "Osei-Bonsu" has two words once the hyphen goes: not a one-word short form
    assert keys["Amina"] == "person/amina-osei-bonsu"
    kinds = {rm.mention.name: rm.kind for rm in result.mentions["a"]}
    assert kinds["Amina"] is P and kinds["al-Rashid"] is P


def test_ambiguous_surname_is_not_merged() -> None:
    doc = _doc(
        "a",
        "Laith Khazali and Qais Khazali met. Khazali spoke.",
        [("Laith Khazali", P), ("Qais Khazali", P), ("Khazali", P)],
    )
    keys = {rm.mention.name: rm.entity_key for rm in resolve([doc]).mentions["a"]}
    assert len(set(keys.values())) == 3


def test_one_iri_across_documents_and_majority_kind() -> None:
    a = _doc("a", "Hezbollah and al-Qaida.", [("Hezbollah", ORG), ("al-Qaida", ORG)])
    b = _doc("b", "Al Qaida again; Hezbollah.", [("Al Qaida", ORG), ("Hezbollah", P)])
    c = _doc("c", "Hezbollah.", [("Hezbollah", ORG)])
    result = resolve([a, b, c])
    assert set(result.entities) == {"organization/hezbollah", "organization/al-qaida"}
    qaida = result.entities["organization/al-qaida"]
    assert {qaida.label, *qaida.alt_labels} == {"al-Qaida", "Al Qaida"}


def test_keys_do_not_depend_on_document_order() -> None:
    a = _doc("a", "Muqtada al-Sadr.", [("Muqtada al-Sadr", P)])
    b = _doc("b", "Muqtada al Sadr. Muqtada al Sadr.", [("Muqtada al Sadr", P)])
    forward, backward = resolve([a, b]), resolve([b, a])
    assert set(forward.entities) == set(backward.entities) == {"person/muqtada-al-sadr"}
