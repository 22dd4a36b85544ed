"""Every regex kept in pipeline/patterns/ finds its examples and none of its counter-examples.

The idea is reporters-db's: a regex in a data file carries the phrases it was written
for, and one test holds every file to them, so a change that breaks a shape someone
relied on fails here with the phrase it broke. A phrase is read when the regex, as
the pipeline compiles it (fragments filled, its own flags), matches a non-empty part
of it from its start (as reporters-db holds a regex to its whole example): an example is
written from where the regex starts reading, whether its caller then uses ``match``,
``search`` or ``split``; a counter-example is a phrase of that shape it must not read.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest

from pipeline import patterns
from pipeline.lang.letters import UPPER

# Files that hold regexes: each regex is an entry with examples.
REGEX_FILES = ("references", "deadline_phrases", "criteria", "roles", "bodies", "outline", "header", "tables")
# Files that are tables, not regexes: words, maps, messages (their phrases are literal).
TABLE_FILES = ("abbreviations", "homoglyphs", "legacy_encodings", "provinces", "column_titles", "doc_types",
               "tiers", "findings", "section_labels", "vietnamese", "web_pages")
# Plain values in regex files that are data read by code, not regexes.
DATA = {
    ("criteria", "quota_group"),
    ("deadline_phrases", "units"),
    ("deadline_phrases", "timeframe_task"),
    ("roles", "assignment_roles"),
}
# Regex syntax a literal phrase never holds.
_REGEX_SYNTAX = re.compile(r"\\[sdwbSDWB]|\(\?|[\[\]{}^$|]")

CASES = [pytest.param(name, path, e, id=f"{name}:{'.'.join(map(str, path))}")
         for name in REGEX_FILES for path, e in patterns.entries(name)]


def _found(rx: re.Pattern[str], text: str) -> bool:
    m = rx.match(text)
    return bool(m and m.group(0))


def test_every_pattern_file_is_either_regexes_or_a_table() -> None:
    files = {f.name.removesuffix(".yaml") for f in resources.files(patterns).iterdir() if f.name.endswith(".yaml")}
    assert files == set(REGEX_FILES) | set(TABLE_FILES)


@pytest.mark.parametrize(("name", "path", "entry"), CASES)
def test_a_regex_finds_its_examples_and_none_of_its_counter_examples(name, path, entry) -> None:
    rx = patterns.regex(name, *path)
    assert entry.examples, "a regex needs examples: the phrases it was written for"
    assert [e for e in entry.examples if not _found(rx, e)] == []
    assert [c for c in entry.counter_examples if _found(rx, c)] == []


def _templates() -> str:
    return "\n".join(e.template for name in REGEX_FILES for _, e in patterns.entries(name))


def _plain_values(value: Any, path: tuple) -> list[tuple]:
    """Paths of values outside entries and phrase lists: strings, numbers, maps of them."""
    if patterns.is_entry(value) or isinstance(value, list):
        return []
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _plain_values(item, (*path, key))]
    return [path]


@pytest.mark.parametrize("name", REGEX_FILES)
def test_a_regex_file_holds_no_untested_regex(name: str) -> None:
    """A plain string is a fragment some tested regex names, or data the code reads."""
    used = {n for ref in re.findall(r"\{([a-z_.+]+)\}", _templates()) for n in ref.split("+")}
    loose = [path for path in _plain_values(patterns.load(name), ())
             if path[0] not in used and f"{name}.{path[0]}" not in used and (name, path[0]) not in DATA]
    assert loose == [], "make these entries with examples, or name them in DATA"


@pytest.mark.parametrize("name", REGEX_FILES)
def test_phrase_lists_hold_literal_phrases(name: str) -> None:
    """A list of strings fills in as a literal alternation: a regex in it would be escaped."""
    def lists(value: Any) -> list[list]:
        if isinstance(value, dict) and not patterns.is_entry(value):
            return [x for item in value.values() for x in lists(item)]
        return [value] if isinstance(value, list) and all(isinstance(v, str) for v in value) else []

    regexes = [p for phrases in lists(patterns.load(name)) for p in phrases if _REGEX_SYNTAX.search(p)]
    assert regexes == []


def test_a_template_fills_names_and_leaves_quantifiers() -> None:
    assert patterns.fill(r"\d{4}\s{0,{qualifier_words}}", "references") == r"\d{4}\s{0,3}"
    assert patterns.fill("{upper}", "references") == UPPER


def test_a_phrase_list_fills_in_as_a_literal_alternation_longest_first() -> None:
    filled = patterns.fill("{named_law_year_stop}", "references")
    assert filled.startswith(r"Nghị\s+quyết|") and "|để" in filled
    assert re.fullmatch(filled, "Bộ  luật")


def test_a_fragment_of_another_file_is_named_with_its_file() -> None:
    types = re.compile(patterns.fill("(?:{doc_types.name})$", "references"))
    assert types.match("Thông tư liên tịch") and types.match("Kế hoạch") and not types.match("Tờ")


def test_an_unknown_fragment_is_an_error_not_a_literal() -> None:
    with pytest.raises(KeyError):
        patterns.fill("{no_such_fragment}", "references")


def test_alternatives_join_in_order() -> None:
    alternatives = patterns.load("roles")["boilerplate"]["any_of"]  # no fragment in them
    assert len(alternatives) > 1
    assert patterns.source("roles", "boilerplate") == "|".join(alternatives)


def test_an_entry_ignores_case_only_when_it_says_so() -> None:
    assert patterns.regex("references", "relations", "pursuant").match("CĂN CỨ Luật")
    assert not patterns.regex("references", "issuer_lead").match(" CỦA Bộ")
    assert not patterns.source("references", "relations", "pursuant").startswith("(?i)")


def test_an_entry_with_an_unknown_key_is_an_error() -> None:
    """A misspelt ``counter_example:`` would otherwise drop its phrases without a word."""
    with pytest.raises(ValueError):
        patterns.entry({"pattern": "Sở", "counter_example": ["Sởi"]})
