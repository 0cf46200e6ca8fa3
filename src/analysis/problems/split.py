"""How an inline list is cut into items (PATTERNS.md 6.2): on `;` and `。`; before each
`有的`; on `,` only when both halves end in a deficiency predicate; on `、` only when
every item is short and ends in one, and no item after the first opens with a bare
predicate (`A形式主义、官僚主义依然存在` shares its predicate: one item).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.problems.text import is_bare_predicate, is_deficiency, read_vocabulary

ITEM_MIN = 4
ENUM_MAX = 34       # 90% of problem statements are this short (PATTERNS 6.1)
_NAMED_MAX = 16     # a named item under 等尤为突出 (“微腐败”) is short
_SOME_CUT = re.compile(r",(?=有的)")


@cache
def _not_item() -> re.Pattern:
    return re.compile("|".join(f"(?:{ln})" for ln in read_vocabulary("problems_not_items.txt")))


def is_not_item(text: str) -> bool:
    """True for a sentence or item that is no problem (resources/problems_not_items.txt):
    a demand, a suggestion, the clue sentence.

    >>> is_not_item("巡视组还收到反映领导干部的问题线索"), is_not_item("线索移送不及时")
    (True, False)
    """
    return bool(_not_item().search(text))


def split_on(match: str, s: int, e: int, sep: str) -> list[tuple[int, int]]:
    """Non-empty pieces of match[s:e] between any of the characters in `sep`."""
    out, last = [], s
    for m in _separators(sep).finditer(match, s, e):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, e))
    return [(a, b) for a, b in out if b > a]


@lru_cache(maxsize=16)
def _separators(sep: str) -> re.Pattern:
    """Any one of the characters of `sep`."""
    return re.compile(f"[{re.escape(sep)}]")


def split_commas(match: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut on `,` where the left part and the rest both end in a deficiency predicate
    (the left part must end in one: `未能发挥引领作用,A有差距` opens with 未 only)."""
    clauses = split_on(match, s, e, ",")
    if not clauses:
        return []                       # nothing but commas
    out: list[tuple[int, int]] = []
    start = clauses[0][0]
    for _, b in clauses:
        if is_deficiency(match[start:b], ending=True) and is_deficiency(match[b:e] or "x不足"):
            out.append((start, b))
            start = b + 1
    if start < e:
        if out and not is_deficiency(match[start:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((start, e))
    return out


def split_enum(match: str, s: int, e: int, named: bool = False) -> list[tuple[int, int]]:
    """Cut on `、` when every item is short and ends in a deficiency predicate (or,
    named, when every item is short: the sentence calls each one a problem)."""
    items = split_on(match, s, e, "、")
    if named and len(items) > 1 and all(ITEM_MIN <= b - a <= _NAMED_MAX for a, b in items):
        return items
    if len(items) > 1 and all(ITEM_MIN <= b - a <= ENUM_MAX and is_deficiency(match[a:b])
                              and not is_bare_predicate(match[a:b]) for a, b in items) \
            and not any(_opens_with_bare_predicate(match[a:b]) for a, b in items[1:]):
        return items
    return [(s, e)]


def _opens_with_bare_predicate(item: str) -> bool:
    """`官僚主义依然存在`, `慢作为问题较多`: a later item that opens with a bare predicate
    shares its end with the items before it (A形式主义、官僚主义依然存在).

    >>> _opens_with_bare_predicate("官僚主义依然存在"), _opens_with_bare_predicate("档案管理不规范")
    (True, False)
    """
    return any(is_bare_predicate(item[:k]) for k in range(2, min(len(item), 6)))


def split_some(match: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut before each `,有的`: in `有的A,有的B` every 有的 opens an item.

    >>> t = "有的领导干部利用职务谋利、收受礼金,有的单位财务混乱"
    >>> [t[a:b] for a, b in split_some(t, 0, len(t))]
    ['有的领导干部利用职务谋利、收受礼金', '有的单位财务混乱']
    """
    out, last = [], s
    for m in _SOME_CUT.finditer(match, s, e):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, e))
    return [(a, b) for a, b in out if b > a]


def split_quotes(match: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut between two quoted items written back to back (“A,B”“C”) when the first
    quote holds a whole shortcoming; “两违”“三乱”整治不彻底 stays one."""
    out = []
    for a, b in spans:
        base = a
        for m in re.finditer(r"”(?=“)", match[base:b]):
            close = base + m.start()
            open_ = match.rfind("“", a, close)
            if open_ >= 0 and is_deficiency(match[open_ + 1:close]):
                out.append((a, close + 1))
                a = close + 1
        out.append((a, b))
    return out
