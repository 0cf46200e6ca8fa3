"""Word .docx files: paragraphs and tables in document order, list markers recovered.

Each paragraph is a line; each table row is a line with its cells separated by
a tab. Paragraphs numbered by Word (w:numPr on the paragraph or its style) get
their rendered marker (一、 （一） 1.) put back in front of the text.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.document import Document
from analysis.readers.docx_numbering import ListNumbering, W
from analysis.readers.errors import ReadError
from analysis.readers.metadata import clean_file_title

if TYPE_CHECKING:
    from lxml.etree import _Element

DAMAGED_REASON = "not a valid .docx (damaged or renamed) — re-save in Word"
OLD_DOC_REASON = "old Word .doc — save as .docx"
NO_TEXT_REASON = "document has no text"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}pPr", f"{W}rPr",
            _MC_FALLBACK}


def read_docx(path: Path) -> Document:
    """The text of a .docx: numbered paragraphs with their markers, table rows as lines."""
    document = _open(Path(path))
    numbering = ListNumbering.from_element(_numbering_element(document))
    styles = _style_numbering(document)
    lines = list(_block_lines(document.element.body, numbering, styles))
    text = "\n".join(lines)
    if not text.strip():
        raise ReadError(NO_TEXT_REASON)
    title = clean_file_title(document.core_properties.title)
    return Document(text=text, source_path=Path(path).name, source_format="docx", title=title)


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(OLD_DOC_REASON)
    try:
        return docx.Document(str(path))
    except XMLSyntaxError as exc:           # maybe only the file's properties are broken
        document = _open_without_properties(path)
        if document is None:
            raise ReadError(DAMAGED_REASON) from exc
        return document
    except ValueError as exc:
        if "content type" in str(exc):  # a workbook or slides renamed .docx
            raise ReadError(f"not a Word document ({_content_kind(str(exc))}) — "
                            "save the notice as .docx") from exc
        raise ReadError(DAMAGED_REASON) from exc
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, KeyError, EOFError,
            NotImplementedError, RuntimeError) as exc:  # cut or corrupted
        raise ReadError(DAMAGED_REASON) from exc


_EMPTY_CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
               b'metadata/core-properties"/>')


def _open_without_properties(path: Path):
    """The document of a .docx whose properties part (docProps/core.xml: title, dates)
    is no XML, read with empty properties; None when the rest is broken too."""
    import io

    import docx
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(path) as package:
            if "docProps/core.xml" not in package.namelist():
                return None
            copy = io.BytesIO()
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
                for item in package.infolist():
                    data = _EMPTY_CORE if item.filename == "docProps/core.xml" \
                        else package.read(item.filename)
                    out.writestr(item, data)
        return docx.Document(copy)
    except (zipfile.BadZipFile, zlib.error, KeyError, EOFError, ValueError, XMLSyntaxError,
            NotImplementedError, RuntimeError):
        return None


def _content_kind(message: str) -> str:
    for word, kind in (("spreadsheet", "an Excel file"), ("presentation", "a PowerPoint file")):
        if word in message:
            return kind
    return "another Office format"


def _numbering_element(document):
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """styleId -> (numId, ilvl) for paragraph styles that number (following basedOn)."""
    styles_root = document.styles.element
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles_root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            own[style_id] = (_child_val(num_pr, "numId"), _int(_child_val(num_pr, "ilvl")))
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[style_id] = parent.get(f"{W}val")
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in set(own) | set(based):
        found, seen = style_id, set()
        while found and found not in own and found not in seen:
            seen.add(found)
            found = based.get(found)
        if found in own and own[found][0]:
            resolved[style_id] = (own[found][0], own[found][1] or 0)
    return resolved


def _block_lines(container, numbering: ListNumbering, styles: dict):
    """Lines of paragraphs and table rows directly in a body or table cell, in order."""
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            yield _paragraph_line(child, numbering, styles)
        elif child.tag == f"{W}tbl":
            yield from _table_lines(child, numbering, styles)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _block_lines(content, numbering, styles)


def _table_lines(table, numbering: ListNumbering, styles: dict):
    for row in table.iter(f"{W}tr"):
        if _nearest_table(row) is not table:
            continue  # rows of a nested table come with their cell
        cells = []
        for cell in row.iterchildren(f"{W}tc", f"{W}sdt"):
            lines = [line for line in _block_lines(cell, numbering, styles) if line.strip()]
            cells.append(" ".join(lines))
        if any(cells):
            yield "\t".join(cells)


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def _paragraph_line(p, numbering: ListNumbering, styles: dict) -> str:
    text = paragraph_text(p)
    num = _paragraph_numbering(p, styles)
    if num is None:
        return text
    marker = numbering.marker(*num)  # Word counts empty numbered paragraphs too
    return marker + text if text.strip() else text


def _paragraph_numbering(p, styles: dict) -> tuple[str, int] | None:
    num_pr = p.find(f"{W}pPr/{W}numPr")
    style = p.find(f"{W}pPr/{W}pStyle")
    from_style = styles.get(style.get(f"{W}val")) if style is not None else None
    if num_pr is None:
        return from_style
    num_id = _child_val(num_pr, "numId") or (from_style[0] if from_style else None)
    ilvl = _int(_child_val(num_pr, "ilvl"))
    if ilvl is None:
        ilvl = from_style[1] if from_style else 0
    return (num_id, ilvl) if num_id and num_id != "0" else None


def paragraph_text(p: _Element) -> str:
    """The text of a <w:p>: runs, tabs and breaks; no deleted text, field codes or tab stops."""
    parts: list[str] = []
    _collect_text(p, parts)
    return "".join(parts)


def _collect_text(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}p":  # a paragraph inside a text box
            parts.append("\n")
            _collect_text(child, parts)
        else:
            _collect_text(child, parts)


def _child_val(element, child: str) -> str | None:
    found = element.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
