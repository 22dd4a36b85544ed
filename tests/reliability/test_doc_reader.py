"""Word 97 .doc files, common on government sites, read through LibreOffice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import olefile
import pytest

from pipeline.ingest import IngestError, read_source
from tests.conftest import ROOT
from tests.reliability.conftest import docx_file

CORPUS_DOC = ROOT.parent / "shared" / "corpus" / "sites" / "luongminh__99_2025_NQ-HDND_685704.doc"
PLAN = ["ỦY BAN NHÂN DÂN", "HUYỆN THỦY NGUYÊN", "Số: 21/KH-UBND", "KẾ HOẠCH",
        "Tổ chức lễ hội truyền thống", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]


@pytest.fixture(scope="module")
def word97(tmp_path_factory, soffice) -> Path:
    """A .doc written by LibreOffice from a .docx made here."""
    folder = tmp_path_factory.mktemp("doc")
    source = docx_file(folder / "plan.docx", PLAN)
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(folder / "out"), str(source)],
                   capture_output=True, timeout=180, check=True)
    return folder / "out" / "plan.doc"


def test_a_word97_file_is_read_line_by_line(word97):
    source = read_source(word97)
    assert source.format == "doc"
    assert [line for line in source.pages[0].lines if line] == PLAN


def test_a_word97_file_under_a_docx_name_is_read_as_what_it_is(word97, tmp_path):
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(word97.read_bytes())
    assert "KẾ HOẠCH" in read_source(renamed).pages[0].lines


def test_a_password_protected_word97_file_says_so(word97, tmp_path):
    locked = tmp_path / "locked.doc"
    locked.write_bytes(word97.read_bytes())
    with olefile.OleFileIO(str(locked), write_mode=True) as ole:
        fib = bytearray(ole.openstream("WordDocument").read())
        fib[11] |= 0x01  # fEncrypted, as Word sets it for a password
        ole.write_stream("WordDocument", bytes(fib))
    with pytest.raises(IngestError, match="password-protected"):
        read_source(locked)


def test_a_file_named_doc_that_is_nothing_of_the_kind(tmp_path):
    fake = tmp_path / "fake.doc"
    fake.write_bytes(b"\x00\x01garbage" * 50)
    with pytest.raises(IngestError, match="not a Word file"):
        read_source(fake)


@pytest.mark.skipif(not CORPUS_DOC.is_file(), reason="the shared corpus is not beside the repository")
def test_a_doc_from_a_government_site_is_read(soffice):
    lines = [line for line in read_source(CORPUS_DOC).pages[0].lines if line]
    assert lines[:2] == ["HỘI ĐỒNG NHÂN DÂN", "TỈNH QUẢNG NINH"]
    assert len(lines) > 20
