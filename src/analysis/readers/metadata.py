"""Small parsers for what files say about themselves: dates, titles, site names."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from analysis.text.dates import make_date, parse_written_date

_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{4,6})?\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*(?:_|\||｜|--)\s*")
_WORD_FILE_PREFIX = re.compile(r"^\s*(?:Microsoft\s+Word|WPS\s+文字)\s*-\s*", re.I)
_FILE_SUFFIX = re.compile(r"\.(?:docx?|wps|pdf|txt|rtf)\s*$", re.I)
_PLACEHOLDER_TITLES = {"untitled", "无标题", "文档", "document", "title", "标题",
                       "powerpoint presentation", "slide 1", "新建文档", "unknown"}


def parse_date_text(text: str) -> str | None:
    """The first full calendar date in text as ISO, or None.

    >>> parse_date_text("发布时间:2023-04-18 09:12:33")
    '2023-04-18'
    >>> parse_date_text("2021年06月03日 点击数:")
    '2021-06-03'
    >>> parse_date_text("2022/5/9 10:03"), parse_date_text("20230418")
    ('2022-05-09', '2023-04-18')
    >>> parse_date_text("2023-02-30") is None, parse_date_text("202X年X月") is None
    (True, True)
    """
    compact = _COMPACT_DATE.match(text)
    if not compact:
        return parse_written_date(text)
    day = make_date(*(int(g) for g in compact.groups()[:3]))
    return day.isoformat() if day else None


def has_cjk(text: str) -> bool:
    """Whether text holds a Chinese character."""
    return _CJK.search(text) is not None


def clean_file_title(title: str | None) -> str:
    """A title from PDF or DOCX properties, or "" when it is a placeholder.

    >>> clean_file_title("Microsoft Word - 关于巡察整改情况的通报.docx")
    '关于巡察整改情况的通报'
    >>> clean_file_title("Untitled"), clean_file_title("1"), clean_file_title(None)
    ('', '', '')
    """
    text = _FILE_SUFFIX.sub("", _WORD_FILE_PREFIX.sub("", title or "")).strip()
    if text.lower() in _PLACEHOLDER_TITLES:
        return ""
    if not has_cjk(text) and len(re.findall(r"[A-Za-z]", text)) < 4:
        return ""
    return text


@lru_cache(maxsize=1)
def _site_words() -> tuple[str, ...]:
    path = resources.files("analysis") / "resources" / "readers_site_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _generic_titles() -> frozenset[str]:
    path = resources.files("analysis") / "resources" / "readers_generic_titles.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_generic_title(text: str) -> bool:
    """Whether a page title is a generic page name (正文, 详细信息 …).

    >>> is_generic_title(" 详细信息 "), is_generic_title("关于巡察整改情况的通报")
    (True, False)
    """
    return text.strip() in _generic_titles()


def is_site_name(segment: str, site: str | None = None) -> bool:
    """Whether a title segment names the web site rather than the notice.

    >>> is_site_name("澜江市人民政府"), is_site_name("关于巡察整改情况的通报")
    (True, False)
    >>> is_site_name("澜江市民政局", site="澜江市民政局")
    True
    """
    segment = segment.strip()
    if site and segment == site.strip():
        return True
    return len(segment) <= 20 and segment.endswith(_site_words())


def split_page_title(raw: str, site: str | None = None) -> tuple[str, str | None]:
    """The notice title inside a <title>, and the site name cut from it.

    >>> split_page_title("关于巡察整改情况的通报_信息公开_澜江市民政局网站")
    ('关于巡察整改情况的通报', '澜江市民政局网站')
    >>> split_page_title("青溪区人民政府 | 北塘县统计局党组关于巡察整改进展情况的通报")
    ('北塘县统计局党组关于巡察整改进展情况的通报', '青溪区人民政府')
    >>> split_page_title("2022-2023年度巡察整改情况")
    ('2022-2023年度巡察整改情况', None)
    """
    raw = " ".join(raw.split())
    segments = [s.strip() for s in _TITLE_SEPARATORS.split(raw) if s.strip()]
    if len(segments) < 2:
        return raw, None
    segments = [s for s in segments if not is_generic_title(s)] or segments
    kept = [s for s in segments if not is_site_name(s, site)]
    dropped = [s for s in segments if is_site_name(s, site)]
    if not kept:
        return segments[0], None
    title = max(kept, key=len)
    # short leftovers beside a long title are channel or site names too
    others = [s for s in kept if s is not title] + dropped
    site_name = site or (dropped[-1] if dropped else (others[-1] if others else None))
    return title, site_name
