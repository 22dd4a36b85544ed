"""Clean a page image before OCR: grey, scanner borders whitened, skew undone.

Why each step: dark scanner edges become rows of junk characters or shift
Tesseract's column finding; a skew of even 1° makes long lines drift across
text rows, which splits or merges lines and costs marks. The skew search runs
on a quarter-size copy so it stays a small share of Tesseract's own time.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from pipeline.ingest.options import OcrOptions

SEARCH_SCALE = 4  # skew is measured on a copy this many times smaller
COARSE_STEP, FINE_STEP = 0.5, 0.05  # degrees
DARK = 128  # grey level below which a pixel is ink
BORDER_INK = 0.5  # a column or row this dark at the page edge is scanner border
BORDER_MARGIN = 8  # pixels of the band's blurred edge painted over too


def prepare(image: Image.Image, options: OcrOptions) -> Image.Image:
    """The page as Tesseract should see it."""
    page = image.convert("L")
    if options.crop_borders:
        page = whiten_borders(page)
    if options.deskew:
        angle = skew_angle(page, options.max_skew)
        if abs(angle) >= FINE_STEP:
            page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return page


def whiten_borders(page: Image.Image) -> Image.Image:
    """Paint white the dark bands that run along the page edges."""
    pixels = np.asarray(page).copy()
    ink = pixels < DARK
    cols, rows = ink.mean(axis=0), ink.mean(axis=1)
    left, right = _edge_run(cols), _edge_run(cols[::-1])
    top, bottom = _edge_run(rows), _edge_run(rows[::-1])
    if not (left or right or top or bottom):
        return page
    pixels[:, :left] = 255
    pixels[:, pixels.shape[1] - right:] = 255
    pixels[:top, :] = 255
    pixels[pixels.shape[0] - bottom:, :] = 255
    return Image.fromarray(pixels)


def _edge_run(ink_share: np.ndarray) -> int:
    """Lines from the edge that belong to a dark band starting within 2% of the edge."""
    dark = ink_share > BORDER_INK
    window = max(1, len(dark) // 50)
    if not dark[:window].any():
        return 0
    start = int(np.argmax(dark))
    light = np.flatnonzero(~dark[start:])
    end = start + (int(light[0]) if light.size else len(dark))
    return min(end + BORDER_MARGIN, len(dark) // 4)


def skew_angle(page: Image.Image, max_skew: float) -> float:
    """Angle (degrees, counter-clockwise) that makes text rows horizontal.

    The right angle is the one where the row profile of ink is sharpest:
    rows fall exactly on text lines or exactly between them.
    """
    small = page.reduce(SEARCH_SCALE).point(lambda v: 255 if v < DARK else 0)
    best = _best_angle(small, np.arange(-max_skew, max_skew + 1e-9, COARSE_STEP))
    fine = np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, FINE_STEP)
    return _best_angle(small, fine)


def _best_angle(ink: Image.Image, angles: np.ndarray) -> float:
    scores = [_sharpness(ink.rotate(float(a), resample=Image.Resampling.BILINEAR))
              for a in angles]
    return float(angles[int(np.argmax(scores))])


def _sharpness(ink: Image.Image) -> float:
    profile = np.asarray(ink, dtype=np.float32).sum(axis=1)
    return float(np.square(np.diff(profile)).sum())
