"""Responsibilities: bodies given tasks, their roles, splitting and the closing formula."""

from __future__ import annotations

from pipeline.extract.responsibilities import find_responsibilities
from pipeline.extract.statements import role_of

HEAD = ("KẾ HOẠCH", "Chuyển đổi số năm 2025",
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh, Sở xây dựng Kế hoạch như sau:")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


def test_item_headed_by_a_body_takes_the_role_of_each_statement(make_plan):
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở",
                  "- Chủ trì, phối hợp với các phòng chuyên môn tham mưu ban hành quy chế.",
                  "- Phối hợp với Trung tâm Công nghệ thông tin rà soát hạ tầng.",
                  "- Tổng hợp, báo cáo kết quả.") == [
        ("Văn phòng Sở", "lead"), ("Văn phòng Sở", "coordinate"), ("Văn phòng Sở", "assigned")]


def test_request_heading_makes_everything_requested_and_splits_bodies(make_plan):
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                  "1. Đề nghị Ủy ban MTTQ Việt Nam huyện và các đoàn thể chính trị - xã hội huyện",
                  "- Phối hợp chặt chẽ với chính quyền vận động nhân dân.",
                  "- Chỉ đạo Hội Nông dân các xã tuyên truyền.") == [
        ("Ủy ban MTTQ Việt Nam huyện", "requested"),
        ("Các đoàn thể chính trị - xã hội huyện", "requested")]


def test_semicolon_and_comma_split_but_unit_with_parent_does_not(make_plan):
    pairs = _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                   "1. Phòng Văn hóa và Thông tin; Trung tâm Văn hóa - Thể thao huyện",
                   "- Mở chuyên mục tuyên truyền.",
                   "2. Chi cục Thống kê, Sở Tài chính",
                   "- Là đầu mối tổng hợp số liệu.",
                   "3. Cổng thông tin điện tử huyện, Đài truyền thanh huyện tăng thời lượng tuyên truyền.")
    assert pairs == [("Phòng Văn hóa và Thông tin", "assigned"),
                     ("Trung tâm Văn hóa - Thể thao huyện", "assigned"),
                     ("Chi cục Thống kê, Sở Tài chính", "lead"),
                     ("Cổng thông tin điện tử huyện", "assigned"),
                     ("Đài truyền thanh huyện", "assigned")]


def test_subjects_anywhere_and_not_objects_of_chi_dao_nor_closing(make_plan):
    pairs = _pairs(make_plan, "I. MỤC ĐÍCH, YÊU CẦU",
                   "- Các cơ quan, đơn vị chủ động rà soát thủ tục hành chính.",
                   "- Trên cơ sở kết quả rà soát, các phòng, ban chuyên môn đề xuất cắt giảm thủ tục.",
                   "II. TỔ CHỨC THỰC HIỆN", "1. Ủy ban nhân dân các xã",
                   "- Chỉ đạo Đài truyền thanh xã tuyên truyền.",
                   "- Giao Công an xã chủ trì bảo đảm an ninh.",
                   "Trên đây là Kế hoạch chuyển đổi số năm 2025; đề nghị các cơ quan, đơn vị nghiêm túc "
                   "triển khai thực hiện./.")
    assert pairs == [("Các cơ quan, đơn vị", "assigned"), ("Các phòng, ban chuyên môn", "assigned"),
                     ("Ủy ban nhân dân các xã", "assigned"), ("Công an xã", "lead")]


def test_body_full_expands_abbreviations(make_plan):
    rows = find_responsibilities(make_plan(*HEAD, "II. TỔ CHỨC THỰC HIỆN",
                                           "1. UBND xã tổ chức hội nghị triển khai."))
    assert [(r.body, r.body_full) for r in rows] == [("UBND xã", "Ủy ban nhân dân xã")]


def test_role_words():
    assert role_of("Là cơ quan thường trực, giúp Ủy ban nhân dân huyện chỉ đạo") == "lead"
    assert role_of("Căn cứ chức năng, nhiệm vụ được giao chủ động phối hợp thực hiện") == "coordinate"
    assert role_of("Tham mưu bố trí kinh phí") == "assigned"


def test_a_body_named_in_lower_case_after_giao_is_assigned(make_plan):
    """Plans write "Giao công chức ..." as often as "Giao Công chức ...": the same body."""
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                  "Giao công chức Tài chính - Kế toán xã tham mưu bố trí kinh phí thực hiện.") == [
        ("Công chức Tài chính - Kế toán xã", "assigned")]
