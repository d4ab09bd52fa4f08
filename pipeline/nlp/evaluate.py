"""Entity precision, recall and F1 by exact character span, per type and overall (micro)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc

# The model's labels as the classes ldpub publishes (GPE, LOC and FAC are one PLACE class).
PLACE_CLASSES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def score(
    nlp: Language,
    gold: Iterable[Doc],
    predicted_as: Mapping[str, str] | None = None,
    gold_as: Mapping[str, str] | None = None,
) -> dict[str, dict[str, float]]:
    """Run ``nlp`` over the gold docs' text and compare entity spans.

    ``predicted_as`` / ``gold_as`` rename labels before comparing (a label they do not name is
    ignored); without them labels are compared as they are. Returns ``{type: {p, r, f, tp, fp,
    fn}}`` plus ``"ALL"``, the micro average over the types compared.
    """
    gold = list(gold)
    counts: dict[str, Counter[str]] = {}

    def rename(label: str, table: Mapping[str, str] | None) -> str | None:
        return label if table is None else table.get(label)

    for ref, pred in zip(gold, nlp.pipe(d.text for d in gold), strict=True):
        truth = {
            (e.start_char, e.end_char, t)
            for e in ref.ents
            if (t := rename(e.label_, gold_as)) is not None
        }
        guess = {
            (e.start_char, e.end_char, t)
            for e in pred.ents
            if (t := rename(e.label_, predicted_as)) is not None
        }
        for span in truth | guess:
            c = counts.setdefault(span[2], Counter())
            c["tp" if span in truth and span in guess else "fn" if span in truth else "fp"] += 1
    counts["ALL"] = sum(counts.values(), Counter())
    return {kind: _prf(c) for kind, c in sorted(counts.items())}


def _prf(c: Counter[str]) -> dict[str, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def table(title: str, scores: Mapping[str, Mapping[str, float]]) -> str:
    """A Markdown table of the scores (also readable on a terminal)."""
    lines = [
        f"{title}",
        "",
        "| type | P | R | F1 | gold | predicted |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, s in scores.items():
        lines.append(
            f"| {kind} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | "
            f"{int(s['tp'] + s['fn'])} | {int(s['tp'] + s['fp'])} |"
        )
    return "\n".join(lines)
