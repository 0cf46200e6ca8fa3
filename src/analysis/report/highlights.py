"""Key figures, agency profiles and the notable cases of a build, each with its evidence.

Pure functions over the tables of SCHEMA.md; used by the notebooks and the briefing.
"""
from __future__ import annotations

import pandas as pd

from analysis.report.summary import fill_missing, notice_years, others_last, top_n_with_other

CASE_COLUMNS = ["doc_id", "inspected_org", "province", "city", "county", "title", "value", "n",
                "evidence", "source"]


def build_key_figures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The headline numbers of a build: figure, value, note (one row each)."""
    notices, problems = tables["notices"], tables["problems"]
    errors = tables.get("errors", pd.DataFrame())
    years = notice_years(notices).dropna()
    rates = notices["completion_rate"].dropna()
    money = notices["recovered_wan"].dropna()
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else "—"
    rows = [
        ("通报数", len(notices), f"另有 {len(errors)} 个文件无法读取"),
        ("列出问题数", len(problems), f"来自 {problems['doc_id'].nunique()} 份通报"),
        ("覆盖省份", notices["province"].nunique(), f"城市 {notices['city'].nunique()} 个"),
        ("覆盖领域", notices["sector"].nunique(), ""),
        ("年份范围", span, f"n={len(years)} 份有日期"),
        ("整改完成率中位数(%)", round(float(rates.median()), 1) if len(rates) else "—",
         f"n={len(rates)} 份通报给出完成率"),
        ("挽回经济损失合计(万元)", round(float(money.sum()), 2) if len(money) else "—",
         f"n={len(money)} 份通报给出金额"),
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "note"])


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
    """The `n` largest recovered_wan with the sentence they were read from (value in 万元)."""
    stated = notices.dropna(subset=["recovered_wan"]).nlargest(n, "recovered_wan")
    return _cases(stated, facts, "recovered_wan", ("recovered_wan", "amount"))


def build_lowest_completion(notices: pd.DataFrame, facts: pd.DataFrame,
                            n: int = 10) -> pd.DataFrame:
    """The `n` lowest completion rates (percent) with their evidence; `n` column = problems."""
    stated = notices.dropna(subset=["completion_rate"])
    stated = stated.sort_values(["completion_rate", "problems_total"],
                                ascending=[True, False]).head(n)
    stated = stated.assign(n=stated["problems_total"])
    fields = ("completion_rate", "problems_completed", "problems_total")
    return _cases(stated, facts, "completion_rate", fields)


def build_agency_profile(notices: pd.DataFrame, problems: pd.DataFrame, by: str = "sector",
                         top_n: int = 12) -> pd.DataFrame:
    """Side-by-side figures per group (sector, inspector_level …), with the n behind each.

    Columns: group, notices, problems_per_notice, completion_median, completion_n,
    recovered_wan, recovered_n, top_category, top_category_share_pct.
    """
    frame = notices.assign(group=top_n_with_other(fill_missing(notices[by]), top_n))
    profile = frame.groupby("group").agg(
        notices=("doc_id", "size"), completion_median=("completion_rate", "median"),
        completion_n=("completion_rate", "count"), recovered_wan=("recovered_wan", "sum"),
        recovered_n=("recovered_wan", "count"))
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
    profile = profile.fillna({"problems_per_notice": 0.0}).round(2)
    profile = profile.loc[others_last(profile.sort_values("notices", ascending=False).index)]
    return profile.rename_axis("group").reset_index()[
        ["group", "notices", "problems_per_notice", "completion_median", "completion_n",
         "recovered_wan", "recovered_n", "top_category", "top_category_share_pct"]]
