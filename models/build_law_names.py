"""Rebuild models/law_names.txt, the names of Vietnamese laws as documents write them.

Usage: .venv/bin/python models/build_law_names.py [CORPUS]   (default ../shared/corpus)

Why learned from documents: a law is often cited by name alone, and its name has
no closing mark ("Căn cứ Luật Đo đạc và bản đồ; ...", "... theo Luật Việc làm bảo
đảm kịp thời ..."), so a rule cannot tell where the name stops. Where a document
closes a name itself ("Luật <Tên> số 72/2025/QH15", "... ngày 16 tháng 6 năm
2025", "... năm 2015"), the name is certain; those names, collected from the
real documents of the corpus, tell the extractor where other mentions stop.
A name is kept when a law number closes it ("số 72/2025/QH15", unmistakable) or
when two documents close it another way (one typo is not a law). Markdown, Word
and text-layer PDF files are read (Word through python-docx, PDFs through
poppler's pdftotext).

The documents of the real-document gold (tests/data/real) are left out, so that the
development set's figures do not read names learned from themselves.

One name a line, as the documents write it (case kept), sorted.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, package installed or not

from pipeline.lang.laws import closed_names  # noqa: E402

OUT = ROOT / "models" / "law_names.txt"
MIN_DOCUMENTS = 2


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        from docx import Document
        doc = Document(str(path))
        raw = "\n".join([p.text for p in doc.paragraphs]
                        + [c.text for t in doc.tables for row in t.rows for c in row.cells])
    elif path.suffix == ".pdf":
        raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    else:
        raw = path.read_text(encoding="utf-8", errors="replace")
    text = unicodedata.normalize("NFC", raw.replace("*", ""))
    return re.sub(r"\s+", " ", text)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpus"
    seen: dict[str, set[str]] = defaultdict(set)
    numbered: set[str] = set()
    gold = {json.loads(g.read_text(encoding="utf-8")).get("source", "")
            for g in (ROOT / "tests" / "data" / "real").glob("*.json")}
    paths = [p for p in corpus.rglob("*") if p.suffix in (".md", ".docx", ".pdf")
             and p.relative_to(corpus).as_posix() not in gold]
    for path in sorted(paths):
        for name, by_number in closed_names(text_of(path)).items():
            seen[name].add(path.name)
            if by_number:
                numbered.add(name)
    keep = sorted(n for n, docs in seen.items() if n in numbered or len(docs) >= MIN_DOCUMENTS)
    OUT.write_text("".join(f"{n}\n" for n in keep), encoding="utf-8")
    print(f"{len(keep)} law names from {corpus} -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
