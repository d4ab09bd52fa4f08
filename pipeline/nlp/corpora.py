"""Readers that turn the openly licensed NER corpora into gold spaCy ``Doc`` objects.

Each corpus uses its own tokens and label set; here they become one label scheme (the model's:
PERSON, ORG, GPE, NORP, DATE, EVENT) and running text with ordinary spacing, so that training
sees the same text the tokenizer sees at run time (spaCy aligns its own tokens to the gold ones).
A label that cannot be mapped safely is left *missing*, not "O", so the model is not taught
that, say, a CrossNER "misc" nationality or an unannotated year is not an entity.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.demonyms import country_name
from pipeline.nlp.titles import leading_title

GMB_CSV = Path("gmb_kaggle_ner") / "ner_dataset.csv"
CROSSNER = Path("crossner_politics")
REDOCRED_DEV = Path("redocred") / "dev_revised.json"

# ATTRIBUTION.txt: the file was cut at Excel's row limit inside this sentence.
GMB_TRUNCATED_SENTENCE = 47959
GMB_LABELS = {"geo": "GPE", "gpe": "NORP", "org": "ORG", "per": "PERSON", "tim": "DATE"}
GMB_LABELS["eve"] = "EVENT"  # art and nat are dropped (few, and not types ldpub publishes)

# CrossNER politics types in the model's scheme; "misc", "event" and "election" stay missing.
CROSSNER_TRAIN_LABELS = {
    "politician": "PERSON",
    "person": "PERSON",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "country": "GPE",
    "location": "GPE",
}
# For evaluation: the three classes ldpub publishes; GPE and LOC are one PLACE class.
CROSSNER_EVAL_LABELS = {
    "politician": "PERSON",
    "person": "PERSON",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "country": "PLACE",
    "location": "PLACE",
}

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "“", "‘"}
_CLITICS = {"'s", "’s", "n't", "'ll", "'m", "'re", "'ve", "'d"}
# CrossNER has no date type: these tokens are probably unannotated dates, so they stay missing.
_DATE_LIKE = re.compile(
    r"(?:1[0-9]|20)\d\d|January|February|March|April|May|June|July|August|September|October"
    r"|November|December"
)


def spaces_for(words: Sequence[str]) -> list[bool]:
    """Whether each token is followed by a space, so the tokens read as ordinary text."""
    spaces = [True] * len(words)
    open_double = False
    for i, word in enumerate(words):
        if word == '"':
            if open_double:  # closing quote: attach to the previous token
                if i:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            open_double = not open_double
        elif i and (
            word in _NO_SPACE_BEFORE
            or word in _CLITICS
            or (word == "'" and words[i - 1][-1:] in ("s", "S"))  # plural possessive
        ):
            spaces[i - 1] = False
        if word in _NO_SPACE_AFTER:
            spaces[i] = False
    if words:
        spaces[-1] = False
    return spaces


def _token_starts(words: Sequence[str], spaces: Sequence[bool]) -> list[int]:
    starts, pos = [], 0
    for word, space in zip(words, spaces, strict=True):
        starts.append(pos)
        pos += len(word) + int(space)
    return starts


def strip_person_titles(words: Sequence[str], spaces: Sequence[bool], iob: list[str]) -> None:
    """Move titles out of PERSON spans in place ("B-PERSON Mr." -> "O"), as ldpub reports them.

    GMB tags "President Bush" and even a lone "Prime" (of "Prime Minister") as a person; the
    title run is read on the text from the span on, so a title split across spans goes too.
    """
    starts = _token_starts(words, spaces)
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
    i = 0
    while i < len(iob):
        if iob[i] != "B-PERSON":
            i += 1
            continue
        end = i + 1
        while end < len(iob) and iob[end] == "I-PERSON":
            end += 1
        cut = starts[i] + leading_title(text[starts[i] :])
        first = i
        while first < end and starts[first] < cut:
            iob[first] = "O"
            first += 1
        if first < end:
            iob[first] = "B-PERSON"
        i = end


@dataclass(frozen=True)
class GmbSentence:
    number: int
    words: tuple[str, ...]
    pos: tuple[str, ...]
    tags: tuple[str, ...]  # the corpus's IOB tags (B-geo, I-per, O, ...)


def read_gmb(corpora: Path) -> Iterator[GmbSentence]:
    """The GMB sentences (cp1252, CRLF, "Sentence: N" starts one), less the truncated last one."""
    with (corpora / GMB_CSV).open(encoding="cp1252", newline="") as f:
        rows = csv.reader(f)
        next(rows)  # header
        number, words, pos, tags = 0, [], [], []
        for first, word, tag_pos, tag in rows:
            if first.startswith("Sentence:"):
                if words:
                    yield GmbSentence(number, tuple(words), tuple(pos), tuple(tags))
                number, words, pos, tags = int(first.split(":")[1]), [], [], []
            words.append(word)
            pos.append(tag_pos)
            tags.append(tag)
        if words and number != GMB_TRUNCATED_SENTENCE:
            yield GmbSentence(number, tuple(words), tuple(pos), tuple(tags))


def gmb_split(number: int) -> str:
    """Deterministic split by sentence number: every 10th is test, every 20th from 5 is dev."""
    if number % 10 == 0:
        return "test"
    if number % 20 == 5:
        return "dev"
    return "train"


def _map_iob(tags: Sequence[str], labels: Mapping[str, str]) -> list[str]:
    out = []
    for tag in tags:
        prefix, _, kind = tag.partition("-")
        out.append(f"{prefix}-{labels[kind]}" if kind in labels else "O")
    return out


def gmb_doc(vocab: Vocab, sentence: GmbSentence, *, countries_as_places: bool = False) -> Doc:
    """A gold Doc with model labels, Penn POS tags and titles moved out of person names.

    ``countries_as_places`` (training only) relabels a country GMB tags as an organization
    ("the U.S. said") as a place, as ldpub publishes it: the model then need not learn when a
    country acts, and the held-out test keeps GMB's own labels.
    """
    words = list(sentence.words)
    spaces = spaces_for(words)
    iob = _map_iob(sentence.tags, GMB_LABELS)
    strip_person_titles(words, spaces, iob)
    if countries_as_places:
        _countries_as_places(words, iob)
    return Doc(vocab, words=words, spaces=spaces, tags=list(sentence.pos), ents=iob)


def _countries_as_places(words: Sequence[str], iob: list[str]) -> None:
    """ORG spans whose words name a country become GPE spans, in place."""
    i = 0
    while i < len(iob):
        end = i + 1
        while end < len(iob) and iob[end] == "I-ORG":
            end += 1
        if iob[i] == "B-ORG" and country_name(" ".join(words[i:end])) is not None:
            iob[i:end] = ["B-GPE"] + ["I-GPE"] * (end - i - 1)
        i = end


def gmb_nationalities(sentences: Sequence[GmbSentence]) -> frozenset[str]:
    """Words GMB tags mostly as gpe (nationality adjectives: "Iraqi", "German")."""
    votes: Counter[tuple[str, str]] = Counter()
    for s in sentences:
        for word, tag in zip(s.words, s.tags, strict=True):
            if tag in ("B-gpe", "B-geo"):
                votes[word, tag] += 1
    return frozenset(
        w for (w, t), n in votes.items() if t == "B-gpe" and n >= 3 and n > votes[w, "B-geo"]
    )


def read_crossner(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, IOB2 tags) per sentence of a CrossNER file (token TAB tag, blank line between)."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        word, tag = line.split("\t")
        words.append(word)
        tags.append(tag)
    if words:
        yield words, tags


def crossner_doc(
    vocab: Vocab, words: list[str], tags: list[str], labels: Mapping[str, str], *, training: bool
) -> Doc:
    """A gold Doc; for training, unmapped entities and date-like tokens are left missing."""
    iob = _map_iob(tags, labels)
    if training:
        for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
            unmapped = tag != "O" and tag.partition("-")[2] not in labels
            if unmapped or (tag == "O" and _DATE_LIKE.fullmatch(word)):
                iob[i] = ""
    return Doc(vocab, words=words, spaces=spaces_for(words), ents=iob)


def redocred_docs(vocab: Vocab, path: Path, nationalities: frozenset[str]) -> Iterator[Doc]:
    """One gold Doc per Re-DocRED sentence: PER, ORG, LOC (nationality words as NORP), TIME.

    NUM is not an entity here ("O"); MISC (events, works, other names) stays missing, as do
    mentions that overlap an earlier one.
    """
    for document in json.loads(path.read_text(encoding="utf-8")):
        spans: dict[int, list[tuple[int, int, str]]] = {}
        for entity in document["vertexSet"]:
            for m in entity:
                spans.setdefault(m["sent_id"], []).append((*m["pos"], m["type"]))
        for sent_id, words in enumerate(document["sents"]):
            iob = ["O"] * len(words)
            for start, end, kind in sorted(spans.get(sent_id, ())):
                if any(iob[i] != "O" for i in range(start, end)):
                    continue
                label = {"PER": "PERSON", "ORG": "ORG", "TIME": "DATE", "LOC": "GPE"}.get(kind)
                if kind == "LOC" and " ".join(words[start:end]) in nationalities:
                    label = "NORP"
                if kind == "NUM":
                    continue
                if label is None:
                    iob[start:end] = [""] * (end - start)
                    continue
                iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
            yield Doc(vocab, words=words, spaces=spaces_for(words), ents=iob)
