"""The cascade as a drawn graph: an SVG, parents above children, no script needed.

One node per document of the run (filled, linking to its page) and one per document
only cited (hollow); an edge from each child up to its parent. Layers: a node with
no parent in the graph is on top, any other one layer below its lowest parent
(cycles, which a careless citation can make, are drawn within one layer). A layer
wider than ``PER_ROW`` nodes wraps onto more rows, still above the next layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import networkx as nx
import pandas as pd
from markupsafe import Markup

from pipeline.compare.frames import text_rows

WIDTH, HEIGHT, GAP_X, GAP_Y, MARGIN, PER_ROW = 190, 48, 22, 56, 12, 7


@dataclass
class Node:
    key: str
    label: str
    sublabel: str
    title: str
    in_run: bool
    href: str = ""
    data: dict[str, str] = field(default_factory=dict)
    x: float = 0.0
    y: float = 0.0


def cascade_nodes(plans: pd.DataFrame, cascade: pd.DataFrame,
                  href: dict[str, str], data: dict[str, dict[str, str]]) -> tuple[list[Node], list[tuple]]:
    """Nodes (documents of the run first) and edges ``(child, parent, relation)``."""
    nodes: dict[str, Node] = {}
    for row in text_rows(plans):
        label = row.code or row.doc_type or row.doc_id
        nodes[row.doc_id] = Node(row.doc_id, label, shorten(row.issuer or row.doc_id, 27),
                                 f"{row.doc_type} {row.code}".strip() + f" — {row.title}",
                                 True, href.get(row.doc_id, ""), data.get(row.doc_id, {}))
    edges: list[tuple[str, str, str]] = []
    for row in text_rows(cascade):
        parent = row.parent_doc_id or row.parent_node
        if not parent or row.child_doc_id not in nodes:
            continue
        if parent not in nodes:
            label = row.parent_code or f"{row.parent_type} {_date(row.parent_date)}".strip()
            nodes[parent] = Node(parent, label or parent, shorten(row.parent_issuer, 27),
                                 f"{row.parent_type} {row.parent_code}".strip()
                                 + (f" — {row.parent_title}" if row.parent_title else ""), False)
        if (row.child_doc_id, parent) not in {(c, p) for c, p, _ in edges}:
            edges.append((row.child_doc_id, parent, row.relation))
    return list(nodes.values()), edges


def layout(nodes: list[Node], edges: list[tuple]) -> tuple[float, float]:
    """Place the nodes; return the drawing's width and height."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(n.key for n in nodes)
    graph.add_edges_from((parent, child) for child, parent, _ in edges if parent != child)
    condensed = nx.condensation(graph)
    level: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        parents = list(condensed.predecessors(component))
        level[component] = 1 + max(level[p] for p in parents) if parents else 0
    by_key = {n.key: n for n in nodes}
    layers: dict[int, list[Node]] = {}
    for component, members in condensed.nodes(data="members"):
        for key in members:
            layers.setdefault(level[component], []).append(by_key[key])
    first = [sorted(layers[d], key=lambda n: (not n.in_run, n.label)) for d in sorted(layers)]
    order = _ordered(first, graph)
    y, width = MARGIN, 0.0
    for row_nodes in order:
        for start in range(0, len(row_nodes), PER_ROW):
            for i, node in enumerate(row_nodes[start:start + PER_ROW]):
                node.x, node.y = MARGIN + i * (WIDTH + GAP_X), y
                width = max(width, node.x + WIDTH + MARGIN)
            y += HEIGHT + GAP_Y
    return width, y - GAP_Y + MARGIN


def _ordered(layers: list[list[Node]], graph: nx.DiGraph, sweeps: int = 2) -> list[list[Node]]:
    """Fewer crossings: each layer sorted by the mean position of its neighbours in the
    layer above (going down), then in the layer below (going up), a few times over."""
    position = {n.key: i for layer in layers for i, n in enumerate(layer)}

    def sort(layer: list[Node], neighbours) -> list[Node]:
        def mean(node: Node) -> float:
            near = [position[k] for k in neighbours(node.key) if k in position]
            return sum(near) / len(near) if near else position[node.key]
        ranked = sorted(layer, key=lambda n: (mean(n), position[n.key]))
        position.update({n.key: i for i, n in enumerate(ranked)})
        return ranked

    for _ in range(sweeps):
        for d in range(1, len(layers)):
            layers[d] = sort(layers[d], graph.predecessors)
        for d in range(len(layers) - 2, -1, -1):
            layers[d] = sort(layers[d], graph.successors)
    return layers


def cascade_svg(nodes: list[Node], edges: list[tuple], relations: dict[str, str]) -> Markup:
    """The graph as inline SVG; each node a link (run documents) with its full title on hover."""
    if not nodes:
        return Markup("")
    width, height = layout(nodes, edges)
    by_key = {n.key: n for n in nodes}
    parts = [f'<svg class="cascade" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'aria-label="Sơ đồ liên kết văn bản" width="{width:.0f}" height="{height:.0f}" '
             f'viewBox="0 0 {width:.0f} {height:.0f}">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>']
    for child, parent, relation in edges:
        c, p = by_key[child], by_key[parent]
        x1, y1, x2, y2 = c.x + WIDTH / 2, c.y, p.x + WIDTH / 2, p.y + HEIGHT
        if y1 <= y2:  # same layer (a cycle): join the sides
            x1, y1, x2, y2 = c.x + WIDTH / 2, c.y + HEIGHT / 2, p.x + WIDTH / 2, p.y + HEIGHT / 2
        mid = (y1 + y2) / 2
        name = escape(relations.get(relation, relation))
        parts.append(f'<path class="edge rel-{escape(relation)}" data-child="{escape(child)}" '
                     f'd="M{x1:.0f},{y1:.0f} C{x1:.0f},{mid:.0f} {x2:.0f},{mid:.0f} {x2:.0f},{y2:.0f}" '
                     f'marker-end="url(#arrow)"><title>{name}</title></path>')
    for node in nodes:
        kind = "doc" if node.in_run else "cited"
        data = "".join(f' data-{k}="{escape(v)}"' for k, v in node.data.items())
        shape = (f'<g class="node {kind}" data-key="{escape(node.key)}"{data}>'
                 f'<title>{escape(node.title)}</title>'
                 f'<rect x="{node.x:.0f}" y="{node.y:.0f}" width="{WIDTH}" height="{HEIGHT}" rx="6"/>'
                 f'<text x="{node.x + WIDTH / 2:.0f}" y="{node.y + 19:.0f}" class="label">'
                 f'{escape(shorten(node.label, 26))}</text>'
                 f'<text x="{node.x + WIDTH / 2:.0f}" y="{node.y + 37:.0f}" class="sub">'
                 f'{escape(node.sublabel)}</text></g>')
        parts.append(f'<a href="{escape(node.href)}">{shape}</a>' if node.href else shape)
    parts.append("</svg>")
    return Markup("".join(parts))


def shorten(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut with an ellipsis at ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _date(value: str) -> str:
    parts = value.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else value
