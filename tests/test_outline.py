"""Outline markers: every heading form, inline markers, switching styles."""
from __future__ import annotations

import pytest

from analysis.text.normalize import normalize_text
from analysis.text.outline import find_outline, parse_cn_number


def _outline(text: str) -> list[tuple[str, int, int | None, str]]:
    return [(h.kind, h.level, h.number, h.text) for h in find_outline(normalize_text(text))]


@pytest.mark.parametrize("text, expected", [
    # the plain three-level skeleton, full-width brackets and colons
    ("一、整改工作开展情况\n（一）提高政治站位\n1.召开专题会议\n（1）传达精神",
     [("cn", 1, 1, "整改工作开展情况"), ("paren_cn", 2, 1, "提高政治站位"),
      ("num", 3, 1, "召开专题会议"), ("paren_num", 4, 1, "传达精神")]),
    # 1、 is the same style as 1.; the heading text stops at the first 。
    ("1、学习不深入。具体表现为次数少。\n2、制度不健全。",
     [("num", 1, 1, "学习不深入"), ("num", 1, 2, "制度不健全")]),
    # circled numbers under an Arabic list
    ("1.资产管理\n①台账不全\n②账实不符",
     [("num", 1, 1, "资产管理"), ("circled", 2, 1, "台账不全"), ("circled", 2, 2, "账实不符")]),
    # 问题1. / 问题 2. with a space, statement is the first sentence
    ("问题 1. 自查走过场。本单位仅报送3条线索。\n问题2.台账管理混乱。",
     [("problem_num", 1, 1, "自查走过场"), ("problem_num", 1, 2, "台账管理混乱")]),
    # markdown headings lose their hashes in normalisation
    ("## 二、集中整改情况\n### （一）关于“学习不够深入”方面。\n#### 1.针对“笔记不全”问题的整改。",
     [("cn", 1, 2, "集中整改情况"), ("paren_cn", 2, 1, "关于“学习不够深入”方面"),
      ("num", 3, 1, "针对“笔记不全”问题的整改")]),
    # a 关于“…”问题 line with no marker at all
    ("关于“食堂账目不清”的问题\n整改情况:已完成。",
     [("about", 1, None, "关于“食堂账目不清”的问题")]),
    # inline after "。 ": found once; a 针对“…”问题, sentence in running text is no heading
    ("前言。 关于“台账不全”的问题 整改情况:已完成。\n针对“三重一大”问题,局党组修订了议事规则。",
     [("about", 1, None, "关于“台账不全”的问题整改情况:已完成")]),
    # a 。 inside the quotes does not end the heading
    ("一、关于“学习不深。落实不力”问题的整改情况\n1.加强学习。",
     [("cn", 1, 1, "关于“学习不深。落实不力”问题的整改情况"), ("num", 2, 1, "加强学习")]),
    # 关于A。B的问题: the frame left open by the first 。 closes in the next sentence
    ("(1)关于台账登记有遗漏。票据审核不严的问题。一是补登台账。\n(2)关于报销不及时。已整改。",
     [("paren_num", 1, 1, "关于台账登记有遗漏。票据审核不严的问题"),
      ("paren_num", 1, 2, "关于报销不及时")]),
    # a findings sentence (经核查…的问题) after it is description, not the frame's end
    ("(1)关于台账登记有遗漏。经核查,存在票据缺失的问题。",
     [("paren_num", 1, 1, "关于台账登记有遗漏")]),
    # traditional characters keep the same markers
    ("一、關於“統計數據不準”的問題\n（一）財務管理不規範",
     [("cn", 1, 1, "關於“統計數據不準”的問題"), ("paren_cn", 2, 1, "財務管理不規範")]),
    # a bulleted list item "- 1." still counts
    ("- 1. 就业政策落实不到位问题。\n2. 违规发放问题。",
     [("num", 1, 1, "就业政策落实不到位问题"), ("num", 1, 2, "违规发放问题")]),
])
def test_heading_forms(text, expected):
    assert _outline(text) == expected


@pytest.mark.parametrize("text, expected", [
    # whole notice on one line: markers after "。 " and after a heading + space
    ("现将整改情况予以公布。 一、总体推进情况 1.压实责任。局党组研究3次。 二、反馈问题整改情况 1.学习不深入。",
     [("cn", 1, 1, "总体推进情况"), ("num", 2, 1, "压实责任"),
      ("cn", 1, 2, "反馈问题整改情况"), ("num", 2, 1, "学习不深入")]),
    # inline after 。 without a space, numbering carried on
    ("1.学习不深入。整改情况:已完成。2.制度执行不严。整改情况:正在推进。",
     [("num", 1, 1, "学习不深入"), ("num", 1, 2, "制度执行不严")]),
    # a lone inline 2. that continues nothing is not a marker
    ("整改情况:已完成。2.制度执行不严。",
     []),
    # inline list after a colon and a semicolon
    ("主要包括:1.台账不全;2.账实不符。",
     [("num", 1, 1, "台账不全"), ("num", 1, 2, "账实不符")]),
])
def test_inline_markers(text, expected):
    assert _outline(text) == expected


@pytest.mark.parametrize("text", [
    "截至2023年5.8亿元的项目已完工。",      # 5.8 is a decimal, not a marker
    "发文12号。邮编:430040。",               # numbers after 。 and : without a dot
    "时间:2022.5.9",                        # a dotted date
    "共追回资金3.5万元,其中1.2万元已退还。",  # decimals after a comma
])
def test_no_false_markers(text):
    assert _outline(text) == []


def test_style_switch_continues_numbering():
    # (一) then 2. 3. inside one section: the Arabic items are siblings of (一)
    text = "三、基层组织建设方面\n（一）民主集中制执行不力。\n2.队伍管理宽松软。\n3.内设机构设置不规范。\n四、其他"
    got = _outline(text)
    assert [(k, lvl, n) for k, lvl, n, _ in got] == [
        ("cn", 1, 3), ("paren_cn", 2, 1), ("num", 2, 2), ("num", 2, 3), ("cn", 1, 4)]


def test_numbering_carries_on_under_next_parent():
    # 1. 2. under (一), then 3. under (二): 3. is a child of (二), not its sibling
    text = "（一）学习方面\n1.学习不深。\n2.笔记不全。\n（二）纪律方面\n3.接待超标。"
    got = _outline(text)
    assert [(k, lvl, n) for k, lvl, n, _ in got] == [
        ("paren_cn", 1, 1), ("num", 2, 1), ("num", 2, 2), ("paren_cn", 1, 2), ("num", 2, 3)]


def test_offsets_point_into_the_text():
    text = normalize_text("前言。\n二、问题整改\n（一）学习不够深入。整改情况:已完成。")
    heads = find_outline(text)
    assert [text[h.start:h.body] for h in heads] == ["二、", "(一)"]
    assert [text[h.body:h.end] for h in heads] == ["问题整改", "学习不够深入"]


@pytest.mark.parametrize("s, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十九", 29), ("7", 7), ("⑤", 5),
    ("", None), ("甲", None),
])
def test_parse_cn_number(s, value):
    assert parse_cn_number(s) == value


def test_doctests():
    import doctest

    import analysis.text.outline
    assert doctest.testmod(analysis.text.outline).failed == 0
