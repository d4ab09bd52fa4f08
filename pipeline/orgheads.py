"""Head nouns that close an organization's name ("Special Groups", "Badr Organization").

A shared word list: the NLP stage finds names that end in one, resolution reads "Badr" as
short for "Badr Organization".

General knowledge of how English names organizations: a run of capitalized words ending in one
of these nouns is an organization's name, whether or not the statistical model saw it (it
misses many militia and unit names that were rare in its 2004-2010 wire news).
"""

from __future__ import annotations

ORG_HEADS = frozenset(
    {
        "agency", "alliance", "army", "authority", "battalion", "battalions", "bloc",
        "brigade", "brigades", "bureau", "cell", "cells", "coalition", "command",
        "commission", "committee", "corps", "council", "department", "division", "force",
        "forces", "foundation", "front", "group", "groups", "guard", "guards", "institute",
        "league", "militia", "militias", "ministry", "movement", "network", "organization",
        "organisation", "party", "regiment", "service", "unit", "units", "police", "jihad",
    }
)  # fmt: skip
