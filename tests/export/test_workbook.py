"""The workbook round-trips Vietnamese text through a real spreadsheet program.

LibreOffice (Debian package libreoffice-calc-nogui) converts every sheet back to CSV;
what an auditor sees must be the exact NFC text the pipeline wrote.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from pipeline.export.workbook import sheet_name, write_workbook

SOFFICE = shutil.which("soffice")

PLANS = pd.DataFrame({
    "doc_id": ["002_1d0c97eeb57a3117", "004_e58006d243a02151"],
    "code": ["227/KH-UBND", "237/KH-UBND"],
    "issuer": ["Ủy ban nhân dân huyện Thủy Nguyên", "Ủy ban nhân dân thành phố Hải Phòng"],
    "title": ["Đẩy mạnh công tác tuyên truyền phong trào thi đua yêu nước, gương điển hình "
              "tiên tiến, “người tốt, việc tốt” – năm 2025",
              "=Tổ chức Hội nghị điển hình tiên tiến các cấp"],
    "pages": [3, 12],
})
FINDINGS = pd.DataFrame({"doc_id": ["002_1d0c97eeb57a3117"], "check": ["missing_organization"],
                         "message": ["Kế hoạch không có mục “Tổ chức thực hiện”"],
                         "section_id": [""], "002_1d0c97eeb57a3117": ["lead;assigned"]})


def as_csv(workbook: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet converted by LibreOffice headless, read back as rows (UTF-8)."""
    profile = out / "profile"
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", filt, "--outdir", str(out), str(workbook)],
                   check=True, capture_output=True, timeout=180)
    sheets = {}
    for path in out.glob(f"{workbook.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem.removeprefix(f"{workbook.stem}-")] = list(csv.reader(handle))
    return sheets


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed "
                    "(apt-get install libreoffice-calc-nogui)")
def test_vietnamese_survives_libreoffice(tmp_path):
    path = tmp_path / "báo cáo.xlsx"
    write_workbook({"plans": PLANS, "findings": FINDINGS}, path)
    sheets = as_csv(path, tmp_path)
    assert set(sheets) == {"Văn bản", "Kết quả kiểm tra"}
    header, *rows = sheets["Văn bản"]
    assert header == ["Mã tệp", "Số, ký hiệu", "Cơ quan ban hành", "Trích yếu", "Số trang"]
    got = [[unicodedata.normalize("NFC", c) for c in row] for row in rows]
    assert got == [[str(v) for v in row] for row in PLANS.itertuples(index=False)]
    assert got[0][3] == PLANS.title[0]  # exact, not merely NFC-equal
    assert sheets["Kết quả kiểm tra"][1][2] == FINDINGS.message[0]
    assert sheets["Kết quả kiểm tra"][0][-1] == "002_1d0c97eeb57a3117"  # no title: as named


def test_sheet_layout_for_auditors(tmp_path):
    path = tmp_path / "out.xlsx"
    repairs = pd.DataFrame({"doc_id": ["001"], "kind": ["unicode"], "count": [7]})
    write_workbook({"errors": PLANS.iloc[0:0], "repairs": repairs, "plans": PLANS}, path)
    book = load_workbook(path)
    assert book.sheetnames == ["Văn bản", "Sửa lỗi văn bản", "Lỗi xử lý"]
    assert [c.value for c in book["Sửa lỗi văn bản"][1]] == ["Mã tệp", "Loại sửa lỗi",
                                                             "Số lần sửa"]
    sheet = book["Văn bản"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E3"
    assert sheet["D3"].value.startswith("=") and sheet["D3"].data_type == "s"
    assert sheet["E2"].value == 3
    assert 8 <= sheet.column_dimensions["A"].width <= 60
    assert sheet.column_dimensions["D"].width == 60
    assert [c.value for c in book["Lỗi xử lý"][1]] == ["Mã tệp", "Số, ký hiệu",
                                                       "Cơ quan ban hành", "Trích yếu", "Số trang"]


def test_failed_write_leaves_no_temporary_file(tmp_path):
    """The target is a folder, so the final rename fails after the workbook was written."""
    target = tmp_path / "out.xlsx"
    target.mkdir()
    (target / "keep.txt").write_text("giữ nguyên", encoding="utf-8")
    with pytest.raises(OSError):
        write_workbook({"plans": PLANS}, target)
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    assert (target / "keep.txt").read_text(encoding="utf-8") == "giữ nguyên"


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    wanted = "Liên kết: cấp trên/cấp dưới [giai đoạn 2025-2030]"
    first, second = sheet_name(wanted, used), sheet_name(wanted, used)
    assert first.startswith("Liên kết cấp trên cấp dưới")
    assert first != second and second.endswith(" 2")
    for name in (first, second):
        assert len(name) <= 31 and not set("[]:*?/\\") & set(name)
    assert sheet_name("", used) == "Sheet"
