"""Words after which a name is a place ("near Tuz Khurmatu", "the town of Odra"), shared by
the tagger's rules and by resolution, which must not make such a name another body's short
form ("in Anbar" beside the "Anbar Council").

Counted in the corpora's training names (GMB and CrossNER): "near" 188 places to 5 persons,
"in" 7,155 to 38, "town of" 268 to 2, "city of" 439 to 2, "province of" 77 to 1, "across" 73
to none, "north of" and the other compass points 268 to none, "northern" and the other compass
adjectives 842 to 3.
"""

from __future__ import annotations

import re

_COMPASS = r"(?:north|south)(?:east|west)?|east|west"
PLACE_BEFORE = re.compile(
    rf"(?<![\w-])(?:[Nn]ear|[Aa]cross|[Oo]utside|[Ii]n|(?:{_COMPASS})(?:ern)?|central"
    rf"|(?:{_COMPASS}|town|city|village|district|province|region|suburb|outskirts) of)\s+\Z"
)
"""Matches the text just before a name (search it up to the name's start)."""
