"""Notice fields on whole page openings, the way real pages arrive.

Each case is an invented page opening (澜江市, 青溪区, 北塘县 …) in one of the forms of
PATTERNS 2 and 3: page chrome, a title or none, the lead, and text that runs on. The
whole field pipeline runs (page layout, doc_type, inspection fields), and the test checks
doc_type, inspected_org, inspector, inspector_level, inspection_group and inspection_round.
A value of None means the field must stay empty: a wrong value is worse than none.
"""
from __future__ import annotations

import pytest

from analysis.document import Document
from analysis.fields import extract_notice_fields

FIELDS = ("doc_type", "inspected_org", "inspector", "inspector_level", "inspection_group",
          "inspection_round")


def fields(text: str, title: str = "") -> dict:
    doc = Document(text=text, source_path="x.txt", source_format="txt", title=title)
    _, values, _ = extract_notice_fields(doc)
    return {name: values.get(name) for name in FIELDS}


def check(got: dict, expected: dict) -> None:
    for name, want in expected.items():
        assert got[name] == want, (name, got)


CASES = [
    # 1. progress report with breadcrumb, title and publish line; self-reference resolved
    ("首页 > 信息公开 > 巡察整改\n中共澜江市审计局党组关于十三届市委第二轮巡察整改进展情况的通报\n"
     "发布时间:2023-05-06 来源:市审计局\n根据市委统一部署,2022年9月5日至11月4日,市委第六巡察组"
     "对我局党组开展了常规巡察,并于2022年12月8日向我局党组反馈了巡察意见。按照党务公开原则和巡察工作"
     "有关要求,现将巡察整改进展情况予以公布。\n一、提高政治站位,扛牢整改责任\n局党组把巡察整改作为",
     dict(doc_type="progress_report", inspected_org="澜江市审计局党组", inspector="市委第六巡察组",
          inspector_level="municipal", inspection_group=6, inspection_round=2)),
    # 2. title-less progress report; 我院党组 resolved from the body's own name
    ("根据市委巡察工作的统一部署,2021年3月1日至4月30日,八届市委第九轮巡察二组对我院党组开展了巡察,"
     "并于2021年6月2日反馈了巡察意见。按照巡察工作有关要求,现将巡察整改进展情况予以公布。\n"
     "一、加强组织领导\n市中级法院党组严格落实整改主体责任,召开党组会议专题研究。",
     dict(doc_type="progress_report", inspected_org="市中级法院党组", inspector="市委巡察二组",
          inspector_level="municipal", inspection_group=2, inspection_round=9)),
    # 3. rectification report, sub-units covered by 延伸巡察 do not compete with the unit
    ("北塘县水务局党组关于县委巡察反馈意见整改落实情况的报告\n根据县委统一部署,县委第三巡察组于"
     "2023年4月至6月对县水务局党组开展了常规巡察,同时对局属2个事业单位开展了延伸巡察。现将整改"
     "落实情况报告如下:\n一、整改工作开展情况",
     dict(doc_type="rectification_report", inspected_org="县水务局党组", inspector="县委第三巡察组",
          inspector_level="county", inspection_group=3)),
    # 4. feedback news, group to org in the title (the most common form)
    ("青溪区委第二巡察组向区统计局党组反馈巡察情况\n2024-03-12\n3月11日,区委第二巡察组向区统计局"
     "党组反馈巡察情况。区委巡察办有关负责同志出席会议,局党组书记主持会议并作表态发言。",
     dict(doc_type="feedback_news", inspected_org="区统计局党组", inspector="青溪区委第二巡察组",
          inspector_level="county", inspection_group=2)),
    # 5. untitled feedback news: 召开巡察X情况反馈会
    ("9月4日,市委第七巡察组召开巡察市卫健委党委情况反馈会,市委巡察办副主任出席会议。市卫健委党委"
     "书记主持并作表态发言。\n巡察组组长代表市委第七巡察组反馈意见,指出了存在的问题。",
     dict(doc_type="feedback_news", inspected_org="市卫健委党委", inspector="市委第七巡察组",
          inspector_level="municipal", inspection_group=7)),
    # 6. 到X反馈巡察“回头看”情况 (traditional with pinyin)
    ("根據(jù)市委巡察工作統(tǒng)一部署,4月2日下午,市委第五巡察組到市文旅局反饋巡察“回頭看”情況。"
     "市文旅局黨組書記主持會議并作表態(tài)發(fā)言。",
     dict(doc_type="feedback_news", inspected_org="市文旅局", inspector="市委第五巡察組",
          inspector_level="municipal", inspection_group=5)),
    # 7. feedback news whose lead is the inspection, then 向我区…反馈 and 巡察反馈指出
    ("根据市委巡察工作部署,2019年3月1日至4月1日,市委第四专项巡察组对我区教育系统开展了专项巡察。"
     "近日,市委第四专项巡察组向我区教育系统反馈巡察情况。\n巡察反馈指出了我区教育系统存在的18个具体"
     "问题。\n巡察反馈要求,全区教育系统要扎实推进整改。",
     dict(doc_type="feedback_news", inspected_org="我区教育系统", inspector="市委第四专项巡察组",
          inspector_level="municipal", inspection_group=4)),
    # 8. a whole round fed back: the count of units, no single group
    ("根据省委巡视工作安排,十一届省委第四轮巡视反馈工作近日全部完成。\n14个省委巡视组分别向36个被"
     "巡视党组织进行了现场反馈。省委巡视办有关负责同志出席相关反馈会议。",
     dict(doc_type="feedback_news", inspected_org="36个被巡视党组织", inspector="14个省委巡视组",
          inspector_level="provincial", inspection_group=None, inspection_round=4)),
    # 9. a round told by groups: 第一至第四巡察组 → several groups, 被巡察的8个党组织
    ("根据区委巡察工作的统一部署,6月12日,五届区委第二轮巡察反馈全面完成。区委第一至第四巡察组向被巡察"
     "的8个党组织反馈了巡察情况。各被巡察党组织主要负责人作表态发言。\n反馈指出,……",
     dict(doc_type="feedback_news", inspected_org="8个党组织", inspector="区委第一至第四巡察组",
          inspector_level="county", inspection_group=None, inspection_round=2)),
    # 10. several numbered groups across the lead: no group, the 各巡察组 wording
    ("根据市委巡察工作安排,市委第五轮巡察分4个组开展了常规巡察,其中市委第一、二巡察组对澜江港务集团"
     "等3家企业党委开展了巡察,市委第三巡察组同步对市档案馆党组开展了巡察。\n5月6日至5月20日,市委各"
     "巡察组分别向被巡察党组织反馈了巡察情况。\n反馈指出,各被巡察党组织……",
     dict(doc_type="feedback_news", inspected_org=None, inspector="市委各巡察组",
          inspector_level="municipal", inspection_group=None, inspection_round=5)),
    # 11. university feedback with 根据学校党委巡察工作领导小组…的安排 and a bare 党委第N巡察组
    ("根据学校党委巡察工作领导小组关于三届党委第二轮巡察反馈工作的安排,6月20日,党委第三巡察组向"
     "外国语学院党委反馈巡察情况。党委第三巡察组组长、副组长出席会议。",
     dict(doc_type="feedback_news", inspected_org="外国语学院党委", inspector="党委第三巡察组",
          inspector_level="university", inspection_group=3, inspection_round=2)),
    # 12. university 巡察工作组 and 学院党委巡察X意见反馈会
    ("当前位置: 网站首页 >> 校内巡察 >> 正文\n学校党委第二巡察工作组召开巡察意见反馈会\n"
     "10月9日下午,学校党委巡察艺术学院、青溪校区管理委员会党总支意见反馈会在行政楼召开。第二巡察组"
     "组长、副组长出席会议。",
     dict(doc_type="feedback_news", inspected_org="艺术学院、青溪校区管理委员会党总支",
          inspector="学校党委第二巡察工作组", inspector_level="university", inspection_group=2)),
    # 13. the school's party committee holds the meeting itself (校党委召开…集中反馈会)
    ("9月6日上午,校党委召开第四届党委第二轮巡察集中反馈会,通报巡察发现的突出问题。校党委书记出席"
     "会议并讲话,各被巡察单位领导班子成员参加会议。",
     dict(doc_type="feedback_news", inspector="校党委", inspector_level="university",
          inspection_group=None, inspection_round=2)),
    # 14. a visit by the group → other; the firm visited is the inspected org
    ("市委巡察组督查回访公司巡察整改落实情况\n日期:2019-04-11\n4月10日,市委第三巡察组到澜江城投公司"
     "督查回访巡察反馈问题整改落实情况。公司党委书记代表公司党委作专题汇报。",
     dict(doc_type="other", inspected_org="澜江城投公司", inspector="市委第三巡察组",
          inspector_level="municipal", inspection_group=3)),
    # 15. a firm's party committee studies the rectification → other; enterprise level
    ("3月6日,澜江设计院公司党委召开专题会议,研究巡察整改和审计整改工作,会议要求压实责任。\n"
     "自集团公司党委巡察反馈意见以来,公司党委先后召开3次会议研究整改落实。",
     dict(doc_type="other", inspected_org="澜江设计院公司党委", inspector="集团公司党委",
          inspector_level="enterprise", inspection_group=None)),
    # 16. a county's summary across rounds: finished counts, level from 县委巡察工作领导小组
    ("本报讯 北塘县通过“三项措施”推进巡察整改工作。前四轮该县共反馈巡察问题366个,已整改问题350个。"
     "对巡察发现的问题经过县委巡察工作领导小组审定后,采取大会反馈与个别反馈相结合的方式。",
     dict(doc_type="summary_news", inspector=None, inspector_level="county",
          inspection_round=None)),
    # 17. a linked inspection group of a city and its district
    ("根据澜江市委统一部署,市区联动巡察组于2020年4月7日至5月8日对青溪区法院进行了巡察。9月2日上午,"
     "市区联动巡察组在青溪区法院召开巡察情况反馈会议,向青溪区法院党组反馈巡察意见。",
     dict(doc_type="feedback_news", inspected_org="青溪区法院党组", inspector="市区联动巡察组",
          inspector_level="municipal", inspection_group=None)),
    # 18. a county group inspects under the province's round: the province's round is not its own
    ("根据十二届省委第六轮巡视工作带巡察有关要求,2024年3月4日至4月3日,区委第二联动巡察组对区检察院"
     "党组进行了政治巡察。6月5日,区委第二联动巡察组向区检察院党组反馈巡察情况。",
     dict(doc_type="feedback_news", inspected_org="区检察院党组", inspector="区委第二联动巡察组",
          inspector_level="county", inspection_group=2, inspection_round=None)),
    # 19. a central summary naming two lists of units and no total: no inspected org
    ("根据中央统一部署,今年3月至5月,中央巡视组对甲省、乙省、丙市开展了常规巡视,对某部、某集团开展了"
     "专项巡视,并于7月陆续向上述地区、单位党委(党组)反馈了巡视意见。现将整改情况集中公布。",
     dict(inspected_org=None, inspector_level="central")),
    # 20. a news-site byline glued before the lead, the headline repeated below it, and the
    #     court's short name (澜江中院党组) beside its full name
    ("某某网讯(记者 李青 通讯员 王河)2025年5月6日,青海省澜江市委第二巡察组向澜江市中级人民法院党组反馈"
     "巡察情况。澜江市委副书记出席会议并讲话,组长代表巡察组向澜江中院党组进行了反馈,澜江中院党组副书记"
     "主持会议并作表态发言。\n澜江市委第二巡察组向澜江市中级人民法院党组反馈巡察情况\n根据澜江市委统一部署,"
     "2025年2月3日至4月2日,澜江市委第二巡察组对澜江市中级人民法院党组开展了巡察。",
     dict(doc_type="feedback_news", inspected_org="澜江市中级人民法院党组", inspector="澜江市委第二巡察组",
          inspector_level="municipal", inspection_group=2)),
    # 21. an enterprise round: three firms fed back by three groups of the group company
    ("9月8日,集团党委第五轮政治巡察三个巡察组分别向集团所属物流公司党支部、置业公司党总支、设计院党委"
     "三户被巡察企业反馈了巡察意见。\n按照程序,三个巡察组先后进行了反馈。",
     dict(doc_type="feedback_news", inspected_org="集团所属物流公司党支部、置业公司党总支、设计院党委",
          inspector="集团党委三个巡察组", inspector_level="enterprise", inspection_group=None,
          inspection_round=5)),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[f"case{i + 1}" for i in range(len(CASES))])
def test_realistic_openings(text, expected):
    check(fields(text), expected)


# people and posts told the feedback are no inspected org
@pytest.mark.parametrize("text, org", [
    # 向许青反馈: a person after the org's feedback
    ("7月6日,党委第二巡察组向艺术学院党委反馈巡察情况。会前,巡察组向许青反馈了巡察情况。", "艺术学院党委"),
    # 向区卫健委党组书记、主任王河反馈: a post, and the org itself earlier
    ("3月2日,区委第一巡察组向区卫健委党组反馈巡察情况。巡察组组长向区卫健委党组书记、主任王河反馈了"
     "有关问题。", "区卫健委党组"),
    # 领导班子 and 主要负责人 after the org are dropped
    ("5月6日,区委第四巡察组向云岭镇党委主要负责人和领导班子反馈了巡察情况。", "云岭镇党委"),
    # a list, then 领导班子及书记: the list only
    ("近日,区委派出的4个巡察组分别向区林业局、区水务局等4家党委(支部)领导班子及党委(支部)书记进行巡察意见反馈。",
     "区林业局、区水务局等4家党委(支部)"),
])
def test_feedback_people_are_no_org(text, org):
    assert fields(text)["inspected_org"] == org
