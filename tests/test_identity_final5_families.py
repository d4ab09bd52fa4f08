"""Identity families read from an untuned article set: kunyas closing an appositive or given
"to his followers", "who goes by", a body "as the force is called in Arabic", an Arabic name
glossed in English, an acronym's bracket before "or", and kinds a name's shape says.

Every sentence here is invented (other people, places, bodies and wording than the set).
"""

from __future__ import annotations

import pytest

from pipeline.link import link_resolution
from pipeline.records import EntityKind
from pipeline.resolve import resolve
from tests.test_aliases import _pairs
from tests.test_resolve import ORG, P, _doc

PLACE = EntityKind.PLACE


def _entity_of(result: object, doc_id: str) -> dict[str, str]:
    """Each name of a document -> its entity's key."""
    return {rm.mention.name: rm.entity_key for rm in result.mentions[doc_id]}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        (
            "Police named the man as Salem Odeh al-Rubai, known to his comrades as Abu Yasser.",
            [("Salem Odeh al-Rubai", P), ("Abu Yasser", ORG)],
            ("Salem Odeh al-Rubai", "Abu Yasser"),
        ),
        (
            "Officers arrested Kamal Darwish, known in the village simply as Abu Hadi, at dawn.",
            [("Kamal Darwish", P), ("Abu Hadi", P)],
            ("Kamal Darwish", "Abu Hadi"),
        ),
        (
            "Ziad Hamdan, a smuggler from Tal Afar known as Abu Rasha, crossed on Monday.",
            [("Ziad Hamdan", P), ("Tal Afar", PLACE), ("Abu Rasha", PLACE)],
            ("Ziad Hamdan", "Abu Rasha"),
        ),
        (
            "Nabil al-Saadi, a former Rafidain Army officer in Kut who goes by Abu Sama and "
            "lives in Iran, came back.",
            [("Nabil al-Saadi", ORG), ("Rafidain Army", ORG), ("Kut", PLACE), ("Abu Sama", P)],
            ("Nabil al-Saadi", "Abu Sama"),
        ),
    ],
)
def test_a_kunya_given_after_a_name_or_closing_its_appositive_is_the_persons(
    text: str, names: list[tuple[str, EntityKind]], pair: tuple[str, str]
) -> None:
    assert _pairs(text, names) == {pair}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # the kunya's bearer is unnamed: no name of the body or the place
            "The cell took orders from an officer of the Velmar Guard Corps known only as "
            "Abu Tariq, in Odra.",
            [("Velmar Guard Corps", ORG), ("Abu Tariq", ORG), ("Odra", PLACE)],
        ),
        (
            "A courier from Tal Afar known as Abu Rasha was seized.",
            [("Tal Afar", PLACE), ("Abu Rasha", PLACE)],
        ),
        (  # the person before opens no appositive: "met" a courier
            "Ziad Hamdan met a courier from Tal Afar known as Abu Rasha.",
            [("Ziad Hamdan", P), ("Tal Afar", PLACE), ("Abu Rasha", P)],
        ),
        (  # another aside opens after the appositive: the kunya is not the first person's
            "Ziad Hamdan, a trader, met a courier from Tal Afar known as Abu Rasha.",
            [("Ziad Hamdan", P), ("Tal Afar", PLACE), ("Abu Rasha", P)],
        ),
        (  # one word tagged a body is no person's full name
            "Ziad Hamdan, a commander in Velmar known as Abu Rasha, fled.",
            [("Ziad Hamdan", P), ("Velmar", ORG), ("Abu Rasha", ORG)],
        ),
    ],
)
def test_a_kunya_names_no_body_or_place_and_no_person_outside_its_appositive(
    text: str, names: list[tuple[str, EntityKind]]
) -> None:
    found = _pairs(text, names)
    assert all("Abu" not in b or a == "Ziad Hamdan" for a, b in found)
    assert found <= {("Ziad Hamdan", "Abu Rasha")} if "a commander" in text else not found


def test_a_kunya_tagged_a_body_closing_an_appositive_makes_one_person() -> None:
    text = (
        "Nabil al-Saadi, a former Rafidain Army officer in Kut who goes by Abu Sama and lives "
        "in Iran, came back. A warrant for Abu Sama's arrest stands."
    )
    names = [("Nabil al-Saadi", ORG), ("Rafidain Army", ORG), ("Kut", PLACE)]
    names += [("Abu Sama", P), ("Abu Sama", ORG)]
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert keys["Nabil al-Saadi"] == keys["Abu Sama"]
    assert keys["Abu Sama"].startswith("person/")
    assert keys["Kut"] == "place/kut"


def test_a_name_given_as_what_the_body_is_called_in_arabic_is_the_body_whose_noun_it_is() -> None:
    text = (
        "The Velmar Defence Forces (VDF) and the Odra Brigade met. The Odra Brigade holds two "
        "of the VDF's bases, and Quwat Difa Velmar, as the force is called in Arabic, answers "
        "to the president."
    )
    names = [("Velmar Defence Forces", ORG), ("VDF", ORG), ("Odra Brigade", ORG)]
    names += [("Odra Brigade", ORG), ("VDF", ORG), ("Quwat Difa Velmar", ORG)]
    assert _pairs(text, names) == {("Velmar Defence Forces", "Quwat Difa Velmar")}
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert keys["Quwat Difa Velmar"] == keys["Velmar Defence Forces"] == keys["VDF"]
    assert keys["Odra Brigade"] != keys["VDF"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # two bodies with the noun's head: which one is unsaid
            "The Velmar Forces and the Odra Forces met, and Quwat Tahrir, as the force is "
            "called in Arabic, left.",
            [("Velmar Forces", ORG), ("Odra Forces", ORG), ("Quwat Tahrir", ORG)],
        ),
        (  # a person is no body's noun
            "The Odra Brigade met, and Hamdan, as the commander is called locally, left.",
            [("Odra Brigade", ORG), ("Hamdan", P)],
        ),
    ],
)
def test_as_it_is_called_names_no_body_when_the_noun_fits_none_or_two(
    text: str, names: list[tuple[str, EntityKind]]
) -> None:
    assert not _pairs(text, names)


def test_an_arabic_name_glossed_in_english_after_a_comma_is_one_body() -> None:
    text = "Kataib al-Nasr, the Victory Brigades, is listed as one unit. The Victory Brigades left."
    names = [("Kataib al-Nasr", ORG), ("Victory Brigades", ORG), ("Victory Brigades", ORG)]
    assert _pairs(text, names) == {("Kataib al-Nasr", "Victory Brigades")}
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert keys["Kataib al-Nasr"] == keys["Victory Brigades"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # a list goes on after the second name
            "Kataib al-Nasr, the Victory Brigades, Badr and the Odra Front met.",
            [("Kataib al-Nasr", ORG), ("Victory Brigades", ORG), ("Badr", ORG)],
        ),
        (
            "Kataib al-Nasr, the Victory Brigades, and the Odra Front met.",
            [("Kataib al-Nasr", ORG), ("Victory Brigades", ORG), ("Odra Front", ORG)],
        ),
        (  # the English head is no translation of the Arabic word
            "Kataib al-Nasr, the Victory Movement, is listed as one unit.",
            [("Kataib al-Nasr", ORG), ("Victory Movement", ORG)],
        ),
    ],
)
def test_an_appositive_that_lists_or_translates_nothing_is_no_gloss(
    text: str, names: list[tuple[str, EntityKind]]
) -> None:
    assert not _pairs(text, names)


def test_another_name_after_an_acronyms_bracket_and_or_is_the_bodys() -> None:
    text = "The Velmar Defence Forces (VDF), or Quwat Difa Velmar, grew fast."
    names = [("Velmar Defence Forces", ORG), ("VDF", ORG), ("Quwat Difa Velmar", ORG)]
    assert _pairs(text, names) == {("VDF", "Quwat Difa Velmar")}
    either = "Either the Velmar Defence Forces (VDF), or Quwat Difa Velmar, will win."
    assert not _pairs(either, names)


def test_a_kunya_alone_tagged_a_body_is_a_person_and_one_tagged_a_place_stays() -> None:
    text = (
        "A handler known only as Abu Tariq paid the men, who met in Abu Kamal beside fighters "
        "of Abu Hamza al-Kindi."
    )
    names = [("Abu Tariq", ORG), ("Abu Kamal", PLACE), ("Abu Hamza al-Kindi", ORG)]
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert keys["Abu Tariq"] == "person/abu-tariq"
    assert keys["Abu Kamal"] == "place/abu-kamal"
    # a kunya with a nisba may name a brigade after its saint: the tag stands
    assert keys["Abu Hamza al-Kindi"] == "organization/abu-hamza-al-kindi"


def test_a_word_tagged_a_person_but_always_after_the_is_a_body() -> None:
    text = "The Jaysh's budget grew. Critics shame the Jaysh. The men left the Jaysh in May."
    names = [("Jaysh", P), ("Jaysh", P), ("Jaysh", P)]
    result = resolve([_doc("a", text, names)])
    assert set(_entity_of(result, "a").values()) == {"organization/jaysh"}


@pytest.mark.parametrize(
    "text",
    [
        "Karim Odeh spoke. The Odeh clan met, and Odeh left.",  # once without "the"
        "Karim Odeh spoke. The Odeh clan met the Odeh elders.",  # a person's surname
    ],
)
def test_a_persons_surname_after_the_stays_the_persons(text: str) -> None:
    names = [("Karim Odeh", P), *[("Odeh", P)] * (text.count("Odeh") - 1)]
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert set(keys.values()) == {"person/karim-odeh"}


def test_a_body_hyphenated_to_the_area_it_covers_is_a_body_even_tagged_a_place() -> None:
    text = "A statement from Combined Task Force-Velmar said Odra-Kesh Road was closed."
    names = [("Combined Task Force-Velmar", PLACE), ("Odra-Kesh Road", PLACE)]
    keys = _entity_of(link_resolution(resolve([_doc("a", text, names)])), "a")
    assert keys["Combined Task Force-Velmar"] == "organization/combined-task-force-velmar"
    assert keys["Odra-Kesh Road"] == "place/odra-kesh-road"


def test_a_hyphenated_acronym_in_brackets_is_the_name_before_it_not_its_parent() -> None:
    text = (
        "The Velmar Guard Corps (VGC) and its branch, the Velmar Guard Corps-Odra Force "
        "(VGC-OF), met the Joint Task Force-Kesh (JTF-K). VGC-OF denied it; JTF-K did not."
    )
    names = [("Velmar Guard Corps", ORG), ("VGC", ORG), ("Velmar Guard Corps-Odra Force", ORG)]
    names += [("VGC-OF", ORG), ("Joint Task Force-Kesh", ORG), ("JTF-K", ORG)]
    names += [("VGC-OF", ORG), ("JTF-K", ORG)]
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert keys["VGC-OF"] == keys["Velmar Guard Corps-Odra Force"]
    assert keys["VGC"] == keys["Velmar Guard Corps"] != keys["VGC-OF"]
    assert keys["JTF-K"] == keys["Joint Task Force-Kesh"]
