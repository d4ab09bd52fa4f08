"""Families of names the rules after the model mended in session 9: a byline's bar, a body's
name that runs into its leader's, a surname or a group's short name that stands for the longer
name given before it.

The sentences and names are written for these tests, none taken from the seeds, the training
corpora or any held-out set.
"""

from __future__ import annotations

from tests.test_nlp_rules import ORG, PERSON, PLACE, mentions, ruled


def _kinds(patterns: list[tuple[str, str]], text: str) -> list[tuple[str, object]]:
    return [(name, kind) for _, name, kind in mentions(ruled(patterns), text)]


def test_a_bylines_bar_is_no_part_of_a_name() -> None:
    patterns = [("PERSON", "Ilse Marrow |"), ("PERSON", "Tomas Kreb")]
    assert _kinds(patterns, "Comment | Ilse Marrow | 2 June 2023. Tomas Kreb wrote it.") == [
        ("Ilse Marrow", PERSON),
        ("Tomas Kreb", PERSON),
    ]


def test_a_bodys_name_does_not_run_into_its_leaders_name() -> None:
    patterns = [("ORG", "Velmar Guards of"), ("ORG", "Islamic Front of")]
    text = (
        "The 12th brigade is the Velmar Guards of Karim al-Tarvo, a former minister. "
        "Envoys of the Islamic Front of Qorvan Province came."
    )
    assert _kinds(patterns, text) == [
        ("Velmar Guards", ORG),
        ("Karim al-Tarvo", PERSON),  # untagged: a given name and a family's al- name
        ("Islamic Front of Qorvan Province", ORG),  # a place may end a body's name
    ]


def test_an_untagged_family_name_needs_a_common_given_name() -> None:
    text = "Gunmen reached Jisr al-Tarvo and Karim al-Darsit fled."
    assert _kinds([], text) == [("Karim al-Darsit", PERSON)]


def test_a_surname_alone_is_the_person_named_in_full_before() -> None:
    patterns = [("PERSON", "Hamid al-Qorvani"), ("ORG", "Qorvani"), ("GPE", "Velmari"),
                ("PERSON", "Nadia Velmari"), ("ORG", "Darsit")]  # fmt: skip
    text = (
        "Velmari fell in May. Hamid al-Qorvani called for calm. Qorvani aide Nadia Velmari "
        "spoke. Later Qorvani told his men to leave. The Qorvani movement split."
    )
    assert _kinds(patterns, text) == [
        ("Velmari", PLACE),  # before the full name: nothing says whose
        ("Hamid al-Qorvani", PERSON),
        ("Qorvani", PERSON),
        ("Nadia Velmari", PERSON),
        ("Qorvani", PERSON),
        ("Qorvani", ORG),  # before a body's noun: the movement's name
    ]


def test_a_groups_name_without_its_head_noun_is_the_group() -> None:
    patterns = [("ORG", "Tarvo Organization"), ("GPE", "Tarvo"), ("ORG", "Basra Police"),
                ("ORG", "Basra")]  # fmt: skip
    text = (
        "The Tarvo Organization denied it. Tarvo gunmen were seen later. The Basra Police "
        "said Basra was calm."
    )
    assert _kinds(patterns, text) == [
        ("Tarvo Organization", ORG),
        ("Tarvo", ORG),
        ("Basra Police", ORG),
        ("Basra", PLACE),  # a police's name is no group's: the city the table knows
    ]


def test_one_word_after_the_is_a_body_and_before_aide_a_person() -> None:
    patterns = [("PERSON", "Qorvash"), ("PERSON", "Velmar"), ("ORG", "Darsit")]
    text = (
        "The Qorvash has grown into a large force. Critics fear the Qorvash. He ran the "
        "Velmar campaign office. A Darsit aide said so."
    )
    assert _kinds(patterns, text) == [
        ("Qorvash", ORG),
        ("Qorvash", ORG),
        ("Velmar", PERSON),  # a name that modifies a noun after it keeps its kind
        ("Darsit", PERSON),
    ]


def test_shrines_and_hay_neighbourhoods_are_places() -> None:
    patterns = [("ORG", "Hay al-Tarvo"), ("ORG", "Imam Velmar Shrine"), ("ORG", "Tarvo Mosque")]
    text = (
        "Gunmen from Hay al-Tarvo fired at the Imam Velmar Shrine. The Tarvo Mosque condemned it."
    )
    assert _kinds(patterns, text) == [
        ("Hay al-Tarvo", PLACE),
        ("Imam Velmar Shrine", PLACE),
        ("Tarvo Mosque", PLACE),  # a building's name, as tests/data/ner/README.md marks it
    ]


def test_an_appositive_may_name_the_body_before_its_head_noun() -> None:
    patterns = [("ORG", "Nadim al-Qorvani"), ("ORG", "Velmar Front"), ("PERSON", "Darsit")]
    text = (
        "Another, Nadim al-Qorvani, a former Velmar Front commander in the south, was freed. "
        "Rockets hit Darsit, a Velmar Front stronghold."
    )
    assert _kinds(patterns, text) == [
        ("Nadim al-Qorvani", PERSON),
        ("Velmar Front", ORG),
        ("Darsit", PLACE),
        ("Velmar Front", ORG),
    ]
