"""The package is built in floors: a module imports only from its own floor or below.

Read from the source with ``ast`` (nothing is imported), every import counts,
also one inside a function: a lazy import is still a dependency.

- floor 0, shared facts: the language (``lang``), the typed values, markers and
  table headers, the pattern files, confidence, doc_id names.
- floor 1, the per-document stages: ingest, repair, segment, extract. They are
  peers and import none of each other: a language fact two stages need lives on
  floor 0 (``lang``), not in the stage that happened to need it first.
- floor 2, the whole run's output: compare, export, report.
- floor 3, the machinery that runs it all: process, run, workers, executors, cli,
  tasks, cache, inputs, options (its RunOptions hold ingest's Limits), evaluation.

The exception lists below may only shrink: each entry says why it is there.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

FLOORS = {
    0: ("lang", "models", "markers", "table_header", "patterns", "confidence", "names"),
    1: ("ingest", "repair", "segment", "extract"),
    2: ("compare", "export", "report"),
    3: ("process", "run", "workers", "executors", "cli", "tasks", "cache", "inputs", "options",
        "evaluation"),
}
PEERS = FLOORS[1]  # the stages: none imports another

# (importer, imported) imports allowed although they break a rule.
FLOOR_EXCEPTIONS: dict[tuple[str, str], str] = {}

# Cycles allowed, as the sorted modules in them.
CYCLE_EXCEPTIONS: dict[tuple[str, ...], str] = {}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    """The module (or package) of the pipeline ``name`` is, or lives in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(module: str) -> set[str]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(_resolve(a.name) for a in node.names if a.name.split(".")[0] == "pipeline")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                full = ".".join(base + ([node.module] if node.module else []))
            else:
                full = node.module or ""
            if full.split(".")[0] != "pipeline":
                continue
            for alias in node.names:
                member = f"{full}.{alias.name}"
                found.add(member if member in MODULES else _resolve(full))
    found.discard(module)
    found.discard("pipeline")
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def floor_of(module: str) -> tuple[int, str]:
    """``(floor, top-level part)`` of a pipeline module."""
    top = module.split(".")[1]
    for floor, parts in FLOORS.items():
        if top in parts:
            return floor, top
    raise AssertionError(f"{module} is on no floor: add it to FLOORS")


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "pipeline"))
def test_every_module_has_a_floor(module):
    floor_of(module)


def test_imports_never_run_up_the_floors_nor_across_the_stages():
    broken = []
    for module, imported in sorted(GRAPH.items()):
        if module == "pipeline":
            continue
        floor, part = floor_of(module)
        for other in sorted(imported):
            other_floor, other_part = floor_of(other)
            across = floor == 1 and other_floor == 1 and other_part != part
            if (other_floor > floor or across) and (module, other) not in FLOOR_EXCEPTIONS:
                broken.append(f"{module} (floor {floor}) imports {other} (floor {other_floor})")
    assert not broken, "\n".join(broken)


def _cycles() -> list[tuple[str, ...]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[tuple[str, ...]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in GRAPH.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(tuple(sorted(component)))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    cycles = [c for c in _cycles() if c not in CYCLE_EXCEPTIONS]
    assert not cycles, "\n".join(" <-> ".join(c) for c in cycles)


def test_the_exceptions_are_still_needed():
    """An exception whose import or cycle is gone must leave its list."""
    stale = [pair for pair in FLOOR_EXCEPTIONS if pair[1] not in GRAPH.get(pair[0], ())]
    stale += [cycle for cycle in CYCLE_EXCEPTIONS if cycle not in _cycles()]
    assert not stale, stale


def test_the_walk_sees_known_imports():
    assert "pipeline.lang.syllables" in GRAPH["pipeline.lang.casing"]
    assert "pipeline.lang.tiers" in GRAPH["pipeline.compare.cascade"]
    assert "pipeline.ingest.options" in GRAPH["pipeline.options"]
