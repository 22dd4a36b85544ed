"""The shipped gazetteer tells which names are units of which tier, in both official lists."""

from pipeline.repair.places import is_place, place_fillings, place_tier, tiers_after


def test_a_commune_and_its_district_are_known_at_their_tiers():
    assert "xã" in place_tier("Bình Lương")
    assert "huyện" in place_tier("như xuân")
    assert is_place("Thanh Hoá", "tỉnh")  # either tone placement
    assert not is_place("Bình Lương", "tỉnh")


def test_units_created_in_2025_are_known():
    assert is_place("Phú Quốc", "đặc khu")


def test_a_tier_word_is_read_from_the_last_tokens():
    assert tiers_after(("thị", "xã")) == {"xã", "thị xã"}
    assert tiers_after(("thành", "phố")) == {"thành phố"}
    assert tiers_after(("kế", "hoạch")) == frozenset()


def test_a_damaged_name_reads_as_the_names_that_fit_its_gaps():
    readings = dict(place_fillings("Mư ng Lát", frozenset({"huyện"})))
    assert readings == {"Mường Lát": "ờ"}
