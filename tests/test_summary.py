"""The numbers behind the charts: summaries, highlights and distinctive terms on small tables."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.highlights import (
    build_agency_profile,
    build_key_figures,
    build_largest_recoveries,
    build_lowest_completion,
)
from analysis.report.summary import (
    agency_names,
    build_category_shares,
    build_crosstab,
    build_field_coverage,
    build_lags,
    build_over_time,
    build_rate_by,
    build_recovered_by,
    build_recurring_categories,
    notice_years,
    relabel,
    top_n_with_other,
)
from analysis.report.terms import bigrams, build_distinctive_terms, get_tokenizer

DATES = ["publish_date", "as_of_date", "feedback_date", "inspection_end", "inspection_start"]


def notices_frame(rows: list[dict]) -> pd.DataFrame:
    base = {"doc_id": None, "source_path": "a.txt", "url": None, "title": "某通报",
            "inspected_org": None, "sector": None, "province": None, "city": None,
            "inspector_level": None, "completion_rate": None, "problems_total": None,
            "recovered_wan": None, **dict.fromkeys(DATES)}
    frame = pd.DataFrame([{**base, **row} for row in rows])
    return frame.astype({"completion_rate": float, "recovered_wan": float})


@pytest.mark.parametrize(("dates", "year"), [
    ({"publish_date": "2024-03-01", "feedback_date": "2023-05-02"}, 2024),   # publish first
    ({"feedback_date": "2023-05-02", "inspection_start": "2022-10-01"}, 2023),
    ({"inspection_start": "2021-04-09"}, 2021),                            # only the start
    ({"publish_date": "202X-05-01", "inspection_end": "2022-12-30"}, 2022),  # placeholder skipped
    ({}, None),                                                            # undated
])
def test_notice_years_take_the_first_available_date(dates: dict, year: int | None) -> None:
    found = notice_years(notices_frame([{"doc_id": "a", **dates}])).iloc[0]
    assert (pd.isna(found) and year is None) or found == year


def test_top_n_with_other_keeps_missing_values_missing() -> None:
    values = pd.Series(["民政", "民政", "人社", "工会", None])
    assert top_n_with_other(values, 1).tolist()[:4] == ["民政", "民政", "其他", "其他"]
    assert pd.isna(top_n_with_other(values, 1).iloc[4])


def test_relabel_translates_codes_and_marks_missing() -> None:
    values = pd.Series(["municipal", "county", None, "made_up"])
    assert relabel(values, "inspector_level").tolist() == ["市级", "县级", "未注明", "made_up"]


def test_crosstab_folds_small_rows_into_other_last() -> None:
    frame = pd.DataFrame({"province": ["甲省"] * 3 + ["乙省"] * 2 + ["丙省", "丁省"],
                          "doc_type": ["plan"] * 7})
    table = build_crosstab(frame, "province", "doc_type", top_rows=2)
    assert table.index.tolist() == ["甲省", "乙省", "其他"]
    assert table["plan"].tolist() == [3, 2, 2]


@pytest.mark.parametrize(("dates", "stage", "days"), [
    ({"inspection_end": "2023-03-01", "feedback_date": "2023-04-10"},
     "inspection_to_feedback", 40),
    ({"feedback_date": "2023-04-10", "as_of_date": "2023-10-07",
      "publish_date": "2023-12-01"}, "feedback_to_report", 180),          # as-of beats publish
    ({"feedback_date": "2023-04-10", "publish_date": "2023-05-10"}, "feedback_to_report", 30),
])
def test_lags_in_days(dates: dict, stage: str, days: int) -> None:
    lags = build_lags(notices_frame([{"doc_id": "a", **dates}]))
    assert lags.loc[lags["stage"] == stage, "days"].tolist() == [days]


@pytest.mark.parametrize("dates", [
    {"inspection_end": "2023-05-01", "feedback_date": "2023-04-10"},   # feedback before the end
    {"inspection_end": "2015-05-01", "feedback_date": "2023-04-10"},   # eight years: a misread
])
def test_implausible_lags_are_dropped(dates: dict) -> None:
    assert build_lags(notices_frame([{"doc_id": "a", **dates}])).empty


def test_rate_by_group_needs_min_n_and_sorts_by_median() -> None:
    notices = notices_frame([
        {"doc_id": "a", "sector": "民政", "completion_rate": 60.0},
        {"doc_id": "b", "sector": "民政", "completion_rate": 80.0},
        {"doc_id": "c", "sector": "人社", "completion_rate": 95.0},
        {"doc_id": "d", "sector": "人社", "completion_rate": 99.0},
        {"doc_id": "e", "sector": "工会", "completion_rate": 100.0},   # one rate: too few
        {"doc_id": "f", "sector": "工会"},
        {"doc_id": "g", "completion_rate": 50.0},                     # no sector: not ranked
        {"doc_id": "h", "completion_rate": 40.0},
    ])
    rates = build_rate_by(notices, "sector", min_n=2)
    assert rates[["group", "n", "median_rate"]].values.tolist() == [["人社", 2, 97.0],
                                                                     ["民政", 2, 70.0]]


def test_recovered_by_sums_and_counts_stating_notices() -> None:
    notices = notices_frame([
        {"doc_id": "a", "province": "澜江省", "recovered_wan": 12.5},
        {"doc_id": "b", "province": "澜江省", "recovered_wan": 7.5},
        {"doc_id": "c", "province": "云岭省", "recovered_wan": 30.0},
        {"doc_id": "d", "province": "云岭省"},
        {"doc_id": "e", "province": "青川省", "recovered_wan": 1.0},
    ])
    totals = build_recovered_by(notices, "province", top_n=2)
    assert totals.values.tolist() == [["云岭省", 1, 30.0], ["澜江省", 2, 20.0], ["其他", 1, 1.0]]


@pytest.fixture
def linked() -> tuple[pd.DataFrame, pd.DataFrame]:
    notices = notices_frame([
        {"doc_id": "a", "sector": "民政", "city": "澜江市"},
        {"doc_id": "b", "sector": "民政", "city": "云台市"},
        {"doc_id": "c", "sector": "人社", "city": "澜江市"},
    ])
    problems = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c"],
        "problem": ["养老服务设施闲置", "专项资金拨付滞后", "养老服务质量不高",
                    "中心组学习不深入", "欠薪案件办理拖延"],
        "category": ["duty", "finance", "duty", "learning", "duty"]})
    return notices, problems


def test_category_shares_overall_and_by_sector(linked) -> None:
    notices, problems = linked
    overall = build_category_shares(problems)
    assert overall.set_index("category")["share_pct"].to_dict() == {
        "duty": 60.0, "finance": 20.0, "learning": 20.0}
    by_sector = build_category_shares(problems, notices, by="sector")
    civil = by_sector[by_sector["group"] == "民政"].set_index("category")
    assert civil["share_pct"]["duty"] == 50.0 and civil["group_n"].iloc[0] == 4


def test_recurring_categories_count_regions(linked) -> None:
    notices, problems = linked
    recurring = build_recurring_categories(problems, notices, region="city")
    duty = recurring[(recurring["sector"] == "民政") & (recurring["category"] == "duty")]
    assert duty[["n_regions", "sector_regions", "share_pct"]].values.tolist() == [[2, 2, 100.0]]
    learning = recurring[(recurring["sector"] == "民政") & (recurring["category"] == "learning")]
    assert learning["share_pct"].tolist() == [50.0]


def test_agency_profile_gives_n_beside_each_figure(linked) -> None:
    notices, problems = linked
    notices.loc[0, "completion_rate"] = 80.0
    profile = build_agency_profile(notices, problems, by="sector").set_index("group")
    assert profile.loc["民政", "notices"] == 2 and profile.loc["民政", "completion_n"] == 1
    assert profile.loc["民政", "problems_per_notice"] == 2.0
    assert profile.loc["民政", "top_category"] == "duty"


def test_field_coverage_counts_found_values() -> None:
    notices = notices_frame([{"doc_id": "a", "sector": "民政"}, {"doc_id": "b"}])
    coverage = build_field_coverage(notices).set_index("field")
    assert coverage.loc["sector", "share_pct"] == 50.0
    assert coverage.loc["sector", "label"] == "领域"
    assert "doc_id" not in coverage.index                       # book-keeping, always there


def test_over_time_counts_per_year(linked) -> None:
    notices, problems = linked
    notices["publish_date"] = ["2022-06-01", "2023-06-01", "2023-07-01"]
    notices["completion_rate"] = [None, 90.0, 70.0]
    problems["status"] = ["completed", "in_progress", "completed", "unknown", "completed"]
    per_year = build_over_time(notices, problems).set_index("year")
    assert per_year.loc[2023, "notices"] == 2 and per_year.loc[2023, "problems"] == 3
    assert per_year.loc[2023, "completion_median"] == 80.0
    assert per_year.loc[2023, "completion_n"] == 2
    assert per_year.loc[2023, "completed_share_pct"] == 100.0   # unknown status left out
    assert per_year.loc[2022, "completed_share_pct"] == 50.0


FACTS = pd.DataFrame([
    {"doc_id": "a", "field": "amount", "value": "3", "unit": "万元",
     "evidence": "清退多发补贴3万元。", "start": 90, "end": 93},
    {"doc_id": "a", "field": "recovered_wan", "value": "52.6", "unit": "万元",
     "evidence": "共挽回经济损失52.6万元。", "start": 200, "end": 206},
    {"doc_id": "b", "field": "amount", "value": "8", "unit": "万元",
     "evidence": "追缴违规资金8万元。", "start": 50, "end": 53},
    {"doc_id": "c", "field": "completion_rate", "value": "45.0", "unit": "%",
     "evidence": "整改完成率45%。", "start": 10, "end": 14},
])


def test_largest_recoveries_cite_the_recovery_sentence_first() -> None:
    notices = notices_frame([
        {"doc_id": "a", "inspected_org": "青溪区民政局党组", "recovered_wan": 52.6,
         "url": "https://example.org/a"},
        {"doc_id": "b", "inspected_org": "北塘县医保局党组", "recovered_wan": 8.0},
        {"doc_id": "c", "inspected_org": "澜江市财政局党组"},
    ])
    cases = build_largest_recoveries(notices, FACTS, n=5)
    assert cases["doc_id"].tolist() == ["a", "b"]
    assert cases["evidence"].tolist() == ["共挽回经济损失52.6万元。", "追缴违规资金8万元。"]
    assert cases["source"].tolist() == ["https://example.org/a", "a.txt"]


def test_lowest_completion_orders_by_rate() -> None:
    notices = notices_frame([
        {"doc_id": "a", "completion_rate": 90.0, "problems_total": 10},
        {"doc_id": "c", "completion_rate": 45.0, "problems_total": 20},
        {"doc_id": "b"},
    ])
    cases = build_lowest_completion(notices, FACTS, n=5)
    assert cases["doc_id"].tolist() == ["c", "a"]
    assert cases["evidence"].iloc[0] == "整改完成率45%。" and cases["n"].iloc[0] == 20


def test_key_figures_state_their_n() -> None:
    notices = notices_frame([{"doc_id": "a", "completion_rate": 80.0, "recovered_wan": 3.5,
                              "publish_date": "2024-01-02"}, {"doc_id": "b"}])
    tables = {"notices": notices, "problems": pd.DataFrame({"doc_id": ["a"]}),
              "errors": pd.DataFrame({"source_path": ["x.pdf"], "error": ["空文件"]})}
    figures = build_key_figures(tables).set_index("figure")
    assert figures.loc["通报数", "value"] == 2
    assert figures.loc["整改完成率中位数(%)", "value"] == 80.0
    assert figures.loc["整改完成率中位数(%)", "note"] == "n=1 份通报给出完成率"
    assert figures.loc["挽回经济损失合计(万元)", "value"] == 3.5


@pytest.mark.parametrize(("text", "expected"), [
    ("学习不深", ["学习", "习不", "不深"]),
    ("2023年X月,作风", ["作风"]),          # digits, placeholders and punctuation split runs
    ("", []),
])
def test_bigrams(text: str, expected: list[str]) -> None:
    assert bigrams(text) == expected


def test_distinctive_terms_find_the_planted_words() -> None:
    problems = pd.DataFrame({
        "category": ["finance"] * 4 + ["learning"] * 4,
        "problem": ["专项资金拨付滞后", "专项资金管理混乱", "公务卡报销不规范", "专项资金闲置",
                    "中心组学习走过场", "中心组学习不系统", "理论武装不深入", "中心组学习缺计划"]})
    terms = build_distinctive_terms(problems, top_n=3, tokenize=bigrams)
    finance = terms[terms["category"] == "finance"]["term"].tolist()
    learning = terms[terms["category"] == "learning"]["term"].tolist()
    assert "资金" in finance and "学习" in learning
    assert not set(finance) & set(learning)


def test_tokenizer_is_always_available() -> None:
    tokens = get_tokenizer()("养老服务设施闲置")
    assert isinstance(tokens, list) and "".join(tokens).startswith("养老")


@pytest.mark.parametrize(("org", "places", "expected"), [
    ("区民政局党组", ("澜江省", "云台市", "青溪区"), "区民政局党组（青溪区）"),
    ("市民政局党组", ("澜江省", "云台市", "青溪区"), "市民政局党组（云台市）"),   # 市 → the city
    ("北塘县卫健局党组", ("澜江省", "云台市", "北塘县"), "北塘县卫健局党组"),     # already named
    ("区人社局党组", ("澜江省", "云台市", None), "区人社局党组（云台市）"),        # no county known
    ("省医保局党组", (None, None, None), "省医保局党组"),                         # no place at all
])
def test_agency_names_keep_same_named_bodies_apart(org, places, expected) -> None:
    frame = pd.DataFrame([{"inspected_org": org, "province": places[0], "city": places[1],
                           "county": places[2]}])
    assert agency_names(frame).iloc[0] == expected


def test_incomplete_inspections_cite_the_latest_notice_behind_their_figures() -> None:
    from analysis.report.highlights import build_incomplete_inspections
    inspections = pd.DataFrame({
        "inspection_id": ["A", "B"], "agency": ["青溪区民政局", "北塘区教育局"],
        "inspected_org": ["青溪区民政局党组", "北塘区教育局党组"], "province": [None, None],
        "city": [None, None], "county": ["青溪区", "北塘区"], "status": ["incomplete", "complete"],
        "completion_rate": [75.0, 100.0], "problems_completed": [3, 4],
        "problems_total": [4, 4]})
    # A's first progress notice (as of April) said 1 of 4, the later one (as of June) 3 of 4
    notices = notices_frame([
        {"doc_id": "a1", "inspection_id": "A", "doc_type": "progress_report",
         "as_of_date": "2024-04-30", "completion_rate": 25.0},
        {"doc_id": "a2", "inspection_id": "A", "doc_type": "progress_report",
         "as_of_date": "2024-06-30", "completion_rate": 75.0, "url": "https://example.org/a2"},
        {"doc_id": "b1", "inspection_id": "B", "doc_type": "rectification_report",
         "as_of_date": "2024-09-30", "completion_rate": 100.0}])
    facts = pd.DataFrame([
        {"doc_id": "a1", "field": "problems_completed", "evidence": "已完成整改1个。", "start": 5},
        {"doc_id": "a2", "field": "problems_total", "evidence": "反馈问题4个。", "start": 10},
        {"doc_id": "a2", "field": "problems_completed", "evidence": "已完成整改3个。", "start": 20},
        {"doc_id": "a2", "field": "recovered_wan", "evidence": "挽回损失5万元。", "start": 30}])
    cases = build_incomplete_inspections(inspections, notices, facts)
    assert cases["inspection_id"].tolist() == ["A"]
    row = cases.iloc[0]
    assert (row["value"], row["completed"], row["n"], row["as_of"]) == (75.0, 3, 4, "2024-06-30")
    assert row["evidence"] == "反馈问题4个。 / 已完成整改3个。"
    assert row["source"] == "https://example.org/a2"
