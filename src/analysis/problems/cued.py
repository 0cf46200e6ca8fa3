"""Inline problem lists opened by a cue word (PATTERNS.md 6.2). Examples invented.

- a colon cue:   `主要是:A;B;C。` · `存在的主要问题:A。B。` · `问题:A;B。建议:…` ·
                 `发现了一些问题,主要是A,B等。` · `主要包括:A;B。` · `集中表现在以下三个方面:`
                 (a colon that ends the line: the numbered lines below it, `1.A` `2.B`)
- a bare label:  `。问题 A。B。建议 …` (the words stand alone between spaces or lines)
- a 等问题 tail:  `仍存在A、B、C等问题` · `指出了A,B,C等16个问题` · `A、B等较为突出问题` ·
                 `存在A、B、C“三大问题”` · `针对巡视反馈的“A”“B”等问题` (news only)
- `其中,A、B、C等尤为突出`: each short item is named a problem
- `X方面,主要存在A、B的情况;` clauses
- a findings cue: `巡察中也发现A、B。` · `从巡察反馈情况看,A,B。`
- one quoted finding: `针对巡视组指出的“A,B”问题` (news only)

Each finder returns (start, end, mode) spans of lists; analysis.problems.items cuts them.
"""
from __future__ import annotations

import re
from functools import cache

from analysis.problems.items import (
    DEGREE,
    LOOSE,
    NAMED,
    NUM,
    ORD_START,
    STRICT,
    inline_patterns,
    read_vocabulary,
)
from analysis.problems.spans import (
    extend_deficient,
    ordinal_end,
    ordinal_lines_end,
    paragraph_end,
    sentence_end,
    sentence_start,
)
from analysis.text.numbers import CN_NUMERALS

Span = tuple[int, int, str]

_TAIL_CUE = re.compile(
    r"等(?:" + NUM + r"大?(?:个|项|类|条|方面))?(?:的)?(?:方面)?(?:的)?"
    r"(?:" + NUM + r"(?:个|项|条))?(?:的)?" + DEGREE
    + r"(?:主要|突出|具体|共性)?(?:的)?(?:问题|不足|短板|情况)(?!线索)")
# 其中,A、B、C等尤为突出: each item is named a salient problem
_SALIENT_CUE = re.compile(r"等(?:问题)?(?:尤为|尤其|特别|最为|更为|十分)突出(?![的地]?问题)")
# a count right after the list, no 等: 存在A、B、C“三大问题” / A、B两个问题
_COUNT_CUE = re.compile(
    rf"(?<=[^\d{CN_NUMERALS},:;。、])[“\"]?" + NUM
    + r"(?:大|个|类|项)(?:主要|突出|具体)?问题[”\"]?(?!线索)")
_FINDING_CUE = re.compile(
    r"(?:反馈|巡察|巡视)(?:组)?(?:中)?(?:意见)?(?:也|还)?(?:指出|发现|认为)(?:了)?"
    r"(?:\s*[,:]|(?![的了问一]))"
    r"|从(?:本轮)?(?:巡察|巡视)(?:反馈)?的?情况(?:来)?看\s*,")
_TAIL_OPEN = re.compile(r"(?:存在|发现|指出|反馈|包括|涉及)(?:了|的|着)?")
# the list is what the inspection reported (巡视反馈的A等问题): a demand around it
# (针对…, 要解决…) does not make it one
_REPORTED_OPEN = re.compile(r"(?:反馈|指出|发现)的$")
# 存在A、B等问题。主要表现在:一是…: the first list only names the aspects of the next
_DETAIL_NEXT = re.compile(r"[。,]?\s*(?:主要|具体)(?:表现|体现)?(?:在|为|是|有|包括)\s*[::]")
# one quoted finding named a problem, no 等: 巡视组指出的“A,B”问题 (news only)
_QUOTED_FINDING = re.compile(r"(?:反馈|指出|发现)(?:了|的)“([^“”。]{4,60})”(?:的)?问题")
_ORDINAL_OPEN = re.compile(r"\s*[,:]?\s*(?:一是|一、|\(一\)|1[.、](?!\d)|\(1\)|①)")


def colon_lists(match: str, start: int) -> list[Span]:
    """(start, end, mode) of lists opened by 主要是: / 问题: …"""
    out = []
    for m in inline_patterns()["colon"].finditer(match, start):
        head = match[sentence_start(match, m.start()):m.start()]
        if inline_patterns()["skip"].search(head[-12:]):
            continue
        end = sentence_end(match, m.end())
        if ORD_START.match(match, m.end()):
            if not match[m.end():paragraph_end(match, m.end())].strip():
                end = ordinal_lines_end(match, m.end())     # 主要问题:⏎1.A⏎2.B
            else:
                end = ordinal_end(match, m.end(), end)
            out.append((m.end(), end, LOOSE))
            continue
        out.append((m.end(), extend_deficient(match, end), LOOSE))
    return out


@cache
def _label_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(opening label, closing label) from resources/problems_inline_labels.txt."""
    lines = sorted(read_vocabulary("problems_inline_labels.txt"), key=len, reverse=True)
    closing = "|".join(ln.removeprefix("close:") for ln in lines if ln.startswith("close:"))
    opening = "|".join(ln for ln in lines if not ln.startswith("close:"))
    at_start = r"(?:^|(?<=[。\n]))[ \t]*"
    return (re.compile(rf"{at_start}(?:{opening})(?![线整清台导的是和及与主,:;、])[ \t]*", re.M),
            re.compile(rf"{at_start}(?:{closing})", re.M))


def label_lists(match: str, start: int) -> list[Span]:
    """`问题 A。B。建议 X。`: a label standing alone (its spaces are gone once the text is
    normalised) opens the list when a closing label (建议) opens a later sentence of the
    paragraph, and the list runs to it (the clue sentence inside is no item); or when
    the label has a line of its own, and the list runs while its sentences state
    shortcomings.

    >>> t = "反馈了巡察情况。问题对巡察整改重视不够。资金管理混乱。另有线索已移交。建议抓好整改。"
    >>> [t[a:b] for a, b, _ in label_lists(t, 0)]
    ['对巡察整改重视不够。资金管理混乱。另有线索已移交。']
    """
    opening, closing = _label_patterns()
    out = []
    for m in opening.finditer(match, start):
        s = m.end() + (match[m.end():m.end() + 1] == "\n")
        close = closing.search(match, s, paragraph_end(match, s))
        if s == m.end() and not close:
            continue
        end = close.start() if close else extend_deficient(match, sentence_end(match, s + 1))
        out.append((s, end, LOOSE))
    return out


def finding_lists(match: str, start: int) -> list[Span]:
    """`反馈指出,A不到位,B不规范。`: a findings sentence; every item must state a shortcoming."""
    return [(m.end(), extend_deficient(match, sentence_end(match, m.end())), STRICT)
            for m in _FINDING_CUE.finditer(match, start)]


def tail_lists(match: str, start: int, news: bool = True) -> list[Span]:
    """(start, end, mode) of `存在A、B等问题` lists; areas (等方面) must state shortcomings.

    news: in news, `针对巡视反馈的A、B等问题` reports the findings; in a notice it only
    introduces the measures, and the problems are listed elsewhere.
    """
    out = []
    cues = [(m, LOOSE) for m in _TAIL_CUE.finditer(match, start)]
    cues += [(m, STRICT) for m in _COUNT_CUE.finditer(match, start)]
    cues += [(m, NAMED) for m in _SALIENT_CUE.finditer(match, start)]
    for m, mode in sorted(cues, key=lambda c: c[0].start()):
        if _DETAIL_NEXT.match(match, m.end()):
            continue
        s = _tail_start(match, m, mode, news)
        if s is None:
            continue
        if mode == LOOSE and ("方面" in m.group(0) or "情况" in m.group(0)):
            mode = STRICT
        out.append((s, m.start(), mode))
    return out


def _tail_start(match: str, m: re.Match, mode: str, news: bool) -> int | None:
    """Where the list that a 等问题 tail closes begins, or None when it is no finding."""
    s0 = sentence_start(match, m.start())
    opens = list(_TAIL_OPEN.finditer(match, s0, m.start()))
    colon = max(match.rfind(":", s0, m.start()), match.rfind(";", s0, m.start()))
    # `专项巡察存在:A,B存在错误等问题`: an opener right before a colon opens the list,
    # a later one sits inside an item
    if any(o.end() <= colon and not match[o.end():colon].strip() for o in opens):
        opens = [o for o in opens if o.end() <= colon]
    reported = bool(opens) and bool(_REPORTED_OPEN.search(opens[-1].group(0)))
    if opens and not (news and reported) and \
            inline_patterns()["demand"].search(match, s0, opens[-1].start()):
        return None
    if opens:
        s = opens[-1].end()
        # a later ; starts the list, unless the list opens with an ordinal
        # (指出,一是A;二是B等问题): then its ; parts are the items
        return colon + 1 if colon > s and not _ORDINAL_OPEN.match(match, s) else s
    if colon >= 0:
        return colon + 1
    return s0 if mode == NAMED else None     # 其中,A、B等尤为突出: the sentence is the list


def quoted_findings(match: str, start: int) -> list[Span]:
    """`针对巡视组指出的“A,B”问题`: the quote is the problem (one, or its clauses).

    >>> t = "针对巡视组指出的“对下属协会监管不力,干部兼职过多”问题,该部已整改。"
    >>> [t[a:b] for a, b, _ in quoted_findings(t, 0)]
    ['对下属协会监管不力,干部兼职过多']
    """
    return [(m.start(1), m.end(1), STRICT) for m in _QUOTED_FINDING.finditer(match, start)]


def exist_lists(match: str, start: int) -> list[Span]:
    """`X方面,主要存在A、B的情况;` clauses: the list runs to the clause end."""
    out = []
    for m in re.finditer(r"(?:主要|突出)存在(?:着)?", match[start:]):
        at = start + m.end()
        end = re.compile(r"[;。\n:]").search(match, at)
        if end and end.group(0) == ":":       # 主要存在以下问题: — a colon list
            continue
        out.append((at, end.start() if end else len(match), STRICT))
    return out
