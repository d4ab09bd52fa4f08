"""The event evaluation: argument matching, and the rows ``ldpub eval --task events`` prints."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.extract import evaluate_event_documents as ed
from pipeline.extract.evaluate_events import overlaps, score_participants
from pipeline.namespaces import EVENT_TYPES
from pipeline.records import EntityKind, Mention, Sentence
from tests.test_events import ORG, PER, only

CORPORA = Path(__file__).parent / "data" / "eval" / "corpora"


def test_participants_match_by_overlap_and_count_misses_and_extras() -> None:
    text = "Gunmen of the Nasr Brigades kidnapped Ivo Marin in Tyre."
    event = only(text, {"Nasr Brigades": ORG, "Ivo Marin": PER})
    counters: dict[str, Counter[str]] = {"actors": Counter(), "targets": Counter()}
    want = {"actors": ["the Nasr Brigades"], "targets": ["Lena Berg"]}
    misses = score_participants(event, want, text, counters)
    assert counters["actors"] == Counter(tp=1)
    assert counters["targets"] == Counter(fn=1, fp=1)
    assert misses == ["missed target 'Lena Berg'", "wrong target 'Ivo Marin'"]


def test_a_country_adjective_in_the_gold_is_the_state_the_build_names() -> None:
    text = "Iran said a Turkish drone struck Odra. Turkey denied it."
    sentence = Sentence(39, 56, text[39:])
    mention = Mention(39, 45, "Turkey", EntityKind.PLACE, "Turkey", sentence)
    assert overlaps(mention, "Turkish", text)
    assert not overlaps(mention, "Iranian", text)


def test_eval_events_prints_argument_and_document_rows() -> None:
    args = ["eval", "--task", "events", "--corpora", str(CORPORA), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = {(r["data"], r["type"]): r for r in json.loads(result.stdout)}
    assert ("VOA arguments set, gold mentions", "actors") in rows
    held_out = rows[("invented militia articles held-out, NER mentions, document events", "ALL")]
    assert held_out["tp"] + held_out["fn"] == 20  # the events a reader counts in the articles
    assert held_out["recall"] >= 0.5
    for name, gold in ((" held-out 2", 66), (" held-out 3", 35)):
        row = rows[(f"invented militia articles{name}, NER mentions, document events", "ALL")]
        assert row["tp"] + row["fn"] == gold
        assert row["recall"] >= 0.5
    untuned = rows[("invented militia articles held-out 4, NER mentions, document events", "ALL")]
    assert untuned["tp"] + untuned["fn"] == 42  # no floor: the set is never tuned on


@pytest.mark.parametrize(
    ("name", "articles", "events"),
    [
        (" held-out 5", 2, 31),
        (" held-out 6", 3, 40),
        (" held-out 7", 2, 29),
        (" held-out 8", 3, 34),
        (" held-out 9", 3, 36),
    ],
)
def test_the_final_event_articles_load(name: str, articles: int, events: int) -> None:
    """Counted only: the extractor is never run on the sets written last in a test."""
    lines = ed.SETS[name].read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == articles and sum(len(row["events"]) for row in rows) == events
    for row in rows:  # each phrase is found once, as ``evaluate`` needs; names are the text's
        dt.date.fromisoformat(row["published"])
        for event in row["events"]:
            assert event["type"] in EVENT_TYPES, event
            assert all(row["text"].count(m) == 1 for m in event["mentions"]), event
            names = event["actors"] + event["targets"] + [event.get("place", "")]
            assert all(name in row["text"] for name in names), event
