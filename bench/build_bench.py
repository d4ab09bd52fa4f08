"""Build throughput, measured side by side in one run (these machines are noisy).

    python -m bench.build_bench [--articles 200] [--rounds 3] [--corpora ../shared/corpora]
        [--profile]

Generates a corpus with ``bench/corpus.py`` (seed 0) in a temporary folder, then times
``ldpub build`` commands end to end (process start to exit, model loading and publishing
included): full builds with ``--jobs 1`` and ``--jobs 2``, alternated ``--rounds`` times (the
fastest of each counts: on a shared machine the slower ones measure the neighbours), and a
rebuild of the unchanged corpus into the first build's folder, which reuses its cache. It
prints words/s and documents/s of each, the 2-vs-1 speedup, the rebuild's time as a fraction
of the full build's, and PASS/MISS against the targets of issue 5. ``--profile`` also runs
one in-process build under cProfile and prints where the time goes.

Other processes on the machine slow the runs unevenly, the two-worker run most: the load
average is printed before and after, so a figure taken on a busy machine can be read as such,
and each run's CPU time (its processes' user + system time) is printed beside its wall time:
words per CPU second is the per-core throughput, which the machine's load barely changes.
The builds run a copy of the code taken at the start, so editing the working tree meanwhile
neither mixes versions nor invalidates the cache between the full build and the rebuild.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import DEFAULT_CORPORA, generate

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_CORE = 3000.0
SPEEDUP_2 = 1.7
REBUILD_FRACTION = 0.10
_REUSED = re.compile(r"reused from cache\s*│\s*(\d+)")


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: float
    cpu: float  # user + system seconds of the build and its worker processes
    reused: int


def snapshot(folder: Path) -> Path:
    """A copy of the code, shapes and ontology; ``python -m`` in it imports this copy."""
    for name in ("pipeline", "shapes", "ontology"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def _build(code: Path, corpus: Path, out: Path, jobs: int, label: str, *extra: str) -> Timing:
    command = [sys.executable, "-m", "pipeline.cli", "build", str(corpus), "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--jobs", str(jobs), *extra],
        cwd=code,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):  # 1: some documents quarantined, still a build
        sys.exit(f"{label}: ldpub build failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    reused = _REUSED.search(done.stderr)
    return Timing(label, seconds, cpu, int(reused.group(1)) if reused else 0)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def _profile(corpus: Path, out: Path) -> None:
    from pipeline.build import build

    profile = cProfile.Profile()
    profile.runcall(
        build, [corpus], out, base_uri="http://localhost:8000/", model="ldpub_ner_gmb", cache=False
    )
    print("\nprofile of one in-process build with --jobs 1 (top 25 by own time):")
    pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(25)


def run(articles: int, corpora: Path, profile: bool, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="ldpub-build-bench-") as tmp:
        code = snapshot(Path(tmp) / "code")
        corpus = Path(tmp) / "corpus"
        generate(corpora, corpus, articles, seed=0)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
        print(f"corpus: {articles} articles, {words} words (bench/corpus.py, seed 0)")
        print(f"before: {_load()}")
        ones, twos = [], []
        for _ in range(rounds):  # alternated, so a busy spell slows both alike
            ones.append(
                _build(code, corpus, Path(tmp) / "one", 1, "full build, --jobs 1", "--full")
            )
            twos.append(
                _build(code, corpus, Path(tmp) / "two", 2, "full build, --jobs 2", "--full")
            )
        one = min(ones, key=lambda t: t.seconds)
        two = min(twos, key=lambda t: t.seconds)
        if rounds > 1:
            print("rounds (s): --jobs 1 " + ", ".join(f"{t.seconds:.1f}" for t in ones), end="; ")
            print("--jobs 2 " + ", ".join(f"{t.seconds:.1f}" for t in twos) + " (best is used)")
        again = _build(code, corpus, Path(tmp) / "one", 1, "unchanged rebuild, --jobs 1")
        print(f"after:  {_load()}\n")
        print(
            f"{'run':<28} {'seconds':>8} {'words/s':>9} {'docs/s':>8} {'CPU s':>7} "
            f"{'words/CPU s':>11} {'reused':>7}"
        )
        for t in (one, two, again):
            print(
                f"{t.label:<28} {t.seconds:8.1f} {words / t.seconds:9.0f} "
                f"{articles / t.seconds:8.2f} {t.cpu:7.1f} {words / t.cpu:11.0f} {t.reused:7d}"
            )
        per_core = words / one.seconds
        speedup = one.seconds / two.seconds
        fraction = again.seconds / one.seconds
        print()
        print(
            f"words/s per core (--jobs 1): {per_core:.0f}  "
            f"target >= {WORDS_PER_CORE:.0f}  {_verdict(per_core >= WORDS_PER_CORE)}"
        )
        per_cpu = words / one.cpu
        print(
            f"words per CPU second (--jobs 1): {per_cpu:.0f}  "
            f"target >= {WORDS_PER_CORE:.0f}  {_verdict(per_cpu >= WORDS_PER_CORE)}"
        )
        print(
            f"speedup --jobs 2 vs --jobs 1: {speedup:.2f}x  "
            f"target >= {SPEEDUP_2}x  {_verdict(speedup >= SPEEDUP_2)}"
        )
        print(
            f"unchanged rebuild / full build: {fraction:.1%}  "
            f"target <= {REBUILD_FRACTION:.0%}  {_verdict(fraction <= REBUILD_FRACTION)}"
            + ("" if again.reused == articles else "  (not every document was reused!)")
        )
        if profile:
            _profile(corpus, Path(tmp) / "profiled")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="corpus size (articles)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--profile", action="store_true", help="also profile one build")
    parser.add_argument(
        "--rounds", type=int, default=3, help="full builds with each --jobs; the best counts"
    )
    args = parser.parse_args(argv)
    if not (args.corpora / "gmb_kaggle_ner" / "ner_dataset.csv").is_file():
        parser.error(f"{args.corpora}/gmb_kaggle_ner/ner_dataset.csv not found: pass --corpora.")
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1.")
    run(args.articles, args.corpora, args.profile, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
