"""Plain text files in any of the encodings Chinese notices come in."""
from __future__ import annotations

from pathlib import Path

from analysis.document import Document
from analysis.readers.encoding import EMPTY_REASON, decode_text_file
from analysis.readers.md import front_matter_document

__all__ = ["EMPTY_REASON", "decode_text_file", "read_txt"]


def read_txt(path: Path) -> Document:
    """The decoded text of a .txt file, line structure kept (LF line ends).

    A YAML front matter block at the top (as scrapers write) is read as in
    markdown files: it becomes title, url and metadata, not text.
    """
    path = Path(path)
    text = decode_text_file(path.read_bytes())
    if text.startswith("---"):
        doc = front_matter_document(text, path.name, "txt")
        if doc.metadata:
            return doc
    return Document(text=text, source_path=path.name, source_format="txt")
