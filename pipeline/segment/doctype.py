"""The document-type line ("KẾ HOẠCH") and the title lines under it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline import patterns
from pipeline.markers import is_rule, match_marker
from pipeline.models import Line

# The type line stands within the first lines of a document.
SEARCH_LINES = 40
MAX_TITLE_LINES = 6


@dataclass(frozen=True)
class TypeLine:
    index: int  # position of the type line among the document's lines
    doc_type: str  # title case, as in patterns/doc_types.yaml
    rest: str  # title text on the same line after the type word, if any


@cache
def _type_names() -> tuple[str, ...]:
    names = {row["name"] for row in patterns.load("doc_types")}
    return tuple(sorted(names, key=len, reverse=True))


def find_type_line(lines: tuple[Line, ...]) -> TypeLine | None:
    """The first line that is a document type written in capitals ("KẾ HOẠCH ...")."""
    for i, line in enumerate(lines[:SEARCH_LINES]):
        text = line.text.strip()
        for name in _type_names():
            upper = name.upper()
            if text == upper or text.startswith(upper + " "):
                rest = text[len(upper):].strip()
                if rest and rest.isupper() and len(rest) < 4:
                    continue
                return TypeLine(i, name, rest)
    return None


def _opens_preamble(text: str) -> bool:
    """A capitalised line opening with a preamble word (Thực hiện, Căn cứ ...)."""
    low = text.lower()
    return text[:1].isupper() and any(low.startswith(w) for w in patterns.load("header")["preamble_openers"])


def _is_authority(text: str, following: str) -> bool:
    """The line naming who decides, in capitals, right above the preamble of a decision."""
    if not text.isupper() or not (_opens_preamble(following) or following.strip().isupper()):
        return False
    low = text.lower()
    heads = [t.lower() for t in patterns.load("header")["signer_titles"]]
    heads += [h.lower() for h in patterns.load("header")["issuer_heads"]]
    return low.startswith(tuple(heads)) and (_opens_preamble(following)
                                             or following.strip().rstrip(":") in _DECIDES)


_DECIDES = {"QUYẾT ĐỊNH", "CHỈ THỊ", "QUYẾT NGHỊ"}


def title_span(lines: tuple[Line, ...], type_line: TypeLine) -> tuple[list[int], int]:
    """Indices of the title lines after the type line, and the index where the preamble starts.

    The title runs until a line opens the preamble (Thực hiện, Căn cứ ...), an
    outline marker, a drawn rule or an attachment note "(Kèm theo ...)". Its first
    line is always title: titles often open with the same verbs ("Triển khai ...").
    """
    title: list[int] = []
    i = type_line.index + 1
    while i < len(lines) and len(title) < MAX_TITLE_LINES:
        text = lines[i].text.strip()
        if is_rule(text):
            i += 1
            break
        if ((title or text.lower().startswith("kính gửi")) and _opens_preamble(text)) \
                or match_marker(text) or text.startswith("("):
            break
        if title and (text.endswith(":") or (text.endswith((".", ";")) and len(text) > 200)):
            break  # "… ban hành Kế hoạch như sau:" is the preamble, whatever its first word
        if title and _is_authority(text, lines[i + 1].text if i + 1 < len(lines) else ""):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..." above a decision's "Căn cứ"
        title.append(i)
        i += 1
    return title, i
