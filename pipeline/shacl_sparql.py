"""SHACL shapes compiled to SPARQL queries that Oxigraph runs over a whole batch at once.

pySHACL evaluates SHACL Core in Python, node by node: on a batch of documents that was half of
a build's time. The shapes only use a small part of SHACL, so each of their constraints becomes
one SPARQL query that returns the focus nodes that violate it, over every focus node at once.
Only the verdict and the failing focus nodes come from here; a document that fails is validated
again by pySHACL (``pipeline.validate.validate``) for its readable report, and pySHACL's verdict
is the one that counts.

Anything in the shapes this compiler does not implement stops it with ``UnsupportedShapeError``
(every ``sh:`` statement of a shape it reaches must be read by it), so a new shape can never be
skipped silently; ``tests/test_incremental_validation.py`` checks it agrees with pySHACL.

Oxigraph stores literals by value ("01"^^xsd:nonNegativeInteger becomes "1"^^xsd:integer), and
SHACL Core compares terms, so the data is loaded twice: as it is, in ``CANONICAL`` (where the
shapes' own SPARQL constraints and sh:lessThan comparisons run, as pySHACL with Oxigraph ran
them before), and with each typed literal's datatype replaced by one that keeps it as written
and says whether rdflib finds it well-formed, in ``LEXICAL`` (where SHACL Core runs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

CANONICAL = ox.NamedNode("urn:ldpub:validate:canonical")
LEXICAL = ox.NamedNode("urn:ldpub:validate:lexical")
_WELL_FORMED = "urn:ldpub:lexical:ok:"  # + datatype IRI: a literal rdflib reads without error
_ILL_FORMED = "urn:ldpub:lexical:bad:"
_PLAIN = {str(XSD.string), str(RDF.langString)}
_THIS = Variable("this")

# Statements that say nothing about conformance (allow_warnings=False: any result fails).
_ANNOTATIONS = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.severity}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf}
# Constraints on one value node, compiled to a SPARQL expression.
_VALUE_CONSTRAINTS = {
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.pattern,
    SH.flags,
    SH.languageIn,
    SH["in"],
    SH["or"],
    SH.xone,
    SH.node,
}
_NODE_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "(isIRI({x}) || isBlank({x}))",
    SH.BlankNodeOrLiteral: "(isBlank({x}) || isLiteral({x}))",
    SH.IRIOrLiteral: "(isIRI({x}) || isLiteral({x}))",
}
# pySHACL checks the Python value of these datatypes' literals; others only for ill-typedness.
_VALUE_TYPES: dict[str, type | tuple[type, ...]] = {
    str(XSD.integer): int,
    str(XSD.float): float,
    str(XSD.decimal): Decimal,
    str(XSD.boolean): bool,
    str(XSD.date): date,
    str(XSD.time): time,
    str(XSD.dateTime): datetime,
}
# rdflib algebra nodes a shape's SELECT may use (see _check_this).
_ALGEBRA = {"BGP", "Filter", "Extend", "Join", "LeftJoin", "Union", "Project", "Distinct"}


class UnsupportedShapeError(ValueError):
    """The shapes use a SHACL feature the SPARQL compiler does not implement."""


def _iri(term: Node) -> str:
    if not isinstance(term, URIRef):
        raise UnsupportedShapeError(f"{term!r} must be an IRI in the shapes.")
    return f"<{term}>"


@lru_cache(maxsize=65536)
def _well_formed(lexical: str, datatype: str) -> bool:
    """Whether pySHACL's sh:datatype accepts a literal of its own datatype (rdflib decides)."""
    literal = Literal(lexical, datatype=URIRef(datatype))
    if literal.ill_typed is True:
        return False
    wanted = _VALUE_TYPES.get(datatype)
    return wanted is None or isinstance(literal.value, wanted)


def _lexical_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> object:
    """``term`` kept as written: a typed literal gets a datatype Oxigraph does not normalize."""
    if not isinstance(term, ox.Literal) or term.language or term.datatype.value in _PLAIN:
        return term
    datatype = term.datatype.value
    flag = _WELL_FORMED if _well_formed(term.value, datatype) else _ILL_FORMED
    return ox.Literal(term.value, datatype=ox.NamedNode(flag + datatype))


def _sparql_term(term: Node) -> str:
    """A constant of the shapes as it reads in the ``LEXICAL`` graph."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if not isinstance(term, Literal):
        raise UnsupportedShapeError(f"{term!r}: blank nodes cannot be compared in the shapes.")
    if term.language:
        return str(ox.Literal(str(term), language=term.language))
    datatype = str(term.datatype or XSD.string)
    return str(
        _lexical_term(ox.Literal(str(term), datatype=ox.NamedNode(datatype)))  # type: ignore[arg-type]
    )


_PREAMBLE = (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)


@dataclass(frozen=True)
class Check:
    """One constraint of one shape: ``query`` selects ``?this`` for each focus node violating it."""

    shape: str
    query: str
    canonical: bool = False  # run over CANONICAL (the shapes' own SPARQL) instead of LEXICAL


class _Compiler:
    """Reads the shapes graph, noting every statement it uses, and writes the checks."""

    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.read: set[tuple[Node, Node]] = set()
        self.checks: list[Check] = []
        self.stack: list[Node] = []

    def values(self, node: Node, predicate: URIRef) -> list[Node]:
        self.read.add((node, predicate))
        return list(self.g.objects(node, predicate))

    def one(self, node: Node, predicate: URIRef) -> Node | None:
        found = self.values(node, predicate)
        if len(found) > 1:
            raise UnsupportedShapeError(f"{node} has {len(found)} values of {predicate}.")
        return found[0] if found else None

    def members(self, node: Node, predicate: URIRef) -> list[Node]:
        lists = self.values(node, predicate)
        return [m for head in lists for m in Collection(self.g, head)]

    def refuse_unread(self, node: Node) -> None:
        for predicate in set(self.g.predicates(node, None)):
            if str(predicate).startswith(str(SH)) and (node, predicate) not in self.read:
                raise UnsupportedShapeError(
                    f"Shape {node} uses {predicate}, which pipeline/shacl_sparql.py does not "
                    "implement: implement it there (with an equivalence test) or validate "
                    "with pySHACL alone."
                )

    # -- value conditions: a SPARQL boolean expression, never an error ------------------------

    def condition(self, node: Node, x: str) -> list[str]:
        """The value constraints of shape ``node`` on ``x``, one expression each."""
        conditions = []
        for cls in self.values(node, SH["class"]):
            conditions.append(f"EXISTS {{ {x} rdf:type/rdfs:subClassOf* {_iri(cls)} }}")
        for datatype in self.values(node, SH.datatype):
            conditions.append(self.datatype(datatype, x))
        for kind in self.values(node, SH.nodeKind):
            if kind not in _NODE_KINDS:
                raise UnsupportedShapeError(f"{node}: unknown sh:nodeKind {kind}.")
            conditions.append(_NODE_KINDS[kind].format(x=x))
        flags = self.one(node, SH.flags)
        for pattern in self.values(node, SH.pattern):
            quoted = str(Literal(str(pattern)).n3())
            options = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            conditions.append(f"(!isBlank({x}) && REGEX(STR({x}), {quoted}{options}))")
        languages = self.members(node, SH.languageIn)
        if languages:
            wanted = ", ".join(Literal(str(lang).lower()).n3() for lang in languages)
            first = f'LCASE(STRBEFORE(CONCAT(LANG({x}), "-"), "-"))'
            conditions.append(
                f'(isLiteral({x}) && LANG({x}) != "" && '
                f"(LCASE(LANG({x})) IN ({wanted}) || {first} IN ({wanted})))"
            )
        for allowed in self.values(node, SH["in"]):
            same = [f"sameTerm({x}, {_sparql_term(t)})" for t in Collection(self.g, allowed)]
            conditions.append("(" + (" || ".join(same) or "false") + ")")
        for options in self.values(node, SH["or"]):
            branches = [self.shape_condition(s, x) for s in Collection(self.g, options)]
            conditions.append("(" + " || ".join(branches) + ")")
        for options in self.values(node, SH.xone):
            branches = [self.shape_condition(s, x) for s in Collection(self.g, options)]
            conditions.append("(" + " + ".join(f"IF({b}, 1, 0)" for b in branches) + " = 1)")
        for other in self.values(node, SH.node):
            conditions.append(self.shape_condition(other, x))
        return [f"COALESCE({c}, false)" for c in conditions]

    def datatype(self, datatype: Node, x: str) -> str:
        if datatype == XSD.string:
            return f"(isLiteral({x}) && DATATYPE({x}) = xsd:string)"
        if datatype == RDF.langString:
            return f'(isLiteral({x}) && LANG({x}) != "")'
        if datatype in (RDFS.Literal, RDFS.Datatype):
            raise UnsupportedShapeError(f"sh:datatype {datatype} is not implemented.")
        return f"(isLiteral({x}) && DATATYPE({x}) = <{_WELL_FORMED}{datatype}>)"

    def shape_condition(self, node: Node, x: str) -> str:
        """Whether ``x`` conforms to the node shape ``node`` (sh:node, sh:or, ...)."""
        if node in self.stack:
            raise UnsupportedShapeError(f"Shape {node} refers to itself.")
        self.stack.append(node)
        for predicate in _ANNOTATIONS:
            self.values(node, predicate)
        conditions = self.condition(node, x)
        self.refuse_unread(node)
        self.stack.pop()
        return "(" + " && ".join(conditions or ["true"]) + ")"

    # -- shapes with targets ---------------------------------------------------------------

    def targets(self, node: Node) -> str:
        patterns = [
            f"{{ ?this rdf:type/rdfs:subClassOf* {_iri(c)} }}"
            for c in self.values(node, SH.targetClass)
        ] + [f"{{ ?this {_iri(p)} [] }}" for p in self.values(node, SH.targetSubjectsOf)]
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }"

    def add(self, shape: Node, where: str, *, canonical: bool = False) -> None:
        query = f"{_PREAMBLE}SELECT DISTINCT ?this WHERE {{ {where} }}"
        self.checks.append(Check(str(shape), query, canonical))

    def node_shape(self, node: Node) -> None:
        targets = self.targets(node)
        for predicate in _ANNOTATIONS:
            self.values(node, predicate)
        for condition in self.condition(node, "?this"):
            self.add(node, f"{targets} FILTER (!{condition})")
        for prop in self.values(node, SH.property):
            self.property_shape(node, prop, targets)
        for constraint in self.values(node, SH.sparql):
            self.sparql(node, constraint, targets)
        self.refuse_unread(node)

    def property_shape(self, owner: Node, node: Node, targets: str) -> None:
        for predicate in _ANNOTATIONS:
            self.values(node, predicate)
        path = self.one(node, SH.path)
        if not isinstance(path, URIRef):
            raise UnsupportedShapeError(f"{node}: only a single IRI is implemented as sh:path.")
        p = _iri(path)
        low, high = self.one(node, SH.minCount), self.one(node, SH.maxCount)
        if low is not None or high is not None:
            self.count(owner, targets, f"?this {p} ?v", low, high)
        for condition in self.condition(node, "?v"):
            self.add(owner, f"{targets} ?this {p} ?v . FILTER (!{condition})")
        for value in self.values(node, SH.hasValue):
            self.add(owner, f"{targets} FILTER NOT EXISTS {{ ?this {p} {_sparql_term(value)} }}")
        for other, op in ((SH.lessThan, "<"), (SH.lessThanOrEquals, "<=")):
            for q in self.values(node, other):
                pair = f"GRAPH {CANONICAL} {{ ?this {p} ?v . ?this {_iri(q)} ?o }}"
                self.add(owner, f"{targets} {pair} FILTER (!COALESCE(?v {op} ?o, false))")
        qualified = self.one(node, SH.qualifiedValueShape)
        if qualified is not None:
            if self.one(node, SH.qualifiedValueShapesDisjoint) not in (None, Literal(False)):
                raise UnsupportedShapeError(f"{node}: sh:qualifiedValueShapesDisjoint.")
            match = f"?this {p} ?v . FILTER ({self.shape_condition(qualified, '?v')})"
            low = self.one(node, SH.qualifiedMinCount)
            high = self.one(node, SH.qualifiedMaxCount)
            self.count(owner, targets, match, low, high)
        self.refuse_unread(node)

    def count(
        self, owner: Node, targets: str, match: str, low: Node | None, high: Node | None
    ) -> None:
        bounds = [f"?n < {int(low)}"] if low is not None else []  # type: ignore[call-overload]
        bounds += [f"?n > {int(high)}"] if high is not None else []  # type: ignore[call-overload]
        counted = (
            f"{{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {targets} "
            f"OPTIONAL {{ {match} }} }} GROUP BY ?this }}"
        )
        self.add(owner, f"{counted} FILTER ({' || '.join(bounds)})")

    def sparql(self, owner: Node, node: Node, targets: str) -> None:
        for predicate in _ANNOTATIONS:
            self.values(node, predicate)
        select = self.one(node, SH.select)
        if select is None:
            raise UnsupportedShapeError(f"{owner}: a SPARQL constraint without sh:select.")
        prefixes = "".join(
            f"PREFIX {self.one(d, SH.prefix)}: <{self.one(d, SH.namespace)}>\n"
            for source in self.values(node, SH.prefixes)
            for d in self.values(source, SH.declare)
        )
        _check_this(prefixes + str(select), owner)
        query = f"{_PREAMBLE}{prefixes}SELECT DISTINCT ?this WHERE {{ {targets} {{ {select} }} }}"
        self.checks.append(Check(str(owner), query, canonical=True))
        self.refuse_unread(node)


def _mentions_this(part: object) -> bool:
    return _THIS in (getattr(part, "_vars", None) or set())


def _binds_this(node: CompValue) -> bool:
    """Whether every solution of ``node`` binds $this from the data."""
    if node.name == "BGP":
        return any(_THIS in triple for triple in node.triples)
    if node.name == "Union":
        return _binds_this(node.p1) and _binds_this(node.p2)
    if node.name in ("Join",):
        return _binds_this(node.p1) or _binds_this(node.p2)
    if node.name == "LeftJoin":
        return _binds_this(node.p1)
    return node.name in ("Filter", "Extend", "Project", "Distinct") and _binds_this(node.p)


def _check_this(text: str, shape: Node) -> None:
    """Refuse a SELECT whose answers for all focus nodes at once (``?this`` joined with the
    targets) could differ from its answers per pre-bound focus node, as SHACL defines them:
    every expression that reads $this must see it bound by a pattern of its own group."""
    query = prepareQuery(text).algebra

    def walk(node: CompValue) -> None:
        if node.name not in _ALGEBRA:
            raise UnsupportedShapeError(
                f"{shape}: SPARQL constraints using {node.name} are not implemented."
            )
        if (
            node.name in ("Filter", "Extend")
            and _mentions_this(node.expr)
            and not _binds_this(node.p)
        ):
            raise UnsupportedShapeError(f"{shape}: $this is read before a pattern binds it.")
        if node.name == "LeftJoin" and _mentions_this(node.expr) and not _binds_this(node.p1):
            raise UnsupportedShapeError(f"{shape}: $this is read before a pattern binds it.")
        for part in ("p", "p1", "p2"):
            child = node.get(part)
            if isinstance(child, CompValue):
                walk(child)

    walk(query.p)
    if _THIS not in query.PV:
        raise UnsupportedShapeError(f"{shape}: a SPARQL constraint must select $this.")
    for name in ("shapesGraph", "currentShape", "PATH"):
        if Variable(name) in query._vars:
            raise UnsupportedShapeError(f"{shape}: ${name} is not implemented.")


@dataclass(frozen=True)
class CompiledShapes:
    """The checks of a shapes graph, run over N-Triples documents loaded into one store."""

    checks: tuple[Check, ...]

    def failing(self, ntriples: Iterable[str]) -> dict[str, set[str]]:
        """Focus nodes (N-Triples form) violating some check, by shape, over the union of
        ``ntriples``; empty when the data conforms."""
        store = _load(ntriples)
        failed: dict[str, set[str]] = {}
        for check in self.checks:
            graph = CANONICAL if check.canonical else LEXICAL
            for row in store.query(check.query, default_graph=graph):
                failed.setdefault(check.shape, set()).add(str(row["this"]))
        return failed


# Statements whose object Oxigraph keeps as written: IRIs, blank nodes, strings.
_COPY_UNTYPED = f"""INSERT {{ GRAPH {LEXICAL} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {CANONICAL} {{
    ?s ?p ?o FILTER (!isLiteral(?o) || LANG(?o) != "" || DATATYPE(?o) = <{XSD.string}>) }} }}"""


def _load(ntriples: Iterable[str]) -> ox.Store:
    """The data as it is in ``CANONICAL``, and in ``LEXICAL`` with its typed literals kept as
    written: the store copies the other statements, and only the lines with a typed literal
    ("^^", which other lines may hold too) are read here."""
    store = ox.Store()
    text = "\n".join(ntriples)
    store.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=CANONICAL)
    store.update(_COPY_UNTYPED)
    typed = "\n".join(line for line in text.splitlines() if "^^" in line)
    store.extend(
        ox.Quad(t.subject, t.predicate, _lexical_term(t.object), LEXICAL)  # type: ignore[arg-type]
        for t in ox.parse(typed.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    )
    return store


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile every targeted shape of ``shapes``; ``UnsupportedShapeError`` for what it
    cannot compile (a sh: statement it would otherwise ignore)."""
    compiler = _Compiler(shapes)
    targeted = sorted({s for t in _TARGETS for s in shapes.subjects(t, None)}, key=str)
    for shape in targeted:
        compiler.node_shape(shape)
    _refuse_unknown(shapes)
    for check in compiler.checks:  # a compiler bug shows here, not as a silent pass
        ox.Store().query(check.query)
    return CompiledShapes(tuple(compiler.checks))


_KNOWN = (
    _ANNOTATIONS
    | _TARGETS
    | _VALUE_CONSTRAINTS
    | {SH.property, SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.lessThan}
    | {SH.lessThanOrEquals, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount}
    | {SH.sparql, SH.select, SH.prefixes, SH.declare, SH.prefix, SH.namespace}
)


def _refuse_unknown(shapes: Graph) -> None:
    """A sh: statement the compiler never looked for (sh:targetNode, sh:deactivated, ...) may
    change what conforms: refuse it. Shapes that are nowhere used are left alone, as pySHACL
    leaves them."""
    for subject, predicate in set(shapes.subject_predicates()):
        if str(predicate).startswith(str(SH)) and predicate not in _KNOWN:
            raise UnsupportedShapeError(
                f"{subject} uses {predicate}, which pipeline/shacl_sparql.py does not implement."
            )
    for subject in set(shapes.subjects(RDF.type, SH.NodeShape)):
        if (subject, RDF.type, RDFS.Class) in shapes:
            raise UnsupportedShapeError(f"{subject}: implicit class targets are not implemented.")
