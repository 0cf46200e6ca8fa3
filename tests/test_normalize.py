"""The canonical text form that every parser relies on."""
import pytest

from analysis.text.normalize import doc_id_for, normalize_text, strip_pinyin, to_simplified


@pytest.mark.parametrize("raw, want", [
    ("截至１１月７日，反馈的５个问题", "截至11月7日,反馈的5个问题"),        # full-width digits/comma
    ("（一）加强领导；压实责任：", "(一)加强领导;压实责任:"),               # full-width brackets
    ("认真研究讨 论整改方案", "认真研究讨论整改方案"),                         # stray space in a word
    ("截至 9 月 30 日，反馈的 5 个问题", "截至9月30日,反馈的5个问题"),          # spaces round numbers
    ("予以公布。 一、总体情况 1.压实责任", "予以公布。 一、总体情况 1.压实责任"),  # inline outline kept
    ("问题 2. 台账管理流于形式。", "问题 2. 台账管理流于形式。"),       # marker kept apart
    ("**五是强化日常巡查。**积极调整", "五是强化日常巡查。积极调整"),          # markdown bold
    ("## 一、主要做法", "一、主要做法"),                                       # markdown heading
    ("根據(jù)區委統(tǒng)一部署", "根據區委統一部署"),                        # glued pinyin
    ("整改,,落实,。完成", "整改,落实。完成"),                                  # doubled punctuation
    ("甲\u3000乙\u00a0丙", "甲乙丙"),
    ("发布时间:2023-06-02 16:43:23 来源:某市", "发布时间:2023-06-02 16:43:23来源:某市"),  # digits keep their space                                          # ideographic/nbsp space
    ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),                    # CRLF and CR
    ("a&nbsp;b &amp; c", "a b & c"),                                          # HTML entities
    ("\ufeff正文\u200b内容", "正文内容"),                                      # BOM, zero width
    ("标题\n\n\n\n\n正文", "标题\n\n正文"),                                    # runs of blank lines
])
def test_normalize_text(raw, want):
    assert normalize_text(raw) == want


def test_line_broken_mid_word_is_joined():
    para = "针对巡察反馈指出的漏报问题,局党组要求各业务科室立即开展全面排查并建立问题工作台账,劳动保"
    assert normalize_text(para + "\n\n障监察部门迅速组建核查组。") == (
        para + "障监察部门迅速组建核查组。")


@pytest.mark.parametrize("text", [
    "一、关于“台账管理不规范问题长期存在、整改推进缓慢”问题的整改情况\n\n按照要求完成了清理。",
    "(一)坚决扛牢整改主体责任\n\n局党组将继续坚持以政治建设为引领。",
])
def test_headings_are_not_joined_to_the_next_paragraph(text):
    assert normalize_text(text) == text


def test_to_simplified_keeps_length():
    trad = "區委第一巡察組對縣統計局黨組開展了常規巡察,現將整改進展情況予以公布。"
    simp = to_simplified(trad)
    assert len(simp) == len(trad)
    assert simp == "区委第一巡察组对县统计局党组开展了常规巡察,现将整改进展情况予以公布。"


def test_doc_id_same_for_traditional_mirror():
    assert doc_id_for("区委巡察组反馈意见") == doc_id_for("區委巡察組反饋意見")
    assert len(doc_id_for("x")) == 12


def test_strip_pinyin_leaves_outline_markers():
    assert strip_pinyin("(一)整改(2023年)") == "(一)整改(2023年)"
