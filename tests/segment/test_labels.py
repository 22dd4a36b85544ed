import pytest

from pipeline.segment.labels import labels_for


@pytest.mark.parametrize(("heading", "labels"), [
    ("MỤC ĐÍCH, YÊU CẦU", ("purpose",)),
    ("Nội dung, hình thức tuyên truyền", ("content",)),
    ("CHƯƠNG TRÌNH, NỘI DUNG HỘI NGHỊ", ("content",)),
    ("THỜI GIAN, KINH PHÍ THỰC HIỆN", ("timeframe", "budget")),
    ("THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN, SỐ LƯỢNG ĐẠI BIỂU", ("logistics",)),
    ("TIÊU CHUẨN ĐIỂN HÌNH TIÊN TIẾN", ("criteria",)),
    ("TIẾN ĐỘ THỰC HIỆN", ("schedule",)),
    ("Tổ chức thực hiện", ("organization",)),
    ("ĐỐI TƯỢNG, PHẠM VI ÁP DỤNG", ()),
    ("ĐỐI TƯỢNG, TIÊU CHUẨN VÀ SỐ LƯỢNG", ("criteria",)),
    ("NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN", ("content", "schedule")),
    # Headings the contract's table names no label for get none.
    ("NHIỆM VỤ, GIẢI PHÁP", ()),
    ("MỤC TIÊU", ()),
])
def test_canonical_labels_from_heading_words(heading, labels):
    assert labels_for(heading) == labels


def test_a_cue_inside_a_phrase_or_a_sentence_gives_no_label():
    assert labels_for("MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI") == ()
    assert labels_for("THỜI GIAN, ĐỊA ĐIỂM TỔ CHỨC TRIỂN KHAI") == ("logistics",)
    assert labels_for("Giao Sở Y tế hướng dẫn nội dung thực hiện phương án") == ()
