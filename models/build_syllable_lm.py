"""Rebuild models/syllable_lm.json.gz from the project's clean plans.

Usage: .venv/bin/python models/build_syllable_lm.py [RAW_DIR]

Why only some files: a document with a hand-restored ``*.clean.txt`` in
tests/data/gold is an evaluation target, so neither it nor its gold text may
train the model; damaged documents (few valid syllables) would teach it their
damage. Every other plain-text plan in RAW_DIR (default data/raw) is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, package installed or not

from pipeline.lang.syllables import valid_share  # noqa: E402
from pipeline.repair.lm import DEFAULT_PATH, LanguageModel  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
CLEAN_SHARE = 0.97


def training_files(raw_dir: Path) -> list[Path]:
    held_back = {p.name.removesuffix(".clean.txt") for p in GOLD.glob("*.clean.txt")}
    files = [p for p in sorted(raw_dir.glob("*.txt")) if p.stem not in held_back]
    return [p for p in files if valid_share(p.read_text(encoding="utf-8")) >= CLEAN_SHARE]


def main(raw_dir: Path) -> None:
    files = training_files(raw_dir)
    model = LanguageModel.train(p.read_text(encoding="utf-8") for p in files)
    model.save(DEFAULT_PATH)
    print(f"{DEFAULT_PATH}: {len(files)} files, {sum(model.counts[0].values())} tokens,"
          f" {DEFAULT_PATH.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "raw")
