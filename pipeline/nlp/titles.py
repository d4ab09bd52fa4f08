"""Titles and honorifics written before personal names, and the code that strips them.

News writes "Maj. Gen. Rick Lynch" and "President Obama"; the entity is the person, the title is
an attribute (``ldpub:honorific``). The same list cleans the training data (GMB puts titles inside
person spans) and the model's output, so the model learns and reports bare names.

The list is general knowledge, not taken from any article ldpub processes. Sources: the U.S.
Department of Defense rank tables and the rank abbreviations of the AP Stylebook ("military
titles"); Wikipedia "English honorifics", "Islamic honorifics", "Ecclesiastical titles and
styles" and "Style (manner of address)"; common political offices of national governments.
"""

from __future__ import annotations

import re

# Words that qualify a following title ("Deputy Prime Minister", "Acting Defense Secretary").
MODIFIERS: tuple[str, ...] = (
    "Acting",
    "Assistant",
    "Deputy",
    "Former",
    "Interim",
    "Retired",
    "Vice",
)

TITLES: tuple[str, ...] = (
    # Honorifics (Wikipedia "English honorifics").
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Mister",
    "Dr.",
    "Doctor",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    # Royal and noble titles.
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Crown Prince",
    "Emir",
    "Amir",
    "Sultan",
    "Sheikh",
    "Sheik",
    "Shaikh",
    "Shaykh",
    "Sheikha",
    # Islamic honorifics and clerical titles (Wikipedia "Islamic honorifics").
    "Grand Ayatollah",
    "Ayatollah",
    "Hojatoleslam",
    "Hojjatoleslam",
    "Imam",
    "Mullah",
    "Mufti",
    "Grand Mufti",
    "Maulana",
    "Mawlana",
    "Mawlawi",
    "Maulvi",
    "Hajji",
    "Sayyid",
    "Seyyed",
    "Haji",
    # Christian and Jewish clerical titles (Wikipedia "Ecclesiastical titles and styles").
    "Pope",
    "Patriarch",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Father",
    "Reverend",
    "Rev.",
    "Rabbi",
    "Chief Rabbi",
    # Political and civil offices.
    "President",
    "President-elect",
    "Prime Minister",
    "Premier",
    "Chancellor",
    "Minister",
    "Foreign Minister",
    "Defense Minister",
    "Defence Minister",
    "Interior Minister",
    "Finance Minister",
    "Oil Minister",
    "Justice Minister",
    "Information Minister",
    "Secretary",
    "Secretary of State",
    "Secretary of Defense",
    "Secretary-General",
    "Secretary General",
    "Defense Secretary",
    "Defence Secretary",
    "Foreign Secretary",
    "Home Secretary",
    "Under Secretary",
    "Undersecretary",
    "Attorney General",
    "Governor",
    "Gov.",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Congressman",
    "Congresswoman",
    "Speaker",
    "Ambassador",
    "Amb.",
    "Envoy",
    "Special Envoy",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Judge",
    "Justice",
    "Chief Justice",
    "Prosecutor",
    "Commissioner",
    "Director",
    "Inspector General",
    "National Security Adviser",
    "National Security Advisor",
    # Military ranks (U.S. DoD rank tables; AP Stylebook abbreviations).
    "General",
    "Gen.",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "Brigadier",
    "Brig.",
    "Colonel General",
    "Colonel",
    "Col.",
    "Lieutenant Colonel",
    "Major",
    "Maj.",
    "Captain",
    "Capt.",
    "Lieutenant",
    "Lt.",
    "First Lieutenant",
    "1st Lt.",
    "Second Lieutenant",
    "2nd Lt.",
    "Command Sergeant Major",
    "Command Sgt. Maj.",
    "Sergeant Major",
    "Sergeant",
    "Sgt.",
    "Staff Sergeant",
    "Staff Sgt.",
    "Master Sergeant",
    "Master Sgt.",
    "First Sergeant",
    "1st Sgt.",
    "Sgt. 1st Class",
    "Corporal",
    "Cpl.",
    "Lance Corporal",
    "Lance Cpl.",
    "Private",
    "Pvt.",
    "Pfc.",
    "Specialist",
    "Spc.",
    "Chief Warrant Officer",
    "Warrant Officer",
    "Admiral",
    "Adm.",
    "Rear Admiral",
    "Rear Adm.",
    "Commodore",
    "Commander",
    "Cmdr.",
    "Cdr.",
    "Lieutenant Commander",
    "Lt. Cmdr.",
    "Petty Officer",
    "Chief Petty Officer",
    "Ensign",
    "Airman",
    "Seaman",
    "Marshal",
    "Field Marshal",
    "Air Marshal",
    "Air Chief Marshal",
)


def _alternation(words: tuple[str, ...]) -> str:
    # Longest first so "Prime Minister" wins over "Minister"; the full stop of an abbreviation is
    # optional ("Gen" / "Gen.") and spaces or a hyphen join the words of a title.
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word).replace(r"\.", r"\.?").replace(r"\ ", r"[\s-]+")
        parts.append(escaped.replace(r"\-", r"[\s-]*"))
    return "|".join(parts)


# One title: optional modifiers, then a title that ends at a word boundary.
_ONE = rf"(?:(?:{_alternation(MODIFIERS)})[\s-]+)*(?:{_alternation(TITLES)})(?![\w'’])"
# A run of titles ("Maj. Gen.", "Lt. Col.", "Sheikh Grand Ayatollah") followed by space.
_RUN = rf"(?:{_ONE}[\s-]*)*{_ONE}\s+"
_LEADING = re.compile(rf"\A{_RUN}", re.IGNORECASE)
_TRAILING = re.compile(rf"(?<![\w.'’-]){_RUN}\Z", re.IGNORECASE)
# How far before a name a title may start; the longest title run is well under this.
_LOOKBACK = 80

# An Arabic name particle that belongs to the name after it, and what joins it to that name
# (al-Sadr, Abu Musab, bin Laden).
NAME_PARTICLE = r"(?:al|el|Al|El|bin|ibn|bint|Abu|Umm)(?:-|\s+)"
# A name after a title: capitalized words, with Arabic particles before them ("al-Khafaji").
_NAME_WORD = r"[A-Z](?:\w|['’](?=\w)(?!s\b))*(?:-[A-Z](?:\w|['’](?=\w)(?!s\b))*)*"
_NAME = rf"(?:{NAME_PARTICLE})?{_NAME_WORD}(?:\s+(?:{NAME_PARTICLE})?{_NAME_WORD}){{0,3}}"
_TITLED_NAME = re.compile(rf"(?<![\w'’.-])(?=[A-Z])(?i:{_RUN})({_NAME})")

ABBREVIATIONS: tuple[str, ...] = tuple(
    sorted({w for t in TITLES for w in t.split() if w.endswith(".") and len(w) > 2})
)
"""Single-word abbreviations ("Maj.", "Brig.") the tokenizer must keep whole, so they neither
lose their full stop nor end a sentence."""


def leading_title(text: str) -> int:
    """Length of the title run at the start of ``text`` (0 if none, or if no name would be left)."""
    m = _LEADING.match(text)
    if m is None or not any(c.isalpha() for c in text[m.end() :]):
        return 0
    return m.end()


def title_before(text: str) -> int:
    """Where a capitalized title run ending right at the end of ``text`` starts, or -1.

    ``text`` is what precedes a name; news capitalizes a title written before a name, so a
    lower-case run ("the general") is not taken.
    """
    offset = max(0, len(text) - _LOOKBACK)
    m = _TRAILING.search(text, offset)
    if m is None or not m.group(0)[0].isupper():
        return -1
    return m.start()


def titled_names(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(title start, name start, name end) of each capitalized title run followed by a
    capitalized name in ``text[start:end]`` ("Major General Tahsin al-Khafaji"); whether the
    name is a person's is the caller's to judge ("General Assembly")."""
    return [(m.start(), m.start(1), m.end(1)) for m in _TITLED_NAME.finditer(text, start, end)]
