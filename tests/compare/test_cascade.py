"""Cascade links: by code in any spelling, by type + date + issuer, by an attached decision."""

from __future__ import annotations

import pandas as pd

from pipeline.compare import compare
from pipeline.compare.cascade import CASCADE_COLUMNS, build_graph, chain, same_issuer

from .conftest import plan, ref, table


def links(tables: dict[str, pd.DataFrame]) -> set[tuple[str, str, str]]:
    """(child, parent_doc_id, match_method) of every cascade row."""
    out = compare(tables)["cascade"]
    return set(zip(out.child_doc_id, out.parent_doc_id, out.match_method, strict=True))


def test_city_district_commune_chain_links_by_code(run_tables):
    found = links(run_tables)
    assert ("district", "city", "code") in found
    assert ("commune", "district", "code") in found


def test_cited_document_outside_the_run_keeps_its_citation_and_no_doc_id(run_tables):
    out = compare(run_tables)["cascade"]
    directive = out[out.child_doc_id == "city"].iloc[0]
    assert (directive.parent_code, directive.parent_doc_id) == ("34-CT/TW", "")
    assert (directive.parent_type, directive.parent_date) == ("Chỉ thị", "2014-04-07")
    assert directive.parent_issuer == "Bộ Chính trị"
    assert directive.parent_level == "national"


def test_two_spellings_of_one_directive_are_one_parent(run_tables):
    out = compare(run_tables)
    directive = out["cascade"][out["cascade"].parent_type == "Chỉ thị"]
    assert set(directive.parent_key) == {"34-CT-TW"}
    pairs = set(zip(out["siblings"].doc_id, out["siblings"].sibling_doc_id, strict=True))
    assert pairs == {("city", "district"), ("district", "city")}


def test_cites_relation_is_not_a_cascade_link(run_tables):
    out = compare(run_tables)["cascade"]
    assert set(out.relation) == {"implements"}
    assert "Luật" not in set(out.parent_type)


def test_parent_that_lost_its_code_links_by_type_date_and_issuer():
    tables = {
        "plans": table("plans",
                       plan("lost", "", "2025-03-01", "Ủy ban nhân dân huyện An Dương"),
                       plan("ward", "12/KH-UBND", "2025-03-10", "Ủy ban nhân dân xã An Hòa"),
                       plan("other", "13/KH-UBND", "2025-03-11", "Ủy ban nhân dân xã An Hưng")),
        "references": table("references",
                            ref("ward", "Kế hoạch", "45/KH-UBND", "2025-03-01",
                                "UBND huyện An Dương"),
                            ref("other", "Kế hoạch", "46/KH-UBND", "2025-03-01",
                                "UBND huyện Kiến Thụy")),
    }
    assert links(tables) == {("ward", "lost", "type_date_issuer"), ("other", "", "not_in_run")}


def test_a_code_on_both_sides_decides_over_type_date_and_issuer():
    tables = {
        "plans": table("plans",
                       plan("parent", "50/KH-UBND", "2025-03-01", "Ủy ban nhân dân huyện An Dương"),
                       plan("child", "12/KH-UBND", "2025-03-10", "Ủy ban nhân dân xã An Hòa")),
        "references": table("references",
                            ref("child", "Kế hoạch", "45/KH-UBND", "2025-03-01",
                                "UBND huyện An Dương")),
    }
    assert links(tables) == {("child", "", "not_in_run")}


def test_decision_parent_thong_bao_child_and_plan_attached_to_a_decision():
    tables = {
        "plans": table(
            "plans",
            plan("decision", "3194/QĐ-UBND", "2025-08-08", "Ủy ban nhân dân thành phố Hải Phòng",
                 doc_type="Quyết định"),
            plan("notice", "88/TB-UBND", "2025-08-12", "Ủy ban nhân dân xã Đại Sơn",
                 doc_type="Thông báo"),
            plan("attached", "", "2025-08-08", "Ủy ban nhân dân thành phố Hải Phòng",
                 attached_code="3195/QĐ-UBND"),
            plan("commune", "", "", "Ủy ban nhân dân xã Đại Sơn"),
        ),
        "references": table(
            "references",
            ref("notice", "Quyết định", "3194/QĐ-UBND", "2025-08-08", "UBND thành phố"),
            ref("commune", "Quyết định", "3195/QĐ-UBND", "2025-08-08", "UBND thành phố"),
        ),
    }
    assert links(tables) == {("notice", "decision", "code"),
                             ("commune", "attached", "attached_code")}


def test_a_document_citing_its_own_code_is_not_its_own_parent():
    tables = {"plans": table("plans", plan("p", "7/KH-UBND")),
              "references": table("references", ref("p", "Kế hoạch", "7/KH-UBND"))}
    out = compare(tables)
    assert out["cascade"].empty
    assert "reference_not_in_run" not in set(out["findings"].check)


def test_vague_parents_make_no_siblings():
    """Two communes citing "Nghị quyết Đại hội Đảng bộ xã" cite two different resolutions."""
    resolution = {"ref_type": "Nghị quyết", "ref_title": "Nghị quyết Đại hội Đảng bộ xã"}
    tables = {"plans": table("plans", plan("a"), plan("b")),
              "references": table("references",
                                  {**resolution, "doc_id": "a", "relation": "implements"},
                                  {**resolution, "doc_id": "b", "relation": "implements"})}
    out = compare(tables)
    assert len(out["cascade"]) == 2
    assert out["siblings"].empty


def test_graph_walks_up_and_down_the_chain(run_tables):
    out = compare(run_tables)
    graph = build_graph(out["cascade"], run_tables["plans"].fillna(""))
    up, down = chain(graph, "district")
    assert up == ["city", "ref:34-CT-TW"]
    assert down == ["commune"]
    assert chain(graph, "commune")[0] == ["district", "city", "ref:34-CT-TW"]
    assert graph.nodes["ref:34-CT-TW"]["in_run"] is False
    assert graph.edges["city", "district"]["relation"] == "implements"


def test_issuer_match_tolerates_abbreviation_and_dropped_locality():
    assert same_issuer("UBND thành phố", CITY := "Ủy ban nhân dân thành phố Hải Phòng")
    assert same_issuer("Uỷ ban nhân dân thành phố Hải Phòng", CITY)
    assert not same_issuer("UBND huyện Kiến Thụy", "Ủy ban nhân dân huyện An Dương")
    assert not same_issuer("", CITY)


def test_empty_run_gives_empty_tables_with_contract_columns():
    out = compare({})
    assert list(out["cascade"].columns) == list(CASCADE_COLUMNS)
    assert all(frame.empty for frame in out.values())


def test_parent_whose_number_was_left_blank_links_by_type_date_and_issuer():
    # "Số:     /KH-UBND": the number is stamped on paper after printing.
    tables = {
        "plans": table("plans",
                       plan("city", "/KH-UBND", "2025-06-10", "Ủy ban nhân dân thành phố Hải Phòng"),
                       plan("district", "85/KH-UBND", "2025-06-25", "Ủy ban nhân dân huyện An Lão")),
        "references": table("references",
                            ref("district", "Kế hoạch", "150/KH-UBND", "2025-06-10",
                                "Ủy ban nhân dân thành phố")),
    }
    assert links(tables) == {("district", "city", "type_date_issuer")}
