"""Criteria in shapes the seed plans never used: fields below a Tiêu chuẩn heading, counts
after a choosing verb, targets that are not quotas, Đối tượng inside a criteria section."""

from __future__ import annotations

from pipeline.extract.criteria import find_criteria

HEAD = ("KẾ HOẠCH", "Xét chọn nông dân sản xuất giỏi năm 2025",
        "Thực hiện Hướng dẫn số 12/HD-HND ngày 02/01/2025 của Hội Nông dân tỉnh,")


def _rows(make_plan, *lines):
    return [(c.group, c.text, c.value) for c in find_criteria(make_plan(*HEAD, *lines))]


def test_fields_below_a_criteria_heading_and_who_is_covered_left_out(make_plan):
    assert _rows(make_plan, "I. ĐỐI TƯỢNG VÀ TIÊU CHUẨN", "1. Đối tượng",
                 "- Hộ nông dân cư trú trên địa bàn xã.", "2. Tiêu chuẩn",
                 "a) Đối với hộ trồng trọt", "- Áp dụng quy trình sản xuất an toàn;",
                 "b) Đối với hộ chăn nuôi", "- Chuồng trại bảo đảm vệ sinh môi trường.") == [
        # The field keeps "Đối với" as printed: who the criteria are for (the real gold).
        ("Đối với hộ trồng trọt", "Áp dụng quy trình sản xuất an toàn", ""),
        ("Đối với hộ chăn nuôi", "Chuồng trại bảo đảm vệ sinh môi trường", "")]


def test_counts_after_a_choosing_verb_are_quotas(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "1. Số lượng", "- Mỗi chi hội chọn 03 hộ tiêu biểu.",
                 "- Hội Nông dân xã đề xuất 01 tập thể.", "II. TỔ CHỨC THỰC HIỆN",
                 "- Mỗi thôn giới thiệu 02 hộ sản xuất giỏi về Ban Thường vụ.") == [
        ("Số lượng", "Mỗi chi hội chọn 03 hộ tiêu biểu", "03"),
        ("Số lượng", "Hội Nông dân xã đề xuất 01 tập thể", "01"),
        ("Số lượng", "Mỗi thôn giới thiệu 02 hộ sản xuất giỏi về Ban Thường vụ", "02")]


def test_outside_a_list_only_a_bound_on_what_is_chosen_is_a_quota(make_plan):
    # A target, an award ceiling or a size in running prose is no criterion (the real gold's
    # consistency rule 2: "(tỷ lệ không quá 10% tập thể, 5% cá nhân)" is left out); a bound on
    # how many to put forward is a quota (the samples' "giới thiệu tối thiểu 01 điển hình").
    assert _rows(make_plan, "I. NỘI DUNG", "- Tỷ lệ hộ đăng ký thi đua đạt tối thiểu 70%.",
                 "- Phấn đấu có ít nhất 50 hộ đạt danh hiệu cấp huyện.",
                 "- Tổng số hộ được khen thưởng không quá 10% số hộ đăng ký.",
                 "- Nhà kho có chiều cao không quá 03 m.",
                 "- Mỗi chi hội giới thiệu tối thiểu 02 hộ tiêu biểu.") == [
        ("Số lượng", "Mỗi chi hội giới thiệu tối thiểu 02 hộ tiêu biểu", "02")]


def test_targets_listed_under_a_target_heading_are_criteria_with_their_figure(make_plan):
    # The real-document gold (tests/data/real, two readers) counts a listed target (chỉ tiêu)
    # as a criterion; under a bare "Mục tiêu" heading only items with a figure are targets.
    assert _rows(make_plan, "I. MỤC TIÊU", "- Nâng cao nhận thức của người dân.",
                 "- Tỷ lệ hộ đăng ký thi đua đạt tối thiểu 70%.",
                 "- Phấn đấu có ít nhất 50 hộ đạt danh hiệu; tỷ lệ tử vong dưới 0,09%.") == [
        ("Mục tiêu", "Tỷ lệ hộ đăng ký thi đua đạt tối thiểu 70%", "70%"),
        ("Mục tiêu", "Phấn đấu có ít nhất 50 hộ đạt danh hiệu", "50"),
        ("Mục tiêu", "tỷ lệ tử vong dưới 0,09%", "0,09%")]


def test_lettered_criteria_are_rows_of_their_list_but_lettered_fields_name_groups(make_plan):
    assert _rows(make_plan, "I. TIÊU CHUẨN", "1. Tiêu chuẩn chung",
                 "a) Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước;",
                 "b) Gia đình hòa thuận, hạnh phúc.", "2. Tiêu chuẩn riêng",
                 "a) Đối với hộ trồng trọt", "- Áp dụng quy trình sản xuất an toàn.") == [
        ("Tiêu chuẩn chung", "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước", ""),
        ("Tiêu chuẩn chung", "Gia đình hòa thuận, hạnh phúc", ""),
        ("Đối với hộ trồng trọt", "Áp dụng quy trình sản xuất an toàn", "")]


def test_fields_of_a_target_list_are_targets_and_their_labels_go(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU CỤ THỂ", "1. Lĩnh vực lao động",
                 "- Chỉ tiêu 1: Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 50% vào năm 2025.",
                 "2. Các hoạt động chính", "- Tăng cường truyền thông về chủ đề.") == [
        ("Lĩnh vực lao động", "Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 50% vào năm 2025", "50%"),
        ("Các hoạt động chính", "Tăng cường truyền thông về chủ đề", "")]
