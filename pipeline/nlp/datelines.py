"""Wire datelines: "BAGHDAD —", "DAMASCUS (Reuters) -", "BEIRUT, Lebanon, May 3 (AP) —".

A news report opens with the place it was filed from, in capitals, then a dash. Read as
ordinary text the model runs the dateline into the first words ("RIYADH — Saudi" as one
organization) and types a capital-letter place at random. So a body paragraph that opens with
a dateline is read in two parts: the dateline's place (and its country, when one follows) is a
place mention in a sentence of its own, the dateline, since where a report was filed is no
fact about what it reports; the model reads the report from the first word after the dash, as
a sentence start. The agency in brackets is who filed the report, no entity of it.

Shapes, general to wire copy: one to four words in capitals, an optional ", Region" (a
country or state, as written), an optional date ("Oct. 11", "May 3, 2021"), an optional
"(Agency)", then "—", "–", "--" or a spaced "-", and the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.datewords import MONTHS
from pipeline.demonyms import country_name
from pipeline.records import EntityKind, Mention, Segment, SegmentKind, Sentence

# Words in capitals that open a paragraph with a dash and are newsroom labels, not places.
_LABELS = frozenset(
    {
        "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "BULLETIN", "COMMENT", "COMMENTARY",
        "CORRECTED", "CORRECTION", "EDITORIAL", "EXCLUSIVE", "EXPLAINER", "FACTBOX",
        "FEATURE", "FLASH", "INSIGHT", "INTERVIEW", "LIVE", "NEWS", "NOTE", "OBITUARY",
        "OPINION", "PHOTOS", "PREVIEW", "REFILE", "REPEAT", "REVIEW", "SPECIAL", "UPDATE",
        "UPDATED", "UPDATES", "URGENT", "VIDEO", "WATCH",
    }
)  # fmt: skip
_SEPARATORS = re.compile(r"[ .\-]+")  # between the words of a dateline's place
_PART = re.compile(r"[^\s\-.]{2,}(?=\.?(?:[\s\-]|$))")  # a word or its part, not initials
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_WORD = r"[A-Z][\w.'’\-]*"
_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = rf"(?:{_MONTH}[ ]+\d{{1,2}}(?:,[ ]*\d{{4}})?|\d{{1,2}}[ ]+{_MONTH}(?:[ ]+\d{{4}})?)"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ ]+{_CAPS_WORD}){{0,3}})"
    rf"(?:,[ ]+(?P<region>{_WORD}(?:[ ]+{_WORD}){{0,2}}))?"
    rf"(?:,?[ ]+\(?{_DATE}\)?)?"
    r"(?:[ ]*\([A-Za-z][\w .&/’'-]{0,29}\))?"
    r"(?P<dash>[ ]*(?:—|–|--)[ ]*|[ ]+-[ ]+)(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a text: its places (start, end, name in ordinary case), where
    it ends before the dash, and where the report after the dash starts."""

    places: tuple[tuple[int, int, str], ...]
    end: int
    report: int


def dateline(text: str) -> Dateline | None:
    """The dateline ``text`` opens with, else None."""
    match = _DATELINE.match(text)
    if match is None or _LABELS.intersection(_SEPARATORS.split(match.group("place"))):
        return None
    places = [(match.start("place"), match.end("place"), ordinary_case(match.group("place")))]
    region = match.group("region")
    if region is not None and country_name(ordinary_case(region)) is not None:
        places.append((match.start("region"), match.end("region"), ordinary_case(region)))
    return Dateline(tuple(places), match.start("dash"), match.end())


def ordinary_case(name: str) -> str:
    """A name in capitals as it is written in running text ("KHAMIS MUSHAIT" -> "Khamis
    Mushait", "AL-QAIM" -> "Al-Qaim", "ST. LOUIS" -> "St. Louis"); initials ("D.C.") and a
    name not all in capitals stay as they are."""
    if not name.isupper():
        return name
    return _PART.sub(lambda part: part.group()[0] + part.group()[1:].lower(), name)


def split_dateline(segment: Segment) -> tuple[list[Mention], Segment]:
    """The place mentions of a body paragraph's dateline, and the paragraph from where its
    report starts (the segment itself when it opens with no dateline)."""
    found = dateline(segment.text) if segment.kind is SegmentKind.BODY else None
    if found is None:
        return [], segment
    sentence = Sentence(segment.start, segment.start + found.end, segment.text[: found.end])
    mentions = [
        Mention(
            segment.start + start,
            segment.start + end,
            segment.text[start:end],
            EntityKind.PLACE,
            name,
            sentence,
        )
        for start, end, name in found.places
    ]
    report = Segment(
        segment.kind, segment.start + found.report, segment.end, segment.text[found.report :]
    )
    return mentions, report
