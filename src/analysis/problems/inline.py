"""Problems written inside running text (feedback and summary news), PATTERNS.md 6.2.

The lists are found by analysis.problems.cued (lists a cue word opens: 主要是:, 问题 …
建议, 存在A、B等问题, 巡察发现 …) and analysis.problems.runs (有的…有的…, 一是…二是…,
lines of shortcomings), and cut into items by analysis.problems.items. Where lists
overlap the first found wins; a list cut off by the end of the text loses the item it
breaks off in. Not problems: the 意见建议 that follow, leaders' 要… demands, the clue
sentence (问题线索…已移交), the praise before 但.
"""
from __future__ import annotations

import bisect

from analysis.document import Problem
from analysis.fields.context import NoticeText
from analysis.problems.cued import (
    colon_lists,
    exist_lists,
    finding_lists,
    label_lists,
    quoted_findings,
    tail_lists,
)
from analysis.problems.items import find_items
from analysis.problems.runs import block_lists, ordinal_lists, some_lists
from analysis.problems.text import is_deficiency


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
    lists = sorted(colon_lists(match, start) + label_lists(match, start)
                   + tail_lists(match, start, news) + some_lists(match, start)
                   + ordinal_lists(match, start) + exist_lists(match, start))
    # weakest cues: only over text no other list covers
    weakest = (finding_lists, block_lists) + ((quoted_findings,) if news else ())
    blocks: set[tuple[int, int]] = set()
    for weak in weakest:
        found = [(s, e, mode) for s, e, mode in weak(match, start)
                 if not any(a < e and s < b for a, b, _ in lists)]
        lists += found
        if weak is block_lists:
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
