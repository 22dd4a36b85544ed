"""Criteria: lists under Tiêu chí / Tiêu chuẩn headings, field subsections, quotas."""

from __future__ import annotations

from pipeline.extract.criteria import find_criteria

HEAD = ("KẾ HOẠCH", "Tổ chức Đại hội Cựu chiến binh xã năm 2026",
        "Thực hiện Hướng dẫn số 05/HD-CCB ngày 02/01/2026 của Hội Cựu chiến binh huyện,")


def _rows(make_plan, *lines):
    return [(c.group, c.text, c.value) for c in find_criteria(make_plan(*HEAD, *lines))]


def test_items_under_a_criteria_heading(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "1. Tiêu chuẩn chung của hội viên được biểu dương:",
                 "- Chấp hành tốt chủ trương của Đảng;", "- Có ít nhất 03 năm tham gia sinh hoạt hội.",
                 "2. Đối tượng: Hội viên các chi hội.") == [
        ("Tiêu chuẩn chung", "Chấp hành tốt chủ trương của Đảng", ""),
        ("Tiêu chuẩn chung", "Có ít nhất 03 năm tham gia sinh hoạt hội", "03")]


def test_field_subsections_of_a_criteria_section(make_plan):
    assert _rows(make_plan, "I. TIÊU CHUẨN CỤ THỂ THEO LĨNH VỰC",
                 "1. Trong lĩnh vực Nông nghiệp: Có mô hình kinh tế trang trại hiệu quả.",
                 "2. Trong lĩnh vực Giáo dục: Tích cực tham gia khuyến học.") == [
        ("Lĩnh vực Nông nghiệp", "Có mô hình kinh tế trang trại hiệu quả", ""),
        ("Lĩnh vực Giáo dục", "Tích cực tham gia khuyến học", "")]


def test_quotas_are_cut_out_of_the_item(make_plan):
    assert _rows(make_plan, "II. THÀNH PHẦN, SỐ LƯỢNG ĐẠI BIỂU", "1. Cơ cấu:",
                 "- Đại biểu chính thức do chi hội bầu (hội viên trực tiếp sản xuất khoảng 60%; "
                 "cán bộ hội các cấp khoảng 40%).",
                 "2. Số lượng: Tối đa 120 đại biểu.") == [
        ("Cơ cấu", "Đại biểu chính thức do chi hội bầu", ""),
        ("Cơ cấu", "hội viên trực tiếp sản xuất khoảng 60%", "60%"),
        ("Cơ cấu", "cán bộ hội các cấp khoảng 40%", "40%"),
        ("Số lượng", "Tối đa 120 đại biểu", "120")]


def test_explicit_minimum_elsewhere_is_a_quota_but_a_share_is_not(make_plan):
    assert _rows(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                 "1. Các chi hội lựa chọn, giới thiệu tối thiểu 02 gương điển hình mỗi quý; phấn đấu "
                 "khoảng 90% hội viên tham gia.") == [
        ("Số lượng", "Các chi hội lựa chọn, giới thiệu tối thiểu 02 gương điển hình mỗi quý", "02")]
