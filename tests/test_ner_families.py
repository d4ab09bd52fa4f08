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


def test_a_command_name_runs_on_through_the_place_or_region_hyphenated_to_its_head() -> None:
    patterns = [("ORG", "Allied Division"), ("ORG", "Joint Corps"), ("ORG", "Tarvo Media")]
    text = (
        "Allied Division-Kirkuk said two men were held. A spokesman for Joint Corps-South "
        "West denied it. Tarvo Media-Kirkuk ties were cut."
    )
    assert _kinds(patterns, text) == [
        ("Allied Division-Kirkuk", ORG),
        ("Joint Corps-South West", ORG),
        ("Tarvo Media", ORG),  # no command's head noun: the place is apart
    ]


def test_a_military_base_named_after_its_noun_is_a_place() -> None:
    patterns = [
        ("ORG", "Forward Operating Base Tarvo"), ("PERSON", "Camp Velmar"),
        ("ORG", "Combat Outpost Darsit"), ("PERSON", "Dana Camp"),
    ]  # fmt: skip
    text = (
        "Rockets hit Forward Operating Base Tarvo at dawn. Lawmakers toured Camp Velmar. "
        "Mortars struck Combat Outpost Darsit. Dana Camp spoke."
    )
    assert _kinds(patterns, text) == [
        ("Forward Operating Base Tarvo", PLACE),
        ("Camp Velmar", PLACE),
        ("Combat Outpost Darsit", PLACE),
        ("Dana Camp", PERSON),
    ]


def test_a_quoted_alias_after_known_as_takes_the_kind_of_the_name_before() -> None:
    patterns = [("PERSON", "Salim Tarvo al-Darsiti"), ("ORG", "Abu Velmar"), ("ORG", "Abu Kesra")]
    text = (
        'The cell answered to Salim Tarvo al-Darsiti, known as "Abu Velmar", who fled. '
        "His deputy, known as “Abu Kesra”, stayed."
    )
    assert _kinds(patterns, text) == [
        ("Salim Tarvo al-Darsiti", PERSON),
        ("Abu Velmar", PERSON),
        ("Abu Kesra", PERSON),  # no name before "known as", but a quoted kunya is an alias
    ]


def test_a_name_before_a_site_noun_is_a_place() -> None:
    patterns = [("PERSON", "Qorvan"), ("ORG", "Velmar"), ("ORG", "TPX"), ("ORG", "Darsit")]
    text = (
        "Gunmen raided the Qorvan oil field and shelled Velmar air base. The TPX oil field "
        "was idle. Darsit said nothing."
    )
    assert _kinds(patterns, text) == [
        ("Qorvan", PLACE),
        ("Velmar", PLACE),
        ("TPX", ORG),  # an acronym: a company's
        ("Darsit", ORG),
    ]


def test_a_unit_named_by_its_noun_and_a_number_is_an_organization() -> None:
    patterns = [("DATE", "Brigade 61"), ("PERSON", "Unit 9100")]
    text = (
        "Gunmen of Brigade 61 of the Tarvo Forces held the road. Unit 9100 trained them. "
        "Engineers shut Unit 4 of the plant."
    )
    assert _kinds(patterns, text) == [
        ("Brigade 61", ORG),
        ("Tarvo Forces", ORG),
        ("Unit 9100", ORG),
    ]


def test_followers_after_the_are_a_movement_not_a_place() -> None:
    assert _kinds([("GPE", "Velmaris")], "Arms reached the Velmaris by sea.") == [("Velmaris", ORG)]


def test_a_given_a_fathers_and_a_family_name_make_a_person_not_a_body() -> None:
    patterns = [("ORG", "Salim Hatem al-Obeidi"), ("ORG", "Thar Allah al-Qorvani")]
    text = "The group lost Salim Hatem al-Obeidi, 29, on Monday. Thar Allah al-Qorvani denied it."
    assert _kinds(patterns, text) == [
        ("Salim Hatem al-Obeidi", PERSON),
        ("Thar Allah al-Qorvani", ORG),
    ]
