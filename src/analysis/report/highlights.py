"""Key figures, agency profiles and the notable cases of a build, each with its evidence.

Pure functions over the tables of SCHEMA.md; used by the notebooks and the briefing.
"""
from __future__ import annotations

import pandas as pd

from analysis.report.summary import (
    OTHER,
    fill_missing,
    notice_years,
    others_last,
    top_n_with_other,
)

CASE_COLUMNS = ["doc_id", "inspected_org", "province", "city", "county", "title", "value", "n",
                "evidence", "source"]


def build_key_figures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The headline numbers of a build: figure, value, note (one row each).

    With an inspections table, completion is also given per inspection and money is counted
    once per inspection (its latest figure) plus the notices outside any inspection.
    """
    notices, problems = tables["notices"], tables["problems"]
    errors = tables.get("errors", pd.DataFrame())
    inspections = tables.get("inspections")
    years = notice_years(notices).dropna()
    rates = notices["completion_rate"].dropna()
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else "—"
    rows = [
        ("通报数", len(notices), f"另有 {len(errors)} 个文件无法读取"),
        ("列出问题数", len(problems), f"来自 {problems['doc_id'].nunique()} 份通报"),
        ("覆盖省份", notices["province"].nunique(), f"城市 {notices['city'].nunique()} 个"),
        ("覆盖领域", notices["sector"].nunique(), ""),
        ("年份范围", span, f"n={len(years)} 份有日期"),
        ("整改完成率中位数(%)", round(float(rates.median()), 1) if len(rates) else "—",
         f"n={len(rates)} 份通报给出完成率"),
    ]
    if inspections is not None and len(inspections):
        rows += _inspection_figures(inspections)
    rows.append(_money_figure(notices, inspections))
    return pd.DataFrame(rows, columns=["figure", "value", "note"])


def _inspection_figures(inspections: pd.DataFrame) -> list[tuple[str, object, str]]:
    rates = inspections["completion_rate"].dropna()
    stated = int(inspections.loc[rates.index, "rate_stated"].fillna(False).astype(bool).sum())
    status = inspections["status"].value_counts()
    known = int(status.get("complete", 0) + status.get("incomplete", 0))
    followed = int((inspections["n_notices"] >= 2).sum())
    return [
        ("巡察数", len(inspections), f"其中 {followed} 次有两份以上通报"),
        ("巡察整改完成率中位数(%)", round(float(rates.median()), 1) if len(rates) else "—",
         f"n={len(rates)} 次巡察 (最新通报; 原文所述 {stated}, 计算所得 {len(rates) - stated})"),
        ("未全部完成整改的巡察", int(status.get("incomplete", 0)),
         f"n={known} 次巡察有完成数字"),
    ]


def _money_figure(notices: pd.DataFrame,
                  inspections: pd.DataFrame | None) -> tuple[str, object, str]:
    """Money recovered: once per inspection (latest figure) when inspections are known."""
    if inspections is None or not len(inspections) or "inspection_id" not in notices.columns:
        money = notices["recovered_wan"].dropna()
        return ("挽回经济损失合计(万元)", round(float(money.sum()), 2) if len(money) else "—",
                f"n={len(money)} 份通报给出金额")
    by_inspection = inspections["recovered_wan"].dropna()
    loose = notices.loc[notices["inspection_id"].isna(), "recovered_wan"].dropna()
    total = float(by_inspection.sum() + loose.sum())
    return ("挽回经济损失合计(万元)", round(total, 2) if len(by_inspection) + len(loose) else "—",
            f"n={len(by_inspection)} 次巡察 (每次计最新数字一次) + {len(loose)} 份未归入巡察的通报")


def _source(notices: pd.DataFrame) -> pd.Series:
    return notices["url"].astype("object").where(notices["url"].notna(), notices["source_path"])


def _evidence(facts: pd.DataFrame, fields: tuple[str, ...]) -> pd.Series:
    """doc_id -> the first evidence sentence among `fields`, in the order of `fields`."""
    chosen = facts[facts["field"].isin(fields)].copy()
    chosen["rank"] = chosen["field"].map({f: i for i, f in enumerate(fields)})
    chosen = chosen.sort_values(["doc_id", "rank", "start"]).drop_duplicates("doc_id")
    return chosen.set_index("doc_id")["evidence"]


def _cases(notices: pd.DataFrame, facts: pd.DataFrame, value: str,
           fields: tuple[str, ...]) -> pd.DataFrame:
    out = notices.assign(value=notices[value], source=_source(notices))
    out["evidence"] = out["doc_id"].map(_evidence(facts, fields))
    return out.reindex(columns=CASE_COLUMNS).reset_index(drop=True)


def build_largest_recoveries(notices: pd.DataFrame, facts: pd.DataFrame,
                             n: int = 10) -> pd.DataFrame:
    """The `n` largest recovered_wan with the sentence they were read from (value in 万元).

    Figures are cumulative, so an inspection counts once: with its latest notice that states
    a sum, the figure the inspections table holds.
    """
    stated = notices.dropna(subset=["recovered_wan"])
    if "inspection_id" in stated.columns:
        stated = _latest_per_inspection(stated)
    stated = stated.nlargest(n, "recovered_wan")
    return _cases(stated, facts, "recovered_wan", ("recovered_wan", "amount"))


def _latest_per_inspection(notices: pd.DataFrame) -> pd.DataFrame:
    """The latest notice of each inspection (as-of, else publish date; then stage); notices
    outside any inspection all kept."""
    when = notices["as_of_date"].where(notices["as_of_date"].notna(), notices["publish_date"])
    stage = notices["doc_type"].map({"progress_report": 1, "rectification_report": 2}).fillna(0)
    key = notices["inspection_id"].where(notices["inspection_id"].notna(), notices["doc_id"])
    ordered = notices.assign(_when=when, _stage=stage, _key=key).sort_values(
        ["_key", "_when", "_stage", "source_path"], na_position="first")
    latest = ordered.drop_duplicates("_key", keep="last")
    return latest.drop(columns=["_when", "_stage", "_key"])


def build_lowest_completion(notices: pd.DataFrame, facts: pd.DataFrame,
                            n: int = 10) -> pd.DataFrame:
    """The `n` lowest completion rates (percent) with their evidence; `n` column = problems."""
    stated = notices.dropna(subset=["completion_rate"])
    stated = stated.sort_values(["completion_rate", "problems_total"],
                                ascending=[True, False]).head(n)
    stated = stated.assign(n=stated["problems_total"])
    fields = ("completion_rate", "problems_completed", "problems_total")
    return _cases(stated, facts, "completion_rate", fields)


INCOMPLETE_COLUMNS = ["inspection_id", "agency", "inspected_org", "province", "city", "county",
                      "title", "value", "completed", "n", "as_of", "evidence", "source"]
RATE_FIELDS = ("completion_rate", "problems_completed", "problems_total")


def build_incomplete_inspections(inspections: pd.DataFrame, notices: pd.DataFrame,
                                 facts: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    """Inspections whose latest figures say rectification is not finished, lowest rate first,
    each with the evidence behind those figures.

    The evidence is every sentence (facts rows of completion_rate, problems_completed,
    problems_total) of the latest notice that states a rate, joined by " / ". Columns:
    inspection_id, agency, inspected_org, province, city, county, title, value (rate %),
    completed, n (problems), as_of (that notice's as-of, else publish date), evidence, source.
    """
    open_ = inspections[inspections["status"] == "incomplete"]
    latest = _latest_rate_notices(notices)
    cases = open_.drop(columns=["title"], errors="ignore").merge(
        latest, on="inspection_id", how="left", suffixes=("", "_notice"))
    if cases.empty:
        return pd.DataFrame(columns=INCOMPLETE_COLUMNS)
    chosen = facts[facts["field"].isin(RATE_FIELDS)].sort_values(["doc_id", "start"])
    sentences = chosen.drop_duplicates(["doc_id", "evidence"]).groupby("doc_id")["evidence"].agg(
        " / ".join)
    cases = cases.assign(value=cases["completion_rate"], completed=cases["problems_completed"],
                         n=cases["problems_total"], evidence=cases["doc_id"].map(sentences))
    cases = cases.sort_values(["value", "n"], ascending=[True, False], na_position="last")
    cases = cases.reindex(columns=INCOMPLETE_COLUMNS).reset_index(drop=True)
    return cases if n is None else cases.head(n)


def _latest_rate_notices(notices: pd.DataFrame) -> pd.DataFrame:
    """Per inspection, the latest notice stating a completion rate: doc_id, title, as_of, source."""
    rated = _latest_per_inspection(notices.dropna(subset=["inspection_id", "completion_rate"]))
    as_of = rated["as_of_date"].where(rated["as_of_date"].notna(), rated["publish_date"])
    latest = rated.assign(as_of=as_of, source=_source(rated))
    return latest[["inspection_id", "doc_id", "title", "as_of", "source"]]


def build_agency_profile(notices: pd.DataFrame, problems: pd.DataFrame, by: str = "sector",
                         top_n: int = 12, inspections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Side-by-side figures per group (sector, inspector_level …), with the n behind each.

    Columns: group, notices, inspections, problems_per_notice, completion_median,
    completion_n, recovered_wan, recovered_n, top_category, top_category_share_pct.
    With `inspections`, completion and money come from the inspections table (one latest
    figure per inspection, never summed across its notices) and their n counts inspections;
    without, from the notices.
    """
    frame = notices.assign(group=top_n_with_other(fill_missing(notices[by]), top_n))
    profile = frame.groupby("group").agg(notices=("doc_id", "size"))
    figures = frame
    if inspections is not None:
        kept = set(profile.index)
        group = fill_missing(inspections[by])
        figures = inspections.assign(group=group.where(group.isin(kept), OTHER))
        profile["inspections"] = figures.groupby("group").size()
    else:
        profile["inspections"] = float("nan")
    money = figures.groupby("group").agg(
        completion_median=("completion_rate", "median"),
        completion_n=("completion_rate", "count"), recovered_wan=("recovered_wan", "sum"),
        recovered_n=("recovered_wan", "count"))
    profile = profile.join(money)
    linked = problems.merge(frame[["doc_id", "group"]], on="doc_id")
    profile["problems_per_notice"] = linked.groupby("group").size() / profile["notices"]
    counts = linked.dropna(subset=["category"]).groupby(["group", "category"]).size()
    if len(counts):
        top = counts.sort_values(ascending=False).reset_index(name="k")
        top = top.drop_duplicates("group").set_index("group")
        profile["top_category"] = top["category"]
        profile["top_category_share_pct"] = top["k"] / linked.groupby("group").size() * 100
    else:
        profile["top_category"], profile["top_category_share_pct"] = None, float("nan")
    profile = profile.fillna({"problems_per_notice": 0.0, "completion_n": 0, "recovered_n": 0,
                              "recovered_wan": 0.0}).round(2)
    profile = profile.loc[others_last(profile.sort_values("notices", ascending=False).index)]
    return profile.rename_axis("group").reset_index()[
        ["group", "notices", "inspections", "problems_per_notice", "completion_median",
         "completion_n", "recovered_wan", "recovered_n", "top_category",
         "top_category_share_pct"]]
