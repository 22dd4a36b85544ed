"""Where Tesseract finds a better ``vie`` model than Debian's.

Debian's ``tesseract-ocr-vie`` is the small "fast" model. The npm package
``@tesseract.js-data/vie`` ships the "best" model converted to integers
(``4.0.0_best_int``), which native Tesseract 5 loads. Measured on the
synthetic scans of the samples it reads no better than the fast model (harsh
scan 0.027 % vs 0.028 % CER, broken text layer 0.082 % vs 0.028 %), so setup
does not install it and ``OcrOptions.model`` defaults to "system". A user who
installs it (``npm install --prefix <venv>/share/tessdata @tesseract.js-data/vie``)
can choose "best"; here it is only looked up and unpacked once, never fetched,
so a run needs no network.
"""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import tempfile
from pathlib import Path

NPM_PACKAGE = "@tesseract.js-data/vie"
# Model name in OcrOptions → folder of the npm package holding it.
VARIANTS = {"best": "4.0.0_best_int"}
ENV_PREFIX = "PLAN_MINER_TESSDATA"  # overrides the npm prefix (default <venv>/share/tessdata)


def npm_prefix() -> Path:
    return Path(os.environ.get(ENV_PREFIX) or Path(sys.prefix) / "share" / "tessdata")


def tessdata_dir(model: str, lang: str = "vie") -> Path | None:
    """Folder holding ``<lang>.traineddata`` of ``model``; None means Tesseract's own."""
    variant = VARIANTS.get(model)
    if variant is None:
        return None
    prefix = npm_prefix()
    target = prefix / variant / f"{lang}.traineddata"
    if target.is_file():
        return target.parent
    packed = prefix / "node_modules" / NPM_PACKAGE / variant / f"{lang}.traineddata.gz"
    if not packed.is_file():
        return None
    _unpack(packed, target)
    return target.parent


def _unpack(packed: Path, target: Path) -> None:
    """Gunzip next to the package; written then renamed, as parallel workers may race."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(packed, "rb") as src, tempfile.NamedTemporaryFile(
            dir=target.parent, delete=False) as tmp:
        shutil.copyfileobj(src, tmp)
    os.replace(tmp.name, target)
