"""An entity's neighbourhood as an SVG picture, drawn on the server (no script, no CDN).

The entity sits in the middle; each entity it is related to sits on a circle around it, in a
fixed order (most ties first, then by name), so the same data always gives the same picture.
Solid edges are relations (``leader of``), dashed ones events both took part in (``raid``,
``attack with``); an arrowhead points from subject (or actor) to object (or target), and every
node links to its page. ``<title>`` and ``<desc>`` say the same in words.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

MAX_NEIGHBOURS = 24
LABEL_CHARS = 30
WIDTH = 820


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    kind: str  # person, organization, place, event, other
    href: str


@dataclass(frozen=True)
class Edge:
    """One tie between the centre and another entity."""

    other: Node
    relation: str  # readable: "leader of", "raid"
    outgoing: bool | None  # the centre is the subject; None: no direction ("attack with")
    event: bool = False  # a shared event rather than a relation


@dataclass
class _Spoke:
    node: Node
    ties: Counter[tuple[str, bool | None]] = field(default_factory=Counter)
    events: int = 0

    @property
    def size(self) -> int:
        return sum(self.ties.values())

    def names(self, direction: bool | None) -> list[str]:
        return [
            f"{name} ×{n}" if n > 1 else name
            for (name, d), n in self.ties.items()
            if d is direction
        ]

    @property
    def out(self) -> list[str]:
        return self.names(True)

    @property
    def into(self) -> list[str]:
        return self.names(False)

    @property
    def both(self) -> list[str]:
        return self.names(None)


@dataclass(frozen=True)
class Picture:
    svg: Markup
    shown: int  # neighbours drawn
    hidden: int  # neighbours left out (past MAX_NEIGHBOURS)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _spokes(edges: list[Edge]) -> list[_Spoke]:
    spokes: dict[str, _Spoke] = {}
    for e in edges:
        spoke = spokes.setdefault(e.other.iri, _Spoke(e.other))
        spoke.ties[(e.relation, e.outgoing)] += 1
        spoke.events += e.event
    return sorted(spokes.values(), key=lambda s: (-s.size, s.node.label.casefold(), s.node.iri))


def _sentence(center: Node, spoke: _Spoke) -> str:
    parts = [f"{center.label} {r} {spoke.node.label}" for r in spoke.out]
    parts += [f"{spoke.node.label} {r} {center.label}" for r in spoke.into]
    parts += [f"{center.label} and {spoke.node.label}: {r}" for r in spoke.both]
    return "; ".join(parts)


def _node(
    node: Node, x: float, y: float, r: int, label_at: tuple[float, float, str], extra: str = ""
) -> Markup:
    lx, ly, anchor = label_at
    return Markup(
        '<a href="{href}" class="node node-{kind}{extra}"><title>{full} ({kind})</title>'
        '<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
        '<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{label}</text></a>'
    ).format(
        href=node.href,
        kind=node.kind,
        extra=extra,
        full=node.label,
        x=x,
        y=y,
        r=r,
        lx=lx,
        ly=ly,
        anchor=anchor,
        label=_short(node.label),
    )


def render(center: Node, edges: list[Edge], *, svg_id: str = "network") -> Picture | None:
    """The picture of ``center`` and its relations, or None when it has none."""
    spokes = _spokes(edges)
    if not spokes:
        return None
    shown, hidden = spokes[:MAX_NEIGHBOURS], len(spokes) - MAX_NEIGHBOURS
    n = len(shown)
    radius = 115 if n <= 4 else 150 if n <= 8 else min(290, 150 + 12 * (n - 8))
    height = 2 * radius + 90
    cx, cy = WIDTH / 2, height / 2
    center_r, node_r = 14, 9
    parts: list[Markup] = []
    nodes: list[Markup] = []
    for i, spoke in enumerate(shown):
        angle = -math.pi / 2 + math.pi / n + 2 * math.pi * i / n
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + radius * cos, cy + radius * sin
        # The line runs between the circles' rims; arrowheads mark each relation's object.
        x1, y1 = cx + center_r * cos, cy + center_r * sin
        x2, y2 = x - (node_r + 2) * cos, y - (node_r + 2) * sin
        marker_end = f' marker-end="url(#{svg_id}-arrow)"' if spoke.out else ""
        marker_start = f' marker-start="url(#{svg_id}-arrow-back)"' if spoke.into else ""
        relation = ", ".join([*spoke.out, *spoke.into, *spoke.both])
        style = "edge event" if spoke.events == spoke.size else "edge"
        mx, my = cx + radius * 0.55 * cos, cy + radius * 0.55 * sin
        parts.append(
            Markup(
                '<g class="{style}"><title>{said}</title>'
                '<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"{ms}{me}/>'
                '<text x="{mx:.1f}" y="{my:.1f}" text-anchor="middle">{relation}</text></g>'
            ).format(
                style=style,
                said=_sentence(center, spoke),
                x1=x1,
                y1=y1,
                x2=x2,
                y2=y2,
                ms=Markup(marker_start),
                me=Markup(marker_end),
                mx=mx,
                my=my + 4,
                relation=_short(relation),
            )
        )
        anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
        lx = x + (node_r + 5) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
        ly = y + (5 if anchor != "middle" else (node_r + 16 if sin > 0 else -(node_r + 7)))
        nodes.append(_node(spoke.node, x, y, node_r, (lx, ly, anchor)))
    nodes.append(_node(center, cx, cy, center_r, (cx, cy + center_r + 18, "middle"), " centre"))
    desc = ". ".join(_sentence(center, s) for s in spokes) + "."
    title = f"Relations of {center.label}: {len(spokes)} related entities"
    svg = Markup(
        '<svg id="{id}" class="network" role="img" viewBox="0 0 {w} {h}" width="{w}" '
        'height="{h}" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>"
        '<marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z"/></marker>'
        '<marker id="{id}-arrow-back" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M10,0L0,5L10,10z"/></marker>'
        "</defs>{edges}{nodes}</svg>"
    ).format(
        id=svg_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=desc,
        edges=Markup("").join(parts),
        nodes=Markup("").join(nodes),
    )
    return Picture(svg, n, max(hidden, 0))
