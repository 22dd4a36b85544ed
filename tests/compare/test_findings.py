"""Checks for auditors, each on the case it exists for."""

from __future__ import annotations

import pandas as pd

from pipeline.compare import compare
from pipeline.compare.findings import FINDING_COLUMNS, vn_date

from .conftest import CITY_ISSUER, deadline, plan, ref, table


def findings(tables: dict[str, pd.DataFrame], check: str) -> pd.DataFrame:
    out = compare(tables)["findings"]
    return out[out.check == check]


def test_child_deadline_later_than_parent_for_the_same_task(run_tables):
    found = findings(run_tables, "deadline_after_parent")
    assert list(zip(found.doc_id, found.related_doc_id, found.section_id, strict=True)) == [
        ("district", "city", "III")]
    message = found.iloc[0].message
    assert "20/12/2024" in message and "15/12/2024" in message and "238/KH-UBND" in message
    assert found.iloc[0].severity == "warning"


def test_plan_without_to_chuc_thuc_hien(run_tables):
    found = findings(run_tables, "missing_organization")
    assert list(found.doc_id) == ["district"]
    assert "Tổ chức thực hiện" in found.iloc[0].message


def test_organization_is_not_asked_of_a_decision():
    tables = {"plans": table("plans", plan("qd", "1/QĐ-UBND", doc_type="Quyết định"))}
    assert findings(tables, "missing_organization").empty


def test_deadline_without_responsible_body(run_tables):
    found = findings(run_tables, "deadline_without_responsible")
    assert list(zip(found.doc_id, found.section_id, strict=True)) == [("district", "II.1")]
    assert "tổ chức Hội nghị điển hình tiên tiến cấp huyện" in found.iloc[0].message


def test_deadline_already_past_on_the_signing_date(run_tables):
    found = findings(run_tables, "deadline_before_signing")
    assert list(zip(found.doc_id, found.section_id, strict=True)) == [("district", "II.2")]
    assert "15/10/2024" in found.iloc[0].message and "31/10/2024" in found.iloc[0].message


def test_no_signing_date_no_past_deadline_finding(run_tables):
    """The commune lost its header: an unknown date is never guessed."""
    found = findings(run_tables, "deadline_before_signing")
    assert "commune" not in set(found.doc_id)


def test_parent_deadline_the_child_drops(run_tables):
    found = findings(run_tables, "parent_deadline_dropped")
    district = found[found.doc_id == "district"]
    assert len(district) == 1 and "31/12/2025" in district.iloc[0].message
    assert (found.severity == "info").all()


def test_cited_documents_missing_from_the_run_are_info(run_tables):
    found = findings(run_tables, "reference_not_in_run")
    assert set(zip(found.doc_id, found.severity, strict=True)) == {
        ("city", "info"), ("district", "info"), ("commune", "info")}
    commune = found[found.doc_id == "commune"].iloc[0].message
    assert "Luật Thi đua, khen thưởng" in commune and "Luật Luật" not in commune
    assert "238/KH-UBND" not in " ".join(found.message)  # it is in the run


def test_findings_are_sorted_most_severe_first_with_pinned_columns(run_tables):
    out = compare(run_tables)["findings"]
    assert list(out.columns) == list(FINDING_COLUMNS)
    ranks = out.severity.map({"error": 0, "warning": 1, "info": 2})
    assert ranks.is_monotonic_increasing


def test_vietnamese_dates_in_messages():
    assert vn_date("2025-08-05") == "05/08/2025"
    assert vn_date("2025-Q3") == "2025-Q3"


def test_a_child_signed_after_the_date_its_parent_set_for_issuing_it():
    """The city asks districts for their plans by 25/10; one district signs on 31/10."""
    tables = {
        "plans": table("plans", plan("city", "238/KH-UBND", "2024-10-18", CITY_ISSUER),
                       plan("late", "227/KH-UBND", "2024-10-31",
                            "Ủy ban nhân dân huyện Thủy Nguyên"),
                       plan("on_time", "95/KH-UBND", "2024-10-24",
                            "Ủy ban nhân dân huyện An Dương"),
                       plan("agency", "12/KH-STP", "2024-11-05", "Sở Tư pháp")),
        "references": table("references",
                            *(ref(d, "Kế hoạch", "238/KH-UBND", "2024-10-18", CITY_ISSUER)
                              for d in ("late", "on_time", "agency"))),
        "deadlines": table("deadlines", deadline(
            "city", "III.2", "2024-10-25", "xây dựng kế hoạch triển khai thực hiện tại địa phương",
            "Ủy ban nhân dân các quận, huyện")),
    }
    found = findings(tables, "child_issued_late")
    assert list(zip(found.doc_id, found.related_doc_id, strict=True)) == [("late", "city")]
    assert "31/10/2024" in found.iloc[0].message and "25/10/2024" in found.iloc[0].message
