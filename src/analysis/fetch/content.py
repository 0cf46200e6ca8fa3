"""What a download is: the file extension it is saved with.

Servers of government sites often send documents as application/octet-stream
from a ``download.jsp?id=`` address, so the bytes themselves are asked first
(a PDF header, a Word 97 or a zip container), then the page check, then the
file name the server gives, the Content-Type (resources/fetch_content_types.csv)
and the URL.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from urllib.parse import unquote

from analysis.fetch.urls import url_suffix
from analysis.paths import resources_dir

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_SUFFIXES = (".doc", ".wps", ".xls", ".et", ".ppt", ".dps")
_ZIP_SUFFIXES = (".docx", ".xlsx", ".pptx", ".ofd", ".zip")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)",
                         re.IGNORECASE | re.DOTALL)
_FILENAME = re.compile(r"filename\*\s*=\s*(?:[\w-]+'[^']*')?([^;]+)|filename\s*=\s*\"?([^\";]+)",
                       re.IGNORECASE)


@lru_cache(maxsize=1)
def content_type_extensions() -> dict[str, str]:
    """Content-Type (without parameters) -> extension, from resources/fetch_content_types.csv."""
    with (resources_dir() / "fetch_content_types.csv").open(encoding="utf-8", newline="") as fh:
        return {row["content_type"].lower(): row["extension"] for row in csv.DictReader(fh)}


def media_type(content_type: str | None) -> str:
    """'text/html; charset=GBK' -> 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def choose_extension(url: str, content_type: str | None, body: bytes,
                     disposition: str | None = None) -> str:
    """The extension to save a download with.

    >>> choose_extension("http://x.cn/a.jsp", "text/html; charset=gbk", b"<html></html>")
    '.html'
    >>> choose_extension("http://x.cn/down?id=1", "application/octet-stream", b"%PDF-1.7 ...")
    '.pdf'
    >>> choose_extension("http://x.cn/f.wps", "application/octet-stream", _OLE + b"...")
    '.wps'
    >>> choose_extension("http://x.cn/down?id=2", None, b"PK\\x03\\x04...word/document.xml")
    '.docx'
    >>> choose_extension("http://x.cn/down?id=3", "application/octet-stream", b"\\x00\\x01",
    ...                  'attachment; filename="%E6%B8%85%E5%8D%95.doc"')
    '.doc'
    """
    by_bytes = _by_bytes(url, body, disposition)
    if by_bytes:
        return by_bytes
    known = content_type_extensions()
    if known.get(media_type(content_type)) == ".html" or _HTML_START.match(body[:2048]):
        return ".html"
    named = disposition_suffix(disposition)
    if named and named in set(known.values()):
        return named
    if media_type(content_type) in known:
        return known[media_type(content_type)]
    suffix = url_suffix(url)
    return suffix if suffix in set(known.values()) else ".bin"


def _by_bytes(url: str, body: bytes, disposition: str | None) -> str | None:
    named = disposition_suffix(disposition) or url_suffix(url)
    if body.startswith(b"%PDF"):
        return ".pdf"
    if body.startswith(_OLE):
        return named if named in _OLE_SUFFIXES else ".doc"
    if body.startswith(b"PK\x03\x04"):
        if named in _ZIP_SUFFIXES:
            return named
        return ".docx" if b"word/document.xml" in body else ".zip"
    return None


def disposition_suffix(disposition: str | None) -> str:
    """The lower-case suffix of the file name in a Content-Disposition header.

    >>> disposition_suffix("attachment; filename*=UTF-8''%E9%80%9A%E6%8A%A5.PDF")
    '.pdf'
    >>> disposition_suffix("inline")
    ''
    """
    match = _FILENAME.search(disposition or "")
    if not match:
        return ""
    name = unquote((match.group(1) or match.group(2)).strip().strip('"'))
    return ("." + name.rsplit(".", 1)[1].lower()) if "." in name else ""
