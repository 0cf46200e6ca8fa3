"""One name per agency: the inspected organisation's canonical name, with its place.

`中共杭州市民政局党组`, `杭州市民政局党组` and the `市民政局党组` of a notice placed in 杭州市
are one agency, `杭州市民政局`:

1. the name is read in simplified characters, without `中共` and without the
   party-organ suffix (党组, 党委, 党工委, 党总支, 党支部 …: resources/agency_suffixes.txt);
2. a name that opens with a bare level word (市民政局, 区人社局, 县委办, 省审计厅) takes
   the notice's own place of that level (city for 市, county for 区/县/旗, province for
   省), else the place the notice itself writes before the same name (its title
   `中共青溪区民政局党组关于…`, or `对青溪区民政局党组开展了巡察`); without either the
   agency is unknown (None), never guessed;
3. a name that already opens with a place (杭州市民政局, 东西湖区人社局) stays as it is.

Township names (镇/乡/街道 + a name) carry their own name and are kept as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.paths import read_resource_lines
from analysis.text.normalize import to_simplified

# the place column a bare level word refers to
_LEVEL_PLACE = {"市": "city", "区": "county", "县": "county", "旗": "county", "州": "city",
                "盟": "city", "省": "province", "自治区": "province"}
_LEADING = re.compile(r"^(?:中国共产党|中共)")
# words that end what stands before a place name in a sentence
# the organs of a place's own level that name it: 青溪区委, 青溪区纪委监委, 青溪区人民政府
_OWN_ORGANS = "委|纪委|人民政府|政府|人大|政协"
_BEFORE_PLACE = ("中国共产党", "中共", "根据", "按照", "关于", "对", "向", "在", "于", "和", "与",
                 "及", "了", "是", "的")


@lru_cache(maxsize=1)
def _suffix_regex() -> re.Pattern:
    words = sorted(read_resource_lines("agency_suffixes.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")$")


def strip_party_organ(org: str) -> str:
    """The organisation without 中共 and its party-organ suffix.

    >>> strip_party_organ("中共杭州市民政局党组")
    '杭州市民政局'
    >>> strip_party_organ("澜江城发集团党委")
    '澜江城发集团'
    >>> strip_party_organ("北塘县委")
    '北塘县委'
    """
    name = _LEADING.sub("", to_simplified(org.strip()))
    stripped = _suffix_regex().sub("", name)
    return stripped if len(stripped) >= 2 else name


def canonical_agency(org: str | None, province: str | None = None, city: str | None = None,
                     county: str | None = None, texts: tuple[str, ...] = ()) -> str | None:
    """The agency's canonical name with its place, or None when unsure.

    >>> canonical_agency("市民政局党组", "浙江省", "杭州市")
    '杭州市民政局'
    >>> canonical_agency("中共杭州市民政局党组", "浙江省", "杭州市")
    '杭州市民政局'
    >>> canonical_agency("区民政局党组", "湖南省", "湘潭市", "雨湖区")
    '雨湖区民政局'
    >>> canonical_agency("区民政局党组", "湖南省", "湘潭市") is None
    True
    >>> canonical_agency("北塘县统计局党组")
    '北塘县统计局'
    >>> canonical_agency("区民政局党组", texts=("中共青溪区民政局党组关于巡察整改情况的通报",))
    '青溪区民政局'
    """
    if not org or not str(org).strip():
        return None
    name = strip_party_organ(str(org))
    places = {"province": province, "city": city, "county": county}
    for word in sorted(_LEVEL_PLACE, key=len, reverse=True):
        if name.startswith(word) and len(name) > len(word):
            place = places[_LEVEL_PLACE[word]]
            if _known(place):
                return to_simplified(str(place)) + name[len(word):]
            return written_place(name, word, texts)
    return name


def written_place(name: str, word: str, texts: tuple[str, ...]) -> str | None:
    """`name` with the place a text writes before it (青溪 + 区民政局), else with the place of
    the notice's own organs of that level (青溪区委, 青溪区纪委监委, 青溪区人民政府: a 区's
    agency is inspected and reported on by its own 区), else None.

    >>> written_place("区民政局", "区", ("2023年,区委巡察组对青溪区民政局党组开展了巡察",))
    '青溪区民政局'
    >>> written_place("区民政局", "区", ("来源:青溪区纪委监委", "区委巡察组向区民政局党组反馈"))
    '青溪区民政局'
    >>> written_place("区民政局", "区", ("区委巡察组对区民政局党组开展了巡察",)) is None
    True
    """
    texts = tuple(to_simplified(text or "") for text in texts)
    for pattern in (re.escape(name), rf"{re.escape(word)}(?:{_OWN_ORGANS})"):
        for text in texts:
            for found in re.finditer(pattern, text):
                place = _place_before(text, found.start())
                if place:
                    return place + name
    return None


def _place_before(text: str, end: int) -> str:
    """The run of Chinese characters right before `end`, back to a word that cannot be
    part of a place name (对, 向, 中共 …) or a non-Chinese character; at most 8."""
    start = end
    while start > 0 and end - start < 8 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    run = text[start:end]
    cut = max((run.rfind(w) + len(w) for w in _BEFORE_PLACE if w in run), default=0)
    return run[cut:]


def _known(value: object) -> bool:
    return value is not None and value == value and str(value).strip() != ""
