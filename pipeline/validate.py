"""Validate stage: check RDF against ldpub's SHACL shapes before anything is published.

A document whose graph does not conform is quarantined with the readable report made here, so
the report has to name the node, the property, the offending value and what the rule wants.

Validate one document graph together with the rdf:type of the entities it references (the
contract keeps entity descriptions in ``graph/entities``): the shapes check that mentions,
actors and relation ends are typed entities, and cannot see types that are not in the data.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from pipeline.namespaces import PREFIXES
from pipeline.shacl_sparql import CompiledShapes, compile_shapes

ROOT = Path(__file__).resolve().parent.parent
SHAPES_DIR = ROOT / "shapes"
ONTOLOGY_DIR = ROOT / "ontology"

SH = Namespace("http://www.w3.org/ns/shacl#")

# File extension -> rdflib parser name. Quad formats may hold several named graphs.
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".n3": "n3",
}
_FORMAT_NAMES = {
    "turtle": "Turtle",
    "nt": "N-Triples",
    "nquads": "N-Quads",
    "trig": "TriG",
    "json-ld": "JSON-LD",
    "xml": "RDF/XML",
    "n3": "N3",
}
_MAX_VALUE_CHARS = 80


class ValidationInputError(ValueError):
    """A file given to ``validate_files`` is missing or is not RDF; the message is one sentence."""


def _load_dir(directory: Path) -> Graph:
    graph = Graph()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"No Turtle files in {directory}.")
    for path in files:
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return _load_dir(SHAPES_DIR)


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return _load_dir(ONTOLOGY_DIR)


def load_shapes() -> Graph:
    """All shapes under ``shapes/`` as one graph (a copy: callers may change it freely)."""
    copy = Graph()
    for triple in _shapes():
        copy.add(triple)
    return copy


def load_ontology() -> Graph:
    """The ontology under ``ontology/`` as one graph (a copy: callers may change it freely)."""
    copy = Graph()
    for triple in _ontology():
        copy.add(triple)
    return copy


@lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


class _PreparedQueryGraph(Graph):
    """A Graph that parses each distinct SPARQL text once.

    pySHACL hands rdflib the same query text for every focus node of a SPARQL constraint, and
    rdflib parses it every time (10-100 ms each): hundreds of mentions would take many seconds.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def _as_graph(*graphs: Graph) -> Graph:
    """One graph of all ``graphs`` with their named graphs merged (pySHACL would validate
    each named graph apart)."""
    merged = _PreparedQueryGraph()
    for data in graphs:
        if isinstance(data, Dataset) or data.context_aware:
            merged.addN((s, p, o, merged) for s, p, o, _ in data.quads((None, None, None, None)))
        else:
            merged.addN((s, p, o, merged) for s, p, o in data)
    return merged


def _run_pyshacl(data: Graph, shapes: Graph | None) -> tuple[bool, Graph, str]:
    import pyshacl  # only for reports: a build whose documents all conform never needs it

    conforms, results_graph, results_text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else _shapes(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    if not isinstance(results_graph, Graph):
        # pySHACL returns its exception instead of a report when the shapes themselves are broken.
        raise RuntimeError(f"SHACL validation could not run: {results_text}")
    return bool(conforms), results_graph, str(results_text)


@lru_cache(maxsize=1)
def _compiled() -> CompiledShapes:
    return compile_shapes(_shapes())


def failing(*ntriples: str) -> dict[str, set[str]]:
    """The focus nodes of the union of ``ntriples`` (N-Triples documents) that violate the
    shapes, by shape; empty when it conforms. SHACL compiled to SPARQL, run by Oxigraph:
    milliseconds where pySHACL takes seconds; call ``validate`` for the readable report."""
    return _compiled().failing(ntriples)


def conforms(*graphs: Graph) -> bool:
    """Whether the union of ``graphs`` conforms to the shapes, as ``validate`` says."""
    return not failing(*(_as_graph(g).serialize(format="nt") for g in graphs))


def validate(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph, str]:
    """Validate ``data`` against ``shapes`` (default: all of ``shapes/``).

    Returns pySHACL's ``(conforms, results_graph, results_text)``. No inference is run: the
    contract asks for explicit types, and RDFS inference would triple the time for nothing.
    """
    return _run_pyshacl(_as_graph(data), shapes)


def _short(node: Node | None, graph: Graph) -> str:
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(node).startswith(namespace) and len(str(node)) > len(namespace):
                local = str(node)[len(namespace) :]
                if all(c.isalnum() or c in "_-." for c in local):
                    return f"{prefix}:{local}"
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node)
        if len(text) > _MAX_VALUE_CHARS:
            text = text[: _MAX_VALUE_CHARS - 3] + "..."
        shown = '"' + text.replace("\n", "\\n") + '"'
        if node.language:
            return f"{shown}@{node.language}"
        if node.datatype:
            return f"{shown}^^{_short(node.datatype, graph)}"
        return shown
    # A blank node: a path expression or an anonymous node; show what it is, not its id.
    return "[]"


def readable_report(report_graph: Graph) -> str:
    """One line per violation (``focus | path | value | message``), for reports and the CLI."""
    lines = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(result, SH.focusNode)
        path = report_graph.value(result, SH.resultPath)
        value = report_graph.value(result, SH.value)
        severity = report_graph.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in report_graph.objects(result, SH.resultMessage))
        message = " ".join(messages) if messages else "(no message)"
        level = "" if severity in (None, SH.Violation) else f"[{_short(severity, report_graph)}] "
        lines.append(
            f"{level}{_short(focus, report_graph)} | {_short(path, report_graph)} | "
            f"{_short(value, report_graph)} | {message}"
        )
    return "\n".join(sorted(set(lines)))


def _parse_file(path: Path, into: Dataset) -> None:
    if not path.is_file():
        raise ValidationInputError(f"{path}: no such file.")
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    ext = suffixes[-2] if compressed and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    fmt = FORMATS.get(ext)
    if fmt is None:
        known = " ".join(sorted(FORMATS))
        raise ValidationInputError(
            f"{path}: cannot tell the RDF format from the extension {ext or '(none)'!r} "
            f"(known: {known}, optionally followed by .gz)."
        )
    try:
        raw = path.read_bytes()
        if compressed:
            raw = gzip.decompress(raw)
        into.parse(source=io.BytesIO(raw), format=fmt, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ValidationInputError(
            f"{path}: not valid {_FORMAT_NAMES[fmt]}{' (gzip)' if compressed else ''}: {detail}"
        ) from exc


def validate_files(paths: Sequence[Path]) -> tuple[bool, str]:
    """Validate RDF files as one graph (named graphs merged), for ``ldpub validate FILE...``.

    Returns ``(conforms, text)``: a summary line, then one line per violation. Raises
    ``ValidationInputError`` for a missing or unparseable file (the CLI exits 2 on it).
    """
    if not paths:
        raise ValidationInputError("No files given to validate.")
    dataset = Dataset(default_union=True)
    for path in paths:
        _parse_file(Path(path), dataset)
    graph = _as_graph(dataset)
    conforms, report_graph, _ = validate(graph)
    files = f"{len(paths)} file{'s' if len(paths) != 1 else ''}"
    if conforms:
        return True, f"Conforms: {len(graph)} triples in {files}."
    report = readable_report(report_graph)
    count = len(report.splitlines())
    summary = f"Does not conform: {count} violation{'s' if count != 1 else ''} in {files}."
    return False, f"{summary}\n{report}"
