"""The inspected organisation: mentions in a notice and the one that names it (PATTERNS 3.2).

Every `find_*` here takes simplified text and returns spans; callers read the as-written
value from NoticeText.text at the same offsets. Vocabularies live in resources/inspection_*.

Mentions come in kinds: "inspect" (对X开展了巡察), "feedback" (向X反馈, 巡察组巡察X情况反馈会,
…巡察X的反馈意见), "visit" (巡察组到X反馈/督查回访) and, weakest, "subject" (X党委召开…巡察…:
the unit that holds a meeting about its own rectification).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_COUNT = r"[0-9一二三四五六七八九十两]{1,3}[个家户所]"
_PARTY = r"(?:党组织|党工委|党总支|党支部|党组|党委)"
_MAX_SINGLE = 40   # a longer capture must be a list (A、B、C等N个…)


def _lines(name: str) -> list[str]:
    """Lines of resources/`name` without comments and blanks."""
    text = (_RESOURCES / name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class OrgMention:
    """One mention of an inspected organisation, offsets into the searched text."""

    start: int
    end: int
    org: str
    kind: str   # inspect, feedback, visit or subject


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {**_mention_patterns(), **_clean_patterns()}


def _mention_patterns() -> dict[str, re.Pattern]:
    """Sentences that name the inspected org (group "org")."""
    dui = "|".join(_lines("inspection_dui_words.txt"))
    org = r"[^,。;:!?\n对向]{2,160}?"
    short = r"[^,。;:!?\n]{2,40}?"
    filler = (r"(?:主要负责人|主要负责同志|领导班子(?:成员)?|班子成员)?(?:和|及)?"
              r"(?:领导班子)?(?:集中|全面|分别|正式)?(?:进行了?|开展了?)?"
              r"(?:现场|集中|[“\"]一对一[”\"]的?)?(?:宣读)?")
    return {
        "inspect": re.compile(rf"(?:对|进驻)(?!{dui})(?P<org>{org})(?:开展|进行|实施)了?"
                              rf"(?=[^。;\n]{{0,40}}?(?:巡察|巡视|巡查|回头看))"),
        "inspect2": re.compile(rf"(?:对|进驻)(?!{dui})(?P<org>{org})(?=(?:政治|专项)?(?:巡察|巡视)"
                               r"[“\"]?(?:回头看)?[”\"]?(?:工作)?(?:动员会|反馈会|情况反馈))"),
        "feedback": re.compile(rf"向(?P<org>{org}){filler}(?:巡察|巡视)?(?:意见|情况)?反馈"),
        # 组长反馈了对A社区、B村的巡察“回头看”情况
        "feedback2": re.compile(rf"反馈了?对(?P<org>{org})的(?:巡察|巡视)"),
        # 巡察组巡察X情况反馈会 · 召开巡察X情况反馈会 · 党委巡察X意见反馈会 · 巡察X的反馈意见
        "title": re.compile(rf"(?:巡察组|巡视组|召开|党委|党组|关于|专项)(?:进驻|巡察|巡视)(?!组)(?P<org>{short})"
                            r"(?:情况|意见|的)?(?:集中)?(?:反馈会|反馈大会|反馈会议|工作动员会|动员会"
                            r"|巡察反馈|反馈意见|反馈问题)"),
        # 巡察组到X反馈巡察情况 · 巡察组到X督查回访 · 一行4人到X开展…回访督查
        "visit": re.compile(rf"(?:巡察组|巡视组|一行[0-9一二三四五六七八九十]*人)到(?P<org>{short})"
                            r"(?=(?:反馈|督查|回访|开展[^。]{0,30}?(?:回访|督查)))"),
        # X党委召开专题会议,研究巡察整改 (only a clause start, only a party organ)
        "subject": re.compile(rf"(?:^|(?<=[,。;\n]))\s*(?:\d{{1,2}}月\d{{1,2}}日[上下]?午?,?)?"
                              rf"(?P<org>[^,。;:!?\n]{{2,30}}?{_PARTY})(?:在[^,。;]{{1,20}}?)?召开"
                              r"(?=[^。]{0,40}?(?:巡察|巡视))"),
        "publisher": re.compile(r"^(?:【[^】]*】|\[[^\]]*\])?\s*(?:中共)?"
                                rf"(?P<org>[^,。;:!?\n“”《》【】]{{2,40}}?)关于"),
    }


def _clean_patterns() -> dict[str, re.Pattern]:
    """What an org capture may start or end with, and what makes it no org."""
    selfs = "|".join(_lines("inspection_self_refs.txt"))
    suffixes = "|".join(_lines("inspection_org_suffixes.txt"))
    return {
        "self": re.compile(rf"我(?:{selfs})(?:党组织|党组|党委|党总支|党支部|领导班子)?"),
        "suffix": re.compile(rf"(?:{suffixes})(?:\([^)]*\))?$"),
        "reject": re.compile("|".join(_lines("inspection_org_reject.txt"))),
        # the unit named as 本轮巡察的 / 被巡察的 before a list or count
        "lead_in": re.compile(r"^(?:集团所属|所属)?(?:本轮)?(?:被)?(?:巡察|巡视)?的"),
        # A党支部、B党委三户被巡察企业: the list, without its count of units
        "appositive": re.compile(rf"^(?P<list>.+、.+?{_PARTY}){_COUNT}[^、]{{0,12}}$"),
        "count": re.compile(rf"^{_COUNT}"),
        # 本轮常规巡察、专项巡察涉及的31家党组织: the round's count (联动巡视的15个城市 is a part)
        "tail_count": re.compile(rf"(?:^本轮|涉及)[^的]{{0,40}}?的(?P<count>{_COUNT}[^、的]{{1,15}})$"),
        "sub_unit": re.compile(r"^(?:其|下属|所属|所辖|辖区|下辖|直属|[局院校委]属)"),
        # 校党委, 集团公司党委: a body that inspects its own units
        "in_house": re.compile(rf"(?:学校|大学|集团公司|集团|公司|[\u4e00-\u9fff])?{_PARTY}"),
        # 镇党委, 局党组: the publisher's short name for itself or its superior
        "generic": re.compile(rf"[\u4e00-\u9fff]?{_PARTY}"),
        "not_org": re.compile(r"(?:干部|职工|党员|群众|人员|成员|师生)$"),
        "vague": re.compile(r"^(?:该|上述|相关|有关|各|全体|所有|部分|其他)"),
        # 向A局党组领导班子及党组书记反馈: the org without the people it was told to
        "people": re.compile(r"(?<=..)(?:主要负责人|主要负责同志|领导班子|班子成员)(?:成员)?(?:和|及).*$"
                             r"|(?<=..)(?:主要负责人|主要负责同志|领导班子|班子成员)(?:成员)?$"),
        # a person or a post, not an org (向许青反馈, 向局党组书记、局长反馈)
        "person": re.compile(r"书记|主任|局长|院长|校长|同志|负责人|单独|个别|^领导班子"),
        "org_end": re.compile(r"[局委办院厅部所站馆校会社行队镇乡村区县市省组处科室团司厂场园业学台]$"
                              r"|党|班子|单位|\)$"),
    }


def clean_org(org: str) -> str | None:
    """An org capture trimmed, or None when it is no organisation.

    >>> clean_org("区人社局党组"), clean_org("照巡察反馈意见"), clean_org("我局社保基金征缴领域")
    ('区人社局党组', None, '我局')
    >>> clean_org("被巡察的10个党组织"), clean_org("41个被巡视党组织"), clean_org("上述单位党委")
    ('10个党组织', '41个被巡视党组织', None)
    >>> clean_org("A镇党委、B村党支部、C局党组三户被巡察单位")
    'A镇党委、B村党支部、C局党组'
    >>> clean_org("本轮常规巡察、巡察“回头看”涉及的31家党组织"), clean_org("联动巡视的十五个城市")
    ('31家党组织', None)
    >>> clean_org("我区医疗卫生系统"), clean_org("我县教育领域")
    ('我区医疗卫生系统', '我县')
    """
    pats = _patterns()
    org = org.strip(" “”\"")
    m = pats["self"].match(org)
    if m:
        rest = org[m.end():]
        region = m[0][1:] in ("区", "县", "市", "镇", "乡", "旗")
        if region and len(rest) >= 2 and not pats["reject"].search(rest):
            return org   # 我区医疗卫生系统: a sector of the region, as written
        return m[0]
    org = pats["people"].sub("", pats["lead_in"].sub("", org))
    if m := pats["appositive"].match(org):
        org = m["list"]
    if len(org) < 2 or pats["vague"].match(org) or pats["person"].search(org):
        return None
    if len(org) <= 3 and not pats["org_end"].search(org):
        return None   # a short name that ends like no org: a person
    if len(org) > _MAX_SINGLE and "、" not in org:
        return None
    checked = re.sub(r"被(?:巡察|巡视)", "", org) if pats["count"].match(org) else org
    if pats["reject"].search(checked):
        tail = pats["tail_count"].search(org)
        return clean_org(tail["count"]) if tail else None
    return org


def find_org_mentions(match: str) -> list[OrgMention]:
    """Org mentions of every kind, in order of appearance.

    >>> [(o.org, o.kind) for o in find_org_mentions(
    ...     "区委第二巡察组对区人社局党组开展了巡察。向区人社局党组反馈了意见")]
    [('区人社局党组', 'inspect'), ('区人社局党组', 'feedback')]
    >>> [(o.org, o.kind) for o in find_org_mentions("市委第四巡察组到青溪城投公司督查回访整改情况")]
    [('青溪城投公司', 'visit')]
    """
    pats = _patterns()
    out = set()
    for key, kind in (("inspect", "inspect"), ("inspect2", "inspect"), ("feedback", "feedback"),
                      ("feedback2", "feedback"), ("title", "feedback"), ("visit", "visit"),
                      ("subject", "subject")):
        for m in pats[key].finditer(match):
            org = clean_org(m["org"])
            if not org or (kind == "subject" and pats["in_house"].fullmatch(org)):
                continue   # 学校党委召开…反馈会: the inspector, not the inspected
            start = m.start("org") + max(0, m["org"].find(org))
            out.add(OrgMention(start, start + len(org), org, kind))
    return sorted(out, key=lambda o: (o.start, o.end, o.kind))


def org_core(org: str) -> str:
    """An org without 中共, parentheses and its party organ, for comparing mentions.

    >>> org_core("中共澜江市审计局党组"), org_core("区卫健委党组(区委卫生工委)")
    ('澜江市审计局', '区卫健委')
    """
    core = re.sub(r"^中共", "", org)
    core = re.sub(r"\([^)]*\)", "", core)
    return re.sub(rf"(?:{_PARTY}|领导班子)+$", "", core) or org


def same_org(a: str, b: str) -> bool:
    """Whether two mentions name the same org (市审计局 and 澜江市审计局党组 do)."""
    ca, cb = org_core(a), org_core(b)
    return ca in cb or cb in ca


def choose_org(mentions: list[OrgMention]) -> OrgMention | None:
    """The mention that names the inspected org, or None when the notice names several.

    Sub-units (下属3个单位, 延伸巡察) do not count as another org. When the inspection
    sentences name different orgs (two rounds of units, no total), the feedback mention
    decides if it names one org or one count (or one named more often than the others,
    as a full name beside its short form); else nothing is chosen. The chosen org is
    written with its party organ when another mention gives it (对市档案馆 … 向市档案馆党组).

    >>> m = [OrgMention(0, 3, "五个学院党组织", "inspect"), OrgMention(9, 14, "化学学院党委", "feedback")]
    >>> choose_org(m).org
    '化学学院党委'
    >>> choose_org([OrgMention(0, 3, "北湖区", "inspect"), OrgMention(9, 14, "5个单位党组织", "inspect")])
    """
    pats = _patterns()
    main = [m for m in mentions if m.kind != "subject"]
    if len(main) > 1:   # sub-units, people (对全局干部开展…) and 镇党委 are no other org
        main = [m for m in main if not pats["sub_unit"].match(m.org)] or main
        main = [m for m in main if is_org_like(m.org)] or main
        main = [m for m in main if not pats["generic"].fullmatch(m.org)] or main
    if not main:
        main = [m for m in mentions if m.kind == "subject"][:1]
    if not main:
        return None
    groups = _group_by_org(main)
    if len(groups) > 1:
        fed = [g for g in groups if any(m.kind in ("feedback", "visit") for m in g)]
        fed.sort(key=len, reverse=True)   # 南通市中级人民法院党组 ×3 beats 南通中院党组 ×1
        if not fed or (len(fed) > 1 and len(fed[0]) == len(fed[1])):
            return None
        groups = fed
    first = groups[0][0]
    same = [m for m in mentions if same_org(first.org, m.org)]
    core = org_core(first.org)
    return next((m for m in same if has_party_suffix(m.org) and core in m.org), first)


def _group_by_org(mentions: list[OrgMention]) -> list[list[OrgMention]]:
    """Mentions grouped by the org they name, in order of first appearance."""
    groups: list[list[OrgMention]] = []
    for m in mentions:
        group = next((g for g in groups if same_org(g[0].org, m.org)), None)
        if group is None:
            groups.append([m])
        else:
            group.append(m)
    return groups


def is_org_like(org: str) -> bool:
    """Whether a mention ends like an organisation (a party organ, 局, 学院, a count of units).

    >>> is_org_like("区档案馆"), is_org_like("8个区直部门党组织"), is_org_like("局机关全体干部")
    (True, True, False)
    """
    pats = _patterns()
    if pats["not_org"].search(org):
        return False
    return bool(has_party_suffix(org) or pats["org_end"].search(org) or pats["count"].match(org))


def is_self_ref(org: str) -> bool:
    """Whether an org mention is the notice naming itself (我局, 我院党组)."""
    return bool(_patterns()["self"].fullmatch(org))


def has_party_suffix(org: str) -> bool:
    """Whether an org mention ends in a party organ (党组, 党委, 党组织, 县委 …)."""
    return bool(_patterns()["suffix"].search(org))


def find_publisher(title: str) -> tuple[int, int] | None:
    """(start, end) of the org a title is issued by (中共澜江市审计局党组关于… -> 澜江市审计局党组).

    >>> t = "中共澜江市审计局党组关于巡察整改情况的通报"
    >>> s, e = find_publisher(t); t[s:e]
    '澜江市审计局党组'
    >>> t = "【巡察整改】青溪区统计局党组关于巡察整改进展情况的通报"
    >>> s, e = find_publisher(t); t[s:e]
    '青溪区统计局党组'
    """
    m = _patterns()["publisher"].search(title or "")
    if not m or _patterns()["reject"].search(m["org"]):
        return None
    return m.start("org"), m.end("org")


def find_self_named(match: str, self_ref: str) -> tuple[int, int] | None:
    """(start, end) of the body's own name for a self-reference (我院党组 -> 市法院党组).

    The name must open a clause and end in the self word and its party organ.

    >>> t = "市委巡察一组对我院党组开展了巡察。\\n市法院党组严格落实整改要求"
    >>> s, e = find_self_named(t, "我院党组"); t[s:e]
    '市法院党组'
    """
    m = re.fullmatch(rf"我(?P<word>.+?)(?P<suffix>{_PARTY})?", self_ref)
    if not m:
        return None
    ending = re.escape(m["word"]) + (m["suffix"] or _PARTY)
    pattern = re.compile(rf"(?:^|(?<=[,。;\n]))\s*(?P<org>(?![本该])[^,。;:!?\n\s我对向]{{1,15}}?{ending})")
    hit = pattern.search(match)
    return (hit.start("org"), hit.end("org")) if hit else None
