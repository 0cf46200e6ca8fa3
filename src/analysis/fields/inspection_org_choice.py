"""Which org mention names the inspected organisation (PATTERNS 3.2).

The mentions come from inspection_org.find_org_mentions; here they are grouped by the org
they name (a full name, its short form, with or without its party organ) and one group is
chosen: the inspection sentences' org, or the fed-back one when they name several.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.fields.inspection_org import (
    _PARTY,
    OrgMention,
    _patterns,
    has_party_suffix,
    is_org_like,
)


@lru_cache(maxsize=4096)     # every pair of mentions is compared: each org many times
def org_core(org: str) -> str:
    """An org without 中共, parentheses and its party organ, for comparing mentions.

    >>> org_core("中共澜江市审计局党组"), org_core("区卫健委党组(区委卫生工委)")
    ('澜江市审计局', '区卫健委')
    """
    core = re.sub(r"^中共", "", org)
    core = re.sub(r"\([^)]*\)", "", core)
    return re.sub(rf"(?:{_PARTY}|领导班子)+$", "", core) or org


def same_org(a: str, b: str) -> bool:
    """Whether two mentions name the same org: one contains the other (市审计局 and
    澜江市审计局党组), or one is the other's short form (市中院 and 市中级人民法院).

    >>> same_org("县文广旅体局", "县文化广电旅游体育局党组"), same_org("县委办", "县委宣传部办公室")
    (True, False)
    """
    ca, cb = org_core(a), org_core(b)
    return ca in cb or cb in ca or is_short_form(ca, cb) or is_short_form(cb, ca)


def is_short_form(short: str, full: str) -> bool:
    """Whether `short` abbreviates `full`: its characters in order, the same first and
    last character, at least three of them (市中院 for 市中级人民法院).

    >>> is_short_form("市中院", "市中级人民法院"), is_short_form("市教育局", "市体育局")
    (True, False)
    """
    if len(short) < 3 or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


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
        main = [m for m in main if not any(is_part_of(m.org, n.org) for n in main)] or main
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
        groups = [[m for m in fed[0] if m.kind in ("feedback", "visit")]]   # as fed back
    first = groups[0][0]
    same = [m for m in mentions if same_org(first.org, m.org)]
    core = org_core(first.org)
    return next((m for m in same if has_party_suffix(m.org)
                 and (core in m.org or is_short_form(core, org_core(m.org)))), first)


def is_part_of(org: str, other: str) -> bool:
    """Whether `org` names units inside one of the units `other` lists (巡乡带村: the
    villages of a town inspected with it).

    >>> is_part_of("云岭镇石湾村、桥头村", "云岭镇、县财政局"), is_part_of("县财政局", "云岭镇、县财政局")
    (True, False)
    """
    items = [x for x in other.split("、") if len(x) >= 2]
    return any(org.startswith(x) and len(org) > len(x) and not same_org(org, other) for x in items)


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
