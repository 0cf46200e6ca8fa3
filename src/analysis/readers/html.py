"""Web pages: the declared charset, the main text without site chrome, page metadata.

The main text comes from trafilatura (balanced pass, then favor_recall). A pass
is refused when, against the page's largest content block (html_blocks), it
kept much less text, lost most paragraph breaks (table-layout pages), or lost
an outline heading (一、… in an <h3>); when both passes are refused the block
text itself is used. Pages over half a million characters skip trafilatura.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.document import Document
from analysis.readers.encoding import charset_from_label, decode_bytes, detect_encoding
from analysis.readers.errors import ReadError
from analysis.readers.html_blocks import largest_block_text, page_block_text
from analysis.readers.html_meta import extract_page_metadata
from analysis.text.numbers import CN_ONE_TO_TEN
from analysis.text.outline import MARKER_CN, MARKER_PAREN_CN

if TYPE_CHECKING:
    from lxml.html import HtmlElement

NO_TEXT_REASON = "no readable text in page (scripts only?)"
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECLARED = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)
# characters XML cannot hold (lxml refuses them when a tree is changed)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TRAFILATURA_SHARE = 0.6
_KEPT_LINES_SHARE = 0.5
_TRAFILATURA_MAX_CHARS = 500_000
_INFO_CHARS = 30_000  # the info line (发布时间, 来源) sits near the top of a page
_MIN_LINE = 8
_HEADING = re.compile(rf"^\s*(?:第[{CN_ONE_TO_TEN}]+[章部节]|{MARKER_CN}|{MARKER_PAREN_CN})")


def read_html(path: Path) -> Document:
    """The main text of a saved web page, with title, url and metadata."""
    return html_document(decode_html(Path(path).read_bytes()), Path(path).name)


def html_document(page: str, name: str = "") -> Document:
    """A Document from the markup of a page: main text, title, url, metadata."""
    tree = parse_html(_CONTROL_CHARS.sub("", page))
    if tree is None:
        raise ReadError(NO_TEXT_REASON)
    text = extract_main_text(tree)
    if not text.strip():
        raise ReadError(NO_TEXT_REASON)
    page_text = page_block_text(tree, _INFO_CHARS)
    title, url, metadata = extract_page_metadata(tree, page_text, text_above(page_text, text))
    return Document(text=text, source_path=name, source_format="html",
                    title=title, metadata=metadata, url=url)


def text_above(page_text: str, main_text: str) -> str:
    """The visible page text above the first line of the main text (title, info line)."""
    first = next((line for line in main_text.split("\n") if len(line.strip()) >= 6), "")
    at = page_text.find(" ".join(first.split())[:30]) if first else -1
    return page_text[:at] if at > 0 else ""


def decode_html(data: bytes) -> str:
    """Page bytes to text: BOM, then valid UTF-8, then the declared charset, then detection.

    >>> decode_html('<meta charset="gbk"><p>整改</p>'.encode("gbk"))
    '<meta charset="gbk"><p>整改</p>'
    >>> decode_html('<meta charset="gb2312"><p>整改</p>'.encode("utf-8"))  # declared wrongly
    '<meta charset="gb2312"><p>整改</p>'
    """
    if not data.strip():
        raise ReadError("empty file")
    encoding, skip = detect_encoding(data)
    if skip or encoding.startswith("utf-16") or _has_utf8_text(data, encoding):
        return decode_bytes(data)
    declared = _declared_charset(data[:4096])
    if declared:
        try:
            return data.decode(declared).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass
    return decode_bytes(data)


def _has_utf8_text(data: bytes, encoding: str) -> bool:
    return encoding == "utf-8" and any(b >= 0x80 for b in data)


def _declared_charset(head: bytes) -> str | None:
    found = _DECLARED.search(head) or _XML_DECLARED.search(head)
    return charset_from_label(found.group(1).decode("ascii", "ignore")) if found else None


def parse_html(page: str) -> HtmlElement | None:
    """The lxml tree of a page, or None when there is no markup to parse."""
    import lxml.html
    from lxml.etree import ParserError

    page = _XML_PROLOG.sub("", page, count=1)
    if not page.strip():
        return None
    try:
        return lxml.html.document_fromstring(page)
    except (ParserError, ValueError):
        return None


def extract_main_text(tree: HtmlElement) -> str:
    """The notice text of a page: trafilatura's, unless it lost much of the content block."""
    block = largest_block_text(tree)
    if len(block) > _TRAFILATURA_MAX_CHARS:
        return block  # trafilatura takes seconds per megabyte: no notice is this long
    clean = _without_noscript(tree)
    for recall in (False, True):  # favor_recall only when the balanced pass lost text
        main = _trafilatura_text(clean, recall)
        if main and not _lost_much(main, block) and not _lost_headings(main, block):
            return main
    return block or main or page_block_text(tree)


def _lost_much(main: str, block: str) -> bool:
    """Whether trafilatura kept much less text, or lost the paragraphs, of the content block.

    Table-layout pages come back from trafilatura as a few long table rows:
    most paragraph lines of the block are then no longer lines of its output.
    """
    if len(main) < _TRAFILATURA_SHARE * len(block):
        return True
    block_lines = [_flat(line) for line in block.split("\n") if len(line) >= _MIN_LINE]
    if len(block_lines) < 3:
        return False
    main_lines = {_flat(line) for line in main.split("\n")}
    kept = sum(1 for line in block_lines if line in main_lines)
    return kept < _KEPT_LINES_SHARE * len(block_lines)


def _lost_headings(main: str, block: str) -> bool:
    """Whether an outline heading of the block (一、 （一） 第一部分) is missing from main.

    trafilatura's balanced pass drops short <h3> headings such as 一、总体情况.
    """
    flat_main = _flat(main)
    return any(_flat(line) not in flat_main
               for line in block.split("\n") if _HEADING.match(line))


def _flat(text: str) -> str:
    return "".join(text.split())


def _without_noscript(tree: HtmlElement) -> HtmlElement:
    """A copy of the tree without <noscript> ("please enable scripts") blocks."""
    import copy

    from lxml import etree

    clean = copy.deepcopy(tree)
    etree.strip_elements(clean, "noscript", with_tail=False)
    return clean


def _trafilatura_text(tree: HtmlElement, favor_recall: bool) -> str:
    import copy

    import trafilatura

    try:
        text = trafilatura.extract(copy.deepcopy(tree), include_comments=False,
                                   include_tables=True, include_formatting=False,
                                   favor_recall=favor_recall, deduplicate=False,
                                   output_format="txt")
    except Exception:  # trafilatura fails on odd markup; the lxml fallback reads it
        return ""
    return (text or "").strip()
