"""PDF files with a text layer (pdfplumber); scanned PDFs need OCR first."""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path

from analysis.document import Document
from analysis.readers.errors import ReadError
from analysis.readers.metadata import clean_file_title

NO_TEXT_REASON = "PDF has no text layer — run OCR first"
ENCRYPTED_REASON = "PDF is password-protected — save an unprotected copy"
DAMAGED_REASON = "not a valid PDF (damaged or incomplete download) — download it again"
_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*$")
# a page's number printed at its foot or head: — 3 —, - 3 -, 3, 第3页 共9页, 3/9
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}"
    r"(?:\s*/\s*\d{1,4})?)[\s\-—–－·•]*$")


def read_pdf(path: Path) -> Document:
    """Page texts joined with line breaks; the Title property when meaningful.

    metadata counts the pages and the pages without text (scanned pages
    inside an otherwise digital PDF need OCR too).
    """
    pages, info = _open_and_extract(Path(path))
    text = "\n".join(strip_page_numbers(page) for page in pages)
    if not text.strip():
        raise ReadError(NO_TEXT_REASON)
    title = clean_file_title(_info_text(info.get("Title")))
    metadata = {"pages": len(pages),
                "pages_without_text": sum(1 for page in pages if not page.strip())}
    return Document(text=text, source_path=Path(path).name, source_format="pdf", title=title,
                    metadata=metadata)


def strip_page_numbers(page: str) -> str:
    """A page's text without a page-number line at its head or foot.

    >>> strip_page_numbers("整改情况:已完成。\\n— 3 —")
    '整改情况:已完成。'
    >>> strip_page_numbers("第2页 共5页\\n根据区委统一部署\\n2023")  # a year, alone, stays
    '根据区委统一部署\\n2023'
    """
    lines = page.split("\n")
    if lines and _PAGE_NUMBER.match(lines[0]) and not _YEAR.match(lines[0]):
        lines = lines[1:]
    if lines and _PAGE_NUMBER.match(lines[-1]) and not _YEAR.match(lines[-1]):
        lines = lines[:-1]
    return "\n".join(lines)


def _open_and_extract(path: Path) -> tuple[list[str], dict]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    with open(path, "rb") as fh:
        if b"%PDF" not in fh.read(1024):
            raise ReadError(DAMAGED_REASON)
    try:
        with _quiet_pdfminer(), pdfplumber.open(path) as pdf:
            # dedupe: fake-bold headings are drawn twice, a hair apart
            pages = [(page.dedupe_chars().extract_text() or "") for page in pdf.pages]
            return pages, dict(pdf.metadata or {})
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError(ENCRYPTED_REASON) from exc
    except (OSError, MemoryError):
        raise
    except Exception as exc:  # pdfminer fails in many ways on a broken file
        raise ReadError(_reason_for(exc.args[0] if exc.args else exc)) from exc


@contextmanager
def _quiet_pdfminer():
    """Silence pdfminer's warnings about broken objects while one file is read."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _reason_for(cause: object) -> str:
    name = type(cause).__name__
    if "Password" in name or "Encryption" in name:
        return ENCRYPTED_REASON
    return DAMAGED_REASON


def _info_text(value: object) -> str:
    """A PDF info value (bytes in PDFDocEncoding or UTF-16, or str) as text."""
    if isinstance(value, bytes):
        if value.startswith((b"\xfe\xff", b"\xff\xfe")):
            return value.decode("utf-16", errors="ignore")
        return value.decode("latin-1", errors="ignore")
    return str(value or "")
