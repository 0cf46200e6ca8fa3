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
from analysis.problems_text import (is_bare_predicate, is_deficiency, read_vocabulary,
                                    strip_quotes)

_NUM = r"[\d一二三四五六七八九十百两]+"
_COUNT_TAIL = (r"(?:" + _NUM + r"(?:个|项|类|条))?(?:的)?(?:方面)?(?:的)?"
               r"(?:主要|突出|具体|共性)?(?:的)?")
_DEGREE = r"(?:较为|比较|较|十分|尤为|更为|最为)?"
_TAIL_CUE = re.compile(
    r"等(?:" + _NUM + r"(?:个|项|类|条|方面))?(?:的)?(?:方面)?(?:的)?" + _DEGREE
    + r"(?:主要|突出|具体|共性)?(?:的)?(?:问题|不足|短板|情况)(?!线索)")
# a count right after the list, no 等: 存在A、B、C“三大问题” / A、B两个问题
_COUNT_CUE = re.compile(
    r"(?<=[^\d一二三四五六七八九十两,:;。、])[“\"]?" + _NUM
    + r"(?:大|个|类|项)(?:主要|突出|具体)?问题[”\"]?(?!线索)")
_FINDING_CUE = re.compile(
    r"(?:反馈|巡察|巡视)(?:组)?(?:中)?(?:意见)?(?:也|还)?(?:指出|发现|认为)(?:了)?"
    r"(?:\s*[,:]|(?![的了问一]))"
    r"|从(?:本轮)?(?:巡察|巡视)(?:反馈)?的?情况(?:来)?看\s*,")
_TAIL_OPEN = re.compile(r"(?:存在|发现|指出|反馈|包括|涉及)(?:了|的|着)?")
# the list is what the inspection reported (巡视反馈的A等问题): a demand around it
# (针对…, 要解决…) does not make it one
_REPORTED_OPEN = re.compile(r"(?:反馈|指出|发现)的$")
# only areas: 在A、B等方面(均)存在一些问题 names no shortcoming
_AREAS = re.compile(r"等?方面(?:均|都|还|也|仍)?(?:不同程度地?)?存在(?:着)?"
                    r"(?:一些|一定的?|部分|不少|某些|诸多)?(?:的)?(?:问题|不足|短板|差距)")
# subjects before the first item: 党的建设方面存在A / 各单位还不同程度地存在着A
_EXIST_SUBJECT = re.compile(
    r"(?:[^,;、。:]{0,16}?(?:方面|单位|党组织|党委|党组|党工委|党总支|学院|学校|部门|"
    r"局|院|委|办|中心|公司|集团|镇|乡|村|街道|社区))?"
    r"(?:还|仍然?|也|均|都|普遍)*(?:不同程度地?)?(?:还|仍|也|均)?存在(?:着)?")
# an organisation named before the first item: 院党委A / 浦楼街道A
_ORG_SUBJECT = re.compile(
    r"[^,;、。:\s“”]{1,6}?(?:党委|党组|党工委|党总支|街道)(?!织|书记|副书记|成员|委员|会|的|和|及|、)")
_SUBJECT_VERBS = re.compile(r"落实|履行|执行|发挥|贯彻|推动|加强|压实|对|向|与|和|在")
_SOME = re.compile(r"有的")
_NOT_ITEM = re.compile(r"^(?:要|建议|希望|强调|会议|请)|意见建议|下一步")
_MARKER = (r"[一二三四五六七八九十]{1,2}是|[一二三四五六七八九十]{1,2}、|"
           r"\([一二三四五六七八九十]{1,2}\)|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]")
_ORD_START = re.compile(rf"\s*(?:{_MARKER})")
_TAIL = re.compile(r"(?:等" + _COUNT_TAIL + _DEGREE + r"(?:主要|突出)?(?:的)?"
                   r"(?:问题|不足|短板|情况|现象)?|的(?:问题|情况))$")
_TURN = re.compile(r",\s*(?:但是?|然而|不过)")
_ITEM_MAX = 90
_ENUM_MAX = 34       # 90% of problem statements are this short (PATTERNS 6.1)
_ITEM_MIN = 4


def _alternation(name: str) -> str:
    return "|".join(f"(?:{p})" for p in sorted(read_vocabulary(name), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Patterns built from the resources/problems_inline_*.txt vocabularies."""
    cues = _alternation("problems_inline_cues.txt")
    return {
        "colon": re.compile(rf"(?:{cues})\s*[::]|(?:问题|不足|短板)\s*,\s*(?:如|比如|例如)\s*"
                            r"|(?<=问题|不足|短板),\s*(?:主要|具体)(?:是|有|表现为|表现在|包括)\s*[::]?"),
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
    """Remove lead-ins, subjects, tails, stray quotes and punctuation around an item span."""
    for _ in range(4):
        while s < e and match[s] in " ,;:、。":
            s += 1
        while e > s and match[e - 1] in " ,;:、。.":
            e -= 1
        lead = _patterns()["lead"].match(match, s, e)
        if lead and lead.end() > s:
            s = lead.end()
            continue
        subject = _subject_end(match, s, e)
        if subject > s:
            s = subject
            continue
        tail = _TAIL.search(match[s:e])
        if tail and tail.start() > 0 and tail.group(0):
            e = s + tail.start()
            continue
        break
    return _balance_quotes(match, s, e)


def _subject_end(match: str, s: int, e: int) -> int:
    """End of a subject in front of an item (党的建设方面存在A, 院党委A), or s.

    The rest must still be an item of its own: five characters at least.
    """
    m = _EXIST_SUBJECT.match(match, s, e)
    if not m or m.end() == s:
        m = _ORG_SUBJECT.match(match, s, e)
        if m and _SUBJECT_VERBS.search(match, s, m.end() - 2):
            return s
    return m.end() if m and m.end() > s and e - m.end() >= 5 else s


def _balance_quotes(match: str, s: int, e: int) -> tuple[int, int]:
    """Drop a quote left open or closed alone at either end (“A,B” split on the comma),
    and the quotes around a whole quoted shortcoming (“A有不足”, not “小官巨腐”)."""
    item = match[s:e]
    if strip_quotes(item) != item and is_deficiency(item[1:-1]):
        return s + 1, e - 1
    if item.startswith("“") and item.count("“") > item.count("”"):
        s += 1
    elif item.endswith("”") and item.count("”") > item.count("“"):
        e -= 1
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
    if len(items) > 1 and all(_ITEM_MIN <= b - a <= _ENUM_MAX and is_deficiency(match[a:b])
                              and not is_bare_predicate(match[a:b]) for a, b in items):
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
    for a, b in _split_quotes(match, _split_on(match, s, e, ";。")):
        if ordinal and not _ORD_START.match(match, a):
            continue
        if _AREAS.search(match, a, b):
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


def _split_quotes(match: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut between two quoted items written back to back (“A,B”“C”) when the first
    quote holds a whole shortcoming; “三超两乱”“三龄两历”整治不彻底 stays one."""
    out = []
    for a, b in spans:
        for m in re.finditer(r"”(?=“)", match[a:b]):
            close = a + m.start()
            open_ = match.rfind("“", a, close)
            if open_ >= 0 and is_deficiency(match[open_ + 1:close]):
                out.append((a, close + 1))
                a = close + 1
        out.append((a, b))
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


def _tail_lists(match: str, start: int, news: bool = True) -> list[tuple[int, int, bool]]:
    """(start, end, strict) of `存在A、B等问题` lists; areas (等方面) must state shortcomings.

    news: in news, `针对巡视反馈的A、B等问题` reports the findings; in a notice it only
    introduces the measures, and the problems are listed elsewhere.
    """
    out = []
    cues = [(m, False) for m in _TAIL_CUE.finditer(match, start)]
    cues += [(m, True) for m in _COUNT_CUE.finditer(match, start)]
    for m, counted in sorted(cues, key=lambda c: c[0].start()):
        s0 = _sentence_start(match, m.start())
        opens = list(_TAIL_OPEN.finditer(match, s0, m.start()))
        colon = max(match.rfind(":", s0, m.start()), match.rfind(";", s0, m.start()))
        # `专项巡察存在:A,B存在错误等问题`: an opener right before a colon opens the list,
        # a later one sits inside an item
        if any(o.end() <= colon and not match[o.end():colon].strip() for o in opens):
            opens = [o for o in opens if o.end() <= colon]
        reported = bool(opens) and bool(_REPORTED_OPEN.search(opens[-1].group(0)))
        if opens and not (news and reported) and \
                _patterns()["demand"].search(match, s0, opens[-1].start()):
            continue
        if opens:
            s = opens[-1].end() if not colon > opens[-1].end() else colon + 1
        elif colon >= 0:
            s = colon + 1
        else:
            continue
        strict = counted or "方面" in m.group(0) or "情况" in m.group(0)
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


def _exist_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """`X方面,主要存在A、B的情况;` clauses: the list runs to the clause end."""
    out = []
    for m in re.finditer(r"(?:主要|突出)存在(?:着)?", match[start:]):
        at = start + m.end()
        end = re.compile(r"[;。\n:]").search(match, at)
        if end and end.group(0) == ":":       # 主要存在以下问题: — a colon list
            continue
        out.append((at, end.start() if end else len(match), True))
    return out


_BULLET = re.compile(r"[ \t]*[-•·●▪][ \t]*")


def _block_lists(match: str, start: int) -> list[tuple[int, int, bool]]:
    """Lines that are nothing but shortcomings, with no cue before them: a line
    `A不到位;B不规范。` under a unit's name, or bullet lines `- A不到位`."""
    out = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", match[start:])]
    lines = [(start + a, start + b) for a, b in lines]
    for i, (a, b) in enumerate(lines):
        bullet = _BULLET.match(match, a)
        if bullet:
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(_BULLET.match(match, lines[j][0]) for j in near) and \
                    is_deficiency(match[bullet.end():b].rstrip("。;")):
                out.append((bullet.end(), b, True))
            continue
        parts = [match[c:d] for c, d in _split_on(match, a, b, ";。") if match[c:d].strip()]
        if len(parts) >= 2 and all(len(p) <= _ITEM_MAX and is_deficiency(p) for p in parts):
            out.append((a, b, True))
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
    for weak in (_finding_lists, _block_lists):
        lists += [(s, e, strict) for s, e, strict in weak(match, start)
                  if not any(a < e and s < b for a, b, _ in lists)]
    spans: list[tuple[int, int]] = []      # kept sorted, never overlapping
    for s, e, strict in lists:
        end = _finished(match, s, e)
        if end is None:
            continue
        for a, b in _items(match, s, end, strict):
            i = bisect.bisect_left(spans, (a, b))
            if (i > 0 and spans[i - 1][1] > a) or (i < len(spans) and spans[i][0] < b):
                continue
            spans.insert(i, (a, b))
    return spans


def find_inline_problems(nt: NoticeText, news: bool = True) -> list[Problem]:
    """Problems listed inline in `nt` (主要是:A;B。 / 存在A、B等问题 ...).

    news: False for a notice read inline only because its outline gave nothing.
    """
    spans = find_inline_spans(nt.match, nt.body_start, news)
    return [Problem(i, nt.text[a:b], "", None, "unknown", a, b)
            for i, (a, b) in enumerate(spans, 1)]
