"""When: the inspection period, the feedback date and the as-of date of a notice.

Each `find_*` takes simplified text and returns DateSpans with offsets into it;
`analysis.text.dates.resolve_dates` then fills in the years along the chain
start <= end <= feedback <= as-of <= publish.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analysis.text.dates import DateSpan, find_date_ranges, find_dates

_SENTENCE = re.compile(r"[^。;!?\n]+[。;!?]?")
INSPECT_WORD = re.compile(r"巡察|巡视|巡查(?=组|整改|反馈)")
# an inspection act after a range (对X…进行了反馈 is the feedback's, not one)
_INSPECT_VERB = re.compile(r"进驻|开展|实施|进行了?(?:常规|专项|政治|机动)?(?:巡察|巡视)")
# a sentence about the inspection itself names the group, 进驻, or 对X开展/进行
_INSPECT_CLAUSE = re.compile(r"巡察组|巡视组|巡查组|进驻|对[^。;,]{1,60}?(?:开展|进行|实施)")
_RECTIFY_AFTER = re.compile(r"^[^。;,]{0,10}?整改")
# a feedback act; 巡察反馈意见 (a noun) is not one, 巡察反馈会 is
_FEEDBACK = re.compile(r"反馈会|(?<!巡察)(?<!巡视)(?:反馈了?(?:专项|常规)?(?:巡察|巡视)?(?:意见|情况)"
                       r"|进行了?(?:集中|全面)?(?:巡察|巡视)?(?:意见|情况)?反馈"
                       r"|(?:集中|全面|分别|正式)反馈|反馈(?:了)?(?:巡察|巡视)|(?<=[日号])反馈"
                       r"|反馈了?[^。;,]{1,20}?(?:巡察|巡视)[^。;,]{0,10}?(?:意见|情况))")
_FEEDBACK_AFTER = re.compile(r"反馈会(?:议)?(?:于|在)")
_NOT_FEEDBACK_GAP = re.compile(r"截至|截止|传达|学习|听取|研究|召开[^。]*?会议")
_AS_OF = re.compile(r"(?:截至|截止)(?:到)?\s*")
_AS_OF_TOPIC = re.compile(r"整改|反馈|问题")
_AS_OF_PROGRESS = re.compile(r"已|均|完成|销号|到位")
_MAX_GAP = 80


def find_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end] (split on 。;!? and line breaks).

    >>> find_sentences("一句。二句;三")
    [(0, 3), (3, 6), (6, 7)]
    """
    return list(iter_sentences(text, start, end))


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """find_sentences one at a time, for a reader that may stop at an early one."""
    end = len(text) if end is None else end
    # (_SENTENCE has no anchor or lookaround: searching text[start:end] in place is the same)
    for m in _SENTENCE.finditer(text, start, end):
        if not m.group().isspace():
            yield m.span()


def _shift(span: DateSpan, by: int) -> DateSpan:
    return DateSpan(span.start + by, span.end + by, span.year, span.month, span.day, span.kind,
                    span.year_offset, span.options)


def find_inspection_range(match: str, sentences: list[tuple[int, int]]
                          ) -> tuple[DateSpan, DateSpan] | None:
    """The first date range in a sentence about the inspection itself.

    A range followed by a feedback act before any inspection act is the feedback's.

    >>> t = "根据区委统一部署,2019年6月8日至8月13日,区委第九巡察组对区审计局党组开展了常规巡察。"
    >>> a, b = find_inspection_range(t, find_sentences(t)); (a.month, a.day, b.month, b.day)
    (6, 8, 8, 13)
    """
    for s, e in sentences:
        sent = match[s:e]
        if not (INSPECT_WORD.search(sent) and _INSPECT_CLAUSE.search(sent)):
            continue
        for a, b in find_date_ranges(sent):
            if _RECTIFY_AFTER.search(sent[b.end:]):
                continue  # 2023年3月1日至5月31日集中整改: the rectification period
            rest = sent[b.end:]
            fb, act = _FEEDBACK.search(rest), _INSPECT_VERB.search(rest)
            if fb and (not act or fb.start() <= act.start()):
                continue
            if not INSPECT_WORD.search(rest) and not INSPECT_WORD.search(sent[:a.start]):
                continue
            return _shift(a, s), _shift(b, s)
    return None


def _range_starts(sent: str) -> dict[int, DateSpan]:
    """Range end offset -> range start, for one sentence."""
    return {b.start: a for a, b in find_date_ranges(sent)}


def find_feedback_date(match: str, sentences: list[tuple[int, int]],
                       skip: tuple[int, int] | None = None) -> DateSpan | None:
    """The date of the feedback act: the last date before 反馈… in its sentence.

    `skip` is the (start, end) of the inspection range, whose dates are never the
    feedback's. A date separated from the act by 截至, a meeting that studied the
    feedback, or more than 80 characters does not count.

    >>> t = ("2022年7月15日至9月23日,市委第四巡察组对市民政局党组开展了巡察。"
    ...      "2022年11月14日,市委巡察组向市民政局党组反馈了巡察意见。")
    >>> d = find_feedback_date(t, find_sentences(t), (10, 20)); (d.year, d.month, d.day)
    (2022, 11, 14)
    """
    for s, e in sentences:
        sent = match[s:e]
        if "反馈" not in sent:
            continue   # every _FEEDBACK and _FEEDBACK_AFTER match holds 反馈
        dates = [d for d in find_dates(sent)
                 if not (skip and skip[0] <= d.start + s < skip[1])]
        if not dates:
            continue
        starts = _range_starts(sent)
        for fb in _FEEDBACK.finditer(sent):
            before = [d for d in dates if d.end <= fb.start()]
            if before:
                d = before[-1]
                gap = sent[d.end:fb.start()]
                ok_gap = len(gap) <= _MAX_GAP and not (
                    _NOT_FEEDBACK_GAP.search(gap) and not fb.group().startswith("反馈会"))
                if ok_gap and not re.search(r"(?:截至|截止)到?\s*$", sent[:d.start]):
                    return _shift(starts.get(d.start, d), s)
        for fb in _FEEDBACK_AFTER.finditer(sent):
            after = [d for d in dates if 0 <= d.start - fb.end() <= 2]
            if after:
                return _shift(after[0], s)
    return None


def as_of_sentences(match: str, start: int) -> Iterator[tuple[int, int]]:
    """The sentences of match[start:] that find_as_of_date can use: those from the first
    one holding 截至 or 截止 on (none when no sentence does).

    A sentence is a run of text between stops (_SENTENCE): splitting from the start of
    that sentence gives the same sentences as splitting from `start`."""
    firsts = [at for word in ("截至", "截止") if (at := match.find(word, start)) >= 0]
    if not firsts:
        return iter(())
    first = min(firsts)
    begin = max(start, *(match.rfind(c, start, first) + 1 for c in "。;!?\n"))
    return iter_sentences(match, begin)


def find_as_of_date(match: str, sentences: Iterable[tuple[int, int]]) -> DateSpan | None:
    """The date after 截至/截止 in the first sentence reporting rectification progress.

    The first such sentence decides: 截至目前 or a vague 截至6月底 there means no
    as-of date, even when a later measure names one. A deadline (截止…前) is skipped.

    >>> t = "截至 11 月 7 日,巡察反馈的2个问题均已完成整改。截至2024年1月5日,已完成整改"
    >>> d = find_as_of_date(t, find_sentences(t)); (d.month, d.day)
    (11, 7)
    >>> t = "截至目前,反馈问题已完成整改。截至2024年1月5日,已完成整改"
    >>> find_as_of_date(t, find_sentences(t)) is None
    True
    """
    for s, e in sentences:
        sent = match[s:e]
        if ("截至" not in sent and "截止" not in sent) or not (
                _AS_OF_TOPIC.search(sent) and _AS_OF_PROGRESS.search(sent)):
            continue   # (no _AS_OF match without 截至/截止)
        dates = {d.start: d for d in find_dates(sent)}
        for m in _AS_OF.finditer(sent):
            d = dates.get(m.end())
            if d is not None and re.match(r"\s*(?:前|之前|以前)", sent[d.end:]):
                continue
            if d is None or d.day is None and d.kind != "garbled":
                return None  # 截至目前, 截至6月底, 截至202X年X月
            return _shift(d, s)
    return None


def find_inspection_month(match: str, sentences: list[tuple[int, int]]) -> DateSpan | None:
    """A month with its year (2024年5月) in a sentence about the inspection itself.

    Such a month is no inspection_start, but it gives the year of a yearless feedback
    date when the page has no publish date.

    >>> t = "9月10日,市委巡察三组向青溪县统战部反馈。2024年5月,市委巡察三组对青溪县统战部开展了巡察。"
    >>> d = find_inspection_month(t, find_sentences(t)); (d.year, d.month)
    (2024, 5)
    >>> t = "2024年5月,县委召开常委会。"
    >>> find_inspection_month(t, find_sentences(t)) is None
    True
    """
    for s, e in sentences:
        sent = match[s:e]
        if not (_INSPECT_CLAUSE.search(sent) and _INSPECT_VERB.search(sent)):
            continue
        for d in find_dates(sent):
            if d.kind == "vague" and d.year is not None and d.month is not None:
                return _shift(d, s)
    return None


def find_earlier_dated(match: str, sentences: list[tuple[int, int]], before: int
                       ) -> DateSpan | None:
    """The last date written with its year (2023年3月6日, 2023年5月) that ends before
    offset `before`: it gives the year of the yearless dates after it.

    >>> t = "2023年3月6日,区委召开动员会。5月18日,区委第三巡察组反馈巡察情况。"
    >>> d = find_earlier_dated(t, find_sentences(t), 17); (d.year, d.month, d.day)
    (2023, 3, 6)
    >>> find_earlier_dated(t, find_sentences(t), 5) is None
    True
    """
    found = None
    for s, e in sentences:
        if s >= before:
            break
        for d in find_dates(match[s:e]):
            if d.end + s <= before and d.year is not None and d.month is not None:
                found = _shift(d, s)
    return found
