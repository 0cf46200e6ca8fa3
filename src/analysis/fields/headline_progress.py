"""Progress on the fed-back problems: completed, in progress, completion rate (PATTERNS 5.2, 5.3).

Counts are read next to the problem total (its sentence and the one after, with no
任务/措施/线索 noun in between, so `梳理分解整改任务98个,已完成整改90个` is not read), or
anywhere when the phrase itself says 问题 (`35个问题已完成整改`). `均已完成整改` without a
number means completed = total and in progress = 0; 基本完成 counts as in progress.
"""
from __future__ import annotations

import math
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
from analysis.text.numbers import CN_COUNTS

_YI = r"(?:[已己]经?)"
_NOT_DONE_BEFORE = (r"(?<!基本)(?<![未没需])(?<!正在)(?<!尚在)(?<!仍在)(?<!持续)(?<!需要)"
                    r"(?<!阶段性)")
_DONE = r"(?:完成|整改)(?:整改|落实|到位|完成|销号)*"
_IN_PROGRESS_WORDS = (r"(?:尚在整改|正在整改|仍在整改|持续整改|尚未完成|未完成|[已己]?基本完成|阶段性完成"
                      r"|(?:正在|仍在|尚在)[^,。;的]{0,6}?(?:推进|整改)|持续推进|需长期整改|需要长期整改"
                      r"|需持续整改)")
_NOT_PROBLEMS = (r"(?!(?:的)?(?:整改)?(?:任务|措施|举措|项目|事项|线索|方面|方案|清单|台账|会议"
                 r"|文件|报告|工作|单位|党组织|村|社区))")
_PERCENT = r"(?P<r>\d{1,3}(?:\.\d+)?)%"


@dataclass
class Progress:
    """What the notice says about progress, each with the span it was read from."""

    completed: Candidate | None = None
    in_progress: Candidate | None = None
    rate: Candidate | None = None


@cache
def _completed_regexes() -> tuple[re.Pattern, ...]:
    return (re.compile(rf"(?=[已己全完整])(?:{_YI}|{_NOT_DONE_BEFORE})(?:全部)?{_DONE}的?(?:问题)?"
                       rf"(?P<n>{NUM})[个项条]{_NOT_PROBLEMS}(?:问题)?(?:的?整改)?"),
            # 25个问题已完成整改19个: 25 is the total, 19 the completed count
            re.compile(rf"{num_ahead('个项条')}(?P<n>{NUM})[个项条](?:问题)?{_YI}(?:全部)?{_DONE}"
                       rf"(?!(?:整改|落实|到位|完成|销号)*的?(?:问题)?{NUM}[个项条])"))


@cache
def _in_progress_regexes() -> tuple[re.Pattern, ...]:
    return (re.compile(rf"(?:正在|尚在|仍在|持续)整改(?:中|之中)?的?(?:问题)?"
                       rf"(?P<n>{NUM})[个项条]{_NOT_PROBLEMS}"),
            re.compile(rf"{num_ahead('个项条')}(?P<n>{NUM})[个项条](?:问题)?{_IN_PROGRESS_WORDS}"),
            re.compile(rf"(?:基本完成|阶段性完成|尚未完成|未完成)(?:整改)?[^,。;]{{0,14}}?(?:问题)?"
                       rf"(?P<n>{NUM})[个项条]{_NOT_PROBLEMS}"),
            re.compile(rf"(?:剩余|其余|尚有|还有|另有)(?P<n>{NUM})[个项条](?:问题)?"
                       r"(?=[^,。;]{0,4}(?:需|正在|仍在|尚在|持续|未))"))


# For the count regexes worth searching clause by clause (headline_base.find_in_body):
# words every match holds, and the characters no match (nor its lookahead) holds.
_COUNTED = rf"[\d{CN_COUNTS}][个项条]"          # the end of NUM, and its unit
_NEEDLES = {
    # the end of _DONE, then the start of NUM
    _completed_regexes()[0]: (re.compile(rf"(?:完成|整改|落实|到位|销号)的?(?:问题)?[\d{CN_COUNTS}]"), ",。;"),
    _completed_regexes()[1]: (re.compile(rf"{_COUNTED}(?:问题)?[已己]"), ",。;"),
    # then the first character of _IN_PROGRESS_WORDS
    _in_progress_regexes()[1]: (re.compile(rf"{_COUNTED}(?:问题)?[尚正仍持未已己基阶需]"), ",。;"),
}


@cache
def _rate_regexes() -> tuple[re.Pattern, ...]:
    return (re.compile(rf"{cue_regex('rate_names')}(?:已达到|达到|已达|达|为|是)?了?{_PERCENT}(?!的)"),
            re.compile(rf"占(?:整改|反馈)?问题总数的{_PERCENT}"))


def _window(text: str, total: Candidate, limit: int = 250) -> tuple[int, int]:
    """From the total to the end of the sentence after the one that holds it."""
    end = total.end
    for _ in range(2):
        stop = text.find("。", end)
        if stop < 0:
            end = len(text)
            break
        end = stop + 1
    return total.start, min(end, total.end + limit)


def _unblocked(text: str, total: Candidate | None, start: int) -> bool:
    """No 任务/措施/线索 ... noun between the total and `start` (same subject)."""
    if total is None or start < total.end:
        return total is not None
    return not has_cue("blocking_nouns", text[total.end:start])


def _matches(regexes: tuple[re.Pattern, ...], nt: NoticeText) -> list[re.Match]:
    """Non-overlapping matches of several regexes, in text order."""
    found = sorted((m for rx in regexes for m in find_in_body(rx, nt, *_NEEDLES.get(rx, (None,)))),
                   key=lambda m: (m.start(), -m.end()))
    out: list[re.Match] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


def _split(nt: NoticeText, total: Candidate | None, matches: list[re.Match]
           ) -> tuple[list[Candidate], list[Candidate]]:
    """Matches next to the total (in its window, unblocked) and elsewhere (saying 问题)."""
    near, far = [], []
    lo, hi = _window(nt.match, total) if total else (-1, -1)
    for m in matches:
        n = to_int(m.group("n"))
        if n is None or _rhetorical(nt.match, m) or _not_this_rounds(nt.match, m):
            continue
        cand = Candidate(n, m.start(), m.end(), is_headline(nt, m.start(), m.end()))
        if lo <= m.start() < hi and _unblocked(nt.match, total, m.start()):
            near.append(cand)
        elif _about_problems(nt.match, m):
            far.append(cand)
    return near, far


def _rhetorical(text: str, m: re.Match) -> bool:
    """`整改一个问题、完善一套制度`: a slogan of parallel 一 phrases, not a count.

    >>> t = "做到整改一个问题、完善一套制度、堵塞一批漏洞"
    >>> _rhetorical(t, next(_completed_regexes()[0].finditer(t)))
    True
    """
    return m.group("n") == "一" and bool(
        re.match(r"[^。;]{0,12}?一[个套批片项条类]", text[m.end():]))


def _not_this_rounds(text: str, m: re.Match) -> bool:
    """A count of the previous round's problems (上轮…尚未完成的4个) or of a share of them
    (班子成员领办的6个问题), not of all the problems this notice reports on.

    >>> t = "对上轮巡察尚未完成整改的4个问题,持续跟踪推进"
    >>> _not_this_rounds(t, next(_in_progress_regexes()[2].finditer(t)))
    True
    """
    return (has_cue("earlier_round", window_before(text, m.start()))
            or has_cue("progress_subset", clause_before(text, m.start()) + m.group(0)))


def _about_problems(text: str, m: re.Match) -> bool:
    """The count says 问题 itself, or follows one in its sentence with no other noun
    in between (`16个问题中已完成整改14个`)."""
    if "问题" in m.group(0):
        return not has_cue("blocking_nouns", clause_before(text, m.start()))
    before = window_before(text, m.start())
    at = before.rfind("问题")
    return at >= 0 and not has_cue("blocking_nouns", before[at:])


def _all_done(nt: NoticeText, total: Candidate) -> Candidate | None:
    """`均已完成整改` next to the total: completed = total (span: total to the cue).

    Further off, only a stock-take that stands alone counts: `截至目前,已全部完成整改。`
    (its clause names nothing but the date), in part 一 or a summing-up sentence.
    """
    lo, hi = _window(nt.match, total)
    for m in re.finditer(cue_regex("all_done"), nt.match):
        clause = clause_before(nt.match, m.start())
        if re.search(r"[未没]|尚未|不能|确保|力争|争取|务必|要求|必须", clause):
            continue  # not done, or a pledge (确保…全部整改到位)
        if lo <= m.start() < hi and _unblocked(nt.match, total, m.start()):
            return Candidate(total.value, total.start, m.end(), True)
        if (m.start() >= hi and _STANDALONE_DONE.fullmatch(clause)
                and re.match(r"[。;]", nt.match[m.end():m.end() + 1] or "。")
                and _stock_take_before(nt.match, m.start())
                and is_headline(nt, m.start(), m.end())):
            return Candidate(total.value, total.start, m.end(), True)
    return None


_STANDALONE_DONE = re.compile(r"\s*(?:问题)?")


def _stock_take_before(text: str, start: int) -> bool:
    """The clause before the cue is a bare 截至目前 / 目前 (nothing else is said done)."""
    left = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(re.fullmatch(r"\s*(?:截至|截止)?(?:目前|当前|现在)\s*[,,]?\s*", text[left:start]))


def find_progress(nt: NoticeText, total: Candidate | None) -> Progress:
    """Completed and in-progress counts and the rate, for the problem `total` (value int)."""
    near_done, far_done = _split(nt, total, _matches(_completed_regexes(), nt))
    near_open, far_open = _split(nt, total, _matches(_in_progress_regexes(), nt))
    done = near_done[0] if near_done else choose(far_done)
    if done is None and total is not None:
        done = _all_done(nt, total)
    if done is not None and total is not None and done.value > total.value:
        done = None
    if near_open:
        start, end = near_open[0].start, near_open[-1].end
        open_ = Candidate(sum(c.value for c in near_open), start, end, True)
    else:
        open_ = choose(far_open)
    # "all of them are done" (全部/均已, or the all-done cue) says none is still open;
    # 已完成整改20个 of 20 states no in-progress figure
    if (open_ is None and done is not None and total is not None
            and done.value == total.value and re.search(r"全部|均", nt.match[done.start:done.end])):
        open_ = Candidate(0, min(total.start, done.start), max(total.end, done.end), True)
    return Progress(done, open_, _rate(nt, total, done))


def _rate(nt: NoticeText, total: Candidate | None, done: Candidate | None) -> Candidate | None:
    """A stated problem-completion percentage, else completed / total x 100 (one decimal)."""
    for rx in _rate_regexes():
        for m in rx.finditer(nt.match, nt.body_start):
            value = float(m.group("r"))
            clause = clause_before(nt.match, m.start()) + nt.match[m.start():m.start("r")]
            if value > 100 or has_cue("other_rates", clause):
                continue
            if not re.search(r"问题|整改", window_before(nt.match, m.start("r"))):
                continue  # a bare 完成率 of something unnamed (a budget, a project)
            return Candidate(value, m.start(), m.end(), True)
    if total is None or done is None or not total.value:
        return None
    value = percent_half_up(done.value, total.value)
    return Candidate(value, min(total.start, done.start), max(total.end, done.end), True)


def percent_half_up(part: int, whole: int) -> float:
    """part / whole x 100 to one decimal, halves rounded up as a person would.

    >>> percent_half_up(13, 16), percent_half_up(9, 11), percent_half_up(2, 3)
    (81.3, 81.8, 66.7)
    """
    return math.floor(part * 1000 / whole + 0.5) / 10
