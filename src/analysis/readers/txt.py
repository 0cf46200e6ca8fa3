"""Plain text files in any of the encodings Chinese notices come in."""
from __future__ import annotations

from pathlib import Path

from analysis.model import Document
from analysis.readers.encoding import decode_bytes
from analysis.readers.errors import ReadError

EMPTY_REASON = "empty file"


def read_txt(path: Path) -> Document:
    """The decoded text of a .txt file, line structure kept (LF line ends)."""
    return Document(text=decode_text_file(Path(path).read_bytes()),
                    source_path=Path(path).name, source_format="txt")


def decode_text_file(data: bytes) -> str:
    """Decode a text file's bytes; ReadError when empty, blank or binary.

    >>> decode_text_file("  \\n根据区委统一部署\\r\\n".encode("gbk"))
    '  \\n根据区委统一部署\\n'
    """
    if not data.strip():
        raise ReadError(EMPTY_REASON)
    text = decode_bytes(data)
    if not text.strip():
        raise ReadError(EMPTY_REASON)
    return text
