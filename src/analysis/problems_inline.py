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
from functools import lru_cache

from analysis.fields.context import NoticeText
from analysis.model import Problem
from analysis.problems_text import is_deficiency, read_vocabulary

_NUM = r"[\d一二三四五六七八九十百两]+"
_COUNT_TAIL = (r"(?:" + _NUM + r"(?:个|项|类|条))?(?:的)?(?:方面)?(?:的)?"
               r"(?:主要|突出|具体|共性)?(?:的)?")
_TAIL_CUE = re.compile(
    r"等(?:" + _NUM + r"(?:个|项|类|条|方面))?(?:的)?(?:方面)?(?:的)?(?:主要|突出|具体|共性)?"
    r"(?:的)?(?:问题|不足|短板|情况)(?!线索)")
_FINDING_CUE = re.compile(
    r"(?:反馈|巡察|巡视)(?:组)?(?:意见)?(?:也|还)?(?:指出|发现|认为)(?:了)?\s*[,:]")
_TAIL_OPEN = re.compile(r"(?:存在|发现了?|指出了?|反馈了?|包括|涉及)(?:了)?")
_SOME = re.compile(r"有的")
_NOT_ITEM = re.compile(r"^(?:要|建议|希望|强调|会议|请)|意见建议|下一步")
_MARKER = (r"[一二三四五六七八九十]{1,2}是|[一二三四五六七八九十]{1,2}、|"
           r"\([一二三四五六七八九十]{1,2}\)|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]")
_ORD_START = re.compile(rf"\s*(?:{_MARKER})")
_TAIL = re.compile(r"(?:等" + _COUNT_TAIL + r"(?:问题|不足|短板|情况|现象)?|的问题)$")
_TURN = re.compile(r",\s*(?:但是?|然而|不过)")
_ITEM_MAX = 90
_ITEM_MIN = 4


def _alternation(name: str) -> str:
    return "|".join(f"(?:{p})" for p in sorted(read_vocabulary(name), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Patterns built from the resources/problems_inline_*.txt vocabularies."""
    cues = _alternation("problems_inline_cues.txt")
    return {
        "colon": re.compile(rf"(?:{cues})\s*[::]|(?:问题|不足|短板)\s*,\s*(?:如|比如|例如)\s*"),
        "lead": re.compile(
            rf"(?:(?:{_alternation('problems_inline_leads.txt')}|{_MARKER})\s*[,:]?\s*)+"),
        "skip": re.compile(_alternation("problems_inline_skip.txt")),
        "demand": re.compile(_alternation("problems_inline_demands.txt")),
    }


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
        lead = _patterns()["lead"].match(match, s, e)
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


def _ordinal_end(match: str, s: int, e: int) -> int:
    """End of an ordinal list (一是A。具体…。二是B。) that starts at s: the paragraph,
    cut before a sentence of suggestions or demands."""
    para = match.find("\n", s)
    para = len(match) if para < 0 else para
    pos = max(e, s)
    while pos < para:
        nxt = _sentence_end(match, pos + 1)
        sentence = match[pos + 1:nxt]
        if _patterns()["skip"].search(sentence) and not _ORD_START.match(sentence):
            break
        pos = nxt
    return min(pos, para)


def _items(match: str, s: int, e: int, strict: bool) -> list[tuple[int, int]]:
    """Problem spans in match[s:e]: split, trimmed, filtered.

    When the list opens with an ordinal (一是, 一、, 1.), only the ordinal items count:
    the sentences that describe each one are skipped.
    """
    out = []
    ordinal = bool(_ORD_START.match(match, s))
    for a, b in _split_on(match, s, e, ";。"):
        if ordinal and not _ORD_START.match(match, a):
            continue
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
    for m in _patterns()["colon"].finditer(match, start):
        head = match[_sentence_start(match, m.start()):m.start()]
        if _patterns()["skip"].search(head[-12:]):
            continue
        end = _sentence_end(match, m.end())
        if _ORD_START.match(match, m.end()):
            out.append((m.end(), _ordinal_end(match, m.end(), end), False))
            continue
        out.append((m.end(), _extend_deficient(match, end), False))
    return out


def _extend_deficient(match: str, end: int, lead: re.Pattern | None = None) -> int:
    """Carry a list over the following sentences of its line while they still state
    shortcomings (or, with `lead`, while they open with it: 有的…。有的…。)."""
    while end < len(match) and match[end] == "。":
        nxt = _sentence_end(match, end + 1)
        sentence = match[end + 1:nxt]
        if not sentence or _NOT_ITEM.search(sentence):
            break
        if not (lead.match(sentence) if lead else is_deficiency(sentence)):
            break
        end = nxt
    return end


def _finding_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """`反馈指出,A不到位,B不规范。`: a findings sentence; every item must state a shortcoming."""
    out = []
    for m in _FINDING_CUE.finditer(match, start):
        out.append((m.end(), _extend_deficient(match, _sentence_end(match, m.end())), True))
    return out


def _tail_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """(start, end, strict) of `存在A、B等问题` lists; areas (等方面) must state shortcomings."""
    out = []
    for m in _TAIL_CUE.finditer(match, start):
        s0 = _sentence_start(match, m.start())
        opens = list(_TAIL_OPEN.finditer(match, s0, m.start()))
        colon = max(match.rfind(":", s0, m.start()), match.rfind(";", s0, m.start()))
        if opens and _patterns()["demand"].search(match, s0, opens[-1].start()):
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
    """`有的A;有的B` runs (two 有的 at least), also over sentences: 有的A。有的B。"""
    out = []
    pos = start
    while (m := _SOME.search(match, pos)):
        end = _extend_deficient(match, _sentence_end(match, m.start()), _SOME)
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
        end = _ordinal_end(match, at, _sentence_end(match, at))
        if re.search(r"问题|不足|存在|发现", head) and not _patterns()["skip"].search(head) \
                and not _patterns()["demand"].search(head):
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
    # weakest cue: only over text no other list covers
    lists += [(s, e, strict) for s, e, strict in _finding_lists(match, start)
              if not any(a < e and s < b for a, b, _ in lists)]
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
