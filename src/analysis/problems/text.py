"""Words that tell a problem from a measure, and the cleaning of problem statements.

The vocabularies live in resources/problems_*.txt (one regex fragment a line, `#`
comments); they are read on first use. Every function here works on simplified text
(NoticeText.match) and returns offsets, so callers slice the as-written text.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.paths import read_resource_lines

_TRAIL = " \t\n,.;:!?。、;:,…"
_QUOTES = {"“": "”", "‘": "’", '"': '"', "'": "'", "「": "」", "『": "』"}
_PREFIXES = re.compile(r"^(?:(?:反馈|巡察|存在的?|主要)?问题\d*\s*[::]|关于|针对|对于)\s*")
_SUFFIXES = re.compile(
    r"(?:方面的?问题|的?问题)?(?:的?(?:整改落实|整改完成|整改)(?:情况|进展情况|进展)?)?$")
_AFTER_QUOTE = re.compile(r"\s*的?(?:问题|方面)的?(?:整改\w{0,4})?\s*(?:[,。;:]|$)")


def read_vocabulary(name: str) -> list[str]:
    """Lines of resources/`name`, without comments and blanks."""
    return [line.strip() for line in read_resource_lines(name)]


@cache
def vocabulary_pattern(name: str, anchor: str = "") -> re.Pattern:
    """One alternation of every line of resources/`name`; anchor "^" or "$" or ""."""
    alts = "|".join(f"(?:{p})" for p in sorted(read_vocabulary(name), key=len, reverse=True))
    return re.compile(f"^(?:{alts})" if anchor == "^" else
                      f"(?:{alts})$" if anchor == "$" else f"(?:{alts})")


@lru_cache(maxsize=2)
def _deficiency_patterns(closed: bool = False) -> tuple[re.Pattern, re.Pattern]:
    """(verbs, nouns) end patterns; closed: only the predicates with no open slot
    (`不够\\w{1,6}` also matches a word cut in half)."""
    verbs, nouns = [], []
    for line in read_vocabulary("problems_deficiency_end.txt"):
        if closed and "\\w" in line:
            continue
        (nouns if line.startswith("noun:") else verbs).append(line.removeprefix("noun:"))
    def build(items: list[str]) -> re.Pattern:
        alts = "|".join(f"(?:{p})" for p in sorted(items, key=len, reverse=True))
        return re.compile(f"(?:{alts})(?:的?(?:问题|现象|情况))?$")
    return build(verbs), build(nouns)


_CLAUSE_STOP = re.compile(r"[,;,;。]")


def _last_clause(statement: str) -> str:
    return _CLAUSE_STOP.split(statement.rstrip(_TRAIL + "”’\"'」』"))[-1]


@lru_cache(maxsize=4096)
def starts_with_action(clause: str) -> bool:
    """True when `clause` opens with a measure verb (强化, 补齐 ...).

    >>> starts_with_action("补齐内部管理短板弱项"), starts_with_action("班子建设有短板")
    (True, False)
    """
    return bool(vocabulary_pattern("problems_action_verbs.txt", "^").match(clause.strip()))


@lru_cache(maxsize=4096)     # headings recur across notices of one template
def is_deficiency(statement: str, closed: bool = False, ending: bool = False) -> bool:
    """True when the statement names a shortcoming (its last clause ends in one).

    closed: the predicate must be a whole word, for text that may break off
    mid-word (整改不够彻 is cut from 整改不够彻底). ending: an opening negation does
    not count (未能发挥引领作用 negates a verb whose object runs on); an opening
    violation still does (挤占挪用专项资金).

    >>> [is_deficiency(s) for s in ("中心组学习不系统不深入", "工作作风不够严实",
    ...     "班子自身建设还有短板", "补齐内部管理短板弱项", "坚持问题导向,确保整改到位",
    ...     "违规设置内设机构", "强化政治理论武装", "持续推进建章立制")]
    [True, True, True, False, False, True, False, False]
    >>> is_deficiency("整改不够彻"), is_deficiency("整改不够彻", closed=True)
    (True, False)
    >>> is_deficiency("着力解决审批环节宽松软"), is_deficiency("深入查找内控制度的漏洞")
    (False, False)
    >>> is_deficiency("未能发挥规划引领作用"), is_deficiency("未能发挥规划引领作用", ending=True)
    (True, False)
    >>> is_deficiency("挤占挪用专项资金", ending=True)
    True
    """
    clause = _last_clause(statement)
    if not clause or is_generic(statement) or _is_remedy(clause):
        return False
    verbs, nouns = _deficiency_patterns(closed)
    if verbs.search(clause) and not _ends_with_resolve(clause):
        return True
    if nouns.search(clause) and not starts_with_action(clause):
        return True
    if closed:
        return False
    clause = clause[_actor_end(clause):]          # 领导干部违规使用公车: the act is what counts
    if ending and _NEGATION_START.match(clause):
        return False
    start = vocabulary_pattern("problems_deficiency_start.txt", "^")
    return bool(start.match(clause)) and not starts_with_action(clause)


_NEGATION_START = re.compile(r"\s*(?:未|没有|缺乏|缺少)")


@cache
def _actor_pattern() -> re.Pattern:
    actors = vocabulary_pattern("problems_actors.txt").pattern
    return re.compile(rf"[^,;。:、“”\s]{{0,6}}?(?:{actors})(?:亲属|家属)?")


def _actor_end(clause: str) -> int:
    """End of the actor a clause opens with (少数领导干部, 部分单位), or 0.

    >>> c = "少数领导干部违规兼职取酬"; c[_actor_end(c):]
    '违规兼职取酬'
    >>> _actor_end("违规发放津补贴")
    0
    """
    m = _actor_pattern().match(clause)
    return m.end() if m and m.end() < len(clause) else 0


def is_bare_predicate(statement: str) -> bool:
    """True when the statement is only a predicate, with nothing it is said of:
    `形式主义、官僚主义问题禁而不止` is one problem, not 形式主义 + the rest.

    >>> is_bare_predicate("形式主义"), is_bare_predicate("作风不实")
    (True, False)
    """
    verbs, nouns = _deficiency_patterns()
    s = statement.strip(_TRAIL)
    return bool(verbs.match(s) or nouns.match(s))


_NEGATED = re.compile(r"不|未|没有|缺乏|缺少|欠|有待|需|有(?:短板|差距|不足|弱项|漏洞|偏差|欠缺)")


def _is_remedy(clause: str) -> bool:
    """`着力解决…宽松软`, `深入查找…漏洞`: a measure that names what it cures.
    A negated end (解决…不到位, 查找…不深入) still states a shortcoming."""
    m = vocabulary_pattern("problems_remedy_verbs.txt", "^").match(clause.strip())
    return bool(m) and not _NEGATED.search(clause, m.end())


_GENERIC_NOUN = r"(?:问题|不足之处|不足|差距|短板|弱项|薄弱环节|漏洞|隐患)"
_GENERIC = re.compile(
    r"^(?:巡察|巡视|反馈|发现|存在|主要|突出|具体|一些|一定|部分|某些|不少|诸多|若干|的)*"
    + _GENERIC_NOUN + r"(?:和|与|及|、)?" + _GENERIC_NOUN + r"?$")


_ANNOUNCE = re.compile(r"存在的(?:主要)?(?:问题|不足|困难|短板)(?:和|与|及)?(?:问题|不足|困难)?$")
# problems grouped by progress: (一)已整改完成的问题 · (二)正在整改的问题
_STATUS_GROUP = re.compile(
    r"^(?:已经?|正在|尚未|基本|需?要?长期坚持|持续)(?:全部|基本)?"
    r"(?:整改|完成|办结|销号|推进|落实)(?:整改|完成|到位|中)?$")


@lru_cache(maxsize=4096)     # headings recur across notices of one template
def is_generic(statement: str) -> bool:
    """True for a heading that only announces problems (存在的不足, 主要问题).

    >>> [is_generic(s) for s in ("存在的不足和问题", "巡察发现的主要问题", "整改工作中存在的不足",
    ...                          "作风不实", "班子建设存在短板", "一些薄弱环节", "一定差距")]
    [True, True, True, False, False, True, True]
    >>> [is_generic(s) for s in ("已整改完成", "正在整改", "已完成整改任务不彻底")]
    [True, True, False]
    """
    s = statement.strip(_TRAIL)
    return bool(_GENERIC.match(s) or _ANNOUNCE.search(s) or _STATUS_GROUP.match(s))


def _ends_with_resolve(clause: str) -> bool:
    """`不断`, `不减` and the like end praise or plans, not shortcomings."""
    return bool(_RESOLVE_END.search(clause))


_RESOLVE_END = re.compile(r"不(?:断|减|松|变|移|懈|怠|倦|放|停|留|误|走样|动摇|手软)$")


def strip_quotes(s: str) -> str:
    """Remove one pair of quotes around the whole string.

    >>> strip_quotes("“执行“三重一大”议事规则不到位”")
    '执行“三重一大”议事规则不到位'
    >>> strip_quotes("“二传手”“传声筒”")
    '“二传手”“传声筒”'
    """
    return s[1:-1] if _quoted_span(s) else s


def _quoted_span(s: str) -> bool:
    """True when s[0] opens a quote closed exactly at s[-1]."""
    if len(s) < 3 or s[0] not in _QUOTES or s[-1] != _QUOTES[s[0]]:
        return False
    open_, close = s[0], _QUOTES[s[0]]
    if open_ == close:
        return s.count(open_) == 2
    depth = 0
    for i, c in enumerate(s):
        depth += (c == open_) - (c == close)
        if depth == 0 and i < len(s) - 1:
            return False
    return True


def clean_statement_span(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Offsets of a problem statement inside text[start:end], wrappers removed.

    Removes marker leftovers, 关于/针对, the …问题的整改情况 tail, one pair of quotes and
    final punctuation. The flag says whether the statement was quoted.

    >>> t = "关于“服务队伍建设不够到位”问题的整改情况。"
    >>> s, e, q = clean_statement_span(t, 0, len(t)); t[s:e], q
    ('服务队伍建设不够到位', True)
    >>> t = "(二)政治站位不高的问题"
    >>> s, e, q = clean_statement_span(t, 3, len(t)); t[s:e], q
    ('政治站位不高', False)
    """
    # only text[start:end] is ever read: the work is done (and kept) for that string
    a, b, quoted = _clean_span(text[start:end])
    return start + a, start + b, quoted


@lru_cache(maxsize=4096)     # headings recur across notices of one template
def _clean_span(text: str) -> tuple[int, int, bool]:
    """clean_statement_span of the whole of `text`."""
    start, end = 0, len(text)
    quoted = False
    for _ in range(4):
        s = text[start:end]
        stripped = s.strip(_TRAIL)
        start += len(s) - len(s.lstrip(_TRAIL))
        end = start + len(stripped)
        s = text[start:end]
        m = _PREFIXES.match(s)
        if m and m.end() < len(s):
            start += m.end()
            s = text[start:end]
            if _closing_quote(s) < 0 and s[:1] in _QUOTES and "。" in s:
                # 关于“A。B… : a quote that holds a description and is never closed
                return start + 1, start + s.index("。"), True
        m = _SUFFIXES.search(s)
        if m and m.start() > 0 and m.group(0):
            end = start + m.start()
            s = text[start:end].rstrip(_TRAIL)
            end = start + len(s)
        if _quoted_span(s):
            start, end, quoted = start + 1, end - 1, True
            first = text.find("。", start, end)
            if first > start:       # “A。B。”: the statement is the first sentence
                end = first
            continue
        close = _closing_quote(s)
        if close > 1 and _AFTER_QUOTE.match(s[close + 1:]):
            # 关于“A”的问题,经核查… : the quoted statement, not the sentence around it
            start, end, quoted = start + 1, start + close, True
            continue
        break
    return start, end, quoted


def _closing_quote(s: str) -> int:
    """Index of the quote that closes the one opening `s`, or -1."""
    if not s or s[0] not in _QUOTES:
        return -1
    open_, close = s[0], _QUOTES[s[0]]
    if open_ == close:
        return s.find(close, 1)
    depth = 0
    for i, c in enumerate(s):
        depth += (c == open_) - (c == close)
        if depth == 0:
            return i
    return -1


def clean_statement(s: str) -> str:
    """The statement of `s` with wrappers and quotes removed (see clean_statement_span).

    >>> clean_statement("针对“执行“三重一大”议事规则不到位”问题的整改。")
    '执行“三重一大”议事规则不到位'
    """
    a, b, _ = clean_statement_span(s, 0, len(s))
    return s[a:b]
