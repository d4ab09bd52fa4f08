"""Name normalization shared by identity resolution and linking.

Resolution and linking must agree on when two spellings are the same name, so the rules live
here once rather than in either stage (stages never import each other).
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʿ": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
# Name particles a short form may omit ("Sadr" for "Muqtada al Sadr").
PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abu", "van", "von", "de", "da", "di"})
# Articles that transliteration adds or drops freely ("al-Khazali" = "Khazali").
_ARTICLES = frozenset({"al", "el", "ul", "as", "ad", "an", "ar", "ash", "at", "az"})
# Letter groups that English transliterations of Arabic and Persian spell interchangeably,
# applied in order to a lowercase ASCII token: Qods/Quds, Qais/Kais, Khazali/Qazali,
# Mussa/Musa, Hezbollah/Hizbollah, Yousef/Yusef, Fatimah/Fatima.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("o", "u"),
    ("ee", "i"),
    ("e", "i"),
    ("y", "i"),
    ("w", "u"),
)
THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+\Z")
"""An article just before a name (search the text up to the name's start): "the Observatory"
is a body's short name, never a person's, for the tagger's rules and resolution alike."""
_DOUBLE = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """The normalized form under which two spellings count as the same name.

    Case, accents, apostrophes, hyphens, a possessive and a leading "the" do not matter.
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text.replace("-", " ").replace("'", ""))
    text = _SPACE.sub(" ", text).strip()
    return text.removeprefix("the ") if text.count(" ") else text


def content_tokens(key: str) -> list[str]:
    """The words of a name key without the particles that spellings add or drop."""
    return [w for w in key.split() if w not in _ARTICLES]


def variant_token(token: str) -> str:
    """One token's transliteration skeleton: the spelling differences above folded away.

    Doubled letters collapse (Mussa/Musa) and a final "h" after a vowel goes (Fatimah).
    """
    text = token
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    text = _DOUBLE.sub(r"\1", text)
    if len(text) > 3 and text.endswith("h") and text[-2] in "aiu":
        text = text[:-1]
    return text


def variant_key(name: str) -> str:
    """A comparison key under which transliteration variants of one name coincide.

    Never an identifier: it only says two names may be spellings of one another.
    """
    return " ".join(variant_token(t) for t in content_tokens(name_key(name)))


def consonants(token: str) -> str:
    """The consonant skeleton of a variant token (vowels are the least stable letters)."""
    return token[:1] + "".join(c for c in token[1:] if c not in "aiu")


# Arabic words that open a group's name, and the English head nouns news translates them with;
# English puts the head last ("Jaish al-Mahdi" is the "Mahdi Army", "Kataib Hezbollah" the
# "Hezbollah Brigades"). The words' common English renderings (the U.S. Army CALL thesaurus
# writes "'Mahdi Army' (Jaysh al-Mahdi)"); a rendering is a translation, never an alias, so
# "Badr Brigade" (an earlier name) is not "Faylaq Badr" ("Badr Corps") by this rule.
_GROUP_WORDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("jaish", "jaysh"): ("army",),
    ("kataib", "kataeb", "katayib"): ("brigades", "battalions"),
    ("katiba", "katibat"): ("battalion", "brigade"),
    ("liwa", "liwaa"): ("brigade",),
    ("saraya",): ("companies", "brigades"),
    ("harakat", "haraka", "harakah"): ("movement",),
    ("faylaq", "failaq"): ("corps", "legion"),
    ("hizb",): ("party",),
    ("majlis",): ("council",),
    ("quwat",): ("forces",),
    ("jabhat", "jabha", "jabhah"): ("front",),
    ("firqat", "firqa"): ("division",),
    ("fawj",): ("regiment",),
    ("munazzamat", "munazzama", "munazamat", "tanzim"): ("organization", "organisation"),
    ("tayyar",): ("current", "movement"),
    ("ittihad",): ("union",),
}  # fmt: skip
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    variant_token(word): english for words, english in _GROUP_WORDS.items() for word in words
}
"""Transliteration skeleton of an Arabic group word -> the English heads that translate it."""


def arabic_head(tokens: list[str]) -> tuple[tuple[str, ...], list[str]] | None:
    """(English heads, the other words) when a name's first content word is an Arabic group
    word and other words follow ("jaish", "mahdi": army; mahdi); else None."""
    if len(tokens) < 2:
        return None
    english = GROUP_WORDS.get(variant_token(tokens[0]))
    return (english, tokens[1:]) if english else None
