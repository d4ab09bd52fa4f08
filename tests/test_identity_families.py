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


def _keys(result: object, doc_id: str) -> dict[str, str]:
    """Each mention's name in one document -> its entity key."""
    return {rm.mention.name: rm.entity_key for rm in result.mentions[doc_id]}  # type: ignore[attr-defined]


def test_dh_and_z_spell_one_letter_and_a_family_surname_goes_to_the_one_named_before() -> None:
    """Nadhim/Nazim are one name; "Saedi" alone, after the first brother and before the
    second is named, is the first; the second brother (another given name) stays apart."""
    text = (
        "Police held Nadhim Kadhim al-Saedi. Others wrote Nazim Kazim al-Saidi. Saedi was "
        "questioned, and so was his brother Riyadh Kadhim al-Saedi."
    )
    names = [("Nadhim Kadhim al-Saedi", P), ("Nazim Kazim al-Saidi", P), ("Saedi", P)]
    names += [("Riyadh Kadhim al-Saedi", P)]
    keys = _keys(resolve([_doc("a", text, names)]), "a")
    assert keys["Nadhim Kadhim al-Saedi"] == keys["Nazim Kazim al-Saidi"] == keys["Saedi"]
    assert keys["Riyadh Kadhim al-Saedi"] != keys["Saedi"]


def test_a_kunya_a_sentence_gives_a_person_is_the_person_even_tagged_a_body() -> None:
    text = "Troops seized Rafid Sabah al-Tamimi, 39, also known as Abu Yasir, in Odra."
    names = [("Rafid Sabah al-Tamimi", P), ("Abu Yasir", ORG), ("Odra", PLACE)]
    result = resolve([_doc("a", text, names)])
    keys = _keys(result, "a")
    assert keys["Abu Yasir"] == keys["Rafid Sabah al-Tamimi"]
    assert result.entities[keys["Abu Yasir"]].kind is P


def test_a_nom_de_guerre_or_a_real_name_is_the_same_person() -> None:
    text = (
        "The brigade named the dead man as Qusay Mahmoud al-Janabi and said he was known by "
        "his nom de guerre, Abu Taiba. Its founder Abu Wissam al-Kurdi met him in Odra. "
        "Kurdi, whose real name is Salih Jabbar Hamid al-Dulaimi, fled."
    )
    names = [("Qusay Mahmoud al-Janabi", P), ("Abu Taiba", P), ("Abu Wissam al-Kurdi", P)]
    names += [("Odra", PLACE), ("Kurdi", PLACE), ("Salih Jabbar Hamid al-Dulaimi", P)]
    keys = _keys(resolve([_doc("a", text, names)]), "a")
    assert keys["Abu Taiba"] == keys["Qusay Mahmoud al-Janabi"]
    assert keys["Salih Jabbar Hamid al-Dulaimi"] == keys["Kurdi"] == keys["Abu Wissam al-Kurdi"]
    assert keys["Abu Taiba"] != keys["Kurdi"]


def test_a_name_beside_another_without_a_statement_stays_apart() -> None:
    text = "Qusay Mahmoud al-Janabi met Abu Taiba in Odra and said he was tired."
    names = [("Qusay Mahmoud al-Janabi", P), ("Abu Taiba", P), ("Odra", PLACE)]
    keys = _keys(resolve([_doc("a", text, names)]), "a")
    assert keys["Abu Taiba"] != keys["Qusay Mahmoud al-Janabi"]


def test_a_surname_after_a_generational_suffix_joins_across_documents() -> None:
    one = _doc("a", "Gen. Marcus T. Whitfield Jr. landed.", [("Marcus T. Whitfield Jr.", P)])
    two = _doc("b", "Defense chief Marcus Whitfield spoke. Whitfield left.", [("Whitfield", P)])
    three = _doc("c", "Marcus Whitfield arrived.", [("Marcus Whitfield", P)])
    result = resolve([one, two, three])
    keys = {_keys(result, d).popitem()[1] for d in "abc"}
    assert keys == {"person/marcus-t-whitfield-jr"}


def test_the_name_an_arabic_bodys_english_rendering_opens_is_another_body() -> None:
    """ "Fityan Brigades" renders "Kataib Fityan": "Fityan" alone is what both are named after
    (another body), no short form of either; an English name with no Arabic one still is."""
    text = (
        "Kataib Fityan, or the Fityan Brigades, shelled Odra with help from Fityan "
        "instructors. The Sumud Organization denied it; Sumud's chief left."
    )
    names = [("Kataib Fityan", ORG), ("Fityan Brigades", ORG), ("Odra", PLACE)]
    names += [("Fityan", ORG), ("Sumud Organization", ORG), ("Sumud", ORG)]
    two = _doc("b", "Fityan denied any role.", [("Fityan", ORG)])
    keys = _keys(resolve([_doc("a", text, names), two]), "a")
    assert keys["Kataib Fityan"] == keys["Fityan Brigades"] != keys["Fityan"]
    assert keys["Sumud"] == keys["Sumud Organization"]


def test_the_last_word_of_an_arabic_group_name_is_the_group_unless_a_place() -> None:
    text = "Harakat Ansar al-Wafa fired rockets. Wafa, led by Kamil Hadi, denied it."
    names = [("Harakat Ansar al-Wafa", ORG), ("Wafa", P), ("Kamil Hadi", P)]
    result = resolve([_doc("a", text, names)])
    keys = _keys(result, "a")
    assert keys["Wafa"] == keys["Harakat Ansar al-Wafa"]
    assert result.entities[keys["Wafa"]].kind is ORG
    placed = "Harakat Ansar al-Wafa fired rockets from Wafa."
    names = [("Harakat Ansar al-Wafa", ORG), ("Wafa", PLACE)]
    keys = _keys(resolve([_doc("b", placed, names)]), "b")
    assert keys["Wafa"] != keys["Harakat Ansar al-Wafa"]
