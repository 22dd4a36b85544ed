"""Rows highlighted in place: the repaired text as HTML with one ``<mark>`` per row span.

Spans of different tables overlap (a deadline inside a responsibility's sentence, a
reference crossing a criterion), and HTML elements must nest. So the text is cut at
every span boundary and the marks are kept on a stack: when a span ends below the
top of the stack, the spans above it are closed and opened again after it. A row
may therefore be drawn as several ``<mark>`` fragments with the same ``data-row``;
read in document order, their text is exactly ``text[start:end]``.

Every character of the text is escaped; no markup comes from a document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Mark:
    """One row's span in the text and how it is drawn.

    ``row`` names the row on the page ("D3": the document's third deadline), ``kind``
    its table (the CSS class ``t-<kind>``), ``title`` the text shown on hover.
    """

    start: int
    end: int
    row: str
    kind: str
    title: str = ""
    attrs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Anchor:
    """An empty element placed at an offset: a section's target for the outline."""

    at: int
    id: str


def placeable(mark: Mark, length: int) -> bool:
    """A mark can be drawn when it covers at least one character inside the text."""
    return 0 <= mark.start < mark.end <= length


def highlight(text: str, marks: Iterable[Mark], anchors: Iterable[Anchor] = ()) -> Markup:
    """``text`` escaped, with every placeable mark drawn as properly nested ``<mark>``s.

    Marks starting at the same offset open longest first, so a short row inside a long
    one nests in it instead of splitting it.
    """
    marks = [m for m in marks if placeable(m, len(text))]
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, set[int]] = {}
    for index, mark in enumerate(marks):
        starts.setdefault(mark.start, []).append(mark)
        ends.setdefault(mark.end, set()).add(index)
    index_of = {id(m): i for i, m in enumerate(marks)}
    at: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        at.setdefault(min(max(anchor.at, 0), len(text)), []).append(anchor)
    cuts = sorted({0, len(text), *starts, *ends, *at})

    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()  # marks drawn once already: the next fragment is a continuation
    for position, following in zip(cuts, [*cuts[1:], None], strict=True):
        closing = ends.get(position, set())
        if closing and any(index_of[id(m)] in closing for m in stack):
            deepest = min(i for i, m in enumerate(stack) if index_of[id(m)] in closing)
            reopen = [m for m in stack[deepest:] if index_of[id(m)] not in closing]
            out.append("</mark>" * (len(stack) - deepest))
            del stack[deepest:]
            for mark in reopen:
                out.append(_open(mark, first=False))
                stack.append(mark)
        for anchor in at.get(position, ()):
            out.append(f'<span class="anchor" id="{escape(anchor.id)}"></span>')
        for mark in sorted(starts.get(position, ()), key=lambda m: (-m.end, m.row)):
            out.append(_open(mark, first=index_of[id(mark)] not in opened))
            opened.add(index_of[id(mark)])
            stack.append(mark)
        if following is not None:
            out.append(escape(text[position:following], quote=False))
    out.append("</mark>" * len(stack))
    return Markup("".join(out))


def _open(mark: Mark, first: bool) -> str:
    """The opening tag; only a row's first fragment carries its id (a link target)."""
    attrs = {"class": f"hl t-{mark.kind}", "data-row": mark.row,
             "data-start": str(mark.start), "data-end": str(mark.end), **mark.attrs}
    if first:
        attrs["id"] = f"r-{mark.row}"
    if mark.title:
        attrs["title"] = mark.title
    return "<mark " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"
