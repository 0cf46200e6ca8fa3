"""read_document: one input file to a Document, or a ReadError saying what to do.

The format is chosen by the file's content when its first bytes say what it is
(a PDF, a Word package or an old Office file saved under another suffix), else
by its suffix, case-insensitively.
"""
from __future__ import annotations

import errno
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

from analysis.document import Document
from analysis.readers.errors import ReadError
from analysis.readers.walk import format_for_suffix, unsupported_reasons

MAX_BYTES = 50_000_000
# errors for which Path.exists() says False rather than raising
_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_OLE = b"\xd0\xcf\x11\xe0"


def read_document(path: Path, root: Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one input file; any failure is a ReadError with a short actionable reason."""
    path, root = _as_path(path), _as_path(root)
    try:
        fmt = _check_file(path, max_bytes)
        doc = _reader(fmt)(path)
    except ReadError:
        raise
    except PermissionError as exc:
        raise ReadError("permission denied — check the file's permissions") from exc
    except MemoryError as exc:
        raise ReadError("file too large to read into memory — split it") from exc
    except Exception as exc:  # a reader bug must become an errors row, not a crash
        raise ReadError(f"could not read: {type(exc).__name__}: {str(exc)[:120]}") from exc
    doc.source_path = relative_source_path(path, root)
    doc.source_format = "html" if fmt == "mhtml" else fmt
    return doc


def _as_path(path) -> Path:
    """path as a Path (a Path is kept: building one again costs more than reading a file)."""
    return path if isinstance(path, Path) else Path(path)


def relative_source_path(path: Path, root: Path) -> str:
    """path relative to root, '/'-separated (the file name when outside root).

    >>> relative_source_path(Path("in/a/b.txt"), Path("in"))
    'a/b.txt'
    """
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = os.path.relpath(path, root)
        rel = path.name if rel.startswith("..") else Path(rel).as_posix()
    return printable_name(rel)


def printable_name(name: str) -> str:
    r"""A file name that can be written as UTF-8.

    Names unpacked from a Chinese Windows zip arrive as GBK bytes, which Python
    holds as lone surrogates; they are decoded as GB18030 (else escaped).

    >>> printable_name(os.fsdecode("通报.txt".encode("gbk")))
    '通报.txt'
    >>> printable_name("a/通报.txt")
    'a/通报.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def _check_file(path: Path, max_bytes: int) -> str:
    """The reader format for path after the existence, size and content checks."""
    try:    # one stat for what Path.exists/is_dir/is_file/stat would each ask again
        info = os.stat(path)
    except ValueError:
        info = None
    except OSError as exc:
        if exc.errno not in _MISSING:
            raise
        info = None
    if info is None:
        raise ReadError("broken link — the file it points to is missing" if path.is_symlink()
                        else "file not found")
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("not a regular file (a pipe or device?)")
    size = info.st_size
    if size > max_bytes:
        raise ReadError(f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:g} MB limit)"
                        " — split it or raise --max-mb")
    if size == 0:
        raise ReadError("empty file")
    with open(path, "rb") as fh:
        head = fh.read(2048)
    return format_of(path, head)


def format_of(path: Path, head: bytes) -> str:
    """The reader format for a file, from its first bytes, then its suffix."""
    suffix = path.suffix.lower()
    by_suffix = format_for_suffix(suffix)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path, suffix)
    if head.startswith(_OLE):
        raise ReadError(_old_office_reason(suffix))
    if head.lstrip().startswith(b"{\\rtf"):
        raise ReadError("RTF document — save as .docx")
    if _looks_like_web_archive(head):
        return "mhtml"  # also Word's "single file web page" saved as .doc
    if by_suffix in (None, "txt", "mhtml") and _looks_like_html(head):
        return "html"  # page source saved as .txt, or a site's "export to Word" .doc
    if by_suffix is None:
        raise ReadError(unsupported_reasons().get(
            suffix, f"unsupported file type '{suffix}' — convert to .txt, .html, .pdf or .docx"))
    return by_suffix


def _old_office_reason(suffix: str) -> str:
    """What to do with an old binary Office file (doc, xls, ppt, wps, et, dps)."""
    if suffix in (".doc", ".xls", ".ppt", ".wps", ".et", ".dps"):
        return unsupported_reasons()[suffix]
    if suffix == ".docx":
        return "old Word .doc renamed .docx — open it in Word and save as .docx"
    return f"old Office file (.doc/.xls) named '{suffix}' — save as .docx"


def _zip_format(path: Path, suffix: str) -> str:
    """docx for a Word package; otherwise a ReadError naming what the zip holds."""
    from analysis.readers.docx import DAMAGED_REASON

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, ValueError):
        raise ReadError(DAMAGED_REASON if suffix == ".docx"
                        else "damaged zip archive — download it again") from None
    if "word/document.xml" in names:
        return "docx"
    kind = ("Excel workbook" if any(n.startswith("xl/") for n in names) else
            "PowerPoint file" if any(n.startswith("ppt/") for n in names) else None)
    if kind:
        raise ReadError(f"{kind}{' renamed .docx' if suffix == '.docx' else ''} — "
                        "save the notice as .docx or .txt")
    if suffix == ".docx":
        raise ReadError(DAMAGED_REASON)
    raise ReadError(unsupported_reasons().get(suffix, "zip archive — unpack it first"))


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:300].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in start


def _looks_like_web_archive(head: bytes) -> bool:
    start = head.lstrip()[:1024].lower()
    return start.startswith((b"mime-version:", b"from:", b"content-type:")) and (
        b"multipart/related" in start or b"text/html" in start)


def _reader(fmt: str) -> Callable[[Path], Document]:
    # Each reader is imported when a file of its format is read: pdfplumber, python-docx
    # and trafilatura take long to import, and a folder of .txt needs none of them.
    if fmt == "txt":
        from analysis.readers.txt import read_txt
        return read_txt
    if fmt == "md":
        from analysis.readers.md import read_md
        return read_md
    if fmt == "html":
        from analysis.readers.html import read_html
        return read_html
    if fmt == "mhtml":
        from analysis.readers.mhtml import read_mhtml
        return read_mhtml
    if fmt == "pdf":
        from analysis.readers.pdf import read_pdf
        return read_pdf
    from analysis.readers.docx import read_docx
    return read_docx
