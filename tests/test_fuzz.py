"""Fuzz the text parsers: they never raise and never return impossible values.

Inputs are built from the pieces real notices are made of (outline markers,
Chinese and Arabic numerals, dates, money, count words, punctuation of both
widths), shuffled at random.
"""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.document import Document
from analysis.fields import extract_notice_fields
from analysis.fields.context import NoticeText
from analysis.problems.segment import extract_problems
from analysis.text.outline import find_outline

PIECES = [
    "一、", "二、", "(一)", "（二）", "1.", "2、", "(3)", "①", "问题1.", "问题 2. ", "关于“", "”问题的整改情况",
    "针对“", "整改情况:", "下一步", "主要做法", "。", ",", "，", ";", ":", "\n", "\n\n", " ",
    "巡察反馈的", "个方面", "个具体问题", "已完成整改", "正在整改", "均已完成整改", "完成率", "%",
    "万元", "元", "余", "挽回经济损失", "追回", "建立完善制度", "项", "条整改措施", "人", "批评教育",
    "年", "月", "日", "至", "截至", "反馈了巡察意见", "区委第", "巡察组", "第", "轮", "十", "二", "九",
    "百", "零", "两", "X", "202X", "0", "1", "7", "12", "31", "99", "2023", "20241", "2024113",
    "1,234.5", "3.1586", "99999999999", "不到位", "有差距", "不规范", "主要是", "等问题", "巡察",
    "根據", "(jù)", "區委", "整改進展", "**", "##", "—", "-", "~", "现将巡察整改情况予以公布",
]
texts = st.lists(st.sampled_from(PIECES), min_size=0, max_size=80).map("".join)
INT_FIELDS = ["inspection_round", "inspection_group", "problems_total", "aspects_total",
              "problems_completed", "problems_in_progress", "measures_total", "rules_total",
              "people_handled"]
DATE_FIELDS = ["inspection_start", "inspection_end", "feedback_date", "as_of_date",
               "publish_date"]
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _notice(text: str) -> NoticeText:
    return NoticeText.from_document(Document(text=text, source_path="x.txt",
                                             source_format="txt"))


@FUZZ
@given(texts)
def test_outline_never_raises_and_spans_are_inside(text):
    for heading in find_outline(text):
        assert 0 <= heading.start <= heading.end <= len(text)
        assert heading.number is None or heading.number >= 0


@FUZZ
@given(texts, st.sampled_from([None, "progress_report", "feedback_news", "summary_news",
                               "plan", "other"]))
def test_problems_never_raise_and_are_numbered(text, doc_type):
    nt = _notice(text)
    problems = extract_problems(nt, doc_type)
    assert [p.problem_no for p in problems] == list(range(1, len(problems) + 1))
    for p in problems:
        assert p.problem.strip()
        assert p.status in ("completed", "in_progress", "unknown")


@FUZZ
@given(texts)
def test_fields_never_raise_and_stay_in_range(text):
    _, values, facts = extract_notice_fields(Document(text=text, source_path="x.txt",
                                                      source_format="txt"))
    for field in INT_FIELDS:
        if values.get(field) is not None:
            assert int(values[field]) >= 0, field
    rate = values.get("completion_rate")
    assert rate is None or 0 <= rate <= 100
    money = values.get("recovered_wan")
    assert money is None or money >= 0
    for field in DATE_FIELDS:
        if values.get(field):
            day = date.fromisoformat(values[field])
            assert 1990 <= day.year <= 2100, field
    for fact in facts:
        if (fact.start, fact.end) == (-1, -1):      # a default decision with no span
            assert fact.field in ("doc_type", "anonymized"), fact
        else:
            assert 0 <= fact.start <= fact.end, fact


def test_comma_splitting_of_a_span_with_nothing_but_commas():
    """A list item that is only commas once spaces and quotes are gone gives no item."""
    from analysis.problems.split import split_commas
    assert split_commas("问题:,,", 3, 5) == [] and split_commas("x", 1, 1) == []
