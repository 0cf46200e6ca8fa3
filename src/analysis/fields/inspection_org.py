"""The inspected organisation: mentions in a notice and the one that names it (PATTERNS 3.2).

Every `find_*` here takes simplified text and returns spans; callers read the as-written
value from NoticeText.text at the same offsets. Vocabularies live in resources/inspection_*.

Mentions come in kinds: "inspect" (对X开展了巡察), "feedback" (向X反馈, 巡察组巡察X情况反馈会,
…巡察X的反馈意见, 对X逐一反馈), "visit" (巡察组到X反馈/督查回访) and, weakest, "subject" (X党委召开
…巡察…: the unit that holds a meeting about its own rectification; 涉及N个单位 and N所高校的巡视整改
in news about a round). A capture is an org only when it ends in an org word
(resources/inspection_org_ends.txt). Units covered besides the inspected one (延伸巡察,
同步对X) are left out. Choosing among mentions is in inspection_org_choice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.paths import read_resource_lines
from analysis.text.numbers import CN_NUMERALS
from analysis.text.scan import finditer_where

_COUNT = rf"[0-9{CN_NUMERALS}]{{1,3}}[个家户所]"
_PARTY = r"(?:党组织|党工委|党总支|党支部|党组|党委)"
_MAX_SINGLE = 40   # a longer capture must be a list (A、B、C等N个…)


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
    dui = "|".join(read_resource_lines("inspection_dui_words.txt"))
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
        # 再对120个村(社区)逐一反馈 · 对市档案馆党组反馈巡察意见
        "feedback3": re.compile(rf"对(?!{dui})(?P<org>{org})(?:逐一|分别|集中|现场)?(?:进行了?)?"
                                r"(?:巡察|巡视)?(?:意见|情况)?反馈(?!的|意见|问题)"),
        # 巡察组巡察X情况反馈会 · 召开巡察X情况反馈会 · 党委巡察X意见反馈会 · 巡察X的反馈意见
        "title": re.compile(rf"(?:巡察组|巡视组|召开|党委|党组|关于|专项)(?:进驻|巡察|巡视)(?!组)(?P<org>{short})"
                            r"(?:情况|意见|的)?(?:集中)?(?:反馈会|反馈大会|反馈会议|工作动员会|动员会"
                            r"|巡察反馈|反馈意见|反馈问题)"),
        # 巡察组到X反馈巡察情况 · 巡察组到X督查回访 · 一行4人到X开展…回访督查
        "visit": re.compile(rf"(?:巡察组|巡视组|一行[0-9一二三四五六七八九十]*人)到(?P<org>{short})"
                            r"(?=(?:反馈|督查|回访|开展[^。]{0,30}?(?:回访|督查)))"),
        # 市委第四巡察组在市文联召开巡察情况反馈会: the venue of the feedback meeting (weak like
        # subject: a group may feed back on a community at its street office)
        "venue": re.compile(rf"(?:巡察组|巡视组)(?:于[^,。;]{{1,12}}?)?在(?P<org>{short})召开"
                            r"(?=[^,。;]{0,12}?反馈(?:会|大会|会议))"),
        # X党委召开专题会议,研究巡察整改 (only a clause start, only a party organ)
        "subject": re.compile(rf"(?:^|(?<=[,。;\n]))\s*(?:\d{{1,2}}月\d{{1,2}}日[上下]?午?,?)?"
                              rf"(?P<org>[^,。;:!?\n]{{2,30}}?{_PARTY})(?:在[^,。;]{{1,20}}?)?召开"
                              r"(?=[^。]{0,40}?(?:巡察|巡视))"),
        # 本轮巡视反馈情况已全部公布,涉及甲省、乙省等8个省区市和2个单位 (weakest, like subject)
        "covers": re.compile(rf"(?:巡察|巡视)[^。]{{0,40}}?,涉及(?P<org>{org}{_COUNT}[^,。;、]{{1,12}})"
                             r"(?=[。,;]|$)"),
        # 公布了…29所中管高校的巡视整改情况 · 对前4轮巡察的14个党组织的巡察整改工作开展督查
        "covers2": re.compile(rf"(?=[0-9{CN_NUMERALS}])(?<![\d属辖])(?P<org>{_COUNT}[^,。;:、的]{{1,12}})"
                              r"的(?:巡察|巡视)整改"),
        # a report's own org acting on the rectification (局党组立即组织召开专题会议,…巡察反馈)
        "reporter": re.compile(rf"(?:^|(?<=[,。;\n]))\s*(?P<org>[^,。;:!?\n“”]{{1,30}}?{_PARTY})"
                               r"(?:立即|迅速|及时|第一时间|先后|多次|专门|高度重视)*(?:组织)?"
                               r"(?:召开|研究|成立|制定|印发)(?=[^。]{0,60}?(?:巡察|巡视|整改))"),
        "publisher": re.compile(r"^(?:【[^】]*】|\[[^\]]*\])?\s*(?:中共)?"
                                r"(?P<org>[^,。;:!?\n“”《》【】]{2,40}?)关于"),
    }


def _clean_patterns() -> dict[str, re.Pattern]:
    """What an org capture may start or end with, and what makes it no org."""
    selfs = "|".join(read_resource_lines("inspection_self_refs.txt"))
    suffixes = "|".join(read_resource_lines("inspection_org_suffixes.txt"))
    ends = "|".join(read_resource_lines("inspection_org_ends.txt"))
    return {
        "self": re.compile(rf"我(?:{selfs})(?:党组织|党组|党委|党总支|党支部|领导班子)?"),
        "suffix": re.compile(rf"(?:{suffixes})(?:\([^)]*\))?$"),
        "reject": re.compile("|".join(read_resource_lines("inspection_org_reject.txt"))),
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
        "org_end": re.compile(rf"(?:{ends})$"),
        # 党委(党组), 区教育工作党委(区教育局): the trailing parenthesis set aside
        "paren_tail": re.compile(r"(?:\([^()]*\))+$"),
        # 市中心医院党委书记王某和领导班子: the org before the post
        "post": re.compile(rf"^(?P<org>.{{2,}}?{_PARTY})(?:副)?书记"),
        "list_sep": re.compile(r"、|和|及"),
        # units covered besides the inspected one (延伸巡察), or 同步对X… after a main 对…巡察
        "extension": re.compile(r"延伸"),
        "also": re.compile(r",(?:同步|同时|一并|还)$"),
        "main_inspect": re.compile(r"对[^。;]{2,}?(?:开展|进行|实施)了?[^。;]{0,20}?(?:巡察|巡视)"),
    }


@lru_cache(maxsize=4096)     # the same captures recur across notices
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
    post = pats["post"].match(org)
    if post and not pats["generic"].fullmatch(post["org"]):
        org = post["org"]   # 市中心医院党委书记王某和领导班子: the org before the post
    org = pats["people"].sub("", pats["lead_in"].sub("", org))
    if m := pats["appositive"].match(org):
        org = m["list"]
    if len(org) < 2 or pats["vague"].match(org) or pats["person"].search(org):
        return None
    if len(org) > _MAX_SINGLE and "、" not in org:
        return None
    checked = re.sub(r"被(?:巡察|巡视)", "", org) if pats["count"].match(org) else org
    if pats["reject"].search(checked):
        tail = pats["tail_count"].search(org)
        return clean_org(tail["count"]) if tail else None
    if not is_org_shaped(org) or any(pats["vague"].match(item)
                                     for item in pats["list_sep"].split(org)):
        return None   # 上级精神 is no org; 市中级人民法院、各县党委 names no units
    return org


def is_org_shaped(org: str) -> bool:
    """Whether a name ends in an organisation word (局, 学院, 党委, 村 …; resources/
    inspection_org_ends.txt), a trailing parenthesis set aside.

    >>> is_org_shaped("区教育工作党委(区教育局)"), is_org_shaped("3个村(社区)"), is_org_shaped("上级精神")
    (True, True, False)
    """
    pats = _patterns()
    return bool(pats["org_end"].search(pats["paren_tail"].sub("", org) or org))


# A word (or one of several, or a part of the match) that the sentence of every match of
# these mention patterns holds, in the match or in its lookahead; no match or lookahead of
# them reads past a 。, so only the sentences with it are searched
# (analysis.text.scan.finditer_where). Kept for the patterns where that pays: the word is
# rare, or the pattern opens with no literal the regex engine could skip ahead to.
_NEEDLES: dict[str, str | re.Pattern] = {
    "inspect2": re.compile("动员会|反馈会|情况反馈"), "feedback": "反馈", "feedback3": "反馈",
    "visit": "到", "subject": "召开", "covers2": re.compile("的(?:巡察|巡视)整改")}


def find_org_mentions(match: str) -> list[OrgMention]:
    """Org mentions of every kind, in order of appearance.

    >>> [(o.org, o.kind) for o in find_org_mentions(
    ...     "区委第二巡察组对区人社局党组开展了巡察。向区人社局党组反馈了意见")]
    [('区人社局党组', 'inspect'), ('区人社局党组', 'feedback')]
    >>> [(o.org, o.kind) for o in find_org_mentions("市委第四巡察组到青溪城投公司督查回访整改情况")]
    [('青溪城投公司', 'visit')]
    >>> [(o.org, o.kind) for o in find_org_mentions("市委第二巡察组在市侨联召开巡察情况反馈会")]
    [('市侨联', 'subject')]
    """
    pats = _patterns()
    out = set()
    for key, kind in (("inspect", "inspect"), ("inspect2", "inspect"), ("feedback", "feedback"),
                      ("feedback2", "feedback"), ("feedback3", "feedback"), ("title", "feedback"),
                      ("visit", "visit"), ("venue", "subject"), ("subject", "subject"),
                      ("covers", "subject"),
                      ("covers2", "subject")):
        found = (finditer_where(pats[key], match, _NEEDLES[key]) if key in _NEEDLES
                 else pats[key].finditer(match))
        for m in found:
            org = clean_org(m["org"])
            if not org or (kind == "subject" and pats["in_house"].fullmatch(org)):
                continue   # 学校党委召开…反馈会: the inspector, not the inspected
            if kind == "inspect" and _is_secondary(match, m.start(), m.end("org")):
                continue
            start = m.start("org") + max(0, m["org"].find(org))
            out.add(OrgMention(start, start + len(org), org, kind))
    return sorted(out, key=lambda o: (o.start, o.end, o.kind))


def find_reporter(match: str) -> tuple[int, int] | None:
    """(start, end) of the org a report shows acting on its rectification, for a report
    that names no inspected org otherwise (局党组 in 反馈会后,局党组立即组织召开专题会议).

    >>> t = "巡察反馈会后,局党组立即组织召开专题会议,研究巡察整改工作。"
    >>> s, e = find_reporter(t); t[s:e]
    '局党组'
    """
    for m in _patterns()["reporter"].finditer(match):
        org = m["org"].strip()
        if clean_org(org) == org:
            start = m.start("org") + m["org"].find(org)
            return start, start + len(org)
    return None


def _is_secondary(match: str, start: int, org_end: int) -> bool:
    """Whether an 对X…巡察 mention names units covered besides the inspected one: 延伸巡察
    of sub-units, or 同步对X进行巡察 after the sentence's own 对…开展了…巡察.

    >>> t = "对北塘县5个村开展了巡察,同步对县人民医院进行巡察。"
    >>> _is_secondary(t, t.find("对县"), t.find("进行")), _is_secondary(t, 0, t.find("开展"))
    (True, False)
    >>> t = "对市档案馆开展了巡察,对下属2个单位开展了延伸巡察。"
    >>> _is_secondary(t, t.find("对下"), t.find("开展了延"))
    True
    """
    pats = _patterns()
    after = re.match(r"[^。;\n]{0,40}?(?:巡察|巡视)", match[org_end:])
    if after and pats["extension"].search(after.group(0)):
        return True
    sentence = match[:start].rsplit("。", 1)[-1]
    return bool(pats["also"].search(sentence) and pats["main_inspect"].search(sentence))


def is_org_like(org: str) -> bool:
    """Whether a mention ends like an organisation (a party organ, 局, 学院, a count of units).

    >>> is_org_like("区档案馆"), is_org_like("8个区直部门党组织"), is_org_like("局机关全体干部")
    (True, True, False)
    """
    pats = _patterns()
    if pats["not_org"].search(org):
        return False
    return bool(has_party_suffix(org) or is_org_shaped(org) or pats["count"].match(org))


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


def find_quoted_report_org(match: str) -> tuple[int, int] | None:
    """(start, end) of the org issuing a quoted rectification report, 中共 kept as written
    (news that 《中共青溪县委关于巡视整改情况的通报》 was published).

    >>> t = "网站今天发布了《中共青溪县委关于巡视整改情况的通报》。"
    >>> s, e = find_quoted_report_org(t); t[s:e]
    '中共青溪县委'
    >>> find_quoted_report_org("印发《关于加强巡察整改的意见》") is None
    True
    """
    m = re.search(r"《(?P<org>[^》,。]{2,40}?)关于[^》]{0,40}?整改[^》]{0,12}(?:通报|报告)》", match)
    if not m or _patterns()["reject"].search(m["org"]) or not has_party_suffix(m["org"]):
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
