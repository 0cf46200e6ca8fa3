"""Tidy summaries of the built tables: the numbers behind every chart and the briefing.

Pure functions: each takes tables (DataFrames with the columns of SCHEMA.md) and returns a
small DataFrame, ready for a `plot_*` function or for a CSV beside a figure. Groups beyond the
top N are folded into "其他" so the result stays readable with 20,000 notices.
"""
from __future__ import annotations

import pandas as pd

from analysis.schema import code_labels, table_columns
from analysis.tables.load import notice_years

OTHER = "其他"
MISSING = "未注明"
# the first date a notice has, in this order, dates it on a timeline
MAX_LAG_DAYS = 1100          # lags beyond three years are read errors, not lags
# columns that say nothing about extraction (book-keeping, always present)
_NOT_FIELDS = {"doc_id", "source_path", "source_format", "problems_listed", "anonymized",
               "n_chars", "duplicate_of", "duplicate_match", "duplicate_similarity",
               "inspection_id", "agency", "figure_doubts", "rate_stated"}


def relabel(values: pd.Series, kind: str, short: bool = True) -> pd.Series:
    """Codes replaced by their Chinese labels; unknown codes kept, missing -> 未注明."""
    labels = code_labels(kind, short)
    return values.map(lambda v: MISSING if pd.isna(v) else labels.get(str(v), str(v)))


def fill_missing(values: pd.Series) -> pd.Series:
    """Text values with missing ones as 未注明 (so they show up as a group)."""
    return values.astype("object").where(values.notna(), MISSING).astype(str)


def top_n_with_other(values: pd.Series, n: int, other: str = OTHER) -> pd.Series:
    """Keep the `n` most frequent values; fold the rest into `other`.

    >>> top_n_with_other(pd.Series(list("aaabbc")), 2).tolist()
    ['a', 'a', 'a', 'b', 'b', '其他']
    """
    keep = values.value_counts().index[:n]
    return values.where(values.isin(keep) | values.isna(), other)


def others_last(labels: list[str] | pd.Index) -> list[str]:
    """The labels in their order, with 其他 and 未注明 moved to the end.

    >>> others_last(["其他", "民政", "未注明", "人社"])
    ['民政', '人社', '其他', '未注明']
    """
    labels = list(labels)
    return [x for x in labels if x not in (OTHER, MISSING)] + [
        x for x in (OTHER, MISSING) if x in labels]


def agency_names(notices: pd.DataFrame) -> pd.Series:
    """The inspected organisation with its place, so that 区民政局党组 of two districts differ.

    The place is the one the name's first character points to (省, 市, 区/县), else the most
    specific known; it is left off when the name already starts with it.

    >>> frame = pd.DataFrame({"inspected_org": ["区人社局党组", "青溪区民政局党组", None],
    ...                       "province": ["澜江省"] * 3, "city": ["云台市"] * 3,
    ...                       "county": ["青溪区"] * 3})
    >>> agency_names(frame).tolist()
    ['区人社局党组（青溪区）', '青溪区民政局党组', None]
    """
    rows = notices.reindex(columns=["inspected_org", "province", "city", "county"])
    return pd.Series([_agency(*row) for row in rows.itertuples(index=False)],
                     index=notices.index, dtype="object")


def _agency(org: object, province: object, city: object, county: object) -> str | None:
    if pd.isna(org):
        return None
    by_level = {"省": province, "市": city, "区": county, "县": county}
    place = by_level.get(str(org)[:1])
    if place is None or pd.isna(place):
        place = next((p for p in (county, city, province) if not pd.isna(p)), None)
    if place is None or str(org).startswith(str(place)):
        return str(org)
    return f"{org}（{place}）"




def build_field_coverage(notices: pd.DataFrame) -> pd.DataFrame:
    """How often each notices field was found: field, label, n_found, n, share_pct (sorted)."""
    labels = {c.name: c.label for c in table_columns("notices")}
    fields = [c for c in notices.columns if c in labels and c not in _NOT_FIELDS]
    rows = [{"field": f, "label": labels[f], "n_found": int(notices[f].notna().sum()),
             "n": len(notices)} for f in fields]
    out = pd.DataFrame(rows, columns=["field", "label", "n_found", "n"])
    out["share_pct"] = (out["n_found"] / out["n"].where(out["n"] > 0) * 100).round(1)
    return out.sort_values(["share_pct", "field"], ascending=[False, True], ignore_index=True)


def build_crosstab(frame: pd.DataFrame, rows: str, columns: str,
                   top_rows: int = 12, top_columns: int = 10) -> pd.DataFrame:
    """Counts of `rows` × `columns`, each folded to its top N plus 其他, largest rows first."""
    if frame.empty:
        return pd.DataFrame()
    row_values = top_n_with_other(fill_missing(frame[rows]), top_rows)
    column_values = top_n_with_other(fill_missing(frame[columns]), top_columns)
    table = pd.crosstab(row_values, column_values)
    table = table.loc[others_last(table.sum(axis=1).sort_values(ascending=False).index)]
    return table[others_last(table.sum(axis=0).sort_values(ascending=False).index)]


def build_over_time(notices: pd.DataFrame, problems: pd.DataFrame) -> pd.DataFrame:
    """Per year: notices, problems listed, median completion rate with its n, problem status.

    Every year between the first and the last appears, with zero counts where none fall.
    """
    years = notices.assign(year=notice_years(notices)).dropna(subset=["year"])
    if years.empty:
        return pd.DataFrame(columns=["year", "notices", "problems", "completion_median",
                                     "completion_n", "completed_share_pct", "status_n"])
    per_year = years.groupby("year").agg(
        notices=("doc_id", "size"),
        completion_median=("completion_rate", "median"),
        completion_n=("completion_rate", "count"))
    linked = problems.merge(years[["doc_id", "year"]], on="doc_id")
    known = linked[linked["status"].isin(["completed", "in_progress"])]
    per_year["problems"] = linked.groupby("year").size()
    per_year["status_n"] = known.groupby("year").size()
    per_year["completed_share_pct"] = (
        known[known["status"] == "completed"].groupby("year").size() / per_year["status_n"] * 100)
    every_year = range(int(per_year.index.min()), int(per_year.index.max()) + 1)
    per_year = per_year.reindex(pd.Index(every_year, name="year"))     # gaps stay visible
    per_year = per_year.fillna({"notices": 0, "problems": 0, "status_n": 0,
                                "completion_n": 0}).reset_index()
    counts = ["notices", "problems", "status_n", "completion_n"]
    per_year[counts] = per_year[counts].astype(int)
    return per_year[["year", "notices", "problems", "completion_median", "completion_n",
                     "completed_share_pct", "status_n"]].round(1)


def build_lags(notices: pd.DataFrame) -> pd.DataFrame:
    """Days from inspection end to feedback, and from feedback to the report (long form).

    The report date is as_of_date, else publish_date. Negative lags and lags over
    MAX_LAG_DAYS are dropped as read errors. Columns: doc_id, stage, days.
    """
    def day(column: str) -> pd.Series:
        return pd.to_datetime(notices[column], errors="coerce", format="%Y-%m-%d")
    report = day("as_of_date").fillna(day("publish_date"))
    stages = {"inspection_to_feedback": day("feedback_date") - day("inspection_end"),
              "feedback_to_report": report - day("feedback_date")}
    frames = [pd.DataFrame({"doc_id": notices["doc_id"], "stage": stage, "days": delta.dt.days})
              for stage, delta in stages.items()]
    lags = pd.concat(frames, ignore_index=True).dropna(subset=["days"])
    lags = lags[(lags["days"] >= 0) & (lags["days"] <= MAX_LAG_DAYS)]
    return lags.astype({"days": int}).reset_index(drop=True)


def build_rate_by(frame: pd.DataFrame, by: str, min_n: int = 3,
                  top_n: int = 15) -> pd.DataFrame:
    """Completion rate per group with n: group, n, median_rate, mean_rate, n_stated.

    `frame` is notices or inspections (one rate per row). Only groups with at least `min_n`
    rates; of those the `top_n` with most rows; sorted by median rate, highest first.
    `n_stated` counts the rates the notices state themselves (the rest are completed /
    total). Rows whose group is unknown are left out: a ranking compares named groups.
    """
    rated = frame.dropna(subset=["completion_rate", by])
    if rated.empty:
        return pd.DataFrame(columns=["group", "n", "median_rate", "mean_rate", "n_stated"])
    stated = rated["rate_stated"].fillna(False).astype(bool) if "rate_stated" in rated.columns \
        else pd.Series(False, index=rated.index)
    grouped = rated.assign(group=fill_missing(rated[by]), stated=stated).groupby("group")
    out = grouped["completion_rate"].agg(n="count", median_rate="median", mean_rate="mean")
    out["n_stated"] = grouped["stated"].sum().astype(int)
    out = out.reset_index()
    out = out[out["n"] >= min_n].nlargest(top_n, "n")
    return out.sort_values(["median_rate", "n"], ascending=False, ignore_index=True).round(1)


def build_recovered_by(notices: pd.DataFrame, by: str, top_n: int = 12) -> pd.DataFrame:
    """Money recovered per group: group, n (rows stating a sum), recovered_wan; largest first.

    `notices` may be the inspections table, whose figure is counted once per inspection.
    Groups past the top N are summed into 其他 (kept last).
    """
    stated = notices.dropna(subset=["recovered_wan"])
    if stated.empty:
        return pd.DataFrame(columns=["group", "n", "recovered_wan"])
    totals = stated.assign(group=fill_missing(stated[by])).groupby("group").agg(
        n=("recovered_wan", "count"), recovered_wan=("recovered_wan", "sum"))
    totals = totals.sort_values("recovered_wan", ascending=False)
    head, tail = totals.iloc[:top_n], totals.iloc[top_n:]
    if len(tail):
        head = pd.concat([head, pd.DataFrame({"n": [tail["n"].sum()],
                                              "recovered_wan": [tail["recovered_wan"].sum()]},
                                             index=[OTHER])])
    return head.rename_axis("group").reset_index().round({"recovered_wan": 2})


def build_category_shares(problems: pd.DataFrame, notices: pd.DataFrame | None = None,
                          by: str | None = None, top_n: int = 12) -> pd.DataFrame:
    """Share of problems per primary category, overall or per group of notices.

    Columns: group, category, n, group_n, share_pct. Groups past the top N fold into 其他.
    """
    frame = problems.dropna(subset=["category"])
    if by is None:
        frame = frame.assign(group="全部")
    else:
        frame = frame.merge(notices[["doc_id", by]], on="doc_id", how="left")
        frame = frame.assign(group=top_n_with_other(fill_missing(frame[by]), top_n))
    counts = frame.groupby(["group", "category"]).size().rename("n").reset_index()
    counts["group_n"] = counts.groupby("group")["n"].transform("sum")
    counts["share_pct"] = (counts["n"] / counts["group_n"] * 100).round(1)
    return counts.sort_values(["group_n", "n"], ascending=False, ignore_index=True)


def build_recurring_categories(problems: pd.DataFrame, notices: pd.DataFrame,
                               region: str = "city", top_n: int = 12) -> pd.DataFrame:
    """For each sector, in how many regions each category was found.

    Columns: sector, category, n_regions, sector_regions, share_pct (of the sector's regions
    with any problem). Sectors past the top N (by regions) are left out.
    """
    frame = problems.merge(notices[["doc_id", "sector", region]], on="doc_id")
    frame = frame.dropna(subset=["sector", region, "category"])
    columns = ["sector", "category", "n_regions", "sector_regions", "share_pct"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    regions = frame.groupby("sector")[region].nunique().nlargest(top_n)
    frame = frame[frame["sector"].isin(regions.index)]
    out = frame.groupby(["sector", "category"])[region].nunique().rename("n_regions")
    out = out.reset_index()
    out["sector_regions"] = out["sector"].map(regions)
    out["share_pct"] = (out["n_regions"] / out["sector_regions"] * 100).round(1)
    return out.sort_values(["sector_regions", "n_regions"], ascending=False,
                           ignore_index=True)[columns]


def build_category_reach(problems: pd.DataFrame) -> pd.DataFrame:
    """Per primary category: share of problems, and share of notices listing any problem that
    list at least one of it (a notice with many finance items counts once).

    Columns: category, n, share_pct (of problems), n_notices, notice_share_pct, notices_listing.

    >>> problems = pd.DataFrame({"doc_id": ["a", "a", "a", "b"],
    ...                          "category": ["finance", "finance", "duty", "duty"]})
    >>> build_category_reach(problems)[["category", "share_pct", "notice_share_pct"]].values.tolist()
    [['duty', 50.0, 100.0], ['finance', 50.0, 50.0]]
    """
    frame = problems.dropna(subset=["category"])
    columns = ["category", "n", "share_pct", "n_notices", "notice_share_pct", "notices_listing"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    listing = frame["doc_id"].nunique()
    out = frame.groupby("category").agg(n=("doc_id", "size"), n_notices=("doc_id", "nunique"))
    out["share_pct"] = (out["n"] / len(frame) * 100).round(1)
    out["notice_share_pct"] = (out["n_notices"] / listing * 100).round(1)
    out["notices_listing"] = listing
    return out.reset_index().sort_values(["n_notices", "n", "category"],
                                         ascending=[False, False, True],
                                         ignore_index=True)[columns]
