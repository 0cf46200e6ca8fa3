"""Text normalisation: one canonical form before any parsing.

The canonical form (what `normalize_text` returns, and what `facts.start/end`
index into):

- LF line ends; no zero-width characters; U+3000, NBSP and the other Unicode
  spaces become a plain space;
- full-width ASCII forms become ASCII: `，（）：；！？０-９Ａ-Ｚ` -> `,():;!?0-9A-Z`
  (the form most web pages already use); `。、“”《》〔〕` stay as they are;
- markup leftovers removed: `**bold**`, markdown heading hashes, HTML entities;
- pinyin glued after characters on mirror sites removed: `根據(jù)` -> `根據`;
- stray spaces inside Chinese text removed (`认真研究讨 论`, `截至 11 月`),
  except a space that separates an inline outline marker (`。 一、`);
- a line break inside a word (a page break splitting `劳动保` / `障监察`) joined;
- doubled punctuation from bad conversions (`,,` `,。`) folded.

`to_simplified` converts traditional characters for matching while keeping the
length, so offsets found in the simplified copy index the original text too.
"""
from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache

import numpy as np

from analysis.text.numbers import CN_ONE_TO_TEN
from analysis.text.outline import OUTLINE_MARKER

_CJK = "\u4e00-\u9fff\u3400-\u4dbf"
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                                   "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# full-width ASCII block U+FF01..U+FF5E -> U+0021..U+007E, one character for one
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
# brackets that some pages use for the outline marker (一) or for 〔2022〕
_WIDTH.update({ord("﹝"): "〔", ord("﹞"): "〕", ord("﹙"): "(", ord("﹚"): ")"})
# the three tables have disjoint keys and no output is another table's key: one pass
_ONE_PASS = str.maketrans({**_ZERO_WIDTH, **_SPACES, **_WIDTH})
# from this length on, looking code points up in a table beats the str methods
_LONG = 256
_DROPPED = 0xFFFFFFFF


def _code_points(text: str) -> np.ndarray | None:
    """The code points of a long text (None for a short one or one with lone surrogates)."""
    if len(text) < _LONG:
        return None
    try:
        return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=1)
def _one_pass_table() -> np.ndarray:
    """_ONE_PASS as a table of code points (_DROPPED for a character removed)."""
    table = np.arange(0x110000, dtype=np.uint32)
    for code, to in _ONE_PASS.items():
        table[code] = _DROPPED if to is None else to if isinstance(to, int) else ord(to)
    return table


def _one_pass(text: str) -> str:
    """text.translate(_ONE_PASS), through the table for a long text."""
    codes = _code_points(text)
    if codes is None:
        return text.translate(_ONE_PASS)
    codes = _one_pass_table()[codes]
    return codes[codes != _DROPPED].tobytes().decode("utf-32-le")

_PINYIN_LETTERS = r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]+\)"
_PINYIN = re.compile(rf"(?<=[{_CJK}]){_PINYIN_LETTERS}")
# the same without the lookbehind: found much faster, and needed by every _PINYIN match
_MAY_HOLD_PINYIN = re.compile(_PINYIN_LETTERS)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.S)
_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_STRAY_STARS = re.compile(r"\*\*")
# an outline marker, also with its opening bracket lost, or 问题1
_OUTLINE_AHEAD = rf"(?:{OUTLINE_MARKER}|\(?[{CN_ONE_TO_TEN}]{{1,3}}\)|问题\s*\d)"
# a space with Chinese on at least one side (never between two digits: 2023-06-02 16:43)
_SPACE_IN_CJK = re.compile(
    rf"(?<=[{_CJK}“”、。])[ ]+(?=[{_CJK}\d“”(])|(?<=[\d%,:;)(])[ ]+(?=[{_CJK}“”])")
_DOUBLED = re.compile(r"([,、;:])\1+|,(?=[。;])|,(?=、)")
# what _DOUBLED matches starts with one of these pairs: a text with none is left alone
_DOUBLED_PAIRS = (",,", "、、", ";;", "::", ",。", ",;", ",、")
_BLANKS = re.compile(r"\n{3,}")
_LINE_END_CJK = re.compile(rf"[{_CJK}]$")
_LINE_START_MARKER = re.compile(rf"^\s*{_OUTLINE_AHEAD}")
_OUTLINE_AHEAD_RE = re.compile(_OUTLINE_AHEAD)
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_HEADING_ENDS = ("情况", "问题", "方面", "通报", "报告", "公告", "通知")


def strip_pinyin(text: str) -> str:
    """Remove pinyin that mirror sites glue after converted characters.

    >>> strip_pinyin("根據(jù)區委統(tǒng)一部署")
    '根據區委統一部署'
    >>> strip_pinyin("第(一)组 (2023) (abc)")
    '第(一)组 (2023) (abc)'
    """
    return _PINYIN.sub("", text) if _MAY_HOLD_PINYIN.search(text) else text


def _drop_inner_spaces(line: str) -> str:
    """Remove spaces between Chinese characters and numbers, keep marker breaks.

    >>> _drop_inner_spaces("截至 11 月 7 日,反馈的 2 个问题")
    '截至11月7日,反馈的2个问题'
    >>> _drop_inner_spaces("予以公布。 一、总体情况 1.压实责任")
    '予以公布。 一、总体情况 1.压实责任'
    """
    def repl(m: re.Match) -> str:
        rest = line[m.end():]
        return m.group(0) if _OUTLINE_AHEAD_RE.match(rest) else ""
    return _SPACE_IN_CJK.sub(repl, line) if " " in line else line


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Join a long line that stops mid-word with the line that carries on.

    A paragraph line of 40+ characters ending in a Chinese character (not a
    heading: a heading starts with an outline marker and has no 。, or ends in
    情况/问题/通报 ...), followed across blank lines by a line that starts with
    Chinese text and no outline marker, was split by a page or tag break.
    """
    out: list[str] = []
    pending_blank = 0
    for line in lines:
        if not line:
            pending_blank += 1
            continue
        prev = out[-1] if out else ""
        # (a line holds no line break: its last character is where $ matches)
        if (prev and len(prev) >= 40 and _LINE_END_CJK.match(prev, len(prev) - 1)
                and ("。" in prev or not _LINE_START_MARKER.match(prev))
                and _CJK_CHAR.match(line) and not _LINE_START_MARKER.match(line)
                and not prev.endswith(_HEADING_ENDS)):
            out[-1] = prev + line
        else:
            if out and pending_blank:
                out.append("")
            out.append(line)
        pending_blank = 0
    return out


@lru_cache(maxsize=2048)
def normalize_text(text: str) -> str:
    """Return the canonical form of a notice's text (see the module docstring).

    >>> normalize_text("现将巡察整改情况予以公布：\\r\\n（一）**加强学习**　")
    '现将巡察整改情况予以公布:\\n(一)加强学习'
    >>> normalize_text("根據(jù)區委統(tǒng)一部署，，現(xiàn)將")
    '根據區委統一部署,現將'
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _one_pass(text)
    if "&" in text:
        text = html.unescape(text).translate(_SPACES)
    if "**" in text or "__" in text:
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
        text = _STRAY_STARS.sub("", text)
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "(" in text:
        text = strip_pinyin(text)
    lines = [_drop_inner_spaces(ln.strip()) for ln in text.split("\n")]
    lines = _join_broken_lines(lines)
    text = "\n".join(lines)
    if any(pair in text for pair in _DOUBLED_PAIRS):
        text = _DOUBLED.sub(lambda m: m.group(1) or "", text)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


@lru_cache(maxsize=1)
def _converter():
    # opencc-python-reimplemented: pure Python, no binary; t2s table of OpenCC.
    from opencc import OpenCC
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Every traditional character that t2s changes."""
    from importlib.resources import files
    table = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text("utf-8")
    chars = {line.split("\t")[0] for line in table.splitlines()
             if "\t" in line and line.split("\t")[0] not in line.split("\t")[1].split()}
    return frozenset(c for c in chars if len(c) == 1)


@lru_cache(maxsize=1)
def _traditional_table() -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in _traditional_chars()]] = True
    return table


def _has_traditional(text: str) -> bool:
    """Whether text holds a character of _traditional_chars() (a table lookup when long)."""
    codes = _code_points(text)
    if codes is None:
        return not _traditional_chars().isdisjoint(text)
    return bool(_traditional_table()[codes].any())


@lru_cache(maxsize=2048)
def to_simplified(text: str) -> str:
    """Simplified-character copy of `text` with the same length (for matching).

    Text without a traditional character is returned as it is (the common
    case, and much faster than converting).

    >>> to_simplified("區委第一巡察組關於整改進展")
    '区委第一巡察组关于整改进展'
    """
    if not text or text.isascii() or not _has_traditional(text):
        return text
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    # a phrase mapping changed the length: fall back to one character at a time
    return "".join(c if len(s := conv.convert(c)) != 1 else s for c in text)


def doc_id_for(text: str) -> str:
    """Stable id: the first 12 hex characters of SHA-1 of the normalised text.

    The text is hashed in simplified form so that a traditional-character
    mirror of a notice gets the same id as the original.

    >>> doc_id_for("abc")
    'a9993e364706'
    """
    return doc_id_of_simplified(to_simplified(text))


def doc_id_of_simplified(simplified: str) -> str:
    """doc_id_for() of a text already converted with to_simplified()."""
    return hashlib.sha1(simplified.encode("utf-8")).hexdigest()[:12]
