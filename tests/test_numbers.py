"""analysis.text.numbers: Chinese numerals and money in 万元, on awkward real-world forms."""
import doctest
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.text.numbers as numbers
from analysis.text.numbers import find_amounts_wan, parse_cn_int, parse_money_wan, to_wan


@pytest.mark.parametrize("text, expected", [
    ("7", 7),
    ("44", 44),
    ("1,021", 1021),          # thousands separator in a headline count
    (" 12 ", 12),             # stray spaces left around a number
    ("１２", 12),             # full-width digits not yet normalised
    ("三", 3),
    ("十", 10),
    ("十二", 12),             # leading 十 stands for 一十
    ("二十", 20),
    ("二十三", 23),
    ("一百一十五", 115),
    ("一百零五", 105),        # 零 fills the empty tens
    ("三千二百", 3200),
    ("一万二千", 12000),
    ("两", 2),                # 两 as in 两个方面
    ("〇", 0),
    ("二〇二三", 2023),       # year written digit by digit
    ("八", 8),
    ("几", None),             # 几个问题: no number
    ("若干", None),
    ("X", None),              # placeholder of an anonymised copy
    ("XX", None),
    ("十几", None),
    ("", None),
    ("3个", None),            # a unit is not part of the numeral
    ("百", None),             # 上百: not a count
    ("十十", None),           # malformed
])
def test_parse_cn_int(text, expected):
    assert parse_cn_int(text) == expected


@pytest.mark.parametrize("number, unit, expected", [
    ("76", "万余元", 76.0),        # 余 after 万: a lower bound
    ("76", "余万元", 76.0),        # 余 before 万
    ("3180", "元", 0.318),         # 元 -> 万元
    ("4250", "元", 0.425),
    ("3.1586", "万元", 3.1586),
    ("1,234.5", "万元", 1234.5),   # separator and decimals
    ("126.44", "万元", 126.44),
    ("1.2", "亿元", 12000.0),
    ("800", "千元", 80.0),
    ("5", "百万元", 500.0),
    ("300", "多元", 0.03),         # 多 before 元
    ("十二", "万元", 12.0),        # Chinese numerals
    ("７６", "万元", 76.0),        # full-width digits
    ("X", "万元", None),           # placeholder
    ("XX", "元", None),
    ("3X", "元", None),            # half a placeholder
    ("12", "美元", None),          # another currency: not converted
    ("", "万元", None),
    ("abc", "万元", None),
])
def test_parse_money_wan(number, unit, expected):
    assert parse_money_wan(number, unit) == expected


@pytest.mark.parametrize("value, unit, expected", [
    (3180, "元", 0.318),
    (76, "万元", 76.0),
    (1.5, "亿元", 15000.0),
    (12, "万余元", 12.0),
    (5, "英镑", None),
    (-3, "万元", None),            # never negative
    (float("nan"), "万元", None),  # never NaN
])
def test_to_wan(value, unit, expected):
    assert to_wan(value, unit) == expected


@pytest.mark.parametrize("text, expected", [
    ("追回资金98.6万元", [98.6]),
    ("清退3180元,退还2,500元", [0.318, 0.25]),
    ("挽回经济损失76万余元", [76.0]),
    ("规模达到12.79亿元", [127900.0]),
    ("建会筹备金共X万元,回拨X元", []),      # placeholders skipped
    ("2023年3月追回", []),                  # a year is no money
    ("热线12345受理", []),
    ("涉及资金12.66万元;预算1,234.5万元", [12.66, 1234.5]),
    ("补助 500 元", [0.05]),               # spaces left around the figure
])
def test_find_amounts_wan_values(text, expected):
    assert [v for _, _, v in find_amounts_wan(text)] == expected


def test_find_amounts_wan_spans_cover_number_and_unit():
    text = "累计追回资金111.95万元,剩余部分分期退还。"
    (start, end, value), = find_amounts_wan(text)
    assert text[start:end] == "111.95万元" and value == 111.95


def test_doctests():
    assert doctest.testmod(numbers).failed == 0


@settings(max_examples=300)
@given(st.text())
def test_parse_cn_int_never_raises(text):
    value = parse_cn_int(text)
    assert value is None or value >= 0


@settings(max_examples=300)
@given(st.text(alphabet="0123456789,.X余多近一二三十百千万亿元零两 ", max_size=20),
       st.sampled_from(["元", "万元", "万余元", "亿元", "千元", "多元", "镑", ""]))
def test_parse_money_wan_never_negative_or_nan(number, unit):
    value = parse_money_wan(number, unit)
    assert value is None or (value >= 0 and not math.isnan(value) and math.isfinite(value))


@settings(max_examples=300)
@given(st.text(alphabet="0123456789,.X余多万亿千元追回资金。 ", max_size=60) | st.text())
def test_find_amounts_wan_never_raises(text):
    for start, end, value in find_amounts_wan(text):
        assert 0 <= start < end <= len(text)
        assert value >= 0 and not math.isnan(value)
