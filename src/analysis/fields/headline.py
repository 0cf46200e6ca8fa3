"""Headline figures of a notice: problem counts, progress, measures, rules, money, people.

`extract_headline_fields` returns one Fact per field it can read (problems_total,
aspects_total, problems_completed, problems_in_progress, completion_rate,
measures_total, rules_total, recovered_wan, people_handled, anonymized) plus one
`amount` Fact per money figure stated as recovered, returned or involved.

Where figures are read and which one wins is documented in `headline_base` (the
precedence rule) and in each helper module: `headline_counts` (problems, aspects),
`headline_progress` (completed, in progress, rate), `headline_figures` (measures,
rules, people), `headline_money` (amounts, recovered_wan); `consistency` then drops
problem figures that contradict each other and says why in `figure_doubts`. Captions
and page furniture below the notice are blanked first (`headline_base.figure_text`).
Patterns run on the simplified copy `nt.match`; spans index `nt.text`. Derived values (completed = total
after 均已完成整改, a computed rate) carry a span over the phrases they come from.
"""
from __future__ import annotations

import re

from analysis.document import Fact
from analysis.fields.consistency import check_figures
from analysis.fields.context import NoticeText
from analysis.fields.headline_base import Candidate, choose, figure_text
from analysis.fields.headline_counts import find_aspects_only, pick_problem_count
from analysis.fields.headline_figures import find_measures, find_people, find_rules
from analysis.fields.headline_money import find_money, pick_recovered
from analysis.fields.headline_progress import find_progress
from analysis.text.scan import finditer_where

# XX, X月, 202X年, X元, ××局: a placeholder before a Chinese character; not X光/X线
# (?=[12X×]): where a placeholder can start; other positions fail at once (same matches)
_PLACEHOLDER = re.compile(r"(?=[12X×])(?:(?<![A-Za-z0-9])(?:[12]\d{2}X|X{1,4}|×{1,4})"
                          r"(?=[\u4e00-\u9fff])(?![光线射])"
                          r"|(?<=[\u4e00-\u9fff])(?:X{2,4}|×{2,4})(?![A-Za-z]))")
_X = re.compile("[X×]")


def extract_headline_fields(nt: NoticeText, found: dict[str, Fact]) -> list[Fact]:
    """Headline count and money facts of one notice (see the module docstring)."""
    facts: list[Fact] = []
    doc_type = found.get("doc_type")
    figures = figure_text(nt)
    facts += check_figures(nt, _problem_facts(
        figures, doc_type is not None and doc_type.value == "feedback_news"))
    facts += _figure_facts(figures)
    facts += _money_facts(figures)
    facts.append(extract_anonymized(nt))
    return facts


def _fact(nt: NoticeText, field: str, cand: Candidate | None, unit: str) -> list[Fact]:
    if cand is None or cand.value is None:
        return []
    return [nt.fact(field, cand.value, unit, cand.start, cand.end)]


def _problem_facts(nt: NoticeText, feedback_news: bool) -> list[Fact]:
    count = pick_problem_count(nt, feedback_news)
    facts: list[Fact] = []
    total = None
    if count is not None:
        total = Candidate(count.value.problems, count.start, count.end, count.headline)
        facts += _fact(nt, "problems_total", total, "个")
        if count.value.aspects is not None:
            facts += _fact(nt, "aspects_total",
                           Candidate(count.value.aspects, count.start, count.end), "个")
    if not any(f.field == "aspects_total" for f in facts):
        facts += _fact(nt, "aspects_total", choose(find_aspects_only(nt)), "个")
    progress = find_progress(nt, total)
    facts += _fact(nt, "problems_completed", progress.completed, "个")
    facts += _fact(nt, "problems_in_progress", progress.in_progress, "个")
    facts += _fact(nt, "completion_rate", progress.rate, "%")
    return facts


def _figure_facts(nt: NoticeText) -> list[Fact]:
    return (_fact(nt, "measures_total", choose(find_measures(nt)), "条")
            + _fact(nt, "rules_total", choose(find_rules(nt)), "项")
            + _fact(nt, "people_handled", choose(find_people(nt)), "人"))


def _money_facts(nt: NoticeText) -> list[Fact]:
    amounts = find_money(nt)
    facts = _fact(nt, "recovered_wan", pick_recovered(nt, amounts), "万元")
    for a in amounts:
        facts.append(nt.fact("amount", a.value, "万元", a.start, a.end))
    return facts


def extract_anonymized(nt: NoticeText) -> Fact:
    """anonymized: True (span on the first placeholder) when the text carries XX, 202X, X元 ...

    >>> from analysis.fields.context import NoticeText
    >>> extract_anonymized(NoticeText("202X年X月,XX巡察组", "202X年X月,XX巡察组")).value
    True
    >>> extract_anonymized(NoticeText("拍摄X光片3张", "拍摄X光片3张")).value
    False
    """
    # every placeholder holds an X or ×, and none reads past a 。
    m = next(finditer_where(_PLACEHOLDER, nt.text, _X, pos=nt.body_start), None)
    if m is None:
        return Fact("anonymized", False, "", "no placeholder (XX, 202X, X元) in the text", 0, 0)
    return nt.fact("anonymized", True, "", m.start(), m.end())
