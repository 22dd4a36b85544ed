"""OCR confidence in plans.csv: a scanned plan's header fields get numbers, a text file none.

The scan is a real OCR: a short plan (letterhead, title, preamble, outline, signature)
typeset with a Vietnamese font, rasterised at 300 dpi and saved as a PNG, run through
`plans run` beside a plain-text plan.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from PIL import ImageOps

from pipeline.evaluation import synth
from pipeline.options import RunOptions
from pipeline.run import run
from tests.conftest import RAW

FIELDS = ("code", "issue_date", "place", "issuer", "title", "signer_name")
PLAN = synth.PlanText(
    left=("ỦY BAN NHÂN DÂN", "HUYỆN THỦY NGUYÊN", "Số: 227/KH-UBND"),
    right=(*synth.MOTTO, "Thủy Nguyên, ngày 31 tháng 10 năm 2024"),
    body=("KẾ HOẠCH", "Tuyên truyền gương điển hình tiên tiến năm 2025",
          "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân thành phố, "
          "Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:",
          "I. MỤC ĐÍCH, YÊU CẦU", "- Kịp thời biểu dương gương điển hình tiên tiến.",
          "II. TỔ CHỨC THỰC HIỆN", "Phòng Nội vụ chủ trì, tổng hợp kết quả trước ngày 15/12/2025.",
          "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
          "Nguyễn Văn An"))


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> pd.DataFrame:
    folder = tmp_path_factory.mktemp("confidence")
    (folder / "in").mkdir()
    synth.write_text_pdf(PLAN, folder / "plan.pdf", max_pages=1)
    [page] = synth.render(folder / "plan.pdf")
    ink = ImageOps.invert(page).getbbox()  # the page without the blank below the signature
    page.crop((0, 0, page.width, ink[3] + 150)).save(folder / "in" / "scan.png", dpi=(300, 300))
    shutil.copy(RAW / "001_9ee4dba2b0b7b334.txt", folder / "in" / "typed.txt")
    run([folder / "in"], folder / "out", RunOptions(workers=1, progress=False))
    table = pd.read_csv(folder / "out" / "plans.csv", encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    return table.set_index("doc_id")


def test_a_scanned_plan_has_a_confidence_for_every_header_field(plans):
    scan = plans.loc["scan"]
    assert (scan["code"], scan["issue_date"], scan["signer_name"]) == (
        "227/KH-UBND", "2024-10-31", "Nguyễn Văn An")
    for field in FIELDS:
        assert scan[field], field
        assert 0 <= float(scan[f"{field}_confidence"]) <= 100, field


def test_a_text_document_has_empty_confidence_cells(plans):
    typed = plans.loc["typed"]
    assert typed["issuer"] and typed["title"] and typed["signer_name"]
    assert [typed[f"{field}_confidence"] for field in FIELDS] == [""] * len(FIELDS)


def test_the_confidence_columns_follow_the_contract_columns(plans):
    columns = list(plans.reset_index().columns)
    assert columns[-len(FIELDS):] == [f"{field}_confidence" for field in FIELDS]
    assert columns.index("pages") < columns.index("code_confidence")
