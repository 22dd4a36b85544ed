"""Read a report page as a person sees it: the text, and the text under each highlighted row."""

from __future__ import annotations

from html.parser import HTMLParser


class Highlights(HTMLParser):
    """Text of the page's ``.doc-text`` element and, per ``data-row``, the text its
    ``<mark>`` fragments cover (nested marks count for every mark around them)."""

    VOID = {"br", "img", "meta", "link", "input", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # element depth inside .doc-text (0: outside)
        self.marks: list[str | None] = []  # open elements inside .doc-text: a row id or None
        self.text: list[str] = []
        self.rows: dict[str, list[str]] = {}
        self.attrs: dict[str, dict[str, str]] = {}
        self.badly_nested = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0:
            if "doc-text" in (attrs.get("class") or "").split():
                self.depth = 1
            return
        if tag in self.VOID:
            return
        self.depth += 1
        row = attrs.get("data-row") if tag == "mark" else None
        self.marks.append(row)
        if row is not None:
            self.attrs.setdefault(row, {k: v or "" for k, v in attrs.items()})

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in self.VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            return
        opened = self.marks.pop()
        if (tag == "mark") != (opened is not None):
            self.badly_nested = True

    def handle_data(self, data):
        if self.depth == 0:
            return
        self.text.append(data)
        for row in filter(None, self.marks):
            self.rows.setdefault(row, []).append(data)

    @classmethod
    def of(cls, html: str) -> Highlights:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    @property
    def plain(self) -> str:
        return "".join(self.text)

    def row_text(self, row: str) -> str:
        return "".join(self.rows.get(row, []))
