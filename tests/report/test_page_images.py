"""Page images of OCR'd pages: small JPEGs, with the words Tesseract is unsure of boxed."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.report.page_images import LOW_CONFIDENCE, WIDTH, write_page_images

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core, installed by make


def test_a_page_gets_a_small_image_with_its_blurred_words_marked(tmp_path):
    font = ImageFont.truetype(FONT, 40)
    page = Image.new("L", (1654, 600), 255)
    ImageDraw.Draw(page).text((100, 100), "Ủy ban nhân dân tỉnh ban hành kế hoạch", font=font, fill=0)
    smudge = Image.new("L", (700, 80), 255)
    ImageDraw.Draw(smudge).text((0, 0), "thực hiện nhiệm vụ", font=font, fill=0)
    page.paste(smudge.filter(ImageFilter.GaussianBlur(3.2)), (100, 300))
    page.save(tmp_path / "scan.png")

    [image] = write_page_images(tmp_path / "scan.png", "scan", [1], tmp_path / "pages", "../pages")
    assert image.src == "../pages/scan-1.jpg" and image.width == WIDTH
    assert (tmp_path / "pages" / "scan-1.jpg").stat().st_size < 60_000
    assert image.low, "the blurred line has words Tesseract is unsure of"
    for box in image.low:
        assert box["conf"] < LOW_CONFIDENCE
        assert 45 < box["top"] < 60  # on the blurred line (300/600 of the page), not the sharp one


def test_a_page_that_cannot_be_drawn_is_left_out(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    assert write_page_images(tmp_path / "broken.pdf", "broken", [1], tmp_path / "pages", "p") == []
