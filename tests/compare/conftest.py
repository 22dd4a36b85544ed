"""A small hand-written run: a city plan, a district plan implementing it, a commune plan
implementing the district's, plus documents that link only by type, date and issuer or by
an attached decision's code."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.compare.frames import INPUT_COLUMNS


def table(name: str, *rows: dict) -> pd.DataFrame:
    """A contract table with the given rows; unnamed columns are empty."""
    return pd.DataFrame([{c: row.get(c, "") for c in INPUT_COLUMNS[name]} for row in rows],
                        columns=list(INPUT_COLUMNS[name]))


def plan(doc_id: str, code: str = "", issue_date: str = "", issuer: str = "",
         level: str = "", doc_type: str = "Kế hoạch", **extra: str) -> dict:
    return {"doc_id": doc_id, "doc_type": doc_type, "code": code, "issue_date": issue_date,
            "issuer": issuer, "issuer_level": level, **extra}


def ref(doc_id: str, ref_type: str, code: str, date: str = "", issuer: str = "",
        relation: str = "implements", title: str = "") -> dict:
    return {"doc_id": doc_id, "ref_type": ref_type, "ref_code": code, "ref_date": date,
            "ref_issuer": issuer, "relation": relation, "ref_title": title,
            "raw": f"{ref_type} số {code}"}


def section(doc_id: str, number: str, heading: str, labels: str = "") -> dict:
    return {"doc_id": doc_id, "section_id": number, "level": 1, "number": number,
            "heading": heading, "labels": labels}


def deadline(doc_id: str, section_id: str, date: str, task: str, responsible: str = "",
             raw: str = "") -> dict:
    return {"doc_id": doc_id, "section_id": section_id, "date": date, "kind": "by",
            "task": task, "responsible": responsible, "raw": raw or f"trước ngày {date}"}


CITY_ISSUER = "Ủy ban nhân dân thành phố Hải Phòng"
REPORT = "báo cáo kết quả thực hiện về Ủy ban nhân dân thành phố (qua Sở Nội vụ)"
CONFERENCE = "tổ chức Hội nghị điển hình tiên tiến cấp huyện"
REVIEW = "sơ kết, đánh giá kết quả thực hiện phong trào thi đua yêu nước"


@pytest.fixture
def run_tables() -> dict[str, pd.DataFrame]:
    """city 238/KH-UBND ← district 227/KH-UBND ← commune (header lost)."""
    return {
        "plans": table(
            "plans",
            plan("city", "238/KH-UBND", "2024-10-18", CITY_ISSUER, "province"),
            plan("district", "227/KH-UBND", "2024-10-31", "Ủy ban nhân dân huyện Thủy Nguyên",
                 "district"),
            plan("commune", issuer="Ủy ban nhân dân xã Lập Lễ", level="commune"),
        ),
        "references": table(
            "references",
            ref("city", "Chỉ thị", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
            ref("district", "Chỉ thị", "34/CT-TW", "2014-04-07", "Bộ Chính trị"),
            ref("district", "Kế hoạch", "238/KH-UBND", "2024-10-18",
                "Ủy ban nhân dân thành phố"),
            ref("commune", "Kế hoạch", "227/KH-UBND", "2024-10-31", "UBND huyện"),
            ref("commune", "Luật", "", relation="cites", title="Luật Thi đua, khen thưởng"),
        ),
        "sections": table(
            "sections",
            section("city", "I", "MỤC ĐÍCH, YÊU CẦU", "purpose"),
            section("city", "II", "NỘI DUNG", "content"),
            section("city", "III", "TỔ CHỨC THỰC HIỆN", "organization"),
            section("district", "I", "MỤC ĐÍCH, YÊU CẦU", "purpose"),
            section("district", "II", "NỘI DUNG TUYÊN TRUYỀN", "content"),
            section("district", "III", "THỜI GIAN, KINH PHÍ THỰC HIỆN", "timeframe;budget"),
            section("commune", "I", "MỤC ĐÍCH", "purpose"),
            section("commune", "II", "TRÁCH NHIỆM THỰC HIỆN", "organization"),
        ),
        "deadlines": table(
            "deadlines",
            deadline("city", "III.1", "2024-12-15", REPORT, "Ủy ban nhân dân các quận, huyện"),
            deadline("city", "III.2", "2025-06-30", CONFERENCE, "Ủy ban nhân dân các huyện"),
            deadline("city", "III.3", "2025-12-31", REVIEW, "Sở Nội vụ"),
            deadline("district", "III", "2024-12-20", REPORT, "Phòng Nội vụ"),
            deadline("district", "II.1", "2025-06-30", CONFERENCE),
            deadline("district", "II.2", "2024-10-15", "đăng ký danh sách điển hình",
                     "Phòng Nội vụ"),
        ),
        "responsibilities": table(
            "responsibilities",
            {"doc_id": "city", "section_id": "III.1", "body": "Sở Nội vụ", "role": "lead",
             "task": "chủ trì, theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch"},
            {"doc_id": "city", "section_id": "III.2", "body": "Ủy ban Mặt trận Tổ quốc "
             "Việt Nam thành phố", "role": "requested", "task": "tuyên truyền, vận động"},
            {"doc_id": "district", "section_id": "IV.1", "body": "Phòng Nội vụ",
             "role": "lead", "task": "chủ trì, theo dõi, đôn đốc triển khai thực hiện Kế hoạch"},
            {"doc_id": "district", "section_id": "IV.2", "body": "Ủy ban MTTQ Việt Nam huyện",
             "role": "requested", "task": "tuyên truyền, vận động"},
        ),
        "criteria": table(
            "criteria",
            {"doc_id": "city", "group": "Tiêu chí chung",
             "text": "Hoàn thành xuất sắc nhiệm vụ được giao"},
            {"doc_id": "city", "group": "Tiêu chí chung",
             "text": "Có tinh thần tương thân tương ái, giúp đỡ mọi người cùng tiến bộ"},
            {"doc_id": "district", "group": "Tiêu chuẩn chung",
             "text": "Hoàn thành xuất sắc các nhiệm vụ được giao."},
        ),
    }
