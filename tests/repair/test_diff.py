from pathlib import Path

from pipeline.models import Page, Source
from pipeline.repair.diff import repair_diff


def test_diff_shows_the_damaged_line_and_its_repair():
    source = Source("x", Path("x.txt"), "txt",
                    (Page(1, ("phong trào thi đua yêu nƣớc", "Kế hoạch"), "text"),))
    diff = repair_diff(source)
    assert "-phong trào thi đua yêu nƣớc" in diff
    assert "+phong trào thi đua yêu nước" in diff
    assert "Kế hoạch" not in diff.split("\n", 1)[1]
