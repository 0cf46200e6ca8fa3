"""Charts: Chinese renders from the pip-installed font, every plot_* copes with 5 and 20,000
notices (and with none), and save_figure writes PNG, SVG and the plotted numbers."""
from __future__ import annotations

import io
import logging
import warnings

import matplotlib
import matplotlib.image
import pandas as pd
import pytest
from fixtures_tables import make_large_tables, make_tables
from matplotlib.figure import Figure

from analysis.report import plots
from analysis.report.plots import save_figure, use_cjk_font
from analysis.tables.load import coerce_types, empty_table

GLYPH_WARNINGS = ("missing from font", "Glyph ")


def glyph_problems(fig: Figure, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Warnings about missing glyphs raised while drawing `fig` as PNG and SVG."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with caplog.at_level(logging.WARNING):
            fig.savefig(io.BytesIO(), format="png", dpi=40)
            fig.savefig(io.BytesIO(), format="svg")
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    return [m for m in messages if any(key in m for key in GLYPH_WARNINGS)]


def test_chinese_title_draws_without_missing_glyphs(caplog: pytest.LogCaptureFixture) -> None:
    use_cjk_font()
    fig = Figure()
    ax = fig.subplots()
    ax.set_title("巡察整改完成率:按领域(%)—澜江市青溪区")
    ax.set_xlabel("挽回经济损失(万元)")
    ax.plot([-1, 0, 1], [1, 0, -1])              # a minus sign on the ticks
    assert glyph_problems(fig, caplog) == []


def test_glyph_check_catches_a_font_without_chinese(caplog: pytest.LogCaptureFixture) -> None:
    # the detector itself must fire, else the test above could never fail
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = Figure()
        fig.subplots().set_title("巡察整改")
        assert glyph_problems(fig, caplog)


def test_use_cjk_font_puts_the_family_first() -> None:
    family = use_cjk_font()
    assert "CJK" in family or "Hei" in family
    assert matplotlib.rcParams["font.family"][0] == family
    assert matplotlib.rcParams["font.sans-serif"][0] == family
    assert matplotlib.rcParams["axes.unicode_minus"] is False


@pytest.fixture(scope="module")
def small() -> dict[str, pd.DataFrame]:
    return make_tables(5)


@pytest.fixture(scope="module")
def large() -> dict[str, pd.DataFrame]:
    return {name: coerce_types(frame, name) for name, frame in make_large_tables().items()}


@pytest.fixture(scope="module")
def empty() -> dict[str, pd.DataFrame]:
    return {name: empty_table(name) for name in ("notices", "problems", "facts", "errors")}


CALLS = {
    "plot_notices_by": lambda t: plots.plot_notices_by(t["notices"]),
    "plot_errors": lambda t: plots.plot_errors(t["errors"]),
    "plot_field_coverage": lambda t: plots.plot_field_coverage(t["notices"]),
    "plot_notices_by_year": lambda t: plots.plot_notices_by_year(t["notices"]),
    "plot_over_time": lambda t: plots.plot_over_time(t["notices"], t["problems"]),
    "plot_lags": lambda t: plots.plot_lags(t["notices"]),
    "plot_category_shares": lambda t: plots.plot_category_shares(t["problems"]),
    "plot_category_heatmap": lambda t: plots.plot_category_heatmap(t["problems"], t["notices"]),
    "plot_distinctive_terms": lambda t: plots.plot_distinctive_terms(t["problems"]),
    "plot_completion_by": lambda t: plots.plot_completion_by(t["notices"], "inspected_org"),
    "plot_recovered_by": lambda t: plots.plot_recovered_by(t["notices"], "province"),
    "plot_largest_recoveries": lambda t: plots.plot_largest_recoveries(t["notices"], t["facts"]),
    "plot_agency_comparison": lambda t: plots.plot_agency_comparison(t["notices"], t["problems"]),
    "plot_recurring_categories": lambda t: plots.plot_recurring_categories(t["problems"],
                                                                            t["notices"]),
}


def test_every_plot_function_is_exercised() -> None:
    assert sorted(CALLS) == sorted(n for n in plots.__all__ if n.startswith("plot_"))


@pytest.mark.parametrize("size", ["small", "large", "empty"])
@pytest.mark.parametrize("name", sorted(CALLS))
def test_plot_returns_a_readable_figure(name: str, size: str, request: pytest.FixtureRequest,
                                        caplog: pytest.LogCaptureFixture) -> None:
    fig = CALLS[name](request.getfixturevalue(size))
    assert isinstance(fig, Figure)
    assert isinstance(fig.plotted_data, pd.DataFrame)
    assert glyph_problems(fig, caplog) == []
    for ax in fig.axes:      # top-N and "其他" keep labels countable (27 = coverage fields)
        assert len(ax.get_yticklabels()) <= 30
        assert len(ax.get_xticklabels()) <= 30
    if size == "empty":
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        expected = "没有读取失败的文件: n=0" if name == "plot_errors" else "数据不足: n="
        assert any(t.startswith(expected) for t in texts), texts


def test_completion_chart_shows_n_and_skips_small_groups() -> None:
    notices = pd.DataFrame({
        "doc_id": list("abcde"), "sector": ["民政", "民政", "民政", "人社", None],
        "completion_rate": [90.0, 80.0, 100.0, 50.0, 70.0]})
    fig = plots.plot_completion_by(notices, by="sector", min_n=2)
    assert fig.plotted_data[["group", "n", "median_rate"]].values.tolist() == [["民政", 3, 90.0]]
    notes = [t.get_text() for t in fig.axes[0].texts]
    assert notes == ["90.0% (n=3)"]


def test_category_heatmap_rows_sum_to_100(small: dict[str, pd.DataFrame]) -> None:
    fig = plots.plot_category_heatmap(small["problems"], small["notices"], by="sector")
    rows = fig.plotted_data.set_index("group").sum(axis=1)
    assert rows.between(99.0, 101.0).all()


def test_bars_are_sorted_and_other_is_last(large: dict[str, pd.DataFrame]) -> None:
    fig = plots.plot_recovered_by(large["notices"], by="province", top_n=5)
    data = fig.plotted_data
    assert len(data) == 6 and data["group"].iloc[-1] == "其他"
    assert data["recovered_wan"].iloc[:5].is_monotonic_decreasing
    assert data["recovered_wan"].sum() == pytest.approx(large["notices"]["recovered_wan"].sum(),
                                                        rel=1e-6)


def test_save_figure_writes_png_svg_and_csv(tmp_path, small: dict[str, pd.DataFrame]) -> None:
    fig = plots.plot_category_shares(small["problems"])
    paths = save_figure(fig, "20-problem-categories-shares", out_dir=tmp_path)
    assert [p.name for p in paths] == ["20-problem-categories-shares.png",
                                       "20-problem-categories-shares.svg",
                                       "20-problem-categories-shares.csv"]
    height, width = matplotlib.image.imread(paths[0]).shape[:2]
    assert width == round(fig.get_figwidth() * 200)          # 200 dpi
    assert "<svg" in paths[1].read_text(encoding="utf-8")
    raw = paths[2].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                    # BOM for Excel
    saved = pd.read_csv(paths[2], encoding="utf-8-sig")
    assert saved["n"].sum() == len(small["problems"].dropna(subset=["category"]))


def test_save_figure_takes_explicit_data_and_env_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "figs"))
    fig = Figure()
    fig.subplots().bar(["民政"], [3])
    paths = save_figure(fig, "00-test", data=pd.Series({"民政": 3}, name="通报数"))
    assert all(p.parent == tmp_path / "figs" for p in paths)
    assert "民政" in paths[2].read_text(encoding="utf-8-sig")


def test_save_figure_without_numbers_writes_only_images(tmp_path) -> None:
    fig = Figure()
    fig.subplots().plot([1, 2])
    assert [p.suffix for p in save_figure(fig, "plain", out_dir=tmp_path)] == [".png", ".svg"]


def test_seaborn_theme_keeps_the_font_when_given_cjk_rc(caplog) -> None:
    seaborn = pytest.importorskip("seaborn")
    from analysis.report.plots_base import cjk_rc
    with matplotlib.rc_context():
        seaborn.set_theme(style="whitegrid", rc=cjk_rc())
        assert "CJK" in matplotlib.rcParams["font.sans-serif"][0]
        fig = Figure()
        fig.subplots().set_title("各领域整改完成率")
        assert glyph_problems(fig, caplog) == []


def test_save_table_writes_a_bom_csv(tmp_path) -> None:
    frame = pd.DataFrame({"被巡察党组织": ["青溪区民政局党组"], "完成率": [48.8]})
    path = plots.save_table(frame, "30-lowest", out_dir=tmp_path / "figs")
    assert path == tmp_path / "figs" / "30-lowest.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(path, encoding="utf-8-sig").equals(frame)


def test_agency_comparison_shows_a_zero_rate_with_its_n() -> None:
    notices = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "sector": ["民政", "民政", "人社"],
        "completion_rate": [0.0, None, 80.0], "recovered_wan": [None, None, 12.0]})
    problems = pd.DataFrame({"doc_id": ["a", "c"], "category": ["duty", "finance"]})
    fig = plots.plot_agency_comparison(notices, problems, by="sector")
    completion, recovered = fig.axes[2], fig.axes[3]
    assert [t.get_text() for t in completion.texts] == ["0% n=1", "80% n=1"]
    assert [t.get_text() for t in recovered.texts] == ["", "12 n=1"]     # 民政 states no sum
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["民政", "人社"]
    assert fig.axes[0].get_ylim()[0] > fig.axes[0].get_ylim()[1]          # first group on top
