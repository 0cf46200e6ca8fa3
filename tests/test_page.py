"""Page-level fields: title, body start, publish_date, url, doc_type (fields.page)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from analysis.document import Document
from analysis.fields.context import NoticeText
from analysis.fields.page import extract_page_fields
from analysis.fields.page_doctype import DOC_TYPES, parse_doc_type
from analysis.fields.page_layout import clean_title, is_chrome
from analysis.text.dates import parse_written_date as parse_date

SEEDS = Path(__file__).parent / "data" / "seeds"

BODY = ("根据县委统一部署,2023年5月8日至7月14日,县委第二巡察组对县统计局党组开展了常规巡察。"
        "8月3日,县委第二巡察组向县统计局党组反馈了巡察意见。按照巡察工作有关要求,"
        "现将巡察整改情况予以公布。\n一、整改工作总体情况\n局党组高度重视。")
TITLE = "中共北塘县统计局党组关于县委巡察整改情况的通报"


def run_page(text: str, title: str = "", metadata: dict | None = None):
    doc = Document(text=text, source_path="x.txt", source_format="txt", title=title,
                   metadata=metadata or {})
    nt = NoticeText.from_document(doc)
    facts = extract_page_fields(nt, {})
    values = {}
    for fact in facts:
        values.setdefault(fact.field, fact.value)
    return nt, values


# bullet lines of an aggregator page about a whole round's feedback, with [1] citation marks
AGGREGATOR = ("巡视安排 - 十一届省委第六轮巡视派出12个巡视组对36家省管企业党委开展常规巡视,对其中4家企业的"
              "8家二级公司党委开展延伸巡视 [1] - 巡视紧扣企业职责使命,聚焦主责主业开展监督 [1] "
              "巡视反馈的主要问题 - 部分企业落实省委决策部署不够有力,服务全省发展大局有差距 [2] - "
              "部分企业风险防控存在短板,重点领域廉洁风险较大 [2] 整改要求 - 被巡视企业党委要扛牢整改"
              "主体责任,狠抓六个月集中整改 [3]")

# (text, expected title, expected start of the body)
LAYOUT_CASES = [
    # breadcrumb, title, glued 来源 + 发布时间 line
    (f"当前位置:首页 > 信息公开 > 巡察整改\n{TITLE}\n来源:澜江市纪委监委 发布时间:2023-04-18 09:12:33\n{BODY}",
     TITLE, "根据县委"),
    # breadcrumb with >> and 正文
    (f"您现在的位置: 首页 >> 工作动态 >> 正文\n{TITLE}\n{BODY}", TITLE, "根据县委"),
    # short breadcrumb, full-width colon
    (f"首页>通知公告\n{TITLE}\n{BODY}", TITLE, "根据县委"),
    # date glued to the source label
    (f"{TITLE}\n2022-03-07 15:40:02来源:青溪区统计局\n{BODY}", TITLE, "根据县委"),
    # slash date with author
    (f"{TITLE}\n时间:2022/5/9 10:03:11 作者:党建办 王某\n{BODY}", TITLE, "根据县委"),
    # bracketed date and source
    (f"{TITLE}\n【 2021-09-30 15:20:07 】【 来源:北塘县纪委 】\n{BODY}", TITLE, "根据县委"),
    # Chinese-style date, counter and widget on one line
    (f"{TITLE}\n发布时间:2021年06月03日 点击数: [加入收藏]\n{BODY}", TITLE, "根据县委"),
    # editor before the date
    (f"{TITLE}\n编辑:李某 发表时间:2022-11-02\n浏览量:1288\n{BODY}", TITLE, "根据县委"),
    # counters and font widgets broken over two lines
    (f"{TITLE}\n已被阅读 次\n【字号:大\n小】\n分享到\n【我要打印】【关闭】\n{BODY}", TITLE, "根据县委"),
    # disclosure metadata block with spaced labels: its 标题 wins
    ("- 索 引 号:11420000/2022-00815\n- 主题分类:党务公开\n- 发布机构:中共云岭镇委员会\n"
     "- 成文时间:2022年08月05日\n- 文 号:无\n- 标 题:中共云岭镇委员会关于巡察整改进展情况的通报\n"
     "- 效力状态:有效\n" + BODY, "中共云岭镇委员会关于巡察整改进展情况的通报", "根据县委"),
    # disclosure list with bullets, labels and values on separate lines
    ("• 信息索引号:\n\n  001122/2023-00042\n\n• 文件名称:\n\n  " + TITLE + "\n\n• 成文日期:\n\n  2023-05-04\n\n"
     "• " + TITLE + "\n\n日期:2023-05-04 08:46:31 来源:县统计局 浏览量:\n分享:\n朗读\n" + BODY, TITLE, "根据县委"),
    # file number under the title
    (f"{TITLE}\n北塘统〔2021〕15号\n{BODY}", TITLE, "根据县委"),
    # image file name as the first line
    (f"微信图片_20230512093015.jpg\n{TITLE}\n{BODY}", TITLE, "根据县委"),
    # site greeting
    (f"欢迎访问澜江市第三人民医院网站 | 设为首页 | 联系我们\n{TITLE}\n{BODY}", TITLE, "根据县委"),
    # news furniture glued before the body
    (f"{TITLE}\n本报讯(通讯员 李某)根据县委统一部署,县委第二巡察组对县统计局党组开展了巡察。",
     TITLE, "根据县委"),
    # title echoed twice
    (f"{TITLE}\n{TITLE}\n{BODY}", TITLE, "根据县委"),
    # site name after a hyphen
    ("青溪学院党委关于巡察反馈意见整改情况的通报-澜江大学纪委办\n" + BODY,
     "青溪学院党委关于巡察反馈意见整改情况的通报", "根据县委"),
    # betting-site prefix glued to the body: the body starts at 根据
    ("某某娱乐·K8根据区委统一部署,2021年5月6日至6月30日,区委巡察组对区水务局党组开展了巡察。",
     "", "根据区委"),
    # first line of comma-separated spam keywords
    (f"在线看,免费看,最新网址\n{TITLE}\n{BODY}", TITLE, "根据县委"),
    # title broken over two lines
    (f"北塘县审计局党组关于第十二届\n县委巡察整改进展情况的通报\n{BODY}",
     "北塘县审计局党组关于第十二届县委巡察整改进展情况的通报", "根据县委"),
    # title broken over three lines
    (f"中共青溪区统计局党组\n关于巡察整改\n进展情况的通报\n{BODY}",
     "中共青溪区统计局党组关于巡察整改进展情况的通报", "根据县委"),
    # no title at all: the text opens with the body
    (BODY, "", "根据县委"),
    # one-line notice: title, space, body
    (f"{TITLE} {BODY}", TITLE, "根据县委"),
    # a 【通报】 tag and a date glued to the title line
    (f"【通报】{TITLE} 2024-03-18\n{BODY}", TITLE, "根据县委"),
    # traditional mirror with pinyin; the title keeps its written form
    ("中共北塘縣統計局黨組關於巡察整改進(jìn)展情況的通報\n根據(jù)縣委統一部署,縣委第二巡察組對縣統計局黨組開展了巡察。",
     "中共北塘縣統計局黨組關於巡察整改進展情況的通報", "根據縣委"),
    # an organisation header without any cue word is no title
    (f"澜江市第三人民医院\n{BODY}", "", "根据县委"),
    # a summary headline without 巡察 in it
    ("北塘县35个党组织接受“政治体检”\n近日,县委对35个单位党组织开展了巡察。", "北塘县35个党组织接受“政治体检”", "近日"),
    # a feedback news item starting with a date
    ("县委第一巡察组巡察县统计局情况反馈会召开\n6月18日,县委第一巡察组向县统计局党组反馈巡察情况。",
     "县委第一巡察组巡察县统计局情况反馈会召开", "6月18日"),
    # an aggregator page: bullet lines run together, no 。; far too long for a title
    (AGGREGATOR, "", "巡视安排"),
]


@pytest.mark.parametrize("text,title,body_head", LAYOUT_CASES)
def test_title_and_body_start(text, title, body_head):
    nt, values = run_page(text)
    assert values.get("title", "") == title
    assert nt.title == title
    assert nt.text[nt.body_start:].startswith(body_head)


@pytest.mark.parametrize("reader_title,expected", [
    # a meaningful reader title wins over the text
    ("澜江市审计局党组关于巡察整改情况的通报", "澜江市审计局党组关于巡察整改情况的通报"),
    # a site name as <title> is not meaningful: the text's title is used
    ("澜江市人民政府门户网站", TITLE),
    # a site suffix on the reader's title is stripped
    (f"{TITLE}_澜江市纪委监委网站", TITLE),
    # a column name as <title> is no title, even when the text has none
    # (checked below: the text's title line wins here)
    ("巡察整改专栏", TITLE),
    # a column name as <title> gives way to a real title line in the text
    ("澜江市纪委监委-巡察工作", TITLE),
])
def test_reader_title(reader_title, expected):
    _, values = run_page(f"{TITLE}\n{BODY}", title=reader_title)
    assert values["title"] == expected


# (text, metadata, expected publish_date)
DATE_CASES = [
    # reader metadata comes first
    (f"{TITLE}\n发布时间:2023-04-18\n{BODY}", {"publish_date": "2023-05-01"}, "2023-05-01"),
    # chrome line, ISO with time
    (f"{TITLE}\n发布时间:2023-04-18 09:12:33 来源:澜江市纪委监委\n{BODY}", {}, "2023-04-18"),
    # chrome line, Chinese style with padding
    (f"{TITLE}\n发布日期:2021年06月03日\n{BODY}", {}, "2021-06-03"),
    # 时间: with slashes
    (f"{TITLE}\n时间:2022/5/9 10:03:11 作者:党建办\n{BODY}", {}, "2022-05-09"),
    # glued date then 来源
    (f"{TITLE}\n2022-03-07 15:40:02来源:青溪区统计局\n{BODY}", {}, "2022-03-07"),
    # the last date line before the body wins
    (f"更新时间:2020-01-01\n{TITLE}\n日期:2022-09-30\n{BODY}", {}, "2022-09-30"),
    # a bracketed date line under the title
    (f"{TITLE}\n(2023年6月2日)\n{BODY}", {}, "2023-06-02"),
    # 成文时间 in a metadata block
    (f"- 发布机构:中共云岭镇委员会\n- 成文时间:2022年08月05日\n{TITLE}\n{BODY}", {}, "2022-08-05"),
    # date appended to the title line
    (f"{TITLE} 2024-03-18\n{BODY}", {}, "2024-03-18"),
    # signature: organisation line, then the date
    (f"{TITLE}\n{BODY}\n欢迎广大干部群众监督。\n中共北塘县统计局党组\n2024年9月3日", {}, "2024-09-03"),
    # a 发布时间 line below the body (page footer)
    (f"{TITLE}\n{BODY}\n责任编辑:王某 发布时间:2022-12-01", {}, "2022-12-01"),
    # a dispatch line is not a publish date
    (f"新华社北京3月9日电\n{TITLE}\n{BODY}", {}, None),
    # meeting dates inside the body are not publish dates
    ("县委第一巡察组向县统计局党组反馈巡察情况\n2024年6月3日,县委第一巡察组向县统计局党组反馈巡察情况。", {}, None),
    # a date line after a sentence (not an organisation line) is no signature
    (f"{TITLE}\n{BODY}\n联系电话:0000-1234567。\n2024年9月3日", {}, None),
]


@pytest.mark.parametrize("text,metadata,expected", DATE_CASES)
def test_publish_date(text, metadata, expected):
    _, values = run_page(text, metadata=metadata)
    assert values.get("publish_date") == expected


@pytest.mark.parametrize("text,expected", [
    ("2021年06月03日", "2021-06-03"),
    ("2023/11/7 14:05:21", "2023-11-07"),
    ("2023-06-02", "2023-06-02"),
    ("202X年X月X日", None),        # placeholder
    ("2023-02-30", None),          # no such day
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_reader_column_name_is_no_title():
    _, values = run_page(BODY, title="巡察整改专栏")
    assert "title" not in values
    assert values["doc_type"] == "rectification_report"


def test_url_from_metadata():
    _, values = run_page(f"{TITLE}\n{BODY}", metadata={"url": "https://example.org/a.html"})
    assert values["url"] == "https://example.org/a.html"
    _, values = run_page(f"{TITLE}\n{BODY}")
    assert "url" not in values


# (title, body, expected doc_type)
DOC_TYPE_CASES = [
    # rectification_report, title forms
    ("中共澜江市审计局党组关于十三届市委第二轮巡察整改情况的通报", "", "rectification_report"),
    ("北塘县统计局党组关于县委巡察反馈意见整改落实情况的报告", "", "rectification_report"),
    ("【通报】青溪区水务局党组关于巡察组整改情况的通报", "", "rectification_report"),
    ("澜江市档案馆党组关于巡察整改情况的公告", "", "rectification_report"),
    # rectification_report, body only
    ("", "根据市委统一部署,……。现将巡察整改情况予以公布。", "rectification_report"),
    ("", "根据县委部署,……。按照有关要求,现根据规定将巡察整改情况予以公开。", "rectification_report"),
    ("", "根据县委部署,……。现将整改落实情况报告如下:", "rectification_report"),
    # a title that never says 巡察, decided by the body sentence
    ("澜江学院关于“三重一大”制度执行情况的通报", "……。现将整改情况向社会通报如下。", "rectification_report"),
    # progress_report, title forms
    ("澜江市统计局党组关于巡察整改进展情况的通报", "", "progress_report"),
    ("青溪区审计局党组关于十三届区委第四轮巡察集中整改进展情况的通报", "", "progress_report"),
    ("【巡察整改】北塘县水务局巡察“回头看”整改进展情况", "", "progress_report"),
    ("问责812人!某省某厅通报巡视整改进展", "", "progress_report"),
    # 公开 / 公布 / 说明 as the title's last word
    ("澜江市审计局巡察整改进展情况公开", "", "progress_report"),
    ("北塘县水务局党组关于巡察整改情况的说明", "", "rectification_report"),
    # progress_report, body only (and title without 进展 but the sentence has it)
    ("", "根据区委统一部署,……。现将巡察整改进展情况予以公布。", "progress_report"),
    ("澜江市民政局党组关于巡察整改情况的通报", "……。现将巡察集中整改进展情况予以公布。", "progress_report"),
    # feedback_news, title forms
    ("市委第十二巡察组向市审计局党组反馈巡察情况", "", "feedback_news"),
    ("县委第一巡察组巡察县统计局情况反馈会召开", "", "feedback_news"),
    ("【巡察反馈】县委第三巡察组向县水务局党组反馈意见", "", "feedback_news"),
    ("九届市委第三轮巡察完成反馈", "", "feedback_news"),
    ("校党委召开第二轮巡察集中反馈会", "", "feedback_news"),
    # feedback_news, body only
    ("", "6月18日,县委第一巡察组巡察县统计局党组情况反馈会召开。局党组书记主持会议并作表态发言。",
     "feedback_news"),
    # a truncated report that stops before its 现将 sentence
    ("", "根据区委统一部署,区委第二巡察组对区档案馆党组开展了巡察,并于8月11日反馈了巡察意见。"
         "区档案馆党组对巡察反馈问题高度重视,成立整改工作领导小组,扎实推进整改", "rectification_report"),
    # feedback news whose only cue is its first sentence
    ("", "6月3日,县委第一巡察组向县统计局党组反馈巡察情况。县委巡察办负责同志出席。", "feedback_news"),
    # 反馈巡察“回头看”情况 / 反馈第二轮巡视情况: words between 反馈 and 情况
    ("", "4月2日,市委第五巡察组到市文旅局反馈巡察“回头看”情况。局党组书记出席。", "feedback_news"),
    ("校党委向外国语学院反馈第二轮巡视情况", "", "feedback_news"),
    # 反馈大会 held in a township, no 巡察情况 wording
    ("", "3月2日下午,县委第三巡察组在云岭镇召开巡察“回头看”情况反馈大会,镇党委书记作表态发言。", "feedback_news"),
    # a report whose lead mentions the feedback meeting is still a report
    ("", "根据县委统一部署,县委巡察组对县水务局党组开展了巡察。巡察反馈会后,局党组高度重视。"
         "现将巡察整改情况予以公布。", "rectification_report"),
    # joint feedback of a round: the first sentence is the feedback itself
    ("", "5月9日至12日,县委四个巡察组分别向青溪镇党委、县水务局党组等8个党组织反馈巡察情况。", "feedback_news"),
    # summary_news
    ("十九届中央第六轮巡视整改进展情况开始公布", "", "summary_news"),
    ("北塘县35个党组织接受“政治体检”", "", "summary_news"),
    ("", "近日,区委4个巡察组对区民政局、区农业局等4家单位开展常规巡察。……", "summary_news"),
    ("", "2023年,县委对35个单位党组织开展了巡察,……。现将整改进展情况向社会公开。", "summary_news"),
    # plan
    ("市人社局办公室关于印发《就业补贴专项治理“回头看”实施方案》的通知", "", "plan"),
    ("", "为进一步规范资金管理,结合我局实际,特制定本方案。\n一、总体要求\n……\n二、工作要求\n……", "plan"),
    # other
    ("市委第十三巡察组回访督查澜江城发集团整改情况", "", "other"),
    ("北塘县召开巡察整改通报会", "", "other"),
    ("", "5月6日,县委巡察办组织开展巡察整改调研督查,实地查看了…", "other"),
    # error page and non-notice text
    ("", "404 页面不存在", "other"),
    # a policy document about publishing rectification is no report
    ("关于做好巡察整改情况公开工作的意见", "为进一步加强巡察整改工作,现就公开工作提出如下意见。", "other"),
    ("澜江职业学院党委巡察工作规程", "为规范巡察工作,结合学校实际,制定本规程。", "other"),
    # traditional title (already simplified for matching)
    ("澜江市统计局党组关于巡察整改进展情况的通报", "", "progress_report"),
    # the title beats a body that reads like feedback news
    ("北塘县水务局党组关于巡察整改情况的通报", "6月3日,县委第一巡察组向县水务局党组反馈了巡察意见。", "rectification_report"),
    # untitled feedback news: a photo caption 会议现场 then 将巡察情况进行通报 is no report sentence
    ("", "根据学院党委统一部署,5月8日,在青溪校区召开学院党委第三巡察组巡察护理系党总支意见反馈会议。\n"
         "会议现场\n会上,巡察组组长首先将巡察情况进行通报。", "feedback_news"),
    # the inspection intro first, then 向…反馈巡察情况 and a paragraph 巡察反馈指出:
    ("", "根据市委部署,2019年4月2日至5月2日,市委第二专项巡察组对我区教育系统开展了专项巡察。"
         "近日,市委第二专项巡察组向我区教育系统反馈巡察情况。\n巡察反馈指出,教育系统在党的建设等方面"
         "存在23个具体问题。\n巡察反馈要求,要扎实推进整改工作。", "feedback_news"),
    # a whole round fed back by several groups (分别向 … 反馈), not a summary of a round
    ("", "根据校党委统一部署,6月2日至6日,三届党委第三轮巡察两个巡察组分别向本轮被巡察的外国语学院、"
         "艺术学院等4家二级党委进行了“一对一”的巡察反馈。", "feedback_news"),
    ("", "根据省委巡视工作安排,十一届省委第二轮巡视反馈工作近日全部完成。\n12个省委巡视组分别向"
         "30个被巡视党组织进行了现场反馈。省委巡视办有关负责同志出席相关反馈会议。", "feedback_news"),
    # a round's feedback told over several paragraphs: 分别向 and 反馈指出 further down
    ("", "根据市委巡察工作安排,市委第五轮巡察分4个组开展了常规巡察,对澜江港务集团、市档案馆等6个单位"
         "的党组织开展了巡察。\n4月2日,市委巡察工作领导小组召开会议,听取了巡察情况汇报。\n"
         "5月6日至5月20日,市委各巡察组分别向被巡察党组织反馈了巡察情况。\n反馈指出,……\n"
         "反馈强调,各被巡察党组织要扎实推进巡察整改。", "feedback_news"),
    # the lead lost to page chrome: the group leader reads out the feedback
    ("", "会上,县委第四巡察组组长李青同志通报了县委第四巡察组关于对县水务局党组开展巡察情况的反馈意见,"
         "并对整改工作提出要求。", "feedback_news"),
    # a county's progress across rounds: finished counts in the lead beat a 反馈会议 mention
    ("", "北塘县委扎实做好巡察“后半篇文章”。截至目前,前五轮反馈的820个问题已完成整改801个,完成率达97%。"
         "巡察反馈时,领导小组成员参加反馈会议并提出要求。", "summary_news"),
    # 主持会议并作了表态发言 (with 了) in the lead
    ("", "近日,青溪区委第三巡察组向区水务局党组反馈了巡察意见,局党组书记主持会议并作了表态发言。", "feedback_news"),
    # a mobilisation meeting of an inspection is other news, though its lead has 表态发言
    ("", "根据县委统一部署,10月11日,县委第一巡察组对县城投集团党委开展巡察“回头看”工作动员会在集团会议室"
         "召开。集团党委书记主持会议并作表态发言。", "other"),
    # ... while a feedback meeting that mentions 听取 in its first sentence stays feedback news
    ("", "6月3日,县委第二巡察组巡察县医保局党组情况反馈会召开,会议传达了县委书记听取巡察情况汇报时的讲话精神。",
     "feedback_news"),
    # a rank word (调研员) in a feedback lead is no research visit
    ("", "近日,市委第三巡察组组长、一级调研员李青带队向市水务局党组进行反馈,局党组书记作表态发言。",
     "feedback_news"),
    # meetings that study the rectification are other news
    ("", "3月2日,澜江设计院公司党委召开专题会议,研究巡察整改和审计整改工作,会议要求压实责任。", "other"),
    ("", "为确保市委巡察组反馈意见整改落实到位,4月9日下午,院党委召开党委会专题研究部署巡察反馈整改工作。",
     "other"),
    # report sentences with 现就 / 现对 instead of 现将
    ("", "根据县委统一部署,……。现就巡察整改情况公布如下:", "rectification_report"),
    ("", "根据县委统一部署,……。现对巡察集中整改进展情况予以通报。", "progress_report"),
    # 特将…, …公示。 and …予以公示
    ("", "根据县委统一部署,……。特将巡察整改进展情况予以公布。", "progress_report"),
    ("", "根据县委统一部署,……。现将巡察整改情况公示。", "rectification_report"),
    ("", "根据县委统一部署,……。现将巡察整改工作进展情况予以公示。", "progress_report"),
    # 反馈指出的问题 inside a report's sentence is no feedback news cue
    ("", "根据区委统一部署,区委第一巡察组对区档案馆党组开展了巡察。针对巡察反馈指出的问题,区档案馆党组"
         "高度重视,扎实推进整改工作,确保整改到位", "rectification_report"),
    # a round fed back over a range of days, in a dated sentence of its own
    ("", "按照县委统一部署,2023年4月至5月,县委6个巡察组对全县45个村开展了巡察。\n8月3日—5日,县委巡察组"
         "先向各乡镇党委、再向被巡察村反馈巡察情况。\n巡察发现,部分村党支部落实主体责任不到位。", "feedback_news"),
    # the aggregator page: a heading over the fed-back problems with a list after it
    ("", AGGREGATOR, "feedback_news"),
    # ... but 对照巡察反馈的主要问题, in a report's sentence, is no such heading
    ("", "根据区委统一部署,区委第一巡察组对区档案馆党组开展了巡察。对照巡察反馈的主要问题,区档案馆党组"
         "逐条制定整改措施,扎实推进整改", "rectification_report"),
    # news about the rectification of many units has no report sentence: summary news
    ("", "新华网北京9月2日电 近日,中央纪委网站陆续公布了第十二轮巡视中18所中管企业的巡视整改情况。"
         "多家企业列出了整改清单,推动整改落实。", "summary_news"),
    ("", "记者从有关方面获悉,今年第三轮巡视反馈情况已全部公开,涉及甲省、乙省等8个省区市和2个单位。"
         "多地召开会议部署巡视整改,要求把整改落实作为政治任务。", "summary_news"),
    ("青溪日报:21所省属高校亮出巡视整改清单", "各高校对照巡视反馈问题推进整改,巡视整改任务逐项销号。",
     "summary_news"),
    # N个中央巡视组分别对…开展巡视: a whole round
    ("", "根据中央统一部署,第三轮巡视从3月初开始。8个中央巡视组分别对甲省、乙省、某部开展巡视。被巡视单位"
         "将在反馈后两个月内报送整改情况,领导小组将对整改落实情况进行监督。", "summary_news"),
    # a truncated report on the org and its own sub-units stays a report
    ("", "根据区委统一部署,区委第二巡察组对区水务局党组及所属3个单位开展了巡察。区水务局党组对巡察反馈问题"
         "高度重视,成立整改工作专班,扎实推进整改", "rectification_report"),
    # 发现 is no report sentence's 现
    ("", "3月5日,县委巡察办开展巡察整改调研督查,督查发现,个别单位对整改情况如下说明不实。", "other"),
    # a term's or a year's work across a jurisdiction is summary news, even when it speaks of
    # 整改 twice or of feedback meetings further on
    ("", "自2017年本届市委开展首轮巡察以来,全市巡察共发现问题5120个,移交问题线索640件。青溪区建立"
         "整改清单,北塘县推行销号制度,巡察整改质效不断提升。", "summary_news"),
    ("", "十九届县委以来,北塘县委巡察机构压紧压实巡察整改责任。县委巡察办每次巡察都邀请分管领导参加"
         "反馈会议,督促抓好整改。", "summary_news"),
    ("", "今年以来,澜江州从完善制度入手,扎实推进巡视巡察整改。州委分2轮完成对15个单位的常规巡察,"
         "推动整改落实。", "summary_news"),
    # but a single unit's report that begins with 以来 stays a report
    ("", "巡察反馈以来,县审计局党组高度重视,扎实推进巡察整改。现将巡察整改进展情况予以公布。",
     "progress_report"),
    # news that a 整改情况的通报 was published is that report (progress when it says 进展)
    ("", "本报讯 青溪网站今天发布了《中共青溪县委关于巡视整改情况的通报》。通报称,清理了3名干部违规"
         "兼职问题。", "rectification_report"),
    ("", "网站日前刊发《澜江市水利局党组关于巡察整改进展情况的通报》,列出已完成的12项任务。",
     "progress_report"),
    # a purpose clause opens the body; the event (约谈) is in the next sentence: other news,
    # though the lead also counts 等6家单位
    ("", "为进一步压实整改主体责任,推动问题整改到位。6月8日,青溪区委巡察工作领导小组约谈区水务局、"
         "区商务局等6家单位主要负责人。会上,各单位汇报了巡察整改情况。", "other"),
]


@pytest.mark.parametrize("title,body,expected", DOC_TYPE_CASES)
def test_parse_doc_type(title, body, expected):
    cue = parse_doc_type(title, body)
    assert cue.doc_type == expected
    assert cue.doc_type in DOC_TYPES


def test_doc_type_on_traditional_mirror():
    # pinyin stripped and 進展 converted before matching
    text = ("北塘縣統計局黨組關於巡察整改情況的通報\n根據(jù)縣委統一部署,……。"
            "現(xiàn)將巡察整改進(jìn)展情況予以公布。")
    _, values = run_page(text)
    assert values["doc_type"] == "progress_report"


def test_doc_type_title_less_progress_report():
    _, values = run_page("根据区委统一部署,区委第三巡察组对区档案馆开展了巡察。现将巡察整改进展情况予以公布。")
    assert values["doc_type"] == "progress_report"
    assert "title" not in values


@pytest.mark.parametrize("line,expected", [
    ("发布时间:2023-04-18 09:12:33 来源:澜江市纪委监委 浏览次数:356", True),
    ("所在位置:首页 > 纪检监察 >", True),
    ("首页 > 新闻中心 > 巡察工作 > 正文", True),
    ("访问量:0", True),
    ("保护视力色:", True),
    ("国内统一刊号:CN42-0000", True),
    ("澜江市审计局党组关于巡察整改情况的通报", False),
    ("市福利彩票发行中心党支部关于巡察整改情况的通报", False),
])
def test_is_chrome(line, expected):
    assert is_chrome(line) is expected


def test_clean_title_reports_stripped_date():
    title, date = clean_title("澜江市审计局党组关于巡察整改情况的通报 2024-03-18")
    assert title == "澜江市审计局党组关于巡察整改情况的通报"
    assert date is not None and date[0] == "2024-03-18"


# ---- golden seeds -----------------------------------------------------------

SEED_TITLES = {
    "dongxihu-renshe-2025": "东西湖区人社局党组关于区委第九轮巡察“回头看”反馈意见整改进展情况的通报",
    "yuhu-minzheng-2023": "中共湘潭市雨湖区民政局党组关于巡察整改进展情况的通报",
    "wuhan-renshe-plan-2022": "市人社局办公室关于印发《就业补助资金“一卡通”突出问题专项治理“回头看”实施方案》的通知",
    "hangzhou-minzheng-2023": "中共杭州市民政局党组关于市委巡察整改情况的通报",
    "gonghui-anon-2023": "工会审计巡察:三方面28个问题清单、整改情况报告",
}


def seed_document(seed_id: str) -> Document:
    """Build the seed's Document as a reader would (front matter parsed for .md)."""
    for path in SEEDS.iterdir():
        if path.stem != seed_id:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            _, front, text = text.split("---", 2)
            meta = yaml.safe_load(front)
            return Document(text=text, source_path=path.name, source_format="md",
                            title=meta["title"], metadata={"publish_date": str(meta["date"])})
        return Document(text=text, source_path=path.name, source_format="txt")
    raise FileNotFoundError(seed_id)


def gold() -> dict[str, dict]:
    lines = (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["id"]: row for row in map(json.loads, filter(None, lines))}


@pytest.mark.parametrize("seed_id", sorted(SEED_TITLES))
def test_seed_page_fields(seed_id):
    expected = gold()[seed_id]
    nt = NoticeText.from_document(seed_document(seed_id))
    values = {f.field: f.value for f in extract_page_fields(nt, {})}
    assert values["doc_type"] == expected["doc_type"]
    assert values.get("publish_date") == expected["publish_date"]
    assert values["title"] == SEED_TITLES[seed_id]
    assert nt.match[nt.body_start:].lstrip().startswith(("根据", "现将"))


@pytest.mark.parametrize("module", ["analysis.fields.page_layout", "analysis.fields.page_dates",
                                    "analysis.fields.page_doctype"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("text, doc_type", [
    # a byline glued before the lead: the lead is body, not a title
    ("澜江新闻网讯(通讯员 王某 李某)8月12日上午,北塘县委第二巡察组关于对县教育局开展专项巡察情况"
     "反馈会在县教育局召开。教育局全体班子成员参加会议。", "feedback_news"),
    # a one-sentence lead shaped like a title, followed by more sentences on the same line
    ("市委第三巡察组巡察市档案馆党组情况反馈会召开。会议由市档案馆党组书记主持。"
     "巡察组组长通报了巡察发现的主要问题。", "feedback_news"),
])
def test_lead_that_reads_like_a_title_is_body(text, doc_type):
    layout, values = run_page(text)
    assert values["doc_type"] == doc_type
    assert "title" not in values


# ---- doc_type on news and distractors ----------------------------------------
NEWS_AND_DISTRACTORS = [
    # an entry announcement of a whole round: groups stationed, phone and mailbox for reports;
    # many units and 现将…公布如下, yet neither summary nor report
    ("", "按照区委统一部署,十届区委第三轮巡察共派出4个巡察组,对云岭镇等8个单位党组织开展常规巡察。"
         "巡察期间,各巡察组设专门值班电话和邮政信箱,受理反映被巡察单位领导班子问题的来信来电来访。"
         "现将各巡察组联系方式公布如下:", "other"),
    # ... and one group's, stationed at one unit, with a phone and an e-mail address
    ("", "按照县委统一部署,3月2日,县委第一巡察组进驻县图书馆党支部开展为期40天的巡察。巡察期间设举报"
         "电话:0000-1234567,电子邮箱:beitang@example.com。", "other"),
    ("澜江市委第二巡察组进驻市水务局开展巡察", "巡察组将对市水务局党组开展为期两个月的巡察。", "other"),
    # ... but feedback news that gives a phone number stays feedback news
    ("", "6月3日,县委第二巡察组向县医保局党组反馈了巡察意见。县医保局党组书记主持会议并作表态发言。"
         "巡察期间受理来信来电来访12件,联系电话:0000-7654321。", "feedback_news"),
    # ... and a report whose title says 进驻 is still a report
    ("关于市委巡察组进驻期间反馈问题整改情况的通报", "根据市委统一部署,……。", "rectification_report"),
    # training, experience exchanges, discipline cases, a leading group's meeting
    ("", "3月8日,青溪区委巡察办举办巡察干部业务培训班,即将参加第五轮巡察的40名干部参加培训。", "other"),
    ("澜江市召开巡察整改工作经验交流会", "会上,5个单位介绍了推进巡察整改的做法。", "other"),
    ("北塘县纪委监委通报3起巡察发现的违纪典型案例", "1.云岭镇财政所原所长王某违规发放补贴问题。",
     "other"),
    ("", "近日,北塘县纪委监委通报了3起巡察中发现的典型违纪案例,对相关责任人给予党纪处分。", "other"),
    ("", "5月6日下午,青溪区巡察整改工作领导小组会议在区政府召开。根据区委第二巡察组的反馈意见,"
         "区里将整改任务分解为18项,逐项推进整改。", "other"),
    # plans: 关于开展…的通知, 现将有关事项通知如下, a 规划, a plan's own name as a line
    ("关于开展巡察整改“回头看”评估工作的通知", "各相关单位:为巩固巡察整改成果,决定开展评估。", "plan"),
    ("", "根据学校党委巡察工作安排,决定开展巡察整改“回头看”。现将有关事项通知如下。\n一、时间安排",
     "plan"),
    ("十四届澜江市委巡察工作规划(2022—2026年)", "为统筹推进本届市委巡察工作,制定本规划。", "plan"),
    ("", "近日,北塘县委审议通过《十五届北塘县委巡察工作规划(2022—2026年)》,明确5年巡察全覆盖。",
     "plan"),
    ("", "首轮巡察反馈工作方案\n一、工作背景\n1.1政策背景\n二、工作框架\n2.1反馈原则", "plan"),
    # summaries of many units' rectification
    ("青溪区12个巡视点的整改报告集中公布", "各巡视点对照反馈问题推进整改。", "summary_news"),
    ("澜江晒出巡察整改清单", "全市各被巡察单位在网站公开整改情况。", "summary_news"),
    ("", "近日,澜江市召开会议,通报2019年以来市委巡察发现的8个方面共性问题。会议要求各单位对照整改。",
     "summary_news"),
    # feedback news from a state-assets commission's or a group company's group
    ("省国资委党委第二巡察组向澜江交通集团党委反馈巡察情况", "集团党委书记主持会议并作表态发言。",
     "feedback_news"),
    ("", "9月6日,集团党委第三巡察组向所属云岭物流公司党支部反馈了巡察意见。公司党支部书记作表态发言。",
     "feedback_news"),
    # the feedback made public: a report-like sentence about the feedback alone, no 整改
    ("中共青溪区统计局党组关于向社会公开巡察反馈情况的通报", "根据区委统一部署,……。", "feedback_news"),
    ("", "根据区委统一部署,区委第四巡察组对区统计局党组开展了巡察。现将巡察反馈情况向社会公开如下:",
     "feedback_news"),
    # ... while the feedback's rectification made public stays a report
    ("", "根据区委统一部署,区委第四巡察组对区统计局党组开展了巡察。现将巡察反馈意见整改情况向社会公开如下:",
     "rectification_report"),
]


@pytest.mark.parametrize("title,body,expected", NEWS_AND_DISTRACTORS)
def test_doc_type_news_and_distractors(title, body, expected):
    assert parse_doc_type(title, body).doc_type == expected


def test_unit_report_in_a_traditional_mirror_stays_a_report():
    # a reposting site: spam first line, a headline of its own, pinyin after changed characters
    text = ("精品视频,在线观看,免费下载\n首頁 > 行業新聞 > 處罰120人!澜江市衛健委通報巡視整改進展\n"
            "發(fā)布時間:2023-06-24\n根據省委巡視工作統(tǒng)一部署,省委第三巡視組對市衛(wèi)生健康委黨組"
            "開展了專項巡視。2022年11月9日,省委第三巡視組向市衛(wèi)生健康委黨組反饋了巡視意見。"
            "按照巡視工作有關要求,現將集中整改進展情況予以公布。\n一、巡視整改組織領導情況")
    _, values = run_page(text)
    assert values["doc_type"] == "progress_report"


def test_page_without_a_body_is_read_whole():
    # a document viewer lists page names and a table of contents; the layout finds no body
    text = "首轮巡察反馈工作方案_第1页\n首轮巡察反馈工作方案_第2页\n一、巡察工作背景与意义1.1政策背景与时代要求"
    _, values = run_page(text)
    assert values["doc_type"] == "plan"


@pytest.mark.parametrize("body, expected", [
    # a plan's own name as the first line
    ("北塘县巡察整改“回头看”工作方案\n一、总体目标\n巩固整改成果。", "plan"),
    # ... but an outline heading of a report that names its 整改工作方案 is no plan
    ("根据县委统一部署,县委第二巡察组对县医保局党组开展了巡察。\n一、制定整改工作方案\n局党组研究"
     "巡察整改工作,逐项推进整改。", "rectification_report"),
    ("(一)认真制定整改工作方案\n局党组对照巡察反馈问题推进整改,巡察整改工作逐项落实。",
     "rectification_report"),
])
def test_plan_name_line_only_at_the_top(body, expected):
    assert parse_doc_type("", body).doc_type == expected
