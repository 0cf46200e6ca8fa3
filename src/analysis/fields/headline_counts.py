"""Problem counts: problems_total, aspects_total (PATTERNS.md 5.1, traps 1-3, 7, 8).

A count chain ends in 问题: `3个方面10项内容26个具体问题` -> problems 26 (the last count
before 问题), aspects 3 (the first); `2项9个问题` -> 9 and 2 (项 are aspects when a 个
count follows). A chain counts only when the problems were fed back: a 反馈/指出/提出
cue in its clause (or, after 等, in its sentence), or the unit's own 细化/分解 of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.fields.context import NoticeText
from analysis.fields.headline_base import (
    NUM,
    Candidate,
    choose,
    clause_before,
    cue_regex,
    find_in_body,
    has_cue,
    is_headline,
    num_ahead,
    to_int,
    window_before,
)

_MAX_ASPECTS = 30  # more than this before 具体问题 is two numbers glued (318个方面)


@dataclass
class ProblemCount:
    """problems / aspects read from one chain."""

    problems: int | None
    aspects: int | None


@cache
def _chain_regex() -> re.Pattern:
    # 2个方面细化分解了10个问题: the unit's own split of the fed-back aspects (5.1)
    sep = r"(?:的|存在的|、|,|共|共计|中|包括|细化分解(?:了|为|成)?|细化(?:了|为|成)?|分解(?:了|为|成)?)*"
    aspect = rf"(?P<a>{NUM})个?大?(?:方面|类|大类)"
    middle = rf"(?P<m>{NUM})(?P<mu>个|项)(?:大项|内容|方面)?"
    problem = rf"(?P<p>{NUM}){_problem_unit('?P<src>')}"
    return re.compile(rf"{num_ahead('个大方类项条')}(?:{aspect}{sep})?(?:{middle}{sep})?{problem}")


def _problem_unit(source_group: str = "?:") -> str:
    """What follows a problem count, up to 问题 (个巡察反馈问题); `source_group` opens the
    group of the body that fed them back (?P<src> to name it)."""
    # 46个省委巡视反馈问题: the body that fed them back between the count and 问题
    source = (rf"({source_group}(?:{cue_regex('inspecting_bodies')})?(?:巡视|巡察)组?"
              rf"(?:{cue_regex('fed_back')})的?)")
    return rf"(?:个|项|类|条)(?:大项)?的?{source}?(?:{cue_regex('problem_modifiers')})?的?问题"


@cache
def _chain_needle() -> re.Pattern:
    """The end of every match of _chain_regex (个问题, 项巡察反馈问题)."""
    return re.compile(_problem_unit())


@cache
def _plain_regex() -> re.Pattern:
    return re.compile(rf"{cue_regex('fed_back')}了?的?(?:巡察|巡视)?(?:各类|具体|主要)?问题"
                      rf"(?:共|共计|合计|总计)?(?P<p>{NUM})(?:个|项|条)(?!大项|方面)")


@cache
def _tasks_regex() -> re.Pattern:
    # 六个方面18项整改任务已全部整改到位: what was fed back, written as tasks (trap 1)
    return re.compile(rf"{num_ahead('个大方')}(?P<a>{NUM})个?大?方面的?(?P<p>{NUM})(?:个|项)(?:整改)?任务")


@cache
def _aspects_only_regex() -> re.Pattern:
    # 6大类17个方面的问题: the first, coarsest count is the aspects (as in a chain)
    return re.compile(rf"{num_ahead('个大方')}(?:(?P<a0>{NUM})个?大类、?)?"
                      rf"(?P<a>{NUM})个?大?方面的?(?:具体|主要|突出)?问题")


@cache
def _aspects_shown_regex() -> re.Pattern:
    """`问题主要表现在三个方面:一是…` / `从六个方面反馈了巡视发现的问题`: the aspects the
    findings fall into."""
    return re.compile(rf"问题[^。;]{{0,8}}?表现(?:在|为)(?P<a>{NUM})个?大?方面"
                      rf"|从(?P<a2>{NUM})个?大?方面(?:{cue_regex('fed_back')})了?[^。;]{{0,12}}?问题")


@cache
def _aspects_of_measures_regex() -> re.Pattern:
    """`聚焦5个方面,制定186条整改措施`: the fed-back aspects the measures answer."""
    return re.compile(rf"聚焦(?:反馈的?)?(?P<a>{NUM})个?大?方面[^。;]{{0,6}}?(?:制定|提出|细化|明确)"
                      r"[^。;]{0,12}?(?:措施|举措)")


def _fed_back(text: str, start: int, num_start: int, strong: bool = False) -> bool:
    """True when the count matched at `start` (its number at `num_start`) was fed back.

    A `strong` chain (N个方面M个问题, M个具体问题) is the headline count unless its
    clause says the unit found the problems itself (查摆, 自查 ...).
    """
    clause = clause_before(text, num_start)
    sentence = window_before(text, start)
    if has_cue("leader_share", clause) or has_cue("earlier_round", sentence):
        return False
    if has_cue("fed_back", clause):
        return True
    if has_cue("self_examined", sentence):
        return False  # the unit's own 自查/查摆, not what was fed back
    if has_cue("refined", clause):
        return True
    if strong:
        return not has_cue("found", clause)
    # 指出了A,B,C等16个问题 / 巡察组指出,该局还存在21个问题: the cue sits earlier
    lead = clause_before(text, start)
    return (lead.endswith("等") or "存在" in lead) and has_cue("fed_back", sentence)


def _count(m: re.Match) -> ProblemCount | None:
    groups = m.groupdict()
    problems = to_int(groups["p"])
    aspects = to_int(groups["a"]) if groups.get("a") else None
    if aspects is None and groups.get("m") and groups.get("mu") == "项":
        aspects = to_int(groups["m"])
    if problems is None or problems == 0:
        return None
    if aspects is not None and (aspects == 0 or aspects > _MAX_ASPECTS or aspects > problems):
        aspects = None
    return ProblemCount(problems, aspects)


def find_problem_counts(nt: NoticeText) -> list[Candidate]:
    """Every fed-back problem count, as Candidates whose value is a ProblemCount."""
    text, out = nt.match, []
    # (a word each match holds, and the characters none holds: see find_in_body)
    for regex, needle, stop in ((_chain_regex(), _chain_needle(), "。"), (_plain_regex(), None, ""),
                                (_tasks_regex(), "任务", ",。")):
        for m in find_in_body(regex, nt, needle, stop):
            count = _count(m)
            strong = (bool(m.groupdict().get("a") or m.groupdict().get("src"))
                      or "具体问题" in m.group(0))
            if count is None or not _fed_back(text, m.start(), m.start("p"), strong):
                continue
            if "任务" in m.group(0) and has_cue("refined", clause_before(text, m.start())):
                continue  # the unit's own 分解 into tasks (trap 1)
            out.append(Candidate(count, m.start(), m.end(), is_headline(nt, m.start(), m.end()),
                                 _of_other_units(text, m.start("p"))))
    return sorted(out, key=lambda c: c.start)


@cache
def _units_regex() -> re.Pattern:
    return re.compile(rf"{num_ahead('个家所户')}{NUM}(?:个|家|所|户)(?:{cue_regex('unit_nouns')})")


def _of_other_units(text: str, num_start: int) -> bool:
    """True when the clause of a count names a count of units (向9个村级党组织反馈问题共63个):
    the units' problems, which give the total only when nothing else does.

    >>> _of_other_units("巡察组对镇属9个村级党组织反馈问题共63个", 18)
    True
    >>> _of_other_units("巡察组反馈了3个方面12个问题", 10)
    False
    """
    return _units_regex().search(clause_before(text, num_start)) is not None


def find_aspects_only(nt: NoticeText) -> list[Candidate]:
    """`反馈意见中提及的9个方面问题`: an aspect count with no problem count."""
    out = []
    for m in find_in_body(_aspects_only_regex(), nt, "方面", ",。"):
        aspects = to_int(m.group("a0") or m.group("a"))
        if aspects and aspects <= _MAX_ASPECTS and _fed_back(nt.match, m.start(), m.start()):
            out.append(Candidate(aspects, m.start(), m.end(), is_headline(nt, m.start(), m.end())))
    for m in [*_aspects_of_measures_regex().finditer(nt.match, nt.body_start),
              *_aspects_shown_regex().finditer(nt.match, nt.body_start)]:
        aspects = to_int(m.group("a") or m.groupdict().get("a2") or "")
        if aspects and aspects <= _MAX_ASPECTS:
            out.append(Candidate(aspects, m.start(), m.end(), is_headline(nt, m.start(), m.end())))
    return out


# the rest of a count's sentence says it is done: 已完成, 均已整改到位 ...
_ALREADY_DONE = re.compile(r"[^。;]{0,40}?(?:[已均]已?|全部)(?:完成|整改|销号)")


def pick_problem_count(nt: NoticeText, feedback_news: bool = False) -> Candidate | None:
    """The problem count of the notice; a finer 细化 count right after a coarse one wins.

    `4个方面10类问题…细化成33个具体问题` -> 33 problems, 4 aspects. In feedback news a
    count already rectified (`…分解出的22个具体问题均已完成`) belongs to an earlier round
    (PATTERNS trap 8) and is skipped.
    """
    cands = find_problem_counts(nt)
    if feedback_news:
        cands = [c for c in cands if not _ALREADY_DONE.match(nt.match, c.end)]
    first = choose([Candidate(c.value.problems, c.start, c.end, c.headline, c.subset, c.value)
                    for c in cands])
    if first is None:
        return None
    count: ProblemCount = first.extra
    for later in cands:
        finer: ProblemCount = later.value
        if (first.end <= later.start <= first.end + 200 and finer.problems > count.problems
                and has_cue("refined", clause_before(nt.match, later.start))):
            merged = ProblemCount(finer.problems, finer.aspects or count.aspects)
            return Candidate(merged, first.start, later.end, True)
    return Candidate(count, first.start, first.end, first.headline)
