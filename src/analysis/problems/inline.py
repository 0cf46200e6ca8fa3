"""Problems written inside running text (feedback and summary news), PATTERNS.md 6.2.

Forms read here (examples invented):

- a colon cue:   `主要是:A;B;C。` · `存在的主要问题:A。B。` · `问题:A;B。建议:…` ·
                 `发现了一些问题,主要是A,B等。` (no colon after 问题,)
- a 等问题 tail:  `仍存在A、B、C等问题` · `指出了A,B,C等16个问题` · `A、B等较为突出问题` ·
                 `反馈了A、B等3个方面12条具体问题` · `指出,一是A;二是B等问题` ·
                 `存在A、B、C“三大问题”` · `针对巡视反馈的“A”“B”等问题` (news only)
- `其中,A、B、C等尤为突出`: each short item is named a problem
- `X方面,主要存在A、B的情况;` clauses
- a findings cue: `巡察中也发现A、B。` · `从巡察反馈情况看,A,B。`
- one quoted finding: `针对巡视组指出的“A,B”问题` (news only)
- `有的A;有的B` clauses; `一是A;二是B;…等问题` when about problems (not 意见建议)
- lines of shortcomings with no cue: `A不到位;B不规范。` under a unit's name, bullets

Where a list is cut off by the end of the text, the item it breaks off in is dropped.
Items are cut and cleaned by analysis.problems.items.
"""
from __future__ import annotations

import bisect
import re

from analysis.document import Problem
from analysis.fields.context import NoticeText
from analysis.problems.items import (
    DEGREE,
    ITEM_MAX,
    LOOSE,
    NAMED,
    NOT_ITEM,
    NUM,
    ORD_START,
    STRICT,
    find_items,
    inline_patterns,
    is_short_shortcoming,
    split_on,
)
from analysis.problems.text import is_deficiency

_TAIL_CUE = re.compile(
    r"等(?:" + NUM + r"大?(?:个|项|类|条|方面))?(?:的)?(?:方面)?(?:的)?"
    r"(?:" + NUM + r"(?:个|项|条))?(?:的)?" + DEGREE
    + r"(?:主要|突出|具体|共性)?(?:的)?(?:问题|不足|短板|情况)(?!线索)")
# 其中,A、B、C等尤为突出: each item is named a salient problem
_SALIENT_CUE = re.compile(r"等(?:问题)?(?:尤为|尤其|特别|最为|更为|十分)突出(?![的地]?问题)")
# a count right after the list, no 等: 存在A、B、C“三大问题” / A、B两个问题
_COUNT_CUE = re.compile(
    r"(?<=[^\d一二三四五六七八九十两,:;。、])[“\"]?" + NUM
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
_SOME = re.compile(r"有的")
_ORDINAL_OPEN = re.compile(r"\s*[,:]?\s*(?:一是|一、|\(一\)|1[.、](?!\d)|\(1\)|①)")
# a bullet at a line start, or written inline between spaces (` - A [1] - B [2]`)
_BULLET = re.compile(r"(?m)^[ \t]*[-•·●▪][ \t]*|(?<=\s)[-•·●▪][ \t]+")
_LONG_BLOCK = 6         # parts in a line of shortcomings that may hold a few others
_CITATION = re.compile(r"(?:\s*\[\d{1,3}\])+")     # [1][2] marks of a quoted source


def _sentence_end(match: str, pos: int) -> int:
    m = re.compile(r"[。\n]").search(match, pos)
    return m.start() if m else len(match)


def _sentence_start(match: str, pos: int) -> int:
    i = pos
    while i > 0 and match[i - 1] not in "。\n":
        i -= 1
    return i


def _ordinal_end(match: str, s: int, e: int) -> int:
    """End of an ordinal list (一是A。具体…。二是B。) that starts at s: the paragraph,
    cut before a sentence of suggestions or demands."""
    para = match.find("\n", s)
    para = len(match) if para < 0 else para
    pos = max(e, s)
    while pos < para:
        nxt = _sentence_end(match, pos + 1)
        sentence = match[pos + 1:nxt]
        if inline_patterns()["skip"].search(sentence) and not ORD_START.match(sentence) \
                and not is_short_shortcoming(sentence):
            break
        pos = nxt
    return min(pos, para)


def _colon_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, mode) of lists opened by 主要是: / 问题: …"""
    out = []
    for m in inline_patterns()["colon"].finditer(match, start):
        head = match[_sentence_start(match, m.start()):m.start()]
        if inline_patterns()["skip"].search(head[-12:]):
            continue
        end = _sentence_end(match, m.end())
        if ORD_START.match(match, m.end()):
            out.append((m.end(), _ordinal_end(match, m.end(), end), LOOSE))
            continue
        out.append((m.end(), _extend_deficient(match, end), LOOSE))
    return out


def _extend_deficient(match: str, end: int, lead: re.Pattern | None = None) -> int:
    """Carry a list over the following sentences of its line while they still state
    shortcomings (or, with `lead`, while they open with it: 有的…。有的…。)."""
    while end < len(match) and match[end] == "。":
        nxt = _sentence_end(match, end + 1)
        sentence = match[end + 1:nxt]
        if nxt == len(match) and not sentence.rstrip().endswith(("!", "?")):
            sentence = _complete_part(sentence)     # the text breaks off in it
        if not sentence or NOT_ITEM.search(sentence):
            break
        if not (lead.match(sentence) if lead else is_deficiency(sentence)):
            break
        end = nxt
    return end


def _complete_part(sentence: str) -> str:
    """A sentence the text breaks off in, without the clause it breaks off in.

    >>> _complete_part("作风不实,管理有漏洞,工程")
    '作风不实,管理有漏洞'
    """
    cut = max(sentence.rfind(c) for c in ",;、")
    return sentence[:cut] if cut > 0 else ""


def _finding_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """`反馈指出,A不到位,B不规范。`: a findings sentence; every item must state a shortcoming."""
    out = []
    for m in _FINDING_CUE.finditer(match, start):
        out.append((m.end(), _extend_deficient(match, _sentence_end(match, m.end())), STRICT))
    return out


def _tail_lists(match: str, start: int, news: bool = True) -> list[tuple[int, int, str]]:
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
        s0 = _sentence_start(match, m.start())
        opens = list(_TAIL_OPEN.finditer(match, s0, m.start()))
        colon = max(match.rfind(":", s0, m.start()), match.rfind(";", s0, m.start()))
        # `专项巡察存在:A,B存在错误等问题`: an opener right before a colon opens the list,
        # a later one sits inside an item
        if any(o.end() <= colon and not match[o.end():colon].strip() for o in opens):
            opens = [o for o in opens if o.end() <= colon]
        reported = bool(opens) and bool(_REPORTED_OPEN.search(opens[-1].group(0)))
        if opens and not (news and reported) and \
                inline_patterns()["demand"].search(match, s0, opens[-1].start()):
            continue
        if opens:
            s = opens[-1].end()
            # a later ; starts the list, unless the list opens with an ordinal
            # (指出,一是A;二是B等问题): then its ; parts are the items
            if colon > s and not _ORDINAL_OPEN.match(match, s):
                s = colon + 1
        elif colon >= 0:
            s = colon + 1
        elif mode == NAMED:        # 其中,A、B等尤为突出: the sentence is the list
            s = s0
        else:
            continue
        if mode == LOOSE and ("方面" in m.group(0) or "情况" in m.group(0)):
            mode = STRICT
        out.append((s, m.start(), mode))
    return out


def _quoted_findings(match: str, start: int) -> list[tuple[int, int, str]]:
    """`针对巡视组指出的“A,B”问题`: the quote is the problem (one, or its clauses).

    >>> t = "针对巡视组指出的“对下属协会监管不力,干部兼职过多”问题,该部已整改。"
    >>> [t[a:b] for a, b, _ in _quoted_findings(t, 0)]
    ['对下属协会监管不力,干部兼职过多']
    """
    return [(m.start(1), m.end(1), STRICT) for m in _QUOTED_FINDING.finditer(match, start)]


def _some_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """`有的A;有的B` runs (two 有的 at least), also over sentences: 有的A。有的B。"""
    out = []
    pos = start
    while (m := _SOME.search(match, pos)):
        end = _extend_deficient(match, _sentence_end(match, m.start()), _SOME)
        if len(_SOME.findall(match, m.start(), end)) >= 2:
            out.append((m.start(), end, STRICT))
        pos = end + 1
    return out


def _ordinal_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """`一是A;二是B` in a sentence about problems (not suggestions)."""
    out = []
    for m in re.finditer(r"一是", match[start:]):
        at = start + m.start()
        s0 = _sentence_start(match, at)
        head = match[max(s0, at - 30):at]
        end = _ordinal_end(match, at, _sentence_end(match, at))
        if re.search(r"问题|不足|存在|发现", head) and not inline_patterns()["skip"].search(head) \
                and not inline_patterns()["demand"].search(head):
            out.append((at, end, STRICT))
    return out


def _exist_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """`X方面,主要存在A、B的情况;` clauses: the list runs to the clause end."""
    out = []
    for m in re.finditer(r"(?:主要|突出)存在(?:着)?", match[start:]):
        at = start + m.end()
        end = re.compile(r"[;。\n:]").search(match, at)
        if end and end.group(0) == ":":       # 主要存在以下问题: — a colon list
            continue
        out.append((at, end.start() if end else len(match), STRICT))
    return out


def _block_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """Lines that are nothing but shortcomings, with no cue before them: a line
    `A不到位;B不规范。` under a unit's name, or bullets `- A不到位` (see _bullet_lists)."""
    out = _bullet_lists(match, start)
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


def _bullet_lists(match: str, start: int) -> list[tuple[int, int, str]]:
    """Bullets that state a shortcoming, next to another bullet: one a line, or several
    on one line (` - A不到位 [2] - B有短板 [2]`, citation marks left out).

    >>> t = "反馈的主要问题 - 学习不深入,管理不规范 [2] - 作风不扎实 [2] 整改要求 - 要加强学习 [3]"
    >>> [t[a:b] for a, b, _ in _bullet_lists(t, 0)]
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


def _finished(match: str, s: int, e: int) -> int | None:
    """End of a list with the item the text breaks off in dropped, or None when
    nothing complete is left. A list the text ends in (no 。 after it) keeps its last
    item only when that ends in a whole predicate: `…有短板,对审计发现问题整改不够彻`
    loses its last clause, `A不到位、B有差距、发` its last `、` item."""
    if match[e:].strip() or (e and match[e - 1] in "。!?"):
        return e
    while e > s:
        clause = max(match.rfind(",", s, e), match.rfind(";", s, e), s - 1) + 1
        if is_deficiency(match[clause:e], closed=True):
            return e
        enum = match.rfind("、", clause, e)
        e = enum if enum > clause else clause - 1
    return None


def find_inline_spans(match: str, start: int = 0, news: bool = True) -> list[tuple[int, int]]:
    """Spans of problems listed inline in `match` (simplified text), in order.

    news: the text is feedback or summary news (see _tail_lists).

    >>> t = "会议指出,该局工作有成效。主要是:理论学习不深入;财务管理不规范,公车管理不严格。"
    >>> [t[a:b] for a, b in find_inline_spans(t)]
    ['理论学习不深入', '财务管理不规范', '公车管理不严格']
    >>> t = "但巡察也发现,仍存在议事决策不规范、资产管理不到位等问题。"
    >>> [t[a:b] for a, b in find_inline_spans(t)]
    ['议事决策不规范', '资产管理不到位']
    >>> t = "巡察发现,该局存在资金管理不规范,档案管理不到位,公车使用登记不"
    >>> [t[a:b] for a, b in find_inline_spans(t)]      # the text breaks off
    ['资金管理不规范', '档案管理不到位']
    """
    lists = sorted(_colon_lists(match, start) + _tail_lists(match, start, news)
                   + _some_lists(match, start) + _ordinal_lists(match, start)
                   + _exist_lists(match, start))
    # weakest cues: only over text no other list covers
    weakest = (_finding_lists, _block_lists) + ((_quoted_findings,) if news else ())
    blocks: set[tuple[int, int]] = set()
    for weak in weakest:
        found = [(s, e, mode) for s, e, mode in weak(match, start)
                 if not any(a < e and s < b for a, b, _ in lists)]
        lists += found
        if weak is _block_lists:
            blocks.update((s, e) for s, e, _ in found)
    spans: list[tuple[int, int]] = []      # kept sorted, never overlapping
    seen: set[str] = set()                  # a problem named again later is no new one
    for s, e, mode in lists:
        end = _finished(match, s, e)
        if end is None:
            continue
        # each unit's own line lists its problems: one found for another unit counts again
        known = set() if (s, e) in blocks else seen
        for a, b in find_items(match, s, end, mode):
            i = bisect.bisect_left(spans, (a, b))
            if (i > 0 and spans[i - 1][1] > a) or (i < len(spans) and spans[i][0] < b) \
                    or match[a:b] in known:
                continue
            spans.insert(i, (a, b))
            known.add(match[a:b])
            seen.add(match[a:b])
    return spans


def find_inline_problems(nt: NoticeText, news: bool = True) -> list[Problem]:
    """Problems listed inline in `nt` (主要是:A;B。 / 存在A、B等问题 ...).

    news: False for a notice read inline only because its outline gave nothing.
    """
    spans = find_inline_spans(nt.match, nt.body_start, news)
    return [Problem(i, nt.text[a:b], "", None, "unknown", a, b)
            for i, (a, b) in enumerate(spans, 1)]
