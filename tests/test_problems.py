"""Problem segmentation: heading forms, inline lists, stops, status, and the seed notices."""
from __future__ import annotations

import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from analysis.document import Document
from analysis.fields.context import NoticeText
from analysis.problems.segment import extract_problems, parse_status
from analysis.problems.text import clean_statement, is_deficiency

SEEDS = Path(__file__).parent / "data" / "seeds"


def _nt(text: str) -> NoticeText:
    return NoticeText.from_document(Document(text=text, source_path="x.txt", source_format="txt"))


def _problems(text: str, doc_type: str | None = None) -> list[str]:
    return [p.problem for p in extract_problems(_nt(text), doc_type)]


def score_problems(want: list[str], got: list[str]) -> float:
    """matched / (len(want) + extras), a match being a SequenceMatcher ratio >= 0.8 (NFKC)."""
    if not want:
        return 1.0 if not got else 0.0
    norm = [unicodedata.normalize("NFKC", g) for g in got]
    matched = sum(1 for w in want if any(
        SequenceMatcher(None, unicodedata.normalize("NFKC", w), g).ratio() >= 0.8 for g in norm))
    return matched / (len(want) + max(0, len(got) - len(want)))


def test_score_problems():
    assert score_problems(["学习不深入"], ["学习不深入"]) == 1.0
    assert score_problems(["学习不深入"], ["学习不深入", "多余的一条"]) == 0.5
    assert score_problems([], ["多余"]) == 0.0
    assert score_problems(["学习贯彻不够深入"], ["学习贯彻不够深入。"]) == 1.0


OUTLINE_CASES = [
    # 问题N. with a quoted 针对 statement and an unquoted 针对…的问题
    ("progress_report",
     "现将巡察整改进展情况予以公布。\n二、巡察反馈问题整改落实情况\n"
     "问题1.针对“统计台账登记不及时”的问题。\n整改进展:已完成,补登台账12本。\n"
     "问题2.针对财政资金拨付进度缓慢的问题。\n整改进展:正在推进。",
     ["统计台账登记不及时", "财政资金拨付进度缓慢"]),
    # 问题 1. statement followed by description sentences: the statement is sentence one
    ("progress_report",
     "二、抓好整改落实\n问题 1. 台账管理流于形式。青溪区档案室台账缺页12处。\n整改情况:一是补登台账。\n"
     "问题2.线索移送不及时。\n整改情况:已完成。",
     ["台账管理流于形式", "线索移送不及时"]),
    # part 一 headings (organisation) are no problems; aspects (…方面) are parents
    ("rectification_report",
     "现将巡察整改情况予以公布。\n一、整改工作组织情况\n(一)强化组织领导。成立整改领导小组。\n"
     "(二)坚持问题导向,确保整改到位。逐项销号。\n二、反馈意见整改落实情况\n(一)落实上级决策部署方面\n"
     "1.执行“第一议题”制度有偏差。\n整改情况:已完成整改。\n2.职能履行不到位。专班力量薄弱。\n"
     "整改完成情况:已配齐人员。\n(二)全面从严治党方面\n3.公务接待管理不规范。\n整改成效:制定接待制度。\n"
     "三、下一步工作打算\n(一)常态长效抓整改不放松。",
     ["执行“第一议题”制度有偏差", "职能履行不到位", "公务接待管理不规范"]),
    # three levels, all problem-like: the finest items win; unquoted 的问题 / 的問題 forms
    ("rectification_report",
     "(一)反馈问题:党的领导弱化。\n1.理论学习不深入。\n(1)中心组学习次数不足。\n整改情况:已补足学习。\n"
     "(2)学习笔记流于形式。\n整改情况:已完成整改。\n2.关于议事决策程序不规范的问题。\n整改情况:正在修订。\n"
     "(二)政治站位不高的問題\n整改情况:持续推进。",
     ["中心组学习次数不足", "学习笔记流于形式", "议事决策程序不规范", "政治站位不高"]),
    # top-level 关于“…”问题的整改情况 with numbered MEASURES below (补齐…短板 is a measure)
    ("rectification_report",
     "现将巡察整改情况予以公布。\n一、关于“理论武装不够扎实”问题的整改情况\n1.强化理论学习。制定学习计划。\n"
     "2.健全学习制度。\n二、关于“选人用人不规范”问题的整改情况\n1.规范干部选拔程序。\n"
     "2.补齐干部管理短板弱项。\n",
     ["理论武装不够扎实", "选人用人不规范"]),
    # a 下一步 paragraph stops the list even without a marker; its 1. 2. are plans
    ("rectification_report",
     "一、关于“资产台账不健全”问题的整改情况\n1.建立资产台账。\n"
     "下一步,局党组将持续巩固整改成果。\n1.坚持问题导向,持续抓好整改不到位事项。\n2.强化日常监督。",
     ["资产台账不健全"]),
    # the heading 三、 with 常态长效 ends the list; its (一)(二) hold no problems
    ("progress_report",
     "二、整改任务落实情况\n(一)食堂账目管理不规范。\n整改情况:已完成。\n"
     "三、致力常态长效,巩固巡察整改成果\n(一)扛牢主体责任。\n(二)持续推进建章立制。",
     ["食堂账目管理不规范"]),
    # the style switches from (一) to 2. 3. inside one section (no final 。 on the first)
    ("progress_report",
     "三、基层党组织建设方面问题整改情况\n(一)民主集中制执行不够坚决,议事走过场\n整改情况:已制定议事规则。\n"
     "2.表率作用发挥不到位。\n整改情况:已加强考勤。\n3.借用编外人员过多。\n整改情况:已清退3人。",
     ["民主集中制执行不够坚决,议事走过场", "表率作用发挥不到位", "借用编外人员过多"]),
    # markdown headings with aspects and nested quotes
    ("rectification_report",
     "## 一、主要做法\n### (一)统一思想,精心组织。\n召开会议。\n## 二、集中整改情况\n"
     "### (一)关于“政治理论学习不够到位”方面。\n#### 1.针对“执行“三重一大”制度不到位”问题的整改。\n"
     "坚决落实制度。\n#### 2.关于“台账未及时更新”问题的整改。\n已更新。\n## 三、下一步计划\n### (一)继续强化整改落实。",
     ["执行“三重一大”制度不到位", "台账未及时更新"]),
    # one-line notice: markers found after "。 " and after a space
    ("progress_report",
     "青溪区审计局党组关于巡察整改进展情况的通报 现将巡察整改进展情况予以公布。 一、整改工作总体推进情况 "
     "局党组高度重视。 二、反馈问题整改情况 1.理论学习不够系统。整改情况:已完成。 2.财务管理存在漏洞。"
     "整改情况:正在推进。 3.选人用人程序不规范。整改情况:已完成整改。 三、下一步工作打算 1.坚持常态长效。",
     ["理论学习不够系统", "财务管理存在漏洞", "选人用人程序不规范"]),
    # 关于“…”的问题 with no marker, inline on one line, label glued by normalisation
    ("progress_report",
     "现将整改情况予以公布。 关于“台账登记不全”的问题 整改情况:已完成。 "
     "关于“公车管理不严格”的问题 整改情况:正在推进。",
     ["台账登记不全", "公车管理不严格"]),
    # a 针对“…”问题, sentence inside the rectification text is not a new problem
    ("rectification_report",
     "一、关于“理论武装不够扎实”问题的整改情况\n针对“理论武装不够扎实”问题,局党组制定了学习计划。\n"
     "1.强化理论学习。",
     ["理论武装不够扎实"]),
    # traditional characters: text kept as written
    ("progress_report",
     "青溪區統計局黨組關於巡察整改進展情況的通報\n根據區委統一部署,現將巡察整改進展情況予以公布。\n"
     "一、關於“統計數據質量管控不嚴”的問題\n整改情況:已完成整改。\n"
     "二、關於“意識形態工作責任制落實不到位”的問題\n整改情況:正在整改。",
     ["統計數據質量管控不嚴", "意識形態工作責任制落實不到位"]),
    # text cut off mid-list keeps the problems it shows
    ("progress_report",
     "一、贯彻落实党的路线方针政策方面问题整改情况\n(一)学习贯彻新思想不够深入。\n整改情况:已制定学习计划。\n"
     "(二)推动乡村振兴工作有差距。\n整改情况:正在推进示范村建设,预计年底前完",
     ["学习贯彻新思想不够深入", "推动乡村振兴工作有差距"]),
    # bare statements ending in a deficiency predicate, no label, under a section heading
    (None,
     "二、巡察反馈问题整改情况\n1.档案管理不规范。已补齐档案。\n2.安全生产责任落实不到位。已签订责任书。",
     ["档案管理不规范", "安全生产责任落实不到位"]),
    # headings of a measures-only notice (no deficiency anywhere) give nothing
    ("rectification_report",
     "一、提高政治站位\n(一)加强组织领导。\n(二)压实整改责任。\n二、狠抓整改落实\n1.完善制度。\n2.强化监督。",
     []),
    # one measure that happens to end in 不彻底 among plain measures stays a measure
    ("progress_report",
     "二、反馈问题整改情况\n(一)落实意识形态责任制不到位。\n1.建立意识形态工作台账。\n2.开展专题学习。\n"
     "3.解决历史遗留问题不彻底的事项。\n4.完善考核办法。\n(二)财务审批把关不严。\n1.修订财务制度。",
     ["落实意识形态责任制不到位", "财务审批把关不严"]),
    # a 巩固整改成果 heading inside part 一 does not stop the list that follows;
    # a heading that only announces problems (存在的不足) is no problem
    ("progress_report",
     "一、整改工作开展情况\n(一)加强组织领导。\n(二)巩固整改成果。建立长效机制。\n"
     "二、巡察反馈问题整改情况\n(一)固定资产管理不规范。\n整改情况:已完成。\n(二)存在的不足\n"
     "三、下一步打算\n(一)持续巩固整改成果。",
     ["固定资产管理不规范"]),
    # an opening cut off in part 一: counts and 针对…等问题 in the intro are no list
    ("progress_report",
     "中共澜江市审计局党组关于巡察整改进展情况的通报\n根据市委统一部署,市委第二巡察组对市审计局党组开展了"
     "常规巡察。局党组对反馈的4个方面12个问题逐项制定整改措施38条。现将巡察整改进展情况予以公布。\n"
     "一、提高政治站位,扛牢整改主体责任\n局党组召开专题会议。针对巡察反馈的理论学习不深入、"
     "财务管理不规范等问题,逐项建立台账。",
     []),
    # headings that end in 问题 name a problem even without a predicate; an action
    # heading that mentions 突出问题 does not
    ("progress_report",
     "二、反馈问题整改情况\n(一)选人用人问题\n一是修订选人用人办法。\n(二)坚持问题导向,聚焦突出问题\n"
     "(三)违反中央八项规定精神问题\n一是退回违规发放补贴。",
     ["选人用人", "违反中央八项规定精神"]),
    # a later 存在的问题 section is about the rectification itself: the list has ended
    ("progress_report",
     "二、反馈问题整改情况\n(一)档案管理不规范。\n整改情况:已完成。\n三、存在的问题和不足\n"
     "(一)整改进度不平衡。\n(二)长效机制不健全。",
     ["档案管理不规范"]),
    # an aspect that names 主体责任 is no organisation section
    ("progress_report",
     "一、落实全面从严治党主体责任方面\n(一)廉政风险防控存在漏洞。\n整改情况:已完成。\n"
     "二、落实主体责任问题整改情况\n(一)一岗双责落实不到位。\n整改情况:已完成。",
     ["廉政风险防控存在漏洞", "一岗双责落实不到位"]),
    # 整改工作中存在的不足 after the list ends it; before any problem, 存在的主要问题 is
    # just the title of the list
    ("progress_report",
     "二、反馈问题整改情况\n(一)档案管理不规范。\n整改情况:已完成。\n三、整改工作中存在的不足\n"
     "(一)个别问题整改进度缓慢。",
     ["档案管理不规范"]),
    (None,
     "一、存在的主要问题\n1.理论学习不够深入。\n2.财务管理不规范。\n3.干部队伍建设有短板。",
     ["理论学习不够深入", "财务管理不规范", "干部队伍建设有短板"]),
    # 总体情况 followed by a label is a summary, not a problem
    ("progress_report",
     "二、整改情况\n(一)总体情况\n整改情况:反馈问题23个,已完成20个。\n(二)资金管理不规范。\n整改情况:已完成。",
     ["资金管理不规范"]),
    # 关于“A。B… : a quote holding a description, cut off before it closes: sentence one
    ("rectification_report",
     "(一)在“理论学习不够有力”方面\n1.关于“学习贯彻上级部署不够到位”问题的整改\n"
     "(1)关于“学习研讨不深不透。局党组未组织专题学习,结合青溪实际",
     ["学习研讨不深不透"]),
    # a closed quote of two sentences: the statement is the first
    ("rectification_report",
     "二、反馈问题整改情况\n(一)关于“台账登记不全。部分科室未建台账。”问题的整改情况\n整改情况:已完成。",
     ["台账登记不全"]),
    # 关于A。B的问题: the frame closes in the second sentence, so the statement spans both
    ("progress_report",
     "二、反馈问题整改情况\n(一)理论武装方面\n(1)关于在“学深”环节有欠缺,专题研讨不够深入。"
     "会议记录审核不严,出现多处漏记的问题。一是补学。组织中心组补学2次。\n"
     "(2)关于档案移交不及时的问题。一是建立清单。",
     ["在“学深”环节有欠缺,专题研讨不够深入。会议记录审核不严,出现多处漏记", "档案移交不及时"]),
    # a 关于 heading whose next sentence does not close the frame ends at its first 。
    ("progress_report",
     "二、反馈问题整改情况\n(一)理论武装方面\n(1)关于会议记录审核不严。已建立审核制度。\n"
     "(2)关于档案移交不及时的问题。一是建立清单。",
     ["会议记录审核不严", "档案移交不及时"]),
    # problems grouped by progress: 已整改完成的问题 / 正在整改的问题 are no problems
    ("progress_report",
     "二、整改落实情况\n(一)已整改完成的问题\n针对反馈的9个问题,局党组逐项整改。\n"
     "(二)正在整改的问题\n档案移交工作正在推进。\n三、下一步工作打算\n持续巩固成果。",
     []),
    ("progress_report",
     "二、整改落实情况\n(一)已整改完成的问题\n1.理论学习不够深入。\n整改情况:已完成。\n"
     "(二)正在整改的问题\n2.档案管理不规范。\n整改情况:正在推进。",
     ["理论学习不够深入", "档案管理不规范"]),
    # a plan never lists problems, whatever its headings say
    ("plan",
     "一、总体要求\n二、整治内容\n1.资金管理不到位问题。\n2.违法违规问题。",
     []),
]


@pytest.mark.parametrize("doc_type, text, expected", OUTLINE_CASES)
def test_outline_problems(doc_type, text, expected):
    assert _problems(text, doc_type) == expected


INLINE_CASES = [
    # 主要是: A;B,C;D。 — cut on ; and on , when both halves state a shortcoming
    ("巡察中也发现一些问题,主要是:学习贯彻党的创新理论不够深入;统计数据质量管控不严,基层统计基础薄弱;"
     "落实全面从严治党主体责任有差距。巡察组提出了意见建议:一是提高政治站位;二是强化数据质量管理。"
     "此外,巡察组还移交了1件问题线索。",
     ["学习贯彻党的创新理论不够深入", "统计数据质量管控不严", "基层统计基础薄弱",
      "落实全面从严治党主体责任有差距"]),
    # 存在A、B、C等问题 after praise and 但: split on 、 (short items with predicates)
    ("该院党委能够认真落实上级决策部署,但巡察也发现,仍存在落实全面从严治党责任不力、选人用人工作不规范、"
     "财务管理制度执行不严等问题。",
     ["落实全面从严治党责任不力", "选人用人工作不规范", "财务管理制度执行不严"]),
    # 指出了A,B,C等12个问题 (a count in the tail), clue sentence ignored
    ("巡察组反馈了巡察情况,指出了学习贯彻上级精神有偏差,重大决策部署落实有差距,议事决策程序不规范等12个问题,"
     "并移交问题线索3件。",
     ["学习贯彻上级精神有偏差", "重大决策部署落实有差距", "议事决策程序不规范"]),
    # 问题:A;B。建议:… — the suggestions are not problems
    ("云岭镇党委巡察反馈\n问题:理论学习流于形式;村级财务管理不规范。建议:加强学习,规范财务。",
     ["理论学习流于形式", "村级财务管理不规范"]),
    # 一是A;二是B;三是C等问题
    ("巡察组反馈了该局存在的问题:一是意识形态工作责任制落实不到位;二是审计项目质量管控不严;"
     "三是干部队伍建设存在短板等问题。同时提出了整改建议。",
     ["意识形态工作责任制落实不到位", "审计项目质量管控不严", "干部队伍建设存在短板"]),
    # numbered lines after a colon that ends the line
    ("巡察反馈指出了该中心存在的主要问题:\n1.党组织领导作用发挥不充分。\n2.资产管理存在漏洞。\n3.工作作风不够扎实。",
     ["党组织领导作用发挥不充分", "资产管理存在漏洞", "工作作风不够扎实"]),
    # 有的A;有的B clauses, 有的 stripped, comma split where both halves are shortcomings
    ("反馈指出,被巡察党组织总体向好。但巡察也发现了一些问题,有的理论学习不够深入,推动发展不够有力;"
     "有的主体责任压得不实;有的整改成效还需进一步巩固。反馈要求,要强化政治担当。",
     ["理论学习不够深入", "推动发展不够有力", "主体责任压得不实", "整改成效还需进一步巩固"]),
    # 、 list whose items do not all end in a predicate stays one problem
    ("巡察发现,该局存在公车私用、超标准接待、资金管理不规范等问题。",
     ["公车私用、超标准接待、资金管理不规范"]),
    # areas only (等方面存在的问题): nothing stated, nothing kept
    ("反馈会上,巡察组指出了局党组在理论学习、项目管理、干部监督等方面存在的问题。会议要求,要抓好整改。",
     []),
    # suggestions in 一是…二是… and leaders' demands are no problems
    ("巡察组提出了意见建议:一是提高政治站位;二是加强财务管理。县委常委要求,要认真抓好整改。",
     []),
    # several 存在…等问题 sentences: all kept, in order
    ("区委政法委:存在“第一议题”学习不到位、履职责任有差距、提醒谈话“走过场”等问题。"
     "此外,还发现执行财经纪律不严格、选人用人不够严格等问题。",
     ["“第一议题”学习不到位", "履职责任有差距", "提醒谈话“走过场”", "执行财经纪律不严格", "选人用人不够严格"]),
    # results (成效主要是:) and measures (针对上述问题:一是…) are no problem lists
    ("取得的成效主要是:一是建立制度12项;二是追回资金3万元。针对上述问题:一是加强学习;二是完善制度。",
     []),
    # a findings sentence (反馈指出,…): praise dropped, every kept clause states a shortcoming
    ("反馈指出,局党组能够贯彻上级部署,但也存在理论学习不深入,项目审批把关不严。会议要求,抓好整改。",
     ["理论学习不深入", "项目审批把关不严"]),
    # findings over several sentences, the subject (局党组) before the first one dropped;
    # 有的 clauses each in their own sentence
    ("巡察反馈指出:局党组理论学习不够深入。项目审批把关不严。该局近年来工作成绩明显。",
     ["理论学习不够深入", "项目审批把关不严"]),
    ("巡察也发现了一些问题。有的单位财务制度执行不严格。有的单位公车管理不规范。反馈要求,抓好整改。",
     ["单位财务制度执行不严格", "单位公车管理不规范"]),
    # a leader's demand to solve 存在的A、B等问题 is no finding
    ("县委常委强调,要着力解决存在的理论学习不深入、项目审批把关不严等问题。",
     []),
    # ordinal items with description sentences between them: one problem per ordinal,
    # the suggestions paragraph that follows is not read
    ("巡察发现,该局仍然存在一些问题,主要表现在:一是贯彻上级决策部署仍有差距。对重点任务研究不够,"
     "传达学习不及时。二是统计法定职责履行不到位。统计培训效果不明显。三是防范统计造假责任尚未压紧压实。\n"
     "巡察组提出意见建议:一是提高政治站位。二是履行法定职责。",
     ["贯彻上级决策部署仍有差距", "统计法定职责履行不到位", "防范统计造假责任尚未压紧压实"]),
    # 存在一些问题,如A,B,C等。
    ("巡察发现,该局仍然存在一些问题,如法定职责履行有待进一步加强,防范造假责任还需进一步压实,"
     "基层基础相对薄弱等。巡察组提出三点意见建议。",
     ["法定职责履行有待进一步加强", "防范造假责任还需进一步压实", "基层基础相对薄弱"]),
    # N类主要问题:一、A;二、B — ordinal items after a colon
    ("巡视反馈了3类主要问题:一、贯彻落实中央决策部署有差距;二、主体责任落实不到位;三、选人用人把关不严。"
     "巡视组提出了意见建议。",
     ["贯彻落实中央决策部署有差距", "主体责任落实不到位", "选人用人把关不严"]),
    # per unit: 存在的主要问题:A。B。 then a demand
    ("市审计局党组存在的主要问题:理论学习不够深入。财务管理制度执行不严格。会议要求,抓好整改。",
     ["理论学习不够深入", "财务管理制度执行不严格"]),
    # traditional text with pinyin glued after converted characters
    ("巡察中發(fā)現(xiàn)一些問題,主要是:理論學習不夠深入;財務管理不規範。",
     ["理論學習不夠深入", "財務管理不規範"]),
    # 问题,主要是 with no colon; the list ends in a bare 等
    ("巡察中,巡察组发现了一些问题,主要是理论学习不够深入,财务审批把关不严;干部队伍建设有弱项等。"
     "县委副书记要求,抓好整改。",
     ["理论学习不够深入", "财务审批把关不严", "干部队伍建设有弱项"]),
    # a findings cue with no comma, the unit named first (局党委 dropped), long 、 items
    ("巡察中也发现局党委落实全面从严治党主体责任不够有力、推动青溪区文旅融合发展方面还有差距、"
     "执行干部选拔任用制度不够严格。",
     ["落实全面从严治党主体责任不够有力", "推动青溪区文旅融合发展方面还有差距",
      "执行干部选拔任用制度不够严格"]),
    # 等较为突出问题: a degree word before 问题
    ("但巡察也发现,被巡察单位存在基层党建工作薄弱、资产管理制度执行需加强等较为突出问题,需要认真整改。",
     ["基层党建工作薄弱", "资产管理制度执行需加强"]),
    # a count right after the list (“三大问题”), then an areas list that is not taken
    ("反馈了该局党组存在理论武装弱化、制度建设缺失、监督管理不力“三大问题”和财务、采购等方面存在的问题。",
     ["理论武装弱化", "制度建设缺失", "监督管理不力"]),
    # per area: 主要存在A、B的情况; the text breaks off inside the last item, which is dropped
    ("巡察发现,北塘县卫健局在落实上级部署方面,存在服务意识不够牢固等问题;财务管理方面,主要存在"
     "经费审批责任未压实、票据管理不严的情况;整改方面,主要存在问题销号跟踪不够、部分事项存在反弹隐",
     ["服务意识不够牢固", "经费审批责任未压实", "票据管理不严", "问题销号跟踪不够"]),
    # X方面存在 before the first item is a subject; a `、` item cut to one character is dropped
    ("巡察组指出了一些问题,主要是:对上轮巡察指出的问题整改不到位;班子建设方面存在议事规则执行不严、"
     "民主生活会质量不高、发",
     ["对上轮巡察指出的问题整改不到位", "议事规则执行不严", "民主生活会质量不高"]),
    # 不同程度地存在着 before the first item; a clause cut in mid-word (不够彻) is dropped
    ("巡察也发现,各被巡察单位还不同程度地存在着理论学习有差距,落实“一岗双责”不到位,"
     "对审计指出问题整改不够彻",
     ["理论学习有差距", "落实“一岗双责”不到位"]),
    # a last item the text ends in, but whole, is kept
    ("巡察中发现了一些问题。主要是:学习教育有差距;监督管理不到位;内控制度执行不力",
     ["学习教育有差距", "监督管理不到位", "内控制度执行不力"]),
    # areas only (在A、B等方面均存在一些问题和短板) after a findings cue: nothing
    ("反馈指出,3个被巡察党组织工作取得成效。同时,3个被巡察党组织在履行职能、落实“两个责任”"
     "和队伍建设等方面均存在一些问题和短板。",
     []),
    # 挤占挪用 states a misconduct; a short 、 pair of shortcomings is split
    ("在取得成绩的同时,也存在一些问题。主要表现在:档案管理不规范,挤占挪用专项资金,"
     "服务意识有差距、整改不彻底等。",
     ["档案管理不规范", "挤占挪用专项资金", "服务意识有差距", "整改不彻底"]),
    # 从巡察反馈情况看, opens findings; a bare predicate (形式主义) is not split off
    ("从巡察反馈情况看,部分单位落实惠农政策有偏差,抓党建工作有短板;形式主义、官僚主义问题禁而不止。"
     "会议要求,抓好整改。",
     ["部分单位落实惠农政策有偏差", "抓党建工作有短板", "形式主义、官僚主义问题禁而不止"]),
    # 主要存在以下问题: is a colon list, not a 主要存在A、B clause
    ("巡察发现,该中心主要存在以下问题:一是制度执行不严;二是资产登记不及时。",
     ["制度执行不严", "资产登记不及时"]),
    # per unit: a line of shortcomings under the unit's name, with no cue word
    ("北塘县委巡察组近日向2家单位反馈了巡察情况。\n一、县统计局党组\n理论学习不够深入;"
     "统计数据质量管控不严。\n二、县审计局党组\n审计项目质量管控不严;财务管理不规范。\n",
     ["理论学习不够深入", "统计数据质量管控不严", "审计项目质量管控不严", "财务管理不规范"]),
    # bullet lines, each a shortcoming (部分高校 kept, as written)
    ("巡视反馈指出:\n- 部分高校理论学习不够深入\n- 部分高校选人用人把关不严\n会议要求抓好整改。",
     ["部分高校理论学习不够深入", "部分高校选人用人把关不严"]),
    # the findings named again in a later demand are not counted twice
    ("巡察发现,该局主要是:理论学习不够深入;财务管理不规范。针对巡察反馈的理论学习不够深入、"
     "财务管理不规范等问题,局党组表示将认真整改。",
     ["理论学习不够深入", "财务管理不规范"]),
    # praise, then 但…存在一些薄弱环节 / 一定差距: nothing named
    ("从巡察情况看,各单位总体情况良好,但仍存在一些薄弱环节。巡察组认为,该局工作扎实,但也存在一定差距。",
     []),
    # an opener right before the colon starts the list; 存在错误 inside an item is no opener
    ("专项巡察存在:部分科室对窗口工作不重视,办事指南内容存在错误等问题。",
     ["部分科室对窗口工作不重视", "办事指南内容存在错误"]),
    # aspects with a colon, no problem cue before 一是 (他指出,一是X方面:A,B;C。二是Y方面:D。)
    ("会上,组长反馈了巡察情况。他指出,一是政治建设方面:班子统筹谋划不够有力,议事规则执行不严;"
     "理论学习不深入。二是作风建设方面:镇纪委监督责任落实不实;村级账目管理混乱。"
     "巡察组建议,镇党委要进一步提高站位。",
     ["班子统筹谋划不够有力", "议事规则执行不严", "理论学习不深入", "镇纪委监督责任落实不实",
      "村级账目管理混乱"]),
    # the aspect an item is filed under (聚焦X方面,存在A、B等问题;) is no part of it
    ("巡察中也发现了一些问题:聚焦上级决策部署落实方面,存在工作推动不力、督导检查不严等问题;"
     "聚焦基层党组织建设方面,存在组织生活不严肃等问题。",
     ["工作推动不力", "督导检查不严", "组织生活不严肃"]),
    # the text breaks off in a later sentence of the list: its complete clauses still count
    ("巡察中发现了一些问题,主要是:财务审批不够严格,项目推进有差距。安全责任未能压紧压实,"
     "内部管理存有漏洞,工程",
     ["财务审批不够严格", "项目推进有差距", "安全责任未能压紧压实", "内部管理存有漏洞"]),
    # the list ends at 等问题 though the sentence runs on (,并提出了意见建议)
    ("巡察也发现以下主要问题:一是制度执行不到位;二是整改不深入,成果运用有差距等问题,"
     "并提出了整改意见建议。",
     ["制度执行不到位", "整改不深入", "成果运用有差距"]),
    # 存在A、B等问题。主要表现在:一是… — the first list only names the aspects; the `;`
    # clauses of an ordinal item are items too
    ("巡察发现,各村不同程度存在思想建设滞后、组织建设薄弱等问题。主要表现在:一是宣传氛围不浓,"
     "文化阵地建设薄弱。二是党内制度落实不到位;村班子配备不齐,后备力量不足。",
     ["宣传氛围不浓", "文化阵地建设薄弱", "党内制度落实不到位", "村班子配备不齐", "后备力量不足"]),
    # a short shortcoming written as its own sentence after the last of bare ordinal items
    # (when items carry description sentences, as above, such a sentence is one more of them)
    ("但巡察也发现了一些问题,主要是:一是落实上级部署不够有力;二是队伍建设统筹不足。"
     "对上轮巡察指出的问题整改不扎实。就存在问题,巡察组提出了意见建议。",
     ["落实上级部署不够有力", "队伍建设统筹不足", "对上轮巡察指出的问题整改不扎实"]),
    # 未能发挥X作用 opens with a negation but ends in no predicate: not cut off; 迟缓 is one
    ("巡察指出,该局存在的主要问题:未能充分发挥规划引领作用,耕地保护有差距;改革推进迟缓,"
     "风险防范能力不足。",
     ["未能充分发挥规划引领作用,耕地保护有差距", "改革推进迟缓", "风险防范能力不足"]),
    # an aspect is cut off only when what remains still says what falls short
    ("巡察发现了一些问题,主要是:安全生产责任制落实方面,存在薄弱环节;采购管理方面,存在验收"
     "把关不严的情况;公车管理不规范。",
     ["安全生产责任制落实方面,存在薄弱环节", "验收把关不严", "公车管理不规范"]),
    # aspects with a colon in a pledge (一是X方面:要…) hold measures, not problems
    ("巡察组指出,该局存在理论学习不深入、财务管理不规范等问题。局党组书记表态:一是思想认识方面:"
     "要提高政治站位,主动认领问题;二是整改落实方面:要建立台账,逐项销号。",
     ["理论学习不深入", "财务管理不规范"]),
    # 等N个方面M条具体问题: the listed phrases are the only problem statements given
    ("会上,巡察组向北塘县交通集团党委反馈了党委把方向作用不够明显、安全生产责任落实有差距、"
     "工程项目监管不够严格等3个方面15条具体问题,并提出了整改建议。",
     ["党委把方向作用不够明显", "安全生产责任落实有差距", "工程项目监管不够严格"]),
    # 等三大方面N项问题: 大 before the measure word
    ("巡察组反馈了议事规则执行不严、资产台账登记不全等三大方面12项问题。",
     ["议事规则执行不严", "资产台账登记不全"]),
    # the aspects that frame the list come before the reporting verb (…三个方面,反馈了A;B)
    ("但也存在一些问题,主要表现在聚焦落实上级部署、聚焦作风建设两个方面,反馈了班子统筹作用"
     "发挥不充分;档案管理有短板;财务审核不严等9个主要问题。",
     ["班子统筹作用发挥不充分", "档案管理有短板", "财务审核不严"]),
    # one clause per aspect, each 存在A、B等问题; 较重 and 有违反…的行为 state shortcomings
    ("巡察组指出,在党的领导方面,存在统领作用发挥不充分、机关化倾向较重等问题;在全面从严治党"
     "方面,存在有违反廉洁纪律的行为、票据管理不规范等问题。",
     ["统领作用发挥不充分", "机关化倾向较重", "有违反廉洁纪律的行为", "票据管理不规范"]),
    # 指出,一是A;二是B;三是C等问题: an ordinal list closed by 等问题 keeps every ; part
    ("巡察组指出,一是议事规则执行不严;二是资产台账登记不全;三是干部培训覆盖不足等问题。",
     ["议事规则执行不严", "资产台账登记不全", "干部培训覆盖不足"]),
    # without an ordinal, the clause before ; is no item (praise before the list)
    ("巡察组指出,该局近年工作有新进展;同时存在议事规则执行不严、资产台账登记不全等问题。",
     ["议事规则执行不严", "资产台账登记不全"]),
    # a comma joins two shortcomings: 边改边犯 is one
    ("会议指出,该校存在一些问题,主要是:师德建设有差距;上轮整改责任落实不到位,反馈问题边改边犯。",
     ["师德建设有差距", "上轮整改责任落实不到位", "反馈问题边改边犯"]),
    # three quoted shortcomings back to back, then 等N个方面的问题: each quote is one item
    ("会上,巡察组指出,区科协还存在“服务会员意识不强”“学会管理有欠缺”“经费使用把关不严”"
     "等五个方面的问题。",
     ["服务会员意识不强", "学会管理有欠缺", "经费使用把关不严"]),
    # a unit's long line of shortcomings with two statements lacking a predicate: the
    # line still counts, and only the items that state a shortcoming are kept
    ("现将反馈的主要问题公布如下:\n一、县水利局党组\n"
     "理论学习不够深入;议事规则执行不严;河道整治工作长期打不开局面;项目建设进度缓慢;"
     "资金管理不规范;专项资金集中拨付;档案管理不到位。",
     ["理论学习不够深入", "议事规则执行不严", "项目建设进度缓慢", "资金管理不规范",
      "档案管理不到位"]),
    # two units' lines name the same shortcoming: one row for each unit
    ("现将反馈的主要问题公布如下:\n一、县水利局党组\n理论学习不够深入;资金管理不规范。\n"
     "二、县林业局党组\n议事规则执行不严;资金管理不规范。",
     ["理论学习不够深入", "资金管理不规范", "议事规则执行不严", "资金管理不规范"]),
    # a short line with one part that states no shortcoming is no list
    ("现将有关情况公布如下:\n一、县水利局党组\n理论学习不够深入;河道整治全面铺开。",
     []),
    # bullets written on one line with citation marks; the demands after them are no problems
    ("反馈的主要问题 - 部分学院理论学习不够深入,选人用人把关不严 [2] - 部分学院作风建设"
     "有短板 [2] 整改要求 - 学院党委要扛牢整改责任 [3] - 要严防形式主义 [3]",
     ["部分学院理论学习不够深入", "选人用人把关不严", "部分学院作风建设有短板"]),
]


@pytest.mark.parametrize("text, expected", INLINE_CASES)
def test_inline_problems(text, expected):
    assert _problems(text, "feedback_news") == expected


SUMMARY_CASES = [
    # the inspection's findings quoted back to back in a summary (针对巡视反馈的“A,B”“C”等问题)
    ("据通报,针对巡视反馈的“安全培训比较薄弱,档案管理有短板”“内控监督有不足”等问题,"
     "各企业已逐项整改。",
     ["安全培训比较薄弱", "档案管理有短板", "内控监督有不足"]),
    # one quoted finding named a problem with no 等 (指出的“A,B”问题): its clauses
    ("据报道,针对巡视组指出的“对下属协会监管不力,干部兼职过多”问题,澜江市科协已作出整改。",
     ["对下属协会监管不力", "干部兼职过多"]),
    # a quoted finding that states no shortcoming is no problem
    ("据报道,针对巡视组指出的“推进协会改革”问题,澜江市科协已作出部署。",
     []),
    # 其中,A、B、C等尤为突出: each short item is named a salient problem, quotes kept
    ("据通报,上述企业在作风建设等方面存在一些问题。其中,工程招标等环节吃拿卡要、"
     "“关键岗位”插手项目、“微腐败”等尤为突出。",
     ["工程招标等环节吃拿卡要", "“关键岗位”插手项目", "“微腐败”"]),
    # what a look-back checks (看…是否存在A、B等问题) is no finding
    ("巡察“回头看”重点看整改是否到位,是否在履职方面存在形式主义、官僚主义等问题。",
     []),
    # 有的 clauses that describe measures (解决…宽松软, 查找…漏洞) are no problems
    ("据通报,有的建立问题台账,着力解决审批环节松散的问题;有的认真查找内控制度中的漏洞。",
     []),
]


@pytest.mark.parametrize("text, expected", SUMMARY_CASES)
def test_summary_problems(text, expected):
    assert _problems(text, "summary_news") == expected


def test_feedback_news_numbered_lines_have_no_rectification():
    text = ("巡察组指出,该局存在的主要问题:\n1.理论学习不够深入。\n2.财务管理不规范。\n"
            "会议要求,局党组要认真整改。")
    got = extract_problems(_nt(text), "feedback_news")
    assert [(p.problem, p.rectification, p.status) for p in got] == [
        ("理论学习不够深入", "", "unknown"), ("财务管理不规范", "", "unknown")]


def test_plan_without_doc_type_lists_nothing():
    text = ("澜江市审计局办公室关于印发《专项治理“回头看”实施方案》的通知\n各科室:\n"
            "一、总体要求\n二、整治内容\n1.资金管理不到位问题。\n2.资金发放不及时问题。")
    assert _problems(text, None) == []
    assert _problems(text.split("\n", 1)[1], None) != []     # the same list, no plan cue


def test_inline_is_fallback_for_notices():
    # a rectification notice whose only list is inline still yields its problems
    text = "现将整改情况予以公布。巡察反馈指出,存在议事决策不规范、资产管理不到位等问题。目前已全部整改。"
    assert _problems(text, "rectification_report") == ["议事决策不规范", "资产管理不到位"]


def test_problem_fields():
    text = ("二、反馈问题整改情况\n(一)落实上级决策部署方面\n1.执行“第一议题”制度有偏差。\n"
            "整改情况:已完成整改,修订制度2项。\n2.关于“台账登记不及时”的问题\n整改情况:正在推进。\n"
            "欢迎广大干部群众监督。联系电话:1234567。")
    nt = _nt(text)
    got = extract_problems(nt, "progress_report")
    assert [(p.problem_no, p.problem, p.aspect, p.status) for p in got] == [
        (1, "执行“第一议题”制度有偏差", "落实上级决策部署", "completed"),
        (2, "台账登记不及时", "落实上级决策部署", "in_progress")]
    # offsets index the normalised text; the rectification stops before the closing lines
    assert all(nt.text[p.start:p.end] == p.problem for p in got)
    assert got[0].rectification == "整改情况:已完成整改,修订制度2项"
    assert got[1].rectification == "整改情况:正在推进"


@pytest.mark.parametrize("text, status", [
    ("整改情况:已完成整改,建立台账。", "completed"),
    ("已整改到位。", "completed"),
    ("今年3月完成整改。", "completed"),
    ("正在推进项目验收。", "in_progress"),
    ("尚未完成整改,已制定计划。", "in_progress"),  # 尚未完成 must not read as 完成
    ("逐步推进清退工作。", "in_progress"),
    ("持续推进制度建设。", "in_progress"),
    ("修订制度3项,约谈2人。", "unknown"),
    ("", "unknown"),
])
def test_parse_status(text, status):
    assert parse_status(text) == status


@pytest.mark.parametrize("statement, expected", [
    ("中心组学习不系统不深入", True),
    ("工作作风不够严实", True),
    ("班子自身建设还有短板", True),
    ("防范校园安全风险存在薄弱环节", True),   # 存在 + noun, though it opens with a verb
    ("补齐存在的短板", False),                # 存在的短板 is the object of a measure
    ("存在培训费超标准列支及违规报销问题", True),   # a clause that is all 存在…问题
    ("存在的问题", False),                    # only announces problems
    ("国有资产使用管理存在管理漏洞", True),
    ("违规设置内设机构", True),          # a misconduct start, no final predicate
    ("公务车加油卡未及时进行核销", True),
    ("践行宗旨有待深化", True),
    ("“文山会海”依然存在", True),
    ("提醒谈话“走过场”", True),           # a closing quote after the predicate
    ("补齐内部管理短板弱项", False),      # action verb + noun: a measure
    ("坚持问题导向,确保整改到位", False),  # 到位 without a negation
    ("强化政治理论武装", False),
    ("持续推进建章立制", False),
    ("整改力度不减", False),              # 不减 is resolve, not a shortcoming
    ("挤占挪用专项资金", True),
    ("着力解决审批松散", False),          # a measure naming what it cures
    ("深入查找制度层面存在的漏洞", False),
    ("解决群众诉求不及时", True),          # a negated end after the same verb
    ("窗口工作不重视", True),
    ("宣传氛围不浓", True),
    ("部分村部建成后不能投入使用", True),
    ("纪律意识淡薄", True),
    ("一些薄弱环节", False),              # names nothing: no subject
    ("改革推进行动迟缓", True),
    ("工作作风漂浮", True),
    ("吃喝风盛行", True),
    ("集体资产流失严重", True),
    ("影响不严重", False),                # 不严重 says the opposite
    ("“三资”管理有名无实", True),
    ("班子年龄普遍老化", True),
    ("行政化倾向较重", True),
    ("同类问题屡改屡犯", True),
    ("有违反中央八项规定精神的行为", True),   # 有违反…: a misconduct start
    ("有关情况已向上级报告", False),
    ("对上轮整改重视不够", True),          # 不够 ends the clause, nothing after it
    ("廉洁风险依然突出", True),            # 突出 after 依然/仍: a shortcoming
    ("北塘县特色产业优势突出", False),      # 突出 alone is praise
    ("同类问题反复出现", True),
    ("形式主义不同程度存在", True),
    ("干部交流过于频繁", True),
    ("领导干部违规使用公车", True),        # an actor, then the violation
    ("少数单位超标准配备办公用房", True),
    ("领导干部公然违反中央八项规定", True),  # an adverb before the violation
    ("农村公路养护资金拨付", False),        # 村 is no actor here: nothing follows it
    ("干部“带病提拔”", True),              # a misconduct named by its act
    ("严防干部带病提拔", False),            # a measure verb before the act
    ("党建工作还有提升空间", True),
    ("办公用房面积超标", True),
    ("党务工作不严谨", True),
])
def test_is_deficiency(statement, expected):
    assert is_deficiency(statement) is expected


@pytest.mark.parametrize("statement, expected", [
    ("审计指出问题整改不够彻", False),     # 不够彻底 cut in mid-word
    ("内控制度执行不力", True),
    ("销号跟踪不够", True),
    ("违规使用会议经", False),              # a misconduct start proves nothing when cut
])
def test_is_deficiency_closed(statement, expected):
    assert is_deficiency(statement, closed=True) is expected


@pytest.mark.parametrize("statement, expected", [
    ("未能充分发挥规划引领作用", False),    # a negated verb whose object runs on
    ("挤占挪用专项资金", True),             # a misconduct is a whole statement
    ("档案管理不规范", True),
    ("集体资金流失严重", True),
])
def test_is_deficiency_ending(statement, expected):
    assert is_deficiency(statement, ending=True) is expected


@pytest.mark.parametrize("heading, statement", [
    ("关于“服务队伍建设不够到位”问题的整改情况", "服务队伍建设不够到位"),
    ("针对“执行“三重一大”议事规则不到位”问题的整改。", "执行“三重一大”议事规则不到位"),
    ("关于议事决策程序不规范的问题。", "议事决策程序不规范"),
    ("关于“‘数智’建设不够聚焦”问题的整改情况", "‘数智’建设不够聚焦"),
    ("反馈问题:党的领导弱化。", "党的领导弱化"),
    ("“二传手”“传声筒”现象依然存在", "“二传手”“传声筒”现象依然存在"),  # two quotes, not one pair
    ("关于“台账登记不及时”的问题,经核查属实", "台账登记不及时"),  # a sentence after the quote
    ("“一把手”问题突出", "“一把手”问题突出"),      # the quote is only the subject
    ("关于“台账不全”问题的", "台账不全"),               # cut before a glued 整改落实情况:
    ("1.理论学习不够系统", "1.理论学习不够系统"),        # markers are the outline's business
    ("关于“学习研讨不深不透。局党组未组织学习", "学习研讨不深不透"),  # quote never closed
])
def test_clean_statement(heading, statement):
    assert clean_statement(heading) == statement


def _seed_cases() -> list[tuple[str, dict]]:
    gold = [json.loads(line) for line in
            (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    files = {p.stem: p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md")}
    return [(files[g["id"]].name, g) for g in gold]


def _seed_text(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    if name.endswith(".md") and text.startswith("---"):
        text = text.split("---", 2)[2]      # YAML front matter, as the reader drops it
    return text


@pytest.mark.parametrize("name, gold", _seed_cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_seed_problems(name, gold):
    nt = NoticeText.from_document(Document(text=_seed_text(name), source_path=name,
                                           source_format="txt"))
    got = [p.problem for p in extract_problems(nt, gold["doc_type"])]
    want = [p["text"] for p in gold["problems"]]
    assert len(got) == len(want)
    assert score_problems(want, got) == 1.0
    for w, g in zip(want, got):     # in order, one for one
        ratio = SequenceMatcher(None, unicodedata.normalize("NFKC", w),
                                unicodedata.normalize("NFKC", g)).ratio()
        assert ratio >= 0.8, (w, g)


def test_seed_counts_and_aspects():
    counts = {g["id"]: len(g["problems"]) for _, g in _seed_cases()}
    assert counts == {"dongxihu-renshe-2025": 2, "yuhu-minzheng-2023": 13,
                      "wuhan-renshe-plan-2022": 0, "hangzhou-minzheng-2023": 10,
                      "gonghui-anon-2023": 28}
    nt = NoticeText.from_document(Document(text=_seed_text("gonghui-anon-2023.md"),
                                           source_path="gonghui-anon-2023.md", source_format="md"))
    got = extract_problems(nt, "rectification_report")
    assert got[14].problem_no == 15
    assert got[14].aspect == "落实全面从严治党不力,管党治党宽松现象明显"
    assert got[0].rectification.startswith("市总工会领导班子")


def test_one_line_notice_rectification_stops_at_closing_words():
    text = ("现将整改情况予以公布。 二、反馈问题整改情况 1.档案管理不规范。整改情况:已完成。 "
            "2.公车管理不严格。整改情况:正在推进。欢迎广大干部群众监督。联系电话:1234567。")
    got = extract_problems(_nt(text), "rectification_report")
    assert [(p.problem, p.rectification, p.status) for p in got] == [
        ("档案管理不规范", "整改情况:已完成", "completed"),
        ("公车管理不严格", "整改情况:正在推进", "in_progress")]


def test_doctests():
    import doctest

    import analysis.problems.cued
    import analysis.problems.inline
    import analysis.problems.items
    import analysis.problems.runs
    import analysis.problems.segment
    import analysis.problems.spans
    import analysis.problems.split
    import analysis.problems.text
    for module in (analysis.problems.segment, analysis.problems.inline, analysis.problems.items,
                   analysis.problems.text, analysis.problems.cued, analysis.problems.runs,
                   analysis.problems.spans, analysis.problems.split):
        assert doctest.testmod(module).failed == 0
