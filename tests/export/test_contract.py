"""The written tables, the row models and docs/output-contract.md agree: every column, in order."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import get_args

import pytest

from pipeline.compare import compare
from pipeline.export import write_outputs
from pipeline.export.tables import build_tables
from pipeline.models import TABLES, BodyRole, DeadlineKind, IssuerLevel, PageMethod, Part, Relation, Stage
from pipeline.options import RunOptions
from pipeline.process import process
from tests.conftest import RAW

CONTRACT = Path(__file__).parents[2] / "docs" / "output-contract.md"
DOC = "002_1d0c97eeb57a3117"


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """The files of a run over one sample plan, the comparison tables included."""
    result = process(RAW / f"{DOC}.txt", RunOptions(workers=1))
    tables = build_tables([result])
    tables.update(compare(tables))
    out = tmp_path_factory.mktemp("run")
    write_outputs([result], tables, out)
    return out


def header(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")


def model_columns(model: type) -> list[str]:
    """The fields of a row model; the contract writes a row's span as start, end, page."""
    return [column for f in dataclasses.fields(model)
            for column in (["start", "end", "page"] if f.name == "span" else [f.name])]


def contract_rows() -> dict[str, list[tuple[list[str], str]]]:
    """Per table of the contract page: (column names of a row, the row's text), in order."""
    tables: dict[str, list[tuple[list[str], str]]] = {}
    rows: list[tuple[list[str], str]] = []
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### (\w+)\.csv", line)
        if heading:
            rows = tables.setdefault(heading[1], [])
        names = re.match(r"\| ((?:`\w+`(?:, )?)+) \|", line)
        if names:
            rows.append((re.findall(r"`(\w+)`", names[1]), line))
    return tables


@pytest.mark.parametrize("name", list(TABLES))
def test_csv_header_is_the_row_models_fields_in_order(written, name):
    assert header(written / f"{name}.csv") == model_columns(TABLES[name])


def test_contract_names_every_column_of_every_table_in_order(written):
    documented = {name: [c for names, _ in rows for c in names]
                  for name, rows in contract_rows().items()}
    files = sorted(written.glob("*.csv"))
    assert sorted(documented) == [path.stem for path in files]
    for path in files:
        assert header(path) == documented[path.stem], path.name


@pytest.mark.parametrize(("table", "column", "vocabulary"), [
    ("plans", "issuer_level", IssuerLevel), ("references", "relation", Relation),
    ("deadlines", "kind", DeadlineKind), ("responsibilities", "role", BodyRole),
    ("pages", "method", PageMethod), ("errors", "stage", Stage)])
def test_contract_explains_every_value_of_a_closed_vocabulary(table, column, vocabulary):
    text = next(line for names, line in contract_rows()[table] if names == [column])
    assert [v for v in get_args(vocabulary) if v and f"`{v}`" not in text] == []


def test_contract_explains_both_parts():
    rule = next(line for line in CONTRACT.read_text(encoding="utf-8").splitlines()
                if line.startswith("- `part`"))
    assert all(f"`{part}`" in rule for part in get_args(Part))
