"""Families of names the model misses or mistypes, mended by rules on how such names are built
or on the words around them, on spans an EntityRuler marks as the model might.

The sentences and names are written for these tests, none taken from the seeds, the training
corpora or any held-out set.
"""

from __future__ import annotations

from tests.test_nlp_rules import ORG, PERSON, PLACE, mentions, ruled


def _kinds(patterns: list[tuple[str, str]], text: str) -> list[tuple[str, object]]:
    return [(name, kind) for _, name, kind in mentions(ruled(patterns), text)]


def test_urdu_and_persian_group_names_joined_by_a_hyphenated_particle() -> None:
    text = (
        "Recruits of Tehrik-e-Velmar Sindh met envoys of Harkat-ul-Tarvo. Lashkar-e-Qorvan "
        "trainers left, and Sipah-i-Darsit men stayed. Ansar-backed men came. The "
        "Jamiat-ul-Kesra denied it."
    )
    assert _kinds([], text) == [
        ("Tehrik-e-Velmar Sindh", ORG),
        ("Harkat-ul-Tarvo", ORG),
        ("Lashkar-e-Qorvan", ORG),
        ("Sipah-i-Darsit", ORG),
        ("Jamiat-ul-Kesra", ORG),  # after a capitalized article
    ]


def test_arabic_group_names_run_on_through_wal_and_open_with_katiba_or_ahrar() -> None:
    patterns = [("PERSON", "Jabhat Nasr al-Tarvo"), ("PERSON", "Katiba Velmar"),
                ("PERSON", "Ahrar al-Qorvan")]  # fmt: skip
    text = (
        "He joined Jabhat Nasr al-Tarvo wal-Mujahidin last year. The Katiba Velmar held the "
        "road, and Ahrar al-Qorvan fighters withdrew."
    )
    assert _kinds(patterns, text) == [
        ("Jabhat Nasr al-Tarvo wal-Mujahidin", ORG),
        ("Katiba Velmar", ORG),
        ("Ahrar al-Qorvan", ORG),
    ]


def test_the_head_noun_of_a_phrase_in_apposition_says_the_kind() -> None:
    patterns = [
        ("PERSON", "Darsit"), ("ORG", "Qorvan"), ("PERSON", "Velmar Union"),
        ("ORG", "Ilse Marrow"), ("ORG", "Tomas Kreb"), ("ORG", "Anna Lisk"),
    ]  # fmt: skip
    text = (
        "The militia runs its courts out of Darsit, a river town in the north. A drone hit "
        "Qorvan, a port city. He ran for Velmar Union, the smallest faction in the house. "
        "Ilse Marrow, the country's deputy finance minister, resigned. Its chairman, Tomas "
        "Kreb, spoke. Anna Lisk, the late emir's widow, wept."
    )
    assert _kinds(patterns, text) == [
        ("Darsit", PLACE),
        ("Qorvan", PLACE),
        ("Velmar Union", ORG),
        ("Ilse Marrow", PERSON),
        ("Tomas Kreb", PERSON),
        ("Anna Lisk", PERSON),
    ]


def test_no_appositive_after_an_opening_phrase_or_a_word_for_places() -> None:
    patterns = [("GPE", "Qorvan"), ("GPE", "Darsit"), ("GPE", "Talmuz"), ("ORG", "Velmar")]
    text = (
        "In Qorvan, the group's leader spoke. Speaking on a visit to Darsit, the country's "
        "foreign minister said so. Crowds rallied in Talmuz, a spokesman said. Velmar, the "
        "company said, will close."
    )
    assert _kinds(patterns, text) == [
        ("Qorvan", PLACE),
        ("Darsit", PLACE),
        ("Talmuz", PLACE),
        ("Velmar", ORG),
    ]


def test_an_alias_after_known_as_takes_the_kind_of_the_name_before() -> None:
    patterns = [("ORG", "Northern Shield Force"), ("PERSON", "Qorvan"),
                ("PERSON", "Ilse Marrow"), ("ORG", "Umm Lisk")]  # fmt: skip
    text = (
        "Gunmen of the Northern Shield Force, known as Qorvan, fired. Ilse Marrow, also known "
        "as Umm Lisk, fled."
    )
    assert _kinds(patterns, text) == [
        ("Northern Shield Force", ORG),
        ("Qorvan", ORG),
        ("Ilse Marrow", PERSON),
        ("Umm Lisk", PERSON),
    ]


def test_an_acronym_that_claims_or_denies_is_a_body() -> None:
    patterns = [("PERSON", "QLF"), ("PERSON", "DARVO"), ("PERSON", "TARIK")]
    text = "QLF claimed the raid. DARVO denies it. TARIK was elected."
    assert _kinds(patterns, text) == [("QLF", ORG), ("DARVO", ORG), ("TARIK", PERSON)]


def test_a_directorate_after_general_is_a_body_not_a_titled_person() -> None:
    patterns = [("ORG", "General Security Directorate"), ("ORG", "Relief Programme")]
    text = "The General Security Directorate said so. The Relief Programme for Qorvan Refugees met."
    assert _kinds(patterns, text) == [
        ("General Security Directorate", ORG),
        ("Relief Programme for Qorvan Refugees", ORG),  # runs on through "for"
    ]
