"""Word automatic numbering: the 一、 / （一） / 1. markers that are not in the paragraph text.

A numbered paragraph carries only (numId, ilvl); the marker is rendered from the
numbering part: numId -> abstractNum -> level (start, numFmt, lvlText such as
"%1、" or "（%1）"). Counters run per list in document order; a level restarts
when a higher level advances.
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_MARKER_ENDS = "、.．)）:："
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_count(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """A number below 10,000 in Chinese counting characters.

    >>> [chinese_count(n) for n in (1, 10, 12, 20, 35, 101, 110)]
    ['一', '十', '十二', '二十', '三十五', '一百零一', '一百一十']
    """
    if n <= 0 or n >= 10_000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, ten), (1, ""))
    out, zero = "", False
    for size, unit in units:
        d = n // size % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (size == 10 and d == 1 and not out) else digits[d]) + unit
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word numFmt.

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "ideographTraditional",
    ...                                "decimalEnclosedCircle", "upperRoman", "lowerLetter")]
    ['3', '三', '丙', '③', 'III', 'c']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_count(n)
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, _LEGAL, "拾")
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _STEMS if fmt == "ideographTraditional" else _BRANCHES
        return cycle[(n - 1) % len(cycle)]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


@dataclass
class Level:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False


@dataclass
class ListNumbering:
    """Markers for the numbered paragraphs of one document, rendered in order."""

    abstract_levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_abstract: dict[str, str] = field(default_factory=dict)
    num_starts: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_element(cls, numbering) -> ListNumbering:
        """Read a <w:numbering> element (None gives an empty numbering)."""
        result = cls()
        if numbering is None:
            return result
        for abstract in numbering.iter(f"{W}abstractNum"):
            levels = {int(_val(lvl, "ilvl", attr=True) or 0): _level(lvl)
                      for lvl in abstract.iter(f"{W}lvl")}
            result.abstract_levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in numbering.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            result.num_abstract[num_id] = _val(num, "abstractNumId") or ""
            result.num_starts[num_id] = _start_overrides(num)
        return result

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the rendered marker with its gap."""
        abstract = self.num_abstract.get(num_id)
        levels = self.abstract_levels.get(abstract or "", {})
        level = levels.get(ilvl)
        if level is None or num_id in (None, "0"):
            return ""
        starts = self.num_starts.get(num_id, {})
        key = num_id if starts else f"abstract:{abstract}"
        counts = self.counters.setdefault(key, {})
        start = starts.get(ilvl, level.start)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = _render(level.text, levels, counts, starts, ilvl)
        if not text.strip():
            return ""
        gap = "" if level.suffix == "nothing" or text.endswith(tuple(_MARKER_ENDS)) else " "
        return text + gap


def _render(template: str, levels: dict[int, Level], counts: dict[int, int],
            starts: dict[int, int], ilvl: int) -> str:
    own = levels[ilvl]
    if own.fmt == "bullet":
        return ""
    out = template
    for k in range(9, 0, -1):
        if f"%{k}" not in out:
            continue
        lvl = levels.get(k - 1, Level())
        n = counts.get(k - 1, starts.get(k - 1, lvl.start))
        fmt = "decimal" if own.legal and k - 1 < ilvl else lvl.fmt
        out = out.replace(f"%{k}", format_number(n, fmt))
    return out


def _val(element, child: str, attr: bool = False) -> str | None:
    if attr:
        return element.get(f"{W}{child}")
    found = element.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _level(lvl) -> Level:
    start = _val(lvl, "start")
    return Level(fmt=_val(lvl, "numFmt") or "decimal",
                 text=_val(lvl, "lvlText") if _val(lvl, "lvlText") is not None else "",
                 start=int(start) if start and start.lstrip("-").isdigit() else 1,
                 suffix=_val(lvl, "suff") or "tab",
                 legal=lvl.find(f"{W}isLgl") is not None)


def _start_overrides(num) -> dict[int, int]:
    starts: dict[int, int] = {}
    for override in num.iter(f"{W}lvlOverride"):
        value = _val(override, "startOverride")
        if value and value.isdigit():
            starts[int(override.get(f"{W}ilvl") or 0)] = int(value)
    return starts
