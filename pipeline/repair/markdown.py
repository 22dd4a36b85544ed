"""Markdown left by Word or PDF converters: bold/italic stars, heading hashes, escapes."""

from __future__ import annotations

import re

_HEADING_HASHES = re.compile(r"^\s*#{1,6}\s+")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|__(?=\S)|(?<=\S)__")
_ESCAPE = re.compile(r"\\([*_#\-.()\[\]])")


def strip_markdown(text: str) -> str:
    text = _HEADING_HASHES.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.replace("**", "")
