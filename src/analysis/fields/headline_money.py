"""Money figures: `amount` facts and recovered_wan (PATTERNS.md 5.6, trap 5).

Each money mention (analysis.text.numbers.find_amounts_wan) is labelled by the clause before
it: a 挽回经济损失 total (`loss`), money recovered (追回/追缴/清退/收回/退还 …:
`recovered`), or money involved (涉及资金, 分期退款协议: `involved`). Budgets, trust
funds, investment and other money with none of these labels are no `amount` at all.
recovered_wan = the 挽回经济损失 figure when stated, else the sum of the recovered ones;
a 挽回经济损失 written as a placeholder (X万元) leaves it empty.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.fields.context import NoticeText
from analysis.fields.headline_base import Candidate, clause_before, cue_regex, is_headline
from analysis.text.numbers import find_amounts_wan

_PLACEHOLDER_LOSS = r"(?:共计|共|合计|累计)?[X×Ｘ]+(?:万|亿|千)?元"
_DONE_BEFORE_VERB = r"[^,。;]{0,4}?(?:已|均已|已经)(?:全部|全额|如数)?"


@dataclass
class Amount:
    """One labelled money mention: kind is loss, recovered or involved."""

    kind: str
    value: float
    start: int
    end: int
    headline: int


def parse_money_kind(label: str) -> str | None:
    """Kind of money named by the clause before a figure; None when it is none of ours.

    >>> [parse_money_kind(s) for s in ["累计挽回经济损失", "追回挂账资金", "签订分期退款协议,涉及资金"]]
    ['loss', 'recovered', 'involved']
    >>> [parse_money_kind(s) for s in ["慈善信托备案规模达到", "应退未退补贴", "追回"]]
    [None, None, 'recovered']
    """
    if re.search(cue_regex("loss"), label):
        return "loss"
    if re.search(cue_regex("not_recovered"), label):
        return None
    if re.search(cue_regex("involved"), label):
        return "involved"
    if re.search(cue_regex("recover"), label):
        return "recovered"
    return None


_BARE_TOTAL = re.compile(r"\s*(?:共计|合计|总计|共|累计|金额|金额为|计)?\s*")


def _label_start(text: str, start: int) -> int:
    """Start of the label of the figure at `start`: its clause, cut after the last 、
    when that last item names the money itself (清退A资金5万元、追回B资金3万元)."""
    clause = clause_before(text, start)
    left = start - len(clause)
    if _BARE_TOTAL.fullmatch(clause) and left > 1:
        # 追回违规发放的津补贴,共计5441元: the label is the clause before 共计
        clause = clause_before(text, left - 1) + text[left - 1:start]
        left = start - len(clause)
    tail = clause.rsplit("、", 1)[-1]
    if len(tail) < len(clause) and parse_money_kind(tail):
        left = start - len(tail)
    return left


def find_money(nt: NoticeText) -> list[Amount]:
    """Every labelled money mention of the notice body, in text order."""
    out = []
    body = nt.match
    for start, end, value in find_amounts_wan(body[nt.body_start:]):
        start, end = start + nt.body_start, end + nt.body_start
        left = _label_start(body, start)
        kind = parse_money_kind(body[left:start])
        if kind is None and re.match(_DONE_BEFORE_VERB + cue_regex("recover"), body[end:end + 12]):
            kind = "recovered"  # 违规发放补贴3.2万元已全部退回
        if kind:
            m = re.search(cue_regex({"loss": "loss", "recovered": "recover",
                                     "involved": "involved"}[kind]), body[left:start])
            out.append(Amount(kind, value, left + (m.start() if m else 0), end,
                              is_headline(nt, start, end)))
    return out


def pick_recovered(nt: NoticeText, amounts: list[Amount]) -> Candidate | None:
    """recovered_wan: the 挽回经济损失 figure (a headline one first), else the recovered sum."""
    losses = [a for a in amounts if a.kind == "loss"]
    if losses:
        best = max(losses, key=lambda a: (a.headline, -a.start))
        return Candidate(best.value, best.start, best.end, best.headline)
    if re.search(cue_regex("loss") + _PLACEHOLDER_LOSS, nt.match):
        return None
    got = [a for a in amounts if a.kind == "recovered"]
    if not got:
        return None
    total = round(sum(a.value for a in got), 6)
    return Candidate(total, got[0].start, got[-1].end, max(a.headline for a in got))


def problem_recovered_wan(text: str) -> float | None:
    """Money named in one problem's rectification text, in 万元 (None when none)."""
    amounts = find_amounts_wan(text)
    return round(sum(v for _, _, v in amounts), 4) if amounts else None
