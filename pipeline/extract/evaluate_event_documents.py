"""Document-level event recall and merging, on invented militia-news articles.

``tests/data/events/militia_docs.jsonl`` holds four short articles written for this purpose
(see its README; ``militia_docs_heldout.jsonl`` four more, written after the rules were
improved on the first four; ``militia_docs_heldout2.jsonl`` four more in another style,
``militia_docs_heldout3.jsonl`` three more, ``militia_docs_heldout4.jsonl`` three more,
``militia_docs_heldout5.jsonl`` two more, ``militia_docs_heldout6.jsonl`` three more and
``militia_docs_heldout7.jsonl`` two more, each tuned on after its first run, and
``militia_docs_heldout8.jsonl`` three more, the untuned set),
each with the events a reader counts and, for each event, a phrase of every sentence that
reports it. The articles go through the build's own stages (segmentation, the bundled NER
model, ``extract_events``), so the figures include NER's misses.

A predicted event *finds* a gold event when their types agree and one of its triggers overlaps
one of the gold event's phrases. Reported: event recall and precision; merging (a gold event
told in several sentences is *merged* when the one predicted event that finds it holds all of
its phrases that any predicted event of its type holds, *split* when two or more predicted
events find it); *over-merged* predicted events, which find two gold events; and, for the found
events, actors and targets (overlap), place, date and counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language

from pipeline.extract.evaluate_events import ROLES, prf, score_participants, score_slots
from pipeline.extract.events import extract_events
from pipeline.records import AnalyzedDocument, Document, DocumentMeta, Event

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "data" / "events" / "militia_docs.jsonl"
HELD_OUT = ROOT / "tests" / "data" / "events" / "militia_docs_heldout.jsonl"
HELD_OUT_2 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout2.jsonl"
HELD_OUT_3 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout3.jsonl"
HELD_OUT_4 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout4.jsonl"
HELD_OUT_5 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout5.jsonl"
HELD_OUT_6 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout6.jsonl"
HELD_OUT_7 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout7.jsonl"
HELD_OUT_8 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout8.jsonl"
HELD_OUT_9 = ROOT / "tests" / "data" / "events" / "militia_docs_heldout9.jsonl"
SETS = {
    "": DOCUMENTS,
    " held-out": HELD_OUT,
    " held-out 2": HELD_OUT_2,
    " held-out 3": HELD_OUT_3,
    " held-out 4": HELD_OUT_4,
    " held-out 5": HELD_OUT_5,
    " held-out 6": HELD_OUT_6,
    " held-out 7": HELD_OUT_7,
    " held-out 8": HELD_OUT_8,
    " held-out 9": HELD_OUT_9,
}
"""Every annotated set, by the suffix ``ldpub eval`` names it with ("invented militia
articles held-out 2"); the command line scores them all by default."""


def _phrases(text: str, phrases: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for phrase in phrases:
        start = text.index(phrase)
        spans.append((start, start + len(phrase)))
    return spans


def _in_phrase(event: Event, spans: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The gold phrases that hold one of the event's triggers."""
    return {
        (start, end)
        for start, end in spans
        if any(start < t.end and t.start < end for t in event.triggers)
    }


def analyze_article(nlp: Language, row: dict) -> tuple[Event, ...]:
    """The events the build's stages find in one article of the set."""
    from pipeline.nlp import analyze
    from pipeline.segment import segment

    text = row["text"]
    meta = DocumentMeta(text.split("\n", 1)[0], published=dt.date.fromisoformat(row["published"]))
    document = Document(row["id"], Path(row["id"] + ".txt"), text, row["id"], meta)
    segments = segment(document)
    sentences, mentions = analyze(nlp, document, segments)
    analyzed = AnalyzedDocument(document, segments, sentences, mentions)
    return extract_events(analyzed)


def evaluate(nlp: Language, path: Path = DOCUMENTS) -> dict[str, object]:
    events: Counter[str] = Counter()
    merging: Counter[str] = Counter()
    slots: dict[str, Counter[str]] = {k: Counter() for k in ("place", "date", "count")}
    roles: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
    errors: list[str] = []
    for row in map(json.loads, path.read_text().splitlines()):
        text = row["text"]
        predicted = analyze_article(nlp, row)
        found_by: dict[int, list[Event]] = {}
        for index, want in enumerate(row["events"]):
            spans = _phrases(text, want["mentions"])
            found = [e for e in predicted if e.type == want["type"] and _in_phrase(e, spans)]
            found_by[index] = found
            name = f"{row['id']} {want['type']} {want['mentions'][0]!r}"
            if not found:
                events["fn"] += 1
                errors.append(f"missed {name}")
                continue
            events["found"] += 1
            best = max(found, key=lambda e: len(_in_phrase(e, spans)))
            if len(spans) > 1:
                held = set().union(*(_in_phrase(e, spans) for e in found))
                merged = len(found) == 1 and len(held) > 1
                merging["merged" if merged else "not merged"] += 1
                if len(found) > 1:
                    merging["split"] += 1
                    errors.append(f"split into {len(found)} {name}")
                merging["phrases held"] += len(held)
                merging["phrases"] += len(spans)
            misses = score_slots(best, want, slots) + score_participants(best, want, text, roles)
            errors += [f"{name}: {m}" for m in misses]
        for event in predicted:
            finds = [i for i, found in found_by.items() if event in found]
            if not finds:
                events["fp"] += 1
                words = [t.text for t in event.triggers]
                errors.append(f"extra {row['id']} {event.type} {words}")
            elif len(finds) > 1:
                merging["over-merged"] += 1
                errors.append(f"over-merged {row['id']} {event.type} ({len(finds)} gold events)")
            else:
                events["tp"] += 1
    return {"events": events, "merging": merging, "slots": slots, "roles": roles, "errors": errors}


def report(result: dict[str, object], errors: bool) -> None:
    """Print the figures (and with ``errors`` each miss) of ``evaluate``."""
    events: Counter[str] = result["events"]  # type: ignore[assignment]
    merging: Counter[str] = result["merging"]  # type: ignore[assignment]
    gold = events["found"] + events["fn"]
    recall = events["found"] / gold if gold else 0.0
    precision, _, _ = prf(Counter(tp=events["tp"], fp=events["fp"]))
    print(f"events: recall {recall:.2f} ({events['found']}/{gold}), precision {precision:.2f}")
    several = merging["merged"] + merging["not merged"]
    print(
        f"told in several sentences: {merging['merged']}/{several} merged, "
        f"{merging['split']} split, phrases held {merging['phrases held']}/{merging['phrases']}; "
        f"over-merged events {merging['over-merged']}"
    )
    for name, counter in result["slots"].items():  # type: ignore[attr-defined]
        total = counter["right"] + counter["wrong"]
        print(f"{name}: {counter['right']}/{total} right (found events, where annotated)")
    for role, counter in result["roles"].items():  # type: ignore[attr-defined]
        p, r, _ = prf(counter)
        print(f"{role}: P {p:.2f}  R {r:.2f}  ({dict(counter)})")
    if errors:
        print("\n".join(result["errors"]))  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold",
        type=Path,
        nargs="*",
        default=list(SETS.values()),
        help="annotated articles (JSONL)",
    )
    parser.add_argument("--errors", action="store_true", help="list each miss")
    args = parser.parse_args(argv)
    from pipeline.nlp import load_model

    nlp = load_model()
    for gold in args.gold:
        print(f"== {gold.name}")
        report(evaluate(nlp, gold), args.errors)


if __name__ == "__main__":
    main()
