"""Markdown files, with optional YAML front matter (title, date, tags, url ...)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from analysis.document import Document
from analysis.readers.encoding import EMPTY_REASON, decode_text_file
from analysis.readers.errors import ReadError
from analysis.readers.metadata import parse_date_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_H1 = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*$", re.M)
_DATE_KEYS = ("date", "publish_date", "published", "pubdate", "publishdate")
_URL_KEYS = ("url", "link", "source_url", "canonical", "source")


def read_md(path: Path) -> Document:
    """The body of a markdown file; front matter goes to title, url and metadata.

    Without a front-matter title, a `# heading` on the first line is the title.
    """
    doc = front_matter_document(decode_text_file(Path(path).read_bytes()), Path(path).name)
    if not doc.title:
        heading = _H1.match(doc.text)
        doc.title = heading.group(1).strip() if heading else ""
    return doc


def front_matter_document(text: str, name: str, fmt: str = "md") -> Document:
    """A Document of the text after its front matter, with the front matter's fields."""
    meta, body = split_front_matter(text)
    if not body.strip():
        raise ReadError(EMPTY_REASON)
    title, url, metadata = _document_fields(meta)
    return Document(text=body, source_path=name, source_format=fmt, title=title,
                    metadata=metadata, url=url)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter as a dict and the body after it.

    Text without front matter, or whose front matter is not a YAML mapping,
    comes back whole with an empty dict.

    >>> split_front_matter("---\\ntitle: 通报\\n---\\n正文")
    ({'title': '通报'}, '正文')
    >>> split_front_matter("---\\n: [bad\\n---\\n正文")[0]
    {}
    >>> split_front_matter("正文 --- 无")
    ({}, '正文 --- 无')
    """
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(found.group(1) or "")
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return {str(k): v for k, v in meta.items()}, text[found.end():]


def _document_fields(meta: dict[str, Any]) -> tuple[str, str | None, dict[str, Any]]:
    lower = {k.lower(): v for k, v in meta.items()}
    metadata: dict[str, Any] = {k: _plain(v) for k, v in meta.items()}
    title = str(lower.get("title") or "").strip()
    url = next((str(lower[k]).strip() for k in _URL_KEYS
                if isinstance(lower.get(k), str) and lower[k].strip().startswith("http")), None)
    date = next((_iso_date(lower[k]) for k in _DATE_KEYS if lower.get(k)), None)
    if date:
        metadata["publish_date"] = date
    if url:
        metadata["url"] = url
    for key in ("tags", "categories"):
        if key in lower:
            metadata[key] = _string_list(lower[key])
    return title, url, metadata


def _iso_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return parse_date_text(str(value))


def _string_list(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in re.split(r"[,，;；、]", str(value or "")) if part.strip()]


def _plain(value: Any) -> Any:
    """Front-matter values as str/int/float/bool/list, so tables can hold them."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
