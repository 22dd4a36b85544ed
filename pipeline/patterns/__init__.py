"""Patterns as data: YAML tables read once and shared by every stage.

Why one loader: a regex kept in a YAML file is only as good as the phrases it was
written for, so every regex carries them (``examples`` it must find,
``counter_examples`` it must not) and one test checks them all (tests/test_patterns.py);
and every caller fills and compiles a regex the same way, so a file reads the same
whichever stage uses it.

A regex entry is a plain string or a mapping::

    key:
      pattern: 'trước\\s+{date}'      # or any_of: [alternative, ...], joined by "|" in order
      ignore_case: true               # compiled with re.IGNORECASE (default: case matters)
      examples: ["Trước ngày 15/9/2025"]
      counter_examples: ["trước khi ban hành"]

Templates name fragments as ``{name}``: another key of the same file, ``{file.key}``
of another file (through a list of records, the field of each: ``{doc_types.name}``),
or ``{upper}`` (a Vietnamese capital letter). A fragment that is a list of phrases
fills in as their literal alternation (``{offices+leaders}``: of both lists); a number
fills in as written. A quantifier
(``{4}``, ``{0,3}``) is never a name, so no brace is ever doubled. Flags belong to
the entry, not to its text (as with ``re.compile(text, flags).pattern``): a filled
fragment takes the flags of the regex it stands in, and a caller may join sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pipeline.lang.letters import UPPER

_NAME = re.compile(r"\{([a-z_][a-z0-9_]*(?:[.+][a-z_][a-z0-9_]*)*)\}")
_BUILTIN = {"upper": UPPER}
_MAX_DEPTH = 10  # fragments inside fragments: deeper means a fragment names itself
_ENTRY_KEYS = {"pattern", "any_of", "ignore_case", "examples", "counter_examples"}

KeyPath = tuple[str | int, ...]


# libyaml's parser when PyYAML was built with it (its wheels are): the same documents, read
# eight times faster; every worker process of a run reads every pattern file once.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> Any:
    """Load ``pipeline/patterns/<name>.yaml`` (cached: patterns never change in a run)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)  # both loaders are the safe ones


@dataclass(frozen=True)
class Entry:
    """One regex of a pattern file: its template and the phrases that pin it down."""

    template: str
    flags: int = 0
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


def is_entry(value: Any) -> bool:
    """A mapping that holds a regex (``pattern`` or ``any_of``) rather than a table."""
    return isinstance(value, dict) and ("pattern" in value or "any_of" in value)


def entry(value: Any) -> Entry:
    """Read a regex entry written as a plain string or as a mapping."""
    if isinstance(value, str):
        return Entry(value)
    if not is_entry(value) or set(value) - _ENTRY_KEYS:
        raise ValueError(f"not a regex entry (keys: {sorted(_ENTRY_KEYS)}): {value!r}")
    template = value["pattern"] if "pattern" in value else "|".join(value["any_of"])
    flags = re.IGNORECASE if value.get("ignore_case") else 0
    return Entry(template, flags, tuple(value.get("examples", ())), tuple(value.get("counter_examples", ())))


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


def at(name: str, *path: str | int) -> Any:
    """The value at ``path`` in a pattern file; through a list of records, the field of each."""
    value = load(name)
    for step in path:
        if isinstance(value, list) and isinstance(step, str):
            value = [item[step] for item in value]
        else:
            value = value[step]
    return value


@cache
def source(name: str, *path: str | int) -> str:
    """The regex at ``path`` in ``patterns/<name>.yaml``, its fragments filled in."""
    return fill(entry(at(name, *path)).template, name)


def flags(name: str, *path: str | int) -> int:
    """The ``re`` flags the regex at ``path`` is compiled with."""
    return entry(at(name, *path)).flags


@cache
def regex(name: str, *path: str | int) -> re.Pattern[str]:
    """The regex at ``path`` in ``patterns/<name>.yaml``, filled and compiled (once per process)."""
    return re.compile(source(name, *path), flags(name, *path))


def fill(template: str, name: str) -> str:
    """``template`` with its ``{name}`` fragments filled, as written in ``patterns/<name>.yaml``."""
    return _fill(template, name, 0)


def _fill(template: str, name: str, depth: int) -> str:
    if depth > _MAX_DEPTH:
        raise ValueError(f"{name}.yaml: fragments nest too deep (one names itself?): {template[:60]}")
    return _NAME.sub(lambda m: _fragment(m.group(1), name, depth + 1), template)


def _fragment(ref: str, name: str, depth: int) -> str:
    """The text a ``{ref}`` in a template of ``name``.yaml stands for."""
    if "+" in ref:
        return alternation([w for part in ref.split("+") for w in _phrases(part, name)])
    if "." in ref:
        name, _, rest = ref.partition(".")
        path: KeyPath = tuple(rest.split("."))
    elif ref in load(name):
        path = (ref,)
    elif ref in _BUILTIN:
        return _BUILTIN[ref]
    else:
        raise KeyError(f"{name}.yaml: no fragment named {{{ref}}}")
    value = at(name, *path)
    if isinstance(value, list):
        return alternation(value)
    if isinstance(value, int):
        return str(value)
    return _fill(entry(value).template, name, depth)


def _phrases(ref: str, name: str) -> list[str]:
    """The phrase list a ``{a+b}`` part names (in ``name``.yaml unless it says its file)."""
    file, _, key = ref.rpartition(".")
    value = at(file or name, *key.split("."))
    if not isinstance(value, list):
        raise KeyError(f"{name}.yaml: {{{ref}}} joined with + is no phrase list")
    return value


def entries(name: str) -> Iterator[tuple[KeyPath, Entry]]:
    """Every regex written as an entry mapping in a pattern file, with its path."""
    yield from _entries(load(name), ())


def _entries(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Entry]]:
    if is_entry(value):
        yield path, entry(value)
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _entries(item, (*path, key))
