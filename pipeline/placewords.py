"""Words after which a name is a place ("near Tuz Khurmatu", "the town of Odra"), shared by
the tagger's rules and by resolution, which must not make such a name another body's short
form ("in Anbar" beside the "Anbar Council").

Counted in the corpora's training names (GMB and CrossNER): "near" 188 places to 5 persons,
"in" 7,155 to 38, "town of" 268 to 2, "city of" 439 to 2, "province of" 77 to 1, "across" 73
to none, "north of" and the other compass points 268 to none, "northern" and the other compass
adjectives 842 to 3; plurals ("the towns of", "the provinces of") 33 places to 1 person;
"residents of" 6 to none; "fire at", "fired at" 13 to 1 ("rockets at Mr. Sherzai": a title
makes a person again); "-held" ("government-held", "rebel-held") only before places.

Unlike "in" (119 one-word organizations in the corpora: "in Congress", "in NATO"), the other
words stand before a one-word organization only where the annotators slipped ("near Swat",
"west of Kandahar", "the town of Qom"): ``STRONG_PLACE_BEFORE``.
"""

from __future__ import annotations

import re

_COMPASS = r"(?:north|south)(?:east|west)?|east|west"
_AREAS = r"towns?|city|cities|villages?|districts?|provinces?|regions?|suburbs?|outskirts"
STRONG_PLACE_WORDS = (
    rf"[Nn]ear|[Aa]cross|[Oo]utside|(?:{_COMPASS})(?:ern)?|central"
    rf"|(?:{_COMPASS}|{_AREAS}|[Rr]esidents) of|[\w.]+-held|(?:fire[sd]?|firing) at"
)
"""A regular expression of the words before a place's name, "in" apart."""
PLACE_WORDS = rf"{STRONG_PLACE_WORDS}|[Ii]n"
"""``STRONG_PLACE_WORDS`` or "in"."""
STRONG_PLACE_BEFORE = re.compile(rf"(?<![\w-])(?:{STRONG_PLACE_WORDS})\s+\Z")
"""Matches the text just before a name (search it up to the name's start)."""
PLACE_BEFORE = re.compile(rf"(?<![\w-])(?:{PLACE_WORDS})\s+\Z")
"""``STRONG_PLACE_BEFORE`` or "in"."""

# Nouns for a settlement or an area that head a phrase in apposition to a place's name ("Jilib,
# a river town", "Ankara, the Turkish capital").
SETTLEMENT_NOUNS = frozenset(
    {
        "town", "city", "village", "port", "district", "region", "province", "suburb",
        "capital", "oasis", "enclave", "neighbourhood", "neighborhood", "hamlet", "island",
        "governorate", "stronghold",
    }
)  # fmt: skip

# Lower-case nouns for a site right after its place's name ("the Rumaila oil field", "Qayyarah
# air base", "Baghdad airport"): the name is the place's, whatever the model tagged. Not
# "refinery" or "plant", which a company's name also stands before ("a Shell refinery").
FACILITY_AFTER = re.compile(
    r"\s+(?:(?:oil|gas)\s?fields?|oilfields?|air\s?bases?|airfields?|airports?|dams?"
    r"|border\s+crossings?)\b"
)
"""Matches the text right after a name (match it at the name's end)."""
