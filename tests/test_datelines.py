"""Wire datelines: the place a report was filed from is a place mention in a sentence of its
own, and the model reads the report from the first word after the dash.

The lines and names are written for these tests (none from seeds/ or an evaluation set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.nlp import analyze, load_model
from pipeline.nlp.analyze import fact_texts
from pipeline.nlp.datelines import dateline, ordinary_case, split_dateline
from pipeline.records import Document, DocumentMeta, EntityKind, Mention, Segment, SegmentKind
from pipeline.segment import segment_text

PLACE = EntityKind.PLACE


@pytest.mark.parametrize(
    ("text", "places", "report"),
    [
        ("LISBON — Firefighters said", ["Lisbon"], "Firefighters said"),
        ("LISBON—Firefighters said", ["Lisbon"], "Firefighters said"),
        ("PORTO (Reuters) - Firefighters said", ["Porto"], "Firefighters said"),
        ("TRIPOLI, Libya, May 3 (AP) — Officials said", ["Tripoli", "Libya"], "Officials said"),
        ("KHAMIS MUSHAIT, SAUDI ARABIA -- Officials said", ["Khamis Mushait", "Saudi Arabia"],
         "Officials said"),
        ("WASHINGTON, Oct. 11 – Officials said", ["Washington"], "Officials said"),
        ("ALBANY, N.Y., 4 March 2022 (Valley Herald) — Officials said", ["Albany"],
         "Officials said"),
        ("AL-QAIM — Officials said", ["Al-Qaim"], "Officials said"),
    ],
)  # fmt: skip
def test_dateline_shapes(text: str, places: list[str], report: str) -> None:
    found = dateline(text)
    assert found is not None
    assert [name for _, _, name in found.places] == places
    assert [ordinary_case(text[s:e]) for s, e, _ in found.places] == places
    assert text[found.report :] == report
    assert not text[: found.end].endswith((" ", "-", "—", "–"))


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE — The ministry corrected its figures.",
        "BREAKING NEWS - Officials said",
        "Lisbon — a city of hills — hosted the talks.",
        "NATO-led forces said",
        "LISBON —",
        "The LISBON office — closed since May — reopened.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline(text) is None


def test_ordinary_case_keeps_initials() -> None:
    assert ordinary_case("ST. LOUIS") == "St. Louis"
    assert ordinary_case("D.C.") == "D.C."
    assert ordinary_case("Saudi Arabia") == "Saudi Arabia"


def test_split_dateline_keeps_document_offsets() -> None:
    text = "Title\n\nTRIPOLI, Libya (AP) — Officials said the port had reopened."
    body = Segment(SegmentKind.BODY, 7, len(text), text[7:])
    mentions, report = split_dateline(body)
    assert [(m.text, m.name, m.kind) for m in mentions] == [
        ("TRIPOLI", "Tripoli", PLACE),
        ("Libya", "Libya", PLACE),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text == "TRIPOLI, Libya (AP)"
    assert text[report.start : report.end] == report.text
    assert report.text.startswith("Officials said")
    caption = Segment(SegmentKind.CAPTION, 7, len(text), text[7:])
    assert split_dateline(caption) == ([], caption)


def _mentions(nlp: Language, text: str) -> tuple[Mention, ...]:
    document = Document("d", Path("d.txt"), text, "0" * 64, DocumentMeta(title="t"))
    _, found = analyze(nlp, document, segment_text(text))
    for m in found:
        assert text[m.start : m.end] == m.text
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text
    return found


def test_the_model_reads_the_report_after_the_dash() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": "Harbour"}, {"TEXT": "Police"}]}])
    text = "Port closed\n\nPORTO (Reuters) - Harbour Police closed the port on Monday."
    document = Document("d", Path("d.txt"), text, "0" * 64, DocumentMeta(title="t"))
    assert fact_texts(document, segment_text(text))[1].startswith("Harbour Police closed")
    found = _mentions(nlp, text)
    assert [(m.name, m.kind) for m in found] == [
        ("Porto", PLACE),
        ("Harbour Police", EntityKind.ORGANIZATION),
    ]
    assert found[0].sentence.text == "PORTO (Reuters)"
    assert found[1].sentence.text == "Harbour Police closed the port on Monday."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_page_byline_and_dateline_with_the_bundled_model(nlp: Language) -> None:
    text = (
        "Drones shot down near border\n\n"
        "Posted on June 2, 2022 by Marta Quiroga\n\n"
        "AMMAN — Jordanian air defences shot down two drones near the Syrian border on "
        "Tuesday, the army said.\n\n"
        "BEIRUT (Reuters) - Lebanese officials said they had no information on the drones.\n\n"
        "(Reporting by Lena Marsh in Beirut; Editing by Tomas Berg)"
    )
    found = _mentions(nlp, text)
    names = {(m.name, m.kind) for m in found}
    assert {("Amman", PLACE), ("Beirut", PLACE)} <= names
    assert not any(m.name in {"Marta Quiroga", "Lena Marsh", "Tomas Berg"} for m in found)
    assert not any("—" in m.text or "Reuters" in m.text for m in found)
