"""What a web page says about itself: title, canonical url, publish date, publisher.

Sources, first found wins: <meta> tags (resources/readers_html_meta.csv), then
labelled lines of the visible page (`发布时间:2023-04-18 09:12`, `来源:…`,
`索 引 号:…`; resources/date_labels.csv, in priority order).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from analysis.readers.metadata import (
    has_cjk,
    is_generic_title,
    is_site_name,
    parse_date_text,
    split_page_title,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DATE_VALUE = r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})"
_TEXT_VALUE = r"([^\s【】\[\]|｜]{2,60})"
# where a glued value ends: the next label of the info line
_NEXT_LABEL = re.compile(r"(?:浏览|点击|阅读|访问|作者|编辑|责编|发布|字号|时间|日期|打印|关闭|分享|来源)")
_STAMP = re.compile(_DATE_VALUE + r"日?\s*\d{1,2}:\d{2}")
_EMPTY_VALUES = {"无", "暂无", "null", "none", "-", "--", "未知", "本站", "本网"}


def extract_page_metadata(tree: HtmlElement, page_text: str, above_body: str = ""
                          ) -> tuple[str, str | None, dict[str, Any]]:
    """(title, url, metadata) of a parsed page.

    page_text is its visible block text; above_body the part of it above the
    notice, where an unlabelled time stamp is the publication time.
    """
    meta = _meta_tags(tree)
    labelled = find_labelled_values(page_text)
    metadata: dict[str, Any] = {}
    site = meta.get("site")
    title, site_from_title = _page_title(tree, meta.get("title"), site)
    site = site or site_from_title
    url = _canonical_url(tree) or _absolute_url(meta.get("url"))
    publish_date = (parse_date_text(meta.get("publish_date", "")) or
                    labelled.get("publish_date") or find_stamp_date(above_body))
    values = {"publish_date": publish_date, "publisher": meta.get("publisher") or
              labelled.get("publisher"), "doc_number": labelled.get("doc_number"),
              "index_number": labelled.get("index_number"), "site": site, "url": url}
    metadata.update({k: v for k, v in values.items() if v})
    return title, url, metadata


def _meta_tags(tree) -> dict[str, str]:
    names = _meta_names()
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        content = " ".join((el.get("content") or "").split())
        key = names.get(name)
        if key and content and key not in found:
            found[key] = content
    return found


@lru_cache(maxsize=1)
def _meta_names() -> dict[str, str]:
    path = resources.files("analysis") / "resources" / "readers_html_meta.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["name"].lower(): row["key"] for row in csv.DictReader(fh)}


def _page_title(tree, meta_title: str | None, site: str | None) -> tuple[str, str | None]:
    raw = " ".join((tree.findtext(".//title") or "").split())
    title, site_name = split_page_title(raw, site) if raw else ("", None)
    if title and is_generic_title(title):
        title = ""
    elif title and is_site_name(title, site):  # a <title> that only names the site
        title, site_name = "", site_name or title
    for candidate in (meta_title, title, _first_h1(tree)):
        candidate = " ".join((candidate or "").split())
        if len(candidate) >= 4 and has_cjk(candidate):
            return candidate, site_name
    return title, site_name


def _first_h1(tree) -> str:
    for tag in ("h1", "h2"):
        for el in tree.iter(tag):
            text = " ".join(el.text_content().split())
            if len(text) >= 6 and has_cjk(text):
                return text
    return ""


def _canonical_url(tree) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            url = _absolute_url(el.get("href"))
            if url:
                return url
    for el in tree.iter("meta"):
        if (el.get("property") or el.get("name") or "").lower() == "og:url":
            return _absolute_url(el.get("content"))
    return None


def _absolute_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s/]+", value, re.I) else None


def find_stamp_date(text: str) -> str | None:
    """The date of the last date-and-clock-time stamp in text (the page's info line).

    >>> find_stamp_date("首页>工作动态\\n2022-03-07 15:40:02来源:青溪区统计局")
    '2022-03-07'
    >>> find_stamp_date("【 2021年9月30日 15:20 】"), find_stamp_date("2021年9月30日召开")
    ('2021-09-30', None)
    """
    stamps = _STAMP.findall(text)
    return parse_date_text(stamps[-1]) if stamps else None


def find_labelled_values(page_text: str) -> dict[str, str]:
    """Values of labelled info lines (发布时间, 来源, 文号, 索引号 …) in visible page text.

    >>> find_labelled_values("发布时间：2023-04-18 09:12:33 来源：澜江市纪委监委 浏览次数：356")
    {'publish_date': '2023-04-18', 'publisher': '澜江市纪委监委'}
    >>> find_labelled_values("2022-03-07 15:40:02来源:青溪区统计局浏览:12")
    {'publisher': '青溪区统计局'}
    >>> find_labelled_values("索 引 号: 0012/2022-00815\\n文 号: 无\\n成文日期: 2022年08月05日")
    {'publish_date': '2022-08-05', 'index_number': '0012/2022-00815'}
    >>> find_labelled_values("整改时间:2023年6月30日前")  # a deadline, not a page date
    {}
    """
    found: dict[str, str] = {}
    for label, key in _labels():
        if key in found:
            continue
        value = _labelled_value(page_text, label, key)
        if value:
            found[key] = value
    return found


def _labelled_value(text: str, label: str, key: str) -> str | None:
    spaced = r"[ \t\u3000]*".join(map(re.escape, label))
    value = _DATE_VALUE if key == "publish_date" else _TEXT_VALUE
    pattern = re.compile(rf"(?<![\u4e00-\u9fff]){spaced}[ \t\u3000]*[:：][ \t\u3000]*{value}")
    for match in pattern.finditer(text):
        raw = match.group(1)
        if key == "publish_date":
            return parse_date_text(raw)
        cut = _NEXT_LABEL.search(raw, 1)
        raw = raw[: cut.start()] if cut else raw
        if len(raw) >= 2 and raw.lower() not in _EMPTY_VALUES:
            return raw
        return None
    return None


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[str, str], ...]:
    path = resources.files("analysis") / "resources" / "date_labels.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple((row["label"], row["key"]) for row in csv.DictReader(fh))
