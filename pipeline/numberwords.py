"""English number words, shared by the stages that read counts ("three killed") and spans of
days ("eight days ago"), so both read the same words."""

from __future__ import annotations

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_UNITS += ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
_UNITS += ["eighteen", "nineteen", "twenty"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS, start=1)} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "a hundred": 100,
}

NUMBER_ALTERNATION = "|".join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w)))
"""The words as a regex alternation, longest first, so "seventeen" is not read as "seven"."""
