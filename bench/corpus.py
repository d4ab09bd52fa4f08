"""Generate a benchmark corpus of news articles from the GMB Voice of America sentences.

    python -m bench.corpus OUT_DIR [--articles 10000] [--seed 0] [--corpora ../shared/corpora]

The GMB extract (ODbL; the VOA texts are public domain, see its ATTRIBUTION.txt) holds 47,958
complete sentences in their original order, so consecutive sentences read as one story. Each
article is a run of 15-30 consecutive sentences starting at a seeded random sentence: its first
sentence, shortened, is the title line, the rest the body in paragraphs of 2-4 sentences, and a
``NAME.meta.json`` sidecar gives a plausible VOA URL and publication date (2004-2010). Runs may
overlap, so 10,000 articles (about 220,000 sentences) reuse sentences; for a build benchmark that
only makes entity resolution see familiar names, as a real feed would.

The output is generated, never committed; the same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.nlp.corpora import read_gmb, spaces_for

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
MIN_SENTENCES, MAX_SENTENCES = 15, 30
TITLE_WORDS = 12
FIRST_DAY, LAST_DAY = dt.date(2004, 1, 1), dt.date(2010, 12, 31)


def _text(words: Sequence[str]) -> str:
    return "".join(w + (" " if s else "") for w, s in zip(words, spaces_for(words), strict=True))


def _title(words: Sequence[str]) -> str:
    """The first sentence's opening words, without the final punctuation, as a headline."""
    head = list(words[:TITLE_WORDS])
    while head and head[-1] in {".", ",", ";", ":", '"', "'"}:
        head.pop()
    return _text(head)


def article(sentences: Sequence[Sequence[str]], rng: random.Random) -> str:
    """The article text: a title line, a blank line, paragraphs of 2-4 sentences.

    The title repeats the opening of the first sentence with a word in it ("..." has none), as a
    headline does its lede.
    """
    paragraphs, i = [], 0
    while i < len(sentences):
        n = rng.randint(2, 4)
        paragraphs.append(" ".join(_text(s) for s in sentences[i : i + n]))
        i += n
    lede = next((s for s in sentences if any(w[:1].isalpha() for w in s)), sentences[0])
    return "\n\n".join([_title(lede), *paragraphs]) + "\n"


def generate(corpora: Path, out: Path, articles: int, seed: int) -> int:
    """Write ``articles`` articles and sidecars into ``out``; returns the number of words."""
    sentences = [s.words for s in read_gmb(corpora)]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    span = (LAST_DAY - FIRST_DAY).days
    words = 0
    width = len(str(articles))
    for n in range(articles):
        size = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
        start = rng.randrange(len(sentences) - size)
        run = sentences[start : start + size]
        words += sum(len(s) for s in run)
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        name = f"voa-{n:0{width}d}"
        (out / f"{name}.txt").write_text(article(run, rng), encoding="utf-8")
        sidecar = {
            "url": f"https://www.voanews.com/archive/{published:%Y/%m}/gmb-{start + 1}",
            "published": published.isoformat(),
            "publisher": "Voice of America",
            "language": "en",
        }
        (out / f"{name}.meta.json").write_text(json.dumps(sidecar) + "\n", encoding="utf-8")
    return words


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the articles into")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args(argv)
    if not (args.corpora / "gmb_kaggle_ner" / "ner_dataset.csv").is_file():
        parser.error(f"{args.corpora}/gmb_kaggle_ner/ner_dataset.csv not found: pass --corpora.")
    if args.articles < 1:
        parser.error("--articles must be at least 1.")
    words = generate(args.corpora, args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles ({words} words) to {args.out}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
