"""Page layout: which lines are chrome, which is the title, where the body starts.

Works on the normalised text (`NoticeText.text`) and its simplified copy
(`NoticeText.match`), line by line. Chrome patterns are data in
resources/chrome_lines.txt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from analysis.text.dates import WRITTEN_DATE

_CJK = "\u4e00-\u9fff"
# a body paragraph opens with one of these (after a glued non-word prefix)
_STRONG_START = r"(?:根据|按照|依据|依照|近日|日前|近期|今年以来|今年|去年)"
_BODY_START = re.compile(
    rf"^(?:{_STRONG_START}|为(?=[{_CJK}])|\d{{4}}年\d{{1,2}}月|\d{{1,2}}月\d{{1,2}}日|"
    rf"\d{{1,2}}月(上|中|下)旬|\d{{1,2}}月份|\d{{1,2}}月以来)")
_GLUED_START = re.compile(_STRONG_START)
# a newspaper or site byline before the lead: 本报讯(记者 王某) · 某某网讯(通讯员 李某 赵某)
_BYLINE = re.compile(r"^[^。,;]{0,16}?讯\s*(?:\([^()]{0,40}\))?\s*")
_TITLE_END = r"(?:通报|报告|公告|公示|通知|情况|方案|意见|决定|召开|举行|反馈|进展|清单)"
_TITLE_CUE = re.compile(r"巡察|巡视|整改|反馈|通报|报告|公告|关于|公布|政治体检|问责")
TITLE_STRONG = re.compile(
    rf"关于.{{2,}}{_TITLE_END}$|(?:巡察|巡视|整改|反馈).{{0,40}}{_TITLE_END}$")
_TAG = re.compile(r"^\s*[【\[]([^】\]]{1,10})[】\]]\s*")
_BULLET = re.compile(r"^[\s•·*►✜-]+")
_SITE_SUFFIX = re.compile(r"\s*(?:[-_|—–]+|\s{2,})\s*([^-_|—–\s][^-_|—–]{1,30})$")
# year, month, day (+ time); the day may be glued to a time ("2022/5/910:03:11")
DATE = WRITTEN_DATE
_MAX_TITLE = 150   # a line this long with clauses in it is body, never a title
_TRAILING_DATE = re.compile(rf"\s*[(\[【]?\s*{DATE}\s*[)\]】]?\s*$")


@dataclass(frozen=True)
class Line:
    """One line of the notice: offsets in the normalised text and its two copies."""

    start: int
    end: int
    text: str
    match: str


@dataclass
class Layout:
    """Where things are on the page (all offsets index `NoticeText.text`).

    title_start/title_end: span of the title in the text (-1 when none found);
    body_start: offset where the body begins;
    chrome: chrome lines before the body (for dates, places, metadata);
    header: other non-title lines before the body (org header, file number ...).
    """

    title: str = ""
    title_start: int = -1
    title_end: int = -1
    title_date: tuple[str, int, int] | None = None
    body_start: int = 0
    chrome: list[Line] = field(default_factory=list)
    header: list[Line] = field(default_factory=list)


@lru_cache(maxsize=1)
def _chrome_patterns() -> tuple[re.Pattern, ...]:
    raw = resources.files("analysis.resources").joinpath("chrome_lines.txt").read_text("utf-8")
    return tuple(re.compile(ln) for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=4)
def split_lines(text: str, match: str) -> tuple[Line, ...]:
    """The non-empty lines of the text with their offsets (stripped).

    Kept for the last few texts: the page, date and place extractors all read the same
    notice's lines.
    """
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            s = pos + lead
            out.append(Line(s, s + len(body), body, match[s:s + len(body)]))
        pos = end + 1
    return tuple(out)


@lru_cache(maxsize=4096)
def is_chrome(line: str) -> bool:
    """True when a (simplified) line is page furniture rather than title or body.

    >>> is_chrome("发布时间:2023-04-18 09:12:33 来源:澜江市纪委监委 浏览次数:356")
    True
    >>> is_chrome("当前位置:首页 > 信息公开 > 巡察整改")
    True
    >>> is_chrome("澜江市审计局党组关于巡察整改情况的通报")
    False
    """
    if "。" in line and len(line) > 60:
        return False
    return any(p.search(line) for p in _chrome_patterns())


@lru_cache(maxsize=4096)     # a site's page furniture recurs on every page
def _is_body_line(line: str) -> bool:
    """A line that opens (or is) the body: a start word and a sentence shape.

    A line of two or more sentences is body whatever its first words (a
    one-sentence lead that reads like a title is followed by more text).
    """
    shaped = "。" in line or ("," in line and len(line) >= 20) or len(line) >= 80
    if _BODY_START.match(line) and shaped:
        return True
    if len(line) >= 30 and sum(1 for s in line.split("。") if len(s.strip()) >= 8) >= 2:
        return True
    if len(line) >= _MAX_TITLE and line.count(",") >= 2 and not is_chrome(line):
        return True   # far too long for a title: bullet lines run together without 。
    return "。" in line and len(line) >= 30 and not TITLE_STRONG.search(line.split("。")[0])


@lru_cache(maxsize=4096)
def _glued_start(line: str) -> int:
    """Offset of a body start glued after a short non-body prefix, else -1.

    >>> _glued_start("某某娱乐·K8根据区委统一部署,2021年5月6日至6月30日,区委巡察组对…")
    7
    >>> _glued_start("根据区委统一部署,")
    -1
    >>> _glued_start("澜江新闻网讯(通讯员 王某 李某)8月12日上午,县委第二巡察组反馈会召开。")
    17
    """
    byline = _BYLINE.match(line)
    if byline and _BODY_START.match(line[byline.end():]):
        return byline.end()
    m = _GLUED_START.search(line, 1, 150)
    if not m or re.search(r"[。,;]", line[:m.start()]):
        return -1
    rest = line[m.start():]
    if not ("," in rest or "。" in rest):
        return -1
    return m.start()


def clean_title(title: str) -> tuple[str, tuple[str, int, int] | None]:
    """Strip tags, a site suffix and a trailing date from a title.

    Returns the cleaned title and (date text, start, end) of a stripped date,
    offsets relative to the input.

    >>> clean_title("【通报】澜江市审计局党组关于巡察整改情况的通报 2024-03-18")[0]
    '澜江市审计局党组关于巡察整改情况的通报'
    >>> clean_title("青溪学院党委关于巡察反馈情况-某某大学纪委办")[0]
    '青溪学院党委关于巡察反馈情况'
    """
    date = None
    lead = len(title) - len(_BULLET.sub("", title))
    title = title[lead:]
    m = _TRAILING_DATE.search(title)
    if m and m.start() >= 6:
        date = (m.group(0).strip(" ()[]【】"), lead + m.start(), lead + m.end())
        title = title[:m.start()]
    while (m := _TAG.match(title)) and len(title) - m.end() >= 6:
        title = title[m.end():]
    m = _SITE_SUFFIX.search(title)
    if m and m.start() >= 8 and not _TITLE_CUE.search(m.group(1)):
        title = title[:m.start()]
    return title.strip(" -_|•·*►✜"), date


def _title_score(text: str) -> int:
    score = 0
    if TITLE_STRONG.search(text):
        score += 3
    if _TITLE_CUE.search(text):
        score += 2
    if len(text) >= 10:
        score += 1
    if len(text) < 6 or re.search(r"[。;]", text):
        score -= 3
    return score


def _complete_title(text: str) -> bool:
    """A line that is a whole title on its own (not the tail of a broken one)."""
    if not re.search(rf"{_TITLE_END}$", text):
        return False
    return "关于" in text or len(text) >= 16


def _join_candidates(lines: list[Line]) -> list[list[Line]]:
    """Group consecutive title-candidate lines into titles broken over lines."""
    groups: list[list[Line]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else None
        joined_len = sum(len(x.text) for x in groups[-1]) if groups else 0
        if (prev is not None and line.start - prev.end <= 2
                and not re.search(rf"{_TITLE_END}$|[。;:,!?]", prev.match)
                and not re.search(r"[。;]", line.match)
                and len(line.text) <= 40 and joined_len + len(line.text) <= 90
                and not _complete_title(line.match)
                and len(groups[-1]) < 3):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def find_layout(text: str, match: str) -> Layout:
    """Find the title, the chrome and where the body starts.

    >>> lay = find_layout("首页 > 巡察\\n北塘县统计局党组关于巡察整改\\n进展情况的通报\\n"
    ...                   "根据县委统一部署,县委巡察组对县统计局党组开展了巡察。", "")
    >>> lay.title, lay.body_start
    ('北塘县统计局党组关于巡察整改进展情况的通报', 31)
    """
    match = match or text
    lines = split_lines(text, match)
    layout = Layout()
    candidates: list[Line] = []
    for line in lines:
        glued = _glued_start(line.match)
        if _is_body_line(line.match) or glued > 0:
            if glued > 0 and not _BODY_START.match(line.match):
                prefix = Line(line.start, line.start + glued, line.text[:glued].strip(),
                              line.match[:glued].strip())
                if TITLE_STRONG.search(prefix.match) and not is_chrome(prefix.match):
                    candidates.append(prefix)
                else:
                    layout.chrome.append(prefix)
                layout.body_start = line.start + glued
            else:
                layout.body_start = line.start
            break
        if is_chrome(line.match):
            layout.chrome.append(line)
        else:
            candidates.append(line)
    else:
        layout.body_start = len(text)
    _choose_title(layout, candidates)
    if layout.body_start >= len(text) and layout.title_end >= 0:
        layout.body_start = min(len(text), layout.title_end + 1)
    return layout


def _choose_title(layout: Layout, candidates: list[Line]) -> None:
    best: list[Line] | None = None
    best_score = 2        # at least a cue word (巡察, 整改, 关于 ...)
    for group in _join_candidates(candidates):
        joined = "".join(x.match for x in group)
        score = _title_score(joined)
        if score >= best_score:
            best, best_score = group, score
    for line in candidates:
        if best is None or line not in best:
            layout.header.append(line)
    if best is None:
        return
    raw = "".join(x.text for x in best)
    title, date = clean_title(raw)
    layout.title = title
    layout.title_start, layout.title_end = best[0].start, best[-1].end
    if date and len(best) == 1:
        layout.title_date = (date[0], best[0].start + date[1], best[0].start + date[2])
