"""Rebuild models/places.tsv.gz, the gazetteer of Vietnam's administrative units.

Usage: .venv/bin/python models/build_places.py

Why from the ``vietnam-provinces`` wheels: they ship the official lists as
data. Version 0.6.0 holds the three-level list in force until July 2025
(provinces, districts, communes); 2025.10.1 the two-level list since (provinces,
communes). Plans of both periods name both, so both go in. The wheels are
downloaded into a temporary folder at build time only; the pipeline reads the
small artefact this writes (:mod:`pipeline.repair.places`) and never the network.

Rows: ``tier, name, district, province, list`` (tab-separated, unique), the
tier word in lower case ("xã", "thành phố"), the name without it in the house
tone style ("Thanh Hóa"), the parents' names likewise ("" where none), and
``2024`` or ``2025`` for the list the row comes from.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, package installed or not

from pipeline.lang.syllables import normalize_tones  # noqa: E402
from pipeline.repair.places import DEFAULT_PATH, TIERS, Place  # noqa: E402

WHEELS = {"2024": "vietnam-provinces==0.6.0", "2025": "vietnam-provinces==2025.10.1"}
DATA = "vietnam_provinces/data/flat-divisions.json"


def split_tier(full: str) -> tuple[str, str]:
    """("Huyện Như Xuân") -> ("huyện", "Như Xuân"); the longest tier word wins ("Thị xã")."""
    full = normalize_tones(unicodedata.normalize("NFC", full.strip()))
    if full[:3].lower() in ("tp ", "tp."):  # one row of 2025.10.1 says "Tp Hải Phòng"
        full = "Thành phố " + full[3:].strip()
    for tier in sorted(TIERS, key=len, reverse=True):
        if full.lower().startswith(tier + " "):
            return tier, full[len(tier) + 1:].strip()
    raise ValueError(f"no tier word in {full!r}")


def _download(requirement: str, folder: Path) -> list[dict]:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    requirement, "-d", str(folder)], check=True)
    wheel = next(folder.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return json.loads(archive.read(DATA))


def _rows_2024(records: list[dict]) -> set[Place]:
    """Three levels: every commune, district and province with its parents."""
    rows = set()
    for r in records:
        province = split_tier(r["province_name"])
        district = split_tier(r["district_name"])
        rows.add(Place(*province, "", "", "2024"))
        rows.add(Place(*district, "", province[1], "2024"))
        if r.get("ward_name"):
            rows.add(Place(*split_tier(r["ward_name"]), district[1], province[1], "2024"))
    return rows


def _rows_2025(records: list[dict]) -> set[Place]:
    """Two levels since July 2025: communes (xã, phường, đặc khu) under provinces."""
    rows = set()
    for r in records:
        province = split_tier(r["province_name"])
        rows.add(Place(*province, "", "", "2025"))
        rows.add(Place(*split_tier(r["name"]), "", province[1], "2025"))
    return rows


def main() -> None:
    rows: set[Place] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for era, requirement in WHEELS.items():
            folder = Path(tmp) / era
            records = _download(requirement, folder)
            rows |= _rows_2024(records) if era == "2024" else _rows_2025(records)
    text = "".join("\t".join(row) + "\n" for row in sorted(rows))
    with gzip.GzipFile(DEFAULT_PATH, "wb", compresslevel=9, mtime=0) as f:  # same bytes each build
        f.write(text.encode("utf-8"))
    print(f"{DEFAULT_PATH}: {len(rows)} rows, {DEFAULT_PATH.stat().st_size} bytes")


if __name__ == "__main__":
    main()
