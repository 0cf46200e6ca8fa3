"""Dates as notices write them: find them, pair ranges, fill in missing years.

Pieces:

- Chinese numerals (二〇二三年十二月) are read with `analysis.text.numbers.parse_cn_int`;
- `find_dates(text)`: every date-like span, as `DateSpan(start, end, year, month, day,
  kind)`; `kind` is one of
  ``full`` (year, month and day), ``no_year`` (月 and 日 only), ``relative`` (今年/去年/上年
  before a month and day: `year` is None, `year_offset` says how far back),
  ``garbled`` (年/月 lost: `2023618日`; `options` holds the possible (month, day)
  readings), ``day`` (a bare day that ends a range: `5月8日至12日`), ``vague`` (a month
  with no day, `下旬`, `底`) and ``placeholder`` (`202X年X月X日`);
- `find_date_ranges(text)`: pairs of spans joined by 至/到/—/-/~ or written side by side;
- `resolve_dates(spans, publish_date)`: ISO strings for a chronological chain of spans
  (inspection start, end, feedback, as-of), filling missing years from the previous date
  and choosing between garbled readings so that the chain keeps its order.

Nothing here raises on odd input; impossible dates come back as None.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import product

from analysis.text.numbers import CN_NUMERALS, parse_cn_int

MIN_YEAR, MAX_YEAR = 1990, 2100

_CN_NUM = CN_NUMERALS


@dataclass(frozen=True)
class DateSpan:
    """One date as written: offsets into the text and the parts it states."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    kind: str
    year_offset: int = 0
    options: tuple[tuple[int, int], ...] = field(default=())


def make_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """A valid date within 1990-2100, else None.

    >>> make_date(2023, 2, 30), make_date(2023, 2, 28), make_date(1989, 1, 1)
    (None, datetime.date(2023, 2, 28), None)
    """
    if year is None or month is None or day is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: object) -> date | None:
    """`YYYY-MM-DD...` -> date (None for anything else).

    >>> parse_iso("2023-06-02 16:43:23"), parse_iso(None)
    (datetime.date(2023, 6, 2), None)
    """
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value or ""))
    return make_date(int(m[1]), int(m[2]), int(m[3])) if m else None


# a written calendar date: 2023-06-02, 2021年06月03日, 2023/11/7 (a time may follow, or be
# glued to the day when a space got lost: 2022/5/910:03:11)
WRITTEN_DATE = (r"(\d{4})\s*[-/.年]\s*(1[0-2]|0?[1-9])\s*[-/.月]\s*(3[01]|[12]\d|0?[1-9])"
                r"(?=[0-2]\d:\d{2}|\D|$)\s*日?(?:\s*[0-2]?\d:\d{2}(?::\d{2})?)?")
_WRITTEN_DATE = re.compile(WRITTEN_DATE)


def parse_written_date(text: str) -> str | None:
    """ISO form of the first written calendar date in `text`, else None.

    >>> parse_written_date("发布时间:2021年06月03日 点击数:"), parse_written_date("2022/5/910:03")
    ('2021-06-03', '2022-05-09')
    >>> parse_written_date("202X年X月X日") is None, parse_written_date("2023-02-30") is None
    (True, True)
    """
    m = _WRITTEN_DATE.search(text or "")
    day = make_date(int(m[1]), int(m[2]), int(m[3])) if m else None
    return day.isoformat() if day else None


def garbled_readings(digits: str) -> tuple[tuple[int, int], ...]:
    """The (month, day) readings of a month and day whose 月 got lost.

    2 digits -> M D; 4 digits -> MM DD; 3 digits -> M DD or MM D (both only when
    they start with 1). Readings that are no valid day are dropped.

    >>> garbled_readings("618"), garbled_readings("113"), garbled_readings("96")
    (((6, 18),), ((1, 13), (11, 3)), ((9, 6),))
    >>> garbled_readings("1231"), garbled_readings("135"), garbled_readings("105")
    (((12, 31),), (), ((10, 5),))
    """
    if not digits.isdigit() or not 2 <= len(digits) <= 4:
        return ()
    if len(digits) == 2:
        cuts = [1]
    elif len(digits) == 4:
        cuts = [2]
    else:
        cuts = [1, 2]
    out = []
    for cut in cuts:
        month, day = int(digits[:cut]), int(digits[cut:])
        if len(digits) == 3 and digits[cut] == "0":
            continue  # 1-05 is not how a lost 月 looks; 10-5 is
        if make_date(2000, month, day):  # 2000 is a leap year: allows 2-29
            out.append((month, day))
    return tuple(out)


_N2 = r"[0-9]{1,2}"
_YEAR = r"(?:19|20)[0-9]{2}"
_CN_YEAR = rf"[{_CN_NUM}]{{4}}"
_CN_MD = rf"[{_CN_NUM}]{{1,3}}"
_OPEN_END = r"\s*(?:至|到|—{1,2}|–|-|－|~|～)\s*[0-9]{1,2}\s*[日号]"
_RELATIVE = {"今年": 0, "本年": 0, "当年": None, "去年": -1, "上年": -1, "上一年": -1,
             "前年": -2, "明年": 1}
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("placeholder", re.compile(r"(?:(?:19|20)[0-9]{0,2}[Xx×]{1,2}|[Xx×]{2,4})年"
                               r"(?:[0-9Xx×]{1,2}月)?(?:[0-9Xx×]{1,2}日)?"
                               r"|[Xx×]{1,2}月[0-9Xx×]{1,2}日|[0-9]{1,2}月[Xx×]{1,2}日")),
    ("full", re.compile(rf"(?<![0-9])({_YEAR})\s*年\s*({_N2})\s*月\s*({_N2})\s*[日号]")),
    # the day may be glued to a time when a space got lost: 2023-06-0216:43:23
    ("iso", re.compile(rf"(?<![0-9.])({_YEAR})([-/.])({_N2})\2({_N2})"
                       r"(?:(?![0-9])|(?=[0-9]{2}:[0-9]{2}))")),
    # 日 left out before a range's bare-day end: 2018年1月4至5日, 12月13-15日
    ("full", re.compile(rf"(?<![0-9])({_YEAR})\s*年\s*({_N2})\s*月\s*({_N2})"
                        rf"(?={_OPEN_END})")),
    ("no_year", re.compile(rf"(?<![0-9年.])({_N2})\s*月\s*({_N2})(?={_OPEN_END})")),
    # 日 left out at a range's full end before the next words: 至2022年11月15市委第三巡察组…
    ("full", re.compile(rf"(?<=至|到)({_YEAR})\s*年\s*({_N2})\s*月\s*({_N2})"
                        r"(?=[,\u4e00-\u9fff])(?![日号个天次名人项件条万亿元家所时点])")),
    ("cn_full", re.compile(rf"({_CN_YEAR})年({_CN_MD})月({_CN_MD})日")),
    ("garbled", re.compile(rf"(?<![0-9])({_YEAR})年?([0-9]{{2,4}})日")),
    ("relative", re.compile(rf"(今年|本年|去年|上一年|上年|前年|明年)\s*({_N2})\s*月\s*({_N2})\s*[日号]")),
    ("vague", re.compile(rf"(?<![0-9])(?:({_YEAR})\s*年\s*)?({_N2})\s*月(?:份)?"
                         rf"(?:上旬|中旬|下旬|初|中|底|末|前|以来)?(?!\s*[0-9])")),
    ("no_year", re.compile(rf"(?<![0-9年.])({_N2})\s*月\s*({_N2})\s*[日号]")),
]


def _span_from(kind: str, m: re.Match) -> DateSpan | None:
    """One DateSpan from a pattern match, or None when it is no real date."""
    s, e = m.start(), m.end()
    if kind == "placeholder":
        return DateSpan(s, e, None, None, None, "placeholder")
    if kind in ("full", "iso"):
        y, mo, d = (int(m[1]), int(m[2]), int(m[3])) if kind == "full" else (
            int(m[1]), int(m[3]), int(m[4]))
        return DateSpan(s, e, y, mo, d, "full") if make_date(y, mo, d) else None
    if kind == "cn_full":
        y, mo, d = parse_cn_int(m[1]), parse_cn_int(m[2]), parse_cn_int(m[3])
        return DateSpan(s, e, y, mo, d, "full") if make_date(y, mo, d) else None
    if kind == "garbled":
        options = garbled_readings(m[2])
        if not options:
            return None
        mo, d = options[0] if len(options) == 1 else (None, None)
        return DateSpan(s, e, int(m[1]), mo, d, "garbled", options=options)
    if kind == "relative":
        offset = _RELATIVE.get(m[1])
        mo, d = int(m[2]), int(m[3])
        if offset is None or not make_date(2000, mo, d):
            return None
        return DateSpan(s, e, None, mo, d, "relative", year_offset=offset)
    if kind == "vague":
        mo = int(m[2])
        if not 1 <= mo <= 12:
            return None
        return DateSpan(s, e, int(m[1]) if m[1] else None, mo, None, "vague")
    mo, d = int(m[1]), int(m[2])
    return DateSpan(s, e, None, mo, d, "no_year") if make_date(2000, mo, d) else None


def find_dates(text: str) -> list[DateSpan]:
    """Every date-like span in `text`, in order, without overlaps.

    >>> [(d.year, d.month, d.day, d.kind) for d in find_dates("2023年5月8日至7月14日")]
    [(2023, 5, 8, 'full'), (None, 7, 14, 'no_year')]
    >>> [(d.month, d.day, d.kind) for d in find_dates("2023年5月8日至12日")]
    [(5, 8, 'full'), (None, 12, 'day')]
    >>> [d.kind for d in find_dates("202X年X月X日,截至2023年11月,今年3月2日")]
    ['placeholder', 'vague', 'relative']
    """
    return list(_find_dates(text or ""))


# every date pattern needs one of these characters
_MAY_HOLD_DATE = re.compile(r"[0-9Xx×年]")


# for each of _PATTERNS, characters one of which every match holds: a text with none of
# them is not searched
_NEEDS = ("Xx×", "月", "-/.", "月", "月", "月", "年", "日", "月", "月", "月")


@lru_cache(maxsize=2048)
def _find_dates(text: str) -> tuple[DateSpan, ...]:
    if not _MAY_HOLD_DATE.search(text):
        return ()
    taken = [False] * (len(text) + 1)
    spans: list[DateSpan] = []
    for (kind, pattern), needs in zip(_PATTERNS, _NEEDS, strict=True):
        if not any(c in text for c in needs):
            continue
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            span = _span_from(kind, m)
            if span is None:
                continue
            spans.append(span)
            taken[span.start:span.end] = [True] * (span.end - span.start)
    spans.sort(key=lambda d: d.start)
    spans += _yearless_garbled(text, taken)
    spans.sort(key=lambda d: d.start)
    return tuple(_add_range_ends(text, spans, taken))


# pages that lose 年 and 月 also lose them in yearless dates: a clause that opens with
# 3-4 digits and 日 and a comma is a garbled date (`。914日,巡察组向…反馈`); `120日内` is not
_YEARLESS_GARBLED = re.compile(r"(?:^|(?<=[。,;:\n]))([0-9]{3,4})日(?=[,,])")


def _yearless_garbled(text: str, taken: list[bool]) -> list[DateSpan]:
    """Garbled dates without a year at the opening of a clause.

    >>> [(d.month, d.day) for d in find_dates("2024717日至830日,巡察。914日,反馈。")]
    [(7, 17), (8, 30), (9, 14)]
    """
    out = []
    for m in _YEARLESS_GARBLED.finditer(text):
        options = garbled_readings(m[1])
        if options and not any(taken[m.start(1):m.end()]):
            mo, d = options[0] if len(options) == 1 else (None, None)
            out.append(DateSpan(m.start(1), m.end(), None, mo, d, "garbled", options=options))
    return out


_CONNECTOR = r"\s*(?:至|到|—{1,2}|–|-|－|~|～|〜)\s*"
_DAY_END = re.compile(rf"{_CONNECTOR}([0-9]{{1,2}})\s*[日号](?![0-9])")
_GARBLED_END = re.compile(rf"{_CONNECTOR}([0-9]{{2,4}})\s*日")


def _add_range_ends(text: str, spans: list[DateSpan], taken: list[bool]) -> list[DateSpan]:
    """Add the end of `…8日至12日` (a bare day) and `…618日至725日` (garbled, no year)."""
    extra: list[DateSpan] = []
    for span in spans:
        if span.kind in ("vague", "placeholder"):
            continue
        for pattern, kind in ((_DAY_END, "day"), (_GARBLED_END, "garbled")):
            m = pattern.match(text, span.end)
            if not m or any(taken[m.start(1):m.end()]):
                continue
            if kind == "day":
                d = int(m[1])
                if not 1 <= d <= 31:
                    continue  # `至96日`: a lost 月, tried next
                extra.append(DateSpan(m.start(1), m.end(), None, None, d, "day"))
            else:
                options = garbled_readings(m[1])
                if options:
                    mo, d = options[0] if len(options) == 1 else (None, None)
                    extra.append(DateSpan(m.start(1), m.end(), None, mo, d, "garbled",
                                          options=options))
            break
    return sorted(spans + extra, key=lambda d: d.start)


_JOIN = re.compile(rf"^(?:{_CONNECTOR}|\s*|\s*日?\s*(?:至|到)\s*)$")


def find_date_ranges(text: str) -> list[tuple[DateSpan, DateSpan]]:
    """Pairs (start, end) of dates written as a range.

    Joined by 至/到/—/-/~ or written side by side (`2020年4月9日5月8日`).

    >>> r = find_date_ranges("于2022年11月3日至2023年1月16日进行巡察")
    >>> [(a.month, a.day, b.year, b.month, b.day) for a, b in r]
    [(11, 3, 2023, 1, 16)]
    >>> len(find_date_ranges("2021年4月6日—4月23日")), len(find_date_ranges("5月8日,6月9日"))
    (1, 0)
    >>> [(b.month, b.day) for a, b in find_date_ranges("2022年8月9日至2022年10月25县委巡察组")]
    [(10, 25)]
    """
    spans = find_dates(text)
    out: list[tuple[DateSpan, DateSpan]] = []
    i = 0
    while i + 1 < len(spans):
        a, b = spans[i], spans[i + 1]
        gap = (text or "")[a.end:b.start]
        if len(gap) <= 3 and _JOIN.match(gap) and b.kind != "relative":
            out.append((a, complete_range_end(a, b)))
            i += 2
        else:
            i += 1
    return out


def complete_range_end(start: DateSpan, end: DateSpan) -> DateSpan:
    """Give a bare-day range end (`至12日`) the month of the range start.

    >>> s, e = find_dates("2023年5月8日至12日")
    >>> complete_range_end(s, e).month
    5
    """
    if end.kind == "day" and start.month is not None:
        return replace(end, month=start.month, kind="no_year")
    return end


def _readings(span: DateSpan) -> list[tuple[int, int] | None]:
    """(month, day) readings of one span: one, several (garbled) or [None]."""
    if span.kind == "garbled":
        return list(span.options) or [None]
    if span.month is None or span.day is None or span.kind in ("vague", "placeholder"):
        return [None]
    return [(span.month, span.day)]


def _year_for(span: DateSpan, md: tuple[int, int], prev: date | None,
              publish: date | None) -> tuple[date | None, int]:
    """The date of one reading and whether its year rolled over (0/1)."""
    month, day = md
    if span.year is not None:
        return make_date(span.year, month, day), 0
    if span.kind == "relative":
        if publish is None:
            return None, 0
        return make_date(publish.year + span.year_offset, month, day), 0
    if prev is not None:
        got = make_date(prev.year, month, day)
        if got is not None and got < prev:
            return make_date(prev.year + 1, month, day), 1
        return got, 0
    if publish is not None:
        got = make_date(publish.year, month, day)
        if got is not None and got > publish:
            return make_date(publish.year - 1, month, day), 0
        return got, 0
    return None, 0


def _chain(spans: Sequence[DateSpan | None], pick: Sequence[tuple[int, int] | None],
           publish: date | None, bound: bool = True) -> tuple[list[date | None], int, bool]:
    """Resolve one choice of readings: dates, rollovers, and whether order holds (with
    `bound`, the last date must not follow the publish date)."""
    out: list[date | None] = []
    prev: date | None = None
    rolls, ordered = 0, True
    for span, md in zip(spans, pick):
        got: date | None = None
        if span is not None and md is not None:
            got, rolled = _year_for(span, md, prev, publish)
            rolls += rolled
        if got is not None:
            if prev is not None and got < prev:
                ordered = False
            prev = got
        out.append(got)
    if bound and publish is not None and prev is not None and prev > publish:
        ordered = False
    return out, rolls, ordered


def resolve_dates(spans: Sequence[DateSpan | None],
                  publish_date: str | date | None = None) -> list[str | None]:
    """ISO dates for a chronological chain of spans (None where unknown).

    A missing year is taken from the previous date in the chain (+1 when the date
    would fall before it), else from the publish year (-1 when it would fall after
    the publish date); relative years count from the publish year. Garbled spans take
    the reading that keeps the chain in order (fewest year rollovers first); when
    several readings remain, or none, they stay None.

    >>> s = find_dates("2019年6月8日至8月13日,10月9日反馈")
    >>> resolve_dates(s)
    ['2019-06-08', '2019-08-13', '2019-10-09']
    >>> resolve_dates(find_dates("2023年11月20日至12月15日,2月13日反馈"))
    ['2023-11-20', '2023-12-15', '2024-02-13']
    >>> resolve_dates(find_dates("2024113日至2月28日"))
    ['2024-01-13', '2024-02-28']
    >>> resolve_dates(find_dates("2024年10月8日至2024113日"))
    ['2024-10-08', '2024-11-03']
    >>> resolve_dates(find_dates("6月18日"), "2023-09-01"), resolve_dates(find_dates("6月18日"))
    (['2023-06-18'], [None])
    >>> resolve_dates(find_dates("2024年6月3日至8月30日,2024115日反馈"), "2024-10-02")
    ['2024-06-03', '2024-08-30', '2024-11-05']
    """
    publish = _as_date(publish_date)
    spans = [complete_range_end(prev, s) if prev is not None and s is not None else s
             for prev, s in zip([None, *spans[:-1]], spans)]
    options = _ordered_chains(spans, publish)
    out: list[str | None] = []
    for i in range(len(spans)):
        values = {opt[i] for opt in options}
        value = values.pop() if len(values) == 1 else None
        out.append(value.isoformat() if value is not None else None)
    return out


def _ordered_chains(spans: list[DateSpan | None], publish: date | None
                    ) -> list[list[date | None]]:
    """Every resolution of the chain that keeps its order, with the fewest rollovers."""
    readings = [_readings(s) if s is not None else [None] for s in spans]
    if _combinations(readings) > 64:
        readings = [r if len(r) == 1 else [None] for r in readings]
    best: dict[int, list[list[date | None]]] = {}
    for pick in product(*readings):
        dates, rolls, ordered = _chain(spans, pick, publish)
        if ordered or all(len(r) == 1 for r in readings):
            best.setdefault(rolls, []).append(dates)
    if not best:  # a page dated before its own last date: the chain's order alone decides
        for pick in product(*readings):
            dates, rolls, ordered = _chain(spans, pick, publish, bound=False)
            if ordered:
                best.setdefault(rolls, []).append(dates)
    if not best:  # no garbled reading keeps the order: leave those spans empty
        readings = [r if len(r) == 1 else [None] for r in readings]
        best = {0: [_chain(spans, [r[0] for r in readings], publish)[0]]}
    return best[min(best)]


def _as_date(value: object) -> date | None:
    """A publish date given as date, datetime or ISO-like string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_iso(value)


def _combinations(readings: list[list]) -> int:
    n = 1
    for r in readings:
        n *= len(r)
    return n


def parse_cn_date(s: str, publish_date: str | date | None = None) -> str | None:
    """One date as written -> ISO string (None when vague, a placeholder or invalid).

    >>> [parse_cn_date(x) for x in ("2021年07月26日", "2023-06-02 16:43:23", "2023/11/7")]
    ['2021-07-26', '2023-06-02', '2023-11-07']
    >>> parse_cn_date("去年12月14日", "2024-03-01"), parse_cn_date("202X年X月X日")
    ('2023-12-14', None)
    >>> parse_cn_date("2023618日"), parse_cn_date("2020年11月下旬")
    ('2023-06-18', None)
    """
    spans = find_dates(s or "")
    if not spans:
        return None
    return resolve_dates(spans[:1], publish_date)[0]
