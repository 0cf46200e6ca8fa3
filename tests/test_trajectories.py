"""Inspections over time, on small invented frames whose answers are checked by hand."""
from __future__ import annotations

import io
import logging
import warnings

import pandas as pd
import pytest
from fixtures_tables import make_large_tables, make_tables
from matplotlib.figure import Figure

from analysis.report import plots_trajectories as plots
from analysis.report.trajectories import (
    build_completion_by_category,
    build_days_to_final,
    build_incomplete_at,
    build_rate_sources,
    build_recurring_by_category,
    build_repeat_agencies,
    build_repeat_categories,
    build_trajectories,
    latest_problem_lists,
)
from analysis.tables.load import coerce_types, drop_duplicate_notices, empty_table

# inspection A (青溪区民政局, 2023): feedback 2023-01-10; progress as of 04-11 (day 91, 50 %),
#   final as of 07-10 (day 181, 100 %), a re-posted copy of the progress notice
# inspection B (青溪区民政局 again, 2024 回头看): feedback 2024-03-01; one progress notice
#   published 2024-12-01 (no as-of date: day 275, 80 %, stated)
# inspection C (北塘区教育局): feedback 2023-05-01; final as of 2023-05-31 (day 30, 100 %)
# notice e: no inspection (a news summary)
NOTICES = pd.DataFrame({
    "doc_id": ["a1", "a2", "a3", "copy", "b1", "b2", "c1", "e"],
    "inspection_id": ["A", "A", "A", "A", "B", "B", "C", None],
    "agency": ["青溪区民政局"] * 6 + ["北塘区教育局", None],
    "doc_type": ["feedback_news", "progress_report", "rectification_report", "progress_report",
                 "feedback_news", "progress_report", "rectification_report", "summary_news"],
    "feedback_date": ["2023-01-10", None, "2023-01-10", None, "2024-03-01", "2024-03-01",
                      "2023-05-01", None],
    "as_of_date": [None, "2023-04-11", "2023-07-10", "2023-04-11", None, None, "2023-05-31",
                   None],
    "publish_date": ["2023-01-12", "2023-04-20", "2023-07-20", "2023-04-20", "2024-03-02",
                     "2024-12-01", "2023-06-05", "2023-08-01"],
    "completion_rate": [None, 50.0, 100.0, 50.0, None, 80.0, 100.0, None],
    "rate_stated": [None, False, False, False, None, True, False, None],
    "duplicate_of": [None, None, None, "a2.html", None, None, None, None],
})
INSPECTIONS = pd.DataFrame({
    "inspection_id": ["A", "B", "C"], "agency": ["青溪区民政局", "青溪区民政局", "北塘区教育局"],
    "feedback_date": ["2023-01-10", "2024-03-01", "2023-05-01"], "year": [2023, 2024, 2023],
    "inspection_kind": ["regular", "look_back", "regular"]})
# A lists its problems twice (progress, then final): only the final list counts
PROBLEMS = pd.DataFrame({
    "doc_id": ["a1", "a1", "a2", "a2", "a3", "a3", "b2", "b2", "c1"],
    "problem_no": [1, 2, 1, 2, 1, 2, 1, 2, 1],
    "category": ["finance", "duty", "finance", "duty", "finance", "duty", "finance", "learning",
                 "duty"],
    "status": ["unknown", "unknown", "completed", "in_progress", "completed", "in_progress",
               "in_progress", "completed", "completed"],
})


def test_each_rate_with_a_date_is_a_point_days_from_the_inspections_feedback() -> None:
    points = build_trajectories(NOTICES, INSPECTIONS)
    # a2 takes A's feedback date (its own is empty); the copy and undated rates are left out
    assert points[["doc_id", "days", "completion_rate"]].values.tolist() == [
        ["a2", 91, 50.0], ["a3", 181, 100.0], ["b2", 275, 80.0], ["c1", 30, 100.0]]
    assert points["date_source"].tolist() == ["as_of_date", "as_of_date", "publish_date",
                                              "as_of_date"]
    assert points.loc[points["doc_id"] == "b2", "rate_stated"].item()


def test_days_to_final_counts_each_inspection_with_a_final_notice_once() -> None:
    finals = build_days_to_final(NOTICES, INSPECTIONS)
    assert finals[["inspection_id", "days"]].values.tolist() == [["A", 181], ["C", 30]]


def test_incomplete_at_3_6_12_months_counts_only_inspections_whose_state_is_known() -> None:
    states = build_incomplete_at(build_trajectories(NOTICES, INSPECTIONS)).set_index("months")
    # 91 days: A at 50 % on day 91 -> open; B 80 % on day 275 -> open; C done on day 30
    assert states.loc[3, ["n", "n_incomplete", "n_unknown"]].tolist() == [3, 2, 0]
    # 183 days: A done on day 181; B still open on day 275; C done
    assert states.loc[6, ["n", "n_incomplete", "incomplete_pct"]].tolist() == [3, 1, 33.3]
    # 365 days: B's last point (day 275, 80 %) says nothing about day 365
    assert states.loc[12, ["n", "n_incomplete", "n_unknown"]].tolist() == [2, 0, 1]


def test_problem_status_comes_from_each_inspections_latest_list() -> None:
    latest = latest_problem_lists(PROBLEMS, NOTICES)
    assert sorted(latest["doc_id"].unique()) == ["a3", "b2", "c1"]
    by_category = build_completion_by_category(PROBLEMS, NOTICES).set_index("category")
    # finance: a3 completed, b2 in progress; duty: a3 in progress, c1 completed; learning: b2
    assert by_category.loc["finance", ["n", "completed", "completed_pct"]].tolist() == [2, 1, 50.0]
    assert by_category.loc["duty", ["n", "completed"]].tolist() == [2, 1]
    assert by_category.loc["learning", "completed_pct"] == 100.0
    assert list(by_category.index)[-1] == "learning"            # slowest first
    assert build_completion_by_category(PROBLEMS, NOTICES, min_n=2).shape[0] == 2


def test_agencies_inspected_again_and_the_categories_that_come_back() -> None:
    repeat = build_repeat_agencies(INSPECTIONS)
    assert repeat[["agency", "n_inspections", "years", "look_back"]].values.tolist() == [
        ["青溪区民政局", 2, "2023;2024", True]]
    categories = build_repeat_categories(PROBLEMS, NOTICES, INSPECTIONS).set_index("category")
    # finance in A (a1-a3) and B (b2); duty only in A; learning only in B
    assert categories.loc["finance", ["n_with", "n_listed", "recurs"]].tolist() == [2, 2, True]
    assert not categories.loc["duty", "recurs"] and not categories.loc["learning", "recurs"]
    recurring = build_recurring_by_category(categories.reset_index())
    assert recurring.iloc[0][["category", "n_recurs", "n_agencies"]].tolist() == ["finance", 1, 1]


def _glyph_problems(fig: Figure, caplog: pytest.LogCaptureFixture) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with caplog.at_level(logging.WARNING):
            fig.savefig(io.BytesIO(), format="png", dpi=40)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    return [m for m in messages if "missing from font" in m or "Glyph " in m]


def _charts(tables: dict[str, pd.DataFrame]) -> dict[str, Figure]:
    unique = drop_duplicate_notices(tables)
    notices, problems, inspections = unique["notices"], unique["problems"], unique["inspections"]
    points = build_trajectories(notices, inspections)
    return {
        "plot_trajectories": plots.plot_trajectories(points),
        "plot_days_to_final": plots.plot_days_to_final(build_days_to_final(notices, inspections)),
        "plot_incomplete_at": plots.plot_incomplete_at(build_incomplete_at(points)),
        "plot_completion_by_category": plots.plot_completion_by_category(
            build_completion_by_category(problems, notices)),
        "plot_recurring_by_category": plots.plot_recurring_by_category(
            build_recurring_by_category(build_repeat_categories(problems, notices, inspections))),
        "plot_rate_sources": plots.plot_rate_sources(build_rate_sources(notices, inspections)),
    }


@pytest.fixture(scope="module", params=["small", "fixture", "large", "empty"])
def charts(request: pytest.FixtureRequest) -> tuple[str, dict[str, Figure]]:
    if request.param == "empty":
        names = ("notices", "problems", "facts", "errors", "inspections")
        tables = {name: empty_table(name) for name in names}
    else:
        made = {"small": lambda: make_tables(5), "fixture": lambda: make_tables(60),
                "large": make_large_tables}[request.param]()
        tables = {name: coerce_types(frame, name) for name, frame in made.items()}
    return request.param, _charts(tables)


def test_every_chart_draws_chinese_with_its_numbers(charts, caplog) -> None:
    size, figures = charts
    assert sorted(figures) == sorted(plots.__all__)
    for name, fig in figures.items():
        assert isinstance(fig.plotted_data, pd.DataFrame), name
        assert _glyph_problems(fig, caplog) == [], name
        if size == "empty":
            texts = [t.get_text() for ax in fig.axes for t in ax.texts]
            assert any(t.startswith("数据不足: n=") for t in texts), (name, texts)


def test_small_groups_are_left_out_and_the_chart_says_so() -> None:
    by_category = build_completion_by_category(PROBLEMS, NOTICES)
    fig = plots.plot_completion_by_category(by_category, min_n=2)
    label = fig.axes[0].get_xlabel()
    assert "未列出 n<2 的 1 类 (共 1 个问题)" in label
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["履职尽责", "财务资金"]


def test_stated_and_computed_rates_are_counted_apart() -> None:
    inspections = INSPECTIONS.assign(completion_rate=[100.0, 80.0, 100.0],
                                     rate_stated=[False, True, False])
    sources = build_rate_sources(NOTICES, inspections).set_index(["unit", "source"])
    # notices (copy left out): a2 50 computed, a3 100 computed, b2 80 stated, c1 100 computed
    assert sources.loc[("notice", "computed"), ["n", "median"]].tolist() == [3, 100.0]
    assert sources.loc[("notice", "stated"), ["n", "median"]].tolist() == [1, 80.0]
    assert sources.loc[("inspection", "stated"), "n"] == 1
