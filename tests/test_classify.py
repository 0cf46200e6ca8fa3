"""Problem categories: tokenizer, keyword rules, model, combination, overrides, CLI lines.

Statements in the tables are invented (places such as 澜江市, 青溪区, 北塘县 do not exist).
"""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis.classify import (
    CATEGORIES,
    Classification,
    apply_overrides,
    classify_texts,
    format_classify_lines,
)
from analysis.classify.combine import classify_with_model
from analysis.classify.model import load_labels, to_linear, train_model
from analysis.classify.overrides import parse_overrides
from analysis.classify.quality import build_leave_one_notice_out
from analysis.classify.rules import load_keywords, match_keywords
from analysis.classify.tokenize import load_userdict_terms, split_numbers, tokenize

# --- tokenizer -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "term"), [
    ("班子成员落实一岗双责不到位", "一岗双责"),
    ("“三重一大”事项未经集体研究", "三重一大"),
    ("落实第一议题制度有偏差", "第一议题"),
    ("三会一课记录不全", "三会一课"),
    ("村级四议两公开执行不严", "四议两公开"),
    ("巡察回头看发现问题整改不力", "回头看"),
    ("过紧日子思想树得不牢", "过紧日子"),
    ("落实八项规定不严", "八项规定"),
    ("落實一崗雙責不到位", "一岗双责"),          # traditional characters are simplified first
])
def test_tokenizer_keeps_user_dictionary_terms(text: str, term: str) -> None:
    assert term in tokenize(text)


@pytest.mark.parametrize(("text", "numbers"), [
    ("2023年培训费超支12.5万元", ["2023", "12.5"]),
    ("202X年至202X年未列席党组会议", ["202X", "202X"]),   # anonymisation placeholders
    ("完成率为98.5%", ["98.5%"]),
    ("资金1,234.5万元未拨付", ["1,234.5"]),               # thousands separator
    ("落实“三会一课”不到位", []),                          # Chinese numerals belong to the term
])
def test_split_numbers(text: str, numbers: list[str]) -> None:
    cleaned, found = split_numbers(text)
    assert found == numbers
    assert not any(ch.isdigit() for ch in cleaned)


def test_tokenize_strips_numbers_and_stopwords() -> None:
    tokens = tokenize("２０２２年共有12名干部存在兼职取酬问题")  # full-width digits too
    assert "兼职取酬" in tokens
    assert not [t for t in tokens if any(ch.isdigit() for ch in t)]
    assert "问题" not in tokens and "存在" not in tokens


def test_user_dictionary_is_large_enough() -> None:
    terms = load_userdict_terms()
    assert len(terms) >= 150 and len(set(terms)) == len(terms)


def test_jieba_initialises_quietly(capfd: pytest.CaptureFixture) -> None:
    code = ("from analysis.classify.tokenize import tokenize; "
            "print(tokenize('落实一岗双责不到位'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert "一岗双责" in result.stdout
    assert "prefix dict" not in result.stderr and result.stderr.strip() == ""


def test_import_does_no_work() -> None:
    code = ("import sys, analysis.classify; "
            "print(any(m in sys.modules for m in ('jieba', 'sklearn')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "False"


# --- keyword rules --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "category", "words"), [
    ("落实“第一议题”制度不到位", "learning", ["第一议题"]),
    ("公务车加油卡长期未核销", "finance", ["加油卡"]),
    ("干部选拔任用程序不规范", "personnel", ["选拔任用"]),
    ("“文山会海”问题依然存在", "conduct", ["文山会海"]),
    ("执行“三重一大”议事规则不到位", "party_building", ["三重一大", "议事规则"]),
    ("根治欠薪工作推进不力", "duty", ["根治欠薪"]),
    ("对审计指出的问题整改不彻底", "rectification", ["审计指出", "整改不彻底"]),
    # the longest keyword wins: 整改主体责任 is not also counted as 主体责任
    ("巡察整改主体责任落实不到位", "rectification", ["整改主体责任"]),
    # 党员干部 only blocks the weaker 党员
    ("党员干部违规收受礼品礼金", "conduct", ["礼品礼金"]),
    # so does 党员领导干部: the cadres are what it is about
    ("党员领导干部违规兼职取酬", "personnel", ["兼职取酬"]),
    # corruption named by the act is clean-governance work, not cadre selection
    ("个别干部借审批之机谋取私利", "party_building", ["谋取私利"]),
    ("执法人员与商户存在利益输送", "party_building", ["利益输送"]),
    # 用人 and 进人 alone, inside no longer keyword
    ("违规进人用人", "personnel", ["进人", "用人"]),
    # the unit's own field: land, gangs, poverty relief
    ("违法占用土地建房查处不力", "duty", ["土地"]),
    ("黑恶势力把持村务", "duty", ["黑恶势力"]),
    # faith and superstition belong to ideology work
    ("少数党员理想信念动摇", "learning", ["理想信念"]),
])
def test_rules_return_matched_words(text: str, category: str, words: list[str]) -> None:
    hit = match_keywords(text)
    assert hit.ranked()[0][0] == category
    assert hit.matched_by_category[category] == words


def test_rules_match_nothing_in_a_plain_statement() -> None:
    hit = match_keywords("推进非公企业入会打折扣")
    assert hit.scores == {} and hit.matched == []


def test_keyword_file_covers_every_named_category() -> None:
    table = load_keywords()
    used = {category for category, _ in table.values()}
    assert set(CATEGORIES) - {"other"} <= used
    assert all(weight in (0, 1, 2, 3) for _, weight in table.values())


# --- labelled set ----------------------------------------------------------------------

def test_labelled_set_shape() -> None:
    labels = load_labels()
    seeds = labels[labels["source"].str.startswith("seed:")]
    written = labels[labels["source"] == "written"]
    assert len(seeds) == 53
    assert len(seeds) + len(written) == len(labels)
    assert written.groupby("category").size().reindex(list(CATEGORIES)).min() >= 40
    assert set(labels["category"]) == set(CATEGORIES)
    first = labels["categories"].str.split(";").str[0]
    assert (first == labels["category"]).all()
    assert not labels["text"].duplicated().any()


# --- model and combination ---------------------------------------------------------------

def test_model_is_deterministic() -> None:
    labels = load_labels()
    texts = ["对下属单位指导不够有力", "办事流程繁琐群众不满意", "学习不深入"]
    first = train_model(labels["text"], labels["category"]).predict_proba(texts)
    second = train_model(labels["text"], labels["category"]).predict_proba(texts)
    assert (first == second).all()
    assert classify_texts(texts) == classify_texts(texts)


def test_linear_model_gives_what_scikit_learn_gives() -> None:
    """The numpy model a build applies equals the scikit-learn model it was taken from."""
    labels = load_labels()
    fitted = train_model(labels["text"], labels["category"])
    linear = to_linear(fitted)
    texts = labels["text"].tolist() + ["", "  ", "Abc  DEF 学习", "（二）202X年X月专项资金12.5万元"]
    expected = fitted.predict_proba(texts)
    got = linear.predict_proba(texts)
    assert linear.classes == fitted.classes
    assert np.abs(expected - got).max() < 1e-12
    assert (expected.argmax(axis=1) == got.argmax(axis=1)).all()


def test_classifying_does_not_import_scikit_learn(tmp_path) -> None:
    """Once trained (and kept on disk), the model is applied without scikit-learn or SciPy."""
    code = ("import sys; from analysis.classify import classify_texts; "
            "r = classify_texts(['推进非公企业入会打折扣']); "
            "print(r[0].source, any(m in sys.modules for m in ('sklearn', 'scipy')))")
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           timeout=300, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, env=env)
    assert first.stdout.split() == ["model", "True"]        # trained: scikit-learn needed
    assert second.stdout.split() == ["model", "False"]      # loaded from the cache
    assert list(tmp_path.glob("classifier-*.pkl"))


def test_leave_one_notice_out_accuracy_on_seeds() -> None:
    rows = build_leave_one_notice_out()
    assert len(rows) == 53
    assert rows["correct"].mean() >= 0.95


def test_classification_fields() -> None:
    [rule, model] = classify_texts(["落实“三会一课”制度不严格", "推进非公企业入会打折扣"])
    assert isinstance(rule, Classification)
    assert (rule.category, rule.source) == ("party_building", "rule")
    assert rule.matched == ["三会一课"] and rule.categories[0] == "party_building"
    assert model.source == "model" and model.matched == []
    for result in (rule, model):
        assert set(result.probabilities) == set(CATEGORIES)
        assert abs(sum(result.probabilities.values()) - 1) < 1e-3


def test_secondary_category_when_a_statement_spans_two() -> None:
    [result] = classify_texts(["对上轮巡察反馈的财务报销问题整改不到位"])
    assert result.category == "rectification"
    assert result.categories == ["rectification", "finance"]


def test_rules_win_only_when_decisive() -> None:
    """A lone keyword decides; keywords of two categories in balance go to the model."""
    labels = load_labels()
    model = train_model(labels["text"], labels["category"])
    [decisive, balanced] = classify_with_model(
        ["国有资产出租收益未入账", "民主生活会整改措施未落实"], model)
    assert decisive.source == "rule" and decisive.category == "finance"
    assert balanced.source == "model"


INVENTED = [
    ("北塘县委统战部推动民族宗教统战工作创新不够", "duty"),            # a 统战部's own mandate
    ("县医共体牵头医院作用发挥不充分,分级诊疗推进缓慢", "duty"),
    ("青溪区卫健委理论学习中心组全年专题研讨仅两次", "learning"),
    ("落实“第一议题”学习制度存在以读代学", "learning"),
    ("对网络舆情引导处置不及时，意识形态阵地管控存在盲区", "learning"),
    ("学习领会习近平总书记关于生态文明建设的重要论述不够深入", "learning"),
    ("青溪区医保中心专项资金拨付审核把关不严", "finance"),
    ("部分固定资产未登记入账，账实不符", "finance"),
    ("2023年培训费支出超出预算12.5万元", "finance"),            # numbers are ignored
    ("澜江市文旅局物资采购未执行比价程序", "finance"),
    ("干部选拔任用过程中考察谈话范围不全", "personnel"),
    ("北塘县人民医院编外聘用人员占比过高", "personnel"),
    ("干部人事档案中出生日期前后不一致未认定", "personnel"),
    ("中层干部长期不交流轮岗，个别干部同一岗位任职超过十年", "personnel"),
    ("违规接受企业安排的宴请", "conduct"),
    ("下乡调研蜻蜓点水，形式主义问题突出", "conduct"),
    ("会议文件数量居高不下，基层负担较重", "conduct"),
    ("落实中央八项规定精神不严，公车私用时有发生", "conduct"),
    ("支部“三会一课”记录不全，组织生活会质量不高", "party_building"),
    ("“三重一大”事项决策前未充分酝酿", "party_building"),
    ("领导班子成员落实“一岗双责”不力", "party_building"),
    ("云岭镇党委履行全面从严治党主体责任不到位", "party_building"),
    ("落實“三會一課”制度不嚴格", "party_building"),             # traditional characters
    ("农村低保对象动态调整不及时，存在应退未退", "duty"),
    ("青溪区中小学课后服务覆盖面不足", "duty"),
    ("养老机构消防安全隐患排查整治不到位", "duty"),
    ("城区背街小巷垃圾清运不及时，群众反映强烈", "duty"),
    ("澜江市法院执行案件结案周期长，审判质效不高", "duty"),
    ("上轮巡察反馈的食堂管理问题仍未整改到位", "rectification"),
    ("审计发现的超标准列支问题整改不彻底", "rectification"),
    ("巡视反馈意见整改台账销号不严，存在虚假销号", "rectification"),
    ("对主题教育检视问题整改敷衍", "rectification"),
    ("档案室库房条件不达标，档案保管存在风险", "other"),
    # the clusters the held-out feedback statements showed (duty vs party_building, personnel)
    ("青溪区国土所个别干部为亲属谋取私利", "party_building"),
    ("北塘县城投公司负责人与关联企业利益输送", "party_building"),
    ("澜江市林业站违规进人3名，未经公开招聘", "personnel"),
    ("中层干部超配2名", "personnel"),
    ("乡镇干部调整频繁，岗位空缺时间较长", "personnel"),
    ("涉黑涉恶线索核查不深，个别村被黑恶势力把持", "duty"),
    ("云岭镇脱贫攻坚责任落实不到位", "duty"),        # 责任 here is the unit's own task
    ("农村宅基地审批不严，违法占用耕地建房多发", "duty"),
    ("部分村干部理想信念淡化，热衷封建迷信", "learning"),
    ("单位负责人遇到矛盾不担当、不作为", "conduct"),
    ("涉密文件借阅登记不规范", "other"),
]


@pytest.mark.parametrize(("text", "category"), INVENTED)
def test_invented_statements(text: str, category: str) -> None:
    [result] = classify_texts([text])
    assert result.category == category, (result.source, result.matched)


def test_batch_matches_one_by_one() -> None:
    texts = [t for t, _ in INVENTED]
    batch = [r.category for r in classify_texts(texts)]
    single = [classify_texts([t])[0].category for t in texts[:5]]
    assert batch[:5] == single


# --- analyst overrides ------------------------------------------------------------------------

def _problems() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["aaa111bbb222", "aaa111bbb222", "ccc333ddd444"],
        "problem_no": pd.array([1, 2, 1], dtype="Int64"),
        "problem": ["甲", "乙", "丙"],
        "category": ["duty", "conduct", "finance"],
        "categories": ["duty", "conduct;duty", "finance"],
        "category_source": ["model", "rule", "rule"],
    })


def test_overrides_applied(tmp_path) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text("doc_id,problem_no,category,note\n"
                    "# doc_id from the problems table\n"
                    "aaa111bbb222,2,personnel;conduct,analyst check\n"
                    "zzz,1,duty,\n", encoding="utf-8")
    out = apply_overrides(_problems(), path)
    assert out.loc[1, ["category", "categories", "category_source"]].tolist() == [
        "personnel", "personnel;conduct", "manual"]
    assert out.loc[0, "category_source"] == "model"          # untouched rows stay
    assert out.loc[2, "category"] == "finance"
    assert _problems().loc[1, "category"] == "conduct"        # input not modified


def test_overrides_default_path_and_missing_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ANALYSIS_LABELS_DIR", str(tmp_path))
    assert apply_overrides(_problems(), None).equals(_problems())   # no file yet
    (tmp_path / "overrides.csv").write_text("doc_id,problem_no,category\nccc333ddd444,1,other\n",
                                            encoding="utf-8")
    out = apply_overrides(_problems(), None)
    assert out.loc[2, ["category", "category_source"]].tolist() == ["other", "manual"]


@pytest.mark.parametrize("row", [
    "aaa111bbb222,2,money",        # not a category
    "aaa111bbb222,two,duty",       # problem_no must be a number
    "aaa111bbb222,2,",             # empty category
])
def test_bad_override_rows_are_reported(row: str) -> None:
    with pytest.raises(ValueError, match="row 2"):
        parse_overrides(f"doc_id,problem_no,category\n{row}\n")


# --- CLI lines -------------------------------------------------------------------------------

def test_format_classify_lines() -> None:
    lines = format_classify_lines(["中心组理论学习不深入不系统", "", "公务用车\t加油卡管理不规范"])
    assert [line.split("\t") for line in lines] == [
        ["learning", "中心组理论学习不深入不系统"], ["finance", "公务用车 加油卡管理不规范"]]


def test_format_classify_lines_explain() -> None:
    [line] = format_classify_lines(["执行“三重一大”议事规则不到位"], explain=True)
    category, text, matched, top = line.split("\t")
    assert (category, text, matched) == ("party_building", "执行“三重一大”议事规则不到位",
                                         "三重一大,议事规则")
    ranked = [part.split(":") for part in top.split(",")]
    assert len(ranked) == 3 and ranked[0][0] == "party_building"
    assert [float(p) for _, p in ranked] == sorted((float(p) for _, p in ranked), reverse=True)


def test_quality_notebook_is_thin() -> None:
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[1] / "notebooks" / "01-classifier-quality.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert notebook.cells[0].cell_type == "markdown"
    assert all(word in notebook.cells[0].source for word in ("Question", "Reads", "Writes"))
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    lines = [line.lstrip() for c in code for line in c.source.splitlines()]
    assert not [line for line in lines if line.startswith(("def ", "class "))]
    assert any("save_figure(" in line for line in lines)
