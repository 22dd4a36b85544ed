"""Page furniture: page numbers and running headers or footers repeated on every page."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.repair.lines import RawLine

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:trang|page)\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
# A line seen at the edge of at least this share of pages (and of two) is a running header/footer.
RUNNING_SHARE = 0.5
EDGE_LINES = 2


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def remove_furniture(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Drop page-number lines and lines repeated at the edges of most pages."""
    running = _running_lines(lines)
    kept = [ln for ln in lines if not is_page_number(ln.text) and _key(ln.text) not in running]
    return kept, len(lines) - len(kept)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _running_lines(lines: list[RawLine]) -> set[str]:
    """Keys of lines standing among the first or last lines of most pages."""
    pages: dict[int, list[str]] = {}
    for ln in lines:
        if ln.text.strip():
            pages.setdefault(ln.page, []).append(_key(ln.text))
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for texts in pages.values():
        counts.update(set(texts[:EDGE_LINES] + texts[-EDGE_LINES:]))
    # Two pages at least, so a two-page plan's running header goes too.
    return {k for k, n in counts.items() if n >= max(2, RUNNING_SHARE * len(pages)) and len(k) > 2}
