"""Places named by the office of the person after them: "Nineveh Governor Atheer Jubouri",
"Basra police chief X", "the Kirkuk provincial council".

General knowledge of how news names local officials, not taken from any article: a governor,
a mayor, a province's police or operations command belong to a place, so the name right before
those words is a place's, whatever the model tagged ("Nineveh Governor" as one organization,
"Diyala" as a person) or when it tagged nothing.

Likewise a lower-case noun for a body after a name makes the name a body's: "the Albu Nimr
tribe", "the Sadiqoun bloc", "the Fars news agency" (tribes are organizations).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from pipeline import lexicon
from pipeline.demonyms import COUNTRY_OF
from pipeline.nlp.groups import doctrine_adjective, group_word
from pipeline.nlp.titles import MODIFIERS, leading_title

# Titles of a place's own office: in a name's last word they are cut off ("Babil Governor").
PLACE_OFFICES = frozenset({"governor", "mayor"})
# Words right after a place's name that say the name is the place's.
AFTER_PLACE = PLACE_OFFICES | {
    "governorate", "province", "provincial", "police", "operations", "municipal",
    "municipality",
}  # fmt: skip
# Office words that say so even of a name the model did not tag ("Anbar Governor"); "police"
# follows adjectives too ("National police").
UNTAGGED_BEFORE = PLACE_OFFICES | {"governorate", "province", "provincial"}
# Lower-case nouns for a body right after its name.
BODY_NOUNS = frozenset(
    {"tribe", "clan", "bloc", "news agency", "party", "movement", "agency", "militia", "faction"}
)
_BODY_AFTER = re.compile(rf"\s+(?:{'|'.join(BODY_NOUNS)})\b")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")
_LAST_WORD = re.compile(r"\s+([A-Za-z]+)\Z")
_MAX_WORDS = 2  # "Dhi Qar", "Tal Afar"


def before_office(text: str, end: int) -> bool:
    """The word after ``text[:end]`` makes the name before it a place's ("Maysan police")."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in AFTER_PLACE


def before_body_noun(text: str, end: int) -> bool:
    """A lower-case noun for a body follows ``text[:end]`` ("Sadiqoun bloc")."""
    return _BODY_AFTER.match(text, end) is not None


def office_cut(text: str, start: int, end: int) -> int | None:
    """Where a name that ends in a place's office ("Nineveh Governor") ends without it, or None."""
    last = _LAST_WORD.search(text, start, end)
    if last is None or last.group(1).lower() not in PLACE_OFFICES:
        return None
    return last.start()


def untagged_places(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of capitalized names right before an office word that no name found so
    far covers ("Anbar Governor X", "Dhi Qar police commander X"); ``taken`` are found spans."""
    return _untagged_before(doc, taken, lambda t: t.lower_ in UNTAGGED_BEFORE)


def untagged_bodies(doc: Doc, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of capitalized names right before a body's noun ("the Obeid tribe") that
    no name found so far covers, but for an adjective of a doctrine ("the Sadrist bloc").
    ``text`` is ``doc.text``, which spaCy joins again from its tokens on every read."""
    if _BODY_AFTER.search(text) is None:
        return []  # one scan of the text spares a match at every token, in most paragraphs
    found = _untagged_before(doc, taken, lambda t: before_body_noun(text, t.idx - 1))
    return [(s, e) for s, e in found if _names_a_body(text, s, e)]


# What stands before a body's own name and its noun: "the Taqaddum party", "its Amaq agency",
# a hyphenated word ("the Houthi-run Saba news agency", "Iran-backed").
_ARTICLE_BEFORE = re.compile(
    r"(?:(?:(?<![\w-])(?:the|its|his|her|their)|\w['’]s?)\s+(?:[\w.]+-\w+\s+)?|[\w.]+-\w+\s+)\Z",
    re.IGNORECASE,
)
# Endings of English adjectives, which say what a body is, not which ("the Democratic party",
# "the Eurosceptic party", "the Congolese militia"); in words of six letters or more ("Amal").
_ADJECTIVE_END = re.compile(r"\w{3,}(?:ic|al|an|ese|ive|ary)\Z")


def _names_a_body(text: str, start: int, end: int) -> bool:
    """The untagged words ``text[start:end]`` before a body's noun are its name: after an
    article, a possessive or a hyphenated word, and no adjective of a doctrine ("the Sadrist
    bloc") or English adjective or noun ("the opposition Labor party")."""
    last = text[start:end].split()[-1]
    return (
        _ARTICLE_BEFORE.search(text, max(0, start - 40), start) is not None
        and not doctrine_adjective(last)
        and _ADJECTIVE_END.match(last) is None
        and last.lower() not in lexicon.load(lexicon.NOUNS)
    )


def _untagged_before(
    doc: Doc, taken: list[tuple[int, int]], marks: Callable[[Token], bool]
) -> list[tuple[int, int]]:
    found = []
    for token in doc[1:]:
        if not marks(token):
            continue
        first = token.i
        while (
            first > 0
            and token.i - first < _MAX_WORDS
            and _place_word(doc, first - 1)
            and not any(s < doc[first - 1].idx + len(doc[first - 1]) and doc[first - 1].idx < e
                        for s, e in taken)
        ):  # fmt: skip
            first -= 1
        if first < token.i and not (first > 0 and doc[first - 1].text == "-"):  # "Itar-Tass"
            span = (doc[first].idx, doc[token.i - 1].idx + len(doc[token.i - 1]))
            found.append(span)
    return found


def _place_word(doc: Doc, i: int) -> bool:
    """The token may be part of a place's name: capitalized, not a common word, an adjective
    ("Iraqi") or a title ("Deputy")."""
    token = doc[i]
    return (
        token.is_title
        and token.is_alpha
        and token.lower_ not in lexicon.load()
        and token.text not in COUNTRY_OF
        and not group_word(token.text)
        and token.text not in MODIFIERS
        and not leading_title(f"{token.text} x")
    )
