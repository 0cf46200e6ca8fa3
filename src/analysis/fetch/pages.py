"""A downloaded HTML page: its text in the right encoding, its links, and whether it
needs a browser.

The charset is taken from the Content-Type header, else from a <meta> tag, else
detected from the bytes (analysis.readers.encoding). The saved file keeps the
original bytes; decoding here only serves to find links.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from analysis.fetch.cues import compact, has_browser_cue
from analysis.fetch.urls import ATTACHMENT_SUFFIXES, join_link, url_suffix
from analysis.readers.encoding import charset_from_label, decode_bytes
from analysis.readers.errors import ReadError

MIN_VISIBLE_CHARS = 40   # fewer visible characters than this, and scripts: a shell
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_INVISIBLE = ("script", "style", "noscript", "template", "head")


@dataclass(frozen=True)
class Link:
    """One <a href> of a page: absolute canonical URL, anchor text, title attribute."""

    url: str
    text: str
    title: str = ""


@dataclass(frozen=True)
class Page:
    """What the crawler needs of an HTML page."""

    url: str
    html: str
    links: tuple[Link, ...]
    visible_chars: int
    has_script: bool


def decode_page(body: bytes, content_type: str | None = None) -> str:
    """HTML bytes as text: header charset, else <meta> charset, else detection.

    >>> decode_page('<meta charset="gbk"><p>整改</p>'.encode("gbk"))
    '<meta charset="gbk"><p>整改</p>'
    >>> decode_page('<p>巡察</p>'.encode("utf-8"), "text/html; charset=UTF-8")
    '<p>巡察</p>'
    """
    for match in (_HEADER_CHARSET.search(content_type or ""), _META_CHARSET.search(body[:4096])):
        if match:
            label = match.group(1)
            codec = charset_from_label(label if isinstance(label, str) else label.decode("ascii"))
            if codec:
                return body.decode(codec, errors="replace")
    try:
        return decode_bytes(body)
    except ReadError:
        return ""


def read_page(body: bytes, content_type: str | None, url: str) -> Page:
    """Decode and parse a page; a page that does not parse has no links and no text."""
    html = decode_page(body, content_type)
    tree = _parse(html)
    if tree is None:
        return Page(url, html, (), 0, "<script" in html.lower())
    links = tuple(_links(tree, url))
    has_script = bool(tree.xpath("//script"))
    etree.strip_elements(tree, *_INVISIBLE, with_tail=False)
    visible = len(compact(tree.text_content()))
    return Page(url, html, links, visible, has_script)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _links(tree: lxml.html.HtmlElement, url: str) -> list[Link]:
    base = url
    for href in tree.xpath("//base/@href"):
        base = join_link(url, href) or url
        break
    links = []
    for anchor in tree.iter("a", "area"):
        target = join_link(base, anchor.get("href"))
        if target:
            text = " ".join(anchor.text_content().split())
            links.append(Link(target, text, " ".join((anchor.get("title") or "").split())))
    return links


def needs_browser(page: Page) -> bool:
    """A JavaScript challenge, or an empty shell whose text scripts draw.

    >>> shell = b'<html><body><div id="app">...</div><script src="/app.js"></script></body></html>'
    >>> needs_browser(read_page(shell, "text/html", "http://x.cn/"))
    True
    >>> text = ('<h1>关于巡察整改情况的通报</h1><p>' + '根据县委统一部署，' * 8 + '</p>').encode()
    >>> needs_browser(read_page(text + b"<script>stat()</script>", "text/html", "http://x.cn/"))
    False
    """
    if has_browser_cue(page.html) and page.visible_chars < 12 * MIN_VISIBLE_CHARS:
        return True
    return page.has_script and page.visible_chars < MIN_VISIBLE_CHARS


def is_attachment(link: Link) -> bool:
    """A link to a document file: its URL or its text ends with .pdf .docx .doc .wps.

    >>> is_attachment(Link("http://x.cn/P0202305.DOCX", "整改清单"))
    True
    >>> is_attachment(Link("http://x.cn/down.jsp?id=9", "附件1：整改任务清单.wps"))
    True
    >>> is_attachment(Link("http://x.cn/t1.html", "关于巡察整改情况的通报"))
    False
    """
    if url_suffix(link.url) in ATTACHMENT_SUFFIXES:
        return True
    return any(compact(text).lower().endswith(ATTACHMENT_SUFFIXES) for text in (link.text, link.title))
