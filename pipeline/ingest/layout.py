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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from pipeline.ingest.options import LayoutOptions
from pipeline.ingest.ruled_tables import Grid


@dataclass(frozen=True)
class Word:
    """One word and its box, in any unit with y growing downwards."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None  # Tesseract's, 0..100; None for a text layer's word

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


Segment = list[Word]  # words of one row between two column gaps


@dataclass(frozen=True)
class LaidLine:
    """A line of :func:`laid_lines`: its text and the words it was made of."""

    text: str
    words: tuple[Word, ...]

    @property
    def confidence(self) -> float | None:
        """The mean confidence of its words with text, None when they have none (a text layer)."""
        found = [w.confidence for w in self.words if w.text and w.confidence is not None]
        return sum(found) / len(found) if found else None


def reading_order(words: list[Word], options: LayoutOptions | None = None,
                  grids: Sequence[Grid] = ()) -> list[str]:
    """Lines of text, top to bottom, with each two-column band read left column first.

    ``grids``: ruled tables found on the page image (:mod:`pipeline.ingest.ruled_tables`);
    the words inside one are read cell by cell, a table row a line ("| 1 | ... |"), and
    the words above, between and below the tables as usual.
    """
    return [line.text for line in laid_lines(words, options, grids)]


def laid_lines(words: list[Word], options: LayoutOptions | None = None,
               grids: Sequence[Grid] = ()) -> list[LaidLine]:
    """:func:`reading_order`'s lines with the words each was made of."""
    options = options or LayoutOptions()
    grids = [g for g in grids if _filled(g, words)]
    if grids:
        return _with_tables(words, options, sorted(grids, key=lambda g: g.top))
    return _blocks(words, options)


def _filled(grid: Grid, words: list[Word]) -> bool:
    """A table has words in every column (a boxed stamp, say, does not)."""
    columns = {at[1] for w in words if w.text
               and (at := grid.cell((w.x0 + w.x1) / 2, w.middle)) is not None}
    return len(columns) == len(grid.columns) - 1


def _with_tables(words: list[Word], options: LayoutOptions, grids: list[Grid]) -> list[LaidLine]:
    chunks: list[list[Word]] = [[] for _ in range(len(grids) + 1)]
    cells: list[dict[tuple[int, int], list[Word]]] = [{} for _ in grids]
    for word in words:
        x, y = (word.x0 + word.x1) / 2, word.middle
        for k, grid in enumerate(grids):
            if (at := grid.cell(x, y)) is not None:
                cells[k].setdefault(at, []).append(word)
                break
        else:
            chunks[sum(y >= g.top for g in grids)].append(word)
    lines = _blocks(chunks[0], options) if chunks[0] else []
    for k, grid in enumerate(grids):
        for row in range(len(grid.rows) - 1):
            texts = [" ".join(" ".join(_text(r) for r in _rows(cells[k].get((row, col), [])))
                              .split()) for col in range(len(grid.columns) - 1)]
            if any(texts):
                held = tuple(w for col in range(len(grid.columns) - 1)
                             for w in cells[k].get((row, col), []))
                lines.append(LaidLine("| " + " | ".join(texts) + " |", held))
        if chunks[k + 1]:
            lines += _blocks(chunks[k + 1], options)
    return lines


def _blocks(words: list[Word], options: LayoutOptions) -> list[LaidLine]:
    rows = [_segments(row, options.column_gap) for row in _rows(words)]
    lines: list[LaidLine] = []
    i = 0
    while i < len(rows):
        if len(rows[i]) != 2:  # one block, or a table row: its cells left to right
            lines.extend(_line(segment) for segment in rows[i])
            i += 1
            continue
        end, split = _band(rows, i)
        lines.extend(_band_lines(rows[i:end], split, options.number_after_letterhead))
        i = end
    return [line for line in lines if line.text]


# The "Số: ..." line, also as OCR reads it ("Sô:", "SỐ", "S6:"); never "Sở" (a department).
_NUMBER_LINE = re.compile(r"^[Ss][ốỐôÔoOóÓồổỗộ6]\b\s*[:.]?")


def _band_lines(rows: list[list[Segment]], split: float, number_row: bool) -> list[LaidLine]:
    """A band's lines: its left column, then its right column.

    With ``number_row``, where the left column goes on below the letterhead with the "Số: ..." line
    (and a "V/v ..." subject under it) beside, or a row off, the place-and-date line, the
    letterheads come first (left, right), then the number, the date, and the
    rest of each column: the order the transcription conventions use, and the
    one a reader takes, the number and the date being read as one row.
    """
    left = [(k, t) for k, row in enumerate(rows) if (t := _line(_side(row, split, left=True))).text]
    right = [(k, t) for k, row in enumerate(rows) if (t := _line(_side(row, split, left=False))).text]
    number = next((j for j, (_, t) in enumerate(left) if _NUMBER_LINE.match(t.text)), None)
    if not number_row or number is None or not right:
        return [t for _, t in left] + [t for _, t in right]
    cut = left[number][0]  # the date is the right column's line nearest the number's row
    date = min(range(len(right)), key=lambda j: (abs(right[j][0] - cut), -j))
    return ([t for _, t in left[:number]] + [t for _, t in right[:date]]
            + [left[number][1], right[date][1]]
            + [t for _, t in left[number + 1:]] + [t for _, t in right[date + 1:]])


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
    """Cut a row wherever the gap between two words exceeds ``column_gap`` line heights.

    Not after "Số:": the gap there is the blank left for a number written in by hand.
    A piece holding only words without text (OCR junk, see :func:`_text`) is no column.
    """
    limit = column_gap * median(w.height for w in row)
    segments: list[Segment] = [[row[0]]]
    for prev, word in zip(row, row[1:], strict=False):
        if word.x0 - prev.x1 > limit and not _NUMBER_LINE.match(prev.text):
            segments.append([])
        segments[-1].append(word)
    return [s for s in segments if any(w.text for w in s)] or segments[:1]


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


def _line(words: Segment) -> LaidLine:
    return LaidLine(_text(words), tuple(words))


def _text(words: Segment) -> str:
    """The segment's words; a word without text (OCR junk, dropped) only held its place."""
    return " ".join(w.text for w in words if w.text)
