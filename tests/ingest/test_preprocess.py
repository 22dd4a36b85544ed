"""Page cleaning before OCR: skew measured and undone, scanner edges and speckle removed."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from pipeline.evaluation import synth
from pipeline.ingest.options import OcrOptions
from pipeline.ingest.preprocess import despeckle, median3, prepare, skew_angle, whiten_borders


@pytest.mark.parametrize("degrees", [-1.0, 0.6, 2.0])
def test_a_page_scanned_askew_is_measured_to_a_tenth_of_a_degree(plan_002, degrees):
    page = synth.scan(plan_002.images[1], synth.Damage(rotate=degrees))
    assert skew_angle(page, max_skew=3.0) == pytest.approx(-degrees, abs=0.1)


def test_dark_scanner_edges_are_painted_white_and_text_is_left_alone(plan_002):
    clean = plan_002.images[1].convert("L")
    edged = whiten_borders(synth.scan(clean, synth.Damage(border=80)))
    pixels, original = np.asarray(edged), np.asarray(clean)
    assert pixels[:, :30].min() > 200 and pixels[-60:, :].min() > 200
    assert np.array_equal(pixels[400:3000, 400:2000], original[400:3000, 400:2000])


def test_speckle_is_removed_only_from_noisy_pages(plan_002):
    clean = plan_002.images[1].convert("L")
    assert despeckle(clean, 4.0) is clean
    noisy = synth.scan(clean, synth.Damage(noise=28, speckle=0.003))
    margin = (0, 0, 250, 3508)  # no text: every dark pixel there is a speck
    assert _dark_share(noisy.crop(margin)) > 0.001
    assert _dark_share(despeckle(noisy, 4.0).crop(margin)) < 0.00001


def test_median3_is_the_exact_three_by_three_median():
    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, (7, 9), dtype=np.uint8)
    padded = np.pad(pixels, 1, mode="edge")
    expected = np.array([[np.median(padded[y:y + 3, x:x + 3]) for x in range(9)]
                         for y in range(7)])
    assert np.array_equal(median3(pixels), expected)


def test_prepare_gives_a_grey_page_of_the_same_size(plan_002):
    page = prepare(plan_002.images[1], OcrOptions())
    assert page.mode == "L" and page.size == plan_002.images[1].size


def _dark_share(image: Image.Image) -> float:
    return float((np.asarray(image) < 128).mean())
