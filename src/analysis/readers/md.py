"""Markdown files, with optional YAML front matter (title, date, tags, url ...)."""
from __future__ import annotations

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
    """The YAML front matter as a dict of text values and the body after it.

    Every value is read as written (text, or lists and maps of text): a date that is
    no calendar date (`2023-17-32`) stays a string, and the reader leaves publish_date
    empty. Front matter that is no YAML but opens with a `key: value` line is dropped
    from the body, keeping each such line that can be read on its own. Text without front
    matter, or whose front matter is neither, comes back whole with an empty dict.

    >>> split_front_matter("---\\ntitle: 通报\\ndate: 2023-17-32\\n---\\n正文")
    ({'title': '通报', 'date': '2023-17-32'}, '正文')
    >>> split_front_matter("---\\ntitle: [未闭合\\ndate: 2023-04-18\\n---\\n正文")
    ({'date': '2023-04-18'}, '正文')
    >>> split_front_matter("---\\n: [bad\\n---\\n正文")[0]
    {}
    >>> split_front_matter("正文 --- 无")
    ({}, '正文 --- 无')
    """
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    block = found.group(1) or ""
    meta = _load_mapping(block)
    if meta is None and _FIELD.match(block.lstrip()):
        meta = _load_lines(block)
    if meta is None:
        return {}, text
    return meta, text[found.end():]


_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$", re.M)
_NULLS = {"", "~", "null", "Null", "NULL"}


def _load_mapping(block: str) -> dict[str, Any] | None:
    """The YAML mapping of `block`, every scalar as text; None when it is no mapping."""
    import yaml

    class TextLoader(yaml.BaseLoader):
        """BaseLoader (no dates or numbers built), with aliases refused: front matter
        never needs them, and `&a [*a, *a …]` chains would blow up when walked."""

        def compose_node(self, parent, index):  # noqa: ANN001, ANN201
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases are not read in front matter")
            return super().compose_node(parent, index)

    try:
        meta = yaml.load(block, Loader=TextLoader)    # noqa: S506 (BaseLoader builds text only)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    return {str(k): _plain(v) for k, v in meta.items()} if isinstance(meta, dict) else None


def _load_lines(block: str) -> dict[str, Any]:
    """`key: value` lines read one by one, for front matter that is no YAML as a whole;
    a line that is no YAML on its own is left out."""
    out: dict[str, Any] = {}
    for key, value in _FIELD.findall(block):
        one = _load_mapping(f"{key}: {value}\n")
        if one:
            out.update(one)
    return out


def _document_fields(meta: dict[str, Any]) -> tuple[str, str | None, dict[str, Any]]:
    lower = {k.lower(): v for k, v in meta.items()}
    metadata: dict[str, Any] = dict(meta)
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
    return parse_date_text(value) if isinstance(value, str) else None


def _string_list(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in re.split(r"[,，;；、]", str(value or "")) if part.strip()]


def _plain(value: Any) -> Any:
    """Front-matter values as text, lists or maps of text; a null word is None."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return None if value is None or str(value).strip() in _NULLS else str(value)
