"""Money figures: `amount` facts and recovered_wan (PATTERNS.md 5.6, trap 5).

Each money mention (analysis.text.numbers.find_amounts_wan) is labelled by the clause before
it: a 挽回经济损失 total (`loss`), money recovered (追回/追缴/清退/收回/退还 …:
`recovered`), or money involved (涉及资金, 分期退款协议: `involved`). Budgets, trust
funds, investment and other money with none of these labels are no `amount` at all.
recovered_wan = the 挽回经济损失 figure when stated, else the sum of the recovered ones;
a 挽回经济损失 written as a placeholder (X万元) leaves it empty. In that sum each amount
counts once: the same figure under the same label (清退违规发放津补贴3.2万元 in the
headline and again under its problem) is one recovery, and a part of an amount already
counted (追回资金120万元,其中追缴…20万元) adds nothing. `problem_recovered_wan` applies the
same rule to one problem's rectification text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.fields.context import NoticeText
from analysis.fields.headline_base import (
    Candidate,
    clause_before,
    cue_regex,
    is_headline,
    sentence_span,
)
from analysis.text.normalize import normalize_text, to_simplified
from analysis.text.numbers import find_amounts_wan

_PLACEHOLDER_LOSS = r"(?:共计|共|合计|累计)?[X×Ｘ]+(?:万|亿|千)?元"
_DONE_BEFORE_VERB = r"[^,。;]{0,4}?(?:已|均已|已经)(?:全部|全额|如数)?"


@dataclass
class Amount:
    """One labelled money mention: kind is loss, recovered or involved.

    label: the words from the money cue to the figure (清退违规发放津补贴); part: the
    amount lies inside the counted amount before it in its sentence (其中…).
    """

    kind: str
    value: float
    start: int
    end: int
    headline: int
    label: str = ""
    part: bool = False


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


def find_money_spans(text: str, start: int = 0) -> list[Amount]:
    """Every labelled money mention of text[start:], in text order (headline 0).

    >>> [(a.kind, a.value, a.label, a.part) for a in find_money_spans(
    ...     "追回资金120万元,其中追缴个人费用20万元;预算300万元。")]
    [('recovered', 120.0, '追回资金', False), ('recovered', 20.0, '追缴个人费用', True)]
    """
    out: list[Amount] = []
    for num_start, end, value in find_amounts_wan(text[start:]):
        num_start, end = num_start + start, end + start
        left = _label_start(text, num_start)
        kind = parse_money_kind(text[left:num_start])
        if kind is None and re.match(_DONE_BEFORE_VERB + cue_regex("recover"), text[end:end + 12]):
            kind = "recovered"  # 违规发放补贴3.2万元已全部退回
        if kind:
            m = re.search(cue_regex({"loss": "loss", "recovered": "recover",
                                     "involved": "involved"}[kind]), text[left:num_start])
            at = left + (m.start() if m else 0)
            out.append(Amount(kind, value, at, end, 0, text[at:num_start],
                              _inside_previous(text, out, num_start)))
    return out


def _inside_previous(text: str, before: list[Amount], num_start: int) -> bool:
    """True when a 其中/(含 part-of cue links the figure at `num_start` to a recovered or
    loss amount earlier in its sentence, with no ; closing the list of parts in between.

    >>> t = "追回资金12万元,其中追缴8万元、退还4万元;另清退补贴2万元"
    >>> [a.part for a in find_money_spans(t)]
    [False, True, True, False]
    """
    left, _ = sentence_span(text, num_start, num_start)
    parents = [a for a in before if a.start >= left and not a.part
               and a.kind in ("loss", "recovered")]
    if not parents:
        return False
    between = text[parents[0].end:num_start]
    cues = list(re.finditer(cue_regex("part_of"), between))
    return bool(cues) and not re.search(r"[;；]", between[cues[-1].end():])


def find_money(nt: NoticeText) -> list[Amount]:
    """Every labelled money mention of the notice body, in text order."""
    amounts = find_money_spans(nt.match, nt.body_start)
    for a in amounts:
        a.headline = is_headline(nt, a.start, a.end)
    return amounts


def counted_recoveries(amounts: list[Amount]) -> list[Amount]:
    """The recovered amounts that add to a sum: no part of another, and each figure once per
    way of recovering it (追回, 清退, 退还 …): a headline figure that a problem's text repeats
    in other words (追回违规发放的补贴资金8万元 … 追回违规发放资金8万元) counts once.

    >>> a = find_money_spans("清退违规发放津补贴3.2万元。整改情况:清退违规发放津补贴3.2万元。")
    >>> [x.value for x in counted_recoveries(a)]
    [3.2]
    >>> a = find_money_spans("追回违规发放的补贴资金8万元。整改情况:追回违规发放资金8万元,清退2万元。")
    >>> [x.value for x in counted_recoveries(a)]
    [8.0, 2.0]
    """
    seen, out = set(), []
    verb = re.compile(cue_regex("recover"))
    for a in amounts:
        found = verb.search(a.label)
        key = (a.value, found.group(0) if found else re.sub(r"\s", "", a.label))
        if a.kind == "recovered" and not a.part and key not in seen:
            seen.add(key)
            out.append(a)
    return out


def pick_recovered(nt: NoticeText, amounts: list[Amount]) -> Candidate | None:
    """recovered_wan: the 挽回经济损失 figure (a headline one first), else the recovered sum."""
    losses = [a for a in amounts if a.kind == "loss"]
    if losses:
        best = max(losses, key=lambda a: (a.headline, -a.start))
        return Candidate(best.value, best.start, best.end, best.headline)
    if re.search(cue_regex("loss") + _PLACEHOLDER_LOSS, nt.match):
        return None
    got = counted_recoveries(amounts)
    if not got:
        return None
    total = round(sum(a.value for a in got), 6)
    return Candidate(total, got[0].start, got[-1].end, max(a.headline for a in got))


def problem_recovered_wan(text: str) -> float | None:
    """Money recovered in one problem's rectification text, in 万元: its 挽回经济损失 figure,
    else the recovered amounts counted once; budgets, funds involved and investment are
    no recovery (the headline's labelling, `parse_money_kind`).

    >>> problem_recovered_wan("清退违规发放津补贴3.2万元,安排预算资金50万元,涉及资金8万元")
    3.2
    >>> problem_recovered_wan("挽回经济损失120万元,其中追缴资金20万元。")
    120.0
    >>> problem_recovered_wan("追回资金5万元、退还补贴2000元,再次追回资金5万元")
    5.2
    >>> problem_recovered_wan("项目总投资1.2亿元") is None
    True
    """
    text = text or ""
    if "元" not in text and "&" not in text:
        return None     # every amount ends in 元, which only an HTML entity could turn into
    amounts = find_money_spans(to_simplified(normalize_text(text)))
    losses = [a for a in amounts if a.kind == "loss"]
    if losses:
        return losses[0].value
    got = counted_recoveries(amounts)
    return round(sum(a.value for a in got), 6) if got else None
