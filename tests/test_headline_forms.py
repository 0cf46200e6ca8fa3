"""Headline sentences in the common forms of PATTERNS.md 5 and the traps of 7, checked whole.

Every case states the full set of headline figures a reader should take from it: a field
left out of `expected` must stay empty, so a figure read from the wrong sentence fails as
surely as a missing one. Sentences are invented (澜江市, 青溪区, 北塘县 ...) and values were
worked out by hand (rates: completed / total x 100, one decimal, unless stated).
"""
import pytest

from analysis.dataset.process import process_document
from analysis.document import Document, Fact
from analysis.fields import extract_notice_fields
from analysis.fields.consistency import check_figures
from analysis.fields.context import NoticeText
from analysis.fields.headline import extract_headline_fields
from analysis.fields.headline_base import figure_text
from analysis.fields.headline_money import problem_recovered_wan

INTRO = "根据市委统一部署,澜江市委第二巡察组对市档案馆党组开展了常规巡察。"
FIELDS = ("problems_total", "aspects_total", "problems_completed", "problems_in_progress",
          "completion_rate", "measures_total", "rules_total", "recovered_wan", "people_handled")
P, A, C, IP, R = FIELDS[:5]
M, RU, W, PE = FIELDS[5:]

FORMS = [
    # ---- problems and aspects (5.1)
    # the count before 已完成整改 is the total, the one after it the completed count
    ("巡察反馈的25个问题已完成整改19个，正在整改6个。", {P: 25, C: 19, IP: 6, R: 76.0}),
    ("对照市委巡察反馈的六个方面问题,逐项明确责任领导。", {A: 6}),            # aspects only
    ("针对省委巡视反馈的十个方面问题,局党组召开专题会议研究部署。", {A: 10}),
    # the inspector between the count and 问题
    ("围绕46个省委巡视反馈问题,制定整改措施138条。", {P: 46, M: 138}),
    ("巡察组共指出问题43个。", {P: 43}),                                    # noun first
    ("巡察反馈5大类、13个大项、29个具体问题。", {P: 29, A: 5}),             # three levels
    ("巡察反饋的5個方面23個問題,已完成整改21個。", {P: 23, A: 5, C: 21, R: 91.3}),  # traditional
    ("全市34个省委巡视反馈问题已完成整改30个。", {P: 34, C: 30, R: 88.2}),
    # ---- completed / in progress (5.2)
    ("巡察反馈问题30个,已完成整改26个,正在整改4个。", {P: 30, C: 26, IP: 4, R: 86.7}),
    ("巡察反馈的33个问题中,31个问题已完成整改,2个问题正在整改中。", {P: 33, C: 31, IP: 2, R: 93.9}),
    ("巡察反馈的14个问题均已完成整改。", {P: 14, C: 14, IP: 0, R: 100.0}),    # all done
    ("巡察反馈的9个问题中已完成整改7个,基本完成2个。", {P: 9, C: 7, IP: 2, R: 77.8}),  # 基本完成
    ("巡察反馈的35个问题,完成整改32个,剩余3个正在推进。", {P: 35, C: 32, IP: 3, R: 91.4}),
    ("截至9月底,4个方面21个具体问题已整改完成19个,其余2个问题正在持续推进。",
     {P: 21, A: 4, C: 19, IP: 2, R: 90.5}),
    # ---- rates (5.3)
    ("截至目前,巡察反馈问题整改到位率为91.67%。", {R: 91.67}),               # 到位率, alone
    ("巡察反馈的42个问题已整改完成41个,整改到位率为97.62%。", {P: 42, C: 41, R: 97.62}),
    ("巡察反馈的6个问题已全部整改到位,整改完成率100%。", {P: 6, C: 6, IP: 0, R: 100.0}),
    # a stated rate that contradicts the counts (18/20 = 90): the rate is left empty
    ("巡察反馈的20个问题,已完成整改18个,整改完成率为95%。", {P: 20, C: 18}),
    ("移交问题线索6件,办结5件,办结率83.3%。", {}),                          # trap 6
    # ---- measures (5.4)
    ("局党组研究制定整改措施126条,明确责任领导和完成时限。", {M: 126}),
    ("将反馈问题细化为87项整改措施。", {M: 87}),
    ("巡察组提出意见建议9条,局党组据此制定整改措施45条。", {M: 45}),          # trap 9
    # 已完成52条 are measures, not problems
    ("巡察反馈的3个方面11个问题,制定整改措施57条,已完成52条。", {P: 11, A: 3, M: 57}),
    # ---- rules (5.5)
    ("推动完善制度12项,堵塞管理漏洞。", {RU: 12}),                          # 推动 + own verb
    ("建立健全制度机制15项。", {RU: 15}),
    ("新建和修订制度23个。", {RU: 23}),
    ("建章立制9项。", {RU: 9}),
    ("督促相关单位建立完善制度20余项。", {}),                                # trap 4: others
    # ---- money (5.6, trap 5)
    # the same amount with the same label in the headline and under its problem counts once
    ("整改期间,清退违规发放津补贴3.2万元。\n一、关于“津补贴发放不规范”的问题\n"
     "整改情况:清退违规发放津补贴3.2万元,修订财务报销办法。", {W: 3.2}),
    ("挽回经济损失120万元,其中追缴资金20万元。", {W: 120.0}),                 # 其中 inside
    ("追回违规资金120万元,其中追缴个人应承担费用20万元。", {W: 120.0}),
    ("退还违规报销费用8600元。", {W: 0.86}),
    ("追回违规资金2.6万元、清退多发补贴1.4万元。", {W: 4.0}),
    ("安排专项预算资金200万元用于整改,涉及资金35万元的问题已推进整改。", {}),  # not recovered
    ("收缴违纪款5800元。", {W: 0.58}),
    ("共挽回经济损失76万余元。", {W: 76.0}),
    # ---- people (5.7, trap 10)
    ("整改期间,批评教育5人,建立完善制度12项。", {PE: 5, RU: 12}),
    ("对18名党员干部进行了问责。", {PE: 18}),
    ("访谈干部36人次,个别谈话120余人次。", {}),
    # ---- more of the same forms, worded otherwise
    ("巡视组从六个方面反馈了巡视发现的问题。", {A: 6}),                       # 从N个方面
    ("对省委巡视反馈的6个方面25个问题,逐项制定措施。", {P: 25, A: 6}),
    ("我市承担的46个省委巡视反馈问题,已完成整改40个。", {P: 46, C: 40, R: 87.0}),
    ("推动完善制度机制31项。", {RU: 31}),
    ("截至目前,整改到位率达到98.5%。", {R: 98.5}),
    # 13/16 = 81.25: halves round up
    ("巡察反馈的4个方面16个问题中,需长期坚持的3个问题正在持续推进,其余13个已整改到位。",
     {P: 16, A: 4, C: 13, IP: 3, R: 81.3}),
    ("已完成整改问题11个,正在整改问题2个。巡察反馈问题13个。", {P: 13, C: 11, IP: 2, R: 84.6}),
    ("巡察反馈问题共计27个,截至目前已整改完成25个,整改完成率92.59%。", {P: 27, C: 25, R: 92.59}),
    ("巡察反馈的7个问题,已完成5个,正在整改2个,整改完成率71.4%。", {P: 7, C: 5, IP: 2, R: 71.4}),
    ("挽回经济损失56.8万元(含追缴资金12万元)。", {W: 56.8}),
    ("追回资金56.8万元(含利息1.2万元)。", {W: 56.8}),                        # (含 inside
    ("清退违规资金3.5万元,其中个人退还2.1万元、单位退还1.4万元。", {W: 3.5}),
    # two different recoveries of the same size are two amounts
    ("清退违规发放津补贴3.2万元。\n二、关于“财务管理”的问题\n整改情况:追回违规报销费用3.2万元。",
     {W: 6.4}),
    ("制定整改措施82条,建立完善制度15项,清退违规资金6.3万元,批评教育3人,诫勉谈话1人。",
     {M: 82, RU: 15, W: 6.3}),                                              # people: a list
    # a summing-up paragraph with every kind of figure; 基本完成 and 未完成 are both open
    ("截至目前,巡察反馈的415个问题,完成整改402个,基本完成并持续整改问题6个,未完成7个,"
     "总体完成率96.87%。截至目前,被巡察党组织共召开专题民主生活会21次,完善和新建制度213项,"
     "清退违规资金38.4万元、追回应由个人承担的资金52万元,挽回经济损失690.5万元。",
     {P: 415, C: 402, IP: 13, R: 96.87, RU: 213, W: 690.5}),
    ("截至目前,反馈的5个方面28个问题,已整改到位26个,2个问题正在按计划推进,整改完成率92.9%。"
     "累计清退违规资金1.26万元,建立健全制度14项,提醒谈话6人。",
     {P: 28, A: 5, C: 26, IP: 2, R: 92.9, W: 1.26, RU: 14, PE: 6}),
    # problems listed by the unit as 清单 items are not the fed-back count
    ("对照反馈意见,梳理出问题清单26项,制定整改措施71条,截至目前已完成整改24项。", {M: 71}),
    # ---- traps of section 7
    # a count about the previous round is not this notice's
    ("巡察反馈的3个方面12个问题,已完成整改10个。对上轮巡察尚未完成整改的4个问题,持续跟踪推进。",
     {P: 12, A: 3, C: 10, R: 83.3}),
    # a leader's share of the problems (trap 3)
    ("巡察反馈问题18个,已完成整改15个。班子成员领办的6个问题已全部完成整改。",
     {P: 18, C: 15, R: 83.3}),
    ("党组书记带头领办问题5个。", {}),
    ("巡察反馈问题15个,其中党委书记领办整改问题8个。", {P: 15}),
    ("巡察反馈的20个问题已完成整改17个。上一轮巡察反馈问题12个已全部完成整改。",
     {P: 20, C: 17, R: 85.0}),
    ("巡察反馈的20个问题已完成整改17个。上轮巡察反馈的问题中仍有3个未完成整改。",
     {P: 20, C: 17, R: 85.0}),
    # the villages' total inside a township's notice (trap 2)
    ("巡察组对镇属9个村级党组织反馈问题共63个;向镇党委反馈问题18个,已完成整改16个。",
     {P: 18, C: 16, R: 88.9}),
    ("巡察组向镇党委反馈问题18个,向所辖12个村(社区)党组织反馈问题56个。", {P: 18}),
    # the unit's own split into tasks (trap 1)
    ("局党组将巡察反馈意见梳理分解为整改任务64项,已完成58项。", {}),
    ("巡察共发现问题240个,累计反馈问题198个。", {P: 198}),                  # trap 7
    ("召开专题会议6次,开展集体学习5次,调阅资料300余份。", {}),               # trap 11
    # a photo caption is no figure
    ("巡察反馈的4个方面15个问题已整改完成13个。\n图为局党组召开巡察整改推进会,部署整改措施60条。",
     {P: 15, A: 4, C: 13, R: 86.7}),
    # page chrome after the body: other notices' headlines
    ("巡察反馈的8个问题,已完成整改6个。\n相关阅读:\n北塘县审计局巡察反馈的12个问题已全部完成整改\n"
     "上一篇:青溪区统计局挽回经济损失56万元", {P: 8, C: 6, R: 75.0}),
]


def headline_values(text: str) -> dict:
    """The first value per headline field, as the notice row would store it."""
    nt = NoticeText.from_document(Document(text=text, source_path="x.txt", source_format="txt"))
    found: dict = {}
    for fact in extract_headline_fields(nt, {}):
        found.setdefault(fact.field, fact.value)
    return found


def wrong_fields(text: str, expected: dict) -> list[str]:
    """The headline fields whose value differs from `expected` (None where unlisted)."""
    got = headline_values(INTRO + text)
    return [f"{f}: {got.get(f)!r} != {expected.get(f)!r}" for f in FIELDS
            if got.get(f) != expected.get(f)]


@pytest.mark.parametrize("text, expected", FORMS)
def test_headline_forms(text, expected):
    assert wrong_fields(text, expected) == []


def test_the_table_is_large_enough():
    assert len(FORMS) >= 30


# ---- consistency: figures that contradict are dropped, with the reason ------------------
def _facts(text: str):
    nt = NoticeText.from_document(Document(text=text, source_path="x.txt", source_format="txt"))
    return extract_headline_fields(nt, {})


@pytest.mark.parametrize("text, doubts", [
    # all agree: no doubt recorded
    ("巡察反馈的25个问题已完成整改19个，正在整改6个。", None),
    ("巡察反馈的42个问题已整改完成41个,整改到位率为97.62%。", None),    # 97.619 rounds to it
    ("巡察反馈的697个问题,完成整改688个,总体完成率98.71%。", None),
    # a stated rate against its counts: 18/20 = 90.0, not 95
    ("巡察反馈的20个问题,已完成整改18个,整改完成率为95%。",
     "completion_rate: 95% stated, problems_completed 18 / problems_total 20 = 90.0%"),
    # open problems that do not fit beside the completed ones (10 + 4 > 12)
    ("巡察反馈的12个问题,已完成整改10个,另有4个问题正在整改。",
     "problems_in_progress: problems_completed 10 + 4 > problems_total 12"),
])
def test_figure_doubts(text, doubts):
    facts = _facts(INTRO + text)
    got = [f for f in facts if f.field == "figure_doubts"]
    assert [f.value for f in got] == ([doubts] if doubts else [])
    # a dropped figure leaves no facts row either: what is stored and why agree
    if got:
        dropped = got[0].value.split(":")[0]
        assert dropped not in {f.field for f in facts}
        assert got[0].evidence


def test_completed_above_total_is_dropped():
    text = "巡察反馈问题25个,已完成整改30个。"
    nt = NoticeText(text, text)
    facts = [Fact("problems_total", 25, "个", text, 0, 9), Fact("problems_completed", 30, "个", text, 10, 17),
             Fact("completion_rate", 120.0, "%", text, 0, 17)]
    kept = check_figures(nt, facts)
    assert [f.field for f in kept] == ["problems_total", "figure_doubts"]
    assert kept[-1].value == ("problems_completed: 30 > problems_total 25; "
                              "completion_rate: computed from a count left empty")


# ---- problems.amounts_wan: recoveries only, each once ----------------------------------
@pytest.mark.parametrize("text, expected", [
    ("清退违规发放津补贴3.2万元,修订财务报销办法。", 3.2),
    ("挽回经济损失120万元,其中追缴资金20万元。", 120.0),                   # the total wins
    ("追回违规资金120万元,其中追缴个人应承担费用20万元。", 120.0),         # a part adds nothing
    ("追回资金12万元,其中追缴8万元、退还4万元;另清退补贴2万元。", 14.0),  # ; ends the parts
    ("安排专项预算资金200万元,完成项目投资1.5亿元。", None),              # budget, investment
    ("签订分期退款协议,涉及资金35万元。", None),                           # involved
    ("慈善信托备案规模达到10.5亿元。", None),                              # trap 5
    ("清退多发补贴1.4万元;追回违规资金2.6万元。", 4.0),
    ("退還違規報銷費用8600元。", 0.86),                                    # traditional, 元
    ("追回资金5万元。经复核,追回资金5万元已入账。", 5.0),                  # the same one twice
    ("违规发放的补贴3.2万元已全部退回。", 3.2),                            # verb after
    ("", None),
])
def test_problem_recovered_wan(text, expected):
    assert problem_recovered_wan(text) == expected


def test_build_stores_problem_recoveries():
    text = ("中共青溪区统计局党组关于区委巡察整改情况的通报\n根据区委统一部署,区委第三巡察组对青溪区统计局"
            "党组开展了常规巡察。现将巡察整改情况予以公布。\n一、关于“财务管理不规范”的问题\n"
            "整改情况:清退违规发放津补贴3.2万元,安排预算资金50万元用于档案数字化。\n"
            "二、关于“统计数据质量管控不严”的问题\n整改情况:追回违规资金1.5万元,其中追缴个人部分0.5万元。\n")
    result = process_document(Document(text=text, source_path="x.txt", source_format="txt"))
    assert [p["amounts_wan"] for p in result.problems] == [3.2, 1.5]
    assert result.row["recovered_wan"] == 4.7


# ---- captions and page furniture --------------------------------------------------------
@pytest.mark.parametrize("text, kept", [
    # a caption line goes, the lines around it stay
    ("反馈问题8个。\n图为整改推进会现场,部署措施60条\n制定措施30条。", "反馈问题8个。 制定措施30条。"),
    ("反馈问题8个。\n▲ 局党组召开专题会议,研究问题12个\n完毕。", "反馈问题8个。 完毕。"),
    # a caption glued before body text: only the caption, up to its 。, goes
    ("▲图为整改推进会现场。巡察反馈问题8个,已完成整改6个。", "巡察反馈问题8个,已完成整改6个。"),
    # a long line that merely opens like a caption is body text
    ("图为" + "局党组" * 30 + "整改问题8个。", "图为" + "局党组" * 30 + "整改问题8个。"),
    # a section bullet is no caption
    ("●巡察反馈问题8个。", "●巡察反馈问题8个。"),
    # everything from a footer marker on goes
    ("反馈问题8个。\n下一篇:北塘县挽回经济损失56万元\n相关问题12个", "反馈问题8个。"),
    # a footer marker before any sentence has ended (unrecognised top chrome): that line
    # alone goes, not the notice after it
    ("上一篇:澜江市统计局巡察整改情况\n反馈问题8个。", "反馈问题8个。"),
])
def test_figure_text_blanks_captions_and_footers(text, kept):
    masked = figure_text(NoticeText(text, text))
    assert len(masked.match) == len(text) and masked.text == text
    assert " ".join(masked.match.split()) == kept


def test_figure_doubts_reach_the_notice_values():
    text = INTRO + "巡察反馈的20个问题,已完成整改18个,整改完成率为95%。"
    _, values, facts = extract_notice_fields(Document(text=text, source_path="x.txt",
                                                      source_format="txt"))
    assert values["figure_doubts"].startswith("completion_rate: 95% stated")
    assert values["problems_completed"] == 18 and "completion_rate" not in values
    assert [f.field for f in facts].count("figure_doubts") == 1
