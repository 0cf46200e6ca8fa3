"""The other pages of a listing (column) page.

Three shapes are recognised, always on the listing's own site:

- links whose text says "next page" (下一页, 尾页, >>, resources/fetch_pagination_cues.txt);
- numbered links (2, [3], 第4页) in or below the listing's folder;
- links whose URL is a page of the listing: ``index_2.html``, ``list_5_3.shtml``, ``page2.html`` in
  the same folder, or the same path with ``?page=N`` (pageNo, pageIndex, p, ...);

and the pages that the common CMS script ``createPageHTML(count, current, "index",
"html")`` draws (index_1.html ... index_{count-1}.html).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from analysis.fetch.cues import is_next_page_text, is_page_number_text
from analysis.fetch.pages import Link
from analysis.fetch.urls import join_link, same_site

_PAGE_FILE = re.compile(r"^(?:index|list|default|more|page)(?:[_-]?\d+)+\.(?:s?html?|jsp|aspx?|php)$",
                        re.IGNORECASE)
_PAGE_PARAMS = frozenset({"page", "pageno", "pageindex", "pagenum", "pagenumber", "curpage",
                          "currentpage", "pn", "p", "pg", "cpage", "page_no", "page_num"})
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^)]*)\)")
_MAX_SCRIPT_PAGES = 1000


def is_page_url(listing_url: str, url: str) -> bool:
    """Whether `url` has the shape of another page of the listing at `listing_url`.

    >>> is_page_url("http://x.cn/col/index.html", "http://x.cn/col/index_3.html")
    True
    >>> is_page_url("http://x.cn/col/", "http://x.cn/col/page2.html")
    True
    >>> is_page_url("http://x.cn/col/list.jsp?cid=4", "http://x.cn/col/list.jsp?cid=4&pageNo=2")
    True
    >>> is_page_url("http://x.cn/col/index.html", "http://x.cn/col/202305/t20230506_1.html")
    False
    >>> is_page_url("http://x.cn/col/index.html", "http://x.cn/other/index_2.html")
    False
    """
    here, there = urlsplit(listing_url), urlsplit(url)
    if not same_site(listing_url, url):
        return False
    if _folder(there.path) == _folder(here.path) and _PAGE_FILE.match(_name(there.path)):
        return True
    same_path = there.path == here.path or (
        _folder(there.path) == _folder(here.path) and _name(here.path) in ("", "index.html"))
    params = {key.lower() for key, value in parse_qsl(there.query) if value.isdigit()}
    return same_path and bool(params & _PAGE_PARAMS)


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def page_links(listing_url: str, links: Iterable[Link], html: str) -> list[str]:
    """Every other page of the listing that its links and scripts point to, in page order
    of appearance, without repeats and without the listing itself."""
    found: list[str] = []
    for link in links:
        if not same_site(listing_url, link.url):
            continue
        numbered = is_page_number_text(link.text) and \
            urlsplit(link.url).path.startswith(_folder(urlsplit(listing_url).path) + "/")
        if is_next_page_text(link.text) or numbered or is_page_url(listing_url, link.url):
            found.append(link.url)
    found.extend(script_pages(listing_url, html))
    unique = dict.fromkeys(url for url in found if url != listing_url)
    return list(unique)


def script_pages(listing_url: str, html: str) -> list[str]:
    """The pages a createPageHTML(count, current, prefix, suffix) call would draw.

    The count may be a variable set earlier in the page (``var countPage = 3``).

    >>> script_pages("http://x.cn/col/index.html", 'createPageHTML(3, 0, "index", "html");')
    ['http://x.cn/col/index_1.html', 'http://x.cn/col/index_2.html']
    >>> script_pages("http://x.cn/col/",
    ...              "var countPage = 2;createPageHTML('page_div',countPage, 1,'index','shtml',20);")
    ['http://x.cn/col/index_1.shtml']
    """
    pages: list[str] = []
    for match in _CREATE_PAGE.finditer(html):
        args = [arg.strip().strip("'\"") for arg in match.group(1).split(",")]
        numbers = [(i, _number(arg, html)) for i, arg in enumerate(args)]
        numbers = [(i, n) for i, n in numbers if n is not None]
        words = [arg for arg in args[numbers[1][0] + 1:] if arg.isidentifier()] \
            if len(numbers) >= 2 else []
        if len(words) < 2:
            continue
        count, (prefix, suffix) = min(numbers[0][1], _MAX_SCRIPT_PAGES), words[:2]
        for n in range(1, count):
            url = join_link(listing_url, f"{prefix}_{n}.{suffix}")
            if url:
                pages.append(url)
    return pages


def _number(arg: str, html: str) -> int | None:
    if arg.isdigit():
        return int(arg)
    if arg.isidentifier():
        match = re.search(rf"\b{re.escape(arg)}\s*=\s*['\"]?(\d+)", html)
        return int(match.group(1)) if match else None
    return None
