"""Headline figures that agree with each other, checked after the headline extractor.

A notice never publishes figures that contradict one another. The rules, in order:

1. problems_completed <= problems_total, else completed is left empty;
2. problems_in_progress <= problems_total - problems_completed (or <= the total when
   nothing is said done), else in progress is left empty;
3. a stated completion_rate agrees with completed / total x 100 up to the rounding of
   how it is written (95% vs 18/20 = 90.0 does not), else the stated rate is left empty;
   a rate computed from a count that was left empty goes with it.

The extractors already read the alternative wording where one exists (`25个问题已完成
整改19个`: 25 is the total, 19 the completed count, see headline_progress); what still
contradicts here is dropped, never guessed. Each drop is recorded in one `figure_doubts`
fact (`;`-joined, e.g. `problems_completed: 30 > problems_total 25`) whose evidence is the
sentence of the dropped figure, so the reason travels with the notice row.
"""
from __future__ import annotations

from analysis.document import Fact
from analysis.fields.context import NoticeText, evidence_sentence

TOTAL, DONE, OPEN, RATE = ("problems_total", "problems_completed", "problems_in_progress",
                           "completion_rate")


def check_figures(nt: NoticeText, facts: list[Fact]) -> list[Fact]:
    """`facts` without the figures that contradict the others, plus a `figure_doubts` fact
    saying why each was dropped (no such fact when all agree)."""
    first = {}
    for f in facts:
        first.setdefault(f.field, f)
    doubts: list[tuple[str, Fact]] = []
    for check in (_completed_within_total, _open_within_rest, _rate_agrees):
        got = check(nt, first)
        if got:
            reason, dropped = got
            doubts.append((reason, dropped))
            first.pop(dropped.field)
    if not doubts:
        return facts
    gone = {id(f) for _, f in doubts}
    kept = [f for f in facts if id(f) not in gone]
    return kept + [_doubt_fact(nt, doubts)]


def _completed_within_total(nt: NoticeText, first: dict[str, Fact]
                            ) -> tuple[str, Fact] | None:
    total, done = first.get(TOTAL), first.get(DONE)
    if total and done and done.value > total.value:
        return f"{DONE}: {done.value} > {TOTAL} {total.value}", done
    return None


def _open_within_rest(nt: NoticeText, first: dict[str, Fact]) -> tuple[str, Fact] | None:
    total, done, open_ = first.get(TOTAL), first.get(DONE), first.get(OPEN)
    if not (total and open_):
        return None
    done_n = done.value if done else 0
    if done_n + open_.value > total.value:
        said = f"{DONE} {done_n} + " if done else ""
        return f"{OPEN}: {said}{open_.value} > {TOTAL} {total.value}", open_
    return None


def _rate_agrees(nt: NoticeText, first: dict[str, Fact]) -> tuple[str, Fact] | None:
    total, done, rate = first.get(TOTAL), first.get(DONE), first.get(RATE)
    if rate is None:
        return None
    if not is_stated_rate(nt, rate):
        if total and done:
            return None
        return f"{RATE}: computed from a count left empty", rate
    if not (total and done and total.value):
        return None
    computed = done.value / total.value * 100
    if abs(computed - rate.value) > rate_tolerance(nt.text[rate.start:rate.end]):
        return (f"{RATE}: {rate.value:g}% stated, {DONE} {done.value} / {TOTAL} {total.value}"
                f" = {computed:.1f}%"), rate
    return None


def is_stated_rate(nt: NoticeText, rate: Fact) -> bool:
    """True when the rate fact spans a written percentage (else it was computed)."""
    return "%" in nt.text[rate.start:rate.end]


def rate_tolerance(written: str) -> float:
    """How far a written rate may lie from the exact one: half its last written digit,
    plus a little for the rounding of the division.

    >>> rate_tolerance("整改完成率为95%"), rate_tolerance("到位率为97.62%"), rate_tolerance("81.8%")
    (0.51, 0.0051, 0.051)
    """
    number = written.rsplit("%", 1)[0]
    digits = len(number) - len(number.rstrip("0123456789"))
    decimals = digits if "." in number[-digits - 1:] else 0
    return round(0.5 * 10 ** -decimals + 10 ** -(decimals + 2), decimals + 3)


def _doubt_fact(nt: NoticeText, doubts: list[tuple[str, Fact]]) -> Fact:
    """One fact listing every doubt; its span and evidence are the first dropped figure's."""
    first = doubts[0][1]
    evidence = " ".join(dict.fromkeys(
        f.evidence or evidence_sentence(nt.text, f.start, f.end) for _, f in doubts))
    return Fact("figure_doubts", "; ".join(r for r, _ in doubts), "", evidence,
                first.start, first.end)
