"""Dates as notices write them: single dates, ranges, missing years, garbled and vague forms."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text.dates import (
    DateSpan,
    find_date_ranges,
    find_dates,
    garbled_readings,
    parse_cn_date,
    parse_cn_int,
    resolve_dates,
)
from analysis.text.normalize import normalize_text


# ---------------------------------------------------------------- single dates
@pytest.mark.parametrize("text, publish, expected", [
    ("2023年5月8日", None, "2023-05-08"),
    ("2021年07月26日", None, "2021-07-26"),            # padded month and day
    ("2023-06-02 16:43:23", None, "2023-06-02"),        # ISO with a time (publish lines)
    ("2023/11/7 14:05:21", None, "2023-11-07"),         # slash form
    ("2022.3.9", None, "2022-03-09"),                   # dotted form
    ("2023 年 5 月 8 日", None, "2023-05-08"),          # stray spaces inside
    ("２０２３年５月８日", None, "2023-05-08"),          # full-width digits (normalised first)
    ("二〇二三年五月八日", None, "2023-05-08"),          # Chinese numerals in a signature block
    ("2023年2月30日", None, None),                      # no such day
    ("1989年5月8日", None, None),                       # outside 1990-2100
    ("202X年X月X日", None, None),                       # placeholder
    ("X月X日", "2023-10-24", None),                     # placeholder without a year
    ("2020年11月下旬", None, None),                     # month only, vague
    ("9月底", "2022-10-01", None),                      # vague, no year
    ("2023年11月", None, None),                         # month only
    ("今年3月2日", "2024-05-01", "2024-03-02"),         # relative to the publish year
    ("去年12月14日", "2024-03-01", "2023-12-14"),
    ("上年12月14日", "2024-03-01", "2023-12-14"),
    ("今年3月2日", None, None),                         # relative with no publish year
    ("6月18日", "2023-09-01", "2023-06-18"),            # no year: the publish year
    ("11月18日", "2023-09-01", "2022-11-18"),           # ... one back if after the publish date
    ("6月18日", None, None),                            # no year and no publish date
    ("2023618日", None, "2023-06-18"),                  # 年 and 月 lost
    ("2023年618日", None, "2023-06-18"),                # only 月 lost
    ("20231225日", None, "2023-12-25"),                 # 4 digits: MM DD
    ("2024113日", None, None),                          # 1-13 or 11-3: nothing to decide by
    ("2024113日", "2024-06-01", "2024-01-13"),          # 11-3 would follow the publish date
    ("2023135日", None, None),                          # neither 1-35 nor 13-5 is a date
])
def test_parse_cn_date(text, publish, expected):
    assert parse_cn_date(normalize_text(text), publish) == expected


# ---------------------------------------------------------------- chains and ranges
@pytest.mark.parametrize("text, publish, expected", [
    # range, end year left out
    ("2023年5月8日至7月14日", None, ["2023-05-08", "2023-07-14"]),
    # range across the new year without an end year: +1
    ("2023年11月20日至1月16日", None, ["2023-11-20", "2024-01-16"]),
    # both years written
    ("2022年11月3日至2023年1月16日", None, ["2022-11-03", "2023-01-16"]),
    # dash instead of 至, and two dates side by side
    ("2021年4月6日—4月23日", None, ["2021-04-06", "2021-04-23"]),
    ("2020年4月9日5月8日", None, ["2020-04-09", "2020-05-08"]),
    ("2021年4月6日~4月23日", None, ["2021-04-06", "2021-04-23"]),
    # the end is a bare day of the same month
    ("2021年2月1日至3日", None, ["2021-02-01", "2021-02-03"]),
    # feedback without a year takes the previous date's year
    ("2019年6月8日至8月13日,10月9日反馈", None, ["2019-06-08", "2019-08-13", "2019-10-09"]),
    # ... and the next year when it would precede the inspection end
    ("2023年11月20日至12月15日,2月13日反馈", None, ["2023-11-20", "2023-12-15", "2024-02-13"]),
    # no year anywhere: from the publish line
    ("6月8日至8月13日,10月9日反馈", "2021-12-01", ["2021-06-08", "2021-08-13", "2021-10-09"]),
    ("6月8日至8月13日,10月9日反馈", None, [None, None, None]),
    # garbled range: 2023618日至725日
    ("2023618日至725日", None, ["2023-06-18", "2023-07-25"]),
    # 2024113日 both ways: the end decides
    ("2024113日至2月28日", None, ["2024-01-13", "2024-02-28"]),
    ("2024年10月8日至2024113日", None, ["2024-10-08", "2024-11-03"]),
    # 126 = 1-26 or 12-6; the feedback in March 2024 rules out December
    ("2024126日至2月20日,2024年3月5日反馈", None, ["2024-01-26", "2024-02-20", "2024-03-05"]),
    # the same page loses 年/月 in the yearless feedback date too: 914日 = 9-14
    ("2024717日至830日,巡察组进驻。914日,反馈意见。", None,
     ["2024-07-17", "2024-08-30", "2024-09-14"]),
    # a clause opening with 120日 and no comma is a duration, not a date
    ("2023年5月8日至7月14日,巡察。120日内完成整改。", None, ["2023-05-08", "2023-07-14"]),
    # garbled bare end: 至96日
    ("2023年7月3日至96日", None, ["2023-07-03", "2023-09-06"]),
    # vague range: nothing
    ("2023年11月至2024年1月", None, [None, None]),
    ("8月下旬至9月底", "2023-12-01", [None, None]),
    # 日 lost at a range's full end, the next words glued on
    ("2021年3月2日至2021年5月18区委第二巡察组", None, ["2021-03-02", "2021-05-18"]),
    # a garbled feedback date whose only in-order reading falls after the publish date:
    # the chain's order decides (the page's own date may be wrong)
    ("2023年5月4日至7月28日,2023115日反馈", "2023-09-30", ["2023-05-04", "2023-07-28", "2023-11-05"]),
    # ... but a count after the numbers is no day
    ("2021年3月2日至2021年5月18个", None, ["2021-03-02"]),
    # placeholders
    ("202X年X月X日至X月X日", None, [None, None]),
])
def test_resolve_chain(text, publish, expected):
    assert resolve_dates(find_dates(normalize_text(text)), publish) == expected


@pytest.mark.parametrize("text, n", [
    ("2023年5月8日至7月14日", 1),
    ("2022年11月3日至2023年1月16日", 1),
    ("2021年4月6日-4月23日", 1),
    ("2020年4月9日5月8日", 1),          # adjacent: a range with 至 lost
    ("5月8日,6月9日", 0),               # a list, not a range
    ("2023年5月8日召开会议,7月14日", 0),
])
def test_find_date_ranges(text, n):
    assert len(find_date_ranges(text)) == n


def test_find_dates_offsets_and_kinds():
    text = "于2023年5月8日至12日,截至11月7日,202X年X月"
    spans = find_dates(text)
    assert [s.kind for s in spans] == ["full", "day", "no_year", "placeholder"]
    assert text[spans[0].start:spans[0].end] == "2023年5月8日"
    assert text[spans[2].start:spans[2].end] == "11月7日"


def test_wrong_publish_date_is_not_fixed():
    # the page says it was published before the inspection: dates stay as written
    spans = find_dates("2023年5月8日至7月14日")
    assert resolve_dates(spans, "2023-01-01") == ["2023-05-08", "2023-07-14"]


@pytest.mark.parametrize("text, expected", [
    ("12", 12), ("十二", 12), ("二十", 20), ("十", 10), ("两", 2), ("九十九", 99),
    ("二十一", 21), ("三十五", 35), ("零", 0), ("十二三", None), ("", None),
])
def test_parse_cn_int(text, expected):
    assert parse_cn_int(text) == expected


@pytest.mark.parametrize("digits, expected", [
    ("618", ((6, 18),)), ("96", ((9, 6),)), ("113", ((1, 13), (11, 3))),
    ("126", ((1, 26), (12, 6))), ("1231", ((12, 31),)), ("229", ((2, 29),)), ("90", ()),
    ("99", ((9, 9),)),
])
def test_garbled_readings(digits, expected):
    assert garbled_readings(digits) == expected


# ---------------------------------------------------------------- fuzz
_PIECES = st.sampled_from(["2023", "年", "月", "日", "至", "—", "-", "/", "X", "今年", "去年",
                           "1", "2", "9", "0", "13", "31", "下旬", "底", "截至", ",", " ",
                           "二〇", "十", "号", "1990", "2100", "9999"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join),
       st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 12, 31)).map(str)))
def test_fuzz_never_raises_and_stays_in_range(text, publish):
    spans = find_dates(text)
    for value in resolve_dates(spans, publish) + [parse_cn_date(text, publish)]:
        if value is not None:
            got = date.fromisoformat(value)
            assert date(1990, 1, 1) <= got <= date(2100, 12, 31)
    for a, b in find_date_ranges(text):
        assert isinstance(a, DateSpan) and a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fuzz_any_text(text):
    for value in resolve_dates(find_dates(text)):
        assert value is None or len(value) == 10


def test_doctests():
    import doctest

    import analysis.text.dates
    result = doctest.testmod(analysis.text.dates)
    assert result.attempted > 10 and result.failed == 0
