"""Items of an inline problem list: how a list span is cut, trimmed and filtered.

`find_items(match, s, e, mode)` turns the span of one list (found by
analysis.problems.inline) into problem spans: cut on `;` and `。`, on `,` only when both
halves end in a deficiency predicate, on `、` only when every item is short and ends in
one; lead-ins (主要是, 巡察发现, 但, 有的 …), subjects (院党委, 党的建设方面存在) and tails
(等问题, 等N个主要问题, 的情况) removed. All offsets index the simplified text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.problems.split import (
    ENUM_MAX,
    ITEM_MIN,
    is_not_item,
    split_commas,
    split_enum,
    split_on,
    split_quotes,
    split_some,
)
from analysis.problems.text import (
    is_bare_predicate,
    is_deficiency,
    is_generic,
    read_vocabulary,
    strip_quotes,
)
from analysis.text.numbers import CN_COUNTS, CN_ONE_TO_TEN
from analysis.text.outline import OUTLINE_MARKER

# how a list's items are checked: every item must state a shortcoming (STRICT), most
# must (LOOSE), or the sentence names each item a salient problem (NAMED)
STRICT, LOOSE, NAMED = "strict", "loose", "named"

NUM = rf"[\d{CN_COUNTS}]+"
DEGREE = r"(?:较为|比较|较|十分|尤为|更为|最为)?"
# 等5个方面 · 等10个方面27条具体 (aspects, then the finer count)
_COUNT_TAIL = (r"(?:" + NUM + r"大?(?:个|项|类|条))?(?:的)?(?:方面)?(?:的)?"
               r"(?:" + NUM + r"(?:个|项|条))?(?:的)?(?:主要|突出|具体|共性)?(?:的)?")
_TAIL = re.compile(r"(?:等" + _COUNT_TAIL + DEGREE + r"(?:主要|突出)?(?:的)?"
                   r"(?:问题|不足|短板|情况|现象)?|的(?:问题|情况))$")
_MARKER = rf"[{CN_ONE_TO_TEN}]{{1,2}}是|{OUTLINE_MARKER}"
ORD_START = re.compile(rf"\s*(?:{_MARKER})")
# only areas: 在A、B等方面(均)存在一些问题 names no shortcoming
_AREAS = re.compile(r"等?方面(?:均|都|还|也|仍)?(?:不同程度地?)?存在(?:着)?"
                    r"(?:一些|一定的?|部分|不少|某些|诸多)?(?:的)?(?:问题|不足|短板|差距)")
# an area, or an area that only has problems (党风廉政建设方面问题较多, 选人用人方面还存在一些问题):
# it heads the 有的… clauses that name them
_AREA_ONLY = re.compile(r"^[^,;。]{2,30}?方面(?:(?:的|存在的)?(?:还|也|仍)?(?:存在)?(?:一些|不少|诸多)?"
                        r"(?:突出)?问题(?:较多|突出|比较突出|较为突出|比较多)?)?$")
_TURN = re.compile(r",\s*(?:但是?|然而|不过)")
# 主要表现在X、Y三个方面,反馈了A;B: what precedes the reporting verb frames the list
_REPORTED = re.compile(r",\s*(?:(?:巡察|巡视)组?)?(?:反馈|指出|发现)了")
# 五是A,B等问题,并提出了意见: the list ends at its 等问题 even when the sentence runs on
_TAIL_INSIDE = re.compile(r"等" + _COUNT_TAIL + DEGREE + r"(?:问题|不足|短板)(?=,)")
_ADVERBS = r"(?:还|仍然?|也|均|都|普遍)*(?:不同程度地?)?(?:还|仍|也|均)?"
# words that make what precedes an organisation name a clause of its own (落实党委…)
_SUBJECT_VERBS = re.compile(r"落实|履行|执行|发挥|贯彻|推动|加强|压实|对|向|与|和|在")
ITEM_MAX = 90


def alternation(name: str) -> str:
    """One regex alternation of the lines of resources/`name`, longest first."""
    return "|".join(f"(?:{p})" for p in sorted(read_vocabulary(name), key=len, reverse=True))


@lru_cache(maxsize=1)
def inline_patterns() -> dict[str, re.Pattern]:
    """Patterns built from the resources/problems_inline_*.txt vocabularies."""
    cues = alternation("problems_inline_cues.txt")
    return {
        "colon": re.compile(rf"(?:{cues})\s*[::]|(?:问题|不足|短板)\s*,\s*(?:如|比如|例如)\s*"
                            r"|(?<=问题|不足|短板)[,。]\s*(?:主要|具体)(?:是|有|表现为|表现在|包括)\s*[::]?"),
        "lead": re.compile(
            rf"(?:(?:{alternation('problems_inline_leads.txt')}|{_MARKER})\s*[,:]?\s*)+"),
        "skip": re.compile(alternation("problems_inline_skip.txt")),
        "demand": re.compile(alternation("problems_inline_demands.txt")),
    }


@lru_cache(maxsize=1)
def _subject_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(subject + 存在, bare organisation) from resources/problems_subjects.txt."""
    lines = read_vocabulary("problems_subjects.txt")
    every = "|".join(ln.removeprefix("org:") for ln in lines)
    orgs = "|".join(ln.removeprefix("org:") for ln in lines if ln.startswith("org:"))
    exist = re.compile(rf"(?:[^,;、。:]{{0,16}}?(?:{every}))?{_ADVERBS}存在(?:着)?")
    # 党委(党组)落实…: a bracketed alternative name belongs to the subject
    org = re.compile(rf"[^,;、。:\s“”()]{{1,6}}?(?:{orgs})(?:\([^()]{{1,8}}\))?"
                     r"(?!织|书记|副书记|成员|委员|会|的|和|及|、)")
    return exist, org


def trim_item(match: str, s: int, e: int) -> tuple[int, int]:
    """Remove lead-ins, subjects, tails, stray quotes and punctuation around an item span.

    >>> t = "但巡察也发现局党组理论学习不够深入等问题。"
    >>> a, b = trim_item(t, 0, len(t)); t[a:b]
    '理论学习不够深入'
    >>> t = "党的建设方面存在议事规则执行不严的情况"
    >>> a, b = trim_item(t, 0, len(t)); t[a:b]
    '议事规则执行不严'
    """
    for _ in range(4):
        while s < e and match[s] in " \t\n,;:、。":
            s += 1
        while e > s and match[e - 1] in " \t\n,;:、。.":
            e -= 1
        lead = inline_patterns()["lead"].match(match, s, e)
        if lead and lead.end() > s and ("方面" not in match[s:lead.end()]
                                        or _names_something(match[lead.end():e])):
            s = lead.end()
            continue
        subject = _subject_end(match, s, e)
        if subject > s and _names_something(match[subject:e]):
            s = subject
            continue
        tail = _TAIL.search(match[s:e])
        if tail and tail.start() > 0 and tail.group(0):
            e = s + tail.start()
            continue
        break
    return _balance_quotes(match, s, e)


def _names_something(rest: str) -> bool:
    """What is left once a lead-in or subject is cut still names a shortcoming of its
    own: `X方面,存在薄弱环节` keeps its aspect, for `薄弱环节` alone names nothing.

    >>> _names_something("存在薄弱环节"), _names_something("存在报销审核不严的情况")
    (False, True)
    """
    rest = rest.strip(" ,;:、。")
    return not (is_generic(rest) or is_bare_predicate(rest))


def _subject_end(match: str, s: int, e: int) -> int:
    """End of a subject in front of an item (党的建设方面存在A, 院党委A), or s.

    The rest must still be an item of its own: five characters at least.
    """
    exist, org = _subject_patterns()
    m = exist.match(match, s, e)
    if not m or m.end() == s:
        m = org.match(match, s, e)
        if m and _SUBJECT_VERBS.search(match, s, m.end() - 2):
            return s
    return m.end() if m and m.end() > s and e - m.end() >= 5 else s


def _balance_quotes(match: str, s: int, e: int) -> tuple[int, int]:
    """Drop a quote left open or closed alone at either end (“A,B” split on the comma),
    and the quotes around a whole quoted shortcoming (“A有不足”, not “微腐败”)."""
    item = match[s:e]
    if strip_quotes(item) != item and is_deficiency(item[1:-1]):
        return s + 1, e - 1
    if item.startswith("“") and item.count("“") > item.count("”"):
        s += 1
    elif item.endswith("”") and item.count("”") > item.count("“"):
        e -= 1
    return s, e


def find_items(match: str, s: int, e: int, mode: str) -> list[tuple[int, int]]:
    """Problem spans in match[s:e]: split, trimmed, filtered.

    When the list opens with an ordinal (一是, 一、, 1.), only the ordinal items count,
    with the `;` clauses of their sentence: the sentences that describe each item are
    skipped. In a list of bare items (no such sentence), a short shortcoming written
    as a sentence after the last item is one more item.

    >>> t = "学习不深入,作风不扎实;公车私用、超标准接待、资金管理不规范等"
    >>> [t[a:b] for a, b in find_items(t, 0, len(t), LOOSE)]
    ['学习不深入', '作风不扎实', '公车私用、超标准接待、资金管理不规范']
    >>> t = "“安全培训比较薄弱,档案管理有短板”“内控监督有不足”"
    >>> [t[a:b] for a, b in find_items(t, 0, len(t), STRICT)]
    ['安全培训比较薄弱', '档案管理有短板', '内控监督有不足']
    """
    out = []
    ordinal = bool(ORD_START.match(match, s))
    pieces = split_quotes(match, split_on(match, s, e, ";。"))
    last_ord = max((i for i, (a, _) in enumerate(pieces) if ORD_START.match(match, a)),
                   default=-1)
    in_item = False         # inside the sentence of an ordinal item
    described = False       # a sentence describing an item was skipped
    for i, (a, b) in enumerate(pieces):
        if ordinal:
            in_item = bool(ORD_START.match(match, a)) or (in_item and match[a - 1] != "。")
            if not in_item and (described or i < last_ord
                                or not is_short_shortcoming(match[a:b])):
                described = True
                continue
        for part in split_some(match, *_unframe(match, a, b)):
            if not _AREAS.search(match, *part):
                out += _part_items(match, *part, mode)
    # a list whose items mostly state no shortcoming is something else (results, tasks)
    if mode != NAMED and 2 * sum(1 for a, b in out if is_deficiency(match[a:b])) < len(out):
        return []
    return out


def _unframe(match: str, a: int, b: int) -> tuple[int, int]:
    """A piece without what frames it: the praise before 但, what precedes 反馈了, what
    follows a 等问题 tail."""
    tail = _TAIL_INSIDE.search(match, a, b)
    if tail:
        b = tail.end()
    turns = list(_TURN.finditer(match, a, b))      # praise, 但 shortcomings
    turns += list(_REPORTED.finditer(match, a, b))
    if turns:
        a = max(t.end() for t in turns)
    return a, b


def _part_items(match: str, a: int, b: int, mode: str) -> list[tuple[int, int]]:
    """The items of one part of a list (a `;` piece, or one 有的 clause of it)."""
    out = []
    a, b = trim_item(match, a, b)
    for c, d in split_commas(match, a, b):
        for f, g in split_enum(match, *trim_item(match, c, d), named=mode == NAMED):
            f, g = trim_item(match, f, g)
            item = match[f:g]
            if not (ITEM_MIN <= len(item) <= ITEM_MAX) or is_not_item(item) \
                    or _AREA_ONLY.match(item) or is_generic(item):
                continue
            if mode == STRICT and not is_deficiency(item):
                continue
            out.append((f, g))
    return out


def is_short_shortcoming(sentence: str) -> bool:
    """A sentence that is one short statement of a shortcoming, not a description:
    after an ordinal list it is one more item (…三是A不足。对上轮问题整改不扎实。).

    >>> is_short_shortcoming("对上轮巡察问题整改不扎实。")
    True
    >>> is_short_shortcoming("如2023年青溪区有3个项目资金拨付后长期闲置,未按合同约定及时验收")
    False
    """
    s = sentence.strip(" ,;。")
    return 0 < len(s) <= ENUM_MAX and "," not in s and is_deficiency(s, ending=True)
