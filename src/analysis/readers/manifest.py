"""The optional sources.csv manifest: which url each input file came from."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from analysis.readers.encoding import decode_bytes
from analysis.readers.errors import ReadError
from analysis.readers.walk import MANIFEST_NAME

_MAX_MANIFEST_BYTES = 20_000_000
_PATH_HEADERS = ("path", "file", "filename", "source_path", "文件", "文件名", "路径")
_URL_HEADERS = ("url", "link", "source_url", "href", "网址", "链接")


def read_manifest(root: Path) -> dict[str, str]:
    """root/sources.csv (columns path,url) as {relative posix path: url}.

    Any encoding; paths relative to root with either separator. A missing or
    unreadable manifest gives {} (the build goes on without urls).
    """
    path = Path(root) / MANIFEST_NAME
    try:
        if not path.is_file() or path.stat().st_size > _MAX_MANIFEST_BYTES:
            return {}
        urls = parse_manifest(decode_bytes(path.read_bytes()))
    except (OSError, ReadError, csv.Error, ValueError):
        return {}
    return {_under_root(key, Path(root)): url for key, url in urls.items()}


def _under_root(key: str, root: Path) -> str:
    """A manifest path made relative to root when it was written from elsewhere.

    Absolute paths inside root, and paths that repeat root's own folders
    (`raw/a.txt` or `data/raw/a.txt` for root `data/raw`), are cut to the part
    below root when that names an existing file; other keys stay as written.
    """
    try:
        path = Path(key)
        if path.is_absolute():
            return path.resolve().relative_to(root.resolve()).as_posix()
        if (root / key).is_file():
            return key
        parts = path.parts
        for cut in range(1, len(parts)):
            tail = Path(*parts[cut:])
            if (root / tail).is_file():
                return tail.as_posix()
    except (OSError, ValueError):
        pass
    return key


def parse_manifest(text: str) -> dict[str, str]:
    r"""Manifest text to {normalised path: url}; rows without both are skipped.

    >>> parse_manifest("path,url\n.\\a\\通报.txt, https://x.gov.cn/1.html \nb.txt,\n")
    {'a/通报.txt': 'https://x.gov.cn/1.html'}
    >>> parse_manifest("URL;Path\nhttp://x.cn/2;c.md\n")
    {'c.md': 'http://x.cn/2'}
    """
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        return {}
    header = [cell.strip().lstrip("\ufeff").lower() for cell in rows[0]]
    path_col = _column(header, _PATH_HEADERS)
    url_col = _column(header, _URL_HEADERS)
    if path_col is None or url_col is None:
        return {}
    urls: dict[str, str] = {}
    for row in rows[1:]:
        if len(row) <= max(path_col, url_col):
            continue
        key, url = normalise_manifest_path(row[path_col]), row[url_col].strip()
        if key and url:
            urls[key] = url
    return urls


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((i for i, name in enumerate(header) if name in names), None)


def normalise_manifest_path(raw: str) -> str:
    """A manifest path in the form of Document.source_path.

    >>> normalise_manifest_path(' ./sub\\\\文件 1.TXT ')
    'sub/文件 1.TXT'
    >>> normalise_manifest_path('C:\\\\data\\\\a.txt')
    'C:/data/a.txt'
    """
    path = raw.strip().strip("\"'").replace("\\", "/")
    path = re.sub(r"/{2,}", "/", path)
    while path.startswith("./"):
        path = path[2:]
    return path
