"""publish_date: where a page says when it was published.

Sources, in the order they are trusted (PATTERNS 4): the reader's metadata; the
last 发布时间/发布日期/时间/日期 chrome line before the body (or a 来源/作者 line that
carries a date, year first or day first: `来源:某某 2023.06.12`, `12.06.2023`); 成文时间/发文时间 in a
disclosure metadata block; a date appended to the title line; a signature date
(an organisation line, then a date) after the closing paragraph. Dispatch lines
(新华社…电) and meeting dates are never publish dates.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from analysis.fields.page_layout import DATE, Layout, Line, split_lines
from analysis.paths import resources_dir
from analysis.text.dates import parse_written_date

_DATE = re.compile(DATE)
_GLUED = re.compile(rf"^\s*[【\[(]?\s*{DATE}\s*[】\])]?\s*(?:[【\[]?\s*)?(来源|作者|浏览|点击|发布|编辑|$)")
_SIGN_DATE = re.compile(rf"^\s*[(]?{DATE}[)]?\s*$")
_ORG_LINE = re.compile(r"^(中共)?[\u4e00-\u9fffX()]{2,30}(党组|党委|党工委|党总支|党支部|委员会|局|委|办|院|会|"
                       r"厅|部|室|中心|政府|公司|集团|学校|大学|学院|站|所|馆|队|社)(办公室)?$")
_DISPATCH = re.compile(r"(新华社|中新社|电讯|电$|讯$)")
# a source or author line carrying the date (来源:某某 2023.06.12 · 作者:王某 12.06.2023)
_DATELINE = re.compile(r"(来源|作者|编辑|供稿|稿源|发布者|发布人|发布单位)\s*[:]")
_DAY_FIRST = re.compile(r"(?<![\d.])(3[01]|[12]\d|0?[1-9])\s*[./]\s*(1[0-2]|0?[1-9])\s*[./]\s*"
                        r"((?:19|20)\d{2})(?![\d.])")


@lru_cache(maxsize=1)
def _date_labels() -> dict[str, list[str]]:
    """Date labels by role (resources/date_labels.csv, shared with the HTML reader): `line`
    and `footer` labels head a date line under the title (`footer` ones also below the
    body), `issued` ones a disclosure block's date."""
    path = resources_dir() / "date_labels.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["key"] == "publish_date"]
    roles = {"line": ("line", "footer"), "footer": ("footer",), "issued": ("issued",)}
    return {name: sorted((r["label"] for r in rows if r["role"] in wanted), key=len, reverse=True)
            for name, wanted in roles.items()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    labels = _date_labels()
    line, footer, issued = ("|".join(labels[k]) for k in ("line", "footer", "issued"))
    return {"labelled": re.compile(rf"({line})\s*[:]?\s*[【\[]?\s*{DATE}"),
            "footer": re.compile(rf"({footer})\s*[:]?\s*{DATE}"),
            "issued": re.compile(rf"({issued})\s*[:]?\s*{DATE}")}


def metadata_date(metadata: dict[str, Any]) -> str | None:
    """The reader's publish_date (an ISO string, a date or a datetime), checked."""
    value = metadata.get("publish_date") or metadata.get("date")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        return parse_written_date(value)
    return None


def find_chrome_date(chrome: list[Line]) -> tuple[str, int, int] | None:
    """The last labelled (or glued) date in the chrome lines before the body.

    Returns (ISO date, start, end) with offsets in the normalised text.
    """
    found = None
    for line in chrome:
        if _DISPATCH.search(line.match) and not _patterns()["labelled"].search(line.match):
            continue
        for m in _patterns()["labelled"].finditer(line.match):
            iso = _iso_from(m, 2)
            if iso:
                found = (iso, line.start + m.start(), line.start + m.end())
        m = _GLUED.match(line.match)
        if m and (iso := _iso_from(m, 1)):
            found = (iso, line.start + m.start(), line.start + m.end())
        elif not _patterns()["labelled"].search(line.match) and (got := find_dateline_date(line.match)):
            found = (got[0], line.start + got[1], line.start + got[2])
    return found


def find_dateline_date(line: str) -> tuple[str, int, int] | None:
    """The date on a source or author line (来源/作者 …), year first or day first.

    >>> find_dateline_date("来源:青溪区纪委监委 2023.06.12")
    ('2023-06-12', 11, 21)
    >>> find_dateline_date("作者:王某 12.06.2023 浏览:35")
    ('2023-06-12', 6, 16)
    >>> find_dateline_date("来源:青溪区纪委监委"), find_dateline_date("2023.06.12 青溪区")
    (None, None)
    """
    label = _DATELINE.search(line)
    if not label:
        return None
    m = _DATE.search(line, label.end())
    if m and (iso := _iso_from(m, 1)):
        return iso, m.start(), m.end()
    m = _DAY_FIRST.search(line, label.end())
    if m and (day := _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))):
        return day, m.start(), m.end()
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if 1990 <= value.year <= 2100 else None


def find_issued_date(chrome: list[Line]) -> tuple[str, int, int] | None:
    """成文时间/发文时间 in a disclosure metadata block."""
    for line in chrome:
        m = _patterns()["issued"].search(line.match)
        if m and (iso := _iso_from(m, 2)):
            return iso, line.start + m.start(), line.start + m.end()
    return None


def find_signature_date(text: str, match: str, body_start: int) -> tuple[str, int, int] | None:
    """A date on its own line after an organisation line, near the end of the text.

    >>> txt = "根据…。\\n欢迎监督。\\n北塘县统计局党组\\n2024年9月3日"
    >>> find_signature_date(txt, txt, 0)
    ('2024-09-03', 20, 29)
    """
    lines = [ln for ln in split_lines(text, match) if ln.start >= body_start]
    tail = lines[-6:]
    for i in range(len(tail) - 1, 0, -1):
        m = _SIGN_DATE.match(tail[i].match)
        if not m:
            continue
        prev = tail[i - 1].match
        if _ORG_LINE.match(prev) or (len(prev) <= 30 and not re.search(r"[。,;:!?]", prev)
                                     and not _SIGN_DATE.match(prev)):
            iso = _iso_from(m, 1)
            if iso:
                return iso, tail[i].start + m.start(), tail[i].start + m.end()
    return None


def _iso_from(m: re.Match, first: int) -> str | None:
    return _valid(int(m.group(first)), int(m.group(first + 1)), int(m.group(first + 2)))


def find_publish_date(text: str, match: str, layout: Layout,
                      metadata: dict[str, Any]) -> tuple[str, int, int] | None:
    """The publish date and its span (-1, -1 when it comes from metadata)."""
    if iso := metadata_date(metadata):
        return iso, -1, -1
    for found in (find_chrome_date(layout.chrome), find_issued_date(layout.chrome)):
        if found:
            return found
    if layout.title_date and (iso := parse_written_date(layout.title_date[0])):
        return iso, layout.title_date[1], layout.title_date[2]
    return find_signature_date(text, match, layout.body_start) or find_footer_date(
        text, match, layout.body_start)


def find_footer_date(text: str, match: str, body_start: int) -> tuple[str, int, int] | None:
    """A 发布时间/发布日期 line among the last lines of the page (chrome below the body)."""
    lines = [ln for ln in split_lines(text, match) if ln.start >= body_start][-6:]
    for line in reversed(lines):
        m = _patterns()["footer"].search(line.match)
        if m and (iso := _iso_from(m, 2)):
            return iso, line.start + m.start(), line.start + m.end()
    return None
