"""Rebuild models/syllables.txt.gz, the syllable inventory, from the word lists.

Usage: .venv/bin/python models/build_syllables.py

Why shipped: reading Viet74K and hunspell-vi and checking every token against
the spelling rules cost most of a second per process, more than repairing a
20-page plan. One syllable a line, canonical form (lower case, NFC, house tone
style), sorted, so a rebuild shows as a readable diff of the word lists' change.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, package installed or not

from pipeline.lang.syllables import INVENTORY_PATH, word_list_inventory  # noqa: E402


def main() -> None:
    syllables = sorted(word_list_inventory())
    with gzip.GzipFile(INVENTORY_PATH, "wb", mtime=0) as f:
        f.write("".join(s + "\n" for s in syllables).encode("utf-8"))
    print(f"{INVENTORY_PATH}: {len(syllables)} syllables, {INVENTORY_PATH.stat().st_size} bytes")


if __name__ == "__main__":
    main()
