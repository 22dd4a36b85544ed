from pipeline.repair.furniture import remove_furniture
from pipeline.repair.lines import RawLine

BODY = ["Tuyên truyền gương điển hình tiên tiến.", "Tổ chức thực hiện tốt công tác thi đua.",
        "Phòng Văn hóa chủ trì, phối hợp.", "Báo cáo kết quả về Ủy ban nhân dân.",
        "Kinh phí do ngân sách bảo đảm.", "Các đơn vị triển khai thực hiện.",
        "Đề nghị các cơ quan phối hợp.", "Giao Văn phòng theo dõi, đôn đốc."]


def test_page_numbers_and_running_headers_are_removed_and_body_kept():
    lines = []
    for page in range(1, 5):
        body = BODY[(page - 1) * 2:page * 2]
        lines += [RawLine("Kế hoạch số 12/KH-UBND", page)] + [RawLine(t, page) for t in body]
        lines.append(RawLine(f"- {page} -", page))
    kept, removed = remove_furniture(lines)
    assert [ln.text for ln in kept] == BODY
    assert removed == 8
