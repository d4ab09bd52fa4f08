"""Identity families read from an untuned article set: a given name that a body or a kinship
noun claims, one body under one word and different head nouns, alias statements in other
wordings, a body's last word alone, a kunya with a nisba across pages, and names whose shape
says what they are.

Every sentence here is invented (other people, places, bodies and wording than the set).
"""

from __future__ import annotations

import pytest

from pipeline.records import EntityKind, SegmentKind
from pipeline.resolve import resolve
from pipeline.segment import bio_author, segment_text
from tests.test_aliases import _pairs
from tests.test_resolve import ORG, P, _doc

PLACE = EntityKind.PLACE


def _entity_of(result: object, doc_id: str) -> dict[str, str]:
    """Each name of a document -> its entity's key."""
    return {rm.mention.name: rm.entity_key for rm in result.mentions[doc_id]}  # type: ignore[attr-defined]


def test_a_lone_word_that_also_names_a_body_is_the_bodys_not_a_given_name() -> None:
    doc = _doc(
        "a",
        "The Nasr Organization holds the dam. Sheikh Nasr Jalil al-Obeidi, whose men sit "
        "beside Nasr units, said the road was open.",
        [("Nasr Organization", ORG), ("Nasr Jalil al-Obeidi", P), ("Nasr", P)],
    )
    keys = _entity_of(resolve([doc]), "a")
    assert keys["Nasr"] == keys["Nasr Organization"] != keys["Nasr Jalil al-Obeidi"]


def test_a_given_name_alone_without_a_body_of_that_word_stays_the_persons() -> None:
    doc = _doc(
        "a",
        "Nasr Jalil al-Obeidi spoke first. Nasr said the dam was safe.",
        [("Nasr Jalil al-Obeidi", P), ("Nasr", P)],
    )
    keys = _entity_of(resolve([doc]), "a")
    assert keys["Nasr"] == keys["Nasr Jalil al-Obeidi"]


def test_a_given_name_after_a_kinship_noun_is_a_relative_not_a_namesake() -> None:
    doc = _doc(
        "a",
        "Speaker Yusuf al-Rawi opened the session. Salim al-Dulaimi said his son Yusuf was "
        "wounded in Hit.",
        [("Yusuf al-Rawi", P), ("Salim al-Dulaimi", P), ("Yusuf", P), ("Hit", PLACE)],
    )
    result = resolve([doc])
    keys = _entity_of(result, "a")
    assert "Yusuf" not in keys  # left unpublished: a split is worse than a name unsaid
    assert result.entities["person/yusuf-al-rawi"].alt_labels == set()


def test_a_relatives_given_name_joins_the_relative_named_in_full_after_a_kinship_noun() -> None:
    doc = _doc(
        "a",
        "Police held Ali Hassan Karim and his eldest son, Omar Ali Karim. Neighbours said his "
        "son Omar had done nothing.",
        [("Ali Hassan Karim", P), ("Omar Ali Karim", P), ("Omar", P)],
    )
    keys = _entity_of(resolve([doc]), "a")
    assert keys["Omar"] == keys["Omar Ali Karim"]


def test_one_word_with_different_head_nouns_on_two_pages_is_one_body() -> None:
    one = _doc(
        "a",
        "Gunmen of the Nasr Corps closed the bridge, and Nasr fighters searched cars.",
        [("Nasr Corps", ORG), ("Nasr", ORG)],
    )
    two = _doc(
        "b",
        "The Nasr Organization won four seats; Nasr says it has left the fighting.",
        [("Nasr Organization", ORG), ("Nasr", ORG)],
    )
    result = resolve([one, two])
    keys = {**_entity_of(result, "a"), **_entity_of(result, "b")}
    assert keys["Nasr Corps"] == keys["Nasr Organization"] == keys["Nasr"]


def test_one_word_that_opens_a_name_with_no_head_noun_joins_nothing() -> None:
    one = _doc(
        "a",
        "The Fajr Army held the crossing, and Fajr gunmen fired.",
        [("Fajr Army", ORG), ("Fajr", ORG)],
    )
    two = _doc(
        "b",
        "The Fajr Scouts marched in Najaf; Fajr organisers counted ten thousand.",
        [("Fajr Scouts", ORG), ("Najaf", PLACE), ("Fajr", ORG)],
    )
    result = resolve([one, two])
    keys = {**_entity_of(result, "a"), **_entity_of(result, "b")}
    assert keys["Fajr Army"] != keys["Fajr Scouts"]


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        (
            "Rami Saleh, whose Dawn Front is also known as the Sons of the River, spoke.",
            [("Rami Saleh", P), ("Dawn Front", ORG), ("Sons of the River", ORG)],
            ("Dawn Front", "Sons of the River"),
        ),
        (
            "The Valley Alliance, which was called the Green Bloc until May, won.",
            [("Valley Alliance", ORG), ("Green Bloc", ORG)],
            ("Valley Alliance", "Green Bloc"),
        ),
        (
            "The men serve in the National Guard Forces, a coalition known in Kurdish as Hezy "
            "Parastin, since 2019.",
            [("National Guard Forces", ORG), ("Kurdish", ORG), ("Hezy Parastin", ORG)],
            ("National Guard Forces", "Hezy Parastin"),
        ),
        (
            "Hadi Nasser, a retired smuggler known as Abu Ali, was freed.",
            [("Hadi Nasser", P), ("Abu Ali", P)],
            ("Hadi Nasser", "Abu Ali"),
        ),
        (
            "He said his Unity Front, as the old Valley Bloc has been called since May, would "
            "stand.",
            [("Unity Front", ORG), ("Valley Bloc", ORG)],
            ("Unity Front", "Valley Bloc"),
        ),
    ],
)
def test_alias_statements_in_other_wordings(
    text: str, names: list[tuple[str, EntityKind]], pair: tuple[str, str]
) -> None:
    assert _pairs(text, names) == {pair}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # the appositive names a third body, whose name follows
            "The Dawn Front, a rival of the group known as the Sons of the River, fired.",
            [("Dawn Front", ORG), ("Sons of the River", ORG)],
        ),
        (  # a leader's name is no body's
            "The Dawn Front, whose leader is known as Rami Saleh, fired.",
            [("Dawn Front", ORG), ("Rami Saleh", P)],
        ),
        (  # a verb, not a name given
            "Rami Saleh called Omar Hadi on Sunday.",
            [("Rami Saleh", P), ("Omar Hadi", P)],
        ),
        (  # "as well as" lists two bodies
            "The Dawn Front, as well as the Valley Bloc, has been called a threat.",
            [("Dawn Front", ORG), ("Valley Bloc", ORG)],
        ),
    ],
)
def test_what_is_no_alias_statement(text: str, names: list[tuple[str, EntityKind]]) -> None:
    assert _pairs(text, names) == set()


def test_a_bodys_own_last_word_alone_is_the_body() -> None:
    doc = _doc(
        "a",
        "The Reform Compact named its list. Two Compact officials said the Compact's leaders "
        "would meet.",
        [("Reform Compact", ORG), ("Compact", ORG), ("Compact", ORG)],
    )
    keys = _entity_of(resolve([doc]), "a")
    assert keys["Compact"] == keys["Reform Compact"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # the last word of an Arabic name is what the body is named after
            "Kataib Zulfiqar fired; Zulfiqar denied it.",
            [("Kataib Zulfiqar", ORG), ("Zulfiqar", ORG)],
        ),
        (  # a generic head noun needs "the" each time
            "The Basra Council met, and Council members left.",
            [("Basra Council", ORG), ("Council", ORG)],
        ),
        (  # two bodies end in the word
            "The Reform Compact and the Unity Compact met; Compact officials left.",
            [("Reform Compact", ORG), ("Unity Compact", ORG), ("Compact", ORG)],
        ),
    ],
)
def test_a_last_word_that_names_no_one_body_joins_nothing(
    text: str, names: list[tuple[str, EntityKind]]
) -> None:
    keys = _entity_of(resolve([_doc("a", text, names)]), "a")
    assert len({keys[name] for name, _ in names}) == len(names)


@pytest.mark.parametrize(
    ("other", "same"), [("Abu Zaid al-Tikriti", True), ("Abu Zaid al-Ansari", False)]
)
def test_a_kunya_with_a_family_name_is_the_one_person_who_goes_by_that_kunya(
    other: str, same: bool
) -> None:
    one = _doc(
        "a",
        "Its chief, Kamal Jasim al-Tikriti, who goes by Abu Zaid, stays hidden.",
        [("Kamal Jasim al-Tikriti", P), ("Abu Zaid", P)],
    )
    two = _doc("b", f"The group's leader, {other}, denied the attack.", [(other, P)])
    result = resolve([one, two])
    keys = {**_entity_of(result, "a"), **_entity_of(result, "b")}
    assert (keys[other] == keys["Kamal Jasim al-Tikriti"]) is same


@pytest.mark.parametrize(
    ("text", "name", "tag", "kind"),
    [
        ("Police arrested two men in Abu Kamal on Monday.", "Abu Kamal", ORG, PLACE),
        ("Shells fell near Abu Kamal at dawn.", "Abu Kamal", P, PLACE),
        ("The raid in Abu Sama's house ended at dawn.", "Abu Sama", ORG, P),
        ("The cell, led by Abu Sama, fired at dawn.", "Abu Sama", ORG, P),
        ("Officials said they trust in Abu Sama to keep the peace.", "Abu Sama", P, P),
    ],
)
def test_a_kunya_shaped_name_after_a_place_word_is_a_town(
    text: str, name: str, tag: EntityKind, kind: EntityKind
) -> None:
    result = resolve([_doc("a", text, [(name, tag)])])
    assert result.mentions["a"][0].kind is kind


def test_an_abbreviation_spelled_out_in_lower_case_is_a_things_not_a_body() -> None:
    doc = _doc(
        "a",
        "Gunmen fired rocket-propelled grenades (RPGs) at the Dawn Front (DF). Two RPG "
        "launchers were found.",
        [("RPGs", ORG), ("Dawn Front", ORG), ("DF", ORG), ("RPG", ORG)],
    )
    keys = _entity_of(resolve([doc]), "a")
    assert "RPGs" not in keys and "RPG" not in keys
    assert keys["DF"] == keys["Dawn Front"]


_BODY = (
    "Floodwater cut the road between the two villages on Monday, the council said.\n\n"
    "Engineers expect to reopen it by the end of the week."
)


@pytest.mark.parametrize(
    "line",
    [
        "Lena Haddad |",
        "Lena Haddad|May 3, 2024",
        "Lena Haddad, Senior Analyst | May 3, 2024",
        "May 3, 2024 | By Lena Haddad",
        "Lena Haddad · May 3, 2024",
        "By Lena Haddad • May 3, 2024",
        "Lena Haddad / Example Wire",
        "Lena Haddad — May 3, 2024",
        "Lena Haddad, May 3, 2024",
        "By Lena Haddad (Example Wire)",
        "Published May 3, 2024 by Lena Haddad",
    ],
)
def test_bylines_in_other_shapes_are_no_body(line: str) -> None:
    segments = segment_text(f"Floods cut village road\n\n{line}\n\n{_BODY}\n\nTags: floods")
    (byline,) = [s for s in segments if "Haddad" in s.text]
    assert byline.kind is SegmentKind.BIO
    assert bio_author(byline.text) == "Lena Haddad"


@pytest.mark.parametrize(
    "line",
    [
        "Rockets Hit Green Zone — officials blame militias",
        "Lena Haddad said the road would open on May 3, 2024.",
    ],
)
def test_a_dek_or_a_sentence_above_the_body_stays_body(line: str) -> None:
    segments = segment_text(f"Floods cut village road\n\n{line}\n\n{_BODY}\n\nTags: floods")
    assert [s.kind for s in segments if s.text == line] == [SegmentKind.BODY]
