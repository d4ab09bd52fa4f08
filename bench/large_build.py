"""A build at the scale of issue 5: a generated corpus of 10,000 articles, built for real.

    .venv/bin/python -m bench.large_build [--articles 10000] [--jobs 2] [--keep DIR]

Generates the corpus with ``bench/corpus.py`` (seed 0), runs ``ldpub build --jobs N --full``
on it from a copy of the code (as ``bench/build_bench.py`` does) and samples the resident
memory of the build and its worker processes every 0.2 s. Prints words/s, documents/s, the
published triples, the quarantined documents and the peak memory, with the load average. With
``--keep DIR`` the publication stays in DIR, so the serving side can be measured on the real
build instead of replicated copies::

    .venv/bin/python -m bench.scale_bench --source DIR/dumps/ldpub.nq.gz --triples 6000000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.build_bench import snapshot
from bench.common import BASE, peak_rss, status, uptime
from bench.corpus import DEFAULT_CORPORA, generate

PEAK_TARGET = 4 * 1024**3  # bytes: the memory bound the serving side is held to


def build(code: Path, corpus: Path, out: Path, jobs: int) -> tuple[float, int, list[int]]:
    """Seconds, exit code and peak resident bytes (build and workers, build alone) of one full
    build of ``corpus`` into ``out``."""
    command = [sys.executable, "-m", "pipeline.cli", "build", str(corpus), "--out", str(out)]
    command += ["--jobs", str(jobs), "--full", "--base-uri", BASE]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=code, stdout=subprocess.DEVNULL)  # progress: stderr
    with peak_rss(process.pid) as peak:
        returncode = process.wait()
    return time.perf_counter() - started, returncode, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args()
    if args.articles < 1 or args.jobs < 1:
        parser.error("--articles and --jobs must be at least 1.")
    with tempfile.TemporaryDirectory(prefix="ldpub-large-build-") as tmp_name:
        tmp = Path(tmp_name)
        code = snapshot(tmp / "code")
        corpus = tmp / "corpus"
        status(f"generating {args.articles} articles")
        generate(args.corpora, corpus, args.articles, seed=0)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
        out = args.keep or tmp / "dist"
        status(f"building {args.articles} articles ({words:,} words) into {out}")
        before = uptime()
        seconds, exit_code, peak = build(code, corpus, out, args.jobs)
        report = out / "reports" / "summary.json"
        if exit_code not in (0, 1) or not report.is_file():  # 1: some quarantined, still a build
            sys.exit(f"ldpub build failed (exit {exit_code}); its stderr says why")
        summary = json.loads(report.read_text(encoding="utf-8"))
        print(f"\nLarge build, --jobs {args.jobs} (before: {before}; after: {uptime()})")
        print(f"articles: {args.articles}, words: {words:,}")
        print(f"time: {seconds:,.0f} s; {words / seconds:,.0f} words/s; ", end="")
        print(f"{args.articles / seconds:.2f} documents/s")
        print(
            f"published: {summary['triples']:,} triples; {summary['documents']} documents; ", end=""
        )
        print(f"{summary['quarantined']} quarantined")
        verdict = "PASS" if peak[0] <= PEAK_TARGET else "MISS"
        print(
            f"peak memory (build + workers): {peak[0] / 1024**3:.2f} GiB  target <= 4 GiB  "
            f"{verdict}; the build process alone: {peak[1] / 1024**3:.2f} GiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
