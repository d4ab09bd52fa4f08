"""Country adjectives ("Iranian"), shared word list: the NLP stage makes "Iranian-backed" and
"the Lebanese Hezbollah" name the country, events never take one for a place, and resolution
joins "Iranian Qods Force" to the "Qods Force" named elsewhere. Country names and their short
forms ("U.S.", "Britain"), read from ``pipeline/data/common_countries.txt``: a country is one
place entity whatever the tagger labels it.

General knowledge: the adjectival forms of country names as listed in Wikipedia's "List of
adjectival and demonymic forms for countries and nations"; only forms that name one country
unambiguously (not "Arab", "Kurdish" or "Palestinian", which name peoples).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pipeline.names import name_key

COUNTRIES = Path(__file__).resolve().parent / "data" / "common_countries.txt"

COUNTRY_OF: dict[str, str] = {
    "Afghan": "Afghanistan",
    "Algerian": "Algeria",
    "American": "United States",
    "Australian": "Australia",
    "Bahraini": "Bahrain",
    "Belgian": "Belgium",
    "British": "United Kingdom",
    "Canadian": "Canada",
    "Chinese": "China",
    "Cuban": "Cuba",
    "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea",
    "Ethiopian": "Ethiopia",
    "French": "France",
    "German": "Germany",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Jordanian": "Jordan",
    "Kenyan": "Kenya",
    "Kuwaiti": "Kuwait",
    "Lebanese": "Lebanon",
    "Libyan": "Libya",
    "Malian": "Mali",
    "Moroccan": "Morocco",
    "Nigerian": "Nigeria",
    "Omani": "Oman",
    "Pakistani": "Pakistan",
    "Qatari": "Qatar",
    "Russian": "Russia",
    "Saudi": "Saudi Arabia",
    "Somali": "Somalia",
    "Spanish": "Spain",
    "Sudanese": "Sudan",
    "Syrian": "Syria",
    "Tunisian": "Tunisia",
    "Turkish": "Turkey",
    "Ukrainian": "Ukraine",
    "Venezuelan": "Venezuela",
    "Yemeni": "Yemen",
}

# Participles that make the country the one who acts: "Iranian-backed" = backed by Iran.
SPONSOR_PARTICIPLES = frozenset(
    {"backed", "trained", "funded", "financed", "supported", "sponsored", "armed", "led"}
)


@cache
def _countries(path: Path = COUNTRIES) -> dict[str, str]:
    """Name key of every country name and alias -> the country's common name."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = [n.strip() for n in line.split("|")]
            table.update((name_key(n), names[0]) for n in names)
    return table


def country_name(name: str) -> str | None:
    """The common name of the country ``name`` names ("U.S." -> "United States"), or None.

    A short all-capitals alias counts only written in capitals: "US" is the country, "Us" not.
    """
    key = name_key(name)
    country = _countries().get(key)
    if country is not None and len(key.replace(" ", "")) <= 3:
        letters = [c for c in name if c.isalpha()]
        if not all(c.isupper() for c in letters):
            return None
    return country
