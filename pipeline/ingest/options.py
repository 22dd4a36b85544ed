"""Typed settings of the ingest stage: how pages are judged, laid out and OCR'd.

One place for every knob (dpi, page segmentation mode, thresholds), so an
evaluation can try another value by building another options object instead
of patching constants, and so a run records exactly what it used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OcrOptions:
    """How a page image becomes text.

    ``psm`` 4 (one column of text of varying sizes) and 3 (automatic) measured
    the same on plan pages and 6 (one uniform block) worse on harsh scans; the
    letterhead's two columns are put in order by :mod:`pipeline.ingest.layout`
    afterwards, from the word boxes, rather than by Tesseract's block finder.
    ``model`` "system" is Debian's fast ``vie``; "best" is the best-int model from
    npm (see :mod:`pipeline.ingest.tessdata`), which measured no better on
    synthetic scans (CER 0.06% against 0.05%, and fewer "II." headings) and is
    slower, so it is an option to re-measure on real scans, not the default.
    """

    lang: str = "vie"
    model: str = "system"  # "system" or "best"
    dpi: int = 300
    psm: int = 4
    oem: int = 1  # LSTM only
    deskew: bool = True
    max_skew: float = 3.0  # degrees searched either way
    crop_borders: bool = True
    # Median-filter pages whose mean difference from their median exceeds this many
    # grey levels: clean renders measure 0.6, mild scans 2.5, harsh ones 10. 0 turns it off.
    denoise_above: float = 4.0
    timeout: float = 300.0  # seconds for one page before Tesseract is stopped
    # A page read with fewer Vietnamese syllables than this share may be sideways or
    # upside down: Tesseract's orientation detector is asked, and the page read again.
    upright_below: float = 0.5
    # A word Tesseract is less sure of than this, and that is no syllable, code or
    # number, is what a seal, a signature or a handwritten fill-in was read as: dropped.
    junk_below: float = 50.0
    # Read a table drawn with rules cell by cell (see pipeline.ingest.ruled_tables).
    ruled_tables: bool = True


@dataclass(frozen=True)
class LayoutOptions:
    """How words with boxes become lines in reading order."""

    # A horizontal gap wider than this many line heights separates two columns
    # (letterhead, signature block); a word space is about a third of one.
    column_gap: float = 2.5
    # The same for Tesseract's word boxes. Narrower: on the real scans a letterhead's
    # gutter is often under two line heights ("ĐẢNG BỘ ... CÔNG NGHỆ   ĐẢNG CỘNG SẢN"),
    # and 1.5 measured best there (mean CER 4.6% at 1.8, 4.3% at 1.5 and 1.2).
    ocr_column_gap: float = 1.5
    # Read the "Số: ..." line and the date line after both letterhead columns, as the
    # transcription conventions of the real scans do (tests/data/real/scans/README.md).
    # OCR only, for now: the text-layer path keeps the left column whole.
    number_after_letterhead: bool = False


@dataclass(frozen=True)
class TextLayerOptions:
    """When a PDF page's own text is trusted instead of OCR."""

    min_letters: int = 40  # fewer letters: a scan, or a page with only a stamp
    # Share of words that are Vietnamese syllables; clean pages score 0.85–0.99,
    # a broken font map under 0.05.
    min_syllable_share: float = 0.5


def default_workers() -> int:
    """Cores this process may use: page-level OCR runs one process per core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Limits:
    """How large a file may be before it is refused with a reason instead of read.

    Why: a 52 KB .docx can unzip to gigabytes, a 1 KB PDF can hold one 5000 pt page
    (434 million pixels at 300 dpi) or 2,000 blank ones. Each limit is checked from
    the file's own directory (zip entries, page sizes, frame count) before the
    expensive reading starts. Defaults are far above real plans: an A4 page at
    300 dpi is 8.7 million pixels, an A2 sheet 35 million; plans run to tens of pages.
    """

    max_pages: int = 500  # pages of a PDF or frames of an image
    max_page_pixels: int = 60_000_000  # a page to OCR, at the OCR resolution
    max_unzipped_mb: int = 200  # the parts of a Word file, once decompressed


@dataclass(frozen=True)
class IngestOptions:
    """Everything ingest needs; ``workers`` 1 when a caller already runs documents in parallel."""

    ocr: OcrOptions = field(default_factory=OcrOptions)
    limits: Limits = field(default_factory=Limits)
    layout: LayoutOptions = field(default_factory=LayoutOptions)
    text_layer: TextLayerOptions = field(default_factory=TextLayerOptions)
    workers: int = field(default_factory=default_workers)
