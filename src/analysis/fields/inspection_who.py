"""Who inspected: inspector, its level, kind, round and group (the inspected org is in
inspection_org).

Every `find_*` here takes simplified text (NoticeText.match or a slice of it) and
returns spans; callers read the as-written value from NoticeText.text at the same
offsets. Vocabularies live in resources/inspection_*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.paths import read_resource_lines
from analysis.text.numbers import CN_NUMERALS, parse_cn_int
from analysis.text.scan import finditer_where

_CJK = "\u4e00-\u9fff"
_N = f"[0-9{CN_NUMERALS}]{{1,3}}"


@lru_cache(maxsize=1)
def _levels() -> list[tuple[re.Pattern, str]]:
    rows = [ln.split("\t") for ln in read_resource_lines("inspection_levels.tsv")[1:]]
    return [(re.compile(r[0]), r[1].strip() if len(r) > 1 else "") for r in rows]


@lru_cache(maxsize=1)
def _kind_cues() -> list[tuple[str, str, re.Pattern]]:
    rows = [ln.split("\t") for ln in read_resource_lines("inspection_kinds.tsv")[1:]]
    return [(r[0], r[1], re.compile(r[2])) for r in rows if len(r) == 3]


# a place name may stand before X委 (澜江市委), after punctuation or a term (九届青溪区委)
_PLACE = rf"(?:(?:(?<![{_CJK}X])|(?<=届))(?![由经据按遵今去近在向对从和与及并受同其])[{_CJK}X]{{2,6}}?)"


@lru_cache(maxsize=1)
def _organs() -> str:
    """Inspecting organs that are no committee of a place (国资委, 教育部), as one group."""
    return "|".join(read_resource_lines("inspection_organs.txt"))


@lru_cache(maxsize=1)
def _future_cues() -> re.Pattern:
    return re.compile("|".join(map(re.escape, read_resource_lines("inspection_future_cues.txt"))))


# a topic before 第N专项 or 专项巡察 (市委脱贫攻坚第一专项巡察组), never a group's own words
_TOPIC = rf"(?:(?!巡察|巡视|第|组)[{_CJK}]){{2,8}}?(?=第{_N}专项|专项(?:巡察|巡视))"


@lru_cache(maxsize=1)
def _committees() -> str:
    """The level words of inspecting committees (resources/inspection_committees.txt)."""
    return "|".join(read_resource_lines("inspection_committees.txt"))


@lru_cache(maxsize=1)
def _organ_re() -> re.Pattern:
    """The level of the body that inspects, when no group is named: 县委巡察工作领导小组,
    区委巡察办, 辽中区委已经开展六轮常规巡察."""
    return re.compile(
        rf"(?P<who>{_PLACE}?(?:{_committees()})委|中央|(?:校|学校)党委|集团(?:公司)?党委)"
        r"(?:(?:巡察|巡视)(?:工作领导小组|办|机构)|(?:已经?)?(?:开展|派出|组建)[^。,]{0,10}(?:巡察|巡视))")


@lru_cache(maxsize=1)
def _round_owner_re() -> re.Pattern:
    return re.compile(rf"(?:(?:{_committees()})委|中央|自治区党委)(?:{_N}届)?$")


@lru_cache(maxsize=1)
def _inspector_re() -> re.Pattern:
    level = (rf"{_PLACE}?(?:{_committees()})委|中央|自治区党委"
             rf"|(?:{_organs()})(?:党委|党组)?"
             r"|(?:校|学校|集团公司|集团|公司|大学|学院|医院)?党委|(?:委|局|厅|院|集团|公司)?党组"
             r"|市县|县区|市区(?=联动)|X{1,3}|某{1,2}")
    return re.compile(
        rf"(?P<cpre>{_N}个)?(?P<term>第?{_N}届)?(?P<level>{level})(?:巡察办|巡察工作领导小组)?"
        rf"(?:[{_CJK}]{{2,8}}?领域(?:(?!第)[{_CJK}]{{2,4}}?(?=专项))?|{_TOPIC})?"
        rf"(?P<round>(?:第(?P<rn>{_N})|首)轮(?:政治|常规|专项)?(?:巡察|巡视)?)?"
        rf"(?P<send>(?:选派|派出|组建|派驻)?的?)(?P<cnt>{_N}个|各)?"
        rf"(?:第(?P<g1>{_N}|X{{1,2}})(?P<more>(?:至|到|、|和)第?{_N})*)?"
        r"(?:专项|提级(?:\(?交叉\)?)?|交叉|机动|上下联动|联动)?(?:巡察|巡视|巡查)"
        rf"(?:第(?P<g2>{_N}|X{{1,2}})(?:专项)?(?:巡察|巡视|巡查)?|(?P<g3>{_N}))?(?:工作)?组")


# the end of every match of _inspector_re (巡察组, 巡视第二组, 巡察一组): only the clauses that
# hold one are searched
_INSPECTOR_TAIL = re.compile(rf"(?:巡察|巡视|巡查)(?:第(?:{_N}|X{{1,2}})(?:专项)?(?:巡察|巡视|巡查)?|{_N})?"
                             r"(?:工作)?组")
_BARE_GROUP = re.compile(rf"(?<![{_CJK}])第(?P<g1>{_N})(?:巡察|巡视)组")
_BARE_GROUP_NEEDLE = re.compile(rf"第{_N}(?:巡察|巡视)组")   # every match but its lookbehind
_ROUND = re.compile(rf"(?:第(?P<n>{_N})|首)轮(?!次)(?=[^。;,\n]{{0,8}}?(?:巡察|巡视|巡查|回头看))")
_DEPLOY = re.compile(rf"(?:根据|按照)(?:{_N}届)?(?P<who>[^,。;\n]{{1,12}}?)"
                     r"(?:巡察工作领导小组|巡视工作领导小组)?(?:关于[^,。;\n]{0,40}?)?(?:的)?"
                     r"(?:统一|工作)?(?:部署|安排)")
# an in-house inspector named by its party committee alone: 校党委召开…巡察集中反馈会,
# 学校党委于…对X开展了巡察, 自集团公司党委巡察反馈以来
_IN_HOUSE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[自由经]))(?P<who>(?:校|学校|大学|集团公司|集团|公司)党委)"
    r"(?=召开[^。]{0,30}(?:巡察|巡视)[^。]{0,10}反馈(?:大会|会)|向[^。]{2,40}反馈"
    r"|(?:于[^,。]{0,20})?对[^。]{2,40}?(?:开展|进行)了?[^。]{0,10}(?:巡察|巡视)|(?:巡察|巡视)反馈)")
_SEVERAL = re.compile(rf"{_N}个(?:巡察|巡视)组|各(?:巡察|巡视)组|分{_N}个?组")


@dataclass(frozen=True)
class InspectorSpan:
    """One mention of an inspecting body, offsets into the searched text."""

    start: int
    end: int
    value: str
    group: int | None
    round: int | None
    rank: int  # 0 numbered group, 1 a count of groups, 2 bare (市委巡察组), 3 no level
    listed: bool = False  # several numbers named (第四、五巡察组, 第一至第五巡察组)


def find_inspectors(match: str, text: str | None = None) -> list[InspectorSpan]:
    """Inspector mentions in simplified `match`, values as written in `text`.

    The term and round prefix are dropped from the value (六届市委第五轮巡察第十二巡察组
    -> 市委第十二巡察组, round 5); a count of groups keeps its wording with no group.

    >>> [(i.value, i.group, i.round, i.rank) for i in find_inspectors("六届市委第五轮巡察第十二巡察组对")]
    [('市委第十二巡察组', 12, 5, 0)]
    >>> [(i.value, i.group) for i in find_inspectors("县委民生领域作风建设专项巡察一组进驻")]
    [('县委民生领域作风建设专项巡察一组', 1)]
    >>> [(i.value, i.group) for i in find_inspectors("区委3个巡察组,县委巡察二组,XX市委第X巡察组")]
    [('区委3个巡察组', None), ('县委巡察二组', 2), ('XX市委第X巡察组', None)]
    >>> [(i.value, i.group) for i in find_inspectors("市委脱贫攻坚第一专项巡察组,教育部第一巡视组")]
    [('市委脱贫攻坚第一专项巡察组', 1), ('教育部第一巡视组', 1)]
    """
    text = match if text is None or len(text) != len(match) else text
    out: list[InspectorSpan] = []
    # an inspector's name never holds a comma (nor its words in resources/): clauses will do
    for m in finditer_where(_inspector_re(), match, _INSPECTOR_TAIL, stop=",。"):
        start = m.start("level") if m["term"] and not m["cpre"] else m.start()
        value = text[start:m.end()]
        if m["round"]:
            a, b = m.start("round") - start, m.end("round") - start
            if m["send"] == "的":  # 校党委第二轮巡察的3个巡察组 -> 校党委3个巡察组
                b += 1
            value = value[:a] + value[b:]
        counted = bool(m["cnt"] or m["cpre"] or m["more"])
        number = None if counted else parse_cn_int(m["g1"] or m["g2"] or m["g3"] or "")
        rank = 1 if counted else (0 if number else 2)
        out.append(InspectorSpan(start, m.end(), value, number, _round_number(m["round"]),
                                 rank, bool(m["more"])))
    for m in finditer_where(_BARE_GROUP, match, _BARE_GROUP_NEEDLE, stop=",。"):
        if not any(i.start <= m.start() < i.end for i in out):
            value = text[m.start():m.end()]
            out.append(InspectorSpan(m.start(), m.end(), value, parse_cn_int(m["g1"]), None, 3))
    # (no lookahead of _IN_HOUSE reads past a 。)
    for m in finditer_where(_IN_HOUSE, match, "党委"):
        if not any(i.start <= m.start() < i.end for i in out):
            value = text[m.start("who"):m.end("who")]
            out.append(InspectorSpan(m.start("who"), m.end("who"), value, None, None, 2))
    return sorted(out, key=lambda i: i.start)


def has_several_groups(spans: list[InspectorSpan], match: str) -> bool:
    """Whether the mentions are several numbered groups (a round fed back by each group).

    Two group numbers with a level (市委第四巡察组 … 市委第一巡察组), a group beside a list
    of groups (市委第二、三巡察组), or two numbers anywhere with a count of groups
    (2个巡察组分别…, 各巡察组) in the text.

    >>> t = "校党委2个巡察组分别反馈。校党委第一巡察组组长李青、第二巡察组组长王河出席"
    >>> has_several_groups(find_inspectors(t), t)
    True
    >>> t = "5月,澜江市委第八巡察组对区财政局开展巡察。按照省委第二巡视组要求,区委巡察组…"
    >>> has_several_groups(find_inspectors(t), t)
    False
    >>> t = "学院党委第二巡察组召开反馈会,第一巡察组组长出席"
    >>> has_several_groups(find_inspectors(t), t)
    False
    """
    numbered = {i.group for i in spans if i.group and i.rank == 0}
    anywhere = {i.group for i in spans if i.group}
    if numbered and any(i.listed for i in spans):
        return True
    # groups of different bodies (市委第八巡察组 … 省委第二巡视组) are separate inspections
    by_level: dict[str | None, set[int]] = {}
    for i in spans:
        if i.group and i.rank == 0:
            by_level.setdefault(parse_level(i.value), set()).add(i.group)
    several_numbered = any(len(groups) >= 2 for groups in by_level.values())
    return several_numbered or (len(anywhere) >= 2 and bool(_SEVERAL.search(match)))


def find_organ_level(match: str) -> tuple[int, int, str] | None:
    """(start, end, level) of the first inspecting organ named without a group.

    >>> find_organ_level("经县委巡察工作领导小组审定"), find_organ_level("辽中区委已经开展六轮常规巡察")
    ((1, 3, 'county'), (0, 4, 'county'))
    >>> find_organ_level("派出8个巡视组对21所高校党委开展常规巡视") is None
    True
    """
    for m in finditer_where(_organ_re(), match, "巡", stop=",。"):    # 巡察|巡视, no comma
        clause = re.split(r"[,。;\n]", match[:m.start("who")])[-1]
        if "对" in clause and not re.match(r"巡察|巡视", match[m.end("who"):]):
            continue   # 对44所高校党委开展巡视: the inspected, not the inspector
        level = parse_level(m["who"])
        if level:
            return m.start("who"), m.end("who"), level
    return None


@lru_cache(maxsize=4096)     # the same inspector names recur across notices
def parse_level(who: str) -> str | None:
    """inspector_level from an inspector (or a 根据X统一部署 subject), simplified.

    >>> [parse_level(x) for x in ("区委第九巡察组", "省委第九巡视组", "中央第二巡视组",
    ...  "市县联动巡察组", "澜江市委第九巡察组", "校党委第三巡视组", "委党组巡察组", "XX巡察组")]
    ['county', 'provincial', 'central', 'municipal', 'municipal', 'university', 'other', None]
    """
    for pattern, level in _levels():
        if pattern.search(who or ""):
            return level or None
    return None


def find_deploy_level(match: str) -> tuple[int, int, str] | None:
    """(start, end, level) from the first 根据X统一部署 whose X names a level.

    >>> find_deploy_level("根据校党委统一部署,巡察组对…")
    (0, 9, 'university')
    """
    for m in _DEPLOY.finditer(match):
        level = parse_level(m["who"])
        if level:
            return m.start(), m.end(), level
        if re.match(r"^(?:X|某)+$", m["who"]):
            return None
    return None


def find_kinds(match: str, plan_title: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, kind) for each kind cue in `match`, in order of appearance.

    >>> [k for _, _, k in find_kinds("对区审计局党组开展了常规巡察")]
    ['regular']
    >>> [k for _, _, k in find_kinds("开展联动巡察暨“回头看”")]
    ['linked', 'look_back']
    >>> find_kinds("坚持上下联动、齐抓共管,开展专项整治,整改自行“回头看”")
    []
    >>> [k for _, _, k in find_kinds("专项治理“回头看”实施方案", plan_title=True)]
    ['special', 'look_back']
    """
    return list(_kinds_in(match, plan_title))


@lru_cache(maxsize=4096)    # lead sentences and inspector names recur across notices
def _kinds_in(match: str, plan_title: bool) -> tuple[tuple[int, int, str], ...]:
    found = []
    for kind, scope, pattern in _kind_cues():
        if scope == "plan_title" and not plan_title:
            continue
        found += [(m.start(), m.end(), kind) for m in pattern.finditer(match)]
    return tuple(sorted(found))


def _round_number(words: str | None) -> int | None:
    """第九轮 -> 9, 首轮 -> 1, None -> None."""
    if not words:
        return None
    m = re.match(rf"第({_N})轮", words)
    return parse_cn_int(m.group(1)) if m else 1


def in_future_clause(match: str, pos: int) -> bool:
    """Whether the sentence around `pos` speaks of future work before it (即将开展的首轮巡察,
    下一轮巡察): what it names is not the inspection the notice reports on.

    >>> t = "3月,县委第二巡察组对县医保局开展巡察。为即将开展的首轮巡察打下基础。"
    >>> in_future_clause(t, t.find("首轮")), in_future_clause(t, t.find("县委"))
    (True, False)
    """
    start = max(match.rfind(c, 0, pos) for c in "。;!?\n") + 1
    return bool(_future_cues().search(match, start, pos))


def find_round(match: str, level: str | None = None) -> tuple[int, int, int] | None:
    """(start, end, round) of the first 第N轮 (or 首轮) naming an inspection round; with
    `level`, a round owned by a body of another level (省委第四轮巡视 for a county group) is
    skipped, and so is a round in a sentence about future work (即将开展的第二轮巡察).

    >>> find_round("十三届区委第四轮巡察"), find_round("前六轮巡察反馈"), find_round("第十三届区委机动巡察")
    ((5, 8, 4), None, None)
    >>> find_round("根据省委第二轮巡视巡察联动部署,市委第四轮巡察分6个组", "municipal")
    (18, 21, 4)
    >>> find_round("本届县委首轮巡察中"), find_round("下一步,县委将开展第三轮巡察")
    ((4, 6, 1), None)
    """
    for m in _ROUND.finditer(match):
        n = parse_cn_int(m["n"]) if m["n"] else 1
        if in_future_clause(match, m.start()):
            continue
        owner = _round_owner_re().search(match[max(0, m.start() - 12):m.start()])
        if owner and level and parse_level(owner[0]) not in (None, level):
            continue
        if n:
            return m.start(), m.end(), n
    return None
