"""Problems written inside running text (feedback and summary news), PATTERNS.md 6.2.

Forms read here (examples invented):

- a colon cue:   `主要是:A;B;C。` · `存在的主要问题:A。B。` · `问题:A;B。建议:…`
- a 等问题 tail:  `仍存在A、B、C等问题` · `指出了A,B,C等16个问题`
- `有的A;有的B` clauses
- `一是A;二是B;…等问题` when the sentence is about problems (not 意见建议)

Items are cut on `;` and `。`, on `,` only when both halves end in a deficiency
predicate, on `、` only when every item is short and ends in one; lead-ins
(主要是, 巡察发现, 但, 有的 …) and tails (等问题, 等N个主要问题, 等方面) are removed.
"""
from __future__ import annotations

import bisect
import re

from analysis.fields.context import NoticeText
from analysis.model import Problem
from analysis.problems_text import is_deficiency, read_vocabulary

_NUM = r"[\d一二三四五六七八九十百两]+"
_COLON_CUE = re.compile(
    r"(?:主要是|主要有|主要表现(?:为|在)|具体(?:是|表现为|包括)|表现为|"
    r"(?:问题|不足|短板)(?:主要)?(?:是|有|如下|包括|为)?)\s*[::]")
_TAIL_CUE = re.compile(
    r"等(?:" + _NUM + r"(?:个|项|类|条|方面))?(?:的)?(?:方面)?(?:的)?(?:主要|突出|具体|共性)?"
    r"(?:的)?(?:问题|不足|短板|情况)(?!线索)")
_FINDING_CUE = re.compile(r"(?:反馈|巡察|巡视)(?:组)?(?:意见)?(?:也|还)?(?:指出|发现|认为)(?:了)?\s*[,:]")
_TAIL_OPEN = re.compile(r"(?:存在|发现了?|指出了?|反馈了?|包括|涉及)(?:了)?")
_SOME = re.compile(r"有的")
_ORDINAL = re.compile(r"(?:^|(?<=[;,:。]))\s*[一二三四五六七八九十]{1,2}是")
_NOT_PROBLEMS = re.compile(r"建议|意见|要求|强调|希望|措施|下一步|针对|对照|围绕|解决|整改|成效|成绩|做法")
_DEMAND = re.compile(r"(?<![主重需必只])要(?![求点])|强调|要求|希望|建议|针对|着力解决")
_NOT_ITEM = re.compile(r"^(?:要|建议|希望|强调|会议|请)|意见建议|下一步")
_LEAD = re.compile(
    r"(?:(?:但是?|同时|此外|另外|其中|并且|而且|也|还|仍|仍然|依然|"
    r"(?:巡察|巡视)?(?:组)?(?:中|也|还)?(?:发现|指出)(?:了)?|主要是|主要有|主要表现为|存在|"
    r"有的|[一二三四五六七八九十]{1,2}是|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、]|"
    r"\(\d{1,2}\)|[①-⑳])\s*[,:]?\s*)+")
_TAIL = re.compile(
    r"(?:等(?:" + _NUM + r"(?:个|项|类|条))?(?:的)?(?:方面)?(?:的)?(?:主要|突出|具体|共性)?"
    r"(?:的)?(?:问题|不足|短板|情况|现象)?|的问题)$")
_TURN = re.compile(r",\s*(?:但是?|然而|不过)")
_ITEM_MAX = 90
_ITEM_MIN = 4


def _sentence_end(match: str, pos: int) -> int:
    m = re.compile(r"[。\n]").search(match, pos)
    return m.start() if m else len(match)


def _sentence_start(match: str, pos: int) -> int:
    i = pos
    while i > 0 and match[i - 1] not in "。\n":
        i -= 1
    return i


def _trim(match: str, s: int, e: int) -> tuple[int, int]:
    """Remove lead-ins, tails and punctuation around an item span."""
    for _ in range(3):
        while s < e and match[s] in " ,;:、。":
            s += 1
        while e > s and match[e - 1] in " ,;:、。.":
            e -= 1
        lead = _LEAD.match(match, s, e)
        if lead and lead.end() > s:
            s = lead.end()
            continue
        tail = _TAIL.search(match[s:e])
        if tail and tail.start() > 0 and tail.group(0):
            e = s + tail.start()
            continue
        break
    return s, e


def _split_on(match: str, s: int, e: int, sep: str) -> list[tuple[int, int]]:
    out, last = [], s
    for i in range(s, e):
        if match[i] in sep:
            out.append((last, i))
            last = i + 1
    out.append((last, e))
    return [(a, b) for a, b in out if b > a]


def _split_commas(match: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut on `,` where the left part and the rest both end in a deficiency predicate."""
    clauses = _split_on(match, s, e, ",")
    out: list[tuple[int, int]] = []
    start = clauses[0][0]
    for a, b in clauses:
        if is_deficiency(match[start:b]) and is_deficiency(match[b:e] or "x不足"):
            out.append((start, b))
            start = b + 1
    if start < e:
        if out and not is_deficiency(match[start:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((start, e))
    return out


def _split_enum(match: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut on `、` when every item is short and ends in a deficiency predicate."""
    items = _split_on(match, s, e, "、")
    if len(items) > 1 and all(b - a <= 20 and is_deficiency(match[a:b]) for a, b in items):
        return items
    return [(s, e)]


def _items(match: str, s: int, e: int, strict: bool) -> list[tuple[int, int]]:
    """Problem spans in match[s:e]: split, trimmed, filtered."""
    out = []
    for a, b in _split_on(match, s, e, ";。"):
        turns = list(_TURN.finditer(match, a, b))      # praise, 但 shortcomings
        if turns:
            a = turns[-1].end()
        a, b = _trim(match, a, b)
        for c, d in _split_commas(match, a, b):
            for f, g in _split_enum(match, *_trim(match, c, d)):
                f, g = _trim(match, f, g)
                item = match[f:g]
                if not (_ITEM_MIN <= len(item) <= _ITEM_MAX) or _NOT_ITEM.search(item):
                    continue
                if strict and not is_deficiency(item):
                    continue
                out.append((f, g))
    # a list whose items mostly state no shortcoming is something else (results, tasks)
    if 2 * sum(1 for a, b in out if is_deficiency(match[a:b])) < len(out):
        return []
    return out


def _colon_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """(start, end, strict) of lists opened by 主要是: / 问题: …"""
    out = []
    for m in _COLON_CUE.finditer(match, start):
        head = match[_sentence_start(match, m.start()):m.start()]
        if _NOT_PROBLEMS.search(head[-12:]):
            continue
        end = _sentence_end(match, m.end())
        # following sentences on the same line that still state shortcomings
        while end < len(match) and match[end] == "。":
            nxt = _sentence_end(match, end + 1)
            sentence = match[end + 1:nxt]
            if not sentence or _NOT_ITEM.search(sentence) or not is_deficiency(sentence):
                break
            end = nxt
        out.append((m.end(), end, False))
    return out


def _finding_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """`反馈指出,A不到位,B不规范。`: a findings sentence; every item must state a shortcoming."""
    out = []
    for m in _FINDING_CUE.finditer(match, start):
        out.append((m.end(), _sentence_end(match, m.end()), True))
    return out


def _tail_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """(start, end, strict) of `存在A、B等问题` lists; areas (等方面) must state shortcomings."""
    out = []
    for m in _TAIL_CUE.finditer(match, start):
        s0 = _sentence_start(match, m.start())
        opens = list(_TAIL_OPEN.finditer(match, s0, m.start()))
        colon = max(match.rfind(":", s0, m.start()), match.rfind(";", s0, m.start()))
        if opens and _DEMAND.search(match, s0, opens[-1].start()):
            continue
        if opens:
            s = opens[-1].end() if not colon > opens[-1].end() else colon + 1
        elif colon >= 0:
            s = colon + 1
        else:
            continue
        strict = "方面" in m.group(0) or "情况" in m.group(0)
        out.append((s, m.start(), strict))
    return out


def _some_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """`有的A;有的B` runs (two 有的 at least) inside one sentence."""
    out = []
    pos = start
    while (m := _SOME.search(match, pos)):
        end = _sentence_end(match, m.start())
        if len(_SOME.findall(match, m.start(), end)) >= 2:
            out.append((m.start(), end, True))
        pos = end + 1
    return out


def _ordinal_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """`一是A;二是B` in a sentence about problems (not suggestions)."""
    out = []
    for m in re.finditer(r"一是", match[start:]):
        at = start + m.start()
        s0 = _sentence_start(match, at)
        head = match[max(s0, at - 30):at]
        end = _sentence_end(match, at)
        if re.search(r"问题|不足|存在|发现", head) and not _NOT_PROBLEMS.search(head) \
                and not _DEMAND.search(head):
            out.append((at, end, True))
    return out


def find_inline_spans(match: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of problems listed inline in `match` (simplified text), in order.

    >>> t = "会议指出,该局工作有成效。主要是:理论学习不深入;财务管理不规范,公车管理不严格。"
    >>> [t[a:b] for a, b in find_inline_spans(t)]
    ['理论学习不深入', '财务管理不规范', '公车管理不严格']
    >>> t = "但巡察也发现,仍存在议事决策不规范、资产管理不到位等问题。"
    >>> [t[a:b] for a, b in find_inline_spans(t)]
    ['议事决策不规范', '资产管理不到位']
    """
    lists = sorted(_colon_lists(match, start) + _tail_lists(match, start)
                   + _some_lists(match, start) + _ordinal_lists(match, start))
    lists += _finding_lists(match, start)   # weakest cue: only where nothing else was read
    spans: list[tuple[int, int]] = []      # kept sorted, never overlapping
    for s, e, strict in lists:
        for a, b in _items(match, s, e, strict):
            i = bisect.bisect_left(spans, (a, b))
            if (i > 0 and spans[i - 1][1] > a) or (i < len(spans) and spans[i][0] < b):
                continue
            spans.insert(i, (a, b))
    return spans


def find_inline_problems(nt: NoticeText) -> list[Problem]:
    """Problems listed inline in `nt` (主要是:A;B。 / 存在A、B等问题 ...)."""
    spans = find_inline_spans(nt.match, nt.body_start)
    return [Problem(i, nt.text[a:b], "", None, "unknown", a, b)
            for i, (a, b) in enumerate(spans, 1)]
