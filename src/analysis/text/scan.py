"""Searching a long text only where a pattern can match.

A pattern whose every match holds some literal (巡) and never crosses a stop
character (。, or any of several) can only match inside the stretches between stops
that hold the literal: `finditer_where` searches those alone and finds what
`pattern.finditer(text)` finds, in the same order.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_where(pattern: re.Pattern, text: str, needle: str | re.Pattern,
                   stop: str = "。", also: str = "", pos: int = 0) -> Iterator[re.Match]:
    """`pattern.finditer(text, pos)` for a pattern whose matches never hold a character of
    `stop`, and whose every match has `needle` (and `also`) in its stretch between stops:
    in the match, or in the text its lookahead reads. `needle` is a word or a pattern
    (one of several words, or a part every match holds: the narrower, the fewer
    stretches searched).

    The pattern must not use `$` or `\\Z` (a stretch ends before its stop, not at the
    text's end), nor a lookahead that could read past a stop; lookbehinds still see the
    text before a stretch.

    >>> rx = re.compile(r"[一二三]?巡察组")
    >>> [m.span() for m in finditer_where(rx, "市委巡察组。无关。二巡察组进驻", "巡")]
    [(2, 5), (9, 13)]
    >>> [m.span() for m in finditer_where(rx, "市委巡察组。无关。二巡察组进驻", re.compile("巡|视"), pos=3)]
    [(9, 13)]
    >>> [m.span() for m in finditer_where(rx, "无关,市委巡察组。二巡察组进驻", "巡", stop=",。")]
    [(5, 8), (9, 13)]
    """
    search = None if isinstance(needle, str) else needle.search
    find, rfind, size = text.find, text.rfind, len(text)
    start = pos
    while True:
        if search is None:
            at = find(needle, start)
        else:
            hit = search(text, start)
            at = hit.start() if hit else -1
        if at < 0:
            return
        begin, end = start, size        # to the nearest stop on each side
        for c in stop:
            # rfind gives -1 or an index >= begin: one past it, or begin when none
            begin = rfind(c, begin, at) + 1 or begin
            found = find(c, at, end)
            if found >= 0:
                end = found
        if not also or find(also, begin, end) >= 0:
            yield from pattern.finditer(text, begin, end)
        start = end + 1


def finditer_before(pattern: re.Pattern, text: str, needle: str, reach: int) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern whose every match ends right before an
    occurrence of `needle`, is at most `reach` characters long and never empty: it is
    tried only at the starts that can reach one.

    >>> rx = re.compile(r"[一-龥]{2,4}?市(?=财政局)")
    >>> [m.group() for m in finditer_before(rx, "去年,澜江市财政局,青溪市财政局", "财政局", 5)]
    ['澜江市', '青溪市']
    """
    starts: set[int] = set()
    at = text.find(needle)
    while at >= 0:
        starts.update(range(max(0, at - reach), at))
        at = text.find(needle, at + 1)
    out, pos = [], 0
    for start in sorted(starts):
        if start >= pos and (m := pattern.match(text, start)):
            out.append(m)
            pos = m.end()
    return out
