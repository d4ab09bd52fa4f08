"""Names that a sentence states are one body's: "X, also known as Y", "X is also called Y",
"X, an umbrella known as Y", "X, which calls itself Y", "X, formerly known as Y", "Y, as the
Xs call their movement", "Y, as the old X has been called", "X (Y)", "X, or Y,", and in
another language: "X, known in Arabic as Y", "X, called in Persian Y", "X (Arabic for Y)".

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

from . import names
from .names import content_tokens, name_key
from .orgheads import ORG_HEADS
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
# Whom or where the name is known ("known to his followers as", "known in the district as"),
# and how widely ("known only as", "known simply as").
_TO_WHOM = r"(?:\s+(?:to|among|by|in)\s+(?:his|her|their|its|the)\s+\w+)"
_HOW_WIDELY = r"(?:\s+(?:only|simply))"
# A verb that says what a name is: "whose X is also known as Y", "X, which was called Y".
_IS = r"(?:(?:which|who|that)\s+)?(?:is|are|was|were|(?:has|have|had)\s+been)"
# An appositive of lower-case words after the first name, no preposition or clause among
# them, so it describes that name: "X, an umbrella known as Y" (never "X, a rival of the
# group known as Y", where Y is the group).
_APPOSITIVE_WORDS = (
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|to|with|by|from|for|in|on|at|and|or|who|whose|which"
    r"|that)\s)[a-z][\w-]*\s+){1,4}"
)
_KNOWN_AS = rf"(?:known|referred\s+to)(?:{_IN_LANGUAGE}|\s+locally|{_TO_WHOM})?{_HOW_WIDELY}?\s+as"
# Nouns for a person's other name.
_BYNAME = (
    r"(?:nom\s+de\s+guerre|kunya|alias|nickname|pseudonym|code\s*name|war\s+name|moniker"
    r"|(?:real|full|birth|given|true)\s+name)"
)
# What stands between the first name and the second: the second is another name of the first.
_BETWEEN = {
    "known as": re.compile(  # "known in Arabic as", "known locally as", "called in Persian"
        rf"(?:(?:{_AGE}?,?\s*\(?|{_APPOSITIVE_WORDS})\s*(?:{_ALSO}\s+)?(?:{_KNOWN_AS}"
        rf"|called{_IN_LANGUAGE}|(?:who\s+)?goes\s+by)"
        rf"|,?\s+{_IS}\s+(?:{_ALSO}\s+)?(?:{_KNOWN_AS}|called(?:{_IN_LANGUAGE})?))\s+{_THE}",
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
# "X, or Y," and "X (ACRONYM), or Y,": the acronym's bracket closes before the "or".
_OR = re.compile(rf"\)?,\s+or\s+{_THE}", re.I)
_EITHER = re.compile(r"\b(?:either|whether|neither)\b", re.I)
# "Ansar Allah, as the Houthis call their movement": the name first, who uses it after; the
# user's name may stand before the noun the tagger left out ("as the Houthi movement calls
# itself").
# Or the name first, then its older or newer name and that it is or was called so: "National
# Unity Front, as the old Unity Bloc has been called since May".
_AS_THEY_CALL = re.compile(
    rf",\s+as\s+{_THE}(?:(?:old|former|original|earlier|new|renamed)\s+)?", re.I
)
_BODY_NOUN = r"(?:movement|group|militia|organi[sz]ation|faction|party|alliance|network)"
_THEY_CALL = re.compile(
    rf"(?:\s+{_BODY_NOUN})?\s+(?:call|calls|name|names|know|knows)\s+"
    r"(?:it|them|themselves|itself|(?:their|its)\s+\w+)\b",
    re.I,
)
_IS_CALLED = re.compile(
    rf"\s+{_IS}\s+(?:(?:now|also|long|officially)\s+)?(?:called|known|named|renamed)\b", re.I
)
# "the movement, which calls itself Ansar Allah": the antecedent is the one organization
# named in this sentence or in the few lines before it.
_DESCRIPTOR = re.compile(
    rf"\bthe\s+({_BODY_NOUN}|rebels|insurgents)\s*,?\s+(?:which|who|that)\s+(?:now\s+)?calls?\s+(?:itself|themselves)\s+{_THE}$",
    re.I,
)
# "Hashd al-Shaabi, as the force is called in Arabic,": the name, then the noun of the body
# it names, which was named just before.
_BODY_NOUN_WORD = re.compile(rf"{_BODY_NOUN}|{'|'.join(sorted(ORG_HEADS))}", re.I)
_AS_IT_IS_CALLED = re.compile(
    rf",\s+as\s+(?:the|this|that)\s+([a-z]+)\s+is\s+(?:called|known|named)"
    rf"(?:{_IN_LANGUAGE}|\s+locally)?\s*[,;.)]",
    re.I,
)
_ANTECEDENT_WINDOW = 400  # characters before the sentence where the antecedent may be named
_ACRONYM = re.compile(r"^[A-Z][A-Z&.-]{1,7}$")
# "Abu Ali" closing an appositive of a person: "Hadi Nasser, a commander from Basra known as
# Abu Ali" (the bearer's name, then ", a", "an" or "the"; no new aside before the kunya).
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s")
_ASIDE_BREAK = re.compile(r"[,;:()\"“”]")
# An Arabic name glossed in English after a comma: "Saraya al-Salam, the Peace Companies,",
# closed by a comma before a lower-case word, never a list going on ("..., and", a name).
_GLOSS = re.compile(rf",\s+{_THE}")
_GLOSS_CLOSED = re.compile(r"\s*(?:[;.)]|,\s+(?!(?:and|or)\b)[a-z])")
_POSSESSIVE = re.compile(r"['’]s?\b")


# "Abu Haidar", "Umm Salma", "Abu Ali al-Basri": a kunya, with or without a nisba after it.
_KUNYA = re.compile(r"(?:abu|abou|umm|um)\s+[^\W\d_]+(?:\s+(?:al|el)[\s-][^\W\d_]+)?", re.I)


def is_kunya(name: str) -> bool:
    """A kunya ("father of", "mother of"): a person's byname, which a sentence may give as
    another name of a person named in full whatever its tag (name or name key alike)."""
    return bool(_KUNYA.fullmatch(name.strip()))


def shaped_as_body(key: str) -> bool:
    """A name key is a body's by its shape: it holds a body's head noun ("Badr Organization") or
    opens with an Arabic group word ("Jaish al-Mahdi"), which no person's name does."""
    tokens = content_tokens(key)
    return bool(ORG_HEADS.intersection(tokens)) or names.arabic_head(tokens) is not None


def _could_be_person(mention: Mention) -> bool:
    """A name that may be a person's whatever its tag: tagged a person, or tagged a body but of
    two words at least, with neither initials, a body's head noun nor an Arabic group word
    ("Aws al-Maliki" tagged a body; not "Hezbollah", "IRGC", "Badr Organization" or "Kataib
    Hezbollah")."""
    if mention.kind is EntityKind.PERSON:
        return True
    key = name_key(mention.name)
    return (
        mention.kind is EntityKind.ORGANIZATION
        and len(content_tokens(key)) >= 2
        and not _ACRONYM.match(mention.name)
        and not shaped_as_body(key)
    )


def _compatible(a: Mention, b: Mention) -> bool:
    """Two names can be one entity's whatever the tagger called them, except that a person
    named in full is never another name of an organization or place ("a militia led by Hadi
    al-Amiri, known as the Badr Organization" names two entities), unless that name is a
    kunya ("Fadi Rahal, known as Abu Rami" tagged a body: a person's byname), nor a place of
    anything else ("Sadr City, known as the Mahdi Army's stronghold"). A kunya is a person's
    byname: it is another name of a name that may be a person's, whatever the tags, and never
    of a body or a place ("a handler in the IRGC known only as Abu Zaid", "a commander from
    Basra known as Abu Ali")."""
    for kunya, other in ((a, b), (b, a)):
        if is_kunya(kunya.name):
            return is_kunya(other.name) or _could_be_person(other)
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
    if _AS_THEY_CALL.fullmatch(between) and _compatible(a, b):
        if _THEY_CALL.match(text, b.end):
            return "the name its bearers use"
        if _IS_CALLED.match(text, b.end):
            return "the name it is or was called by"
    if (
        _GLOSS.fullmatch(between)
        and _GLOSS_CLOSED.match(text, b.end)
        and a.kind is b.kind is EntityKind.ORGANIZATION
        and (_glosses(a.name, b.name) or _glosses(b.name, a.name))
    ):
        return "an Arabic name and its English translation"
    return None


def _glosses(arabic: str, english: str) -> bool:
    """``english`` ends in a translation of the Arabic group word ``arabic`` opens ("the Peace
    Companies" for "Saraya al-Salam": saraya is companies)."""
    head = names.arabic_head(content_tokens(name_key(arabic)))
    words = content_tokens(name_key(english))
    return head is not None and len(words) >= 2 and words[-1] in head[0]


def _names_byname(text: str, a: Mention, b: Mention) -> bool:
    """The text between two names is one that gives a person's other name ("known as")."""
    between = text[a.end : b.start]
    return any(_BETWEEN[how].fullmatch(between) for how in ("known as", "byname"))


def _appositive_bearer(text: str, ordered: Sequence[Mention], j: int) -> Mention | None:
    """The person whom an appositive describes when the kunya ``ordered[j]`` closes it and the
    name right before the kunya is no person's: "Hadi Nasser, a commander from Basra known as
    Abu Ali" (Hadi Nasser, not Basra). The first name back that may be a person's must open
    the appositive, with no other aside after it."""
    kunya, last = ordered[j], ordered[j - 1]
    for mention in reversed(ordered[: j - 1]):
        if mention.sentence != kunya.sentence:
            return None
        if _could_be_person(mention):
            opening = _APPOSITIVE.match(text, mention.end)
            if opening is None or _ASIDE_BREAK.search(text, opening.end(), last.start):
                return None
            return mention
    return None


def _antecedent(mentions: Sequence[Mention], b: Mention, noun: str) -> Mention | None:
    """The organization that "the ``noun``" before or after ``b`` stands for, named in ``b``'s
    sentence or just before it: the one whose head noun it is ("the force" for the "Popular
    Mobilization Forces"), else the one organization named there, if only one is."""
    since = b.sentence.start - _ANTECEDENT_WINDOW
    orgs = [
        m
        for m in mentions
        if since <= m.start
        and m.end <= b.start
        and m.kind is EntityKind.ORGANIZATION
        and name_key(m.name) != name_key(b.name)
    ]
    singular = noun.lower().removesuffix("s")
    headed = [
        m for m in orgs if content_tokens(name_key(m.name))[-1:] in ([singular], [singular + "s"])
    ]
    named = headed or orgs
    return named[-1] if len({name_key(m.name) for m in named}) == 1 else None


def stated_aliases(text: str, mentions: Iterable[Mention]) -> list[tuple[Mention, Mention, str]]:
    """(name, other name, how the text says so) for each pair of names one sentence gives as
    names of one entity."""
    ordered = sorted(
        (m for m in mentions if not _LANGUAGE_NAME.fullmatch(m.name)),
        key=lambda m: (m.start, m.end),
    )
    found = []
    for j, (a, b) in enumerate(pairwise(ordered), start=1):
        if a.end <= b.start and a.sentence == b.sentence:
            how = _pair_evidence(text, a, b)
            if how:
                found.append((a, b, how))
            elif is_kunya(b.name) and _names_byname(text, a, b):
                bearer = _appositive_bearer(text, ordered, j)
                if bearer is not None and _compatible(bearer, b):
                    found.append((bearer, b, "a byname closing an appositive"))
    for b in ordered:
        calls = _DESCRIPTOR.search(text[b.sentence.start : b.start])
        if calls and (a := _antecedent(ordered, b, calls.group(1))):
            found.append((a, b, "the group named just before calls itself so"))
        called = _AS_IT_IS_CALLED.match(text, b.end)
        if (
            called
            and _BODY_NOUN_WORD.fullmatch(called.group(1))
            and (a := _antecedent(ordered, b, called.group(1)))
            and _compatible(a, b)
        ):
            found.append((a, b, "the body named just before is called so"))
    return found
