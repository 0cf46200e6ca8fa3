"""Numbers as notices write them: Chinese numerals, and money converted to 万元.

Pure functions, no state:

- `parse_cn_int`   "二十三" / "23" / "1,021" -> 23 / 23 / 1021 (None for 几, 若干, X)
- `parse_money_wan` ("76", "万余元") -> 76.0; ("3180", "元") -> 0.318
- `to_wan`         a number in 元 / 千元 / 万元 / 亿元 -> 万元
- `find_amounts_wan` every money mention in a text, as (start, end, 万元)

Approximate figures (76万余元, 3180多元, 近100万元) are stored as their number: a
lower bound, as SCHEMA.md asks; the wording stays in the evidence.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from analysis.text.scan import finditer_where

# Character classes of Chinese numerals for patterns in every stage, defined here once:
CN_ONE_TO_TEN = "一二三四五六七八九十"          # outline markers: 一、 (二) 三是
CN_NUMERALS = "〇零○" + CN_ONE_TO_TEN + "两"   # counts and dates: 两个, 二〇二三年
CN_COUNTS = CN_NUMERALS + "百"                  # counts up to hundreds: 一百二十个

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL_UNITS) + "".join(_CN_BIG_UNITS)
_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MAX_DIGITS = 15  # longer runs are ids or phone numbers, not amounts

# money units, in 万元 per unit
_WAN_PER_UNIT = {"元": 1e-4, "千元": 0.1, "万元": 1.0, "十万元": 10.0, "百万元": 100.0,
                 "千万元": 1000.0, "亿元": 1e4}
_APPROX = re.compile(r"[余多近约逾超过]")

_AMOUNT = re.compile(
    r"(?=\d)(?<![\d.,A-Za-z])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ ]?"
    r"(?P<unit>[余多]?(?:亿|千万|百万|万|千)?[余多]?元)")


@lru_cache(maxsize=4096)     # the same few numerals, over and over
def parse_cn_int(s: str) -> int | None:
    """An integer written in Arabic or Chinese numerals; None when it is no number.

    >>> [parse_cn_int(x) for x in ["23", "1,021", "三", "十二", "二十三", "一百一十五"]]
    [23, 1021, 3, 12, 23, 115]
    >>> [parse_cn_int(x) for x in ["两", "〇", "一百零五", "三千二百", "二〇二三", "十"]]
    [2, 0, 105, 3200, 2023, 10]
    >>> [parse_cn_int(x) for x in ["几", "若干", "X", "十几", "", "3个"]]
    [None, None, None, None, None, None]
    """
    s = (s or "").strip()
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        digits = s.replace(",", "")
        return int(digits) if len(digits) <= _MAX_DIGITS else None
    if any(c not in _CN_CHARS for c in s):
        return None
    if all(c in _CN_DIGITS for c in s):
        # digit by digit: 二〇二三 -> 2023, 三 -> 3
        return int("".join(str(_CN_DIGITS[c]) for c in s)) if len(s) <= _MAX_DIGITS else None
    return _parse_cn_positional(s)


def _parse_cn_positional(s: str) -> int | None:
    """十/百/千/万/亿 numerals; None for malformed ones (百 alone, 万十).

    >>> [_parse_cn_positional(x) for x in ["十五", "一万二千", "三亿", "百", "十十"]]
    [15, 12000, 300000000, None, None]
    """
    total, section, digit = 0, 0, None
    last_small = 10_000
    for i, c in enumerate(s):
        if c in _CN_DIGITS:
            if digit and _CN_DIGITS[c] != 0:
                return None  # two digits in a row inside a positional number
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[c]
            if unit >= last_small:
                return None
            if digit is None:
                if i != 0 or unit != 10:
                    return None  # only a leading 十 may stand alone (十二 = 12)
                digit = 1
            section += digit * unit
            digit, last_small = None, unit
        else:
            unit = _CN_BIG_UNITS[c]
            if digit is None and section == 0:
                return None
            total = (total + section + (digit or 0)) * unit
            section, digit, last_small = 0, None, 10_000
    return total + section + (digit or 0)


def to_wan(value: float, unit: str) -> float | None:
    """A money figure in `unit` (元, 千元, 万元, 亿元 ...) expressed in 万元.

    >>> to_wan(3180, "元"), to_wan(76, "万元"), to_wan(1.2, "亿元")
    (0.318, 76.0, 12000.0)
    >>> to_wan(5, "美元") is None
    True
    """
    factor = _WAN_PER_UNIT.get(_APPROX.sub("", unit or "").strip())
    if factor is None or value is None or not math.isfinite(value) or value < 0:
        return None
    return round(value * factor, 6)


def parse_money_wan(number: str, unit: str) -> float | None:
    """A money figure as written (number and unit apart) -> 万元; None for placeholders.

    余/多/近 make a lower bound and are dropped.

    >>> parse_money_wan("76", "万余元"), parse_money_wan("3180", "元")
    (76.0, 0.318)
    >>> parse_money_wan("1,234.5", "万元"), parse_money_wan("3.1586", "万元")
    (1234.5, 3.1586)
    >>> parse_money_wan("1.5", "亿元"), parse_money_wan("800", "千元")
    (15000.0, 80.0)
    >>> parse_money_wan("十二", "万元"), parse_money_wan("X", "万元"), parse_money_wan("3X", "元")
    (12.0, None, None)
    """
    number = _APPROX.sub("", (number or "").strip()).replace(" ", "")
    if _DECIMAL.fullmatch(number):
        digits = number.replace(",", "")
        if len(digits.split(".")[0]) > _MAX_DIGITS:
            return None
        value: float | None = float(digits)
    else:
        as_int = parse_cn_int(number)
        value = float(as_int) if as_int is not None else None
    if value is None:
        return None
    return to_wan(value, unit)


def find_amounts_wan(text: str) -> list[tuple[int, int, float]]:
    """Every money mention in `text` as (start, end, value in 万元), in text order.

    Placeholders (X万元, XX元) are skipped; figures must be written in digits.

    >>> find_amounts_wan("追回资金98.6万元,清退3180元,涉及X万元。")
    [(4, 10, 98.6), (13, 18, 0.318)]
    >>> find_amounts_wan("挽回经济损失76万余元,预算1,234.5万元")
    [(6, 11, 76.0), (14, 23, 1234.5)]
    """
    out: list[tuple[int, int, float]] = []
    for m in finditer_where(_AMOUNT, text or "", "元"):    # every amount ends in 元
        value = parse_money_wan(m.group("num"), m.group("unit"))
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out
