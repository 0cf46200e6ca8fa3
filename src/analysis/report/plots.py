"""Charts for the notebooks and the briefing: every `plot_*` takes tables, returns a Figure.

    from analysis.report.plots import plot_completion_by, save_figure
    fig = plot_completion_by(notices, by="sector")
    save_figure(fig, "30-completion-and-recoveries-by-sector")

Each figure carries the numbers it shows (`fig.plotted_data`), which `save_figure` writes
as CSV beside the PNG and SVG. Groups are cut to a top N plus "其他", so charts read the
same with five notices or twenty thousand; with too little data a chart says
"数据不足: n=…" instead of failing. Rates always show n.
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.report.highlights import build_agency_profile, build_largest_recoveries
from analysis.report.plots_base import (
    ACCENT,
    COLOR,
    attach,
    column_label,
    display_labels,
    draw_barh,
    draw_heatmap,
    empty_figure,
    format_number,
    min_n_note,
    new_figure,
    save_figure,
    save_table,
    shorten,
    use_cjk_font,
)
from analysis.report.summary import (
    agency_names,
    build_category_reach,
    build_category_shares,
    build_crosstab,
    build_field_coverage,
    build_lags,
    build_over_time,
    build_rate_by,
    build_recovered_by,
    build_recurring_categories,
    code_labels,
    notice_years,
    others_last,
)
from analysis.report.terms import Tokenizer, build_distinctive_terms

__all__ = ["use_cjk_font", "save_figure", "save_table", "plot_notices_by", "plot_errors",
           "plot_field_coverage", "plot_notices_by_year", "plot_over_time", "plot_lags",
           "plot_category_shares", "plot_category_heatmap", "plot_distinctive_terms",
           "plot_completion_by", "plot_recovered_by", "plot_largest_recoveries",
           "plot_agency_comparison", "plot_recurring_categories"]


def plot_notices_by(notices: pd.DataFrame, rows: str = "doc_type",
                    colors_by: str = "source_format", top_n: int = 12) -> Figure:
    """Stacked bars: notices per `rows` value, split by `colors_by` (counts, n in labels)."""
    title = f"通报数量: 按{column_label(rows)}与{column_label(colors_by)}"
    table = build_crosstab(notices, rows, colors_by, top_rows=top_n, top_columns=6)
    if table.empty:
        return empty_figure(title, len(notices))
    fig, (ax,) = new_figure(len(table))
    left = pd.Series(0.0, index=table.index)
    palette = ["#2f6690", "#3a7ca5", "#81c3d7", "#d9dcd6", "#f4a259", "#bc4b51", "#8cb369"]
    for colour, column in zip(palette, table.columns):
        ax.barh(range(len(table)), table[column], left=left, color=colour,
                label=display_labels([column], colors_by)[0])
        left += table[column]
    labels = [f"{lab} (n={int(total)})" for lab, total
              in zip(display_labels(table.index, rows), table.sum(axis=1))]
    ax.set_yticks(range(len(table)), labels)
    ax.invert_yaxis()
    ax.set(title=f"{title} (共 {len(notices)} 份)", xlabel="通报数 (份)")
    ax.legend(title=column_label(colors_by), loc="lower right", fontsize=8)
    return attach(fig, table)


def plot_errors(errors: pd.DataFrame, top_n: int = 10) -> Figure:
    """Files that could not be read, by reason (most frequent first)."""
    title = "无法读取的文件: 按原因"
    if errors.empty:
        return empty_figure(title, 0, headline="没有读取失败的文件")
    counts = errors["error"].fillna("未说明").value_counts()
    if len(counts) > top_n:
        rest = pd.Series({"其他原因": counts.iloc[top_n:].sum()})
        counts = pd.concat([counts.iloc[:top_n], rest])
    fig, (ax,) = new_figure(len(counts))
    draw_barh(ax, [shorten(x, 28) for x in counts.index], counts, [str(v) for v in counts],
              color=ACCENT)
    ax.set(title=f"{title} (共 {len(errors)} 个文件)", xlabel="文件数 (个)")
    return attach(fig, counts.rename_axis("error").rename("files").reset_index())


def plot_field_coverage(notices: pd.DataFrame) -> Figure:
    """Share of notices in which each field was found (%), with found/n."""
    title = "字段提取覆盖率"
    coverage = build_field_coverage(notices)
    if not len(notices):
        return empty_figure(title, 0)
    fig, (ax,) = new_figure(len(coverage))
    notes = [f"{p:.0f}% ({k}/{n})" for p, k, n
             in zip(coverage["share_pct"], coverage["n_found"], coverage["n"])]
    draw_barh(ax, list(coverage["label"]), coverage["share_pct"], notes)
    ax.set(title=f"{title} (n={len(notices)} 份通报)", xlabel="找到该字段的通报占比 (%)")
    return attach(fig, coverage)


def plot_notices_by_year(notices: pd.DataFrame, region: str = "province",
                         top_n: int = 12) -> Figure:
    """Heatmap of notices per year × region (top regions plus 其他)."""
    title = f"通报数量: 按年份与{column_label(region)}"
    dated = notices.assign(year=notice_years(notices)).dropna(subset=["year"])
    if dated.empty:
        return empty_figure(title, 0, "没有可用日期")
    table = build_crosstab(dated.astype({"year": int}), region, "year", top_rows=top_n,
                           top_columns=30)
    table.columns = [int(year) for year in table.columns]
    every_year = range(min(table.columns), max(table.columns) + 1)
    table = table.reindex(columns=every_year, fill_value=0)      # gaps stay visible
    table.index = [f"{lab} (n={int(t)})" for lab, t in zip(table.index, table.sum(axis=1))]
    fig, (ax,) = new_figure(len(table), width=max(8.0, 3 + 0.6 * table.shape[1]))
    draw_heatmap(ax, table, unit="通报数 (份)")
    ax.set(title=f"{title} (n={len(dated)} 份有日期)", xlabel="年份 (首个可用日期)")
    return attach(fig, table)


def plot_over_time(notices: pd.DataFrame, problems: pd.DataFrame) -> Figure:
    """Per year: notices, problems listed, and completion (median rate and problem status)."""
    title = "通报、问题与整改完成情况的年度变化"
    per_year = build_over_time(notices, problems)
    if per_year.empty:
        return empty_figure(title, len(notices), "没有可用日期")
    fig, axes = new_figure(9, ncols=3, width=12)
    years = per_year["year"].astype(int).astype(str)
    axes[0].bar(years, per_year["notices"], color=COLOR)
    axes[0].set(title="通报数 (份)", xlabel="年份")
    axes[1].bar(years, per_year["problems"], color=COLOR)
    axes[1].set(title="列出的问题数 (个)", xlabel="年份")
    axes[2].plot(years, per_year["completion_median"], "o-", color=COLOR,
                 label="通报所述完成率中位数")
    axes[2].plot(years, per_year["completed_share_pct"], "s--", color=ACCENT,
                 label=f"状态为已完成的问题占比 (n={int(per_year['status_n'].sum())} 个问题)")
    for x, y, n in zip(years, per_year["completion_median"], per_year["completion_n"]):
        if pd.notna(y):
            axes[2].annotate(f"n={n}", (x, y), textcoords="offset points", xytext=(0, 6),
                             ha="center", fontsize=8)
    axes[2].set(title="整改完成 (%)", xlabel="年份", ylim=(0, 135), yticks=range(0, 101, 20))
    axes[2].legend(fontsize=8, loc="upper center")      # above 100 %, clear of the data
    for ax in axes:
        ax.tick_params(axis="x", rotation=45)
    fig.suptitle(f"{title} (n={int(per_year['notices'].sum())} 份有日期)")
    return attach(fig, per_year)


def plot_lags(notices: pd.DataFrame) -> Figure:
    """Days from inspection end to feedback, and from feedback to the report (box plots)."""
    title = "各环节用时"
    lags = build_lags(notices)
    if lags.empty:
        return empty_figure(title, 0, "缺少成对的日期")
    stages = [s for s in code_labels("lag") if s in set(lags["stage"])]
    groups = [lags.loc[lags["stage"] == s, "days"] for s in stages]
    fig, (ax,) = new_figure(4)
    ax.boxplot(groups, orientation="horizontal", widths=0.5, patch_artist=True,
               boxprops={"facecolor": "#cfe0ee"}, medianprops={"color": ACCENT})
    labels = [f"{code_labels('lag')[s]}\n(n={len(g)}, 中位数 {g.median():.0f} 天)"
              for s, g in zip(stages, groups)]
    ax.set_yticks(range(1, len(stages) + 1), labels)
    ax.invert_yaxis()
    ax.set(title=title, xlabel="天数")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    summary = lags.groupby("stage")["days"].describe().round(1).reset_index()
    return attach(fig, summary)


def plot_category_shares(problems: pd.DataFrame) -> Figure:
    """Per primary category: share of problems (%) beside share of notices listing it (%)."""
    title = "问题类别构成"
    reach = build_category_reach(problems)
    if reach.empty:
        return empty_figure(title, len(problems))
    reach = reach.sort_values("share_pct", ascending=False, ignore_index=True)
    labels = display_labels(reach["category"], "category")
    fig, axes = new_figure(len(reach), ncols=2, width=11, sharey=True)
    draw_barh(axes[0], labels, reach["share_pct"],
              [f"{p:.1f}% ({k})" for p, k in zip(reach["share_pct"], reach["n"])])
    axes[0].set(title=f"按问题: 占 {int(reach['n'].sum())} 个问题", xlabel="占问题总数 (%)")
    listing = int(reach["notices_listing"].iloc[0])
    draw_barh(axes[1], labels, reach["notice_share_pct"],
              [f"{p:.0f}% ({k})" for p, k in zip(reach["notice_share_pct"], reach["n_notices"])],
              color="#3a7ca5")
    axes[1].set(title=f"按通报: 占 {listing} 份列出问题的通报",
                xlabel="列出该类问题的通报占比 (%)")
    axes[1].tick_params(axis="y", length=0)
    axes[0].set_ylim(len(reach) - 0.5, -0.5)
    fig.suptitle(f"{title} (n={int(reach['n'].sum())} 个问题, {listing} 份通报; "
                 "一份通报可列出多类问题)")
    return attach(fig, reach)


def plot_category_heatmap(problems: pd.DataFrame, notices: pd.DataFrame, by: str = "sector",
                          top_n: int = 12) -> Figure:
    """Heatmap: share of each category within each group (rows sum to 100%), n per row."""
    title = f"问题类别构成: 按{column_label(by)}"
    shares = build_category_shares(problems, notices, by=by, top_n=top_n)
    if shares.empty:
        return empty_figure(title, len(problems))
    table = shares.pivot_table(index="group", columns="category", values="share_pct",
                               fill_value=0.0)
    sizes = shares.groupby("group")["group_n"].first()
    order = others_last(sizes.sort_values(ascending=False).index)
    columns = [c for c in code_labels("category") if c in table.columns]
    table = table.loc[order, columns]
    shown = table.copy()
    shown.index = [f"{lab} (n={sizes[g]})" for lab, g in zip(display_labels(order, by), order)]
    shown.columns = display_labels(columns, "category")
    fig, (ax,) = new_figure(len(shown) + 2)
    draw_heatmap(ax, shown, notes=shown.map(lambda v: f"{v:.0f}"), unit="占该组问题 (%)")
    ax.set(title=f"{title} (n={int(sizes.sum())} 个问题)", xlabel="问题类别")
    return attach(fig, table.reset_index())


def plot_distinctive_terms(problems: pd.DataFrame, top_n: int = 8,
                           tokenize: Tokenizer | None = None) -> Figure:
    """Small multiples: the most distinctive words of each category (log-odds z-score)."""
    title = "各类别最具区分度的词"
    terms = build_distinctive_terms(problems, top_n=top_n, tokenize=tokenize)
    if terms.empty:
        return empty_figure(title, len(problems), "问题表述太少, 无法比较用词")
    categories = [c for c in code_labels("category") if c in set(terms["category"])][:8]
    ncols = min(4, len(categories))
    nrows = -(-len(categories) // ncols)
    use_cjk_font()
    fig = Figure(figsize=(3.2 * ncols, 0.32 * top_n * nrows + 1.2 * nrows + 0.6),
                 layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, category in zip(axes, categories):
        rows = terms[terms["category"] == category]
        draw_barh(ax, list(rows["term"]), rows["z"], [str(c) for c in rows["count"]])
        ax.set_title(display_labels([category], "category")[0], fontsize=11)
    for ax in axes[len(categories):]:
        ax.set_axis_off()
    fig.suptitle(f"{title} (条长 = z 值, 数字 = 含该词的问题数; n={len(problems)} 个问题)")
    return attach(fig, terms)


def plot_completion_by(frame: pd.DataFrame, by: str = "sector", min_n: int = 3,
                       top_n: int = 15, unit: str = "份通报") -> Figure:
    """Median completion rate per group (%), with n; groups with n < min_n left out (and said).

    `frame` is notices or inspections; `unit` names what one row is (份通报, 次巡察).
    """
    title = f"整改完成率: 按{column_label(by)}"
    rates = build_rate_by(frame, by, min_n=min_n, top_n=top_n)
    every = build_rate_by(frame, by, min_n=1, top_n=len(frame) + 1)
    note = min_n_note(every[every["n"] < min_n], min_n, unit)
    n = int(frame["completion_rate"].notna().sum())
    if rates.empty:
        return empty_figure(title, n, note or f"每组至少需要 {min_n} 个完成率 ({unit})")
    fig, (ax,) = new_figure(len(rates))
    notes = [f"{r:.1f}% (n={k})" for r, k in zip(rates["median_rate"], rates["n"])]
    draw_barh(ax, display_labels(rates["group"], by), rates["median_rate"], notes)
    stated = int(rates["n_stated"].sum())
    ax.set(title=f"{title} (中位数; n={int(rates['n'].sum())} {unit})",
           xlabel=f"整改完成率中位数 (%); 其中原文所述 {stated} 个, 计算所得 "
                  f"{int(rates['n'].sum()) - stated} 个" + (f"\n{note}" if note else ""))
    ax.set_xlim(0, 125)
    return attach(fig, rates)


def plot_recovered_by(frame: pd.DataFrame, by: str = "sector", top_n: int = 12,
                      unit: str = "份通报") -> Figure:
    """Money recovered per group (万元), with the number of rows (`unit`) stating a sum."""
    title = f"挽回经济损失: 按{column_label(by)}"
    totals = build_recovered_by(frame, by, top_n=top_n)
    if totals.empty:
        return empty_figure(title, 0, f"没有{unit[1:]}给出挽回金额")
    fig, (ax,) = new_figure(len(totals))
    notes = [f"{v:,.1f} (n={k})" for v, k in zip(totals["recovered_wan"], totals["n"])]
    draw_barh(ax, display_labels(totals["group"], by), totals["recovered_wan"], notes,
              color="#3a7d44")
    ax.set(title=f"{title} (n={int(totals['n'].sum())} {unit})", xlabel="金额 (万元)")
    return attach(fig, totals)


def plot_largest_recoveries(notices: pd.DataFrame, facts: pd.DataFrame, n: int = 10) -> Figure:
    """The largest single recoveries (万元), labelled with the inspected organisation."""
    title = "挽回经济损失最多的通报"
    cases = build_largest_recoveries(notices, facts, n=n)
    if cases.empty:
        return empty_figure(title, 0, "没有通报给出挽回金额")
    names = agency_names(cases).fillna(cases["title"])
    labels = [shorten(name, 22) for name in names]
    fig, (ax,) = new_figure(len(cases))
    draw_barh(ax, labels, cases["value"], [format_number(v, 4) for v in cases["value"]],
              color="#3a7d44")
    ax.set(title=f"{title} (前 {len(cases)} 名)", xlabel="金额 (万元)")
    return attach(fig, cases)


def plot_agency_comparison(notices: pd.DataFrame, problems: pd.DataFrame, by: str = "sector",
                           top_n: int = 12, inspections: pd.DataFrame | None = None) -> Figure:
    """Groups side by side: notices, problems per notice, completion (n), recoveries (n).

    With `inspections`, completion and money are counted per inspection (its latest figures).
    """
    title = f"{column_label(by)}对比"
    profile = build_agency_profile(notices, problems, by=by, top_n=top_n,
                                   inspections=inspections)
    if profile.empty:
        return empty_figure(title, 0)
    labels = display_labels(profile["group"], by)
    fig, axes = new_figure(len(profile), ncols=4, width=13, sharey=True)
    unit = "巡察" if inspections is not None else "通报"
    panels = [("notices", None, "通报数 (份)", "{:.0f}"),
              ("problems_per_notice", None, "每份通报列出问题 (个)", "{:.1f}"),
              ("completion_median", "completion_n", f"完成率中位数 (%, n={unit})", "{:.0f}%"),
              ("recovered_wan", "recovered_n", f"挽回损失合计 (万元, n={unit})", "{:,.0f}")]
    for ax, (column, n_column, label, fmt) in zip(axes, panels):
        values = profile[column].astype(float).fillna(0.0)
        counts = profile[n_column] if n_column else pd.Series(None, index=profile.index)
        notes = [_panel_note(fmt, v, k) for v, k in zip(values, counts)]
        draw_barh(ax, labels, values, notes)
        ax.set_title(label, fontsize=11)
        ax.tick_params(axis="y", length=0)
    axes[0].set_ylim(len(profile) - 0.5, -0.5)     # shared y axis: first group on top
    counted = (f"{int(profile['inspections'].sum())} 次巡察, " if inspections is not None
               else "")
    fig.suptitle(f"{title} (n={counted}{int(profile['notices'].sum())} 份通报; 按通报数排序)")
    return attach(fig, profile)


def _panel_note(fmt: str, value: float, n: object) -> str:
    """A bar's note: the value, with its n when the panel has one; blank when n is 0."""
    if n is None or pd.isna(n):
        return fmt.format(value)
    return f"{fmt.format(value)} n={int(n)}" if n else ""


def plot_recurring_categories(problems: pd.DataFrame, notices: pd.DataFrame,
                              region: str = "city", top_n: int = 12) -> Figure:
    """Heatmap: for each sector, the share of its regions where a category was found."""
    title = f"同一领域在不同{column_label(region)}反复出现的问题类别"
    recurring = build_recurring_categories(problems, notices, region=region, top_n=top_n)
    if recurring.empty:
        return empty_figure(title, 0, "缺少领域或地区")
    share = recurring.pivot_table(index="sector", columns="category", values="share_pct",
                                  fill_value=0.0)
    count = recurring.pivot_table(index="sector", columns="category", values="n_regions",
                                  fill_value=0)
    regions = recurring.groupby("sector")["sector_regions"].first().sort_values(ascending=False)
    columns = [c for c in code_labels("category") if c in share.columns]
    share, count = share.loc[regions.index, columns], count.loc[regions.index, columns]
    shown = share.copy()
    shown.index = [f"{s} ({k}个地区)" for s, k in zip(regions.index, regions)]
    shown.columns = display_labels(columns, "category")
    notes = count.astype(int).astype(str)
    fig, (ax,) = new_figure(len(shown) + 2)
    draw_heatmap(ax, shown, notes=notes, unit="出现该类别的地区占比 (%)", cmap="Purples")
    ax.set(title=f"{title}\n(格内数字 = 地区数)", xlabel="问题类别")
    return attach(fig, recurring)
