"""How much faster two processes analyse than one on this machine: the ceiling of ``--jobs 2``.

    python -m bench.parallel_ceiling [--articles 120] [--rounds 2] [--corpora ../shared/corpora]

Generates the build bench's corpus (``bench/corpus.py``, seed 0), then times the analysis alone
(segmentation, NER, relations and events: ``pipeline.workers.analyze`` in the build's batches,
the model loaded before the clock starts) of each half of it: each half in one process on its
own, then both halves in two processes at once. The ratio, the two halves' times alone over
the slower of the two at once, is what the hardware gives two workers on the build's main work
(shared caches, memory bandwidth, sibling hyperthreads). A build, whose identity resolution and
store loading run in one process, stays below it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import DEFAULT_CORPORA, generate


def _child(folder: Path, part: int) -> None:
    """Analyse every other document of ``folder`` (``part`` 0 or 1); print the seconds."""
    from pipeline import workers
    from pipeline.build import POOL_BATCH
    from pipeline.cache import BuildCache
    from pipeline.documents import read_documents

    documents, _ = read_documents([folder])
    half = documents[part::2]
    workers.start("ldpub_ner_gmb")
    workers.loaded()  # the model's loading is no analysis
    with tempfile.TemporaryDirectory() as cache_dir:
        cache = BuildCache(Path(cache_dir), "probe", enabled=False)
        started = time.perf_counter()
        for i in range(0, len(half), POOL_BATCH):  # as the build hands its workers documents
            workers.analyze(half[i : i + POOL_BATCH], cache)
        print(f"{time.perf_counter() - started:.3f}")


def _run(folder: Path, parts: list[int]) -> list[float]:
    """The analysis seconds of each part, the parts' processes started together."""
    command = [sys.executable, "-m", "bench.parallel_ceiling", "--child", str(folder)]
    procs = [subprocess.Popen([*command, str(p)], stdout=subprocess.PIPE, text=True) for p in parts]
    return [float(p.communicate()[0].strip().splitlines()[-1]) for p in procs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=2, help="the fastest of each counts")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "PART"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), int(args.child[1]))
        return
    with tempfile.TemporaryDirectory(prefix="ldpub-ceiling-") as tmp:
        corpus = Path(tmp)
        words = generate(args.corpora, corpus, args.articles, 0)
        print(f"corpus: {args.articles} articles, {words} words (bench/corpus.py, seed 0)")
        alone: list[list[float]] = [[], []]
        together: list[float] = []
        for _ in range(args.rounds):
            for part in (0, 1):
                alone[part] += _run(corpus, [part])
            together.append(max(_run(corpus, [0, 1])))
        one = min(alone[0]) + min(alone[1])
        two = min(together)
        print(f"each half alone: {min(alone[0]):.2f} s + {min(alone[1]):.2f} s = {one:.2f} s")
        print(
            f"both halves at once: {two:.2f} s (rounds: {', '.join(f'{t:.2f}' for t in together)})"
        )
        print(f"two processes analyse {one / two:.2f}x as fast as one on this machine")


if __name__ == "__main__":
    main()
