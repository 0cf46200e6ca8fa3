"""The outline of a notice: 一、 (一) 1. (1) ① 问题1. and 关于“…”问题 headings.

`find_outline(text)` returns every outline heading in reading order, with its level
in the outline tree. Markers are found at line starts and also inline, after `。`,
`:`, `;` or a space, because some pages put the whole notice on one line.

Levels follow the order in which marker styles appear, not a fixed table: a style
seen again pops back to its level; a style seen for the first time opens a child
level, except when it carries on the numbering of the heading above it
(`(一)…` then `2.…` `3.…` in one section), which makes it a sibling.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text.numbers import CN_ONE_TO_TEN, parse_cn_int

_CN_NUM = f"[{CN_ONE_TO_TEN}]{{1,3}}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# The outline markers as other patterns need them (normalize, readers, problem lists): the
# grammar of 一、 (一) 1. (1) ① is written here once; `_MARKERS` below adds the groups.
MARKER_CN = rf"{_CN_NUM}[、.．]"
MARKER_PAREN_CN = rf"[(（]{_CN_NUM}[)）]"
MARKER_NUM = r"\d{1,2}[.、．](?!\d)"
MARKER_PAREN_NUM = r"[(（]\d{1,2}[)）]"
MARKER_CIRCLED = f"[{_CIRCLED}]"
OUTLINE_MARKER = (f"(?:{MARKER_CN}|{MARKER_PAREN_CN}|{MARKER_NUM}|{MARKER_PAREN_NUM}"
                  f"|{MARKER_CIRCLED})")

# (kind, pattern); the group "num" holds the number. Order matters: longer forms first.
_MARKERS: tuple[tuple[str, str], ...] = (
    ("problem_num", r"(?:反馈|巡察|巡视)?问题\s*(?P<num>\d{1,2}|" + _CN_NUM + r")\s*[.、．:](?!\d)"),
    ("paren_cn", r"\((?P<num>" + _CN_NUM + r")\)"),
    ("cn", r"(?P<num>" + _CN_NUM + r")、"),
    ("paren_num", r"\((?P<num>\d{1,2})\)"),
    ("num", r"(?P<num>\d{1,2})\s*(?:[.、．](?!\d)|\s(?=[\u4e00-\u9fff“]))"),
    ("circled", r"(?P<num>[" + _CIRCLED + r"])"),
    # a whole line (or sentence before 整改情况) of the form 关于“…”的问题(的整改情况)
    ("about", r"(?=(?:关于|针对)[“\"‘'][^\n]{2,120}?[”\"’']\s*的?问题(?:的?整改[^\n。:,]{0,6})?"
              r"\s*(?:[。.:]\s*)?(?:\n|$|整改| ))"),
)
# where a marker may start: line start (after spaces or a "- " bullet), or inline
_LEAD = r"(?:(?<=\n)|^|(?<=[。:;!?])|(?<=[。:;!?] )|(?<=[^\d\s,、] ))[ \t]*(?:[-•·]\s*)?"
# the characters a marker match can start with: other positions fail at once (same matches)
_MARKER_FIRST = rf"(?=[ \t\-•·反巡问(关针\d{CN_ONE_TO_TEN}{_CIRCLED}])"
_MARKER_RE = re.compile(
    _MARKER_FIRST + _LEAD + "(?:" + "|".join(f"(?P<{k}>{p.replace('(?P<num>', f'(?P<{k}_n>')})"
                             for k, p in _MARKERS) + ")")
_INLINE_MARK = {"num", "paren_num", "circled", "about"}
_NUMBER_GROUP = {k: f"{k}_n" for k, _ in _MARKERS}


@dataclass
class Heading:
    """One outline heading.

    kind:   problem_num (问题1.), cn (一、), paren_cn ((一)), num (1. 1、),
            paren_num ((1)), circled (①), about (关于“…”问题 without a marker)
    level:  1 for the outermost style seen, growing inwards
    number: the item number (None for `about`)
    start:  offset of the marker; body: offset just after the marker
    end:    end of the heading text (first sentence, line, or next inline marker)
    text:   the heading text, marker removed, without the final 。
    """

    kind: str
    level: int
    number: int | None
    start: int
    body: int
    end: int
    text: str


def parse_cn_number(s: str) -> int | None:
    """Value of a small Chinese, Arabic or circled numeral.

    >>> [parse_cn_number(s) for s in ("七", "十", "十二", "二十", "二十三", "12", "③")]
    [7, 10, 12, 20, 23, 12, 3]
    >>> parse_cn_number("甲") is None
    True
    """
    if len(s) == 1 and s in _CIRCLED:
        return _CIRCLED.index(s) + 1
    return parse_cn_int(s)


def _raw_markers(text: str) -> list[tuple[str, int | None, int, int]]:
    """(kind, number, start, body) of every marker, in order."""
    out = []
    for m in _MARKER_RE.finditer(text):
        kind = m.lastgroup      # the kind's group closes last (its number group is inside)
        start = m.start(kind)
        if out and out[-1][2] == start:     # a zero-width form found twice at one place
            continue
        num = m.group(_NUMBER_GROUP[kind]) if kind != "about" else None
        out.append((kind, parse_cn_number(num) if num else None, start, m.end()))
    return out


def _heading_end(text: str, body: int, limit: int) -> int:
    """End of the heading text: first 。!? or line break outside quotes, or `limit`;
    a 关于…的问题 frame left open there runs on to the sentence that closes it."""
    depth = 0
    for m in _QUOTE_OR_STOP.finditer(text, body, min(limit, len(text))):   # the rest is text
        c = m.group()
        if c in "“‘":
            depth += 1
        elif c in "”’":
            depth = max(0, depth - 1)
        elif c == "\n" or (depth == 0 and c in "。!?"):
            return _about_frame_end(text, body, m.start(), limit)
    return min(limit, len(text))


_QUOTE_OR_STOP = re.compile("[“‘”’\n。!?]")


_FRAME_OPEN = re.compile(r"(?:关于|针对)(?![“\"‘'])")
# the closing sentence states more of the problem, not what was done about it
_FRAME_CLOSE = re.compile(r"(?!整改|经|已|目前|现已|针对|对此)[^\n。:;]{2,60}?的问题(?=[。,]|$)")


def _about_frame_end(text: str, body: int, end: int, limit: int) -> int:
    """`1.关于A不到位。B不规范的问题。`: the heading ends where its frame closes, when
    the first sentence leaves it open and the next one closes it.

    >>> t = "关于学习有偏差。材料把关不严的问题。整改情况:已完成。"
    >>> t[:_about_frame_end(t, 0, t.index("。"), len(t))]
    '关于学习有偏差。材料把关不严的问题'
    >>> t = "关于学习有偏差。已完成整改。"
    >>> t[:_about_frame_end(t, 0, t.index("。"), len(t))]
    '关于学习有偏差'
    """
    if text[end] != "。" or not _FRAME_OPEN.match(text, body) or "问题" in text[body:end]:
        return end
    m = _FRAME_CLOSE.match(text, end + 1, min(limit, len(text)))
    return m.end() if m else end


def _assign_levels(raw: list[tuple[str, int | None, int, int]]) -> list[int]:
    """Level of each marker from the order styles appear (see the module doc)."""
    stack: list[tuple[str, int | None, int]] = []     # (kind, number, level)
    last: dict[str, tuple[int | None, int]] = {}       # kind -> (number, level) seen last
    levels = []
    for kind, num, _, _ in raw:
        idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == kind), None)
        level = None
        if idx is None and num is not None and num > 1:
            if kind in last and last[kind][0] == num - 1:
                # the same style carries on its numbering under a new parent: 1. 2. (二) 3.
                level = max(last[kind][1], stack[-1][2] + 1 if stack else 1)
                while stack and stack[-1][2] >= level:
                    stack.pop()
            else:
                idx = next((i for i in range(len(stack) - 1, -1, -1)
                            if stack[i][1] == num - 1 and stack[i][0] != "about"), None)
        if level is None and idx is not None:
            level = stack[idx][2]
            del stack[idx:]
        elif level is None:
            level = stack[-1][2] + 1 if stack else 1
        stack.append((kind, num, level))
        last[kind] = (num, level)
        levels.append(level)
    return levels


def _plausible(raw: list[tuple[str, int | None, int, int]], text: str) -> list[bool]:
    """Drop inline markers that do not continue a numbering (stray `2.` in a sentence)."""
    keep = []
    last_num: dict[str, int | None] = {}
    for kind, num, start, _ in raw:
        at_line = not text[text.rfind("\n", 0, start) + 1:start].strip(" \t-•·")
        if kind == "about":
            ok = at_line or text[start - 1] in " 。"
        else:
            ok = at_line or kind not in _INLINE_MARK or num == 1 or (
                num is not None and last_num.get(kind) == num - 1)
        keep.append(ok)
        if ok:
            last_num[kind] = num
    return keep


def find_outline(text: str) -> list[Heading]:
    """Every outline heading of `text`, in order, with its level.

    >>> [(h.kind, h.level, h.number, h.text) for h in find_outline(
    ...     "一、总体情况\\n(一)学习不深入。整改情况:已完成。\\n2.制度不健全。")]
    [('cn', 1, 1, '总体情况'), ('paren_cn', 2, 1, '学习不深入'), ('num', 2, 2, '制度不健全')]
    >>> [(h.kind, h.level, h.text) for h in find_outline("予以公布。 一、总体情况 1.压实责任。")]
    [('cn', 1, '总体情况'), ('num', 2, '压实责任')]
    """
    raw = _raw_markers(text)
    raw = [r for r, ok in zip(raw, _plausible(raw, text)) if ok]
    levels = _assign_levels(raw)
    out = []
    for i, ((kind, num, start, body), level) in enumerate(zip(raw, levels)):
        limit = raw[i + 1][2] if i + 1 < len(raw) else len(text)
        while body < limit and text[body] == " ":
            body += 1
        end = _heading_end(text, body, limit)
        heading = text[body:end].rstrip(" ,;:")
        out.append(Heading(kind, level, num, start, body, body + len(heading), heading))
    return out
