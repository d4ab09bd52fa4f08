"""Bind query variables to terms in the query text, the way Oxigraph's ``substitutions`` do.

Oxigraph binds a substituted variable before it evaluates anything (also inside subqueries
that project it), so a FILTER, GROUP BY or LIMIT sees the value. ``VALUES`` at the start of the
WHERE group gives the same answers on any SPARQL 1.1 store, where a trailing ``VALUES`` joins
only after FILTER, GROUP BY and LIMIT have run. The same ``VALUES`` also opens every nested
group that mentions the variable (UNION branches, OPTIONAL parts, subqueries that project it):
joining a one-row table there changes no answer, and it is what lets Oxigraph start from the
bound term. With ``substitutions`` it plans as if the variable were free (a page query took
800 ms at a million triples instead of 0.4 ms), and with ``VALUES`` only at the top it runs
a UNION's branches unbound (13 s instead of 0.4 ms).

Only pyoxigraph ``NamedNode`` and ``Literal`` objects go in: their ``str()`` is a valid,
escaped SPARQL term, so no caller's text is ever pasted into a query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Variable

Term = NamedNode | Literal

# What the scan must step over (IRIs, strings, comments, which may hold braces or keywords)
# and what it looks at: variables, keywords, braces, parentheses and ``*``.
_TOKENS = re.compile(
    r"""
    (?P<skip> <[^<>"{}|^`\\\x00-\x20]*>
            | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
            | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*'
            | \#[^\n]* )
  | (?P<var> [?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+ )
  | (?<![\w:?$-]) (?P<word> SELECT|CONSTRUCT|ASK|DESCRIBE|WHERE|AS|VALUES ) (?![\w:-])
  | (?P<brace> [{}] ) | (?P<paren> [()] ) | (?P<star> \* )
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass
class _Query:
    """A (sub)query whose WHERE group has not opened yet, and what it projects."""

    form: str
    parens: int = 0
    projected: set[str] = field(default_factory=set)
    star: bool = False
    after_as: bool = False
    template: bool = False  # a CONSTRUCT's template has been read


@dataclass
class _Group:
    """One ``{ ... }``: where it opens, which bound names are in scope, which it mentions."""

    start: int  # offset just after "{"
    kind: str  # "group", "subquery" (holds one), "data" (a VALUES block), "template"
    bound: frozenset[str]  # the names that mean the bound variables here
    root: bool = False  # a query's WHERE group: its mentions stay inside
    top: bool = False  # the WHERE group of the query itself
    mentions: set[str] = field(default_factory=set)


def _values(names: list[str], terms: Mapping[str, Term]) -> str:
    variables = " ".join(f"?{n}" for n in names)
    return f" VALUES ({variables}) {{ ({' '.join(str(terms[n]) for n in names)}) }} "


def _checked(bindings: Mapping[Variable | str, Term]) -> dict[str, Term]:
    out: dict[str, Term] = {}
    for var, term in bindings.items():
        name = var.value if isinstance(var, Variable) else Variable(var).value
        if not isinstance(term, NamedNode | Literal):
            raise TypeError(f"?{name} can only be bound to a NamedNode or a Literal, not {term!r}")
        out[name] = term
    return out


def _opened(
    q: _Query | None, kind: str, stack: list[_Group], everything: frozenset[str], at: int
) -> tuple[_Group, _Query | None]:
    """The group a ``{`` opens, and the query still waiting for its WHERE group."""
    scope = stack[-1].bound if stack else frozenset()
    if kind == "data" or q is None or q.parens:
        return _Group(at, kind, scope), q
    if q.form == "CONSTRUCT" and not q.template:
        q.template = True
        return _Group(at, "template", frozenset()), q
    if not stack:
        return _Group(at, "group", everything, root=True, top=True), None
    projected = scope if q.star or q.form != "SELECT" else scope & q.projected
    return _Group(at, "group", frozenset(projected), root=True), None


@lru_cache(maxsize=512)
def _insertions(query: str, names: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
    """Where VALUES go (just after a group's ``{``) and for which names.

    Cached: the page queries are a few fixed texts, and scanning one costs about 0.5 ms.
    """
    found: list[tuple[int, frozenset[str]]] = []
    stack: list[_Group] = []
    q: _Query | None = None
    data_next = False
    for m in _TOKENS.finditer(query):
        kind, text = m.lastgroup, m.group()
        word = text.upper() if kind == "word" else ""
        if kind == "skip":
            continue
        if kind == "var":
            if stack:
                stack[-1].mentions.add(text[1:])
            if q and q.form == "SELECT" and (not q.parens or q.after_as):
                q.projected.add(text[1:])
                q.after_as = False
        elif word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
            q = _Query(word)
            if stack:  # ``{ SELECT ... }`` holds the subquery alone
                stack[-1].kind = "subquery"
        elif word == "VALUES":
            data_next = True
        elif text == "{":
            group, q = _opened(q, "data" if data_next else "group", stack, names, m.end())
            data_next = False
            stack.append(group)
        elif text == "}" and stack:
            group = stack.pop()
            chosen = group.bound & (names if group.top else group.mentions)
            if group.kind == "group" and chosen:
                found.append((group.start, chosen))
            if stack and not group.root:
                stack[-1].mentions |= group.mentions
        elif q is None:
            continue
        elif kind == "paren":
            q.parens += 1 if text == "(" else -1
        elif word == "AS":
            q.after_as = True
        elif kind == "star" and not q.parens:
            q.star = True
        elif word == "WHERE" and q.form == "CONSTRUCT" and not q.template:
            raise ValueError("CONSTRUCT WHERE has no separate template; write the template out.")
    if not any(names <= chosen for _, chosen in found):
        raise ValueError("The query has no WHERE group to bind variables in.")
    return sorted(found)


def bind(query: str, bindings: Mapping[Variable | str, Term]) -> str:
    """``query`` with each variable bound to its term by VALUES (see the module).

    Raises ValueError for a query with no WHERE group, TypeError for another kind of term.
    """
    terms = _checked(bindings)
    if not terms:
        return query
    out, last = [], 0
    for offset, chosen in _insertions(query, frozenset(terms)):
        out += [query[last:offset], _values([n for n in terms if n in chosen], terms)]
        last = offset
    return "".join(out) + query[last:]
