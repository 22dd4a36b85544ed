"""Words with boxes → lines in reading order, keeping side-by-side columns apart.

A plan's letterhead is two columns: the agency and "Số: ..." on the left, the
quốc hiệu, motto and place-and-date on the right; the signature block repeats
the shape ("Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN"). Reading such a page row by
row merges the two into one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."), which
hides the code and the date from the segmenter. Here rows are cut where a gap
is far wider than a word space, and a run of such rows (a band) is read column
by column; a table (rows of three cells or more) is read row by row, cell by
cell. The same code orders a PDF text layer's words and Tesseract's, so
both sources give the segmenter the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from pipeline.ingest.options import LayoutOptions


@dataclass(frozen=True)
class Word:
    """One word and its box, in any unit with y growing downwards."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


Segment = list[Word]  # words of one row between two column gaps


def reading_order(words: list[Word], options: LayoutOptions | None = None) -> list[str]:
    """Lines of text, top to bottom, with each two-column band read left column first."""
    options = options or LayoutOptions()
    rows = [_segments(row, options.column_gap) for row in _rows(words)]
    lines: list[str] = []
    i = 0
    while i < len(rows):
        if len(rows[i]) != 2:  # one block, or a table row: its cells left to right
            lines.extend(_text(segment) for segment in rows[i])
            i += 1
            continue
        end, split = _band(rows, i)
        left = [_text(s) for row in rows[i:end] if (s := _side(row, split, left=True))]
        right = [_text(s) for row in rows[i:end] if (s := _side(row, split, left=False))]
        lines.extend(left + right)
        i = end
    return lines


def _rows(words: list[Word]) -> list[list[Word]]:
    """Group words whose vertical middles lie within half a line of each other."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        if rows:
            row = rows[-1]
            height = median(w.height for w in row)
            if abs(word.middle - median(w.middle for w in row)) < height / 2:
                row.append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _segments(row: list[Word], column_gap: float) -> list[Segment]:
    """Cut a row wherever the gap between two words exceeds ``column_gap`` line heights."""
    limit = column_gap * median(w.height for w in row)
    segments: list[Segment] = [[row[0]]]
    for prev, word in zip(row, row[1:], strict=False):
        if word.x0 - prev.x1 > limit:
            segments.append([])
        segments[-1].append(word)
    return segments


def _band(rows: list[list[Segment]], start: int) -> tuple[int, float]:
    """End of the two-column band starting at ``start``, and the x that splits it.

    The band goes on while a row is cut at the same gap, or holds a single
    segment on one side of it (a motto line with nothing beside it). A row of
    three cells or more is a table's and ends it: tables read row by row, as
    the Word reader reads them.
    """
    first = rows[start]
    split = (first[0][-1].x1 + first[1][0].x0) / 2
    end = start + 1
    while end < len(rows) and len(rows[end]) <= 2 and all(
            s[-1].x1 < split or s[0].x0 > split for s in rows[end]):
        end += 1
    return end, split


def _side(row: list[Segment], split: float, left: bool) -> Segment:
    """The words of a band row on one side of the split."""
    return [w for s in row for w in s if (s[-1].x1 < split) == left]


def _text(words: Segment) -> str:
    return " ".join(w.text for w in words)
