"""Scans delivered as images (PNG, JPEG, multi-page TIFF): every frame goes to OCR."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pipeline.ingest.errors import IngestError
from pipeline.ingest.ocr import PageJob, ocr_pages
from pipeline.ingest.options import IngestOptions
from pipeline.models import Source


def read_image(path: Path, doc_id: str, options: IngestOptions | None = None) -> Source:
    """OCR each frame; raise IngestError when the file is not a readable image."""
    options = options or IngestOptions()
    frames = frame_count(path)
    jobs = [PageJob(path, i, i + 1, "image") for i in range(frames)]
    return Source(doc_id, path, "image", tuple(ocr_pages(jobs, options)))


def frame_count(path: Path) -> int:
    """Frames in the file, after checking that every one decodes (a truncated
    scan fails here, with a reason, rather than inside a worker)."""
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            for i in range(frames):
                image.seek(i)
                image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise IngestError(f"not a readable image ({err.__class__.__name__})") from err
    return frames
