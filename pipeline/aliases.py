"""Names that a sentence states are one body's: "X, also known as Y", "X, which calls itself
Y", "X, formerly known as Y", "Y, as the Xs call their movement", "X (Y)", "X, or Y,", and
in another language: "X, known in Arabic as Y", "X, called in Persian Y", "X (Arabic for Y)".

A writer who gives two names this way says they are one entity, so resolution joins them
across the corpus (``pipeline.resolve``). What is not a statement of identity is left alone:
"X, a successor to Y", "X, an ally of Y", "X's leader, known as Y", a place in brackets after
another place ("Saydiya (Baghdad)"), an acronym in brackets (resolution reads acronyms by
their initials).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from .records import EntityKind, Mention

_THE = r"(?:the\s+)?"
# Languages a writer names when giving a body's name in that language ("known in Arabic as").
_LANGUAGE = (
    r"(?:Arabic|Persian|Farsi|Dari|Pashto|Urdu|Kurdish|Kurmanji|Sorani|Hebrew|Turkish|Aramaic"
    r"|Syriac|Amharic|Somali|Hausa|Swahili|French|English|Spanish|Russian)"
)
_IN_LANGUAGE = rf"\s+in\s+{_LANGUAGE}"
_QUOTE = r"[\"“‘']?"
_ALSO = r"(?:also|formerly|previously|once|now|otherwise|better|widely|officially|commonly)"
# A person's age in commas after the name ("Hadi Nasser, 52, also known as ..."): no name.
_AGE = r"(?:,\s*\d{1,3})"
# A clause that says the name was the person's: "who was", "and said he was".
_HE_WAS = (
    r"(?:who|and\s+(?:said|says|added|adds)\s+(?:that\s+)?(?:he|she))"
    r"\s+(?:is|was|has\s+been|had\s+been)"
)
# Nouns for a person's other name.
_BYNAME = (
    r"(?:nom\s+de\s+guerre|kunya|alias|nickname|pseudonym|code\s*name|war\s+name|moniker"
    r"|(?:real|full|birth|given|true)\s+name)"
)
# What stands between the first name and the second: the second is another name of the first.
_BETWEEN = {
    "known as": re.compile(  # "known in Arabic as", "known locally as", "called in Persian"
        rf"{_AGE}?,?\s*\(?\s*(?:{_ALSO}\s+)?(?:(?:known|referred\s+to)(?:{_IN_LANGUAGE}|\s+locally)?\s+as"
        rf"|called{_IN_LANGUAGE})\s+{_THE}",
        re.I,
    ),
    "byname": re.compile(  # "known by his nom de guerre, Y", "whose real name is Y"
        rf"{_AGE}?,?\s*(?:(?:{_HE_WAS}\s+)?(?:{_ALSO}\s+)?(?:known|referred\s+to)\s+by\s+"
        rf"(?:his|her|the)|who\s+goes\s+by(?:\s+(?:his|her|the))?|whose)\s+{_BYNAME}"
        rf"(?:\s+(?:is|was))?\s*,?\s*{_QUOTE}",
        re.I,
    ),
    "in another language": re.compile(  # "X (Arabic for Y)", "X, in Kurdish, Y"
        rf"(?:,\s*|\s*\(\s*)(?:{_LANGUAGE}\s+for|in\s+{_LANGUAGE}\s*,?)\s+{_QUOTE}{_THE}",
        re.I,
    ),
    "calls itself": re.compile(
        rf",?\s+(?:which|who)\s+(?:now\s+)?calls?\s+(?:itself|themselves)\s+{_THE}", re.I
    ),
    "formerly": re.compile(rf",\s+(?:formerly|previously|officially)\s+{_THE}", re.I),
}
# The second name closes its aside: "X, formerly Y," and "X (Y)".
_CLOSED = {
    "formerly": re.compile(r"\s*[,;)]"),
    "in another language": re.compile(rf"{_QUOTE}\s*(?:[,;)]|\.(?!\S))"),
    "brackets": re.compile(r"\s*\)"),
}
# A language named between the two names is no third name ("known in Arabic as").
_LANGUAGE_NAME = re.compile(rf"{_LANGUAGE}", re.I)
_BRACKETS = re.compile(rf"\s*\(\s*{_THE}")
_OR = re.compile(rf",\s+or\s+{_THE}", re.I)
_EITHER = re.compile(r"\b(?:either|whether|neither)\b", re.I)
# "Ansar Allah, as the Houthis call their movement": the name first, who uses it after; the
# user's name may stand before the noun the tagger left out ("as the Houthi movement calls
# itself").
_AS_THEY_CALL = re.compile(rf",\s+as\s+{_THE}", re.I)
_BODY_NOUN = r"(?:movement|group|militia|organi[sz]ation|faction|party|alliance|network)"
_THEY_CALL = re.compile(
    rf"(?:\s+{_BODY_NOUN})?\s+(?:call|calls|name|names|know|knows)\s+"
    r"(?:it|them|themselves|itself|(?:their|its)\s+\w+)\b",
    re.I,
)
# "the movement, which calls itself Ansar Allah": the antecedent is the one organization
# named in this sentence or in the few lines before it.
_DESCRIPTOR = re.compile(
    rf"\bthe\s+(?:{_BODY_NOUN}|rebels|insurgents)\s*,?\s+(?:which|who|that)\s+(?:now\s+)?calls?\s+(?:itself|themselves)\s+{_THE}$",
    re.I,
)
_ANTECEDENT_WINDOW = 400  # characters before the sentence where the antecedent may be named
_ACRONYM = re.compile(r"^[A-Z][A-Z&.-]{1,7}$")
_POSSESSIVE = re.compile(r"['’]s?\b")


# "Abu Haidar", "Umm Salma", "Abu Ali al-Basri": a kunya, with or without a nisba after it.
_KUNYA = re.compile(r"(?:abu|abou|umm|um)\s+[^\W\d_]+(?:\s+(?:al|el)[\s-][^\W\d_]+)?", re.I)


def is_kunya(name: str) -> bool:
    """A kunya ("father of", "mother of"): a person's byname, which a sentence may give as
    another name of a person named in full whatever its tag (name or name key alike)."""
    return bool(_KUNYA.fullmatch(name.strip()))


def _compatible(a: Mention, b: Mention) -> bool:
    """Two names can be one entity's whatever the tagger called them, except that a person
    named in full is never another name of an organization or place ("a militia led by Hadi
    al-Amiri, known as the Badr Organization" names two entities), unless that name is a
    kunya ("Fadi Rahal, known as Abu Rami" tagged a body: a person's byname), nor a place of
    anything else ("Sadr City, known as the Mahdi Army's stronghold")."""
    if a.kind is b.kind:
        return True
    if EntityKind.PLACE in (a.kind, b.kind):
        return False
    return not any(
        m.kind is EntityKind.PERSON and len(m.name.split()) > 1 and not is_kunya(other.name)
        for m, other in ((a, b), (b, a))
    )


def _pair_evidence(text: str, a: Mention, b: Mention) -> str | None:
    """How the text between two neighbouring names of one sentence says they are one."""
    between = text[a.end : b.start]  # what follows b is matched in place: no copy of the rest
    if _POSSESSIVE.match(text, b.end):  # "known as the Mahdi Army's stronghold": another thing
        return None
    for how, pattern in _BETWEEN.items():
        if pattern.fullmatch(between) and (how not in _CLOSED or _CLOSED[how].match(text, b.end)):
            return how if _compatible(a, b) else None
    same_kind = a.kind is b.kind and a.kind is not EntityKind.PLACE
    if (
        _BRACKETS.fullmatch(between)
        and _CLOSED["brackets"].match(text, b.end)
        and same_kind
        and not _ACRONYM.match(b.name)
    ):
        return "another name in brackets"
    if (
        _OR.fullmatch(between)
        and text.startswith(",", b.end)
        and same_kind
        and not _EITHER.search(text[a.sentence.start : a.start])
    ):
        return "another name after 'or'"
    if _AS_THEY_CALL.fullmatch(between) and _THEY_CALL.match(text, b.end) and _compatible(a, b):
        return "the name its bearers use"
    return None


def _antecedent(text: str, mentions: Sequence[Mention], b: Mention) -> Mention | None:
    """The one organization named before "the movement, which calls itself Y", if only one
    is (in this sentence or just before it)."""
    if not _DESCRIPTOR.search(text[b.sentence.start : b.start]):
        return None
    since = b.sentence.start - _ANTECEDENT_WINDOW
    orgs = [
        m
        for m in mentions
        if since <= m.start
        and m.end <= b.start
        and m.kind is EntityKind.ORGANIZATION
        and m.name != b.name
    ]
    return orgs[-1] if len({m.name.lower() for m in orgs}) == 1 else None


def stated_aliases(text: str, mentions: Iterable[Mention]) -> list[tuple[Mention, Mention, str]]:
    """(name, other name, how the text says so) for each pair of names one sentence gives as
    names of one entity."""
    ordered = sorted(
        (m for m in mentions if not _LANGUAGE_NAME.fullmatch(m.name)),
        key=lambda m: (m.start, m.end),
    )
    found = []
    for a, b in pairwise(ordered):
        if a.end <= b.start and a.sentence == b.sentence:
            how = _pair_evidence(text, a, b)
            if how:
                found.append((a, b, how))
    for b in ordered:
        a = _antecedent(text, ordered, b)
        if a is not None:
            found.append((a, b, "the group named just before calls itself so"))
    return found
