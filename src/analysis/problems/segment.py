"""Problems a notice lists, each with its rectification text, aspect and status.

`extract_problems(nt, doc_type)` reads the outline of a rectification or progress
notice (analysis.text.outline), or the running text of feedback news
(analysis.problems.inline), and returns one Problem per shortcoming fed back.

Outline rules (PATTERNS.md 6.1): a problem is the finest heading that names a
shortcoming: explicit (问题1., 关于“…”问题, a quoted statement), followed by a
rectification label (整改情况:), or ending in a deficiency predicate. Under an explicit
problem, numbered items are measures unless explicit themselves. Sections about how
the work was organised hold no problems; the list stops at 下一步 and the like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.document import Problem
from analysis.fields.context import NoticeText
from analysis.problems.inline import find_inline_problems
from analysis.problems.text import (
    clean_statement_span,
    is_deficiency,
    is_generic,
    read_vocabulary,
    starts_with_action,
    vocabulary_pattern,
)
from analysis.text.normalize import to_simplified
from analysis.text.outline import Heading, find_outline
from analysis.text.scan import finditer_where

INLINE_FIRST = {"feedback_news", "summary_news"}
NO_PROBLEMS = {"plan"}
_ASPECT = re.compile(r"方面(?:存在)?的?(?:问题)?(?:的?整改(?:落实)?(?:情况)?)?[。.:;,]?$")
_SECTION_OF_PROBLEMS = re.compile(r"(?:问题)?的?整改(?:落实)?情况$")
_GENERIC_SECTION = re.compile(r"巡察|巡视|反馈|整改|集中|具体|主要")
_MAX_WEAK = 100
_MAX_STATEMENT = 200


@dataclass
class _Node:
    """A heading with what the rules found out about it."""

    h: Heading
    parent: int | None
    stmt: tuple[int, int]
    rect_start: int
    explicit: bool = False      # 问题1., 关于“…”问题, a quoted statement
    labelled: bool = False      # followed by 整改情况: before the next heading
    strong: bool = False        # explicit or labelled
    weak: bool = False          # ends in a deficiency predicate
    aspect_like: bool = False
    excluded: bool = False
    accepted: bool = False
    is_problem: bool = False


@lru_cache(maxsize=2)
def _rect_label_pattern(anywhere: bool = False) -> re.Pattern:
    labels = vocabulary_pattern("problems_rect_labels.txt").pattern
    lead = "" if anywhere else r"(?:^|(?<=[\n。; ]))\s*"
    return re.compile(rf"{lead}(?:{labels})\s*[::]", re.M)


def _rect_label_at(match: str, start: int, end: int, anywhere: bool = False) -> re.Match | None:
    """First rectification label (整改情况:) at a line or sentence start in [start, end);
    anywhere: also glued to the text before it (a heading run into its label)."""
    if match.find(":", start, end) < 0:   # every label ends in one
        return None
    return _rect_label_pattern(anywhere).search(match, start, end)


def _build_nodes(match: str, headings: list[Heading]) -> list[_Node]:
    nodes: list[_Node] = []
    stack: list[int] = []
    for i, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        end = h.end
        label = _rect_label_at(match, h.body, h.end, anywhere=True)
        if label:
            end = label.start()
        s, e, quoted = clean_statement_span(match, h.body, end)
        node = _Node(h, stack[-1] if stack else None, (s, e), end)
        own_end = headings[i + 1].start if i + 1 < len(headings) else len(match)
        statement = match[s:e]
        node.aspect_like = bool(_ASPECT.search(match[h.body:h.end]))
        fits = s < e <= s + _MAX_STATEMENT
        node.explicit = fits and (h.kind in ("problem_num", "about") or quoted)
        node.labelled = fits and _rect_label_at(match, h.body, own_end) is not None
        node.strong = node.explicit or node.labelled
        node.weak = e - s <= _MAX_WEAK and (is_deficiency(statement)
                                            or _names_problem(match[h.body:end], statement))
        nodes.append(node)
        stack.append(i)
    return nodes


_ENDS_IN_PROBLEM = re.compile(r"问题[。.;:,]?$")
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")


def _names_problem(heading: str, statement: str) -> bool:
    """`(二)选人用人方面的问题` names a problem though no predicate ends it."""
    if not _ENDS_IN_PROBLEM.search(heading) or len(statement) < 4 or is_generic(statement):
        return False
    return not starts_with_action(_COMMA_OR_SEMICOLON.split(statement)[-1])


def _mark_excluded(nodes: list[_Node]) -> int | None:
    """Exclude organisation sections; return the index of the first stop heading."""
    org = vocabulary_pattern("problems_org_headings.txt")
    stop = vocabulary_pattern("problems_stop_headings.txt")
    stop_after = vocabulary_pattern("problems_stop_after.txt")
    seen_problem = False
    for i, node in enumerate(nodes):
        text = node.h.text
        if node.labelled and not (node.explicit or node.weak) and (
                org.search(text) or stop.search(text) or is_generic(text)):
            node.strong = node.labelled = False     # 总体情况 + 整改情况: is no problem
        if node.strong or node.weak:
            if node.parent is not None and nodes[node.parent].excluded:
                node.excluded = True
            seen_problem = seen_problem or not (node.excluded or node.aspect_like)
            continue
        if seen_problem and (stop.search(text) or stop_after.search(text)):
            return i
        parent_out = node.parent is not None and nodes[node.parent].excluded
        area = node.aspect_like or _names_area(text)     # 落实主体责任方面 holds problems
        node.excluded = parent_out or (not area and bool(org.search(text) or stop.search(text)))
    return None


def _soft_stops(match: str, start: int) -> list[int]:
    """Offsets of lines opening with 下一步, 欢迎广大 …: they end a rectification text."""
    pattern, words = _soft_stop_patterns()
    # every match holds one of the words and no 。: only their sentences are searched
    return [m.start() for m in finditer_where(pattern, match, words, pos=start)]


@lru_cache(maxsize=1)
def _soft_stop_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(the soft stops, their words alone)."""
    cues = vocabulary_pattern("problems_stop_lines.txt").pattern
    closing = vocabulary_pattern("problems_closing.txt").pattern
    return (re.compile(rf"(?m)^\s*(?:{cues}|{closing})|(?<=。)\s*(?:{closing})"),
            re.compile(f"{cues}|{closing}"))


def _accept(nodes: list[_Node], stop_at: int | None, soft: list[int]) -> None:
    """Decide which headings are problems: explicit under explicit, finest wins."""
    limit = len(nodes) if stop_at is None else stop_at
    first_soft = None
    for i, node in enumerate(nodes[:limit]):
        if node.excluded or node.aspect_like or not (node.strong or node.weak):
            continue
        if first_soft is None:
            first_soft = next((s for s in soft if s > node.h.start), -1)
        after_soft = first_soft not in (None, -1) and node.h.start > first_soft
        strong_above = any(nodes[a].strong and nodes[a].accepted for a in _ancestors(nodes, i))
        if (strong_above or after_soft) and not node.strong:
            continue
        if not node.strong and not _siblings_agree(nodes, i):
            continue
        node.accepted = True
    for i, node in enumerate(nodes):
        node.is_problem = node.accepted and not any(
            nodes[j].accepted for j in _descendants(nodes, i))


def _siblings_agree(nodes: list[_Node], i: int) -> bool:
    """A heading kept on its predicate alone needs most of its siblings to state
    shortcomings too: one measure that happens to end in 不彻底 is not a problem."""
    parent, level = nodes[i].parent, nodes[i].h.level
    siblings = [n for n in nodes if n.parent == parent and n.h.level == level
                and not n.excluded]
    if parent is None or len(siblings) < 3:
        return True
    return 2 * sum(1 for n in siblings if n.strong or n.weak) >= len(siblings)


def _ancestors(nodes: list[_Node], i: int) -> list[int]:
    out = []
    p = nodes[i].parent
    while p is not None:
        out.append(p)
        p = nodes[p].parent
    return out


def _descendants(nodes: list[_Node], i: int) -> list[int]:
    level = nodes[i].h.level
    out = []
    for j in range(i + 1, len(nodes)):
        if nodes[j].h.level <= level:
            break
        out.append(j)
    return out


def _aspect_of(nt: NoticeText, nodes: list[_Node], i: int) -> str | None:
    """Text of the nearest enclosing aspect heading (…方面, or a problem-like parent)."""
    for a in _ancestors(nodes, i):
        node = nodes[a]
        if node.aspect_like or node.accepted or node.weak or _names_area(node.h.text):
            s, e, _ = clean_statement_span(nt.match, node.h.body, node.h.end)
            cut = _ASPECT.search(nt.match, s, e)
            if cut and cut.start() > s:
                s2, e2, _ = clean_statement_span(nt.match, s, cut.start())
                s, e = s2, e2
            return nt.text[s:e] or None
    return None


def _names_area(heading: str) -> bool:
    """`群众身边腐败问题和不正之风整改情况` names an area; `巡察反馈问题整改情况` does not."""
    m = _SECTION_OF_PROBLEMS.search(heading)
    return bool(m) and m.start() >= 4 and not _GENERIC_SECTION.search(heading[:m.start()])


def _rect_end(nodes: list[_Node], i: int, hard: int, soft: list[int]) -> int:
    node = nodes[i]
    ends = [hard] + [s for s in soft if s > node.h.end]
    for j in range(i + 1, len(nodes)):
        if nodes[j].h.level <= node.h.level or nodes[j].is_problem:
            ends.append(nodes[j].h.start)
            break
    return min(ends)


def find_outline_problems(nt: NoticeText) -> list[Problem]:
    """Problems read from the outline headings of `nt` (rectification/progress form)."""
    match = nt.match
    headings = [h for h in find_outline(match) if h.start >= nt.body_start]
    nodes = _build_nodes(match, headings)
    stop_at = _mark_excluded(nodes)
    soft = _soft_stops(match, headings[0].start if headings else 0)
    _accept(nodes, stop_at, soft)
    hard = nodes[stop_at].h.start if stop_at is not None else len(match)
    out: list[Problem] = []
    for i, node in enumerate(nodes):
        if not node.is_problem:
            continue
        s, e = node.stmt
        r_end = _rect_end(nodes, i, hard, soft)
        rect = nt.text[node.rect_start:r_end].strip(" \n。,;:")
        out.append(Problem(len(out) + 1, nt.text[s:e], rect, _aspect_of(nt, nodes, i),
                           parse_status(nt.match[node.rect_start:r_end]), s, e))
    return out


def parse_status(rectification: str) -> str:
    """completed, in_progress or unknown from a rectification text (simplified).

    In-progress cues are checked first, so 尚未完成 never reads as 完成.

    >>> [parse_status(s) for s in ("已全部整改到位。", "正在推进招标。", "完善制度3项。",
    ...                            "尚未完成整改,已制定计划。")]
    ['completed', 'in_progress', 'unknown', 'in_progress']
    """
    for status, phrases in _status_phrases():
        if any(phrase in rectification for phrase in phrases):
            return status
    return "unknown"


@lru_cache(maxsize=1)
def _status_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(status, its non-empty phrases) for in_progress then completed (problems_status.txt)."""
    rows = [ln.split("\t", 1) for ln in read_vocabulary("problems_status.txt")]
    return tuple((status, tuple(phrase for st, phrase in rows if st == status and phrase))
                 for status in ("in_progress", "completed"))


def _looks_like_plan(nt: NoticeText) -> bool:
    """A plan or a forwarding notice (印发《…实施方案》的通知), judged from its opening."""
    opening = to_simplified(nt.title) + "\n" + nt.match[:400]
    return bool(vocabulary_pattern("problems_plan_cues.txt").search(opening))


def extract_problems(nt: NoticeText, doc_type: str | None = None) -> list[Problem]:
    """The problems `nt` lists, in order, numbered from 1.

    doc_type decides the reading: feedback and summary news first look for inline lists
    (主要是:A;B。 / 存在A、B等问题), notices first read their outline; each falls back
    on the other. A plan lists no problems.
    """
    if doc_type in NO_PROBLEMS or (doc_type is None and _looks_like_plan(nt)):
        return []
    if doc_type in INLINE_FIRST:
        found = find_inline_problems(nt)
        if not found:
            found = find_outline_problems(nt)
            for p in found:         # news text after a numbered line is no rectification
                p.rectification, p.status = "", "unknown"
    else:
        found = find_outline_problems(nt)
        if not found and doc_type != "other":
            found = find_inline_problems(nt, news=False)
    for no, p in enumerate(found, 1):
        p.problem_no = no
    return found
