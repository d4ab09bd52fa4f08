"""Families of names the rules after the model mended in session 9, round 2: a name hyphenated
to a participle, a kunya alone, sites and units named by a noun and a number or a head noun,
and one-word bodies before their members.

The sentences and names are written for these tests, none taken from the seeds, the training
corpora or any held-out set.
"""

from __future__ import annotations

from tests.test_nlp_rules import ORG, PERSON, PLACE, mentions, ruled


def _kinds(patterns: list[tuple[str, str]], text: str) -> list[tuple[str, object]]:
    return [(name, kind) for _, name, kind in mentions(ruled(patterns), text)]


def test_a_name_before_a_hyphen_and_a_participle_is_a_mention() -> None:
    text = (
        "A Beirut-based charity said the Hezbollah-trained cells and the U.S.-run jail "
        "near the Velmar-backed camp were Iranian-made claims of Houthi-run media."
    )
    assert _kinds([], text) == [
        ("Beirut", PLACE),  # the link table's city
        ("Hezbollah", ORG),  # the link table's body
        ("U.S.", PLACE),
        # "Velmar-backed": nothing says what backs; adjectives ("Iranian", "Houthi") are none
    ]


def test_a_kunya_alone_is_an_alias_or_a_place_by_its_context() -> None:
    patterns = [("ORG", "Abu Zainab"), ("ORG", "Abu Tamra"), ("ORG", "Abu Halwa"),
                ("GPE", "Umm Salih"), ("ORG", "Abu Dirar")]  # fmt: skip
    text = (
        'A courier, alias "Abu Zainab", was held at Abu Tamra. '
        "Families from Sinjil and Abu Halwa went home. "
        'His mother, known in the old market as "Umm Salih", spoke. '
        "Abu Dirar said the talks failed."
    )
    assert _kinds(patterns, text) == [
        ("Abu Zainab", PERSON),
        ("Abu Tamra", PLACE),
        ("Abu Halwa", PLACE),  # listed after "from" with another name
        ("Umm Salih", PERSON),
        ("Abu Dirar", ORG),  # nothing around says which: as tagged
    ]


def test_sites_and_units_named_by_a_noun_and_a_number_or_a_head_noun() -> None:
    patterns = [
        ("PERSON", "Tower 9"), ("ORG", "Task Force"), ("ORG", "Imam Kadhim Mosque"),
        ("ORG", "Route Tampa"), ("ORG", "Rashid Street"), ("ORG", "Velmar Region"),
    ]  # fmt: skip
    text = (
        "A drone hit Tower 9 after Task Force 16 left Route Tampa. "
        "Crowds filled the Imam Kadhim Mosque and Rashid Street in the Velmar Region."
    )
    assert _kinds(patterns, text) == [
        ("Tower 9", PLACE),
        ("Task Force 16", ORG),
        ("Route Tampa", PLACE),
        ("Imam Kadhim Mosque", PLACE),
        ("Rashid Street", PLACE),
        ("Velmar Region", PLACE),
    ]


def test_a_units_name_after_its_ordinal_ends_in_team_or_squadron() -> None:
    text = "Soldiers of the 2nd Brigade Combat Team and the 5th Squadron left; the 3rd Team won."
    assert _kinds([], text) == [("2nd Brigade Combat Team", ORG), ("5th Squadron", ORG)]


def test_a_one_word_name_before_its_members_is_a_body() -> None:
    patterns = [("PERSON", "Qorvan"), ("GPE", "Darsit"), ("GPE", "Anbar"), ("PERSON", "Velmari")]
    text = (
        "Qorvan fighters and the Darsit factions entered Anbar; Anbar fighters stayed. "
        "Velmari loyalists marched."
    )
    assert _kinds(patterns, text) == [
        ("Qorvan", ORG),
        ("Darsit", ORG),
        ("Anbar", PLACE),
        ("Anbar", PLACE),  # the table's province: fighters from it
        ("Velmari", PERSON),  # a person has loyalists too
    ]
