"""The publication folder: each build writes a release aside and swaps it in atomically.

Layout of ``DIR``::

    releases/<run-id>/{store,dumps,reports,publication.json}
    current -> releases/<run-id>          (replaced in one rename)
    store, dumps, reports, publication.json -> current/...   (fixed links)

A build that dies leaves at most a ``releases/.<run-id>.partial`` folder, which the next build
removes; ``current`` keeps pointing at the last complete release, which stays served.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ENTRIES = ("store", "dumps", "reports", "publication.json")
OWN = frozenset({*ENTRIES, "releases", "current", ".current.tmp", "quarantine", "cache"})
KEEP_RELEASES = 2  # the current one and the one a server may still be finishing requests on


class PublishError(ValueError):
    """The output folder cannot take a publication; the message says what to do."""


def check_out(out: Path) -> None:
    """Refuse an output path that is a file or a folder of someone else's files."""
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} is a file, not a folder: choose another --out.")
    foreign = [p.name for p in out.iterdir() if p.name not in OWN] if out.is_dir() else []
    if foreign:
        raise PublishError(
            f"{out} already holds files that are not an ldpub publication: "
            "choose another --out (ldpub never deletes what it did not write)."
        )


def start_release(out: Path, run_id: str) -> Path:
    """A fresh, empty folder to write a release into, named after the run."""
    check_out(out)
    releases = out / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    for stale in releases.glob(".*.partial"):
        shutil.rmtree(stale, ignore_errors=True)
    partial = releases / f".{run_id}.partial"
    partial.mkdir()
    return partial


def finish_release(out: Path, partial: Path, run_id: str) -> Path:
    """Make ``partial`` the current release in one atomic rename, then drop old releases."""
    releases = out / "releases"
    name = run_id
    n = 1
    while (releases / name).exists():
        n += 1
        name = f"{run_id}-{n}"
    final = releases / name
    partial.rename(final)
    link = out / ".current.tmp"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(Path("releases") / name)
    os.replace(link, out / "current")
    for entry in ENTRIES:
        fixed = out / entry
        if not fixed.is_symlink():
            fixed.symlink_to(Path("current") / entry)
    _prune(releases, keep=final)
    return final


def _prune(releases: Path, keep: Path) -> None:
    done = sorted(
        (p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
    )
    for old in done[:-KEEP_RELEASES]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
