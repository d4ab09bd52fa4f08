"""How organizations' names are built, to mend what the model tags as one.

General knowledge of English naming, measured on the open corpora (GMB dev, CrossNER dev),
never on the articles ldpub publishes:

- A body's name runs on through "of", "for" and "on" ("Council on Foreign Relations",
  "Democratic Front for the Liberation of Palestine", "Islamic Army of Iraq"); the model often
  stops at the preposition, and the name then is both cut short and a false organization.
- A name ending in a noun for an event, award or treaty ("Vietnam War", "Nobel Prize",
  "Geneva Convention") names no organization; events are extracted on their own.
- A lone plural head noun ("Forces", "Militias") names no single body.
- An Arabic noun for a body ("Kata'ib", "Asa'ib", "Jaysh") opens a group's name that runs
  on through capitalized words and the particles between them ("Asa'ib Ahl al-Haq"), whether
  or not the model saw it (see ``pipeline.nlp.kinds``).
"""

from __future__ import annotations

import re

from pipeline.datewords import MONTHS
from pipeline.demonyms import COUNTRY_OF
from pipeline.nlp.groups import GROUP_ADJECTIVES
from pipeline.nlp.kinds import ARABIC_ORG_NOUNS, NUMBERED_UNIT, given_name
from pipeline.nlp.titles import leading_title
from pipeline.orgheads import ORG_HEADS
from pipeline.records import EntityKind

# Nouns that end the name of an event, an award or an agreement, not of a body.
EVENT_HEADS = frozenset(
    {
        "war", "wars", "campaign", "festival", "revolution", "uprising", "intifada",
        "offensive", "battle", "massacre", "crisis", "prize", "award", "awards", "cup",
        "championship", "championships", "olympics", "games", "declaration", "convention",
        "treaty", "accords", "protocol",
    }
)  # fmt: skip
# Plural head nouns that name no one body when they stand alone ("U.S. Forces" is U.S. forces).
GENERIC_PLURALS = frozenset(h for h in ORG_HEADS if h.endswith("s") and h[:-1] in ORG_HEADS)
# Heads after which a name may run on through "of", "for" or "on".
OPEN_HEADS = ORG_HEADS | {
    "academy", "assembly", "association", "bank", "board", "center", "centers", "centre",
    "congress", "court", "directorate", "federation", "fund", "institute", "league", "mission",
    "observatory", "office", "programme", "society", "union", "university",
}  # fmt: skip
_DATES = frozenset(MONTHS) | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# Words that join the parts of a name and never end one.
CONNECTORS = frozenset({"of", "for", "on", "and", "the", "in"})
_CAP = r"[A-Z][\w'’-]*(?:\.[A-Z][\w'’-]*)*\.?"  # "Relations", "U.S."
# " of [the] Word Word [of|for|and [the] Word ...]": a capitalized run after the preposition.
_RUN_ON = re.compile(
    rf"\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}"
    rf"(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?{_CAP})*"
)
_WORD = re.compile(_CAP)
# A family's "al-" or "bin" name after a common given name: a person's name ("Karim
# al-Tarvo"), which a body's name does not run into.
_FAMILY_NAME_AFTER = re.compile(r"\s+(?:[Aa]l-|[Ee]l-|bin\s+|ibn\s+)[A-Z]")
# A name ending in a compass word, and "and" another one with the region's name after it.
_COMPASS = r"(?:North|South|East|West)(?:ern)?"
_COMPASS_END = re.compile(rf"\s{_COMPASS}\Z")
_AND_COMPASS = re.compile(rf"\s+and\s+{_COMPASS}\s+{_CAP}")
# "for" and a capitalized word with no article: a cause the name is for ("Observatory for Human
# Rights"), which the model may tag alone; "for the" leads to another body ("left the Liberal
# Party for the Parti Quebecois").
_FOR_A_CAUSE = re.compile(r"\s+for\s+(?!the\b)[A-Z]")
# A capitalized word, then capitalized words with Arabic particles between them, or joined to
# it by a hyphen and an Urdu or Persian particle ("Tehreek-e-Taliban", "Jamaat-ul-Ahrar").
_ARABIC_WORD = r"[A-Z](?:[\w-]|['’](?=\w)(?!s\b))*"  # "Kata'ib", not "Hezbollah's"
# The body's noun, capitalized, up to a hyphen ("The Kata'ib ..." starts at the noun).
_HEAD_WORD = "(?=[A-Z])(?i:{})(?![\\w'’])".format(
    "|".join(re.escape(n).replace("'", "['’]") for n in sorted(ARABIC_ORG_NOUNS, key=len)[::-1])
)
_JOINED = rf"-(?:(?:e|i|ul|ud|ut|us|ur|un|al|el)-)?{_ARABIC_WORD}"
_SPACED = rf"\s+(?:(?:al|el|ahl|Ahl|wa|wal|bin|ibn)(?:-|\s+))?{_ARABIC_WORD}"
_ARABIC_NAME = re.compile(
    rf"(?<![\w'’-])(?:al-)?({_HEAD_WORD})(?:{_JOINED}(?:{_SPACED})*|(?:{_SPACED})+)"
)


def not_an_organization(name: str) -> bool:
    """The name cannot be an organization's, whatever the model tagged."""
    words = name.lower().split()
    return (
        (len(words) == 1 and words[0] in GENERIC_PLURALS)
        or (len(words) >= 2 and words[-1] in EVENT_HEADS)
        or words[0] == "operation"
    )


def run_on_end(
    text: str,
    name: str,
    end: int,
    limit: int,
    others: list[tuple[int, int, EntityKind]],
    cut_short: bool = False,
) -> int:
    """Where an organization's name that ends at ``end`` really ends ("Council" -> "Council on
    Foreign Relations"); ``end`` when it does not run on. A name that ends in a compass word
    runs on through "and" another one and the region's name ("of North and East Syria").

    Only after a head noun ("Council", "Army", "Party") or where the model's span ended in the
    preposition (``cut_short``: "Islamic State of"), within ``limit`` (the sentence), never
    into a date ("the Army on Sunday") or into another name the model found (``others``: spans
    and kinds): a place may end the name ("Islamic Army of Iraq"), an organization only after
    "of" ("International Committee of the Red Cross", not "leave the Liberal Party for the
    Parti Quebecois") or "for" with no article ("Syrian Observatory for Human Rights"), a
    person never. Across
    "and" only into one last word that is no name of its own: "Disease Control and
    Prevention", not "Council of Europe and Britain". Never into a person's title with the name
    after it ("Amal Movement of Speaker Nabih Berri").
    """
    region = _AND_COMPASS.match(text, end, limit) if _COMPASS_END.search(name) else None
    if region is not None:
        return region.end()  # "of North" and "East Syria": one region, "North and East Syria"
    if name.lower().split()[-1] not in OPEN_HEADS and not cut_short:
        return end
    match = _RUN_ON.match(text, end, limit)
    if match is None:
        return end
    words = list(_WORD.finditer(text, end, match.end()))
    joinable = {EntityKind.PLACE}
    if text[end:limit].split()[0] == "of" or _FOR_A_CAUSE.match(text, end, limit):
        joinable.add(EntityKind.ORGANIZATION)
    new_end = end
    for i, word in enumerate(words):
        hit = [kind for s, e, kind in others if s < word.end() and word.start() < e]
        if word.group().lower() in _DATES or not joinable.issuperset(hit):
            break
        if titles_a_name(text, word.start(), limit):
            break  # "Amal Movement of Speaker Nabih Berri": the title is the person's
        if given_name(word.group()) and _FAMILY_NAME_AFTER.match(text, word.end(), limit):
            break  # "Velmar Guards of Karim al-Tarvo": the body's leader, a person
        if i + 1 == len(words) and word.group() in COUNTRY_OF:
            break  # "of the Syrian army": an adjective of the noun after it
        if "and" in text[new_end : word.start()].split() and (i + 1 < len(words) or hit):
            break
        new_end = word.end()
    if text[new_end - 1] == "." and text.count(".", end, new_end - 1) == 0:
        new_end -= 1  # a full stop, not an abbreviation's ("U.S.")
    return new_end


_COUNTRY_ADJECTIVE = re.compile(r"([A-Z][a-z]+)\s+")


def titles_a_name(text: str, start: int, limit: int) -> bool:
    """A title, perhaps after an adjective of a country or a people ("Palestinian President"), opens
    ``text[start:limit]`` and a capitalized name follows it."""
    adjective = _COUNTRY_ADJECTIVE.match(text, start, limit)
    if adjective is not None and (
        adjective.group(1) in COUNTRY_OF or adjective.group(1) in GROUP_ADJECTIVES
    ):
        start = adjective.end()
    length = leading_title(text[start:limit])
    return length > 0 and text[start + length : start + length + 1].isupper()


# A name running on through connecting words to an acronym in brackets: " in Lebanon (UNIFIL)".
_TO_ACRONYM = re.compile(rf"(?:\s+(?:(?:in|for|of|on|and|the)\s+)*{_CAP})+(?=\s+\(([A-Z]{{2,}})\))")
_INITIALS = re.compile(r"[\w'’]+")


def acronym_end(text: str, name_start: int, end: int) -> int | None:
    """Where a name that the model stopped at ``end`` before a connecting word ends when the
    acronym in brackets after the rest spells the whole ("United Nations Interim Force" in
    Lebanon (UNIFIL)); None when no acronym spells it. News and the corpora write "Hezbollah in
    Lebanon" as two names: only the acronym says the words are one name."""
    match = _TO_ACRONYM.match(text, end)
    if match is None or text[end:].split()[0] not in CONNECTORS:
        return None
    words = _INITIALS.findall(text[name_start : match.end()])
    return match.end() if _spells(match.group(1), words) else None


def _spells(acronym: str, words: list[str]) -> bool:
    """The acronym is the words' first letters, a connecting word's letter taken or not."""
    if not words:
        return not acronym
    first, rest = words[0], words[1:]
    if first.lower() in CONNECTORS and _spells(acronym, rest):
        return True
    return bool(acronym) and acronym[0] == first[0].upper() and _spells(acronym[1:], rest)


def arabic_group_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of group names opening with an Arabic noun for a body within text[start:end]."""
    return [m.span() for m in _ARABIC_NAME.finditer(text, start, end)]


def numbered_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of units named by their noun and number within text[start:end]."""
    return [m.span() for m in NUMBERED_UNIT.finditer(text, start, end)]
