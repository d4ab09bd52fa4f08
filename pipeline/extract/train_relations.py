"""``ldpub train-relations``: train the learned relation classifier.

The training sources (``write_model``'s defaults). Re-DocRED's train split is not in
``../shared/corpora/redocred`` (only dev and test are), so the model learns from dev and test
stays unseen. Wikipedia has no relation for commanding, speaking for, supporting or training,
and writes unlike the news, so invented news sentences in the domain, marked like
``pipeline.extract.marked`` and never taken from an article, are added with more weight
(``DOMAIN_TRAIN``): ``train_domain.jsonl`` and ``train_news.jsonl`` beside the model, and the
relation sets of ``tests/data/relations`` whose errors have all been read and tuned on
(``TRAINED_SETS``: they no longer measure anything held out, so they teach instead). The sets
in ``HELD_OUT`` are never trained on: ``news_heldout12.jsonl`` (tuned on by the rules) and
``news_heldout13.jsonl`` (the untuned measure); a set added later is held out until it is named
in ``TRAINED_SETS``. Each source is cut into five folds by document; each fold is scored by a
model trained on the other four; each predicate's threshold is chosen on those out-of-fold scores
(the lowest score at which its precision still reaches ``--precision``, each prediction counting
with its sentence's weight, so that the news the model is used on decides more than Wikipedia),
and the shipped model is then trained on everything. Deterministic: the same data gives the same
bytes.

Examples are mention pairs of one sentence, labelled with the contract relation the data states
between their entities when this sentence is among its evidence (a Re-DocRED pair whose relation
is evidenced only elsewhere is left out, neither positive nor negative), else ``none``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.extract import evaluate_relations as er
from pipeline.extract.learned import (
    MODEL_FILE,
    NONE,
    LinearModel,
    admissible,
    by_sentence,
    candidate_pairs,
    pair_spans,
)
from pipeline.extract.marked import marked_document
from pipeline.extract.pair_features import pair_features
from pipeline.extract.relations import SIGNATURES, SYMMETRIC, rule_relations
from pipeline.records import AnalyzedDocument, Mention

TRAINED_SETS = (
    er.DOMAIN, er.HELDOUT, er.NEWS, er.NEWS2, er.NEWS3, er.NEWS4, er.NEWS5, er.NEWS6, er.NEWS7,
    er.NEWS8, er.NEWS9, er.NEWS10, er.NEWS11,
)  # fmt: skip
"""Evaluation sets (``evaluate_relations``) that train: every one of them was read and tuned on."""
HELD_OUT = (er.NEWS12, er.NEWS13)
"""Evaluation sets that are never trained on (12: the rules' current set; 13: untuned)."""
DOMAIN_TRAIN = (
    MODEL_FILE.with_name("train_domain.jsonl"),
    MODEL_FILE.with_name("train_news.jsonl"),
    *TRAINED_SETS,
)
"""Every file of invented, marked news sentences the shipped model learns from."""
Example = tuple[list[str], str, float]
"""(features of a mention pair, its class, its weight)."""
DOMAIN_WEIGHT = 15.0
"""How much more an invented news sentence's pair counts than a Wikipedia one."""
FOLDS = 5
MIN_COUNT = 2
"""A feature seen in fewer training pairs than this is dropped (it cannot generalize)."""
SMALLEST = 0.01
"""A feature whose weights are all smaller than this is left out of the model file."""
FLOOR = 0.3
"""No threshold is lower than this, however the held-out curve looks."""
PRIORITY = ("relativeOf", "leaderOf", "commanderOf", "spokespersonFor", "foundedBy",
            "employedBy", "memberOf", "partOf", "trainedBy", "supports", "affiliatedWith",
            "rivalOf", "locatedIn")  # fmt: skip
"""When the data states two relations between one pair, the first here is learned."""


@dataclass(frozen=True)
class Labelled:
    """A document with the entity each mention stands for and the relations stated between
    entities: (predicate, subject, object, evidence sentence numbers; empty: any)."""

    analyzed: AnalyzedDocument
    entity_of: dict[Mention, Hashable]
    labels: tuple[tuple[str, Hashable, Hashable, frozenset[int]], ...]
    gold: frozenset[er.Triple]
    weight: float = 1.0


def redocred(doc: dict, index: int) -> Labelled:
    analyzed, vertex_of = er.analyzed_from_gold(doc, index)
    labels = tuple(er.contract_labels(doc))
    return Labelled(analyzed, dict(vertex_of), labels, frozenset(er.gold_triples(doc, index)))


def marked(line: str, index: int) -> Labelled:
    """A line of an invented-sentence file: entities are names; every relation is stated in it."""
    item = json.loads(line)
    analyzed = marked_document(item["text"], f"train-{index}")
    labels = tuple((p, s, o, frozenset()) for s, p, o in item["relations"])
    gold = frozenset(_triple(index, p, s, o) for p, s, o, _ in labels)
    entity_of: dict[Mention, Hashable] = {m: m.name for m in analyzed.mentions}
    return Labelled(analyzed, entity_of, labels, gold, DOMAIN_WEIGHT)


def _triple(index: int, predicate: str, s: Any, o: Any) -> tuple:
    """An entity-level triple, one way round for the symmetric relations. Unlike Re-DocRED's
    scoring (``er.normal``) commanderOf stays itself: the news sentences state it, and it needs
    its own threshold to be asserted at all."""
    if predicate in SYMMETRIC:
        s, o = sorted((s, o))  # vertex numbers (Re-DocRED) or names (invented sentences)
    return index, predicate, s, o


def _allowed(left: Mention, right: Mention) -> bool:
    """Some contract relation fits the pair's kinds in one direction or the other."""
    return any(
        (a.kind in domain and b.kind in range_)
        for domain, range_ in SIGNATURES.values()
        for a, b in ((left, right), (right, left))
    )


def _class(labels: Sequence[tuple[str, Hashable, Hashable]], left: Hashable) -> str:
    predicate, s, _ = min(labels, key=lambda label: PRIORITY.index(label[0]))
    return f"{predicate}>" if s == left or predicate in SYMMETRIC else f"{predicate}<"


def document_pairs(doc: Labelled) -> Iterable[tuple[Mention, Mention, list[str]]]:
    """Each candidate pair of a document whose kinds some relation allows, with its features."""
    text = doc.analyzed.document.text
    for sentence, mentions in by_sentence(doc.analyzed.mentions).items():
        for left, right in candidate_pairs(mentions):
            if doc.entity_of[left] != doc.entity_of[right] and _allowed(left, right):
                yield left, right, pair_features(text, sentence, left, right, mentions)


def examples(doc: Labelled) -> list[Example]:
    """An example for every candidate pair of a document."""
    sentence_id = {s: i for i, s in enumerate(doc.analyzed.sentences)}
    labels: dict[frozenset, list] = defaultdict(list)
    for predicate, s, o, evidence in doc.labels:
        labels[frozenset((s, o))].append((predicate, s, o, evidence))
    found = []
    for left, right, features in document_pairs(doc):
        a, b = doc.entity_of[left], doc.entity_of[right]
        stated = labels.get(frozenset((a, b)), [])
        here = [(p, s, o) for p, s, o, ev in stated if not ev or sentence_id[left.sentence] in ev]
        if stated and not here:
            continue
        found.append((features, _class(here, a) if here else NONE, doc.weight))
    return found


def fit(examples: Sequence[Example], c: float = 1.0) -> LinearModel:
    """A multinomial logistic regression on the examples' features (thresholds left empty)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for features, _, _ in examples for f in set(features))
    kept = [{f: 1 for f in features if counts[f] >= MIN_COUNT} for features, _, _ in examples]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit(x, [name for _, name, _ in examples], sample_weight=[w for _, _, w in examples])
    classes = [str(k) for k in model.classes_]
    coef = model.coef_ if len(classes) > 2 else [-model.coef_[0], model.coef_[0]]
    intercepts = (
        model.intercept_ if len(classes) > 2 else [-model.intercept_[0], model.intercept_[0]]
    )
    weights = {}
    for j, feature in enumerate(vectorizer.feature_names_):
        column = tuple(round(float(row[j]), 3) for row in coef)
        if max(abs(w) for w in column) >= SMALLEST:
            weights[feature] = column
    return LinearModel(tuple(classes), tuple(round(float(b), 3) for b in intercepts), weights, {})


Scored = tuple[str, float, bool, float]
"""(predicate, score, correct, weight) of one out-of-fold prediction."""


def thresholds(scored: Iterable[Scored], precision: float) -> dict[str, float]:
    """Per predicate, the lowest score at or above which at least ``precision`` of the weight of
    the predictions is on correct ones (and at least 3 predictions); a predicate that never
    gets there is left out (the classifier never asserts it)."""
    by_predicate: dict[str, list[tuple[float, bool, float]]] = defaultdict(list)
    for predicate, score, correct, weight in scored:
        by_predicate[predicate].append((score, correct, weight))
    chosen = {}
    for predicate, items in sorted(by_predicate.items()):
        items.sort(key=lambda item: (-item[0], item[1], item[2]))
        right = total = 0.0
        for n, (score, correct, weight) in enumerate(items, 1):
            right += weight * correct
            total += weight
            if score < FLOOR:
                break
            if right >= precision * total and n >= 3:
                chosen[predicate] = round(score, 4)
    return chosen


@dataclass(frozen=True)
class Ruled:
    """What the surface rules find in a document: the mention pairs they relate (the classifier
    never scores those) and their entity-level triples."""

    pairs: frozenset[frozenset[tuple[int, int]]]
    triples: frozenset[tuple]


def _index(doc: Labelled) -> int:
    return next(iter(doc.gold))[0] if doc.gold else -1


def ruled(doc: Labelled) -> Ruled:
    """The rules' relations in ``doc``, read with the rules of this checkout."""
    found = rule_relations(doc.analyzed)
    triples = frozenset(
        _triple(_index(doc), r.predicate, doc.entity_of[r.subject], doc.entity_of[r.object])
        for r in found
        if r.subject in doc.entity_of and r.object in doc.entity_of
    )
    return Ruled(frozenset(pair_spans(r.subject, r.object) for r in found), triples)


def predictions(model: LinearModel, doc: Labelled, rules: Ruled) -> list[Scored]:
    """(predicate, score, correct, weight) per entity-level triple the model's best class gives
    for a document beyond what the rules find: the best score of any mention pair the rules
    left unrelated, against the document's gold. Thresholds are chosen on these, as the
    classifier is used: pairs the rules catch are the easy ones, and counting them made its
    precision look higher than on what it is left to read."""
    index = _index(doc)
    best: dict[tuple, float] = {}
    text, mentions = doc.analyzed.document.text, by_sentence(doc.analyzed.mentions)
    for left, right, features in document_pairs(doc):
        if pair_spans(left, right) in rules.pairs:
            continue
        decision = model.best(left, right, features)
        if decision is not None and admissible(text, mentions[left.sentence], *decision[:3]):
            predicate, subject, obj, p = decision
            triple = _triple(index, predicate, doc.entity_of[subject], doc.entity_of[obj])
            if triple not in rules.triples:
                best[triple] = max(p, best.get(triple, 0.0))
    return [(t[1], p, t in doc.gold, doc.weight) for t, p in best.items()]


def train(
    sources: dict[str, Sequence[Labelled]],
    precision: float = 0.7,
    c: float = 1.0,
    say: Callable[[str], None] = lambda _: None,
) -> tuple[LinearModel, dict[str, dict[str, dict]]]:
    """The model trained on every document of ``sources`` with thresholds from out-of-fold
    scores, and the out-of-fold figures per source and predicate at those thresholds."""
    folded = {
        name: [(i % FOLDS, doc, examples(doc), ruled(doc)) for i, doc in enumerate(docs)]
        for name, docs in sources.items()
    }
    for name, docs in folded.items():
        pairs = [e for _, _, found, _ in docs for e in found]
        say(f"{name}: {len(docs)} documents, {len(pairs)} mention pairs, "
            f"{sum(e[1] != NONE for e in pairs)} with a relation")  # fmt: skip
    scored: dict[str, list[Scored]] = defaultdict(list)
    for fold in range(FOLDS):
        rest = [
            e for docs in folded.values() for k, _, found, _ in docs if k != fold for e in found
        ]
        model = fit(rest, c)
        for name, docs in folded.items():
            for k, doc, _, rules in docs:
                if k == fold:
                    scored[name] += predictions(model, doc, rules)
        say(f"fold {fold + 1}/{FOLDS}: trained on {len(rest)} pairs, scored the rest")
    chosen = thresholds([row for rows in scored.values() for row in rows], precision)
    figures: dict[str, dict[str, dict]] = {}
    for name, docs in folded.items():
        gold = Counter(t[1] for _, doc, _, _ in docs for t in doc.gold)
        by_rules = [(t[1], t in doc.gold) for _, doc, _, rules in docs for t in rules.triples]
        figures[name] = {}
        for predicate in sorted(gold):
            cut = chosen.get(predicate, 2.0)
            kept = [ok for p, s, ok, _ in scored[name] if p == predicate and s >= cut]
            stated = [ok for p, ok in by_rules if p == predicate]
            figures[name][predicate] = {
                "threshold": chosen.get(predicate),
                "predicted": len(kept),
                "correct": sum(kept),
                "gold": gold[predicate],
                "rules_predicted": len(stated),
                "rules_correct": sum(stated),
            }
    final = fit([e for docs in folded.values() for _, _, found, _ in docs for e in found], c)
    say(f"final model: {len(final.weights)} features, {len(final.classes)} classes")
    return LinearModel(final.classes, final.intercepts, final.weights, chosen), figures


POOLED = "news sentences, pooled"
"""The out-of-fold figures summed over every file of invented news sentences."""


def pooled(tables: Iterable[dict[str, dict]]) -> dict[str, dict]:
    """Per predicate, the counts of several sources' out-of-fold figures summed."""
    total: dict[str, dict] = {}
    for table in tables:
        for predicate, row in table.items():
            into = total.setdefault(predicate, {"threshold": row["threshold"]})
            for key in ("predicted", "correct", "gold", "rules_predicted", "rules_correct"):
                into[key] = into.get(key, 0) + row[key]
    return dict(sorted(total.items()))


def _ratios(row: dict, rules: str = "") -> str:
    """Precision and recall of a figures row: the classifier's beyond the rules, or with
    ``rules="rules_"`` the rules' and the classifier's together."""
    correct = row["correct"] + (row[f"{rules}correct"] if rules else 0)
    predicted = row["predicted"] + (row[f"{rules}predicted"] if rules else 0)
    p = correct / predicted if predicted else 0.0
    r = correct / row["gold"] if row["gold"] else 0.0
    return f"{p:{10 if rules else 7}.2f}{r:>7.2f}"


def to_json(model: LinearModel, meta: dict) -> str:
    """The model file's text: sorted keys, one line per feature, so retraining diffs well."""
    lines = [
        "{",
        f'"meta": {json.dumps(meta, sort_keys=True)},',
        f'"classes": {json.dumps(list(model.classes))},',
        f'"intercepts": {json.dumps(list(model.intercepts))},',
        f'"thresholds": {json.dumps(model.thresholds, sort_keys=True)},',
        '"weights": {',
    ]
    items = sorted(model.weights.items())
    lines += [
        f"{json.dumps(f)}: {json.dumps(list(w))}{',' if n < len(items) - 1 else ''}"
        for n, (f, w) in enumerate(items)
    ]
    return "\n".join([*lines, "}}", ""])


def write_model(
    corpus: Path,
    out: Path,
    precision: float,
    c: float,
    say: Callable[[str], None],
    domain: Sequence[Path] = DOMAIN_TRAIN,
) -> str:
    """Train on ``corpus``'s Re-DocRED dev and the ``domain`` sentence files, write the model to
    ``out`` and return the out-of-fold figures as a table."""
    source = corpus / er.SPLITS["dev"]
    docs = json.loads(source.read_text(encoding="utf-8"))
    sources = {f"Re-DocRED {source.name}": [redocred(doc, i) for i, doc in enumerate(docs)]}
    for path in domain:
        lines = path.read_text(encoding="utf-8").splitlines()
        sources[path.name] = [marked(line, i) for i, line in enumerate(lines)]
    model, figures = train(sources, precision, c, say)
    figures[POOLED] = pooled([figures[path.name] for path in domain])
    meta = {"data": list(sources), "precision_target": precision, "c": c,
            "domain_weight": DOMAIN_WEIGHT, "out_of_fold": figures}  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_json(model, meta), encoding="utf-8")
    table = [f"{'out-of-fold':<28}{'predicate':<16}{'threshold':>10}{'pred':>6}{'ok':>6}"
             f"{'gold':>6}{'P':>7}{'R':>7}{'+rules P':>10}{'R':>7}"]  # fmt: skip
    for name, rows in figures.items():
        for predicate, row in rows.items():
            t = f"{row['threshold']:.3f}" if row["threshold"] is not None else "off"
            table.append(f"{name:<28}{predicate:<16}{t:>10}{row['predicted']:>6}{row['correct']:>6}"
                         f"{row['gold']:>6}{_ratios(row)}{_ratios(row, 'rules_')}")  # fmt: skip
    table.append(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return "\n".join(table)
