"""Charts of inspections over time: every `plot_*` takes a frame from
`analysis.report.trajectories` and returns a Figure with its numbers attached (never saves).

    points = build_trajectories(notices, inspections)
    save_figure(plot_trajectories(points), "35-inspection-trajectories-completion-by-days")

Groups below `min_n` are left out and the chart says how many (and how much n) that was.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analysis.report.plots_base import (
    ACCENT,
    COLOR,
    attach,
    display_labels,
    draw_barh,
    empty_figure,
    min_n_note,
    new_figure,
    split_min_n,
)
from analysis.report.trajectories import MONTH_DAYS

__all__ = ["plot_trajectories", "plot_days_to_final", "plot_incomplete_at",
           "plot_completion_by_category", "plot_recurring_by_category", "plot_rate_sources"]
SOURCE_LABELS = {("notice", "stated"): "通报 · 原文所述", ("notice", "computed"): "通报 · 计算所得",
                 ("inspection", "stated"): "巡察 · 原文所述",
                 ("inspection", "computed"): "巡察 · 计算所得"}


def _month_guides(ax, top: float) -> None:
    for month, days in MONTH_DAYS.items():
        ax.axvline(days, color="#999999", linestyle=":", linewidth=0.8)
        ax.text(days, top, f"{month}个月", ha="center", va="bottom", fontsize=8, color="#666666")


def plot_trajectories(points: pd.DataFrame) -> Figure:
    """Completion rate (%) against days since feedback: one line per inspection through its
    as-of points; final notices marked."""
    title = "整改完成率随反馈后天数的变化 (每条线为一次巡察)"
    if points.empty:
        return empty_figure(title, 0, "没有同时写明完成率与日期的通报")
    fig, (ax,) = new_figure(12, width=9.0)
    n_inspections = points["inspection_id"].nunique()
    alpha = float(np.clip(8 / np.sqrt(n_inspections), 0.05, 0.7))
    segments = [group[["days", "completion_rate"]].to_numpy(dtype=float)
                for _, group in points.groupby("inspection_id") if len(group) > 1]
    ax.add_collection(LineCollection(segments, colors=COLOR, linewidths=1.0, alpha=alpha))
    final = points["doc_type"] == "rectification_report"
    ax.scatter(points.loc[~final, "days"], points.loc[~final, "completion_rate"], s=14,
               color=COLOR, alpha=min(1.0, alpha * 1.5), label="进展通报")
    ax.scatter(points.loc[final, "days"], points.loc[final, "completion_rate"], s=22,
               marker="D", color=ACCENT, alpha=min(1.0, alpha * 1.5), label="整改情况通报 (最终)")
    _month_guides(ax, 106)
    ax.set(xlim=(0, max(400, float(points["days"].max()) * 1.05)), ylim=(0, 112),
           yticks=range(0, 101, 20), xlabel="反馈后天数 (截至日期, 否则发布日期)",
           ylabel="整改完成率 (%)")
    ax.set_title(f"{title}\n(n={n_inspections} 次巡察, {len(points)} 个时点; "
                 f"{len(segments)} 次巡察有两个以上时点)", fontsize=12)
    ax.grid(color="#eeeeee", linewidth=0.6)
    ax.legend(loc="lower right", fontsize=8)
    return attach(fig, points)


def plot_days_to_final(finals: pd.DataFrame) -> Figure:
    """Histogram of days from feedback to the final notice, with the median and n."""
    title = "从反馈到整改情况通报的天数"
    if finals.empty:
        return empty_figure(title, 0, "没有带日期的整改情况通报")
    days = finals["days"].astype(float)
    fig, (ax,) = new_figure(8)
    bins = np.arange(0, max(days.max(), 30) + 30, 30)
    counts, edges, _ = ax.hist(days, bins=bins, color=COLOR, edgecolor="white")
    median = float(days.median())
    ax.axvline(median, color=ACCENT, linewidth=1.5)
    ax.text(median, counts.max() * 1.02 if len(counts) else 1, f" 中位数 {median:.0f} 天",
            color=ACCENT, fontsize=9, va="bottom")
    ax.set(title=f"{title} (n={len(finals)} 次巡察)", xlabel="反馈后天数 (每格 30 天)",
           ylabel="巡察次数")
    ax.grid(axis="y", color="#eeeeee", linewidth=0.6)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    table = pd.DataFrame({"from_days": edges[:-1].astype(int), "to_days": edges[1:].astype(int),
                          "inspections": counts.astype(int)})
    return attach(fig, table)


def plot_incomplete_at(states: pd.DataFrame, min_n: int = 3) -> Figure:
    """Share of inspections still incomplete 3, 6 and 12 months after feedback, with n."""
    title = "反馈后仍未全部完成整改的巡察占比"
    kept, left_out = split_min_n(states, min_n)
    if kept.empty:
        return empty_figure(title, int(states["n"].sum()) if len(states) else 0,
                            f"每个时点至少需要 {min_n} 次状态可知的巡察")
    fig, (ax,) = new_figure(len(kept) + 2)
    labels = [f"反馈后 {m} 个月 ({d} 天)" for m, d in zip(kept["months"], kept["days"])]
    notes = [f"{p:.0f}% ({k}/{n})" for p, k, n in
             zip(kept["incomplete_pct"], kept["n_incomplete"], kept["n"])]
    draw_barh(ax, labels, kept["incomplete_pct"], notes, color=ACCENT)
    ax.set_xlim(0, 125)
    unknown = ", ".join(f"{m}个月 {u}" for m, u in zip(states["months"], states["n_unknown"]))
    ax.set(title=f"{title}\n(括号内: 未完成 / 状态可知的巡察数 n)",
           xlabel=f"未完成的巡察占状态可知者 (%)\n状态不可知 (无相应时点) 的巡察: {unknown}"
           + _note(min_n_note(left_out, min_n, "次巡察", "个时点")))
    return attach(fig, states)


def plot_completion_by_category(by_category: pd.DataFrame, min_n: int = 5) -> Figure:
    """Share of problems completed per category (latest status), slowest first, with n."""
    title = "各类问题的整改完成占比 (按最新状态)"
    kept, left_out = split_min_n(by_category, min_n)
    if kept.empty:
        return empty_figure(title, int(by_category["n"].sum()) if len(by_category) else 0,
                            f"每类至少需要 {min_n} 个写明状态的问题")
    fig, (ax,) = new_figure(len(kept))
    notes = [f"{p:.0f}% ({k}/{n})" for p, k, n in
             zip(kept["completed_pct"], kept["completed"], kept["n"])]
    draw_barh(ax, display_labels(kept["category"], "category"), kept["completed_pct"], notes)
    ax.set_xlim(0, 125)
    ax.set(title=f"{title}\n(n={int(kept['n'].sum())} 个写明状态的问题; 最慢的在上)",
           xlabel="已完成整改的问题占比 (%)" + _note(min_n_note(left_out, min_n, "个问题", "类")))
    return attach(fig, by_category)


def plot_recurring_by_category(recurring: pd.DataFrame) -> Figure:
    """For agencies inspected again: how many had each problem category come back."""
    title = "再次被巡察的单位中反复出现的问题类别"
    if recurring.empty or not recurring["n_recurs"].sum():
        n = int(recurring["n_agencies"].max()) if len(recurring) else 0
        return empty_figure(title, n, "没有单位在两次以上巡察中都列出问题类别")
    n_agencies = int(recurring["n_agencies"].iloc[0])
    fig, (ax,) = new_figure(len(recurring))
    notes = [f"{k}/{n_agencies} 个单位" for k in recurring["n_recurs"]]
    draw_barh(ax, display_labels(recurring["category"], "category"), recurring["recurs_pct"],
              notes, color="#6a4c93")
    ax.set(title=f"{title}\n(n={n_agencies} 个单位: 两次以上巡察都列出了问题)",
           xlabel="该类问题在两次以上巡察中出现的单位占比 (%)")
    return attach(fig, recurring)


def _note(text: str) -> str:
    return f"\n{text}" if text else ""


def plot_rate_sources(sources: pd.DataFrame) -> Figure:
    """Median completion rate (bar) and its quartiles (whisker), stated apart from computed,
    per notice and per inspection, each with n."""
    title = "整改完成率: 原文所述与计算所得分开"
    shown = sources[sources["n"] > 0].reset_index(drop=True)
    if shown.empty:
        return empty_figure(title, 0, "没有完成率")
    fig, (ax,) = new_figure(len(shown) + 2)
    labels = [SOURCE_LABELS.get((u, s), f"{u} {s}") for u, s in zip(shown["unit"], shown["source"])]
    colours = [COLOR if s == "stated" else "#81c3d7" for s in shown["source"]]
    notes = [f"中位数 {m:.1f}% (四分位 {a:.0f}–{b:.0f}; n={k})" for m, a, b, k
             in zip(shown["median"], shown["q1"], shown["q3"], shown["n"])]
    draw_barh(ax, labels, shown["median"], notes, color=COLOR)
    for bar, colour in zip(ax.patches, colours):
        bar.set_color(colour)
    ax.errorbar(shown["median"], range(len(shown)), fmt="none", ecolor="#333333", capsize=3,
                xerr=[shown["median"] - shown["q1"], shown["q3"] - shown["median"]])
    for text, right in zip(ax.texts, shown[["median", "q3"]].max(axis=1)):
        text.set_x(float(right) + 2)             # notes clear of the whiskers
    ax.set_xlim(0, 150)
    ax.set(title=f"{title}\n(巡察取最新一份通报的完成率)", xlabel="整改完成率 (%)")
    return attach(fig, sources)
