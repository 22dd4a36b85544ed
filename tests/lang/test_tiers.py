import re

import pytest

from pipeline.compare.side_by_side import body_key
from pipeline.lang.tiers import issuer_level, tier_alternation, tier_words
from pipeline.segment.issuer import choose


def test_a_tier_word_comes_before_every_word_it_ends_with():
    words = tier_words()
    for i, word in enumerate(words):
        assert not any(word.endswith(" " + shorter) for shorter in words[:i]), word


def test_the_alternation_takes_the_whole_tier():
    assert re.search(rf"\s({tier_alternation()})$", "ủy ban nhân dân thị xã").group(1) == "thị xã"


@pytest.mark.parametrize("issuer, level", [
    ("Ủy ban nhân dân đặc khu Phú Quốc", "commune"),
    ("Ủy ban nhân dân thị trấn Phát Diệm", "commune"),
    ("Ủy ban nhân dân thị xã Sơn Tây", "district"),
    ("Ủy ban nhân dân thành phố Huế", "province"),
    ("Ủy ban nhân dân thành phố Thủ Đức", "district"),
])
def test_every_tier_has_its_level(issuer, level):
    assert issuer_level(issuer) == level


def test_a_special_zone_has_its_own_locality():
    # the letterhead's province is not added to a body that names its own zone
    assert choose("Ủy ban nhân dân tỉnh Khánh Hòa", "Ủy ban nhân dân đặc khu Trường Sa", "", "", "") == \
        "Ủy ban nhân dân đặc khu Trường Sa"


def test_a_town_is_a_locality_a_unit_below_takes():
    assert choose("Ủy ban nhân dân thị trấn Phát Diệm", "Công an", "", "", "").endswith("thị trấn Phát Diệm")


def test_bodies_of_a_special_zone_line_up_with_other_levels():
    assert body_key("Phòng Kinh tế đặc khu") == body_key("Phòng Kinh tế huyện")
