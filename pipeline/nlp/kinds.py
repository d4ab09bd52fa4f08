"""The kind of a name when its own words say it, whatever the model tagged.

General knowledge of how names are built, not taken from any article:

- Arabic names of armed groups and parties open with a noun for the body: Kata'ib (brigades),
  Harakat (movement), Jaysh/Jaish (army), Jabhat (front), Saraya (companies), Liwa (brigade),
  Asa'ib (leagues), Hizb (party), Jund (soldiers), Ansar (supporters), Tanzim (organization),
  Majlis (council), Faylaq (corps), Jama'at (group), Hay'at (body: "Hayat Tahrir al-Sham"),
  Katiba (battalion), Ahrar (free men: "Ahrar al-Sham"); and their Urdu and Persian kin joined
  to the rest by a hyphenated particle ("-e-", "-ul-"): Tehreek/Tehrik (movement), Lashkar
  (army), Sipah (soldiers), Jamiat (society), Harkat ("Tehreek-e-Taliban", "Lashkar-e-Taiba",
  "Jamaat-ul-Ahrar"). A name opening with one is an organization.
- A name opening with a personal title ("Ayatollah", "Sheikh", "Dr.", "Gen.") is a person,
  unless it ends in an organization's head noun ("Sheikh Zayed Foundation").
- A kunya ("Abu Ali al-Basri": "father of ...") of three words or more is a person, and so is
  a given name, a father's and a family's "al-" name ("Salim Hatem al-Obeidi"): a body's name
  of that shape opens with an Arabic noun for a body (above) or holds a head noun.
- A name the model took for an organization or a place that opens with a common given name
  of the region (``pipeline/data/common_given_names.txt``, in any transliteration:
  "Esmail" is "Ismail", "Bassem" "Basim"; ``pipeline.names.variant_token``) and ends in no
  noun for a body, a landform or a building ("Hamid Karzai Airport") is a person ("Hadi
  al-Amiri"). In the training corpora such spans tagged a place are the annotators' slips
  ("Mahmoud Ahmadinejad" 4 times, "Salman Pak" the one place in 27).
- A name of two words or more ending in an organization's head noun ("Velmar Brigade",
  "Badr Organization") is an organization; of three words or more even when it opens with a
  place's noun ("Deir Ezzor Military Council": the body of a place).
- Arabic place names open with a noun for a landform or a settlement: Tal/Tell (hill), Jurf
  (bank), Nahr (river), Wadi (valley), Ain (spring), Ras (cape), Jabal/Jebel (mountain), Deir
  (monastery), Kafr (village), Bir (well), Albu (a tribe's settlement), Beit (house), Qasr
  (castle), and Umm ("mother of": a place unless a person's name follows); English ones end in
  a noun for a landform, an area, a military base or a built site ("Bekaa Valley", "Green
  Zone", "Victory Base", "Balad Airbase", "Imam Ali Mosque", "Rashid Street", "Kurdistan
  Region"). Such a name is a place.
- A military base's or a road's name opens with, or runs on past, a noun for a base before the
  name proper ("Camp Taji", "Forward Operating Base Falcon", "Combat Outpost Keating", "Joint
  Base Balad", "Route Tampa"): a place, though the model reads the capitalized run as a body;
  so is a site named by its noun and a number ("Tower 22", "Checkpoint 7"), while a unit so
  named is a body ("Brigade 30", "Task Force 16").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pipeline import lexicon
from pipeline.names import variant_token
from pipeline.nlp.titles import ABBREVIATIONS
from pipeline.orgheads import ORG_HEADS
from pipeline.records import EntityKind

ARABIC_ORG_NOUNS = frozenset(
    {
        "kataib", "kata'ib", "kataeb", "katibat", "harakat", "haraka",
        "jaish", "jaysh", "jabhat", "jabha", "saraya", "liwa", "alwiya", "asaib", "asa'ib",
        "hizb", "jund", "ansar", "tanzim", "majlis", "faylaq", "jamaat", "jama'at", "jamaah",
        "jamaa", "firqat", "munazzamat", "hayat", "hay'at", "haiat", "katiba", "ahrar",
        "tehreek", "tehrik", "tahreek", "tahrik", "lashkar", "sipah", "jamiat", "harkat",
    }
)  # fmt: skip
PERSON_TITLES = frozenset(
    {"ayatollah", "hojatoleslam", "sheikh", "sheik", "shaikh", "mr.", "mrs.", "ms.", "dr."}
    | {a.lower() for a in ABBREVIATIONS}
)
# Nouns that open places' names only; those below them also open given names ("Wadi", "Tal")
# or a kunya ("Umm").
ARABIC_PLACE_NOUNS = frozenset(
    {"tell", "tall", "jurf", "nahr", "jabal", "jebel", "deir", "dayr", "kafr", "albu", "qasr"}
)
ARABIC_PLACE_OR_NAME = ARABIC_PLACE_NOUNS | {
    "tal", "tel", "wadi", "ain", "ras", "bir", "beit", "umm", "hay", "hayy",
}  # fmt: skip
PLACE_HEADS = frozenset(
    {
        "valley", "mountains", "mountain", "river", "zone", "strip", "desert", "plain",
        "plains", "island", "islands", "peninsula", "lake", "gulf", "sea", "heights", "base",
        "airbase", "airfield", "shrine", "mosque", "airport", "street", "avenue", "square",
        "bridge", "cemetery", "region",
    }
)  # fmt: skip
# A military unit named by its head noun and a number ("Brigade 30", "Unit 8200"); not
# "Division 1", a league's, nor a figure ("Brigade 1,200"), nor a plant's part ("Unit 2 of
# the plant", "the Unit 3 reactor").
NUMBERED_UNIT = re.compile(
    r"(?<![\w-])(?:(?:Brigade|Regiment|Battalion|Squadron|Task\s+Force)\s+\d{1,5}"
    r"|Unit\s+\d{1,5}(?!\s+(?:of|reactor)\b))(?![\w.,-]?\d)"
)
# Nouns for a military base that stand before its name proper ("Camp Taji", "Forward Operating
# Base Falcon").
BASE_NOUNS = frozenset({"camp", "base", "outpost", "airbase", "airfield", "route"})
# A site named by its noun and a number: a guard tower, a checkpoint, a road ("Tower 22",
# "Checkpoint 7", "Route 1").
_NUMBERED_SITE = re.compile(r"(?:Tower|Checkpoint|Route|Gate|Highway)\s+\d{1,4}")
# A given name and a father's, then a family's "al-" name: "Salim Hatem al-Obeidi"; not a
# region's ("Western Bahr al-Ghazal") nor "Thar Allah al-Islami" ("vengeance of God").
_ARABIC_FULL_NAME = re.compile(
    r"(?!(?:North|South|East|West|Upper|Lower|Central)\w*\b)[A-Z][a-z]+ (?!Allah )[A-Z][a-z]+"
    r" [Aa]l-[A-Z][a-z]+"
)
GIVEN_NAMES = Path(__file__).resolve().parents[1] / "data" / "common_given_names.txt"
_WORDS = re.compile(r"[\w'’.]+")


def corrected_kind(name: str, kind: EntityKind) -> EntityKind:
    """``kind`` unless the name's first word or form says otherwise."""
    words = [w.lower().replace("’", "'") for w in _WORDS.findall(name)]
    if not words:
        return kind
    first = words[0].removeprefix("al-")
    if first in ARABIC_ORG_NOUNS and len(words) >= 2:
        return EntityKind.ORGANIZATION
    if len(words) >= 3 and words[-1] in ORG_HEADS:  # "Deir Ezzor Military Council"
        return EntityKind.ORGANIZATION
    if len(words) >= 2 and (
        first in ARABIC_PLACE_NOUNS
        or (first in ARABIC_PLACE_OR_NAME and kind is EntityKind.ORGANIZATION)
        or words[-1] in PLACE_HEADS
    ):
        return EntityKind.PLACE
    if NUMBERED_UNIT.fullmatch(name):  # "Unit 8200"
        return EntityKind.ORGANIZATION
    if _NUMBERED_SITE.fullmatch(name):  # "Tower 22"
        return EntityKind.PLACE
    if len(words) >= 2 and BASE_NOUNS.intersection(words[:-1]):  # "Camp Taji"
        return EntityKind.PLACE
    if words[-1] in ORG_HEADS:  # "Velmar Brigade": no person's name ends in a body's noun
        return EntityKind.ORGANIZATION if len(words) >= 2 else kind
    if first in PERSON_TITLES and len(words) >= 2:
        return EntityKind.PERSON
    if first == "abu" and len(words) >= 3 and kind is EntityKind.ORGANIZATION:
        return EntityKind.PERSON
    if kind is EntityKind.ORGANIZATION and _ARABIC_FULL_NAME.fullmatch(name):
        return EntityKind.PERSON
    if kind is not EntityKind.PERSON and len(words) >= 2 and _opens_with_given_name(words):
        return EntityKind.PERSON
    return kind


def _opens_with_given_name(words: list[str]) -> bool:
    """The lower-case words open with a common given name and end in no common noun."""
    return given_name(words[0]) and words[-1] not in lexicon.load(lexicon.NOUNS)


def given_name(word: str) -> bool:
    """``word`` is a common given name of the region, in any transliteration."""
    return variant_token(word.lower()) in given_names()


@cache
def given_names() -> frozenset[str]:
    """The common given names' transliteration skeletons (``variant_token``)."""
    lines = GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(
        variant_token(n.strip().lower()) for n in lines if n.strip() and not n.startswith("#")
    )
