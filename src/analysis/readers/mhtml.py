"""Web archives (.mht/.mhtml, also Word's "single file web page" saved as .doc)."""
from __future__ import annotations

import email
import email.policy
from pathlib import Path

from analysis.document import Document
from analysis.readers.encoding import charset_from_label
from analysis.readers.errors import ReadError
from analysis.readers.html import decode_html, html_document

NO_PAGE_REASON = "web archive holds no HTML page — open it in a browser and save as .html"


def read_mhtml(path: Path) -> Document:
    """The main text of the first HTML page inside a MIME web archive."""
    message = email.message_from_bytes(Path(path).read_bytes(), policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            data = part.get_payload(decode=True) or b""
            return html_document(_decode_part(data, part.get_content_charset()), Path(path).name)
    raise ReadError(NO_PAGE_REASON)


def _decode_part(data: bytes, label: str | None) -> str:
    codec = charset_from_label(label) if label else None
    if codec:
        try:
            return data.decode(codec).replace("\r\n", "\n")
        except UnicodeDecodeError:
            pass
    return decode_html(data)
