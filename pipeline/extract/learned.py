"""The learned relation classifier: relations the surface rules miss, from a linear model.

The model (``pipeline/models/ldpub_relations/model.json``, trained by ``ldpub train-relations``
on Re-DocRED and invented news sentences) is plain JSON: class names, intercepts, a weight
vector per feature and one score threshold per predicate, chosen on held-out data for
precision. It is read once per process, on first use, so build workers that never extract pay
nothing. Scoring sums the present features' weight rows with numpy and takes a softmax: no
scikit-learn at run time.

Classes are ``none`` and ``{predicate}>`` (the first mention of the pair is the subject) or
``{predicate}<`` (the second is); a class whose ends break the ontology's domain and range is
never chosen.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import numpy as np

from pipeline.demonyms import COUNTRY_OF
from pipeline.extract.pair_features import pair_features
from pipeline.extract.relations import (
    COORDINATION,
    KIN,
    POSSESSOR,
    SIGNATURES,
    before_a_noun,
    subject_aside,
    told_at_a_time,
    vetoed,
)
from pipeline.records import AnalyzedDocument, EntityKind, Mention, Relation, Sentence

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "ldpub_relations" / "model.json"
NONE = "none"
RULE = "classifier"
"""The ``Relation.rule`` of a classifier's assertion, so each statement says how it was found."""
MAX_GAP = 200
"""Pairs further apart than this many characters are not scored: a sentence that long is a list."""


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over string features, and its thresholds."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    thresholds: dict[str, float]
    _rows: dict[str, int] = field(init=False, repr=False, compare=False)
    _matrix: np.ndarray = field(init=False, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(
            tuple(data["classes"]),
            tuple(data["intercepts"]),
            {f: tuple(w) for f, w in data["weights"].items()},
            dict(data["thresholds"]),
        )

    def __post_init__(self) -> None:
        # one row per feature, for a vectorized sum (the dict stays what the file says)
        rows = {feature: i for i, feature in enumerate(self.weights)}
        matrix = np.array([*self.weights.values(), self.intercepts], dtype=np.float64)
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_matrix", matrix.reshape(len(rows) + 1, len(self.classes)))

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Each class's probability given the features (each present once, value 1)."""
        rows = {self._rows[f] for f in features if f in self._rows} | {len(self._rows)}
        totals = self._matrix[sorted(rows)].sum(axis=0)
        exps = np.exp(totals - totals.max())
        return dict(zip(self.classes, (exps / exps.sum()).tolist(), strict=True))

    def best(self, left: Mention, right: Mention, features: Sequence[str]) -> tuple | None:
        """(predicate, subject, object, probability) of the most probable class the ontology
        allows for this pair, or None when only ``none`` fits."""
        best = None
        for name, p in self.probabilities(features).items():
            if name == NONE:
                continue
            predicate, direction = name[:-1], name[-1]
            subject, obj = (left, right) if direction == ">" else (right, left)
            domain, range_ = SIGNATURES[predicate]
            if subject.kind in domain and obj.kind in range_ and (best is None or p > best[3]):
                best = (predicate, subject, obj, p)
        return best

    def decide(self, left: Mention, right: Mention, features: Sequence[str]) -> tuple | None:
        """``best``, when it clears its predicate's threshold; otherwise None."""
        best = self.best(left, right, features)
        if best is None or best[3] < self.thresholds.get(best[0], math.inf):
            return None
        return best


@lru_cache(maxsize=2)
def load(path: Path = MODEL_FILE) -> LinearModel:
    """The model in ``path``, read once per process."""
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def candidate_pairs(mentions: Sequence[Mention]) -> Iterable[tuple[Mention, Mention]]:
    """Ordered, non-overlapping pairs of one sentence's mentions with different names."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for left, right in combinations(ordered, 2):
        if left.end <= right.start <= left.end + MAX_GAP and left.name != right.name:
            yield left, right


def by_sentence(mentions: Iterable[Mention]) -> dict[Sentence, list[Mention]]:
    """Mentions grouped by their sentence, in document order."""
    grouped: dict[Sentence, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return grouped


# "X was blamed for shelling a school in Y", "X's turf war in Y": where X fought, not where it is
_VIOLENCE = re.compile(
    r"\b(?:war|wars|warfare|fighting|fought|fight|fights|battl\w*|clash\w*|shell\w*|attack\w*"
    r"|strikes?|struck|bomb\w*|raid\w*|ambush\w*|assault\w*|offensive|kill\w*|fir(?:ed|ing)"
    r"|rocket\w*|kidnap\w*|abduct\w*|seiz\w*|captur\w*|storm\w*|stormed|massacre\w*)\b",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(r"-(?!based\b)[^\W\d_]")  # "a Varnia-backed group", not "-based"


# "north-east of Baghdad in Diyala", "20 km from Mosul in Nineveh": a place named as a bearing
# is no subject of the place after it (what lies there is)
_BEARING = re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|(?:km|kilometres"
    r"|kilometers|miles)\s+(?:from|of|outside))\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_IN = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
# "a X camp in Y": one of X's camps is there, not X ("the X headquarters in Y" places X)
_ONE_OF_ITS = re.compile(r"\b(?:a|an)\s+\Z", re.IGNORECASE)
# "X, who founded Y, now lives in Z", "Y ... his home village in Z": where a person lives or comes
# from, not where a body is
_HOME = re.compile(
    r"\b(?:lives?|lived|living|resides?|resided|residing|born|grew\s+up|hails?|hailed"
    r"|home\s+(?:village|town|city)|hometown|native)\b",
    re.IGNORECASE,
)


def placed(text: str, mentions: Sequence[Mention], subject: Mention, obj: Mention) -> bool:
    """Whether the classifier may say ``subject`` locatedIn ``obj``. Its place pairs were its
    main source of wrong statements on news ("Erbil ... Iran"). Refused: shapes whose
    out-of-fold precision on Re-DocRED dev stays below the 0.7 target, the place named before
    the thing it contains (0.61), a person or organization between the two (0.66), the place a
    possessor ("Iran's interior minister", 0.63); and an organization placed in a country
    adjective, right in Wikipedia ("a Japanese company") but in the news an allegiance ("an
    Iranian-trained militia"; the demonym rule says affiliatedWith), an organization
    placed where a time follows ("gunmen from X in Basra on Friday": where they fought), and
    anything placed past a word of violence ("X was blamed for shelling a school in Y", "X's
    turf war in Y": where it fought; "a baker from X was hurt when a shell hit a bus in Y"), a
    person or organization placed past where someone lives ("X, who founded Y, now lives in
    Z"), an organization that only names one of its sites ("at a Y camp in Z"), and a place
    named as a bearing ("north-east of Baghdad in Diyala": what lies there is in Diyala)."""
    if obj.start < subject.end:
        return False
    if _BEARING.search(text, subject.sentence.start, subject.start) and _IN.fullmatch(
        text, subject.end, obj.start
    ):
        return False
    if subject.kind is EntityKind.ORGANIZATION and told_at_a_time(text, obj):
        return False
    if _VIOLENCE.search(text, subject.end, obj.start) or (
        subject.kind is not EntityKind.PLACE and _HOME.search(text, subject.end, obj.start)
    ):
        return False
    if (
        subject.kind is EntityKind.ORGANIZATION
        and _ONE_OF_ITS.search(text, subject.sentence.start, subject.start)
        and before_a_noun(text, subject.sentence, subject)
    ):
        return False
    if any(
        m.kind is not EntityKind.PLACE and subject.end <= m.start and m.end <= obj.start
        for m in mentions
    ):
        return False
    if POSSESSOR.match(text, obj.end) or _QUALIFIER.match(text, obj.end):
        return False
    return not (subject.kind is EntityKind.ORGANIZATION and obj.text in COUNTRY_OF)


def crosses(text: str, mentions: Sequence[Mention], left: Mention, right: Mention) -> bool:
    """Whether a name of the same kind as one end lies between the two, outside a list with
    that end: "X, the head of the Y, lobbied Z" relates X to Y, not to Z. Out of fold on
    Re-DocRED dev and the news sentences, the classifier's relations other than locatedIn
    across such a name were right 12 times in 41 (0.29), against 0.58 for the rest."""
    for m in mentions:
        if left.end <= m.start and m.end <= right.start:
            if m.kind is right.kind and not COORDINATION.fullmatch(text, m.end, right.start):
                return True
            if m.kind is left.kind and not COORDINATION.fullmatch(text, left.end, m.start):
                return True
    return False


def leaves_an_aside(text: str, mentions: Sequence[Mention], left: Mention, right: Mention) -> bool:
    """Whether ``left`` stands in an aside about an earlier name that closes before ``right``
    and its clause goes on: "X, which Iran arms, is based in Y" and "X — not the Z — was
    founded by Y" say nothing of Iran or Z and Y. Only a relative clause or a phrase between
    dashes: brackets in Wikipedia hold another name of X ("The University of Uyo (UNIUYO) is
    located in Uyo"), and a participle may place X ("X, situated north of Y, the town ...")."""
    for m in mentions:
        if m.end <= left.start:
            aside = subject_aside(text, m.end)
            if aside is not None and aside.group("closed") and left.end <= aside.end():
                return aside.end() <= right.start
    return False


def owns_the_next(text: str, mentions: Sequence[Mention], right: Mention) -> bool:
    """Whether ``right`` is a body's possessive right before another name ("commander of
    Hezbollah's Nasr Unit"): the relation is with the name it owns, as the rules read it."""
    owner = POSSESSOR.match(text, right.end)
    return (
        right.kind is not EntityKind.PERSON
        and owner is not None
        and any(m.start == owner.end() for m in mentions)
    )


# "X, the Y leader, and Z, its spokesman": Z opens the next item of a list of appositions
_NEXT_ITEM = re.compile(r",\s+and\s+\Z")
_KIN_CUE = re.compile(
    r"\b(?:{}|married|marriage|wed|family|families)s?\b".format("|".join(map(re.escape, KIN))),
    re.IGNORECASE,
)
_RIVAL_CUE = re.compile(
    r"\b(?:rival\w*|feud\w*|clash\w*|fought|fight\w*|battl\w*|enem(?:y|ies)|foes?|nemesis"
    r"|adversar\w*|compet\w*|tensions?|disput\w*|against|accus\w*|attack\w*|struggle|versus"
    r"|vs|war|opponents?|oppos\w*|hostil\w*|enmity|bad\s+blood|vendetta)\b",
    re.IGNORECASE,
)
CUES = {"relativeOf": _KIN_CUE, "rivalOf": _RIVAL_CUE}
"""Relations the classifier may assert only with a word that says so near the pair: without
one, its relativeOf and rivalOf on news were two names of one list ("X and Y, the leaders of
Z")."""
KIN_REACH = 40
"""How many characters around the pair a cue word may stand to make the relation plausible."""


def cued(text: str, sentence: Sentence, predicate: str, left: Mention, right: Mention) -> bool:
    """Whether a cue word of ``predicate`` (``CUES``) stands between or near the two names;
    relations without a cue word in ``CUES`` need none."""
    cue = CUES.get(predicate)
    begin, end = (
        max(sentence.start, left.start - KIN_REACH),
        min(sentence.end, right.end + KIN_REACH),
    )
    return cue is None or cue.search(text, begin, end) is not None


def admissible(
    text: str, mentions: Sequence[Mention], predicate: str, subject: Mention, obj: Mention
) -> bool:
    """Whether a class the model chose may be asserted here: nothing is said from inside an
    aside to a name after it (``leaves_an_aside``), places must be ``placed``, other
    relations must not reach across a name of an end's kind (``crosses``); nothing is said
    of a person that opens the next item of a list of appositions, relativeOf and rivalOf need
    a cue word (``cued``), and what the rules veto (denied, a splinter group) is refused too."""
    sentence = subject.sentence
    if vetoed(text, sentence, predicate, subject, obj):
        return False
    left, right = sorted((subject, obj), key=lambda m: m.start)
    if leaves_an_aside(text, mentions, left, right):
        return False
    if predicate == "locatedIn":
        return placed(text, mentions, subject, obj)
    if owns_the_next(text, mentions, right):
        return False
    if right.kind is EntityKind.PERSON and _NEXT_ITEM.search(text, left.end, right.start):
        return False
    if not cued(text, sentence, predicate, left, right):
        return False
    return not crosses(text, mentions, left, right)


def pair_spans(a: Mention, b: Mention) -> frozenset[tuple[int, int]]:
    """Where two mentions stand, in either order: a pair a rule related is not scored."""
    return frozenset(((a.start, a.end), (b.start, b.end)))


def learned_relations(
    analyzed: AnalyzedDocument, found: Sequence[Relation], model: LinearModel | None = None
) -> tuple[Relation, ...]:
    """Relations the classifier asserts between pairs of one sentence that ``found`` (the
    rules' relations) leaves unrelated."""
    model = model or load()
    text = analyzed.document.text
    covered = {pair_spans(r.subject, r.object) for r in found}
    relations = []
    for sentence, mentions in by_sentence(analyzed.mentions).items():
        for left, right in candidate_pairs(mentions):
            if pair_spans(left, right) in covered:
                continue
            features = pair_features(text, sentence, left, right, mentions)
            decision = model.decide(left, right, features)
            if decision is not None and admissible(text, mentions, *decision[:3]):
                predicate, subject, obj, _ = decision
                relations.append(Relation(subject, predicate, obj, sentence, RULE))
    return tuple(relations)
