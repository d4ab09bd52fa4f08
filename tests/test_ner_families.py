"""Families of names the model misses or mistypes, mended by rules on how such names are built
or on the words around them, on spans an EntityRuler marks as the model might.

The sentences and names are written for these tests, none taken from the seeds, the training
corpora or any held-out set.
"""

from __future__ import annotations

from tests.test_nlp_rules import ORG, mentions, ruled


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
