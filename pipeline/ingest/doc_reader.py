"""Word 97–2003 (.doc), common on government sites: converted to .docx by LibreOffice, then read.

Why LibreOffice (Debian's libreoffice-writer-nogui, headless): it keeps
paragraphs, automatic list numbers and tables, which the .docx reader already
turns into lines; antiword and catdoc lose the numbers that give a plan its
outline. Each conversion uses its own throw-away LibreOffice profile, so
parallel workers do not share (and lock) one. A password is found from the
file's own flags first: LibreOffice would only say it could not load the file.
Sites also serve RTF or HTML under a .doc name; LibreOffice converts those too.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.ingest.docx_reader import OLE_MAGIC, check_package, docx_lines, read_docx
from pipeline.ingest.errors import IngestError
from pipeline.ingest.options import IngestOptions
from pipeline.models import Page, Source

CONVERT_SECONDS = 180.0
_FIB_ENCRYPTED = 0x0100  # fEncrypted in the Word 97 file information block's flags


def read_word(path: Path, doc_id: str, options: IngestOptions | None = None) -> Source:
    """Read a .docx by what it holds: a Word 97 file under a .docx name is read as what it is."""
    with path.open("rb") as handle:
        if handle.read(8) == OLE_MAGIC:
            return read_doc(path, doc_id, options)
    return read_docx(path, doc_id, options)


def read_doc(path: Path, doc_id: str, options: IngestOptions | None = None) -> Source:
    """Read a .doc (or an RTF / HTML file named .doc) through a .docx conversion."""
    options = options or IngestOptions()
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK"):  # a .docx under a .doc name
        check_package(path, options.limits)
        return Source(doc_id, path, "doc", (Page(1, tuple(docx_lines(path)), "docx"),))
    if head == OLE_MAGIC:
        check_ole(path)
    elif not _convertible_text(path):
        raise IngestError("not a Word file: neither Word 97, nor .docx, RTF or HTML")
    with tempfile.TemporaryDirectory(prefix="plans-doc-") as tmp:
        converted = convert_to_docx(path, Path(tmp))
        check_package(converted, options.limits)
        lines = docx_lines(converted)
    return Source(doc_id, path, "doc", (Page(1, tuple(lines), "docx"),))


def check_ole(path: Path) -> None:
    """Raise IngestError for an encrypted or non-Word compound file."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
                raise IngestError("a password-protected Office file: remove the password to read it")
            if not ole.exists("WordDocument"):
                raise IngestError("an Office file, but not a Word document (a workbook or a presentation?)")
            fib = ole.openstream("WordDocument").read(12)
    except OSError as err:  # olefile's damaged-file errors are OSErrors
        raise IngestError("not a readable Word 97 file (damaged)") from err
    if len(fib) == 12 and int.from_bytes(fib[10:12], "little") & _FIB_ENCRYPTED:
        raise IngestError("a password-protected Word 97 file: remove the password to read it")


def _convertible_text(path: Path) -> bool:
    """RTF, HTML or Word 2003 XML, which sites also save with a .doc name."""
    with path.open("rb") as handle:
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"{\\rtf", b"<html", b"<!doctype html", b"<?xml", b"mime-version"))


def convert_to_docx(path: Path, folder: Path) -> Path:
    """``path`` converted by headless LibreOffice into ``folder``; IngestError when it cannot."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError("reading a Word 97 .doc needs LibreOffice (Debian: libreoffice-writer-nogui)")
    source = folder / "document.doc"  # a plain name: LibreOffice mishandles some characters
    shutil.copyfile(path, source)
    command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
               "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
               str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
    except subprocess.TimeoutExpired as err:
        raise IngestError(f"LibreOffice did not convert the .doc within {CONVERT_SECONDS:.0f} s") from err
    converted = folder / "document.docx"
    if not converted.is_file():
        raise IngestError("not a readable Word 97 file: LibreOffice could not convert it (damaged?)")
    return converted
