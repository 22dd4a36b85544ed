from pipeline.repair.lines import RawLine
from pipeline.repair.reflow import reflow


def flow(text: str) -> list[str]:
    return [t for t, _ in reflow([RawLine(line, 1) for line in text.splitlines()])]


WRAPPED = """I. MỤC ĐÍCH, YÊU CẦU 

- Nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động về 

vai trò của công tác cải cách hành chính trong giai đoạn mới của tỉnh nhà. 

- Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan, đơn vị trong quá trình 

triển khai thực hiện Kế hoạch này. 

1. Nội dung 

a) Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân 

dân huyện theo Quyết định số 45/QĐ-UBND ngày 12/3/2025 của Chủ tịch Ủy ban 

nhân dân tỉnh. 
"""


def test_wrapped_lines_join_and_blank_lines_say_nothing():
    assert flow(WRAPPED) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động về vai trò của "
        "công tác cải cách hành chính trong giai đoạn mới của tỉnh nhà.",
        "- Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan, đơn vị trong quá trình triển khai thực "
        "hiện Kế hoạch này.",
        "1. Nội dung",
        "a) Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân huyện theo "
        "Quyết định số 45/QĐ-UBND ngày 12/3/2025 của Chủ tịch Ủy ban nhân dân tỉnh.",
    ]


def test_one_paragraph_per_line_is_kept_as_it_is():
    text = ("Thực hiện Kế hoạch số 10/KH-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh về tăng "
            "cường công tác phòng cháy, chữa cháy trong mùa khô năm 2025 trên địa bàn toàn tỉnh\n"
            "Ủy ban nhân dân huyện xây dựng Kế hoạch triển khai như sau:\n"
            "I. MỤC ĐÍCH\n"
            "Nâng cao ý thức của người dân.\n")
    assert len(flow(text * 3)) == 12


def test_a_code_wrapped_at_its_hyphen_joins_without_a_space():
    text = ("Chương trình công tác số 39/CTr-\n"
            "LMHTX ngày 21/02/2025 của Liên minh Hợp tác xã về công tác thi đua năm 2025.\n")
    assert flow(text * 6)[0].startswith("Chương trình công tác số 39/CTr-LMHTX ngày")


def test_a_wrapped_heading_in_capitals_is_joined_but_signature_lines_are_not():
    text = ("III. TIÊU CHUẨN LỰA CHỌN CÁC TẬP THỂ, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN\n"
            "TRÊN CÁC LĨNH VỰC\n"
            "TM. ỦY BAN NHÂN DÂN\n"
            "CHỦ TỊCH\n")
    assert flow(text) == [
        "III. TIÊU CHUẨN LỰA CHỌN CÁC TẬP THỂ, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN TRÊN CÁC LĨNH VỰC",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    ]


def test_a_date_at_a_line_start_is_not_a_list_number():
    text = ("Thực hiện Quyết định số 3194/QĐ-UBND ngày\n"
            "08/8/2025 của Ủy ban nhân dân thành phố về tổ chức Hội nghị.\n")
    assert flow(text) == ["Thực hiện Quyết định số 3194/QĐ-UBND ngày 08/8/2025 của Ủy ban nhân "
                          "dân thành phố về tổ chức Hội nghị."]


def test_a_number_alone_on_its_line_joins_the_heading_after_it():
    assert flow("II.\nNỘI DUNG THỰC HIỆN\n1.\nTuyên truyền\n") == [
        "II. NỘI DUNG THỰC HIỆN", "1. Tuyên truyền"]


def test_a_line_ending_in_a_heads_office_goes_on_with_the_body_it_heads():
    text = ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Điều 4. Chánh Văn phòng\n"
            "Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.\n"
            "KT. Chủ tịch\n"
            "Phó Chủ tịch\n"
            "Nguyễn Văn An\n")
    assert flow(text) == [
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm "
        "thi hành Quyết định này./.",
        "KT. Chủ tịch",
        "Phó Chủ tịch",
        "Nguyễn Văn An",
    ]
