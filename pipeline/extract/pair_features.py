"""Features of two mentions of one sentence, for the learned relation classifier.

Training (Re-DocRED, Wikipedia) and inference (news) must see the same features, so both read
the sentence only through this module: the words between the two mentions and a few around
them, lowercased, with every other mention replaced by its kind and every number by ``<num>``,
so that names never become features (a model that learned "Hezbollah" would not transfer).
Role, kinship and place nouns from the project's general word lists add trigger features; the
stems of the words between ("trained", "trains": ``v:train``) and the head noun of an aside after
either name (", the group's chief spokesman,": ``apr:spokesman``) let one sentence's wording
teach its other forms. No parse is read: Re-DocRED's training pairs have none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from pipeline.extract.relations import KIN, name_start
from pipeline.records import EntityKind, Mention, Sentence
from pipeline.roles import ROLES

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*|\d+(?:[.,:/]\d+)*|['’]s\b|[^\w\s]")
_KIND = {
    EntityKind.PERSON: "<per>",
    EntityKind.ORGANIZATION: "<org>",
    EntityKind.PLACE: "<loc>",
}
_PLACE_NOUNS = frozenset(
    ("city", "town", "village", "district", "province", "governorate", "region", "neighborhood",
     "neighbourhood", "suburb", "capital", "port", "state", "county", "area", "municipality",
     "island", "country", "republic", "kingdom")
)  # fmt: skip
_KIN = frozenset(KIN)
_ROLE_WORDS = {role: predicate for role, predicate in ROLES.items() if " " not in role}
_ROLE_PHRASES = {role: predicate for role, predicate in ROLES.items() if " " in role}
CONTEXT = 3
"""How many words before the first mention and after the second are read."""
_SUFFIXES = ("ing", "ed", "es", "s")
_ASIDE_ENDS = frozenset((",", ".", ";", ":", "(", ")", "—", "–", "-"))
ASIDE = 8
"""How many words of an aside after a name are read to find its head noun."""


def _words(text: str) -> list[str]:
    return [
        "<num>" if token[0].isdigit() else token.lower().replace("’", "'")
        for token in _TOKEN.findall(text)
    ]


def masked_words(text: str, start: int, end: int, others: Sequence[Mention]) -> list[str]:
    """The words of ``text[start:end]``, each mention in ``others`` inside it one kind token."""
    words: list[str] = []
    for mention in sorted(others, key=lambda m: m.start):
        if mention.start < start or mention.end > end:
            continue
        words += [*_words(text[start : mention.start]), _KIND[mention.kind]]
        start = mention.end
    return words + _words(text[start:end])


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12")):
        if n <= limit:
            return name
    return "13+"


def _triggers(words: Sequence[str], where: str) -> list[str]:
    found = []
    joined = " ".join(words)
    for word in words:
        if word in _ROLE_WORDS:
            found.append(f"trig:{where}:{_ROLE_WORDS[word]}")
        elif word in _KIN:
            found.append(f"trig:{where}:kin")
        elif word in _PLACE_NOUNS:
            found.append(f"trig:{where}:place")
    found += [f"trig:{where}:{p}" for role, p in _ROLE_PHRASES.items() if role in joined]
    return found


def _stem(word: str) -> str:
    """The word without an inflection ending, so that "trains", "trained" and "training" (or
    "leads" and "leading") are one feature however few sentences use each form."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _aside_head(words: Sequence[str]) -> str | None:
    """The last word of an aside that opens the words (", the group's chief spokesman," gives
    "spokesman"): the role an apposition gives the name before it, wherever the aside ends."""
    if not words or words[0] != ",":
        return None
    head = None
    for word in words[1 : ASIDE + 1]:
        if word in _ASIDE_ENDS:
            break
        head = word
    return head


def pair_features(
    text: str, sentence: Sentence, left: Mention, right: Mention, mentions: Sequence[Mention]
) -> list[str]:
    """Features of the ordered pair (``left`` before ``right``) in ``sentence``; ``mentions``
    are the sentence's mentions (the two themselves are skipped). A title the NER put inside a
    person's mention ("President X") is read as a word before the name, as Re-DocRED has it."""
    others = [m for m in mentions if m is not left and m is not right]
    kinds = f"{_KIND[left.kind]}>{_KIND[right.kind]}"
    right_start = name_start(right)
    between = masked_words(text, left.end, right_start, others)
    before = masked_words(text, sentence.start, name_start(left), others)[-CONTEXT:]
    after = masked_words(text, right.end, sentence.end, others)[:CONTEXT]
    features = [f"k:{kinds}", f"d:{_bucket(len(between))}"]
    features += [f"b:{w}" for w in between]
    features += [f"bb:{a} {b}" for a, b in pairwise(between)]
    if between:
        features += [f"bf:{between[0]}", f"bl:{between[-1]}", f"kbf:{kinds}:{between[0]}"]
        features.append(f"kbl:{kinds}:{between[-1]}")
    if len(between) <= 5:
        features += [f"bs:{' '.join(between)}", f"kbs:{kinds}:{' '.join(between)}"]
    inside = sorted({w for w in between if w in _KIND.values()})
    features += [f"mb:{w}" for w in inside] or ["mb:none"]
    for i, word in enumerate(reversed(before), 1):
        features.append(f"l{i}:{word}")
    for i, word in enumerate(after, 1):
        features.append(f"r{i}:{word}")
    if before:
        features.append(f"kl1:{kinds}:{before[-1]}")
    if after:
        features.append(f"kr1:{kinds}:{after[0]}")
    features += _triggers(between, "b") + _triggers(before, "l") + _triggers(after, "r")
    features += sorted({f"v:{_stem(w)}" for w in between if w.isalpha()})
    aside_after = masked_words(text, right.end, sentence.end, others)
    heads = (("ap", _aside_head(between)), ("apr", _aside_head(aside_after)))
    features += [f"{where}:{head}" for where, head in heads if head]
    return features
