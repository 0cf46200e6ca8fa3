"""The region table (resources/regions.csv) and place-name mentions in text.

regions.csv lists every province, prefecture-level unit and county-level unit of
mainland China with full and short names (see resources/regions.md for where it
comes from). `find_region_mentions` finds full names in a string; a short name
counts only right before a name of one of its own children (湖北武汉市, 武汉东西湖区).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Region:
    """One row of the table: county is "" for a city, city and county "" for a province."""

    province: str
    city: str
    county: str

    @property
    def level(self) -> str:
        return "county" if self.county else "city" if self.city else "province"

    @property
    def name(self) -> str:
        return self.county or self.city or self.province


@dataclass(frozen=True)
class Mention:
    """A place name found at text[start:end] and the regions it may denote."""

    name: str
    start: int
    end: int
    regions: tuple[Region, ...]

    @property
    def level(self) -> str:
        return self.regions[0].level


@dataclass(frozen=True)
class RegionIndex:
    by_name: dict[str, tuple[Region, ...]]
    short_parents: dict[str, tuple[Region, ...]]   # short name -> provinces / cities
    by_tail: dict[str, tuple[int, ...]]   # last character -> name lengths
    tails: re.Pattern                     # any last character


@lru_cache(maxsize=1)
def region_index() -> RegionIndex:
    """Load resources/regions.csv once."""
    raw = resources.files("analysis.resources").joinpath("regions.csv").read_text("utf-8")
    by_name: dict[str, list[Region]] = {}
    short: dict[str, list[Region]] = {}
    for row in csv.DictReader(raw.splitlines()):
        region = Region(row["province"], row["city"], row["county"])
        by_name.setdefault(region.name, []).append(region)
        if region.level != "county":
            abbr = row["city_short"] if region.city else row["province_short"]
            if abbr and abbr != region.name:
                short.setdefault(abbr, []).append(region)
    for name, regions in by_name.items():   # 北京市 the municipality is its own city
        if len(regions) > 1 and any(r.level == "city" for r in regions):
            by_name[name] = [r for r in regions if not (r.level == "province" and r.province == name)]
    by_tail: dict[str, set[int]] = {}
    for name in by_name:
        by_tail.setdefault(name[-1], set()).add(len(name))
    return RegionIndex({k: tuple(dict.fromkeys(v)) for k, v in by_name.items()},
                       {k: tuple(dict.fromkeys(v)) for k, v in short.items()},
                       {k: tuple(sorted(v)) for k, v in by_tail.items()},
                       re.compile(f"[{re.escape(''.join(by_tail))}]"))


def _name_spans(text: str, index: RegionIndex) -> list[tuple[str, int, int]]:
    """Full names in `text`, left to right without overlaps, the longest at each start."""
    ends: dict[int, int] = {}   # start -> end of the longest name there
    for m in index.tails.finditer(text):
        end = m.end()
        for size in index.by_tail[m.group()]:
            if size <= end and text[end - size:end] in index.by_name:
                ends[end - size] = max(end, ends.get(end - size, 0))
    out, pos = [], 0
    for start in sorted(ends):
        if start >= pos:
            pos = ends[start]
            out.append((text[start:pos], start, pos))
    return out


def _is_parent(parent: Region, child: Region) -> bool:
    if parent.level == "province":
        return child.province == parent.province and child.level != "province"
    return parent.level == "city" and child.city == parent.city and child.level == "county"


def _parent_before(text: str, start: int, regions: tuple[Region, ...]) -> tuple[Region, ...]:
    """Regions among `regions` whose parent's short name ends right before `start`."""
    index = region_index()
    for size in range(4, 1, -1):
        if start - size < 0:
            continue
        parents = index.short_parents.get(text[start - size:start], ())
        kept = tuple(r for r in regions if any(_is_parent(p, r) for p in parents))
        if kept:
            return kept
    return ()


def find_region_mentions(text: str) -> list[Mention]:
    """Place names in `text` (simplified), left to right, longest first.

    A county-level name whose stem is one character (城区, 和县, 兴县) needs a
    clean left edge: the start of the text, a non-Chinese character, 中共, or
    its own parent right before it. A name followed by 域 (区域, 县域) is no place.

    >>> [m.name for m in find_region_mentions("中共湘潭市雨湖区民政局党组")]
    ['湘潭市', '雨湖区']
    >>> [m.name for m in find_region_mentions("推进县域振兴县城建设和主城区改造")]
    []
    >>> [m.regions[0].city for m in find_region_mentions("南京鼓楼区")]
    ['南京市']
    """
    return list(_region_mentions(text))


@lru_cache(maxsize=1024)
def _region_mentions(text: str) -> tuple[Mention, ...]:
    index = region_index()
    out: list[Mention] = []
    for name, start, end in _name_spans(text, index):
        if text[end:end + 1] == "域":
            continue
        regions = index.by_name[name]
        chained = _parent_before(text, start, regions)
        if out and out[-1].end == start:
            near = tuple(r for r in regions if any(_is_parent(p, r) for p in out[-1].regions))
            chained = chained or near
        if len(name) == 2 and regions[0].level == "county" and not chained:
            left = text[start - 1:start] if start else ""
            if left and _CJK.match(left) and not text[:start].endswith("中共"):
                continue
        out.append(Mention(name, start, end, chained or regions))
    return tuple(out)


def regions_named(name: str) -> tuple[Region, ...]:
    """Every region with this full name (several for 鼓楼区, 朝阳区 ...).

    >>> [r.city for r in regions_named("东西湖区")]
    ['武汉市']
    """
    return region_index().by_name.get(name, ())
