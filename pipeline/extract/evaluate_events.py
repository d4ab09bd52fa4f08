"""Event extraction measured on hand-annotated Voice of America sentences (GMB corpus).

``tests/data/events/voa_events.jsonl`` holds 45 sentences of the Groningen Meaning Bank's
Kaggle NER release (Voice of America news 2004-2010, ODbL; see its ATTRIBUTION.txt), chosen
without looking at the extractor: every sentence whose text matches ``SELECTION`` (a broad list
of event words, written apart from the trigger lexicon), 45 of them drawn with
``random.Random(4)``. Each line gives the sentence number and the events a reader finds in it:
type, and where the text names them, the place, a date that carries its year, and counts
(killed, wounded, captured; "at least 40" and "more than 70" count as the figure given).
A Statement is annotated only when a named person or organization speaks.

GMB has no article dates, so the sentences are read with no publication date: only dates that
carry their year can be found, and only those are annotated. Mentions come from GMB's own name
tags (per, org, geo), so the figures measure the event rules apart from NER.

``voa_events_heldout.jsonl`` holds 30 more, annotated the same way after the rules were tuned
on the first set: the next 30 of the remaining candidates drawn with ``random.Random(5)``.

``voa_events_args.jsonl`` holds 60 more with each event's named actors and targets: every
sentence not in the two files above that has a GMB person or organization tag and matches
``ARGS_SELECTION`` (conflict, custody, release, training and meeting words), 60 drawn with
``random.Random(44)`` (``--select-args`` prints them).

Scored per sentence: event types (precision, recall, F1 over the sets of types), then for each
type found in both gold and prediction the place, date and counts where gold has one, and the
actors and targets where gold lists them (a gold participant is found when a predicted one's
span overlaps it in the sentence).
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.demonyms import COUNTRY_OF, country_name
from pipeline.extract.events import extract_events
from pipeline.records import (
    AnalyzedDocument,
    DatePrecision,
    Document,
    DocumentMeta,
    EntityKind,
    Event,
    Mention,
    Segment,
    SegmentKind,
    Sentence,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "gmb_kaggle_ner" / "ner_dataset.csv"
GOLD = ROOT / "tests" / "data" / "events" / "voa_events.jsonl"
HELD_OUT = ROOT / "tests" / "data" / "events" / "voa_events_heldout.jsonl"
SELECTION = re.compile(
    r"\b(?:killed|attack\w*|bomb\w*|blast|explosion|raid\w*|arrested|detained|kidnapped|abducted"
    r"|captured|released|freed|met|meeting|visit\w*|elections?|withdr\w+|formed|founded"
    r"|operation|interview|speech|news conference)\b",
    re.IGNORECASE,
)
SAMPLE, SEED = 45, 4
ARGS = ROOT / "tests" / "data" / "events" / "voa_events_args.jsonl"
ARGS_SELECTION = re.compile(
    r"\b(?:raid\w*|stormed|captured|detained|arrested|seized|abducted|kidnapped|freed|released"
    r"|handed over|attack\w*|ambush\w*|bomb\w*|killed|trained|training|met with|talks with"
    r"|clash\w*)\b",
    re.IGNORECASE,
)
ARGS_SAMPLE, ARGS_SEED = 60, 44
DUMP_SEED = 9
ROLES = ("actors", "targets")
TAGS = {"per": EntityKind.PERSON, "org": EntityKind.ORGANIZATION, "geo": EntityKind.PLACE}
_GLUE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%"}


def read_sentences(path: Path = CORPUS) -> Iterator[tuple[int, list[str], list[str]]]:
    """(number, words, IOB tags) per GMB sentence; the file is cp1252."""
    with path.open(encoding="cp1252", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        number, words, tags = 0, [], []
        for first, word, _pos, tag in rows:
            if first.startswith("Sentence:"):
                if words:
                    yield number, words, tags
                number, words, tags = int(first.split(":")[1]), [], []
            words.append(word)
            tags.append(tag)
        if words:
            yield number, words, tags


def sentence_document(number: int, words: Sequence[str], tags: Sequence[str]) -> AnalyzedDocument:
    """One sentence as a document without a date, its GMB person/org/geo names as mentions."""
    starts, text = [], ""
    for i, word in enumerate(words):
        if i and word not in _GLUE_BEFORE:
            text += " "
        starts.append(len(text))
        text += word
    sentence = Sentence(0, len(text), text)
    mentions = []
    i = 0
    while i < len(words):
        kind = TAGS.get(tags[i][2:]) if tags[i].startswith("B-") else None
        j = i + 1
        while j < len(words) and tags[j] == "I-" + tags[i][2:]:
            j += 1
        if kind is not None:
            start, end = starts[i], starts[j - 1] + len(words[j - 1])
            quote = text[start:end]
            mentions.append(Mention(start, end, quote, kind, quote, sentence))
        i = j
    document = Document(f"gmb-{number}", Path(f"gmb-{number}"), text, "", DocumentMeta(text))
    segment = Segment(SegmentKind.BODY, 0, len(text), text)
    return AnalyzedDocument(document, (segment,), (sentence,), tuple(mentions))


def select(path: Path = CORPUS) -> list[int]:
    """The sentence numbers annotated: a fixed-seed sample of those with an event word."""
    candidates = [n for n, words, _ in read_sentences(path) if SELECTION.search(" ".join(words))]
    return sorted(random.Random(SEED).sample(candidates, SAMPLE))


def _annotated(*golds: Path) -> set[int]:
    """The sentence numbers the gold files annotate, for a new sample to leave out."""
    return {
        json.loads(line)["sentence"] for gold in golds for line in gold.read_text().splitlines()
    }


def select_args(path: Path = CORPUS) -> list[int]:
    """The sentences of ``voa_events_args.jsonl``: named participants and an event word, unused."""
    used = _annotated(GOLD, HELD_OUT)
    candidates = [
        n
        for n, words, tags in read_sentences(path)
        if n not in used
        and any(t[2:] in ("per", "org") for t in tags)
        and ARGS_SELECTION.search(" ".join(words))
    ]
    return sorted(random.Random(ARGS_SEED).sample(candidates, ARGS_SAMPLE))


def sample(size: int, path: Path = CORPUS) -> set[int]:
    """A fixed-seed sample of sentence numbers, none annotated, to read the extractor's output
    on (a rule change's new and lost events, diffed before and after, show its precision)."""
    used = _annotated(GOLD, HELD_OUT, ARGS)
    numbers = [n for n, _, _ in read_sentences(path) if n not in used]
    return set(random.Random(DUMP_SEED).sample(numbers, min(size, len(numbers))))


def dump(size: int, path: Path = CORPUS) -> Iterator[str]:
    """One line per event found in the sample: sentence, type, triggers, participants, place,
    date and counts, stable across runs for ``diff``."""
    wanted = sample(size, path)
    for number, words, tags in read_sentences(path):
        if number not in wanted:
            continue
        for event in extract_events(sentence_document(number, words, tags)):
            counts = [getattr(event, k) for k in ("killed", "wounded", "captured")]
            yield "\t".join(
                map(
                    str,
                    (
                        number,
                        event.type,
                        [t.text for t in event.triggers],
                        [m.name for m in event.actors],
                        [m.name for m in event.targets],
                        event.place.name if event.place else None,
                        date_text(event),
                        counts,
                    ),
                )
            )


def overlaps(mention: Mention, gold: str, text: str) -> bool:
    """Whether a predicted participant and a gold one (its text) name the same thing: the
    mention's span overlaps an occurrence of the gold text, or one name holds the other. A gold
    country adjective ("Turkish" drone) is the state the build names ("Turkey")."""
    if gold in mention.name or mention.name in gold:
        return True
    if gold in COUNTRY_OF and country_name(mention.name) == COUNTRY_OF[gold]:
        return True
    for match in re.finditer(re.escape(gold), text):
        if mention.start < match.end() and match.start() < mention.end:
            return True
    return False


def score_participants(
    event: Event, want: dict, text: str, counters: dict[str, Counter[str]]
) -> list[str]:
    """Count found, missed and wrong actors and targets of one matched event; say the misses."""
    misses = []
    for role in ROLES:
        if role not in want:
            continue
        got: Sequence[Mention] = getattr(event, role)
        for gold in want[role]:
            found = any(overlaps(m, gold, text) for m in got)
            counters[role]["tp" if found else "fn"] += 1
            if not found:
                misses.append(f"missed {role[:-1]} {gold!r}")
        for mention in got:
            if not any(overlaps(mention, gold, text) for gold in want[role]):
                counters[role]["fp"] += 1
                misses.append(f"wrong {role[:-1]} {mention.name!r}")
    return misses


def date_text(event: Event) -> str | None:
    if event.date is None:
        return None
    value, precision = event.date.value, event.date.precision
    if precision is DatePrecision.DAY:
        return value.isoformat()
    return f"{value:%Y-%m}" if precision is DatePrecision.MONTH else f"{value:%Y}"


@functools.cache
def _annotated_sentences(
    corpus: Path, numbers: frozenset[int]
) -> dict[int, tuple[list[str], list[str]]]:
    """The words and tags of the sentences ``numbers`` names, read once per corpus and set:
    reading the corpus's 48,000 sentences takes seconds, and one evaluation scores several
    gold files."""
    return {n: (w, t) for n, w, t in read_sentences(corpus) if n in numbers}


def evaluate(gold_path: Path = GOLD, corpus: Path = CORPUS) -> dict[str, object]:
    gold = {row["sentence"]: row for row in map(json.loads, gold_path.read_text().splitlines())}
    wanted = frozenset(_annotated(GOLD, HELD_OUT, ARGS) | gold.keys())
    sentences = _annotated_sentences(corpus, wanted)
    types: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = {}
    slots: dict[str, Counter[str]] = {k: Counter() for k in ("place", "date", "count")}
    roles: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
    errors = []
    for number, row in sorted(gold.items()):
        if number not in sentences:  # a corpus extract without this sentence
            continue
        analyzed = sentence_document(number, *sentences[number])
        if row.get("text") not in (None, analyzed.document.text):
            raise ValueError(f"sentence {number}: text differs from the corpus")
        predicted = {e.type: e for e in extract_events(analyzed)}
        expected = {e["type"]: e for e in row["events"]}
        for event_type in predicted.keys() | expected.keys():
            outcome = (
                "tp"
                if event_type in predicted and event_type in expected
                else ("fp" if event_type in predicted else "fn")
            )
            types[outcome] += 1
            per_type.setdefault(event_type, Counter())[outcome] += 1
            if outcome != "tp":
                errors.append(f"{outcome} {number} {event_type}")
                continue
            event, want = predicted[event_type], expected[event_type]
            text = analyzed.document.text
            errors += [f"{number} {event_type}: {m}" for m in score_slots(event, want, slots)]
            misses = score_participants(event, want, text, roles)
            errors += [f"{number} {event_type}: {m}" for m in misses]
    return {
        "types": types,
        "per_type": per_type,
        "slots": slots,
        "roles": roles,
        "errors": errors,
    }


def score_slots(event: Event, want: dict, slots: dict[str, Counter[str]]) -> list[str]:
    """Count right and wrong places, dates and counts where gold gives them; say the wrong."""
    got = {
        "place": event.place.name if event.place else None,
        "date": date_text(event),
        **{k: getattr(event, k) for k in ("killed", "wounded", "captured")},
    }
    wrong = []
    for key in got.keys() & want.keys():
        right = got[key] == want[key]
        slots["count" if key in got.keys() - {"place", "date"} else key][
            "right" if right else "wrong"
        ] += 1
        if not right:
            wrong.append(f"{key} {got[key]!r} for {want[key]!r}")
    return wrong


def prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="GMB ner_dataset.csv")
    parser.add_argument(
        "--gold",
        type=Path,
        nargs="*",
        default=[GOLD, HELD_OUT, ARGS],
        help="annotated sentences (JSONL)",
    )
    parser.add_argument("--select", action="store_true", help="print the sampled sentences")
    parser.add_argument(
        "--select-args", action="store_true", help="print the sentences of voa_events_args"
    )
    parser.add_argument("--errors", action="store_true", help="list each wrong type and slot")
    parser.add_argument(
        "--dump", type=int, metavar="N", help="print the events of N sampled unannotated sentences"
    )
    args = parser.parse_args(argv)
    if args.dump:
        print("\n".join(dump(args.dump, args.corpus)))
        return
    if args.select or args.select_args:
        wanted = set(select_args(args.corpus) if args.select_args else select(args.corpus))
        for number, words, tags in read_sentences(args.corpus):
            if number in wanted:
                print(number, sentence_document(number, words, tags).document.text)
        return
    for gold in args.gold:
        print(f"== {gold.name}")
        _report(evaluate(gold, args.corpus), args.errors)


def _report(result: dict[str, object], errors: bool) -> None:
    types, slots = result["types"], result["slots"]
    p, r, f = prf(types)  # type: ignore[arg-type]
    print(f"event types: P {p:.2f}  R {r:.2f}  F1 {f:.2f}  ({dict(types)})")  # type: ignore[call-overload]
    for name, counter in sorted(result["per_type"].items()):  # type: ignore[attr-defined]
        tp, fp, fn = counter["tp"], counter["fp"], counter["fn"]
        print(f"  {name:<18} tp {tp:>2}  fp {fp:>2}  fn {fn:>2}")
    for name, counter in slots.items():  # type: ignore[attr-defined]
        total = counter["right"] + counter["wrong"]
        accuracy = counter["right"] / total if total else 0.0
        right = counter["right"]
        print(f"{name} accuracy (matched types, where annotated): {accuracy:.2f} ({right}/{total})")
    for role, counter in result["roles"].items():  # type: ignore[attr-defined]
        if sum(counter.values()):
            p, r, f = prf(counter)
            figures = f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}  ({dict(counter)})"
            print(f"{role} (matched types, overlap): {figures}")
    if errors:
        print("\n".join(result["errors"]))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
