"""Shared pieces of the headline extractors: cue lists, windows, and the precedence rule.

Precedence rule (`choose`), used by every count field:

1. candidates caught by a trap (a leader's share, another unit's work, an earlier
   round ...) are dropped by the field's own extractor before they get here;
2. a candidate flagged `subset` (建立健全A、B等制度8项) counts only when no other does;
3. a candidate in a headline place wins, the first in text order among the best
   placed: the intro (before part 一) ranks 3, a sentence that sums up (累计/共计/合计)
   2, a sentence dated as a stock-take (截至/目前/期间/以来) 1;
4. otherwise the figure is taken only when every remaining candidate states the same
   value; numbers that disagree inside the problem list give an empty field.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from analysis.fields.context import NoticeText
from analysis.paths import read_resource_lines
from analysis.text.numbers import CN_COUNTS, parse_cn_int
from analysis.text.scan import finditer_where

# a count as notices write it: Arabic or Chinese numerals, not an ordinal (第三, 每一)
NUM = rf"(?<![\d.第每逐这那哪某单统唯同])(?:\d{{1,6}}|[{CN_COUNTS}]{{1,5}})"


def num_ahead(after: str) -> str:
    """A lookahead for NUM's digits followed by one of the characters `after`: put before
    a pattern that opens with NUM and one of them, other positions fail at once (same
    matches)."""
    return rf"(?=[\d{CN_COUNTS}])(?=(?:\d{{1,6}}|[{CN_COUNTS}]{{1,5}})[{after}])"


_SENTENCE_STOP = "。\n!?"
_CLAUSE_STOP = "。\n!?;:,"
_PART_ONE = re.compile(r"(?m)(?=[ \t一(第])(?:^[ \t]*(?:一[、.]|\(一\)|第一部分)|(?<=[。 ])一、)")


@dataclass
class Candidate:
    """One figure found in the text, before the precedence rule picks a value."""

    value: Any
    start: int
    end: int
    headline: int = 0
    subset: bool = False
    extra: Any = None


@lru_cache(maxsize=1)
def load_cues() -> dict[str, list[str]]:
    """The cue-phrase lists of resources/headline_cues.json."""
    path = resources.files("analysis").joinpath("resources/headline_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def cue_regex(name: str) -> str:
    """An alternation of the cue list `name`, longest first; 已 also matches its typo 己."""
    words = sorted(load_cues()[name], key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("已", "[已己]") for w in words) + ")"


def cue_ahead(*names: str) -> str:
    """A lookahead for the first characters of the phrases of these cue lists: put before
    a pattern that opens with them, other positions fail at once (same matches)."""
    firsts = {w[0] for name in names for w in load_cues()[name]}
    firsts |= {"己"} if "已" in firsts else set()
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])"


@cache
def _cue_pattern(name: str) -> re.Pattern:
    return re.compile(cue_regex(name))


def has_cue(name: str, text: str) -> bool:
    """True when `text` holds a phrase of the cue list `name`."""
    return _cue_pattern(name).search(text) is not None


def find_in_body(rx: re.Pattern, nt: NoticeText, needle: str | re.Pattern | None = None,
                 stop: str = "。") -> Iterator[re.Match]:
    """`rx.finditer(nt.match, nt.body_start)`. With a `needle` (a word, or a pattern of
    words) that every match holds, while no match or lookahead of `rx` holds a character
    of `stop`, only the stretches between stops holding it are searched: the same matches,
    found faster (analysis.text.scan.finditer_where)."""
    if needle is None:
        return rx.finditer(nt.match, nt.body_start)
    return finditer_where(rx, nt.match, needle, stop=stop, pos=nt.body_start)


def to_int(s: str) -> int | None:
    """A count token (digits or Chinese numerals) as int."""
    return parse_cn_int(s)


def window_before(text: str, pos: int, stops: str = _SENTENCE_STOP, limit: int = 300) -> str:
    """Text from the last stop character before `pos` up to `pos` (at most `limit`)."""
    left = pos
    while left > 0 and text[left - 1] not in stops and pos - left < limit:
        left -= 1
    return text[left:pos]


def clause_before(text: str, pos: int, limit: int = 60) -> str:
    """The clause before `pos`: back to the last 。;:, or line break."""
    return window_before(text, pos, _CLAUSE_STOP, limit)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence (between 。 or line breaks) holding text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in _SENTENCE_STOP:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _SENTENCE_STOP:
        right += 1
    return left, min(len(text), right + 1)


_PART_TWO = re.compile(r"(?m)^[ \t]*二[、.]")


def intro_end(nt: NoticeText) -> int:
    """Offset where part 一 starts (the intro ends); a bounded guess when there is none."""
    m = _part_one(nt.match, nt.body_start)
    if m:
        return m.start()
    return min(len(nt.match), nt.body_start + 600)


@lru_cache(maxsize=8)   # asked for every figure of a notice
def _part_one(match: str, body_start: int) -> re.Match | None:
    return _PART_ONE.search(match, body_start)


def part_two_start(nt: NoticeText) -> int:
    """End of part 一 when part 一 is about how the work was organised (its heading
    names no 问题): the top-level heading 二、, or the end of a text cut off before
    it; -1 when there is no such part."""
    return _part_two_start(nt.match, nt.body_start)


@lru_cache(maxsize=8)   # asked for every figure of a notice
def _part_two_start(match: str, body_start: int) -> int:
    one = _part_one(match, body_start)
    if not one:
        return -1
    line_end = match.find("\n", one.start())
    if "问题" in match[one.start():line_end if line_end >= 0 else None][:60]:
        return -1
    two = _PART_TWO.search(match, one.end())
    return two.start() if two else len(match)


def is_headline(nt: NoticeText, start: int, end: int) -> int:
    """How much text[start:end] sits where headline figures live: 3 in the intro,
    2 in a summing-up sentence (累计/共计 ...), 1 in a stock-take sentence (截至/目前
    ...) or anywhere in part 一 (how the work was organised, before 二、), 0 elsewhere
    (inside the problem list)."""
    if nt.body_start <= start < intro_end(nt):
        return 3
    left, right = sentence_span(nt.match, start, end)
    sentence = nt.match[left:right]
    if has_cue("summing_up", sentence):
        return 2
    return 1 if has_cue("summary", sentence) or start < part_two_start(nt) else 0


def choose(cands: list[Candidate]) -> Candidate | None:
    """Pick one candidate by the precedence rule of this module's docstring."""
    pool = [c for c in cands if not c.subset] or cands
    if not pool:
        return None
    best = max(c.headline for c in pool)
    if best:
        return min((c for c in pool if c.headline == best), key=lambda c: c.start)
    if len({c.value for c in pool}) == 1:
        return min(pool, key=lambda c: c.start)
    return None


_CAPTION_CHARS = 80  # a caption is short; a longer line opening alike is body text


@cache
def _skip_lines() -> tuple[tuple[re.Pattern, bool], ...]:
    """(pattern, starts a footer) for each line of resources/headline_skip_lines.txt."""
    out = []
    for line in read_resource_lines("headline_skip_lines.txt"):
        footer = line.startswith("footer ")
        out.append((re.compile(line.removeprefix("footer ")), footer))
    return tuple(out)


def figure_text(nt: NoticeText) -> NoticeText:
    """`nt` with photo captions and the page furniture below the notice blanked out of
    `match` (same length, so offsets still index `nt.text`): their numbers are no figures.

    A caption is blanked up to its first 。 (body text glued after it stays); a footer
    marker (相关阅读, 上一篇 …) blanks the rest of the page once a body sentence has ended,
    else its own line only.

    >>> t = "巡察反馈问题8个。\\n图为推进会现场,部署措施60条\\n相关阅读:\\n另一单位整改问题12个"
    >>> figure_text(NoticeText(t, t)).match.split()
    ['巡察反馈问题8个。']
    """
    lines = nt.match[nt.body_start:].split("\n")
    if not any(rx.search(line) for line in lines for rx, _ in _skip_lines()):
        return replace(nt)      # nothing to blank (the common case): no copy made
    chars = list(nt.match)
    pos = nt.body_start
    for line in lines:
        hits = [footer for rx, footer in _skip_lines() if rx.search(line)]
        if any(hits) and "。" in nt.match[nt.body_start:pos]:
            chars[pos:] = [c if c == "\n" else " " for c in chars[pos:]]
            break
        cut = len(line) if any(hits) else line.find("。") + 1 or len(line)
        if hits and cut <= _CAPTION_CHARS:
            chars[pos:pos + cut] = " " * cut
        pos += len(line) + 1
    return replace(nt, match="".join(chars))
