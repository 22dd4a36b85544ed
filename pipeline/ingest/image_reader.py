"""Scans delivered as images (PNG, JPEG, multi-page TIFF): every frame with ink goes to OCR.

The frame count and each frame's size at the OCR resolution are checked against
the limits before any frame is OCR'd, and a frame of one flat colour is a blank
page, kept without OCR.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pipeline.ingest.errors import IngestError
from pipeline.ingest.ocr import MAX_SCALE, MIN_SCALED_DPI, PageJob, ocr_pages, page_dpi
from pipeline.ingest.options import IngestOptions
from pipeline.models import Page, Source


def read_image(path: Path, doc_id: str, options: IngestOptions | None = None) -> Source:
    """OCR each frame; raise IngestError when the file is not a readable image or too large."""
    options = options or IngestOptions()
    blank = blank_frames(path, options)
    jobs = [PageJob(path, i, i + 1, "image") for i in range(len(blank)) if not blank[i]]
    pages = ocr_pages(jobs, options) + [Page(i + 1, (), "blank") for i, b in enumerate(blank) if b]
    return Source(doc_id, path, "image", tuple(sorted(pages, key=lambda p: p.number)))


def blank_frames(path: Path, options: IngestOptions) -> list[bool]:
    """For every frame, whether it is blank, after checking that the frames are within
    the limits and all decode (a truncated scan fails here, with a reason, rather
    than inside OCR)."""
    limits = options.limits
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            if frames > limits.max_pages:
                raise IngestError(f"too large: {frames} frames (the limit is {limits.max_pages} "
                                  f"pages per document; --max-pages)")
            blank = []
            for i in range(frames):
                image.seek(i)
                _check_pixels(image, i + 1, options)
                image.load()
                blank.append(_flat(image))
    except Image.DecompressionBombError as err:
        raise IngestError(f"too large: {err}".splitlines()[0][:200]) from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise IngestError(f"not a readable image ({err.__class__.__name__})") from err
    return blank


def _check_pixels(image: Image.Image, number: int, options: IngestOptions) -> None:
    """The frame as OCR will see it (enlarged when its resolution is low) must fit the limit."""
    dpi = options.ocr.dpi
    actual = page_dpi(image.size, float((image.info.get("dpi") or (0,))[0])) or dpi
    scale = min(dpi / actual, MAX_SCALE) if actual < dpi * MIN_SCALED_DPI else 1.0
    pixels = round(image.width * scale) * round(image.height * scale)
    if pixels > options.limits.max_page_pixels:
        raise IngestError(f"too large: page {number} is {pixels:,} pixels to OCR (the limit is "
                          f"{options.limits.max_page_pixels:,} pixels per page; --max-page-pixels)")


def _flat(image: Image.Image) -> bool:
    """One colour all over: nothing to read."""
    extrema = image.getextrema()
    bands = extrema if isinstance(extrema[0], tuple) else (extrema,)
    return all(low == high for low, high in bands)
