"""Keywords of a SPARQL query text, for the two decisions Oxigraph's Python API leaves to us.

pyoxigraph parses and evaluates in one call and exposes no algebra, yet the server must know
before evaluation whether a query calls ``SERVICE`` (Oxigraph would fetch it over HTTP) and
whether it names its own dataset with ``FROM`` (then the union default graph must not replace
it). Both are lexical facts: once strings, IRIs and comments are blanked out, a keyword is a bare
word not glued to ``:``, ``?``, ``$`` or ``_`` (which would make it a prefixed name, a variable
or a blank node). The lexer errs on the side of finding a keyword: a false ``SERVICE`` refuses a
harmless query, a missed one would let the server make outbound requests.
"""

from __future__ import annotations

import re

# SPARQL 1.1 (19.2) applies \u and \U escapes to the whole query text before parsing.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![\w:?$])[A-Za-z]+(?![\w:])")


def _unescape(text: str) -> str:
    def codepoint(m: re.Match[str]) -> str:
        value = int(m.group(1) or m.group(2), 16)
        return chr(value) if value <= 0x10FFFF else m.group(0)

    return _CODEPOINT.sub(codepoint, text)


def keywords(query: str) -> set[str]:
    """The upper-cased bare words of a query outside its strings, IRIs and comments."""
    code = _OPAQUE.sub(" ", _unescape(query))
    return {w.upper() for w in _WORD.findall(code)}


def calls_service(query: str) -> bool:
    """Whether the query federates with SERVICE (which this endpoint refuses)."""
    return "SERVICE" in keywords(query)


def names_dataset(query: str) -> bool:
    """Whether the query chooses its own dataset with FROM or FROM NAMED."""
    return "FROM" in keywords(query)


# SPARQL 1.1 Update operations: the first word after the prologue tells an update from a query.
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_PROLOGUE = frozenset({"PREFIX", "BASE"})
_OPEN, _CLOSE = frozenset("{(["), frozenset("})]")


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL Update request (``INSERT DATA``, ``LOAD``, ``DROP`` ...)."""
    code = _OPAQUE.sub(" ", _unescape(query))
    words = (w.upper() for w in _WORD.findall(code))
    return next((w for w in words if w not in _PROLOGUE), "") in UPDATE_KEYWORDS


def nesting_depth(query: str) -> int:
    """How deeply braces, parentheses and brackets nest outside strings, IRIs and comments.

    The parser recurses once per level, so a query nested thousands deep would overflow the
    worker's stack; the endpoint refuses such a query before it reaches the parser.
    """
    depth = deepest = 0
    for char in _OPAQUE.sub(" ", _unescape(query)):
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth -= 1
    return deepest
