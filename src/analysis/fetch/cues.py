"""Which links on a listing page are notices, and which lead to its next pages.

The words are data (resources/fetch_notice_cues.txt, fetch_notice_exclude.txt,
fetch_pagination_cues.txt, fetch_browser_cues.txt); the rules that combine them
are here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.paths import read_resource_lines

_SPACE = re.compile(r"\s+")
# a date, "...", brackets or a "new" badge trailing a list item's text
_TRAILER = re.compile(r"(?:[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\]】)）]?|[.…。]+|new|NEW)+$")
_FORMAL_END = re.compile(r"(?:通报|报告|公告|公示|情况|通報|報告|情況)$")
_PAGE_NUMBER = re.compile(r"^(?:\[?\d{1,3}\]?|第\d{1,4}页|第\d{1,4}頁)$")


@lru_cache(maxsize=1)
def notice_cues() -> tuple[str, ...]:
    return tuple(line.strip() for line in read_resource_lines("fetch_notice_cues.txt"))


@lru_cache(maxsize=1)
def exclude_cues() -> tuple[str, ...]:
    return tuple(line.strip() for line in read_resource_lines("fetch_notice_exclude.txt"))


@lru_cache(maxsize=1)
def pagination_cues() -> frozenset[str]:
    lines = read_resource_lines("fetch_pagination_cues.txt")
    return frozenset(_SPACE.sub("", line).lower() for line in lines)


@lru_cache(maxsize=1)
def browser_cues() -> tuple[str, ...]:
    return tuple(line.strip().lower() for line in read_resource_lines("fetch_browser_cues.txt"))


def compact(text: str | None) -> str:
    """Text without any whitespace (Chinese titles are wrapped and padded at will)."""
    return _SPACE.sub("", text or "")


def is_notice_title(text: str | None) -> bool:
    """Whether a link text (or title attribute) names a rectification notice.

    A notice cue must occur; a meeting or training cue rules the link out unless
    the text ends as a formal title does (…的通报, …整改情况).

    >>> is_notice_title("中共某某县财政局党组关于县委第三巡察组巡察反馈意见整改情况的通报")
    True
    >>> is_notice_title("关于巡察整改进展情况的通报 [2023-05-06]")
    True
    >>> is_notice_title("县委第三巡察组巡察反馈会召开")
    False
    >>> is_notice_title("全县财政系统业务培训班顺利开班")
    False
    >>> is_notice_title("某某县干部培训中心党支部关于巡察整改情况的通报")
    True
    >>> is_notice_title("我局召开巡察整改专题民主生活会")
    False
    """
    text = compact(text)
    if not any(cue in text for cue in notice_cues()):
        return False
    if not any(cue in text for cue in exclude_cues()):
        return True
    return bool(_FORMAL_END.search(_TRAILER.sub("", text)))


def is_next_page_text(text: str | None) -> bool:
    """A 'next page' anchor text (下一页, 尾页, >>).

    >>> [is_next_page_text(t) for t in ("下一页", " 下 页 ", "Next", "首页", "上一页")]
    [True, True, True, False, False]
    """
    return compact(text).lower() in pagination_cues()


def is_page_number_text(text: str | None) -> bool:
    """A numbered page link's text: '2', '[3]', '第4页'.

    >>> [is_page_number_text(t) for t in ("2", "[3]", "第 4 页", "2023", "第四巡察组")]
    [True, True, True, False, False]
    """
    return bool(_PAGE_NUMBER.match(compact(text)))


def has_browser_cue(html: str) -> bool:
    """Whether raw HTML holds a JavaScript-challenge marker.

    >>> has_browser_cue('<script>var $_ts=window["$_ts"];</script>')
    True
    >>> has_browser_cue('<p>关于巡察整改情况的通报</p>')
    False
    """
    lower = html.lower()
    return any(cue in lower for cue in browser_cues())
