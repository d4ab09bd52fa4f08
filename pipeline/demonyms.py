"""Country adjectives ("Iranian"), shared word list: the NLP stage makes "Iranian-backed" and
"the Lebanese Hezbollah" name the country, events never take one for a place, and resolution
joins "Iranian Qods Force" to the "Qods Force" named elsewhere.

General knowledge: the adjectival forms of country names as listed in Wikipedia's "List of
adjectival and demonymic forms for countries and nations"; only forms that name one country
unambiguously (not "Arab", "Kurdish" or "Palestinian", which name peoples).
"""

from __future__ import annotations

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
