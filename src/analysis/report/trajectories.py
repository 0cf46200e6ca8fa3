"""Inspections followed over time: completion against days since feedback, time to the final
notice, what is still open at 3, 6 and 12 months, which problems are slowest, and agencies
inspected again.

Pure functions over the tables of SCHEMA.md (copies left out first); each returns a tidy
DataFrame for a `plot_*` function in `analysis.report.plots_trajectories`.

An *as-of point* is one notice of an inspection that states a completion rate and a date:
its as-of date, else its publish date (its figures stand at least on the day it appeared).
Days count from the inspection's feedback date (inspections.feedback_date, else the
notice's own). Negative spans and spans over MAX_LAG_DAYS are read errors and left out.
"""
from __future__ import annotations

import pandas as pd

from analysis.report.summary import MAX_LAG_DAYS

MONTH_DAYS = {3: 91, 6: 183, 12: 365}      # a checkpoint in months -> days after feedback
REPORT_TYPES = ("progress_report", "rectification_report")
FINAL_TYPE = "rectification_report"
KNOWN_STATUS = ("completed", "in_progress")
POINT_COLUMNS = ["inspection_id", "agency", "doc_id", "doc_type", "feedback_date", "as_of",
                 "date_source", "days", "completion_rate", "rate_stated"]


def _day(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce", format="%Y-%m-%d")


def _originals(notices: pd.DataFrame) -> pd.DataFrame:
    """Notices that are not copies of another."""
    if "duplicate_of" not in notices.columns:
        return notices
    copy = notices["duplicate_of"].notna() & (notices["duplicate_of"].astype(str).str.strip() != "")
    return notices[~copy]


def _with_feedback(notices: pd.DataFrame, inspections: pd.DataFrame) -> pd.DataFrame:
    """Linked notices with the inspection's feedback date (else their own) and agency."""
    linked = _originals(notices).dropna(subset=["inspection_id"])
    known = inspections.reindex(columns=["inspection_id", "feedback_date", "agency"])
    known = known.drop_duplicates("inspection_id").rename(
        columns={"feedback_date": "inspection_feedback", "agency": "inspection_agency"})
    out = linked.merge(known, on="inspection_id", how="left")
    feedback = out["inspection_feedback"].where(out["inspection_feedback"].notna(),
                                                out["feedback_date"])
    own_agency = out["agency"] if "agency" in out.columns else pd.Series(None, index=out.index)
    agency = out["inspection_agency"].where(out["inspection_agency"].notna(), own_agency)
    return out.assign(feedback_date=feedback, agency=agency)


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with as_of (as-of, else publish date), date_source and days since feedback."""
    as_of = _day(frame["as_of_date"])
    source = pd.Series("as_of_date", index=frame.index).where(as_of.notna(), "publish_date")
    as_of = as_of.fillna(_day(frame["publish_date"]))
    days = (as_of - _day(frame["feedback_date"])).dt.days
    out = frame.assign(as_of=as_of.dt.strftime("%Y-%m-%d"), date_source=source, days=days)
    out = out.dropna(subset=["days"])
    out = out[(out["days"] >= 0) & (out["days"] <= MAX_LAG_DAYS)]
    return out.astype({"days": int})


def build_trajectories(notices: pd.DataFrame, inspections: pd.DataFrame) -> pd.DataFrame:
    """The as-of points of every inspection, one row per notice stating a completion rate.

    Columns: inspection_id, agency, doc_id, doc_type, feedback_date, as_of, date_source
    (as_of_date or publish_date), days, completion_rate, rate_stated; sorted by inspection
    and days.

    >>> notices = pd.DataFrame({"doc_id": ["a", "b", "c"], "inspection_id": ["i", "i", None],
    ...     "doc_type": ["progress_report", "rectification_report", "progress_report"],
    ...     "feedback_date": ["2024-01-10", None, "2024-01-01"],
    ...     "as_of_date": ["2024-04-30", None, "2024-02-01"],
    ...     "publish_date": [None, "2024-10-15", None],
    ...     "completion_rate": [66.7, 100.0, 50.0], "rate_stated": [False, True, True]})
    >>> inspections = pd.DataFrame({"inspection_id": ["i"], "feedback_date": ["2024-01-10"],
    ...                             "agency": ["青溪区民政局"]})
    >>> build_trajectories(notices, inspections)[["doc_id", "days", "date_source"]].values.tolist()
    [['a', 111, 'as_of_date'], ['b', 279, 'publish_date']]
    """
    frame = _with_feedback(notices, inspections).dropna(subset=["completion_rate"])
    if frame.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    points = _dated(frame)
    if "rate_stated" not in points.columns:
        points = points.assign(rate_stated=pd.NA)
    return points.sort_values(["inspection_id", "days", "doc_id"]).reindex(
        columns=POINT_COLUMNS).reset_index(drop=True)


def build_days_to_final(notices: pd.DataFrame, inspections: pd.DataFrame) -> pd.DataFrame:
    """Days from feedback to the final notice (整改情况通报) of each inspection that has one.

    The first final notice counts. Columns: inspection_id, agency, feedback_date, as_of,
    date_source, days, completion_rate (as that notice states it, may be empty).
    """
    columns = ["inspection_id", "agency", "feedback_date", "as_of", "date_source", "days",
               "completion_rate"]
    frame = _with_feedback(notices, inspections)
    frame = frame[frame["doc_type"] == FINAL_TYPE]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    finals = _dated(frame).sort_values(["inspection_id", "days"])
    return finals.drop_duplicates("inspection_id")[columns].reset_index(drop=True)


def state_at(points: pd.DataFrame, days: int) -> pd.Series:
    """Each inspection's state `days` after feedback: complete, incomplete or unknown.

    Rates are cumulative, so an inspection is complete at t when a point at or before t
    shows 100 %, incomplete at t when a point at or after t shows less; otherwise (its
    points before t are below 100 % and none come later, or its first point after t is
    already 100 %) the notices do not say.

    >>> points = pd.DataFrame({"inspection_id": ["a", "a", "b", "c", "d"],
    ...                        "days": [60, 120, 100, 300, 50],
    ...                        "completion_rate": [70.0, 90.0, 100.0, 80.0, 100.0]})
    >>> state_at(points, 91).to_dict()
    {'a': 'incomplete', 'b': 'unknown', 'c': 'incomplete', 'd': 'complete'}
    >>> state_at(points, 365).to_dict()
    {'a': 'unknown', 'b': 'complete', 'c': 'unknown', 'd': 'complete'}
    """
    done = points["completion_rate"] >= 100
    complete = points[done & (points["days"] <= days)]["inspection_id"].unique()
    incomplete = points[~done & (points["days"] >= days)]["inspection_id"].unique()
    ids = pd.Index(sorted(points["inspection_id"].unique()), name="inspection_id")
    state = pd.Series("unknown", index=ids)
    state[ids.isin(incomplete)] = "incomplete"
    state[ids.isin(complete)] = "complete"       # a contradiction reads as done (rates fall)
    return state


def build_incomplete_at(points: pd.DataFrame, months: tuple[int, ...] = (3, 6, 12)) -> pd.DataFrame:
    """Share of inspections still incomplete at each checkpoint, among those whose state is known.

    Columns: months, days, n (state known), n_incomplete, n_complete, n_unknown,
    incomplete_pct.
    """
    rows = []
    for month in months:
        days = MONTH_DAYS.get(month, round(month * 30.44))
        counts = state_at(points, days).value_counts() if len(points) else pd.Series(dtype=int)
        known = int(counts.get("incomplete", 0) + counts.get("complete", 0))
        rows.append({"months": month, "days": days, "n": known,
                     "n_incomplete": int(counts.get("incomplete", 0)),
                     "n_complete": int(counts.get("complete", 0)),
                     "n_unknown": int(counts.get("unknown", 0)),
                     "incomplete_pct": round(counts.get("incomplete", 0) / known * 100, 1)
                     if known else float("nan")})
    return pd.DataFrame(rows)


def latest_problem_lists(problems: pd.DataFrame, notices: pd.DataFrame) -> pd.DataFrame:
    """The problems of each inspection's latest notice that gives problems a status.

    A progress notice and the final notice of one inspection list the same problems at two
    moments; only the latest list counts, so each problem is counted once, at its latest
    status. A notice outside any inspection is its own.
    """
    unique = _originals(notices)
    with_status = problems[problems["status"].isin(KNOWN_STATUS)]["doc_id"].unique()
    listing = unique[unique["doc_id"].isin(with_status)]
    if listing.empty:
        return problems.iloc[0:0]
    when = _day(listing["as_of_date"]).fillna(_day(listing["publish_date"]))
    stage = listing["doc_type"].map({t: i for i, t in enumerate(REPORT_TYPES)}).fillna(-1)
    group = listing["inspection_id"].where(listing["inspection_id"].notna(), listing["doc_id"])
    ordered = listing.assign(when=when, stage=stage, group=group).sort_values(
        ["group", "when", "stage", "doc_id"], na_position="first")
    latest = ordered.drop_duplicates("group", keep="last")["doc_id"]
    return problems[problems["doc_id"].isin(latest)].reset_index(drop=True)


def build_completion_by_category(problems: pd.DataFrame, notices: pd.DataFrame,
                                 min_n: int = 1) -> pd.DataFrame:
    """Share of problems completed per primary category, from the latest problem lists.

    Only problems whose status is stated (completed or in progress) count. Columns:
    category, n, completed, in_progress, completed_pct; slowest (lowest share) first;
    categories with fewer than `min_n` problems left out.
    """
    columns = ["category", "n", "completed", "in_progress", "completed_pct"]
    latest = latest_problem_lists(problems, notices).dropna(subset=["category"])
    known = latest[latest["status"].isin(KNOWN_STATUS)]
    if known.empty:
        return pd.DataFrame(columns=columns)
    counts = pd.crosstab(known["category"], known["status"]).reindex(
        columns=list(KNOWN_STATUS), fill_value=0)
    out = counts.assign(n=counts.sum(axis=1)).rename_axis(None, axis=1).reset_index()
    out["completed_pct"] = (out["completed"] / out["n"] * 100).round(1)
    out = out[out["n"] >= min_n]
    return out.sort_values(["completed_pct", "n", "category"], ascending=[True, False, True],
                           ignore_index=True)[columns]


def build_repeat_agencies(inspections: pd.DataFrame) -> pd.DataFrame:
    """Agencies inspected more than once (回头看 or a later round), most inspections first.

    Columns: agency, n_inspections, years (;-joined, oldest first), look_back (any of its
    inspections is a 回头看), inspection_ids (;-joined, oldest first).
    """
    columns = ["agency", "n_inspections", "years", "look_back", "inspection_ids"]
    named = inspections.dropna(subset=["agency"])
    counts = named["agency"].value_counts()
    repeat = named[named["agency"].isin(counts[counts >= 2].index)]
    if repeat.empty:
        return pd.DataFrame(columns=columns)
    repeat = repeat.assign(order=repeat["year"].astype("Float64").fillna(9999)).sort_values(
        ["agency", "order", "inspection_id"])
    kinds = repeat["inspection_kind"].fillna("").astype(str)
    out = repeat.assign(look_back=kinds.str.contains("look_back")).groupby("agency").agg(
        n_inspections=("inspection_id", "size"),
        years=("year", lambda v: ";".join(str(int(y)) if pd.notna(y) else "?" for y in v)),
        look_back=("look_back", "any"), inspection_ids=("inspection_id", ";".join))
    out = out.reset_index().sort_values(["n_inspections", "agency"], ascending=[False, True])
    return out.reset_index(drop=True)[columns]


def build_repeat_categories(problems: pd.DataFrame, notices: pd.DataFrame,
                            inspections: pd.DataFrame) -> pd.DataFrame:
    """For each agency inspected again: in how many of its inspections each category was found.

    An inspection's categories are the primary categories of the problems any of its notices
    lists. Columns: agency, category, n_with, n_listed (its inspections that list problems),
    n_inspections, recurs (found in two or more).
    """
    columns = ["agency", "category", "n_with", "n_listed", "n_inspections", "recurs"]
    repeat = build_repeat_agencies(inspections)
    linked = _originals(notices).dropna(subset=["inspection_id"])[["doc_id", "inspection_id"]]
    found = problems.dropna(subset=["category"]).merge(linked, on="doc_id")
    found = found.merge(inspections[["inspection_id", "agency"]], on="inspection_id")
    found = found[found["agency"].isin(repeat["agency"])]
    if found.empty:
        return pd.DataFrame(columns=columns)
    per = found.drop_duplicates(["agency", "inspection_id", "category"])
    out = per.groupby(["agency", "category"]).size().rename("n_with").reset_index()
    out["n_listed"] = out["agency"].map(per.groupby("agency")["inspection_id"].nunique())
    out["n_inspections"] = out["agency"].map(repeat.set_index("agency")["n_inspections"])
    out["recurs"] = out["n_with"] >= 2
    return out.sort_values(["agency", "n_with", "category"], ascending=[True, False, True],
                           ignore_index=True)[columns]


def build_recurring_by_category(repeat_categories: pd.DataFrame) -> pd.DataFrame:
    """Per category: among agencies whose problems are listed for two or more inspections,
    how many had that category come back. Columns: category, n_recurs, n_agencies, recurs_pct;
    most recurring first.
    """
    columns = ["category", "n_recurs", "n_agencies", "recurs_pct"]
    comparable = repeat_categories[repeat_categories["n_listed"] >= 2]
    if comparable.empty:
        return pd.DataFrame(columns=columns)
    n_agencies = comparable["agency"].nunique()
    out = comparable.groupby("category")["recurs"].sum().astype(int).rename("n_recurs")
    out = out.reset_index().assign(n_agencies=n_agencies)
    out["recurs_pct"] = (out["n_recurs"] / n_agencies * 100).round(1)
    return out.sort_values(["n_recurs", "category"], ascending=[False, True],
                           ignore_index=True)[columns]


def build_rate_sources(notices: pd.DataFrame, inspections: pd.DataFrame) -> pd.DataFrame:
    """Completion rates stated by the notice apart from those computed (completed / total),
    per notice and per inspection (its latest rate).

    Columns: unit (notice, inspection), source (stated, computed), n, median, q1, q3.
    """
    rows = []
    for unit, frame in (("notice", _originals(notices)), ("inspection", inspections)):
        rated = frame.dropna(subset=["completion_rate"])
        stated = rated["rate_stated"].fillna(False).astype(bool) \
            if "rate_stated" in rated.columns else pd.Series(False, index=rated.index)
        for source, rates in (("stated", rated.loc[stated, "completion_rate"]),
                              ("computed", rated.loc[~stated, "completion_rate"])):
            rows.append({"unit": unit, "source": source, "n": len(rates),
                         "median": rates.median() if len(rates) else float("nan"),
                         "q1": rates.quantile(0.25) if len(rates) else float("nan"),
                         "q3": rates.quantile(0.75) if len(rates) else float("nan")})
    return pd.DataFrame(rows).round(1)
