"""Property-based fuzz: repair, segment and extract raise on no input at all.

Inputs are small documents built from the pieces plans are made of (letterhead
phrases, outline markers, dates, codes, Vietnamese words, legacy-encoding and
mojibake characters, gaps, "?" and control characters) in any order. A stage
that raised would stop a document with a traceback row instead of its tables;
every row's span must also point inside the repaired text.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.models import Page, Source
from pipeline.repair import repair
from pipeline.segment import segment

PIECES = ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 21/KH-UBND", "KẾ HOẠCH",
          "ngày 3 tháng 4 năm 2025", "I.", "II.", "1.", "1.1.", "a)", "-", "+", "Phần I", "PHỤ LỤC",
          "Căn cứ Nghị quyết số 34-NQ/TW", "Sở Y tế chủ trì", "phối hợp", "trước ngày 30/6/2026",
          "Quý II/2026", "| STT | Nội dung | Cơ quan chủ trì |", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
          "thi đua", "khen thưởng", "tổ chức", "thực hiện", "t i", "?", "S?", "Ch? t?ch", "Sè",
          "Ã¡", "Ä‘", "\u0301", "\t", "          ", "(cid:36)", "=1+1", "@", "\x00", "\ufeff", "…"]
LINE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=6).map(" ".join)
DOCUMENT = st.lists(LINE, min_size=0, max_size=7)


@settings(max_examples=10_000, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(DOCUMENT)
def test_no_input_makes_repair_segment_or_extract_raise(lines):
    source = Source("fuzz", Path("fuzz.txt"), "txt", (Page(1, tuple(lines), "text"),))
    text = repair(source)
    plan = segment(text)
    rows = extract(plan)
    length = len(plan.text.string)
    for row in (*rows.references, *rows.deadlines, *rows.responsibilities, *rows.criteria):
        assert 0 <= row.span.start <= row.span.end <= length
