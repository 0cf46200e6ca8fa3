"""Problems in feedback news: the invented texts of tests/news_cases.py, each list checked
whole, and the pieces that cut them (labels, 有的 clauses, shared predicates, clues)."""
from __future__ import annotations

import pytest
from news_cases import NEWS_CASES, NEWS_CASES_LATER

from analysis.document import Document
from analysis.fields.context import NoticeText
from analysis.problems.cued import label_lists
from analysis.problems.segment import extract_problems
from analysis.problems.split import is_not_item, split_enum, split_some


def _problems(text: str, doc_type: str = "feedback_news") -> list[str]:
    nt = NoticeText.from_document(Document(text=text, source_path="x.txt", source_format="txt"))
    return [p.problem for p in extract_problems(nt, doc_type)]


@pytest.mark.parametrize("name, text, expected", NEWS_CASES + NEWS_CASES_LATER,
                         ids=[c[0] for c in NEWS_CASES + NEWS_CASES_LATER])
def test_news_problem_lists(name, text, expected):
    assert _problems(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the label on a line of its own: the list runs while its sentences state shortcomings
    ("巡察组反馈了巡察情况。\n问题\n台账管理流于形式。资金拨付进度缓慢。\n下一步将督促整改。",
     ["台账管理流于形式", "资金拨付进度缓慢"]),
    # 问题 glued to the next word is no label (问题线索, 问题整改)
    ("问题线索已移交处理。建议加强监督。", []),
    ("问题整改不到位。建议加强监督。", []),
    # no closing label and no line of its own: 问题 opens an ordinary sentence
    ("巡察组指出了一些情况。问题主要在基层落实不到位。", []),
])
def test_bare_label_lists(text, expected):
    assert _problems(text) == expected


def test_label_list_runs_to_the_closing_label():
    t = "会上反馈情况。问题资金管理混乱。作风不实。另收到线索1件已移交。建议规范管理。"
    [(a, b, _)] = label_lists(t, 0)
    assert t[a:b] == "资金管理混乱。作风不实。另收到线索1件已移交。"


@pytest.mark.parametrize("text, expected", [
    # every 有的 opens an item, whatever precedes it
    ("有的单位账目混乱,有的干部违规兼职", ["有的单位账目混乱", "有的干部违规兼职"]),
    # a comma not before 有的 is left to the comma rule
    ("有的单位账目混乱,票据管理不规范", ["有的单位账目混乱,票据管理不规范"]),
    # the aspect before the first 有的 becomes a part of its own (dropped later)
    ("作风方面问题较多,有的干部不作为", ["作风方面问题较多", "有的干部不作为"]),
])
def test_split_some(text, expected):
    assert [text[a:b] for a, b in split_some(text, 0, len(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("档案管理不规范、资金拨付不及时", ["档案管理不规范", "资金拨付不及时"]),
    # the later item opens with a bare predicate: the end is shared, one item
    ("机关作风形式主义、官僚主义依然存在", ["机关作风形式主义、官僚主义依然存在"]),
    ("少数科室不作为、慢作为问题较多", ["少数科室不作为、慢作为问题较多"]),
    # one item without a predicate keeps the list whole
    ("公车私用、超标准接待、资金管理不规范", ["公车私用、超标准接待、资金管理不规范"]),
])
def test_split_enum(text, expected):
    assert [text[a:b] for a, b in split_enum(text, 0, len(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("此外,巡察组还收到反映干部的问题线索,已按程序移交", True),   # the clue sentence
    ("要切实抓好整改", True),                                    # a demand
    ("巡察组提出了意见建议", True),
    ("信访件办理不及时", False),
    ("线索处置不规范", False),                                   # a shortcoming about clues
])
def test_is_not_item(text, expected):
    assert is_not_item(text) is expected


def test_aspect_and_generic_parts_are_no_problems():
    text = ("巡视中干部群众反映的问题主要是:作风建设方面问题较多,有的干部违规兼职取酬,有的科室"
            "文件报送不及时。选人用人方面还存在一些突出问题,有的干部突击提拔。")
    assert _problems(text) == ["干部违规兼职取酬", "科室文件报送不及时", "干部突击提拔"]


def test_other_news_reads_no_inline_list():
    # a meeting or visit story (doc_type other) lists no problems inline
    text = "会议指出,存在学习不深入、管理不规范等问题。"
    assert _problems(text, "other") == []
    assert _problems(text, "feedback_news") == ["学习不深入", "管理不规范"]
