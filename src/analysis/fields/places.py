"""province, city, county and sector of the inspected organisation.

Places come from names in, by priority: the inspected_org and inspector facts,
the title, the organisation line of the signature, the page header, the opening
of the body, then address lines. Each name is completed up the hierarchy with
the region table (resources/regions.csv). Rules that keep precision:

- a county comes only from a source that names the organisation (inspected_org,
  inspector, title, signature, header, body opening); a district in a postal
  address counts only when the organisation is itself county-level;
- a name shared by several regions (鼓楼区, 朝阳区) is resolved only when a higher
  level named in the text picks one of them; otherwise only the levels they all
  share are kept;
- never deeper than the organisation itself: its level comes from the last place
  in its name (中共桂平市水利局党组 -> county), a bare prefix (区/市/省…) or the
  inspector's level; a city bureau gets no county, a provincial department no city;
- an address line gives a city only for a city- or county-level organisation.

sector: the canonical field of the inspected organisation, from the keyword table
resources/sectors.csv: the rightmost keyword in inspected_org (the head noun of a
Chinese name comes last), else in the organisation part of the title.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from analysis.document import Fact
from analysis.fields.context import NoticeText
from analysis.fields.page_layout import find_layout, split_lines
from analysis.fields.places_table import Mention, Region, find_region_mentions
from analysis.text.normalize import to_simplified
from analysis.text.scan import finditer_before

_ADDRESS = re.compile(r"(地址|地点|通讯处|邮寄|邮政|来信|信件)")
_PARENS = re.compile(r"\([^()]*\)|（[^（）]*）")
_INTRO_END = re.compile(r"现将|现就|。")
_LEVEL_PREFIX = {"county": re.compile(r"^(中共)?[区县旗]"), "city": re.compile(r"^(中共)?市"),
                 "province": re.compile(r"^(中共)?(省|自治区)")}
_LEVEL_OF_INSPECTOR = {"county": "county", "municipal": "city", "provincial": "province",
                       "central": "province"}


@dataclass(frozen=True)
class Source:
    """A piece of text names may come from, with its offset in the notice text."""

    text: str
    offset: int
    county_ok: bool
    city_ok: bool = True


def _org_level(nt: NoticeText, found: dict[str, Fact]) -> str:
    """county, city, province or "" for the inspected organisation.

    The last place named in the organisation's name decides (中共桂平市水利局党组 ->
    county, as 桂平市 is county-level); else a bare prefix (区人社局党组 -> county);
    else the inspector's level.
    """
    org = found.get("inspected_org")
    org_name = to_simplified(org.value) if org and isinstance(org.value, str) else ""
    for name in (org_name, title_org_part(to_simplified(nt.title))):
        mentions = find_region_mentions(name) if name else []
        if mentions:
            return mentions[-1].level
    for level, pattern in _LEVEL_PREFIX.items():
        if org_name and pattern.match(org_name):
            return level
    level = found.get("inspector_level")
    return _LEVEL_OF_INSPECTOR.get(level.value, "") if level else ""


def _fact_source(found: dict[str, Fact], name: str) -> Source | None:
    fact = found.get(name)
    if not fact or not isinstance(fact.value, str) or not fact.value:
        return None
    return Source(to_simplified(fact.value), fact.start, True)


def _signature_sources(nt: NoticeText, org_level: str) -> list[Source]:
    """The organisation line of a closing signature and address lines."""
    lines = [ln for ln in split_lines(nt.text, nt.match) if ln.start >= nt.body_start][-8:]
    out: list[Source] = []
    for line in lines:
        if _ADDRESS.search(line.match):
            out.append(Source(line.match, line.start, org_level == "county",
                              org_level in ("city", "county")))
        elif len(line.match) <= 30 and not re.search(r"[。,;:!?\d]", line.match):
            out.append(Source(line.match, line.start, True))
    return out


_ORG_CORE = re.compile(r"^(?:中共)?[省市区县州旗盟]?(?P<core>.{3,}?)(?:党组|党委|党工委|党总支|党支部)?$")


def _full_name_sources(nt: NoticeText, found: dict[str, Fact]) -> list[Source]:
    """The inspected organisation written elsewhere with its place: 区交通运输局党组 ->
    《益阳市赫山区交通运输局财务制度》 names 益阳市赫山区交通运输局."""
    org = found.get("inspected_org")
    m = _ORG_CORE.match(to_simplified(org.value)) if org and isinstance(org.value, str) else None
    if not m or re.search(r"[、,]", m["core"]) or m["core"] not in nt.match:
        return []
    pattern = re.compile(rf"[\u4e00-\u9fff]{{2,12}}?[省市区县州旗盟](?={re.escape(m['core'])})")
    hits = finditer_before(pattern, nt.match, m["core"], 13)
    return [Source(hit.group(0), hit.start(), True) for hit in hits][:3]


def _sources(nt: NoticeText, found: dict[str, Fact], org_level: str) -> list[Source]:
    low = org_level not in ("city", "province")
    out = [s for s in (_fact_source(found, "inspected_org"), _fact_source(found, "inspector")) if s]
    out += _full_name_sources(nt, found)
    title = to_simplified(nt.title)
    at = nt.text.find(nt.title) if nt.title else -1
    out.append(Source(title, at, True))
    layout = nt.layout or find_layout(nt.text, nt.match)
    for line in layout.header + layout.chrome:
        out.append(Source(line.match, line.start, low))
    body = nt.body
    end = _INTRO_END.search(body)
    intro = body[:min(end.start() if end else 250, 250)]
    out.append(Source(intro, nt.body_start, low))
    out.extend(_signature_sources(nt, org_level))
    return out


def _mentions(sources: list[Source]) -> list[tuple[Source, Mention]]:
    return [(s, m) for s in sources for m in find_region_mentions(s.text)]


def _narrow(regions: tuple[Region, ...], uppers: list[Region]) -> tuple[Region, ...]:
    """Keep the regions that the named higher levels (provinces, cities) point to.

    When the named levels point to different candidates, all of those stay, so
    that an ambiguity is never settled by the order of mentions.
    """
    if len(regions) <= 1:
        return regions
    kept = tuple(r for r in regions if any(_under(r, upper) for upper in uppers))
    return kept or regions


def _under(region: Region, upper: Region) -> bool:
    if region.level == upper.level:
        return False
    if upper.level == "province":
        return region.province == upper.province
    return region.city == upper.city and region.province == upper.province


def _common(regions: tuple[Region, ...]) -> Region | None:
    """The region itself when unique, else the levels all candidates share."""
    if not regions:
        return None
    if len(regions) == 1:
        return regions[0]
    provinces = {r.province for r in regions}
    if len(provinces) > 1:
        return None
    cities = {r.city for r in regions}
    city = cities.pop() if len(cities) == 1 else ""
    return Region(regions[0].province, city, "")


def _uppers(pairs: list[tuple[Source, Mention]], whole: str) -> list[Region]:
    uppers = [r for _, m in pairs if m.level != "county" and len(m.regions) == 1 for r in m.regions]
    if uppers:
        return uppers
    return [m.regions[0] for m in find_region_mentions(whole)
            if m.level != "county" and len(m.regions) == 1]


def resolve_place(nt: NoticeText, found: dict[str, Fact]) -> tuple[Region | None, Mention | None]:
    """The notice's place and the mention it rests on.

    Never deeper than the organisation itself: a city bureau has no county, a
    provincial department no city.
    """
    org_level = _org_level(nt, found)
    pairs = _mentions(_sources(nt, found, org_level))
    uppers = _uppers(pairs, nt.match)
    partial: tuple[Region, Mention | None] | None = None
    levels = ("county", "city", "province")
    for level in levels[levels.index(org_level) if org_level else 0:]:
        for rank, (source, mention) in enumerate(pairs):
            if mention.level != level or not _allowed(source, level):
                continue
            region = _common(_narrow(mention.regions, uppers))
            if region is None or not _consistent(region, pairs[:rank]):
                continue
            if level == "county" and not region.county:
                partial = partial or (region, _shift(mention, source))
                continue
            return region, _shift(mention, source)
    return partial if partial else (None, None)


def _allowed(source: Source, level: str) -> bool:
    return not (level == "county" and not source.county_ok or level == "city" and not source.city_ok)


def _consistent(region: Region, earlier: list[tuple[Source, Mention]]) -> bool:
    """No higher-priority mention names another province or city."""
    for _, mention in earlier:
        if len(mention.regions) != 1 or mention.level == "county":
            continue
        upper = mention.regions[0]
        if upper.province != region.province:
            return False
        if upper.level == "city" and region.city and upper.city != region.city:
            return False
    return True


def _shift(mention: Mention, source: Source) -> Mention | None:
    if source.offset < 0:
        return None
    return Mention(mention.name, source.offset + mention.start, source.offset + mention.end,
                   mention.regions)


@lru_cache(maxsize=1)
def _sector_table() -> tuple[re.Pattern, dict[str, str]]:
    raw = resources.files("analysis.resources").joinpath("sectors.csv").read_text("utf-8")
    table = {row["keyword"]: row["sector"] for row in csv.DictReader(raw.splitlines())}
    pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    return pattern, table


def parse_sector(org: str, rightmost: bool = True) -> str | None:
    """Canonical sector of an organisation name, from its (rightmost) keyword.

    >>> parse_sector("区人社局党组")
    '人社'
    >>> parse_sector("澜江医科大学附属医院党委")
    '医院'
    >>> parse_sector("县委统战部(含县工商联)")
    '统战'
    >>> parse_sector("区委第二巡察组") is None
    True
    """
    if not org:
        return None
    pattern, table = _sector_table()
    simple = _PARENS.sub("", to_simplified(org))
    hits = list(pattern.finditer(simple))
    if not hits:
        return None
    return table[(hits[-1] if rightmost else hits[0]).group(0)]


def title_org_part(title: str) -> str:
    """The organisation part of a title: before 关于, or after 向 in feedback news.

    >>> title_org_part("中共北塘县统计局党组关于巡察整改情况的通报")
    '中共北塘县统计局党组'
    >>> title_org_part("市委第十二巡察组向市审计局党组反馈巡察情况")
    '市审计局党组'
    """
    if "关于" in title:
        return title.split("关于", 1)[0]
    for lead in ("向", "对", "(?:巡察|巡视)(?!组|办|工作)"):
        m = re.search(lead + r"(.{2,30}?)(党组|党委|党工委|党总支|党支部|反馈|情况)", title)
        if m:
            return m.group(1) + (m.group(2) if m.group(2).startswith("党") else "")
    return ""


def _sector_fact(nt: NoticeText, found: dict[str, Fact]) -> Fact | None:
    org = found.get("inspected_org")
    if org and isinstance(org.value, str) and (sector := parse_sector(org.value)):
        return Fact("sector", sector, "", org.evidence, org.start, org.end)
    title = to_simplified(nt.title)
    part = title_org_part(title)
    sector = (parse_sector(part) if part else None) or parse_sector(title, rightmost=False)
    if sector:
        at = nt.text.find(nt.title) if nt.title else -1
        return Fact("sector", sector, "", nt.title, at, at + len(nt.title) if at >= 0 else -1)
    return None


def extract_place_fields(nt: NoticeText, found: dict[str, Fact]) -> list[Fact]:
    """province, city, county (full names, completed up the hierarchy) and sector."""
    facts: list[Fact] = []
    region, mention = resolve_place(nt, found)
    if region is not None:
        for name in ("province", "city", "county"):
            value = getattr(region, name)
            if not value:
                continue
            if mention is not None:
                facts.append(nt.fact(name, value, "", mention.start, mention.end))
            else:
                facts.append(Fact(name, value, "", nt.title, -1, -1))
    if sector := _sector_fact(nt, found):
        facts.append(sector)
    return facts
