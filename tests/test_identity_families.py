"""Families of identity errors: one entity must keep one IRI, and different ones stay apart.

Every sentence here is invented (other names, places and wording than the evaluation sets).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.link import link_resolution
from pipeline.records import EntityKind
from pipeline.resolve import resolve
from tests.test_resolve import ORG, P, _doc

PLACE = EntityKind.PLACE


def _labels(result: object) -> dict[str, set[str]]:
    """Each entity key -> its names."""
    return {k: {e.label, *e.alt_labels} for k, e in result.entities.items()}  # type: ignore[attr-defined]


def test_name_cut_short_before_its_acronym_is_the_whole_name() -> None:
    """A branch's name the tagger cut short ("Islamic State" of "Islamic State Borno Province
    (ISBP)") is the branch there: not the parent, nor linked as it, nor a place inside it."""
    text = "Fighters of the Islamic State Borno Province (ISBP) raided Dikwa. ISBP denied it."
    one = _doc(
        "a",
        text,
        [("Islamic State", ORG), ("Borno", PLACE), ("ISBP", ORG), ("Dikwa", PLACE), ("ISBP", ORG)],
    )
    two = _doc("b", "The Islamic State lost ground.", [("Islamic State", ORG)])
    result = link_resolution(resolve([one, two]))
    names = _labels(result)
    branch = next(k for k, v in names.items() if "ISBP" in v)
    assert names[branch] == {"Islamic State Borno Province", "ISBP"}
    assert result.entities[branch].same_as is None
    assert "place/borno" not in result.entities
    parent = next(k for k, v in names.items() if "Islamic State" in v)
    assert parent != branch


def test_a_name_cut_short_again_where_the_text_writes_it_whole_is_the_whole_name() -> None:
    text = (
        "The Keth Relief Mission in Odra (KRMO) opened. Later the Keth Relief Mission in Odra "
        "closed, and the Keth Relief Mission elsewhere stayed."
    )
    names = [("Keth Relief Mission", ORG), ("KRMO", ORG), ("Keth Relief Mission", ORG)]
    names += [("Odra", PLACE), ("Keth Relief Mission", ORG)]
    result = resolve([_doc("a", text, names)])
    keys = [rm.entity_key for rm in result.mentions["a"]]
    assert keys[:3] == ["organization/keth-relief-mission-in-odra"] * 3
    assert len(keys) == 4  # the place inside the name is no mention of its own
    assert keys[3] == "organization/keth-relief-mission"  # the bare name is not read longer


def test_an_acronym_of_the_first_words_and_the_words_after_is_the_body() -> None:
    text = "The Northern Liberation Army Velmar Wing attacked Odra. NLA Velmar denied it."
    names = [("Northern Liberation Army Velmar Wing", ORG), ("Odra", PLACE), ("NLA Velmar", ORG)]
    keys = {
        rm.mention.name: rm.entity_key for rm in resolve([_doc("a", text, names)]).mentions["a"]
    }
    assert keys["NLA Velmar"] == keys["Northern Liberation Army Velmar Wing"]


def test_an_acronym_led_name_that_fits_two_bodies_or_other_words_stays_apart() -> None:
    text = (
        "The Northern Liberation Army Velmar Wing and the National Liberation Army Velmar "
        "Command clashed. NLA Velmar denied it; NLA Odra did not."
    )
    names = [
        ("Northern Liberation Army Velmar Wing", ORG),
        ("National Liberation Army Velmar Command", ORG),
        ("NLA Velmar", ORG),
        ("NLA Odra", ORG),
    ]
    result = resolve([_doc("a", text, names)])
    assert len(result.entities) == 4


def test_a_name_a_sentence_gives_a_body_is_the_body_whatever_its_tag() -> None:
    text = (
        "Gunmen of the Velmar Protection Force, known as Sumud, raided Odra. "
        "Sumud denied it, and Sumud's chief resigned."
    )
    names = [("Velmar Protection Force", ORG), ("Sumud", P), ("Odra", PLACE)]
    names += [("Sumud", P), ("Sumud", P)]
    result = resolve([_doc("a", text, names)])
    (body,) = {rm.entity_key for rm in result.mentions["a"] if rm.mention.name != "Odra"}
    assert result.entities[body].kind is ORG


def test_a_lone_word_opening_a_group_name_is_the_group_even_tagged_a_person() -> None:
    text = "The Kestrel Group sent men to Odra. Kestrel's founder died in 2021."
    names = [("Kestrel Group", ORG), ("Odra", PLACE), ("Kestrel", P)]
    result = resolve([_doc("a", text, names)])
    keys = {rm.mention.name: rm.entity_key for rm in result.mentions["a"]}
    assert keys["Kestrel"] == keys["Kestrel Group"] == "organization/kestrel-group"


def test_a_lone_word_with_a_title_stays_a_person_beside_a_group_it_opens() -> None:
    text = "The Kestrel Group sent men to Odra. Mr. Kestrel denied it."
    doc = _doc("a", text, [("Kestrel Group", ORG), ("Odra", PLACE), ("Mr. Kestrel", P)])
    titled = replace(doc.mentions[2], name="Kestrel", titles=("Mr.",))
    doc = replace(doc, mentions=(*doc.mentions[:2], titled))
    keys = {rm.mention.name: rm.entity_key for rm in resolve([doc]).mentions["a"]}
    assert keys["Kestrel"] != keys["Kestrel Group"]


def test_a_surname_tagged_a_body_that_fits_two_namesakes_is_no_body_of_its_own() -> None:
    text = (
        "Tashkan's forces advance on Odra\n\nField Marshal Ramzi Tashkan sent tanks. His son, "
        "Omar Tashkan, led them. Tashkan himself stayed in Keth."
    )
    names = [("Tashkan", ORG), ("Odra", PLACE), ("Ramzi Tashkan", P), ("Omar Tashkan", P)]
    names += [("Tashkan", ORG), ("Keth", PLACE)]
    result = resolve([_doc("a", text, names)])
    assert not [k for k in result.entities if k.startswith("organization/")]
    assert {"person/ramzi-tashkan", "person/omar-tashkan"} <= set(result.entities)


def test_a_surname_tagged_a_body_the_document_names_as_a_body_stays_the_body() -> None:
    text = (
        "Ramzi Tashkan and Omar Tashkan met. The Tashkans, a movement from Keth, "
        "fought on; Tashkan fighters took Odra."
    )
    names = [("Ramzi Tashkan", P), ("Omar Tashkan", P), ("Tashkans", ORG), ("Keth", PLACE)]
    names += [("Tashkan", ORG), ("Odra", PLACE)]
    result = resolve([_doc("a", text, names)])
    keys = {rm.mention.name: rm.entity_key for rm in result.mentions["a"]}
    assert keys["Tashkan"].startswith("organization/")
