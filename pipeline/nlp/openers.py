"""A one-word name at the start of a sentence, a line, a caption or a heading that is no name:
its capital letter is the sentence's ("Click here", "Detainee abuse", "Buoyed by the vote").

Three kinds of evidence, all general and measured on the open training corpora:

- the word is common and rarely a name on its own: the corpora write it in lower case outside
  any entity and not first in its sentence at least ``MIN_LOWER`` times, and tag it capitalized
  as a one-word entity at most ``MAX_ALONE_SHARE`` as often ("children", "email"; not "turkey",
  which is "Turkey" 200 times, nor "bush"). Unlike ``pipeline.lexicon``'s list, a capitalized
  use inside a longer name does not count against the word: "Save the Children" does not make
  "Children" a name, and only one-word spans are dropped here, so "New York" is safe;
- a verb's object follows it ("Email the editor", "Click here"): in the corpora a one-word name
  that opens a sentence is never followed by an article, a possessive or an object pronoun;
- a participle opens a participial clause ("Buoyed by", "Speaking to", "Asked about"): a word
  ending in "-ed" or "-ing" followed by a preposition, an article or a comma (in the corpora,
  one sentence-opening name in 140 such openings, "During" mistagged as a time).

``python -m pipeline.lexicon`` rebuilds ``pipeline/data/common_alone.txt``, with the other
word lists, from ``../shared/corpora`` (GMB training split, CrossNER politics train+dev,
Re-DocRED dev: the model's own training data, never an evaluation set).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline import lexicon

COMMON_ALONE = Path(__file__).resolve().parents[1] / "data" / "common_alone.txt"
MIN_LOWER = 1
MAX_ALONE_SHARE = 0.05
_OBJECTS = frozenset(
    {"the", "a", "an", "here", "there", "our", "your", "my", "his", "her", "their", "its"}
    | {"us", "me", "him", "them", "it"}
)
_PREPOSITIONS = frozenset(
    {
        "by", "to", "about", "with", "from", "for", "in", "on", "at", "after", "over", "into",
        "as", "through", "under", "during", "against", "up", "out", "off", "down", "back",
    }
)  # fmt: skip
# What follows a participle that opens a clause: "Buoyed by", "Speaking to", "Asked, he said".
_AFTER_PARTICIPLE = _PREPOSITIONS | {","}


def common_alone(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """The words of (tokens, IOB tags) sentences that are common and rarely a name alone, sorted.

    A tag "" (a span the corpus leaves unannotated) counts neither way.
    """
    lower: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for words, tags in sentences:
        for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
            if not word.isalpha():
                continue
            if i > 0 and word.islower() and tag == "O":
                lower[word] += 1
            elif word[0].isupper() and tag.startswith("B") and not _continued(tags, i):
                alone[word.lower()] += 1
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and alone[w] <= MAX_ALONE_SHARE * n)


def _continued(tags: Sequence[str], i: int) -> bool:
    return i + 1 < len(tags) and tags[i + 1].startswith("I")


def training_sentences(corpora: Path) -> Iterable[tuple[Sequence[str], Sequence[str]]]:
    """``pipeline.lexicon``'s sentences and Re-DocRED dev's (Wikipedia's wider vocabulary)."""
    from spacy.vocab import Vocab

    from pipeline.nlp import corpora as c

    yield from lexicon.training_sentences(corpora)
    for doc in c.redocred_docs(Vocab(), corpora / c.REDOCRED_DEV, frozenset()):
        yield [t.text for t in doc], [_iob(t.ent_iob_, t.ent_type_) for t in doc]


def _iob(iob: str, kind: str) -> str:
    return iob if iob in ("O", "") else f"{iob}-{kind}"


@cache
def load(path: Path = COMMON_ALONE) -> frozenset[str]:
    """The shipped list (empty when the file is absent: the word rule then does nothing)."""
    if not path.is_file():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def opens_sentence(doc: Doc, i: int) -> bool:
    """The token is the sentence's first word (quotes and dashes before it do not count)."""
    j = doc[i].sent.start
    while j < i and (doc[j].is_punct or doc[j].is_space):
        j += 1
    return j == i


def capitalized_by_position(doc: Doc, start: int, end: int) -> bool:
    """The one-token span ``doc[start:end]`` opens its sentence and is a common word, a verb
    before its object or a participle opening a clause (see the module's docstring)."""
    token = doc[start]
    if end - start != 1 or not token.is_title or not opens_sentence(doc, start):
        return False
    if token.lower_ in load() or token.lower_ in lexicon.load():
        return True
    following = doc[end].lower_ if end < len(doc) and doc[end].sent == token.sent else ""
    participle = token.lower_.endswith(("ed", "ing"))
    return following in _OBJECTS or (participle and following in _AFTER_PARTICIPLE)
