"""Words for peoples, faiths, sects and languages: "Shiite", "Shi'a", "Shiites", "Kurds",
"Alawites", "Arabic".

They name groups of people or their tongues, never one person, organization or place, so a
one-word name that is one is no name at all ("known in Arabic as": the model reads a place).
General knowledge of English word formation, no list of plurals:

- the adjectives of peoples and faiths below and the country adjectives of ``COUNTRY_OF``;
- their plurals: adjective + "s" ("Sunnis", "Iraqis") or, for an "-ish" adjective, the stem +
  "s" ("Kurds" for Kurdish, "Turks" for Turkish, "Jews" for Jewish);
- nouns for followers of a faith or doctrine, "-ites" and "-ists" ("Alawites", "Maronites",
  "Islamists", "Baathists");
- apostrophes in transliterations do not count ("Shi'a" is "Shia", "Shi'ites" "Shiites").

A plural of an Arabic adjective in "-i" that is no people's ("the Houthis", "the Sadris": the
followers of a family or a movement) names the movement: an organization (``follower_plural``).
"""

from __future__ import annotations

import re

from pipeline.demonyms import COUNTRY_OF

# Adjectives of peoples, faiths and regions (country adjectives are in ``COUNTRY_OF``).
GROUP_ADJECTIVES = frozenset(
    {
        "Shiite", "Shi'ite", "Shia", "Sunni", "Kurdish", "Arab", "Muslim", "Christian",
        "Jewish", "European", "African", "Asian", "Latin", "Persian", "Palestinian", "Soviet",
        "Alawite", "Druze", "Yazidi", "Turkmen", "Assyrian", "Chaldean", "Maronite",
    }
)  # fmt: skip
# Languages of the region and of the news about it whose names are no people's adjective
# ("Persian", "Kurdish", "Turkish" are): never an entity's name alone.
LANGUAGES = frozenset(
    {
        "Arabic", "Farsi", "Dari", "Pashto", "Pashtu", "Urdu", "Hebrew", "Aramaic", "Syriac",
        "Sorani", "Kurmanji", "Baluchi", "Balochi", "Amharic", "Swahili", "English",
    }
)  # fmt: skip
_APOSTROPHES = re.compile(r"['’‘`]")
_ADJECTIVES = frozenset(_APOSTROPHES.sub("", w) for w in GROUP_ADJECTIVES | set(COUNTRY_OF))
_FOLLOWERS = ("ites", "ists")
_DOCTRINES = ("ite", "ist")


def group_word(name: str) -> bool:
    """``name`` is one word for a people, a faith, a sect or a language, or the plural of a
    people's, a faith's or a sect's (see above)."""
    word = _APOSTROPHES.sub("", name)
    if not (word.isalpha() and word[0].isupper()):
        return False
    if word in _ADJECTIVES or word in LANGUAGES:
        return True
    stem = word.removesuffix("s")
    plural = stem != word and (stem in _ADJECTIVES or f"{stem}ish" in _ADJECTIVES)
    return plural or (len(word) > 6 and word.endswith(_FOLLOWERS))


_FOLLOWER_PLURAL = re.compile(r"[A-Z][a-z]{3,}is")


def follower_plural(name: str) -> bool:
    """``name`` is one word that reads as the plural of an "-i" adjective for the followers of a
    family or movement ("Houthis"), and names no people ("Iraqis")."""
    return _FOLLOWER_PLURAL.fullmatch(name) is not None and not group_word(name)


def doctrine_adjective(word: str) -> bool:
    """``word`` is an adjective of a faith, a doctrine or a movement's followers ("Sadrist",
    "Baathist", "Maronite"): it says what a body is, not which ("the Sadrist bloc")."""
    return len(word) > 6 and word[0].isupper() and word.isalpha() and word.endswith(_DOCTRINES)
