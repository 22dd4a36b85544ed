"""Rows highlighted in place: overlapping spans nest or split, every character is escaped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.report.highlight import Anchor, Mark, highlight
from tests.report.dom import Highlights


def page(text: str, marks: list[Mark], anchors=()) -> Highlights:
    return Highlights.of(f'<div class="doc-text">{highlight(text, marks, anchors)}</div>')


def test_a_span_inside_another_nests_and_a_crossing_one_is_split():
    text = "Trước ngày 15/8/2025, Sở Nội vụ chủ trì báo cáo"
    marks = [Mark(0, 20, "D1", "deadlines"), Mark(11, 20, "R1", "references"),
             Mark(15, 38, "T1", "responsibilities")]
    seen = page(text, marks)
    assert seen.plain == text
    assert not seen.badly_nested
    for m in marks:
        assert seen.row_text(m.row) == text[m.start:m.end]
    html = str(highlight(text, marks))
    assert html.count('data-row="T1"') == 2  # split where D1 ends
    assert html.count('id="r-T1"') == 1  # only its first fragment is a link target


def test_document_text_is_escaped_and_never_read_as_markup():
    text = 'Điều <b>1</b> & "2" <script>alert(1)</script>'
    html = str(highlight(text, [Mark(0, 12, "C1", "criteria", title='a "quoted" <title>')]))
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert 'title="a &quot;quoted&quot; &lt;title&gt;"' in html
    assert page(text, []).plain == text


def test_spans_outside_the_text_or_empty_are_left_out():
    text = "ngắn"
    seen = page(text, [Mark(2, 99, "D1", "deadlines"), Mark(3, 3, "D2", "deadlines"),
                       Mark(-1, 2, "D3", "deadlines")])
    assert seen.rows == {} and seen.plain == text


def test_section_anchors_sit_at_their_offsets():
    html = str(highlight("I. MỤC ĐÍCH\nII. NỘI DUNG", [], [Anchor(0, "s-I"), Anchor(12, "s-II")]))
    assert html.index('id="s-II"') > html.index("MỤC ĐÍCH")


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(
    ["references", "deadlines", "responsibilities", "criteria"])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab <>&\"'\nđƯ", min_size=1, max_size=40), raw=spans)
def test_any_overlap_gives_well_nested_marks_holding_exactly_their_text(text, raw):
    marks = [Mark(min(a, b), max(a, b), f"X{i}", kind) for i, (a, b, kind) in enumerate(raw)]
    seen = page(text, marks)
    assert seen.plain == text
    assert not seen.badly_nested
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            assert seen.row_text(m.row) == text[m.start:m.end]
        else:
            assert m.row not in seen.rows
