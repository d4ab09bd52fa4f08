"""Common English words that a capital letter at the start of a sentence does not make a name.

"Running", "Background", "Buoyed" open sentences and headlines; the model sometimes tags them.
The list is derived from the open training corpora, never from the articles ldpub processes: a
word is common when the GMB and CrossNER training sentences write it in lower case, outside any
entity and not first in its sentence, at least ``MIN_LOWER`` times, and capitalize it there at
most ``MAX_CAPITAL_SHARE`` as often ("new" is left out: "New York"; "white": "White House").

``python -m pipeline.lexicon`` rebuilds ``pipeline/data/common_words.txt``,
``pipeline/data/common_nouns.txt`` (see ``common_nouns``) and ``pipeline/data/common_alone.txt``
(see ``pipeline.nlp.openers``) from ``../shared/corpora``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

COMMON_WORDS = Path(__file__).resolve().parent / "data" / "common_words.txt"
NOUNS = Path(__file__).resolve().parent / "data" / "common_nouns.txt"
MIN_LOWER = 2
MAX_CAPITAL_SHARE = 0.05
MIN_NOUN_SHARE = 0.9  # a word GMB tags NN/NNS at least this often is read as a noun


def common_words(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """The common words of (tokens, IOB tags) sentences, sorted."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in list(zip(words, tags, strict=True))[1:]:
            if not word.isalpha():
                continue
            if word.islower() and tag == "O":
                lower[word] += 1
            elif word[0].isupper():
                capital[word.lower()] += 1
    return sorted(
        w for w, n in lower.items() if n >= MIN_LOWER and capital[w] <= MAX_CAPITAL_SHARE * n
    )


def common_nouns(tagged: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[str]:
    """Lower-case words of (tokens, Penn POS tags) sentences that are nouns (NN, NNS) at least
    ``MIN_NOUN_SHARE`` of the time and at least ``MIN_LOWER`` times: "politician", "charts",
    not "sent" or "backs". Used to tell a name that modifies a noun from one that ends its phrase.
    """
    noun: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for words, pos in tagged:
        for word, tag in zip(words, pos, strict=True):
            if word.isalpha() and word.islower():
                seen[word] += 1
                noun[word] += tag in ("NN", "NNS")
    return sorted(w for w, n in noun.items() if n >= MIN_LOWER and n >= MIN_NOUN_SHARE * seen[w])


def training_sentences(corpora: Path) -> Iterable[tuple[Sequence[str], Sequence[str]]]:
    """GMB training-split sentences and CrossNER politics train+dev: never the evaluation data."""
    from pipeline.nlp import corpora as c

    for s in c.read_gmb(corpora):
        if c.gmb_split(s.number) == "train":
            yield s.words, s.tags
    for name in ("train.txt", "dev.txt"):
        yield from c.read_crossner(corpora / c.CROSSNER / name)


def training_pos(corpora: Path) -> Iterable[tuple[Sequence[str], Sequence[str]]]:
    """GMB training-split sentences with their Penn POS tags."""
    from pipeline.nlp import corpora as c

    for s in c.read_gmb(corpora):
        if c.gmb_split(s.number) == "train":
            yield s.words, s.pos


@cache
def load(path: Path = COMMON_WORDS) -> frozenset[str]:
    """The shipped list (empty when the file is absent: the rule then does nothing)."""
    if not path.is_file():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def main(argv: Sequence[str] | None = None) -> None:
    from pipeline.nlp import openers
    from pipeline.nlp.train import DEFAULT_CORPORA

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--output", type=Path, default=COMMON_WORDS)
    args = parser.parse_args(argv)
    words = common_words(training_sentences(args.corpora))
    args.output.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words written to {args.output}")
    nouns = common_nouns(training_pos(args.corpora))
    NOUNS.write_text("\n".join(nouns) + "\n", encoding="utf-8")
    print(f"{len(nouns)} common nouns written to {NOUNS}")
    alone = openers.common_alone(openers.training_sentences(args.corpora))
    openers.COMMON_ALONE.write_text("\n".join(alone) + "\n", encoding="utf-8")
    print(f"{len(alone)} words rarely a name alone written to {openers.COMMON_ALONE}")


if __name__ == "__main__":
    main()
