"""The ``ldpub`` command: parses arguments and calls the orchestrator or a stage, nothing more.

Exit codes follow pySHACL: 0 success / conforms, 1 some documents quarantined / does not
conform, 2 usage or input error (one sentence on stderr saying what to do).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from . import __version__
from .settings import SETTINGS, option

err = Console(stderr=True, soft_wrap=True)  # one sentence stays one line
# Every stage raises a ValueError subclass for what a user can fix (a bad path, setting or file);
# LDPUB_DEBUG=1 shows the traceback instead.
USER_ERRORS: tuple[type[Exception], ...] = (ValueError, OSError)


def _fail(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    sys.exit(2)


def _run(call: Callable[[], Any]) -> Any:
    """Run ``call``; an error the user can fix becomes one sentence and exit code 2, and so
    does a bug, after its traceback (exit code 1 means documents were quarantined)."""
    try:
        return call()
    except USER_ERRORS as exc:
        if os.environ.get("LDPUB_DEBUG"):
            raise
        _fail(str(exc))
    except Exception as exc:
        err.print_exception()
        _fail(
            f"ldpub stopped on an internal error ({type(exc).__name__}); nothing was published. "
            "This is a bug: please report it with the traceback above."
        )


_corpora_option = click.option(
    "--corpora",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder holding gmb_kaggle_ner/, crossner_politics/ and redocred/ "
    "[default: ../shared/corpora beside the checkout].",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ldpub")
def main() -> None:
    """ldpub: publish facts reported in news as validated, sentence-sourced Linked Data."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@option("out", type=click.Path(path_type=Path))
@option("base_uri")
@option("model")
@option("store")
@option("store_update")
@option("store_gsp")
@option("jobs")
@option("max_document_mb")
@click.option(
    "--full",
    "--no-cache",
    "full",
    is_flag=True,
    help="Analyse and validate every document again instead of reusing DIR/cache/.",
)
def build(
    inputs: tuple[Path, ...],
    out: Path,
    base_uri: str,
    model: str,
    store: str,
    store_update: str,
    store_gsp: str,
    jobs: int,
    max_document_mb: float,
    full: bool,
) -> None:
    """Build the publication of INPUTS (article files or folders; default: seeds/)."""
    from .build import build as run_build

    if not base_uri.startswith(("http://", "https://")):
        _fail(
            f"--base-uri must be an http(s) URI such as http://localhost:8000/, not {base_uri!r}."
        )
    # The document reader (and every build worker) reads this setting from the environment.
    os.environ[SETTINGS["max_document_mb"].env] = str(max_document_mb)
    for name, url in (("store", store), ("store-update", store_update), ("store-gsp", store_gsp)):
        if url and not url.startswith(("http://", "https://")):
            _fail(f"--{name} must be an http(s) URL such as http://127.0.0.1:8890/sparql.")
    with _bar() as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total, unit="docs")
            bar.update(tasks[stage], completed=done, total=total)

        result = _run(
            lambda: run_build(
                list(inputs) or [Path("seeds")],
                out,
                base_uri=base_uri,
                model=model,
                jobs=jobs,
                cache=not full,
                progress=progress,
            )
        )
    table = Table(title="ldpub build", show_header=True)
    table.add_column("")
    table.add_column("", justify="right")
    for key in ("documents", "quarantined", "triples", "persons", "organizations", "places"):
        table.add_row(key, str(result.summary.get(key, "-")))
    table.add_row("events", str(result.summary["events"]))
    table.add_row("reused from cache", str(result.summary.get("reused", 0)))
    table.add_row("SHACL", "conforms" if result.summary["shacl_conforms"] else "violations")
    err.print(table)
    for q in result.quarantined:
        err.print(f"[yellow]quarantined[/] {q.path}: {q.reason}", highlight=False)
    if result.summary.get("unchanged"):
        err.print(
            f"nothing changed since release {result.publication.release.name}: it stays published "
            "(--full builds it again)"
        )
    elif result.publication:
        err.print(f"published to {out}/ (release {result.publication.release.name})")
        if store:
            _load_remote(result.publication.release, base_uri, store, store_update, store_gsp)
    else:
        err.print(f"nothing published; {out}/ is unchanged")
    sys.exit(result.exit_code)


class _Rate(ProgressColumn):
    """Items per second of a task that names its unit (``add_task(..., unit="docs")``)."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit")
        return Text(f"{task.speed:.1f} {unit}/s" if unit and task.speed else "")


def _bar() -> Progress:
    return Progress(
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _load_remote(release: Path, base_uri: str, query: str, update: str, gsp: str) -> None:
    """Put the new release's graphs into the remote store (see pipeline.store.load)."""
    from .store import RemoteStore
    from .store.load import load_release

    total = json.loads((release / "publication.json").read_text())["counts"]["triples"]
    with _bar() as bar:
        task = bar.add_task("remote", total=total)
        loaded = _run(
            lambda: load_release(
                release,
                RemoteStore(query, update, gsp),
                base_uri,
                lambda n: bar.advance(task, n),
            )
        )
    err.print(
        f"loaded {loaded.graphs} graphs ({loaded.triples} triples) into {query}; "
        f"dropped {loaded.dropped} stale graphs"
    )


@main.command()
@click.argument("dist", required=False, default="dist", type=click.Path(path_type=Path))
@option("host")
@option("port")
@option("base_uri", default=None, help="Base URI to answer for (default: the build's).")
@option("query_timeout")
@option("result_limit")
@option("threads")
@option("query_workers")
@option("store")
@option("query_memory")
@option("max_query_length")
@option("max_body_bytes")
def serve(dist: Path, **settings: Any) -> None:
    """Serve the publication in DIST (default dist/): SPARQL, Linked Data pages and dumps."""
    from .web import serve as run_server

    _run(lambda: run_server(dist, **settings))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate RDF FILES against the shapes: exit 0 conforms, 1 does not, 2 error."""
    from .validate import validate_files

    conforms, report = _run(lambda: validate_files(list(files)))
    click.echo(report)
    sys.exit(0 if conforms else 1)


@main.command("train-ner")
@_corpora_option
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder to write the trained spaCy pipeline to [default: the bundled model's folder].",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--max-steps", type=click.IntRange(1), default=4000, show_default=True)
@click.option("--tagger/--no-tagger", default=False, show_default=True, help="Also train POS.")
@click.option(
    "--extra-data/--gmb-only",
    default=True,
    show_default=True,
    help="Add CrossNER train+dev and Re-DocRED dev to the GMB training data.",
)
@click.option(
    "--countries-as-places/--gmb-country-labels",
    default=False,
    show_default=True,
    help="Train countries GMB tags as organizations as places.",
)
def train_ner(
    corpora: Path | None,
    output: Path | None,
    seed: int,
    max_steps: int,
    tagger: bool,
    extra_data: bool,
    countries_as_places: bool,
) -> None:
    """Train the bundled NER model and evaluate it on held-out GMB and CrossNER test data."""
    from .nlp.train import DEFAULT_CORPORA, DEFAULT_OUTPUT
    from .nlp.train import train_ner as run_training

    corpora = corpora or DEFAULT_CORPORA
    if not (corpora / "gmb_kaggle_ner").is_dir():
        _fail(f"{corpora}/gmb_kaggle_ner not found: pass --corpora pointing at shared/corpora.")
    _run(
        lambda: run_training(
            corpora,
            output or DEFAULT_OUTPUT,
            seed=seed,
            max_steps=max_steps,
            tagger=tagger,
            extra_data=extra_data,
            countries_as_places=countries_as_places,
        )
    )


@main.command("train-relations")
@click.option(
    "--corpora",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder holding redocred/ [default: ../shared/corpora beside the checkout].",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Model file to write [default: the bundled pipeline/models/ldpub_relations/model.json].",
)
@click.option(
    "--precision",
    type=click.FloatRange(0.0, 1.0),
    default=0.7,
    show_default=True,
    help="Held-out precision each predicate's threshold must keep.",
)
@click.option(
    "--c",
    type=click.FloatRange(min=0.0, min_open=True),
    default=1.0,
    show_default=True,
    help="Inverse L2 regularization strength.",
)
def train_relations(corpora: Path | None, output: Path | None, precision: float, c: float) -> None:
    """Train the learned relation classifier on Re-DocRED dev and the invented domain sentences
    (thresholds from 5-fold out-of-fold scores) and print its held-out figures."""
    from .extract.learned import MODEL_FILE
    from .extract.train_relations import write_model
    from .nlp.train import DEFAULT_CORPORA

    corpus = (corpora or DEFAULT_CORPORA) / "redocred"
    if not corpus.is_dir():
        _fail(f"{corpus} not found: pass --corpora pointing at shared/corpora.")
    table = _run(
        lambda: write_model(corpus, output or MODEL_FILE, precision, c, lambda s: err.print(s))
    )
    click.echo(table)


@main.command("eval")
@click.option(
    "--task",
    type=click.Choice(["ner", "relations", "events", "entities", "all"]),
    default="all",
    show_default=True,
    help="Which stage to measure.",
)
@_corpora_option
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default="test",
    show_default=True,
    help="Re-DocRED split for relations, GMB split for NER, entity sets "
    "(dev: the one rules are tuned on; test adds the untuned set).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON instead of a table.")
@click.option(
    "--errors",
    is_flag=True,
    help="Entities: list the splits, merges, wrong types, junk, misses and owl:sameAs links.",
)
def eval_command(task: str, corpora: Path | None, split: str, as_json: bool, errors: bool) -> None:
    """Measure NER, relations, events and published entities (P/R/F1 per type)."""
    import json

    from .evaluate import TASKS, evaluate, missing_corpus
    from .nlp.train import DEFAULT_CORPORA

    corpora = corpora or DEFAULT_CORPORA
    tasks = TASKS if task == "all" else (task,)
    missing = missing_corpus(corpora, tasks)
    if missing is not None:
        _fail(f"{corpora / missing} not found: pass --corpora pointing at shared/corpora.")
    notes: list[str] = []
    rows = _run(
        lambda: evaluate(
            corpora,
            tasks,
            split,
            progress=lambda s: err.print(s),
            notes=notes.append,
            errors=errors,
        )
    )
    if as_json:
        click.echo(json.dumps([row.as_dict() for row in rows], indent=1))
        for note in notes:  # stdout stays one JSON document
            click.echo(note, err=True)
        return
    table = Table("task", "data", "type", "P", "R", "F1", "tp", "fp", "fn")
    for row in rows:
        table.add_row(
            row.task,
            row.data,
            row.type,
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
            str(row.tp),
            str(row.fp),
            str(row.fn),
        )
    Console(width=max(Console().width, 130)).print(table)
    for note in notes:
        click.echo(note)


if __name__ == "__main__":
    main()
