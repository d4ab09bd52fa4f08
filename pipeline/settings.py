"""Every setting, declared once with its default and help; the CLI and the environment feed it.

A setting ``query_timeout`` is read from ``--query-timeout`` or ``LDPUB_QUERY_TIMEOUT``, in that
order, else its default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import click


class BaseUri(click.ParamType):
    """An http(s) URI; a missing trailing '/' is added so IRIs can be appended to it."""

    name = "uri"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is None:
            return None
        text = str(value)
        if not text.startswith(("http://", "https://")) or " " in text:
            self.fail(
                f"must be an http(s) URI such as http://localhost:8000/, not {text!r}", param, ctx
            )
        return text if text.endswith("/") else text + "/"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: Any = str

    @property
    def env(self) -> str:
        return "LDPUB_" + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("out", "dist", "Folder the build writes its publication to.", click.Path()),
        Setting(
            "base_uri",
            "http://localhost:8000/",
            "Base of every IRI the build mints and the server answers for (ends with '/').",
            BaseUri(),
        ),
        Setting(
            "model",
            "ldpub_ner_gmb",
            "spaCy NER pipeline: the bundled 'ldpub_ner_gmb', an installed package name "
            "(e.g. en_core_web_trf) or a folder path.",
        ),
        Setting(
            "max_document_mb",
            20.0,
            "Largest article or sidecar file the build reads, in megabytes; a larger one is "
            "quarantined without being read.",
            click.FloatRange(0, min_open=True),
        ),
        Setting(
            "jobs",
            1,
            "Worker processes that analyse, map and validate documents during a build.",
            click.IntRange(1, 64),
        ),
        Setting("host", "127.0.0.1", "Interface the server listens on."),
        Setting("port", 8000, "TCP port the server listens on.", click.IntRange(1, 65535)),
        Setting(
            "query_timeout",
            10.0,
            "Seconds a SPARQL query may run before it is stopped with HTTP 503.",
            click.FloatRange(0.1, 3600),
        ),
        Setting(
            "result_limit",
            10000,
            "Most rows (or triples) one SPARQL query may return; more is cut and reported.",
            click.IntRange(1),
        ),
        Setting("threads", 8, "Worker threads of the WSGI server.", click.IntRange(1, 256)),
        Setting(
            "query_workers",
            4,
            "Processes that run SPARQL queries; a query past its timeout is stopped by killing "
            "its process, so this many queries can run at once.",
            click.IntRange(1, 64),
        ),
        Setting(
            "query_memory",
            4096,
            "Megabytes of address space each query worker may use, its open store included; a "
            "query that needs more kills only its worker and is answered with HTTP 503 "
            "(0: no cap).",
            click.IntRange(0),
        ),
        Setting(
            "max_query_length",
            100_000,
            "Longest SPARQL query accepted, in characters; a longer one is refused with HTTP 414 "
            "(in the URL) or 413 (in the body).",
            click.IntRange(1),
        ),
        Setting(
            "max_body_bytes",
            1_048_576,
            "Largest request body the server accepts, in bytes; a larger one is refused with "
            "HTTP 413 before it is read.",
            click.IntRange(1),
        ),
        Setting(
            "store",
            "",
            "SPARQL 1.1 Query endpoint of a remote store to build into and serve from "
            "(e.g. http://127.0.0.1:8890/sparql); empty: the release's embedded Oxigraph store.",
        ),
        Setting(
            "store_update",
            "",
            "SPARQL 1.1 Update endpoint of the remote store (default: the --store URL); "
            "credentials may sit in the URL (http://user:password@host/...).",
        ),
        Setting(
            "store_gsp",
            "",
            "Graph Store Protocol endpoint of the remote store; when set, the build replaces "
            "each graph with one PUT there instead of SPARQL Update.",
        ),
    )
}


def option(name: str, **overrides: Any):
    """A click option for a declared setting: flag, env var, default and help come from it."""
    s = SETTINGS[name]
    kwargs: dict[str, Any] = {
        "default": s.default,
        "envvar": s.env,
        "show_default": True,
        "show_envvar": True,
        "help": s.help,
        "type": s.type,
    }
    kwargs.update(overrides)
    return click.option(s.flag, s.name, **kwargs)


def value(name: str) -> Any:
    """The setting's value from the environment, else its default (for code outside the CLI)."""
    s = SETTINGS[name]
    raw = os.environ.get(s.env)
    if raw is None:
        return s.default
    return s.type.convert(raw, None, None) if isinstance(s.type, click.ParamType) else raw
