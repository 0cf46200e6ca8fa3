"""Measures, rules and people handled (PATTERNS.md 5.4, 5.5, 5.7; traps 1, 3, 4, 9, 10).

Each finder returns Candidates for `headline_base.choose`:
- measures: `制定了82条具体整改措施`, `制定措施38个`, `提出66项整改任务` (tasks the unit
  sets itself count; tasks it only 分解/梳理 do not); a leader's share is skipped;
- rules: `建立完善制度38项`, `先后制定、完善27项制度`, `建章立制4个`; rules the unit
  urged others to make (督促/指导 ...) are skipped, `A、B等制度8项` is a subset;
- people: one stated total (`…责令检查共17人`, `教育谈话28人`); a sentence listing
  several handling counts without 共/合计 gives nothing (never summed).
"""
from __future__ import annotations

import re
from functools import cache

from analysis.fields.context import NoticeText
from analysis.fields.headline_base import (
    NUM,
    Candidate,
    clause_before,
    cue_ahead,
    cue_regex,
    find_in_body,
    has_cue,
    is_headline,
    num_ahead,
    sentence_span,
    to_int,
)

_APPROX = r"(?:余|多)?"


@cache
def _measure_regexes() -> tuple[re.Pattern, ...]:
    nouns = cue_regex("measure_nouns")
    return (re.compile(rf"{num_ahead('余多条项个')}(?P<n>{NUM}){_APPROX}(?:条|项|个)(?:具体)?的?{nouns}"),
            re.compile(rf"(?=[整措举])(?:整改)?(?:措施|举措)(?:共|共计)?(?P<n>{NUM}){_APPROX}(?:条|项|个)"),
            re.compile(rf"{cue_regex('measure_task_verbs')}了?[^,。;]{{0,8}}?"
                       rf"(?P<n>{NUM}){_APPROX}(?:条|项|个)(?:具体)?的?整改任务"))


@cache
def _rule_regexes() -> tuple[re.Pattern, ...]:
    verbs, nouns = cue_regex("rule_verbs"), cue_regex("rule_nouns")
    return (re.compile(rf"(?P<v>{verbs})(?P<mid>[^,。;:]{{0,30}}?){nouns}"
                       rf"(?:共|共计|合计)?(?P<n>{NUM}){_APPROX}(?:项|个|条|件|份|部)"),
            re.compile(rf"(?P<v>{verbs})(?:[、和及与并]?{verbs})*了?(?:相关|各类)?(?:共|累计)?"
                       rf"(?P<n>{NUM}){_APPROX}(?:项|个|条|件|份|部)(?P<mid>[^,。;]{{0,6}}?)"
                       rf"(?:规章制度|制度)"),
            re.compile(rf"(?P<v>建章立制)(?P<mid>)(?:共|共计)?(?P<n>{NUM}){_APPROX}(?:项|个|条)"))


@cache
def _people_regexes() -> tuple[re.Pattern, ...]:
    words, who = cue_regex("handling"), cue_regex("handled_people")
    total, ahead = cue_regex("total_markers"), cue_ahead("total_markers", "handling")
    return (re.compile(rf"{ahead}(?P<tot0>{total})?(?P<w>{words}(?:[、和及与]?{words})*)了?{who}?"
                       rf"(?P<tot>{total})?(?P<n>{NUM}){_APPROX}(?:人次|人|名)"),
            re.compile(rf"(?:对|给予)(?:{who})?(?P<n>{NUM}){_APPROX}(?:人|名){who}?"
                       rf"(?:进行|予以|给予|作出|实施)?了?(?P<w>{words})"))


@cache
def _word_pattern(name: str) -> re.Pattern:
    """The cue list `name` as a pattern: a needle for headline_base.find_in_body."""
    return re.compile(cue_regex(name))


def find_measures(nt: NoticeText) -> list[Candidate]:
    """Measure-count candidates (trap 1: 分解/梳理 tasks skipped; trap 3: shares skipped)."""
    out = []
    # a word each match holds, and the characters none holds (see find_in_body)
    needles = ((_word_pattern("measure_nouns"), ",。"), (re.compile("措施|举措"), ",。"), ("任务", ",。;"))
    for rx, (needle, stop) in zip(_measure_regexes(), needles, strict=True):
        for m in find_in_body(rx, nt, needle, stop):
            clause = clause_before(nt.match, m.start())
            if has_cue("leader_share", clause) or has_cue("leader_share", m.group(0)):
                continue
            if "任务" in m.group(0) and has_cue("refined", clause + m.group(0)):
                continue
            _add(out, nt, m)
    return _dedupe(out)


def find_rules(nt: NoticeText) -> list[Candidate]:
    """Rule-count candidates (trap 4: others' rules skipped, enumerated rules a subset)."""
    out = []
    needles = ((None, ""), ("制度", ",。;"), (None, ""))
    for rx, (needle, stop) in zip(_rule_regexes(), needles, strict=True):
        for m in find_in_body(rx, nt, needle, stop):
            before = clause_before(nt.match, m.start()) + m.group("v")
            if _by_others(before):
                continue
            _add(out, nt, m, subset=_enumerates(m.group("mid")))
    return _dedupe(out)


def _by_others(before: str) -> bool:
    """True when rules are made by someone the unit urged (督促相关部门健全…); a cue
    right before the unit's own verb (推动完善制度12项) names no one else.

    >>> _by_others("督促相关部门健全"), _by_others("推动完善"), _by_others("指导下属单位建立")
    (True, False, True)
    """
    return re.search(f"{cue_regex('third_party')}(?!{cue_regex('rule_verbs')})", before) is not None


def _enumerates(mid: str) -> bool:
    """True when the words between verb and 制度 name particular rules (A、B等制度).

    >>> _enumerates("食堂管理、捐赠管理等"), _enumerates("、修订"), _enumerates("和完善相关")
    (True, False, False)
    """
    rest = re.sub(rf"[、和及与并]?{cue_regex('rule_verbs')}", "", mid)
    return bool(re.search(r"等|、", rest))


def find_people(nt: NoticeText) -> list[Candidate]:
    """People-handled candidates: one per sentence that states a single total."""
    by_sentence: dict[tuple[int, int], list[tuple[re.Match, bool]]] = {}
    for rx, needle in zip(_people_regexes(), (_word_pattern("handling"), None), strict=True):
        for m in find_in_body(rx, nt, needle, ",。"):
            total = bool(m.groupdict().get("tot") or m.groupdict().get("tot0"))
            by_sentence.setdefault(sentence_span(nt.match, m.start(), m.end()), []).append(
                (m, total))
    out = []
    for items in by_sentence.values():
        # 共诫勉谈话3人、批评教育1人: a 共 before the first item of a list is no total
        totals = [m for m, total in items
                  if total and not (m.group("tot0") and not m.groupdict().get("tot")
                                    and nt.match[m.end():m.end() + 1] == "、")]
        if totals:
            _add(out, nt, totals[0])
        elif len({(m.start(), m.end()) for m, _ in items}) == 1:
            _add(out, nt, items[0][0])
        # several counts and no total: a list, never summed (PATTERNS 5.7)
    return _dedupe(out)


def _add(out: list[Candidate], nt: NoticeText, m: re.Match, subset: bool = False) -> None:
    n = to_int(m.group("n"))
    if n:
        out.append(Candidate(n, m.start(), m.end(), is_headline(nt, m.start(), m.end()), subset))


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates overlapping an earlier one (two patterns on one phrase)."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if not any(c.start < o.end and o.start < c.end for o in out):
            out.append(c)
    return out
