"""The scorer compares texts as the gold writes them: whatever the tone placement and a final stop."""

from pipeline.evaluation.score import match_section, norm


def test_a_final_stop_and_the_tone_placement_do_not_tell_two_texts_apart():
    assert norm("triển khai thực hiện có hiệu quả Chỉ thị này.") == norm(
        "triển khai thực hiện có hiệu quả Chỉ thị này")
    assert norm("tối ưu hoá việc sử dụng nguồn nước") == norm("tối ưu hóa việc sử dụng nguồn nước")
    assert norm("Chỉ thị này") != norm("Chỉ thị nay")


def test_a_heading_taken_from_a_first_sentence_matches_its_gold_without_the_stop():
    gold = {"number": "6", "heading": "Các sở, ban, ngành phối hợp triển khai Chỉ thị này"}
    assert match_section({"number": "6", "heading": "Các sở, ban, ngành phối hợp triển khai Chỉ thị này."},
                         gold) == 1.0
