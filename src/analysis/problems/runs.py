"""Inline problem lists written as runs, with no cue word before them. Examples invented.

- `有的A;有的B` clauses (also `有的A,有的B` and over sentences: 有的A。有的B。)
- `一是A;二是B;…等问题` in a sentence about problems (not 意见建议), and paragraphs that
  each open with an ordinal after a sentence announcing problems (`巡视也发现一些问题。`
  ⏎ `一是A。…` ⏎ `二是B。…`)
- lines of shortcomings: `A不到位;B不规范。` under a unit's name, bullets `- A不到位`

Each finder returns (start, end, mode) spans of lists; analysis.problems.items cuts them.
"""
from __future__ import annotations

import re

from analysis.problems.items import ITEM_MAX, STRICT, inline_patterns, split_on
from analysis.problems.spans import (
    extend_deficient,
    ordinal_end,
    ordinal_lines_end,
    previous_sentence,
    sentence_end,
    sentence_start,
)
from analysis.problems.text import is_deficiency

Span = tuple[int, int, str]

_SOME = re.compile(r"有的")
_ABOUT_PROBLEMS = re.compile(r"问题|不足|存在|发现")
# a bullet at a line start, or written inline between spaces (` - A [1] - B [2]`)
_BULLET = re.compile(r"(?m)^[ \t]*[-•·●▪][ \t]*|(?<=\s)[-•·●▪][ \t]+")
_LONG_BLOCK = 6         # parts in a line of shortcomings that may hold a few others
_CITATION = re.compile(r"(?:\s*\[\d{1,3}\])+")     # [1][2] marks of a quoted source


def some_lists(match: str, start: int) -> list[Span]:
    """`有的A;有的B` runs (two 有的 at least), also over sentences: 有的A。有的B。"""
    out = []
    pos = start
    while (m := _SOME.search(match, pos)):
        end = extend_deficient(match, sentence_end(match, m.start()), _SOME)
        if len(_SOME.findall(match, m.start(), end)) >= 2:
            out.append((m.start(), end, STRICT))
        pos = end + 1
    return out


def ordinal_lists(match: str, start: int) -> list[Span]:
    """`一是A;二是B` in a sentence about problems (not suggestions); or paragraphs that
    open with 一是, 二是 … after a sentence about problems.

    >>> t = "巡视也发现一些问题。\\n一是学习不深入。有的流于形式。\\n二是管理不规范。\\n要求抓好整改。"
    >>> [t[a:b] for a, b, _ in ordinal_lists(t, 0)]
    ['一是学习不深入。有的流于形式。\\n二是管理不规范。']
    """
    out = []
    for m in re.finditer(r"一是", match[start:]):
        at = start + m.start()
        s0 = sentence_start(match, at)
        if s0 == at and at > 0 and match[at - 1] == "\n":
            head, end = previous_sentence(match, at)[-30:], ordinal_lines_end(match, at)
        else:
            head = match[max(s0, at - 30):at]
            end = ordinal_end(match, at, sentence_end(match, at))
        if _ABOUT_PROBLEMS.search(head) and not inline_patterns()["skip"].search(head) \
                and not inline_patterns()["demand"].search(head):
            out.append((at, end, STRICT))
    return out


def block_lists(match: str, start: int) -> list[Span]:
    """Lines that are nothing but shortcomings, with no cue before them: a line
    `A不到位;B不规范。` under a unit's name, or bullets `- A不到位` (see bullet_lists)."""
    out = bullet_lists(match, start)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", match[start:])]
    for a, b in [(start + a, start + b) for a, b in lines]:
        if _BULLET.match(match, a):
            continue
        parts = [match[c:d] for c, d in split_on(match, a, b, ";。") if match[c:d].strip()]
        if _mostly_shortcomings(parts):
            out.append((a, b, STRICT))
    return out


def _mostly_shortcomings(parts: list[str]) -> bool:
    """Every part of a short line states a shortcoming, or two in three of a long one
    (a unit's list may hold a statement with no predicate: 工作长期打不开局面)."""
    if len(parts) < 2 or any(len(p) > ITEM_MAX for p in parts):
        return False
    hits = sum(1 for p in parts if is_deficiency(p))
    return hits == len(parts) or (len(parts) >= _LONG_BLOCK and 3 * hits >= 2 * len(parts))


def bullet_lists(match: str, start: int) -> list[Span]:
    """Bullets that state a shortcoming, next to another bullet: one a line, or several
    on one line (` - A不到位 [2] - B有短板 [2]`, citation marks left out).

    >>> t = "反馈的主要问题 - 学习不深入,管理不规范 [2] - 作风不扎实 [2] 整改要求 - 要加强学习 [3]"
    >>> [t[a:b] for a, b, _ in bullet_lists(t, 0)]
    ['学习不深入,管理不规范', '作风不扎实']
    """
    marks = list(_BULLET.finditer(match, start))
    segments = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(match)
        line_end = match.find("\n", m.end(), end)
        segments.append((m.start(), m.end(), end if line_end < 0 else line_end))
    out = []
    for i, (mark, a, b) in enumerate(segments):
        before = i > 0 and not match[segments[i - 1][2]:mark].strip()
        after = i + 1 < len(segments) and not match[b:segments[i + 1][0]].strip()
        cite = _CITATION.search(match, a, b)        # ends the item: a heading may follow
        b = cite.start() if cite else b
        if (before or after) and is_deficiency(match[a:b].rstrip("。;")):
            out.append((a, b, STRICT))
    return out
