"""Inspection fields: who inspected whom, what kind, which round and group, and when.

Fixtures are invented (澜江市, 青溪区, 北塘县 ...); every text goes through the same
normalisation as a real notice, so both punctuation widths and traditional text with
pinyin are covered.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.document import Document, Fact
from analysis.fields.context import NoticeText
from analysis.fields.inspection import extract_inspection_fields

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
FIELDS = ("inspected_org", "inspector", "inspector_level", "inspection_kind", "inspection_round",
          "inspection_group", "inspection_start", "inspection_end", "feedback_date", "as_of_date")


def extract(text: str, title: str = "", publish: str | None = None,
            doc_type: str | None = None) -> dict:
    """First value per field, as the notices table would store it."""
    doc = Document(text=text, source_path="x.txt", source_format="txt", title=title)
    found = {}
    if publish:
        found["publish_date"] = Fact("publish_date", publish, "date", "", 0, 0)
    if doc_type:
        found["doc_type"] = Fact("doc_type", doc_type, "", "", 0, 0)
    values: dict = {}
    for fact in extract_inspection_fields(NoticeText.from_document(doc), found):
        values.setdefault(fact.field, fact.value)
    return values


def check(got: dict, expected: dict) -> None:
    for name, want in expected.items():
        assert got.get(name) == want, (name, got)


# ---------------------------------------------------------------- 3.1 core sentences, 3.3 inspector
CORE = ("按照区委统一部署,2019年6月8日至8月13日,区委第九巡察组对区审计局党组开展了常规巡察。"
        "10月9日,区委第九巡察组向区审计局党组反馈了巡察意见。")


@pytest.mark.parametrize("text, expected", [
    # the core pair of sentences, ASCII punctuation
    (CORE, dict(inspector="区委第九巡察组", inspector_level="county", inspection_group=9,
                inspected_org="区审计局党组", inspection_kind="regular",
                inspection_start="2019-06-08", inspection_end="2019-08-13",
                feedback_date="2019-10-09", inspection_round=None, as_of_date=None)),
    # the same with full-width punctuation
    (CORE.replace(",", "，"), dict(inspector="区委第九巡察组", feedback_date="2019-10-09",
                                    inspection_start="2019-06-08")),
    # inspector before the dates; the feedback sentence has the party-organ suffix
    ("市委第十巡察组于2021年3月2日至4月30日对市档案馆进行了巡察。2021年6月2日,市委第十巡察组"
     "向市档案馆党组反馈了巡察意见。",
     dict(inspector="市委第十巡察组", inspector_level="municipal", inspection_group=10,
          inspected_org="市档案馆党组", inspection_end="2021-04-30", feedback_date="2021-06-02")),
    # no second subject: 并于…反馈 inside the inspection sentence
    ("根据县委统一部署,2022年6月6日至7月29日,县委第三巡察组对县统计局党组开展了巡察,"
     "并于2022年8月9日反馈了巡察意见。",
     dict(inspector="县委第三巡察组", feedback_date="2022-08-09", inspection_start="2022-06-06")),
    # N组 form
    ("县委巡察二组对县林业局党组开展了巡察。", dict(inspector="县委巡察二组", inspection_group=2,
                                                 inspector_level="county")),
    # with a place name: kept as written
    ("澜江市委第九巡察组对市水务局党组开展了巡察。",
     dict(inspector="澜江市委第九巡察组", inspector_level="municipal", inspection_group=9)),
    ("青溪区委第八巡察组对区文旅局党组开展了巡察。",
     dict(inspector="青溪区委第八巡察组", inspector_level="county", inspection_group=8)),
    # term + round inside the inspector: both dropped from the value, round kept
    ("六届市委第五轮巡察第十二巡察组对市审计局党组开展了巡察。",
     dict(inspector="市委第十二巡察组", inspection_round=5, inspection_group=12)),
    ("八届市委第十一轮巡察三组对市科协党组开展了巡察。",
     dict(inspector="市委巡察三组", inspection_round=11, inspection_group=3)),
    # special groups
    ("市委第四专项巡察组对市医保局党组开展了专项巡察。",
     dict(inspector="市委第四专项巡察组", inspection_group=4, inspection_kind="special")),
    ("市委教育领域第二专项巡察组对澜江第一中学党委开展了巡察。",
     dict(inspector="市委教育领域第二专项巡察组", inspection_group=2, inspection_kind="special",
          inspected_org="澜江第一中学党委")),
    ("县委民生领域专项巡察一组对县民政局党组开展了巡察。",
     dict(inspector="县委民生领域专项巡察一组", inspection_group=1, inspection_kind="special")),
    ("旗委第二专项巡察组对旗医保局党组开展了巡察。",
     dict(inspector="旗委第二专项巡察组", inspector_level="county", inspection_kind="special")),
    ("校党委巡察办第二专项巡察组对图书馆直属党支部开展了巡察。",
     dict(inspector="校党委巡察办第二专项巡察组", inspector_level="university",
          inspection_group=2)),
    # cross
    ("市委第五提级交叉巡察组对云岭镇党委开展了提级交叉巡察。",
     dict(inspector="市委第五提级交叉巡察组", inspection_group=5, inspection_kind="cross")),
    ("市委提级巡察第一巡察组对北塘县云岭镇党委开展了巡察。",
     dict(inspector="市委提级巡察第一巡察组", inspection_group=1, inspection_kind="cross")),
    ("县委第二巡察组采取巡乡带村看县方式对石湾镇党委开展了巡察。",
     dict(inspection_kind="cross", inspection_group=2)),
    # linked
    ("区委上下联动巡察组对云岭街道所辖社区党组织开展了巡察。",
     dict(inspector="区委上下联动巡察组", inspection_kind="linked", inspection_group=None,
          inspector_level="county")),
    ("市县联动巡察组对北塘县民政局党组开展了巡察。",
     dict(inspector="市县联动巡察组", inspector_level="municipal", inspection_kind="linked")),
    # mobile
    ("区委机动巡察组对区档案馆党组开展了机动巡察。",
     dict(inspector="区委机动巡察组", inspection_kind="mobile", inspection_group=None)),
    # in-house groups: enterprise, university (level from the intro), a department's own
    ("根据集团党委统一部署,集团党委第五轮政治巡察两个巡察组对所属物流公司党支部开展了巡察。",
     dict(inspector_level="enterprise", inspection_round=5, inspection_group=None,
          inspection_kind=None)),
    ("根据校党委统一部署,党委第一巡察组对化学学院党委开展了巡察。",
     dict(inspector="党委第一巡察组", inspector_level="university", inspection_group=1)),
    ("10月9日至12日,集团公司党委2个巡察组分别进驻物流公司党委开展常规巡察。",
     dict(inspector="集团公司党委2个巡察组", inspector_level="enterprise", inspection_group=None)),
    ("学校党委第二巡察组对外国语学院党委开展了巡察。",
     dict(inspector="学校党委第二巡察组", inspector_level="university", inspection_group=2)),
    ("根据委党组统一部署,委党组巡察组对委机关第二党支部开展了巡察。",
     dict(inspector="委党组巡察组", inspector_level="other")),
    # a count of groups: inspector as written, no group number
    ("区委3个巡察组对区民政局党组等4个单位党组织开展了常规巡察。",
     dict(inspector="区委3个巡察组", inspection_group=None, inspector_level="county")),
    ("2个县委巡察组对县教育局党组开展了巡察。",
     dict(inspector="2个县委巡察组", inspection_group=None, inspector_level="county")),
    ("市委选派6个巡察组对12家市直单位党组织开展了巡察。",
     dict(inspector="市委选派6个巡察组", inspection_group=None)),
    ("12个省委巡视组对各市开展了巡视。", dict(inspection_group=None, inspector_level="provincial")),
    # central and provincial; a region inspected under 巡视, its 市委 named in the feedback
    ("根据中央统一部署,中央第二巡视组于2022年3月8日至5月20日对某省开展了常规巡视。",
     dict(inspector="中央第二巡视组", inspector_level="central", inspection_kind="regular")),
    ("根据省委统一部署,2024年8月27日至11月22日,省委第四巡视组对澜江市进行了巡视。"
     "2024年12月27日,省委第四巡视组向澜江市委反馈了巡视意见。",
     dict(inspector="省委第四巡视组", inspector_level="provincial", inspected_org="澜江市委",
          feedback_date="2024-12-27")),
    # anonymised: placeholder inspector, no level, no dates
    ("根据XX统一部署,202X年X月X日至X月X日,XX巡察组对X总工会党组进行了常规巡察。"
     "202X年X月X日,XX巡察组向X总工会党组反馈了巡察意见。",
     dict(inspector="XX巡察组", inspector_level=None, inspection_kind="regular",
          inspection_start=None, inspection_end=None, feedback_date=None,
          inspected_org="X总工会党组")),
    # partly anonymised: the level word is real, the number is not
    ("XX市委第X巡察组对XX局党组进行了巡察。",
     dict(inspector="XX市委第X巡察组", inspector_level="municipal", inspection_group=None)),
    # only a bare 巡察组: no inspector, the level from the intro
    ("根据市委统一部署,巡察组对市统计局党组开展了巡察。",
     dict(inspector=None, inspector_level="municipal", inspected_org="市统计局党组")),
    # term before a place name; 派出 kept as written
    ("九届青溪区委第一轮巡察派出4个巡察组,对区发改委党组、区商务局党组开展专项巡察。",
     dict(inspector="青溪区委派出4个巡察组", inspection_round=1, inspection_group=None,
          inspection_kind="special", inspected_org="区发改委党组、区商务局党组")),
    # 的 between the round and the count goes with the round
    ("根据校党委统一部署,校党委第二轮巡察的3个巡察组于9月25日分别进驻化学学院党委开展巡察。",
     dict(inspector="校党委3个巡察组", inspection_round=2, inspector_level="university")),
    # 提级(交叉) written with parentheses
    ("市委第五提级(交叉)巡察组对市政协机关党组开展了巡察。",
     dict(inspector="市委第五提级(交叉)巡察组", inspection_group=5, inspection_kind="cross")),
    # a field-named special group with a place, in a feedback-meeting lead
    ("近日,澜江市委医疗卫生领域第六专项巡察组巡察北塘县人民医院党委情况反馈会召开。",
     dict(inspector="澜江市委医疗卫生领域第六专项巡察组", inspection_group=6,
          inspection_kind="special", inspected_org="北塘县人民医院党委")),
    # 对X巡察“回头看”工作动员会: the org without 开展
    ("9月29日,市委第一巡察组对市民政局党组巡察“回头看”工作动员会召开。",
     dict(inspected_org="市民政局党组", inspection_kind="look_back")),
    # typo 巡查组 accepted before 组
    ("区委第二巡查组对区图书馆党支部开展了巡察。",
     dict(inspector="区委第二巡查组", inspection_group=2)),
    # 日常巡查 is an ordinary patrol, no inspector
    ("单位开展日常巡查,发现问题及时整改。", dict(inspector=None, inspection_group=None)),
    # all groups of a round: 各巡察组 and 第一至第五巡察组 are counts of groups
    ("近日,县委各巡察组向本轮被巡察党组织反馈了巡察情况。",
     dict(inspector="县委各巡察组", inspection_group=None, inspector_level="county")),
    ("5月6日,区委第一至第五巡察组向被巡察的10个党组织反馈了巡察情况。",
     dict(inspector="区委第一至第五巡察组", inspection_group=None, inspected_org="10个党组织")),
    # several numbered groups in one lead: no single group, no inspector but a count
    ("市委第二、三巡察组对市统计局等2个单位开展了巡察,市委第一巡察组同步对市档案馆开展了巡察。",
     dict(inspector="市委第二、三巡察组", inspection_group=None, inspector_level="municipal")),
    ("近日,校党委2个巡察组分别向化学学院、外国语学院进行了反馈。校党委第一巡察组组长李青、"
     "第二巡察组组长王河分别反馈了巡察情况。",
     dict(inspector="校党委2个巡察组", inspection_group=None, inspector_level="university")),
    # ... but one stray number beside the named group is a slip, not a round of groups
    ("6月3日,在行政楼召开学院党委第二巡察组巡察护理系党总支意见反馈会议。第一巡察组组长出席。",
     dict(inspector="学院党委第二巡察组", inspection_group=2)),
    # a city and district group working together
    ("市区联动巡察组于2020年4月7日至5月8日对青溪区法院进行了巡察。",
     dict(inspector="市区联动巡察组", inspector_level="municipal", inspection_kind="linked")),
    # 巡察工作组 is a group
    ("学校党委第三巡察工作组对艺术学院党总支开展了巡察。",
     dict(inspector="学校党委第三巡察工作组", inspection_group=3, inspector_level="university")),
    # the party committee inspects in its own name (university, group company)
    ("9月12日上午,校党委召开第五届党委第三轮巡察集中反馈会,通报巡察发现的突出问题。",
     dict(inspector="校党委", inspector_level="university", inspection_group=None)),
    ("学校党委于2023年11月下旬对机械学院开展了巡察工作。",
     dict(inspector="学校党委", inspector_level="university", inspected_org="机械学院")),
    ("自集团公司党委巡察反馈意见以来,公司党委先后召开4次会议研究整改。",
     dict(inspector="集团公司党委", inspector_level="enterprise")),
    # ... but a school or firm holding its own rectification meeting is the inspected, not the
    # inspector; nor is one that takes the feedback seriously
    ("根据省委统一部署,省委巡视组对澜江大学开展了巡视。9月1日,学校党委召开巡视整改专题会议。",
     dict(inspector="省委巡视组", inspector_level="provincial")),
    ("公司党委对巡察反馈问题高度重视,逐条研究巡察整改措施。", dict(inspector=None)),
    # the intro names the body by 关于…的安排
    ("根据学校党委巡察工作领导小组关于四届党委第一轮巡察反馈工作的安排,7月6日,党委第二巡察组向"
     "艺术学院党委反馈巡察情况。",
     dict(inspector="党委第二巡察组", inspector_level="university", inspection_round=1)),
    # no group and no intro: the level from the organ that inspects
    ("北塘县通过三项措施推进巡察整改。巡察发现的问题经县委巡察工作领导小组审定后反馈。",
     dict(inspector=None, inspector_level="county")),
    ("澜江区委已经开展五轮常规巡察,对全区40个单位党组织开展了巡察。",
     dict(inspector=None, inspector_level="county")),
    # 其中 is no place name
    ("其中市委第四巡察组对澜江港务集团党委开展了巡察。", dict(inspector="市委第四巡察组")),
    # 按照 is no place name either; groups of two different bodies are not a round fed back
    # group by group: the first numbered group is the inspector
    ("今年4月,澜江市委第六巡察组对区水务局开展了专项巡察。7月,按照省委第三巡视组要求,青溪区委"
     "巡察组对北塘街道开展了专项巡察。",
     dict(inspector="澜江市委第六巡察组", inspector_level="municipal", inspection_group=6)),
])
def test_inspector_and_core(text, expected):
    check(extract(text), expected)


# ---------------------------------------------------------------- 3.4 kind
@pytest.mark.parametrize("text, title, kind", [
    ("区委第二巡察组对区审计局党组开展了常规巡察。", "", "regular"),
    # 政治巡察 labels every inspection: no kind
    ("区委第二巡察组对区审计局党组开展了政治巡察。", "", None),
    ("区委第二巡察组对区审计局党组开展了巡察。", "", None),
    ("区委第二巡察组对区审计局党组开展了专项巡察。", "", "special"),
    ("区委第二巡察组对区审计局党组开展了巡察“回头看”。", "", "look_back"),
    ("省委第三巡视组对某市开展了巡视“回头看”。", "", "look_back"),
    ("区委第二巡察组对区审计局党组开展了巡察整改回头看。", "", "look_back"),
    # combined, in order of appearance
    ("县委第一巡察组对县民政局党组开展了联动巡察暨“回头看”。", "", "linked;look_back"),
    ("区委第一巡察组对区粮食局党组开展了涉粮问题上下联动专项巡察。", "", "linked;special"),
    ("市委第二巡察组对北塘县人社局党组开展了市县人社系统联动巡察。", "", "linked"),
    ("省委第二巡视组对澜江大学党委开展了提级巡视。", "", "cross"),
    ("县委第三巡察组对云岭镇党委开展了交叉式巡察。", "", "cross"),
    ("省委第六巡视组对澜江市开展了机动式巡视。", "", "mobile"),
    # 整治巡察 is a themed inspection (the seed gold counts it as special)
    ("区委第二巡察组对区人社局党组开展了不正之风问题整治巡察“回头看”。", "",
     "special;look_back"),
    # the title counts: look-back named only there
    ("根据区委统一部署,区委第二巡察组对区人社局党组开展了巡察。",
     "区人社局党组关于区委第九轮巡察“回头看”反馈意见整改进展情况的通报", "look_back"),
    # false friends in the measures are never read
    ("区委第二巡察组对区审计局党组开展了巡察。\n一、整改情况\n坚持上下联动、齐抓共管,开展专项整治,"
     "组织整改自行“回头看”,开展专项检查。", "", None),
    # 延伸巡察 is no kind
    ("市委第三巡察组对市交通局党组开展巡察,并对下属单位开展延伸巡察。", "", None),
    # a plan's title names its campaign: 专项治理“回头看”
    ("为做好整治工作,特制定本方案。", "市人社局关于印发《补贴资金专项治理“回头看”实施方案》的通知",
     "special;look_back"),
    # ... but 专项治理 in a notice that is no plan is no kind
    ("区委第二巡察组对区人社局党组开展了巡察。", "区人社局关于专项治理工作情况的通报", None),
])
def test_kind(text, title, kind):
    assert extract(text, title=title).get("inspection_kind") == kind


# ---------------------------------------------------------------- 3.5 round and group
@pytest.mark.parametrize("text, title, rnd, group", [
    ("根据十三届区委第四轮巡察工作统一部署,区委第二巡察组对区审计局党组开展了巡察。", "", 4, 2),
    ("四届市委第九轮巡察中,市委第三巡察组对市科技局党组开展了巡察。", "", 9, 3),
    ("十二届省委第三轮巡视期间,省委第五巡视组对澜江市开展了巡视。", "", 3, 5),
    ("十九届中央第六轮巡视中,中央第八巡视组对某部党组开展了巡视。", "", 6, 8),
    ("县委第六轮巡察第四巡察组对县水利局党组开展了巡察。", "", 6, 4),
    ("省委第二巡视组对某市开展了第二轮巡视“回头看”。", "", 2, 2),
    ("市委第十二轮巡察中,市委第一巡察组对市林业局党组开展了巡察。", "", 12, 1),
    # 届 is a term, not a round
    ("根据区委统一部署,区委机动巡察组对区档案馆开展了巡察。",
     "关于第十三届区委机动巡察反馈意见整改情况的通报", None, None),
    # 前六轮 counts rounds: null
    ("前六轮巡察反馈的问题已完成整改。区委第一巡察组对区医保局党组开展了巡察。", "", None, 1),
    # a count of groups is not a group number
    ("区委3个巡察组对区民政局党组开展了巡察。", "", None, None),
    # the round in the title
    ("根据区委统一部署,区委第二巡察组对区人社局党组开展了巡察。",
     "区人社局党组关于区委第九轮巡察反馈意见整改进展情况的通报", 9, 2),
    # the province's round is not the county group's round
    ("根据十二届省委第四轮巡视工作带巡察有关要求,区委第一联动巡察组对区法院党组进行了巡察。", "",
     None, 1),
    # ... and the city's own round after the province's is
    ("根据省委第二轮巡视巡察联动工作部署,市委第四轮巡察分6个组开展,市委第三巡察组对市档案馆开展了巡察。",
     "", 4, 3),
    # a central round under a provincial inspector: only the provincial one counts
    ("根据十九届中央第六轮巡视部署,省委第二巡视组对某市开展了巡视。", "", None, 2),
    # a field and a topic before 专项 (…领域作风建设专项巡察二组): still one numbered group
    ("县委营商环境领域作风建设专项巡察二组对县商务局开展了专项巡察。", "", None, 2),
])
def test_round_and_group(text, title, rnd, group):
    got = extract(text, title=title)
    assert (got.get("inspection_round"), got.get("inspection_group")) == (rnd, group)


# ---------------------------------------------------------------- 3.2 inspected org
@pytest.mark.parametrize("text, title, org", [
    (CORE, "", "区审计局党组"),
    # self-reference resolved from the title, without the leading 中共
    ("根据市委统一部署,市委第二巡察组对我局进行了巡察,并于5月10日向我局党组反馈了巡察意见。",
     "中共澜江市审计局党组关于市委巡察整改情况的通报", "澜江市审计局党组"),
    # self-reference with a suffix the title lacks
    ("市委第二巡察组对我院党委开展了巡察。", "澜江市第三人民医院关于巡察整改情况的通报",
     "澜江市第三人民医院党委"),
    # 对我局…领域: a field, resolved to the org, never 社保基金征缴领域
    ("市委第二巡察组对我局社保基金征缴领域开展专项巡察。",
     "中共北塘县人社局党组关于巡察整改情况的通报", "北塘县人社局党组"),
    # a region under 巡视 naming itself: 我市 -> the 市委 that issues the title
    ("根据省委统一部署,省委第四巡视组对我市进行了巡视。", "中共澜江市委关于省委巡视整改进展情况的通报",
     "澜江市委"),
    # a later sub-unit mention with a suffix does not replace the inspected org
    ("市委第十巡察组对市档案馆进行了巡察,同时对下属3个单位党组织开展了延伸巡察。", "", "市档案馆"),
    # self-reference with no title to resolve it: empty rather than 我局
    ("市委第二巡察组对我局进行了巡察。", "", None),
    # 对照 is no org
    ("对照巡察反馈意见开展整改。", "", None),
    # feedback news title
    ("会议由局党组书记主持。", "市委第十二巡察组向市审计局党组反馈巡察情况", "市审计局党组"),
    ("会议由局长主持。", "县委第一巡察组巡察县统计局情况反馈会召开", "县统计局"),
    # parentheses and bundles kept as written
    ("区委第一巡察组对区委统战部(含区工商联)党组织开展了巡察。", "",
     "区委统战部(含区工商联)党组织"),
    # the publisher reports on other units: the units inspected are what counts
    ("县委第二巡察组对石湾村、桥头村等4个村级党组织开展了巡察。", "云岭镇党委关于巡察整改情况的通报",
     "石湾村、桥头村等4个村级党组织"),
    # with 中共 and place, kept as the sentence says
    ("县委第一巡察组对中共北塘县统计局党组开展了巡察。", "", "中共北塘县统计局党组"),
    # feedback news forms: 召开巡察X情况反馈会, 到X反馈, 巡察X意见反馈会, 巡察X的反馈意见
    ("8月3日,市委第四巡察组召开巡察市卫健委党委情况反馈会。", "", "市卫健委党委"),
    ("4月2日,副市长率市委第三巡察组到市教育局反馈巡察“回头看”情况。", "", "市教育局"),
    ("11月4日下午,学院党委巡察艺术学院、青溪校区管理委员会党总支意见反馈会在行政楼召开。", "",
     "艺术学院、青溪校区管理委员会党总支"),
    ("院党委学习了区委巡察办《关于印发区委专项巡察组关于专项巡察澜江市中心医院党委的反馈意见的通知》。",
     "", "澜江市中心医院党委"),
    # visits: 巡察组到X督查回访, 一行N人到X开展…回访督查
    ("3月20日,市委第四巡察组到青溪城投公司督查回访巡察反馈问题整改落实情况。", "", "青溪城投公司"),
    ("3月2日,县纪委一行4人到云岭镇开展为期3天的巡察反馈问题整改落实情况回访督查工作。", "", "云岭镇"),
    # a meeting of the inspected org itself, when nothing else names it
    ("2月7日,澜江设计院公司党委召开专题会议,研究巡察整改工作。", "", "澜江设计院公司党委"),
    # 学校党委 holding the feedback meeting is the inspector, not the inspected
    ("9月6日,学校党委召开第三轮巡察集中反馈会,通报巡察发现的问题。", "", None),
    # ... and the same org named with its party organ in that meeting
    ("7月7日下午,机械学院党委在报告厅召开巡察整改情况通报会。学校党委于2023年11月对机械学院开展了巡察。",
     "", "机械学院党委"),
    # lists and counts of units, as written (the lead-in 本轮巡察的 / 被巡察的 dropped)
    ("4月7日到11日,三个巡察组分别向本轮巡察的护理学院、艺术学院等3家二级党委进行了“一对一”的巡察反馈。",
     "", "护理学院、艺术学院等3家二级党委"),
    ("15个省委巡视组分别向41个被巡视党组织进行了现场反馈。", "", "41个被巡视党组织"),
    ("按照区委统一部署,区委分5组对区委宣传部、区档案馆、区文联、区科协、区医保局、区人社局、区科技局、"
     "西关街道办事处、东关街道办事处等12个单位开展了集中巡察。", "",
     "区委宣传部、区档案馆、区文联、区科协、区医保局、区人社局、区科技局、西关街道办事处、东关街道办事处等12个单位"),
    # a list, then the count of the same units (三户被巡察企业): the list
    ("9月2日,三个巡察组分别向物流公司党支部、置业公司党总支、设计院党委三户被巡察企业反馈了巡察意见。",
     "", "物流公司党支部、置业公司党总支、设计院党委"),
    # the inspection names two sets of units with no total, the feedback 上述单位: nothing
    ("中央巡视组对甲省、乙省开展了常规巡视,对某部、某大学开展了专项巡视,并陆续向上述地区、单位党委反馈了意见。",
     "", None),
    # ... but when the feedback names its total, that total
    ("区委4个巡察组对区民政局等4家单位开展常规巡察;对区教育局直属的32家事业单位开展专项巡察。"
     "2022年1月27日,区委4个巡察组向36家被巡察单位党组织全面反馈巡察情况。", "", "36家被巡察单位党组织"),
    # the count after what the round covered (…涉及的31家党组织)
    ("9月2日至10日,市委6个巡察组分别向本轮常规巡察、专项巡察涉及的28家党组织进行了反馈。", "",
     "28家党组织"),
    # 组长反馈了对X的巡察情况
    ("3月2日下午,县委第三巡察组在云岭镇召开巡察“回头看”情况反馈大会,县委第三巡察组组长反馈了对云岭镇"
     "石湾社区、桥头村的巡察“回头看”情况。", "", "云岭镇石湾社区、桥头村"),
    # people and posts are not the org told the feedback
    ("会前,党委第四巡察组向许青反馈了巡察情况,移交了反馈材料。", "", None),
    # a sector of the region naming itself is kept as written
    ("市委第三专项巡察组对我区医疗卫生系统开展了专项巡察。", "", "我区医疗卫生系统"),
    # 我院党组 with no title: the body's own name for it
    ("市委巡察一组对我院党组开展了巡察。\n一、整改情况\n市中级法院党组严格落实整改要求。", "", "市中级法院党组"),
    # the villages are inspected; 镇党委 (their superior, told the feedback) is no other org
    ("县委第二巡察组对石湾村、桥头村等4个村级党组织开展了巡察,并向镇党委反馈了巡察意见。",
     "云岭镇党委关于巡察整改情况的通报", "石湾村、桥头村等4个村级党组织"),
    # an org ends in an org word: 上级精神 and 巡察情况 are none
    ("会议要求,要对上级精神进行再学习再领会,要对巡察情况进行再梳理再总结。", "", None),
    # the org before its secretary's post and name
    ("9月8日,市委机动巡察组分别向澜江市妇幼保健中心党委书记王某和领导班子反馈了巡察情况。", "",
     "澜江市妇幼保健中心党委"),
    # 工作党委 is an org, its bundle kept as written
    ("近日,区委第三巡察组向区教育工作党委(区教育局)反馈巡察情况。", "", "区教育工作党委(区教育局)"),
    # a short form and the full name of one org: the one with its party organ
    ("5月6日,县委第二巡察组巡察县文旅体局情况反馈会召开。巡察组组长宣读了《关于巡察县文化旅游体育局党组的"
     "反馈意见》。", "", "县文化旅游体育局党组"),
    # 同步对X进行巡察 after the sentence's own inspection: X is an extra, the first is the org
    ("县委第三巡察组对北塘县6个乡镇的18个村开展了专项巡察,同步对县人民医院进行巡察。", "",
     "北塘县6个乡镇的18个村"),
    # ... and when the first is no org (a field of work), nothing rather than the extra
    ("县委第三巡察组对北塘县18个村脱贫攻坚工作开展了专项巡察,同步对县人民医院进行巡察。", "", None),
    # another group's 同步对 is a second org: nothing
    ("市委第二巡察组对市档案馆开展了巡察,市委第三巡察组同步对市方志办开展了巡察。", "", None),
    # 延伸巡视 of sub-units beside the round's units
    ("十一届省委第六轮巡视派出12个巡视组对36家省管企业党委开展常规巡视,对4家企业的8家二级公司党委开展延伸巡视。",
     "", "36家省管企业党委"),
    # a list with 各… in it names no units
    ("涉及基层法院和乡镇的问题,同步向县人民法院、各乡镇党委反馈。", "", None),
    # fed back to the townships first, then to the villages one by one: the villages, as fed back
    ("2022年5月至6月,县委8个巡察组对全县86个行政村开展了常规巡察。10月9日—12日,县委巡察组先向村(社区)"
     "所在的9个乡镇党委反馈巡察情况,再对全县86个村(社区)逐一反馈。", "", "全县86个村(社区)"),
    # 巡乡带村: the villages of a town inspected with it are no second org
    ("县委第九轮巡察三个巡察组对云岭镇、县财政局、县医保局开展了常规巡察,巡乡带村对云岭镇石湾村、桥头村"
     "开展对村巡察。", "", "云岭镇、县财政局、县医保局"),
    # a round's news that says which units its feedback covered
    ("记者获悉,今年第三轮巡视反馈情况已全部公开,涉及甲省、乙省等8个省区市和某部、某集团2个单位。", "",
     "甲省、乙省等8个省区市和某部、某集团2个单位"),
    # the count of units whose rectification the news is about
    ("近日,省纪委网站陆续公布了第五轮巡视中16所省属高校的巡视整改情况。", "", "16所省属高校"),
    ("县委巡察办派出2个督查组,对前三轮巡察的21个党组织的巡察整改工作开展督查。", "", "21个党组织"),
    # ... but not the org's own sub-units
    ("会议要求,督促所属3个单位的巡察整改工作按期完成。", "", None),
    # 涉及 after problems is no org (a sum of money)
    ("本轮巡察发现问题56个,涉及资金300万元。", "", None),
    # 对全局干部开展…: people, not a second org
    ("区委第二巡察组对区档案馆党组开展了巡察。局党组对全局干部开展了巡察整改警示教育。", "", "区档案馆党组"),
    # the only mention is where the group held its feedback meeting
    ("10月9日上午,市委第三巡察组在市侨联召开巡察情况反馈会。组长通报了巡察意见。", "", "市侨联"),
    # but the venue gives way to the unit inspected (a community fed back at its street office)
    ("2024年3月2日至20日,区委第一巡察组对青溪社区开展巡察。5月6日,区委第一巡察组在北塘街道召开"
     "巡察情况反馈会。", "", "青溪社区"),
])
def test_inspected_org(text, title, org):
    assert extract(text, title=title).get("inspected_org") == org


# ---------------------------------------------------------------- 4. dates in context
@pytest.mark.parametrize("text, publish, expected", [
    # feedback news: the feedback first, the inspection dates in the next paragraph
    ("2024年6月3日,县委第一巡察组向县统计局党组反馈巡察情况。\n根据县委统一部署,2024年3月5日"
     "至4月28日,县委第一巡察组对县统计局党组开展了巡察。", None,
     dict(feedback_date="2024-06-03", inspection_start="2024-03-05", inspection_end="2024-04-28")),
    # a range that ends in 进行了反馈 is the feedback's, not the inspection's
    ("根据县委统一部署,2020年10月至12月,县委第二巡察组对县林业局党组开展了巡察。巡察情况经专题会议"
     "研究后,于2021年2月1日至3日,集中对相关单位班子成员进行了反馈。", None,
     dict(inspection_start=None, inspection_end=None, feedback_date="2021-02-01")),
    # words between 反馈 and 情况: the look-back round is named
    ("根据校党委统一部署,2023年5月9日,校党委第二巡视组向澜江学院党委反馈第三轮巡视“回头看”情况。",
     None, dict(feedback_date="2023-05-09")),
    # yearless feedback after a December end: next year
    ("2023年11月20日至12月15日,市委第三巡察组对市档案馆党组开展了巡察。2月13日,市委第三巡察组"
     "向市档案馆党组反馈了巡察意见。", None,
     dict(inspection_end="2023-12-15", feedback_date="2024-02-13")),
    # no year in the text: the publish year
    ("6月18日,市委第十三巡察组巡察市审计局情况反馈会召开。", "2023-08-01",
     dict(feedback_date="2023-06-18")),
    ("6月18日,市委第十三巡察组巡察市审计局情况反馈会召开。", None, dict(feedback_date=None)),
    # relative years
    ("今年3月2日至4月20日,县委巡察二组对县林业局党组开展了巡察。", "2024-05-01",
     dict(inspection_start="2024-03-02", inspection_end="2024-04-20")),
    ("去年11月2日至12月20日,县委巡察二组对县林业局党组开展了巡察。今年2月1日,县委巡察二组"
     "向县林业局党组反馈了巡察意见。", "2024-05-01",
     dict(inspection_start="2023-11-02", feedback_date="2024-02-01")),
    # garbled dates
    ("区委机动巡察组于2023618日至725日对区档案馆党组开展了巡察。", None,
     dict(inspection_start="2023-06-18", inspection_end="2023-07-25")),
    ("市委第四巡察组于2024113日至2月28日对市统计局党组开展了巡察。", None,
     dict(inspection_start="2024-01-13")),
    # month-only and vague periods stay empty
    ("2023年11月至2024年1月,市委第二巡察组对市科协党组开展了巡察。", None,
     dict(inspection_start=None, inspection_end=None)),
    ("8月下旬至9月底,县委第二巡察组对县档案馆党组开展了巡察。", "2023-12-01",
     dict(inspection_start=None, inspection_end=None)),
    # 日 left out before the range's end; 进行巡察意见反馈
    ("根据区委统一部署,区委派出的6个巡察组于2018年1月4至5日分别向区卫健局等6家党委(支部)"
     "领导班子进行巡察意见反馈。", None,
     dict(feedback_date="2018-01-04", inspection_start=None,
          inspected_org="区卫健局等6家党委(支部)")),
    ("根据学校党委统一部署,12月13-15日,学校党委五个巡察组分别向化学学院党委进行巡察情况反馈。"
     "\n10月12日至11月2日,党委五个巡察组分别对五个学院党组织开展了常规巡察。", "2022-12-20",
     dict(feedback_date="2022-12-13", inspection_start="2022-10-12",
          inspection_end="2022-11-02", inspected_org="化学学院党委")),
    # 反馈专项巡视情况
    ("2017年6月20日,中央第三巡视组向澜江大学党委反馈专项巡视情况。", None,
     dict(feedback_date="2017-06-20", inspected_org="澜江大学党委",
          inspection_kind="special", inspector_level="central")),
    # the rectification period is no inspection period
    ("按照巡察工作有关要求,2023年3月1日至5月31日集中开展巡察整改工作。", None,
     dict(inspection_start=None, inspection_end=None)),
    ("对照巡察反馈意见,于2023年3月1日至5月31日开展集中整改。", None,
     dict(inspection_start=None)),
    # a range that is the feedback's, not the inspection's
    ("2021年2月1日至3日,区委巡察组向区卫健局等6个单位进行了反馈。", None,
     dict(inspection_start=None, feedback_date="2021-02-01")),
    # as-of: full, yearless (rolled from the feedback), 截至目前 and a deadline
    (CORE + "截至2020年1月10日,反馈的12个问题已完成整改10个。", None,
     dict(as_of_date="2020-01-10")),
    (CORE + "截至 11 月 7 日,巡察反馈的 2 个问题均已完成整改。", None,
     dict(as_of_date="2019-11-07")),
    (CORE + "截至目前,反馈的12个问题已完成整改10个。", None, dict(as_of_date=None)),
    (CORE + "相关问题要求截止2019年12月31日前完成整改。", None, dict(as_of_date=None)),
    # the first progress sentence decides: 截至目前 there, no as-of from a later measure
    (CORE + "截至目前,反馈的12个问题已完成整改10个。\n一、整改情况\n截至2020年3月2日,已完成整改台账。",
     None, dict(as_of_date=None)),
    # a vague 截至6月底 is no date either
    (CORE + "截至2020年6月底,反馈的12个问题已完成整改10个。", None, dict(as_of_date=None)),
    # 并于…反馈 with nothing after the verb
    ("2019年6月8日至8月13日,区委第九巡察组对区审计局党组开展了巡察,并于10月9日反馈。", None,
     dict(feedback_date="2019-10-09")),
    # a deadline to report back is no feedback date
    (CORE.replace("10月9日,区委第九巡察组向区审计局党组反馈了巡察意见。", "")
     + "要求于2019年12月30日前反馈整改情况。", None, dict(feedback_date=None)),
    # durations are no dates
    (CORE + "经过两个月集中整改,已完成整改。", None, dict(as_of_date=None)),
    # a meeting that studied the feedback is no feedback date
    ("12月16日,市水务局党组召开会议,传达学习市委第三巡察组巡察反馈意见。", "2025-12-20",
     dict(feedback_date=None)),
    # no publish date: a yearless feedback date takes its year from the month of the
    # inspection (a month alone is no start date)
    ("8月20日,市委巡察二组向市侨联党组反馈巡察情况。2023年4月,市委巡察二组对市侨联党组开展了巡察。",
     None, dict(feedback_date="2023-08-20", inspection_start=None)),
    # the feedback before that month in the year would come a year later
    ("2月3日,县委第一巡察组向县林业局党组反馈巡察情况。2023年10月,县委第一巡察组对县林业局党组开展了"
     "巡察。", None, dict(feedback_date="2024-02-03")),
])
def test_dates_in_context(text, publish, expected):
    check(extract(text, publish=publish), expected)


# ---------------------------------------------------------------- traditional text
@pytest.mark.parametrize("text", [
    "自2018年本届州委开展首轮巡察以来,全州巡察共发现问题3210个。青溪县委第二巡察组对县医保局开展"
    "提级交叉巡察,推动整改。",
    "十九届市委以来,澜江市委巡察机构推动市委第三巡察组对市水务局党组的专项巡察整改落地。",
])
def test_jurisdiction_summary_has_no_one_inspection(text):
    # a term's or a year's work across a jurisdiction: no inspector, kind or inspected unit
    got = extract(text, doc_type="summary_news")
    for name in ("inspector", "inspector_level", "inspection_kind", "inspected_org"):
        assert got.get(name) is None, (name, got)
    # the same lead in a report keeps its inspection fields
    assert extract(text, doc_type="rectification_report").get("inspector") is not None


@pytest.mark.parametrize("text, doc_type, org", [
    # a report that names no inspected org: the org it shows acting on the rectification
    ("根据区委巡察工作统一部署,现将巡察整改进展情况予以公布。\n一、加强领导\n巡察意见反馈会后,局党组立即"
     "组织召开专题会议,对照巡察反馈意见细化整改任务。", "progress_report", "局党组"),
    # ... only in reports: feedback news is not told by the inspected org
    ("会后,县委第一巡察组向有关方面通报了情况。\n镇党委立即召开专题会议,研究巡察整改工作。",
     "feedback_news", None),
    # ... and never when another sentence names the org
    ("根据区委统一部署,区委第三巡察组对区档案馆党组开展了巡察。现将巡察整改情况予以公布。\n一、整改情况\n"
     "馆党组立即召开专题会议,研究巡察整改工作。", "rectification_report", "区档案馆党组"),
    # news of a published report: the org that issues the quoted report, 中共 as written
    ("本报讯 网站今天发布了《中共澜江省委关于巡视整改情况的通报》。据通报,已清理5名干部违规兼职。",
     "rectification_report", "中共澜江省委"),
    # a quoted title without a party organ names no org
    ("网站今天发布了《关于巡视整改情况的通报》。据通报,已清理5名干部违规兼职。",
     "rectification_report", None),
])
def test_report_names_its_own_org(text, doc_type, org):
    assert extract(text, doc_type=doc_type).get("inspected_org") == org


@pytest.mark.parametrize("text", [
    "區委\n巡察组一、",   # a one-word line joined to the next as the title
    "青溪区委第三\n巡察组向区档案馆党组反馈巡察情况\n会议由馆长主持。",
])
def test_title_broken_over_lines_keeps_spans(text):
    # facts read from a title the layout joined over lines point into the text
    from analysis.fields import extract_notice_fields
    _, _, facts = extract_notice_fields(Document(text=text, source_path="x.txt", source_format="txt"))
    for fact in facts:
        if fact.field != "doc_type":
            assert 0 <= fact.start <= fact.end <= len(text), fact


def test_traditional_with_pinyin_values_as_written():
    text = ("根據(jù)區委統(tǒng)一部署,2023年5月8日至7月14日,區委第一巡察組對區衛健局黨組開展了"
            "巡察“回頭看”。")
    got = extract(text)
    check(got, dict(inspector="區委第一巡察組", inspected_org="區衛健局黨組",
                    inspection_kind="look_back", inspector_level="county", inspection_group=1,
                    inspection_start="2023-05-08", inspection_end="2023-07-14"))


def test_facts_carry_offsets_and_evidence():
    doc = Document(text=CORE, source_path="x.txt", source_format="txt")
    nt = NoticeText.from_document(doc)
    facts = {f.field: f for f in extract_inspection_fields(nt, {})}
    fact = facts["inspection_start"]
    assert nt.text[fact.start:fact.end] == "2019年6月8日"
    assert "区委第九巡察组" in fact.evidence
    assert nt.text[facts["inspector"].start:facts["inspector"].end] == "区委第九巡察组"


# ---------------------------------------------------------------- golden seeds
def _gold() -> list[dict]:
    return [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]


@pytest.mark.parametrize("gold", _gold(), ids=lambda g: g["id"])
def test_seed_inspection_fields(gold):
    path = next(SEEDS.glob(gold["id"] + ".*"))
    doc = Document(text=path.read_text(encoding="utf-8"), source_path=path.name,
                   source_format="txt")
    found = {}
    if gold["publish_date"]:
        found["publish_date"] = Fact("publish_date", gold["publish_date"], "date", "", 0, 0)
    got: dict = {}
    for fact in extract_inspection_fields(NoticeText.from_document(doc), found):
        got.setdefault(fact.field, fact.value)
    for name in FIELDS:
        want = gold[name]
        if name == "inspection_kind":
            want = ";".join(want) or None
        assert got.get(name) == want, (name, got.get(name), want)


@pytest.mark.parametrize("module", ["inspection_who", "inspection_when", "inspection_org",
                                    "inspection_org_choice"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"analysis.fields.{module}"))
    assert result.attempted > 3 and result.failed == 0


# ---------------------------------------------------------------- robustness
_PIECES = ["根据", "区委", "市委", "第九", "巡察组", "巡视组", "对", "我局", "区审计局党组", "开展了",
           "常规巡察", "“回头看”", "。", ",", "\n", "2023年", "5月8日", "至", "7月14日", "反馈了巡察意见",
           "向", "截至", "11月7日", "已完成整改", "第四轮", "届", "3个", "XX", "202X年X月X日", "一、"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.sampled_from(_PIECES))
def test_fuzz_never_raises(text, title):
    doc = Document(text=text, source_path="x.txt", source_format="txt", title=title)
    for fact in extract_inspection_fields(NoticeText.from_document(doc), {}):
        assert fact.field in FIELDS
        if fact.unit == "date":
            assert len(fact.value) == 10


def test_publish_date_from_reader_metadata():
    # no publish_date fact yet: the reader's metadata gives the year
    doc = Document(text="6月18日,市委第十三巡察组巡察市审计局情况反馈会召开。", source_path="x.txt",
                   source_format="txt", metadata={"publish_date": "2023-08-01"})
    facts = {f.field: f.value for f in extract_inspection_fields(NoticeText.from_document(doc), {})}
    assert facts["feedback_date"] == "2023-06-18"


def test_plan_doc_type_reads_the_campaign_title():
    # a plan whose title names no 方案 is still read as a plan when doc_type says so
    got = extract("各单位认真组织实施。", title="关于开展补贴资金专项整治“回头看”工作的通知",
                  doc_type="plan")
    assert got.get("inspection_kind") == "special;look_back"
    assert extract("各单位认真组织实施。", title="关于开展补贴资金专项整治“回头看”工作的通知"
                   ).get("inspection_kind") is None


# ---------------------------------------------------------------- inspectors named in news
@pytest.mark.parametrize("text, title, expected", [
    # a topic before 第N专项: the group number is the one before 专项
    ("8月26日,市委脱贫攻坚第一专项巡察组向北塘县云岭镇党委反馈了巡察情况。", "",
     dict(inspector="市委脱贫攻坚第一专项巡察组", inspection_group=1, inspector_level="municipal",
          inspection_kind="special")),
    # mobile and cross groups numbered after 巡察
    ("县委机动巡察一组对县档案馆党支部开展了机动巡察。", "",
     dict(inspector="县委机动巡察一组", inspection_group=1, inspection_kind="mobile")),
    ("市委交叉巡察第五组对北塘县云岭镇党委开展了交叉巡察。", "",
     dict(inspector="市委交叉巡察第五组", inspection_group=5, inspection_kind="cross")),
    # a ministry's groups: central; after 根据 the ministry's name starts the inspector
    ("根据教育部第一巡视组的反馈意见,学校将整改任务分解为12项。", "",
     dict(inspector="教育部第一巡视组", inspection_group=1, inspector_level="central")),
    ("教育部党组第二巡视组对澜江师范大学党委开展了巡视。", "",
     dict(inspector="教育部党组第二巡视组", inspection_group=2, inspector_level="central")),
    # a state-assets commission's groups inspect state firms: enterprise
    ("省国资委党委第二巡察组向澜江交通集团党委反馈了巡察意见。", "",
     dict(inspector="省国资委党委第二巡察组", inspection_group=2, inspector_level="enterprise",
          inspected_org="澜江交通集团党委")),
    ("5月9日,省政府国资委党委4个巡察组分别进驻澜江交通集团等12户企业。", "",
     dict(inspector="省政府国资委党委4个巡察组", inspection_group=None,
          inspector_level="enterprise")),
    # regional committees: 自治区党委 provincial, 州委 and 盟委 municipal, 旗委 county
    ("自治区党委第三巡视组对青溪市开展了常规巡视。", "",
     dict(inspector="自治区党委第三巡视组", inspector_level="provincial", inspection_group=3)),
    ("州委第二巡察组对州民政局党组开展了巡察。", "",
     dict(inspector="州委第二巡察组", inspector_level="municipal", inspection_group=2)),
    ("盟委第一巡察组向盟统计局党组反馈了巡察意见。", "",
     dict(inspector="盟委第一巡察组", inspector_level="municipal", inspection_group=1)),
    ("2025年6月18日,旗委第三巡察组向旗政协机关党组反馈了巡察情况。", "",
     dict(inspector="旗委第三巡察组", inspector_level="county", inspection_group=3)),
    # several groups sent by one committee: the committee's count, no group number
    ("区委派出的6个巡察组分别向区审计局等6个单位党组织反馈了巡察意见。", "",
     dict(inspector="区委派出的6个巡察组", inspection_group=None, inspector_level="county")),
    # 首轮 is round 1
    ("北塘县委首轮巡察中,县委第一巡察组对县林业局党组开展了巡察。", "",
     dict(inspection_round=1, inspection_group=1)),
    ("集团党委首轮巡察第二巡察组对所属物流公司党支部开展了巡察。", "",
     dict(inspector="集团党委第二巡察组", inspection_round=1, inspection_group=2)),
    # a round named only where the text speaks of future work is not this inspection's
    ("县委第二巡察组对县林业局党组开展了巡察。下一步,县委将开展第三轮巡察。", "",
     dict(inspection_round=None, inspection_group=2)),
    ("3月5日,北塘县举办巡察业务培训,为即将开展的首轮巡察打下基础。", "",
     dict(inspection_round=None)),
    # ... and so is a count of groups there (即将参与…的4个巡察组)
    ("被抽调即将参与十二届县委第二轮巡察的4个巡察组成员参加培训。", "",
     dict(inspector=None, inspection_round=None)),
    # the title's round wins over 首轮 in a later sentence (首轮 after a congress)
    ("本轮巡察是党代会召开后我区开展的首轮巡察。", "青溪区五届区委第二轮巡察反馈完成",
     dict(inspection_round=2)),
])
def test_inspectors_named_in_news(text, title, expected):
    check(extract(text, title=title), expected)


def test_lead_reaches_back_over_a_byline_on_the_body_line():
    # the layout starts the body at 近日 inside the first line; the inspector before it counts
    from analysis.fields import extract_notice_fields
    text = ("本报讯(通讯员 王某)十五届区委第五轮第二巡察组巡察区图书馆党支部工作动员会近日召开。"
            "区委巡察工作领导小组成员出席并讲话。\n巡察时间为2023年9月14日至12月31日。")
    _, values, _ = extract_notice_fields(Document(text=text, source_path="x.txt",
                                                  source_format="txt"))
    check(values, dict(inspector="区委第二巡察组", inspection_round=5, inspection_group=2,
                       inspector_level="county"))
