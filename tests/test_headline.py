"""fields.headline: headline counts, progress, measures, rules, money and people.

Snippets are invented (澜江市, 青溪区, 北塘县 ...), one per form of PATTERNS.md 5.1-5.7 and
per trap of section 7, in both punctuation widths. `None` means the field must stay empty.
"""
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.document import Document
from analysis.fields.context import NoticeText
from analysis.fields.headline import extract_headline_fields

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
INTRO = "根据区委统一部署,区委第三巡察组对青溪区统计局党组开展了常规巡察。"


def _facts(text: str):
    nt = NoticeText.from_document(Document(text=text, source_path="x.txt", source_format="txt"))
    return nt, extract_headline_fields(nt, {})


def _values(text: str) -> dict:
    found: dict = {}
    for fact in _facts(text)[1]:
        found.setdefault(fact.field, fact.value)
    return found


def _check(text: str, expected: dict) -> None:
    got = _values(text)
    for field, want in expected.items():
        assert got.get(field) == want, f"{field}: {got.get(field)!r} != {want!r} in {text}"


# ---- 5.1 problems_total / aspects_total --------------------------------------------------
@pytest.mark.parametrize("text, problems, aspects", [
    ("截至6月底,巡察反馈的3个方面15个问题已全部完成整改。", 15, 3),
    ("巡察组反馈的4个方面31个具体问题中，已完成整改27个。", 31, 4),          # full width
    ("对巡察反馈的四方面12个问题逐项整改。", 12, 4),                          # Chinese, no 个
    ("針對巡察反饋的八個方面20個問題,逐條整改。", 20, 8),                     # traditional
    ("巡察指出的5方面16项问题均有整改措施。", 16, 5),
    ("巡察组反馈了三大方面的38项问题。", 38, 3),
    ("巡察反馈的3个方面10项内容26个具体问题,已整改到位。", 26, 3),           # three levels
    ("巡察反馈的4个大方面21个大项的问题。", 21, 4),
    ("巡察反馈4大类、11个大项、24个具体问题。", 24, 4),
    ("巡察反馈的4个方面存在的12项30个具体问题。", 30, 4),
    ("巡察反馈2项9个问题。", 9, 2),                                          # 项 = aspects
    ("研究印发整改方案,聚焦6个方面,制定186条具体整改措施。", None, 6),        # aspects only
    ("巡察组反馈了学习不深入、监管不力等10个方面27条具体问题。", 27, 10),     # 条
    ("对于巡察组指出的6大类17个方面的问题,要按方案推进。", None, 6),          # 大类 first
    ("局党组根据巡察反馈的2个方面细化分解了10个问题,已完成5个。", 10, 2),      # the unit's split
    ("巡察发现仍存在一些问题,主要表现在三个方面:一是学习不深入。", None, 3),  # 表现在N个方面
    ("局党组将巡察反馈意见细化分解了14个问题。", 14, None),                  # the unit's split
    ("对照反馈意见细化成36个具体问题。", 36, None),
    ("对照反馈意见，细化为2个方面13个具体问题。", 13, 2),
    ("县委巡察组共计反馈问题52个。", 52, None),                              # plain
    ("巡察组提出了9项问题。", 9, None),
    ("前三轮该县共反馈巡察问题408个,移交问题线索220个。", 408, None),      # clues are no problems
    ("巡察组指出了议事规则执行不严,干部管理松散,财务报销不规范等12个主要问题。", 12, None),
    ("巡察组指出了学习不深入;管理松散;报销不规范等15个问题。", 15, None),   # cue before ;
    ("巡察组反馈了5类主要问题:", 5, None),                                   # 类 when nothing finer
    ("巡察组指出,该局还存在21个问题。", 21, None),                           # cue a clause back
    ("巡察组反馈了4个方面10类问题,局党组将其细化成33个具体问题。", 33, 4),  # coarse then fine
    ("巡察反馈的2个面上问题,均已整改到位。", 2, None),
    ("巡察反馈的三个方面十二个问题已完成整改。", 12, 3),                      # Chinese numerals
    ("对于反馈意见中提及的9个方面问题,逐条制定整改措施。", None, 9),        # aspects only
    ("巡察组向我局反馈了2个方面的问题。", None, 2),
    ("反馈意见指出,我局存在3个方面12个问题。", 12, 3),                      # cue a clause back
    ("截至目前，4个方面17个具体问题已整改完成15个。", 17, 4),               # no cue, strong form
])
def test_problem_counts(text, problems, aspects):
    _check(INTRO + text, {"problems_total": problems, "aspects_total": aspects})


# ---- traps 1, 2, 3, 7, 8 on problem counts ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # trap 1: the unit's own split into tasks is neither problems nor measures
    ("局党组梳理分解整改任务98个,已完成整改90个。",
     {"problems_total": None, "problems_completed": None, "measures_total": None}),
    # trap 1: fed-back tasks under 方面 are the problem count
    ("巡察反馈的六个方面18项整改任务已全部整改到位。",
     {"problems_total": 18, "aspects_total": 6, "problems_completed": 18}),
    # trap 1: tasks the unit sets itself are measures
    ("局党组研究提出66项整改任务。", {"problems_total": None, "measures_total": 66}),
    # trap 2: units are not problems
    ("巡察反馈石湾村等4个村党组织的问题共70个大项。", {"problems_total": None}),
    ("区委巡察组对7个乡镇、12个部门开展巡察,向19个村(社区)党组织反馈了巡察意见。",
     {"problems_total": None, "aspects_total": None}),
    # trap 3: a leader's share is not a total
    ("党委书记主动领办11项反馈问题。", {"problems_total": None}),
    ("班子成员带头领办反馈的2个问题5项举措。", {"problems_total": None, "measures_total": None}),
    ("对2个可立行立改的问题即知即改。", {"problems_total": None}),
    # trap 7: found is not fed back
    ("两轮巡察共发现各类问题583个,累计反馈问题961个。", {"problems_total": 961}),
    ("巡察发现问题583个。", {"problems_total": None}),
    # trap 8: a look-back quoting the old round keeps its measures, not its problems
    ("对上轮反馈意见分解出的3大类、11个大项、22个具体问题和25项整改措施均已完成整改。",
     {"problems_total": None, "aspects_total": None, "measures_total": 25}),
    # no fed-back cue: the unit's own work
    ("局党组研究解决4个党建突出问题。", {"problems_total": None}),
    ("局党组研究解决4个突出问题。", {"problems_total": None}),
    # the unit's own self-examination is not what was fed back
    ("班子成员对照检视出3个方面12个问题。", {"problems_total": None, "aspects_total": None}),
    ("巡察组发现3个方面12个问题。", {"problems_total": None}),
    ("局党组开展自查,梳理出5个问题。", {"problems_total": None}),
    ("局党组深刻检视剖析,巡察反馈的3个方面15个问题已整改13个。", {"problems_total": 15}),
    # 5.2: aspects still open are not an in-progress count
    ("还有5个方面的问题需持续整改。", {"aspects_total": None, "problems_in_progress": None}),
])
def test_problem_count_traps(text, expected):
    _check(INTRO + text, expected)


# ---- 5.2 / 5.3 progress and completion rate ---------------------------------------------
@pytest.mark.parametrize("text, completed, in_progress, rate", [
    ("巡察反馈的10个问题,已完成6个,正在整改4个。", 6, 4, 60.0),
    ("巡察反馈问题11个,已整改落实9个。", 9, None, 81.8),                    # 9/11 -> 81.8
    ("巡察组共反馈问题1050个，已完成整改1021个。", 1021, None, 97.2),         # full width
    ("巡察反馈的20个问题,已完成18个问题整改。", 18, None, 90.0),
    ("巡察反馈的36个问题中,35个问题已完成整改,1个问题尚在整改中。", 35, 1, 97.2),
    ("巡察反馈的11个问题,其中9个问题已整改到位,另有2个问题正在整改之中。", 9, 2, 81.8),
    ("巡察反馈的12个问题中,9個問題已整改完成。", 9, None, 75.0),            # traditional
    ("巡察反馈的7个问题已全部完成整改。", 7, 0, 100.0),                      # all done
    ("巡察反馈的3个方面8个问题，全部整改到位。", 8, 0, 100.0),
    ("巡察反馈的6个问题己全部整改到位。", 6, 0, 100.0),                      # 己 typo
    ("巡察反馈的5个问题中,4个问题已完成整改,1个问题已基本完成整改。", 4, 1, 80.0),  # 基本完成
    ("巡察反馈的三个方面20个问题,已完成15个问题整改,需中长期整改的任务正在抓紧推进。",
     15, None, 75.0),                                                        # no count: null
    ("巡察反馈的50个问题,已完成49个,问题整改完成率达98%。", 49, None, 98.0),  # stated wins
    ("巡察反馈的697个问题,完成整改688个,基本完成问题4个,未完成5个。", 688, 9, 98.7),
    ("巡察反馈的697个问题,完成整改688个,总体完成率98.71%。", 688, None, 98.71),  # as stated
    ("巡察反馈的2个面上问题,均已按要求完成整改;制定的9条整改措施,已全部完成。", 2, 0, 100.0),
    ("针对巡察指出的46项具体问题,目前已完成整改40项,正在整改6项。", 40, 6, 87.0),  # 项
    ("反馈的4个方面16个问题已制定方案。局党组召开会议5次。专题学习3次。\n"
     "截至目前,16个问题中已完成整改14个,剩余2个问题需长期坚持。", 14, 2, 87.5),  # far off
    ("巡察反馈问题12条,已整改到位10条。", 10, None, 83.3),                   # 条
    ("巡察反馈的20个问题,已完成整改20个,整改完成率100%。", 20, None, 100.0),  # no open count said
    ("巡察反馈的6个问题,确保在规定时限内全部整改到位。", None, None, None),    # a pledge
    ("对照反馈的34个具体问题制定了95条措施。召开会议5次。组织学习3次。专题调研4次。\n"
     "截至目前,已全部完成整改。", 34, 0, 100.0),                              # a stock-take alone
    ("对照反馈的34个具体问题制定了95条措施。召开会议5次。组织学习3次。专题调研4次。\n"
     "截至目前,整改任务已全部完成。", None, None, None),                      # tasks, not problems
    ("巡察反馈的4个方面37个问题,已整改完成34个,阶段性完成整改3个。", 34, 3, 91.9),  # 阶段性
])
def test_progress(text, completed, in_progress, rate):
    _check(INTRO + text, {"problems_completed": completed, "problems_in_progress": in_progress,
                          "completion_rate": rate})


@pytest.mark.parametrize("text", [
    "巡察反馈的10个问题,大部分已整改到位。",                                  # no 全部
    "移交问题线索126件,办结118件,结案率86%。",                              # trap 6
    "整改措施完成12条,占全部整改措施的81.2%。",
    "巡察整改和审计整改两项整改完成均超过75%。",
    "群众满意度均超过95%,信访量同比下降12%。",
    "建会率62.5%,入会率73.8%,会员采集率达72.95%。",
    "反馈问题整改完成率达到100%的单位51个。",                              # a count of units
    "年度预算执行完成率为96.5%,重点项目完成率达90%。",                     # not problems
    "要做到整改一个问题、完善一套制度、堵塞一批漏洞。",                      # a slogan
])
def test_no_completion_rate(text):
    _check(INTRO + text, {"completion_rate": None, "problems_completed": None})


# ---- 5.4 measures -----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("局党组制定了82条具体整改措施。", 82),
    ("局党组提出了143项整改措施。", 143),
    ("研究提出76条整改措施，明确责任人。", 76),
    ("对照问题清单制定措施38个。", 38),                                      # noun first
    ("细化了3大类共38项整改措施。", 38),
    ("制定了5个方面24条整改措施。", 24),
    ("将反馈意见细化成41个整改项目。", 41),
    ("细化190条整改措施。", 190),
    ("不断固化115条整改举措的成效。", 115),
    ("巡察组提出整改意见建议71条。", None),                                  # trap 9
])
def test_measures(text, expected):
    _check(INTRO + text, {"measures_total": expected})


def test_measures_that_disagree_inside_the_problem_list_stay_empty():
    text = (INTRO + "\n一、关于“学习不深入”问题的整改\n针对该问题制定整改措施3条。\n"
            "二、关于“管理松散”问题的整改\n针对该问题制定整改措施5条。")
    _check(text, {"measures_total": None})


# ---- 5.5 rules --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("整改期间建立完善制度38项。", 38),
    ("先后制定、完善27项制度。", 27),
    ("制定和完善相关制度11个。", 11),
    ("结合整改建章立制4个。", 4),
    ("制定出台了5项规章制度。", 5),
    ("建立完善制度62个，堵塞管理漏洞。", 62),
    ("完善制度1项。", 1),
    ("建立完善制度40余项。", 40),                                            # 余: lower bound
    ("督促相关部门健全各类制度机制30余个。", None),                          # trap 4: others
    ("建立健全食堂管理、捐赠管理等制度6项。", 6),                           # subset, alone
])
def test_rules(text, expected):
    _check(INTRO + text, {"rules_total": expected})


def test_rules_verbs_joined_by_a_list_mark_are_no_subset():
    # 新建、修订 are two verbs, not a list of rules: 18 beats the enumerated 6
    text = (INTRO + "\n一、关于“管理松散”问题的整改\n新建、修订制度18项。"
            "建立健全食堂管理、捐赠管理等制度6项。")
    _check(text, {"rules_total": 18})


def test_summing_up_sentence_beats_a_dated_measure_inside_the_problem_list():
    text = (INTRO + "\n一、关于“管理松散”问题的整改\n2023年以来,修订制度3项。\n"
            "二、下一步打算\n整改以来,累计建立完善制度21项。")
    _check(text, {"rules_total": 21})


def test_rules_subset_loses_to_headline_total():
    text = (INTRO + "截至目前,建立完善制度38项。\n一、关于“管理松散”问题的整改\n"
            "建立健全食堂管理、捐赠管理等制度6项。")
    _check(text, {"rules_total": 38})


# ---- 5.6 money --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("收回清退违规资金3.1586万元。", 3.1586),
    ("挽回经济损失153.2万元。", 153.2),
    ("挽回经济损失76万余元。", 76.0),                                         # 余 dropped
    ("追回挂账资金3180元。", 0.318),                                          # 元 -> 万元
    ("清查追回违规发放的津补贴和慰问费,共计54410元。", 5.441),                  # label before 共计
    ("累计追回资金98.6万元。", 98.6),
    ("追缴违规资金1,234.5万元。", 1234.5),
    ("挽回经济损失X万元。", None),                                            # placeholder
    ("并清退违规款项。", None),                                               # no figure
    ("追回资金5万元,退还违规补贴2万元,累计挽回经济损失9万元。", 9.0),       # loss wins
    ("追回资金5万元，退还违规补贴2000元。", 5.2),                             # else the sum
    ("违规发放的补贴3.2万元已全部退回。", 3.2),                              # verb after
    ("慈善信托备案规模达到10.5亿元。", None),                                 # trap 5
    ("剩余人员签订分期退款协议,涉及资金12万元。", None),
    ("安排预算资金300万元,项目总投资1.2亿元。", None),
    ("建会筹备金共X万元。", None),
])
def test_recovered(text, expected):
    _check(INTRO + text, {"recovered_wan": expected})


def test_amount_facts_are_recovered_returned_or_involved_money():
    text = INTRO + ("追回资金5万元,签订分期退款协议,涉及资金12万元,"
                    "慈善信托规模达到10.5亿元,累计挽回经济损失17万元。")
    nt, facts = _facts(text)
    amounts = [(f.value, nt.text[f.start:f.end]) for f in facts if f.field == "amount"]
    assert amounts == [(5.0, "追回资金5万元"), (12.0, "涉及资金12万元"),
                       (17.0, "挽回经济损失17万元")]
    assert all(f.unit == "万元" for f in facts if f.field == "amount")


# ---- 5.7 people and traps 10, 11, 12 ----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("给予提醒谈话、批评教育、责令检查共17人。", 17),
    ("整改期间教育提醒4人。", 4),
    ("谈心谈话、批评教育6人次。", 6),                                          # 人次 accepted
    ("全省问责812人！", 812),
    ("对3名干部进行诫勉谈话。", 3),
    ("诫勉谈话2人、批评教育3人、提醒谈话6人。", None),                        # list: not summed
    ("对相关人员严肃问责,共诫勉谈话2人、批评教育1人、提醒谈话6人。", None),       # 共 before a list
    ("共处理12人,其中诫勉谈话2人、批评教育10人。", 12),                       # total, then parts
    ("给予2名干部党纪处分。", 2),
    ("访谈干部24人次。", None),                                               # trap 10
    ("累计谈话4000余人次。", None),
    ("问卷调查中19人回答错误,90余人参加了会议,14名市领导任副组长。", None),
])
def test_people(text, expected):
    _check(INTRO + text, {"people_handled": expected})


@pytest.mark.parametrize("text", [
    "召开党组会议4次,调阅有关资料640份,荣获表彰198项(次),开展集体学习5次。",   # trap 11
    "审核整改材料50余份,8项重点整改事项按期推进。",
    "纪委发现问题2个、提出建议2条。",
    "区委3个巡察组进驻,见第02版,依据澜办发〔2022〕9号。",                       # trap 12
])
def test_process_numbers_are_no_headline_figure(text):
    got = _values(INTRO + text)
    for field in ("problems_total", "aspects_total", "problems_completed", "measures_total",
                  "rules_total", "people_handled", "recovered_wan", "completion_rate"):
        assert got.get(field) is None, field


# ---- anonymized -------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("202X年X月X日,XX巡察组对X总工会党组进行了巡察。", True),
    ("挽回经济损失X万元。", True),
    ("根据区委统一部署,区委第三巡察组进行了巡察。", False),
    ("医院新购X光机一台,X线检查量上升。", False),                            # not placeholders
])
def test_anonymized(text, expected):
    _check(text, {"anonymized": expected})


# ---- where figures sit ------------------------------------------------------------------
def test_closing_summary_paragraph_gives_figures():
    text = (INTRO + "现将巡察整改情况予以公布。\n一、关于“管理松散”问题的整改\n"
            "完善制度2项。\n目前,巡察移交的信访3件已办结,批评教育9人,建立完善制度21项,"
            "累计挽回经济损失48.5万元。")
    _check(text, {"rules_total": 21, "people_handled": 9, "recovered_wan": 48.5})


def test_feedback_news_lead():
    text = ("2024年6月3日,北塘县委第一巡察组向县统计局党组反馈巡察情况。巡察组指出了理论学习"
            "不深入,财务管理不规范,干部队伍建设滞后等3个方面11个问题。")
    _check(text, {"problems_total": 11, "aspects_total": 3})


def test_derived_facts_carry_their_sentence():
    nt, facts = _facts(INTRO + "截至9月底,巡察反馈的4个问题均已完成整改。")
    by_field = {f.field: f for f in facts}
    assert by_field["problems_completed"].value == 4
    assert "均已完成整改" in nt.text[by_field["problems_completed"].start:
                                 by_field["problems_completed"].end]
    assert by_field["completion_rate"].evidence.startswith("截至9月底")


def test_doctests_of_the_helper_modules():
    import doctest

    from analysis.fields import headline, headline_figures, headline_money
    for module in (headline, headline_figures, headline_money):
        assert doctest.testmod(module).failed == 0, module.__name__


_ALPHABET = "0123456789一二三十两个项条方面具体问题反馈指出已完成整改正在均全部到位制度建立完善措施人处分万元追回挽回经济损失,。;:、等XX%率"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_never_raises_and_values_are_sane(text):
    nt, facts = _facts(text)
    for fact in facts:
        assert 0 <= fact.start <= fact.end <= len(nt.text)
        if isinstance(fact.value, (int, float)) and not isinstance(fact.value, bool):
            assert fact.value >= 0 and fact.value == fact.value
        if fact.field == "completion_rate":
            assert fact.value <= 100


# ---- the five seeds ---------------------------------------------------------------------
FIELDS = ["problems_total", "aspects_total", "problems_completed", "problems_in_progress",
          "completion_rate", "measures_total", "rules_total", "recovered_wan",
          "people_handled", "anonymized"]
GOLD = [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8")
        .splitlines() if line.strip()]


def _seed_facts(doc_id: str):
    path = next(SEEDS.glob(doc_id + ".*"))
    return _facts(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_seed_headline_fields(gold):
    found: dict = {}
    for fact in _seed_facts(gold["id"])[1]:
        found.setdefault(fact.field, fact.value)
    for field in FIELDS:
        assert found.get(field) == gold[field], f"{gold['id']}.{field}"


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_seed_amounts(gold):
    facts = _seed_facts(gold["id"])[1]
    assert sorted(f.value for f in facts if f.field == "amount") == sorted(
        a["wan"] for a in gold["amounts"])


def test_feedback_news_quoting_the_old_round_keeps_measures_not_problems():
    """Trap 8: a look-back's feedback quotes counts of the earlier round, already done."""
    from analysis.fields import extract_notice_fields
    text = ("澜江大学党委第二巡视组向本科生院党委反馈巡视“回头看”情况\n"
            "根据校党委统一部署,2023年5月9日,校党委第二巡视组向本科生院党委反馈巡视“回头看”情况。"
            "反馈意见指出,本科生院针对上轮巡视反馈意见分解出的3大类、11个大项、22个具体问题和"
            "25项整改措施均已完成。")
    _, values, _ = extract_notice_fields(Document(text=text, source_path="x.txt",
                                                  source_format="txt"))
    assert values["doc_type"] == "feedback_news"
    assert values.get("problems_total") is None and values.get("aspects_total") is None
    assert values["measures_total"] == 25


@pytest.mark.parametrize("tail", ["", "\n二、问题整改情况\n(一)关于学习不深入的问题\n整改情况:组织学习5次。"])
def test_counts_in_part_one_are_headline_figures(tail):
    """Part 一 (how the work was organised) states the counts; the text may stop inside it."""
    text = (INTRO + "\n一、提高站位,压实整改责任\n(一)加强领导。成立领导小组。\n(二)细化任务。针对"
            "市委巡察反馈的4个方面12类问题,局党组研究制定整改方案,将反馈意见细化成39个具体问题,"
            "提出了157项整改措施。" + tail)
    _check(text, {"problems_total": 39, "aspects_total": 4, "measures_total": 157})
