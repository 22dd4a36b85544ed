"""The better vie model: found where npm installed it, unpacked once, never fetched."""

from __future__ import annotations

import gzip

from pipeline.ingest import tessdata
from pipeline.ingest.ocr import tesseract_config
from pipeline.ingest.options import OcrOptions


def test_the_npm_package_model_is_unpacked_into_a_tessdata_folder(tmp_path, monkeypatch):
    packed = tmp_path / "node_modules" / tessdata.NPM_PACKAGE / "4.0.0_best_int"
    packed.mkdir(parents=True)
    (packed / "vie.traineddata.gz").write_bytes(gzip.compress(b"model bytes"))
    monkeypatch.setenv(tessdata.ENV_PREFIX, str(tmp_path))
    folder = tessdata.tessdata_dir("best")
    assert (folder / "vie.traineddata").read_bytes() == b"model bytes"
    assert f"--tessdata-dir {folder}" in tesseract_config(OcrOptions(model="best"))


def test_without_the_package_tesseract_uses_its_own_model(tmp_path, monkeypatch):
    monkeypatch.setenv(tessdata.ENV_PREFIX, str(tmp_path))
    assert tessdata.tessdata_dir("best") is None
    assert tessdata.tessdata_dir("system") is None
    assert "--tessdata-dir" not in tesseract_config(OcrOptions(model="best"))
