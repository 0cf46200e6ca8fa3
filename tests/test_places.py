"""province / city / county and sector (fields.places, fields.places_table).

Place names must be real for the region table to know them; organisations,
numbers and sentences are invented.
"""
from __future__ import annotations

import pytest
from test_page import gold, seed_document

from analysis.document import Document, Fact
from analysis.fields.context import NoticeText
from analysis.fields.page import extract_page_fields
from analysis.fields.places import extract_place_fields, parse_sector, title_org_part
from analysis.fields.places_table import find_region_mentions, regions_named

INTRO = "根据{inspector}统一部署,2023年5月8日至7月14日,{inspector}第二巡察组对{org}开展了常规巡察。现将巡察整改情况予以公布。\n"


def run_places(text: str, found_values: dict[str, str] | None = None):
    doc = Document(text=text, source_path="x.txt", source_format="txt")
    nt = NoticeText.from_document(doc)
    found: dict[str, Fact] = {}
    for fact in extract_page_fields(nt, {}):
        found.setdefault(fact.field, fact)
    for name, value in (found_values or {}).items():
        found[name] = Fact(name, value, "", value, -1, -1)
    values = {f.field: f.value for f in extract_place_fields(nt, found)}
    return tuple(values.get(k) for k in ("province", "city", "county")), values.get("sector")


# (text, facts from the inspection stage, expected (province, city, county))
PLACE_CASES = [
    # the organisation's full name elsewhere in the text (a rule it issued) gives the place
    (INTRO.format(inspector="区委", org="区交通运输局党组") + "\n三是修订了《益阳市赫山区交通运输局"
     "财务管理办法》。", {"inspected_org": "区交通运输局党组"}, ("湖南省", "益阳市", "赫山区")),
    (INTRO.format(inspector="市委", org="市农业农村局党组") + "\n印发了《中共湛江市农业农村局党组"
     "关于整改工作的方案》,会同某区农业农村局开展检查。", {"inspected_org": "市农业农村局党组"},
     ("广东省", "湛江市", None)),
    # city and district in the title
    ("中共湘潭市雨湖区文旅局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区文旅局党组"),
     {}, ("湖南省", "湘潭市", "雨湖区")),
    # a district name that exists once in China completes up the hierarchy
    ("东西湖区水务局党组关于巡察整改进展情况的通报\n" + INTRO.format(inspector="区委", org="区水务局党组"),
     {}, ("湖北省", "武汉市", "东西湖区")),
    # a city-level organisation: a district in the postal address is not its county
    ("中共杭州市档案馆党组关于市委巡察整改情况的通报\n" + INTRO.format(inspector="市委", org="市档案馆党组")
     + "欢迎监督。联系地址:杭州市西湖区某某路8号。", {"inspected_org": "市档案馆党组"},
     ("浙江省", "杭州市", None)),
    # the same address does give the county for a county-level organisation
    ("区统计局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区统计局党组")
     + "欢迎监督。邮寄地址:杭州市西湖区某某路8号。", {"inspected_org": "区统计局党组",
                                                    "inspector_level": "county"},
     ("浙江省", "杭州市", "西湖区")),
    # 鼓楼区 exists in four cities of three provinces: nothing named above it -> nothing
    ("鼓楼区审计局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区审计局党组"),
     {}, (None, None, None)),
    # ... and a city named in the address picks one of them
    ("鼓楼区审计局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区审计局党组")
     + "欢迎监督。通讯地址:福州市鼓楼区某某路1号。", {}, ("福建省", "福州市", "鼓楼区")),
    # two candidate cities both named in the text: still ambiguous
    ("鼓楼区审计局党组关于巡察整改情况的通报\n根据区委统一部署,区委巡察组对区审计局党组开展了巡察。现将整改情况予以公布。\n"
     "一、做法\n赴南京市、福州市学习。", {}, (None, None, None)),
    # 朝阳区 (Beijing, Changchun) resolved by the city in the intro
    ("朝阳区民政局党组关于巡察整改进展情况的通报\n根据北京市朝阳区委统一部署,区委第三巡察组对区民政局党组开展了巡察。",
     {}, ("北京市", "北京市", "朝阳区")),
    # a provincial department: an address in the capital gives no city
    ("湖北省统计局党组关于省委巡视整改进展情况的通报\n根据省委统一部署,省委第五巡视组对省统计局党组开展了巡视。"
     "\n欢迎监督。邮政地址:武汉市武昌区某某路2号。", {"inspected_org": "省统计局党组",
                                                   "inspector_level": "provincial"},
     ("湖北省", None, None)),
    # county-level city under a prefecture
    ("中共桂平市水利局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="市委", org="市水利局党组"),
     {}, ("广西壮族自治区", "贵港市", "桂平市")),
    # the inspected organisation names the place; the title does not
    ("关于巡察整改情况的通报\n" + INTRO.format(inspector="县委", org="县教育局党组"),
     {"inspected_org": "中共攸县教育局党组"}, ("湖南省", "株洲市", "攸县")),
    # short province name chained to a city
    ("湖北宜昌市财政局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="市委", org="市财政局党组"),
     {}, ("湖北省", "宜昌市", None)),
    # short city name chained to a district
    ("南京鼓楼区卫健委党组关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区卫健委党组"),
     {}, ("江苏省", "南京市", "鼓楼区")),
    # 市委和县委: 和县 is a real county but not here
    ("关于巡察整改情况的通报\n根据市委和县委统一部署,县委巡察组对县档案馆开展了巡察。现将整改情况予以公布。",
     {}, (None, None, None)),
    # 主城区 holds 城区 (a district name) but is no place
    ("关于巡察整改情况的通报\n根据县委统一部署,县委巡察组对县住建局开展了巡察,聚焦主城区改造。现将整改情况予以公布。",
     {}, (None, None, None)),
    # a place inside a measure, far into the body, is not enough
    ("X总工会党组关于巡察整改情况的通报\n根据XX统一部署,XX巡察组对X总工会党组开展了巡察。现将整改情况予以公布。\n"
     "一、主要做法\n组织人员赴桂平市学习考察。\n二、整改情况\n已完成整改。", {}, (None, None, None)),
    # a municipality: the city is the municipality itself
    ("北京市朝阳区档案馆党组关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区档案馆党组"),
     {}, ("北京市", "北京市", "朝阳区")),
    # a municipality named alone is province and city
    ("北京市档案馆党组关于巡察整改情况的通报\n" + INTRO.format(inspector="市委", org="市档案馆党组"),
     {}, ("北京市", "北京市", None)),
    # a county-level city directly under the province
    ("中共仙桃市统计局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="市委", org="市统计局党组"),
     {}, ("湖北省", "仙桃市", None)),
    # a county name from before a boundary change is still known
    ("中共滦县审计局党组关于巡察整改情况的通报\n" + INTRO.format(inspector="县委", org="县审计局党组"),
     {}, ("河北省", "唐山市", "滦县")),
    # the inspector names the district; the inspected org does not
    ("关于巡察整改情况的通报\n" + INTRO.format(inspector="区委", org="区档案馆党组"),
     {"inspector": "江汉区委第三巡察组", "inspected_org": "区档案馆党组"}, ("湖北省", "武汉市", "江汉区")),
    # a site greeting of another city does not override the title
    ("欢迎访问长沙市人民政府网站\n中共宜昌市财政局党组关于巡察整改情况的通报\n"
     + INTRO.format(inspector="市委", org="市财政局党组"), {}, ("湖北省", "宜昌市", None)),
    # traditional characters are matched in simplified form
    ("中共湘潭市雨湖區民政局黨組關於巡察整改情況的通報\n根據區委統一部署,區委第四巡察組對區民政局黨組進行了巡察。現將整改情況予以公布。",
     {}, ("湖南省", "湘潭市", "雨湖区")),
    # a provincial department: a city in the chrome adds nothing below the province
    ("浙江省档案局党组关于省委巡视整改进展情况的通报\n来源:杭州市纪委 发布时间:2023-01-01\n"
     "根据省委统一部署,省委第六巡视组对省档案局党组开展了巡视。现将整改进展情况予以公布。",
     {}, ("浙江省", None, None)),
    # a city bureau: a district named in the intro is not its county
    ("中共杭州市档案馆党组关于市委巡察整改情况的通报\n根据市委统一部署,市委第二巡察组对市档案馆党组"
     "开展了巡察,并延伸巡察西湖区档案馆。现将整改情况予以公布。", {}, ("浙江省", "杭州市", None)),
    # an org header line before the title gives the city (county-free)
    ("宜昌市人力资源和社会保障局办公室\n宜人社办〔2022〕3号\n关于印发《专项治理实施方案》的通知\n"
     "各县市区人社局:\n现将《专项治理实施方案》印发给你们,请认真组织实施。", {}, ("湖北省", "宜昌市", None)),
]


@pytest.mark.parametrize("text,found_values,expected", PLACE_CASES)
def test_places(text, found_values, expected):
    assert run_places(text, found_values)[0] == expected


@pytest.mark.parametrize("org,expected", [
    ("区人社局党组", "人社"),
    ("市人力资源和社会保障局党组", "人社"),
    ("市民政局党组", "民政"),
    ("X总工会党组", "工会"),
    ("澜江医科大学附属医院党委", "医院"),     # the head noun comes last
    ("澜江大学党委", "高校"),
    ("县委统战部(含县工商联)", "统战"),      # parenthesised bundle ignored
    ("区卫健委党组(区委卫生工委)", "卫健"),
    ("市人民检察院党组", "检察院"),
    ("澜江城发集团有限公司党委", "国企"),
    ("云岭镇党委", "乡镇街道"),
    ("中共北塘县委宣传部", "宣传"),
    ("区委第二巡察组", None),
    ("中共北塘县文化和旅游体育局党组", "文旅"),  # a merged bureau: its first field
    ("区教育体育局党组", "教育"),
    ("市統計局黨組", "统计"),                # traditional
    ("青溪區衛健局黨組", "卫健"),            # short name 卫健局, traditional
    ("北塘县生态环境分局党组", "生态环境"),  # a 分局
    ("团市委", "共青团"),
])
def test_parse_sector(org, expected):
    assert parse_sector(org) == expected


def test_sector_from_title_when_no_inspected_org():
    _, sector = run_places("中共青溪区审计局党组关于十三届区委第二轮巡察整改情况的通报\n"
                           + INTRO.format(inspector="区委", org="我局"))
    assert sector == "审计"


def test_sector_prefers_inspected_org():
    _, sector = run_places("市委第四巡察组向市教育局党组反馈巡察情况\n6月3日,市委第四巡察组向市教育局党组反馈巡察情况。",
                           {"inspected_org": "市财政局党组"})
    assert sector == "财政"


@pytest.mark.parametrize("title,expected", [
    ("中共北塘县统计局党组关于巡察整改情况的通报", "中共北塘县统计局党组"),
    ("市委第十二巡察组向市审计局党组反馈巡察情况", "市审计局党组"),
    ("县委第一巡察组巡察县统计局情况反馈会召开", "县统计局"),
])
def test_title_org_part(title, expected):
    assert title_org_part(title) == expected


def test_region_table_covers_levels():
    assert [r.city for r in regions_named("东西湖区")] == ["武汉市"]
    assert len({r.city for r in regions_named("鼓楼区")}) == 4
    assert regions_named("浙江省")[0].level == "province"
    assert regions_named("杭州市")[0].province == "浙江省"


def test_mentions_skip_words():
    # 县域 and 区域 are no places; 兴县 inside 振兴县 neither
    assert find_region_mentions("推进县域经济和区域协调,振兴县城") == []


SEED_IDS = ["dongxihu-renshe-2025", "yuhu-minzheng-2023", "wuhan-renshe-plan-2022",
            "hangzhou-minzheng-2023", "gonghui-anon-2023"]


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seed_places(seed_id):
    expected = gold()[seed_id]
    nt = NoticeText.from_document(seed_document(seed_id))
    found: dict[str, Fact] = {}
    for fact in extract_page_fields(nt, {}):
        found.setdefault(fact.field, fact)
    values = {f.field: f.value for f in extract_place_fields(nt, found)}
    for name in ("province", "city", "county", "sector"):
        assert values.get(name) == expected[name], name


@pytest.mark.parametrize("module", ["analysis.fields.places", "analysis.fields.places_table"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
