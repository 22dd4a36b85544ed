"""Page images of OCR'd pages, with the words Tesseract was unsure of marked.

Only pages whose method is ``ocr`` get an image: there the auditor needs to see what
was on paper. The image is small (``WIDTH`` pixels wide, grayscale JPEG) to keep the
report light. The run keeps no word boxes, so the page is read once more by Tesseract
(the run's engine and options, on the page as drawn, without the run's clean-up) and
words below ``LOW_CONFIDENCE`` are marked over the image: close to, not the same as,
what the run read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

WIDTH = 680
QUALITY = 45
OCR_DPI = 200
LOW_CONFIDENCE = 75.0
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


@dataclass
class PageImage:
    page: int
    src: str  # relative to the report's root
    width: int
    height: int
    low: list[dict] = field(default_factory=list)  # boxes in % of the image, word, confidence


def load_page(path: Path, number: int, dpi: int = OCR_DPI) -> Image.Image:
    """Page ``number`` (1-based) of a PDF or a (multi-frame) image file."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return pdf[number - 1].render(scale=dpi / 72).to_pil().convert("L")
        finally:
            pdf.close()
    with Image.open(path) as image:
        image.seek(number - 1)
        return image.convert("L")


def low_confidence_words(image: Image.Image, dpi: int = OCR_DPI) -> list[tuple]:
    """``(left, top, right, bottom, word, confidence)`` of the words read below the bar."""
    from pipeline.ingest.ocr import tesseract_words
    from pipeline.ingest.options import OcrOptions

    return [(w.x0, w.top, w.x1, w.bottom, w.text, conf)
            for w, conf in tesseract_words(image, dpi, OcrOptions()) if conf < LOW_CONFIDENCE]


def write_page_images(source: Path, doc_id: str, pages: list[int], folder: Path,
                      relative: str) -> list[PageImage]:
    """Write ``<doc_id>-<page>.jpg`` into ``folder`` for each page; a page that cannot be
    drawn is left out (the text is still there)."""
    images: list[PageImage] = []
    if source.suffix.lower() not in (".pdf", *IMAGE_SUFFIXES):
        return images
    folder.mkdir(parents=True, exist_ok=True)
    for number in pages:
        try:
            page = load_page(source, number)
            words = low_confidence_words(page)
        except Exception:  # noqa: BLE001 — a page image is a help, never a reason to fail
            continue
        small = page.resize((WIDTH, max(1, round(page.height * WIDTH / page.width))),
                            Image.Resampling.LANCZOS)
        name = f"{doc_id}-{number}.jpg"
        small.save(folder / name, "JPEG", quality=QUALITY, optimize=True)
        low = [{"left": 100 * x0 / page.width, "top": 100 * y0 / page.height,
                "width": 100 * (x1 - x0) / page.width, "height": 100 * (y1 - y0) / page.height,
                "word": word, "conf": round(conf)} for x0, y0, x1, y1, word, conf in words]
        images.append(PageImage(number, f"{relative}/{name}", small.width, small.height, low))
    return images
