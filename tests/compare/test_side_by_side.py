"""Side-by-side tables: sections by label, bodies by plan, criteria grouped across plans."""

from __future__ import annotations

import pandas as pd

from pipeline.compare import compare
from pipeline.compare.side_by_side import body_key, section_labels

from .conftest import table


def test_plan_sections_shows_which_section_carries_each_label(run_tables):
    out = compare(run_tables)["plan_sections"].set_index("doc_id")
    assert list(out.columns[4:4 + len(section_labels())]) == section_labels()
    assert out.loc["district", "timeframe"] == "III" and out.loc["district", "budget"] == "III"
    assert out.loc["district", "organization"] == ""
    assert out.loc["commune", "organization"] == "II"
    assert out.loc["city", "n_sections"] == 3


def test_plan_bodies_lines_up_the_same_body_at_two_levels(run_tables):
    out = compare(run_tables)["plan_bodies"]
    front = out[out.body == "Ủy ban Mặt trận Tổ quốc Việt Nam"].set_index("doc_id")
    assert dict(front.roles) == {"city": "requested", "district": "requested"}
    assert set(front.n_plans) == {2}
    home = out[out.body == "Phòng Nội vụ"].set_index("doc_id")
    assert home.loc["district", "roles"] == "lead"


def test_plan_bodies_stays_six_columns_however_many_plans(run_tables):
    """A column per plan would make an archive's table unopenable; one row per pair."""
    out = compare(run_tables)["plan_bodies"]
    assert list(out.columns) == ["body", "body_key", "names", "n_plans", "doc_id", "roles"]
    assert not out.duplicated(["body_key", "doc_id"]).any()
    assert (out.roles != "").all()
    assert list(out.n_plans) == sorted(out.n_plans, reverse=True)


def test_body_key_expands_abbreviations_and_drops_the_tier():
    assert body_key("Ủy ban MTTQ Việt Nam huyện") == body_key(
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    assert body_key("Phòng Nội vụ") != body_key("Sở Nội vụ")


def test_criteria_worded_differently_share_a_group(run_tables):
    out = compare(run_tables)["criteria_groups"]
    first = out[out.text.str.startswith("Hoàn thành")]
    assert first.group_id.nunique() == 1 and set(first.doc_id) == {"city", "district"}
    assert (first.n_plans == 2).all()
    other = out[out.text.str.startswith("Có tinh thần")]
    assert other.group_id.iloc[0] != first.group_id.iloc[0]


def test_leader_clustering_does_not_chain_unrelated_criteria():
    texts = ["Hoàn thành xuất sắc nhiệm vụ được giao",
             "Hoàn thành xuất sắc nhiệm vụ được giao trong năm",
             "Có sáng kiến được công nhận trong năm"]
    criteria = table("criteria", *({"doc_id": f"d{i}", "text": t} for i, t in enumerate(texts)))
    out = compare({"criteria": criteria})["criteria_groups"].set_index("text")
    assert out.loc[texts[0], "group_id"] == out.loc[texts[1], "group_id"]
    assert out.loc[texts[2], "group_id"] != out.loc[texts[0], "group_id"]


def test_a_tier_that_is_the_names_own_noun_is_kept():
    assert body_key("UBND các xã") != body_key("UBND")
    assert body_key("Mỗi xã") == "mỗi xã"


def test_grouping_in_blocks_gives_the_groups_of_one_text_at_a_time(monkeypatch):
    """Blocks are a speed-up only: the groups and scores must be those of scoring each
    text in turn against every leader founded before it (repeats and empties included)."""
    from pipeline.compare import side_by_side
    from pipeline.compare.similarity import normalise

    texts = [normalise(t) for t in [
        "Hoàn thành xuất sắc nhiệm vụ được giao", "Có sáng kiến được công nhận trong năm",
        "Hoàn thành xuất sắc nhiệm vụ được giao trong năm", "", "Tỷ lệ hộ nghèo giảm 1,5%",
        "Có sáng kiến được công nhận trong năm", "Tỷ lệ hộ nghèo giảm 2% mỗi năm", "",
        "Hoàn thành tốt nhiệm vụ được giao", "100% cơ quan, đơn vị tổ chức hội nghị"]]
    monkeypatch.setattr(side_by_side, "LEADER_BLOCK", 1)
    one_by_one = side_by_side._leaders(texts)
    for size in (2, 3, 64):
        monkeypatch.setattr(side_by_side, "LEADER_BLOCK", size)
        assert side_by_side._leaders(texts) == one_by_one, size
    assert one_by_one.ids[0] == one_by_one.ids[2] != one_by_one.ids[1] == one_by_one.ids[5]


def test_a_clustering_resumed_from_the_last_run_equals_a_fresh_one():
    """A re-run keeps the groups of the criteria that begin as last time's and
    clusters the rest: the groups must be those of clustering everything afresh,
    whether the new criteria come after the old ones, among them, or replace some."""
    from pipeline.compare import side_by_side
    from pipeline.compare.similarity import normalise

    base = [normalise(t) for t in [
        "Hoàn thành xuất sắc nhiệm vụ được giao", "Có sáng kiến được công nhận trong năm",
        "Hoàn thành xuất sắc nhiệm vụ được giao trong năm", "", "Tỷ lệ hộ nghèo giảm 1,5%",
        "Có sáng kiến được công nhận trong năm", "Tỷ lệ hộ nghèo giảm 2% mỗi năm"]]
    new = [normalise(t) for t in ["Tỷ lệ hộ nghèo giảm 1% mỗi năm", "Hoàn thành tốt nhiệm vụ",
                                  "100% cơ quan, đơn vị tổ chức hội nghị"]]
    last = side_by_side._leaders(base)
    for texts in (base + new, base[:2] + new + base[2:], new + base, base[:3] + new):
        assert side_by_side._leaders(texts, last) == side_by_side._leaders(texts)


def test_a_re_run_resumes_the_criteria_groups_its_memo_holds():
    criteria = pd.DataFrame({"doc_id": ["a", "b"], "section_id": ["I", "I"], "group": ["", ""],
                             "text": ["Tỷ lệ hộ nghèo giảm 1,5%", "Tỷ lệ hộ nghèo giảm 2%"],
                             "value": ["1,5%", "2%"]})
    memo: dict[str, object] = {}
    first = compare({"criteria": criteria}, memo)["criteria_groups"]
    assert memo  # the next run can resume
    more = pd.concat([criteria, criteria.assign(doc_id="c")], ignore_index=True)
    again = compare({"criteria": more}, memo)["criteria_groups"]
    pd.testing.assert_frame_equal(again, compare({"criteria": more})["criteria_groups"])
    assert set(first.group_id) <= set(again.group_id)
