import codecs
import unicodedata

import pytest

from pipeline.ingest import IngestError, read_source

SENTENCE = ("Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị tuyên dương điển hình tiên tiến, "
            "hoàn thành trước ngày 15 tháng 8 năm 2025.")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters with â ê ô ơ ư ă đ precomposed, tones combining."""
    letter_marks = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            out.append([ch, ""])
        elif ch in letter_marks:
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + ch)
        else:
            out[-1][1] += ch
    return "".join(base + tones for base, tones in out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings_read_back_exactly(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    source = read_source(path)
    assert source.pages[0].lines == (SENTENCE,)


def test_windows_1258_is_detected_and_read_as_nfc(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(to_cp1258(SENTENCE))
    source = read_source(path)
    assert source.encoding == "cp1258"
    assert source.pages[0].lines == (SENTENCE,)


def test_form_feeds_split_pages(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("trang một\n\fTrang hai\n", encoding="utf-8")
    assert [p.number for p in read_source(path).pages] == [1, 2]


def test_empty_and_binary_files_are_refused_with_a_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="empty"):
        read_source(empty)
    with pytest.raises(IngestError, match="binary"):
        read_source(binary)


def test_a_file_renamed_pdf_is_not_read_as_a_pdf(tmp_path):
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(IngestError, match="not a PDF"):
        read_source(fake)


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "plan.xls"
    path.write_bytes(codecs.BOM_UTF8 + b"x")
    with pytest.raises(IngestError, match="unsupported"):
        read_source(path)


def test_a_raw_legacy_file_using_bytes_cp1252_lacks_is_read_byte_for_byte(tmp_path):
    # TCVN3 puts letters on 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which cp1252 leaves undefined:
    # the other bytes must still read as cp1252, the view the repair tables expect.
    data = bytes([0x4B, 0xD5, 0x20, 0x48, 0x4F, 0xB9, 0x43, 0x48, 0x20, 0x90, 0x80])
    path = tmp_path / "legacy.txt"
    path.write_bytes(data)
    text = read_source(path).pages[0].lines[0]
    assert text == "KÕ HO¹CH \x90€"
