"""Plan PDFs and scans made once per session from the sample plans (real files, no mocks)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from pipeline.evaluation import synth

PLAN_002 = "002_1d0c97eeb57a3117"  # Số: 227 /KH-UBND, Thủy Nguyên, 31/10/2024
PLAN_004 = "004_e58006d243a02151"  # Số: 237/KH-UBND, Hải Phòng, 24/7/2019


@dataclass(frozen=True)
class MadePlan:
    """A typeset plan: its PDF, each page's true lines, and each page rendered at 300 dpi."""

    pdf: Path
    pages: list[list[str]]
    images: list[Image.Image]


def _make(stem: str, folder: Path) -> MadePlan:
    pdf = folder / f"{stem}.pdf"
    pages = synth.write_text_pdf(synth.sample_plan(stem), pdf, max_pages=2)
    return MadePlan(pdf, pages, synth.render(pdf))


@pytest.fixture(scope="session")
def plan_002(tmp_path_factory) -> MadePlan:
    return _make(PLAN_002, tmp_path_factory.mktemp("plan_002"))


@pytest.fixture(scope="session")
def plan_004(tmp_path_factory) -> MadePlan:
    return _make(PLAN_004, tmp_path_factory.mktemp("plan_004"))
