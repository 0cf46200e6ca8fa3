"""Every column of every table, declared once (tests hold this to SCHEMA.md).

Each column: (name, dtype, meaning). dtypes are pandas dtypes: "string",
"Int64" (nullable integer), "float64", "boolean", "int64".
"""
from __future__ import annotations

import pandas as pd

NOTICE_COLUMNS: list[tuple[str, str, str]] = [
    ("doc_id", "string", "stable id: first 12 hex chars of SHA-1 of the normalised text"),
    ("source_path", "string", "path relative to the input folder, /-separated"),
    ("source_format", "string", "txt, md, html, pdf, docx"),
    ("url", "string", "from front matter, manifest, or the page itself"),
    ("title", "string", "the notice's title"),
    ("doc_type", "string", "rectification_report, progress_report, feedback_news, "
                           "summary_news, plan, other"),
    ("inspected_org", "string", "the inspected party organisation as written"),
    ("sector", "string", "canonical field of the organisation (民政, 人社, 工会 …)"),
    ("province", "string", "province, full name"),
    ("city", "string", "city, full name"),
    ("county", "string", "county or district, full name"),
    ("inspector", "string", "inspecting body as written"),
    ("inspector_level", "string", "central, provincial, municipal, county, enterprise, "
                                  "university, other"),
    ("inspection_kind", "string", ";-joined subset of regular, special, look_back, linked, "
                                  "cross, mobile, other"),
    ("inspection_round", "Int64", "第九轮 → 9"),
    ("inspection_group", "Int64", "第二巡察组 → 2"),
    ("inspection_start", "string", "ISO date the inspection began"),
    ("inspection_end", "string", "ISO date the inspection ended"),
    ("feedback_date", "string", "ISO date the findings were fed back"),
    ("as_of_date", "string", "ISO date the figures are stated for (截至…)"),
    ("publish_date", "string", "ISO date the notice was published"),
    ("problems_total", "Int64", "problems fed back, as the headline states"),
    ("aspects_total", "Int64", "方面 count"),
    ("problems_completed", "Int64", "problems rectified, as stated"),
    ("problems_in_progress", "Int64", "problems still being rectified, as stated"),
    ("completion_rate", "float64", "percent, as stated, else completed / total × 100"),
    ("measures_total", "Int64", "rectification measures"),
    ("rules_total", "Int64", "rules or institutions built or revised (a lower bound for 余)"),
    ("recovered_wan", "float64", "money recovered in 万元"),
    ("people_handled", "Int64", "people disciplined or talked to, when a total is stated"),
    ("problems_listed", "int64", "rows of problems for this notice"),
    ("anonymized", "boolean", "the text carries placeholders (XX, 202X, X元)"),
    ("n_chars", "int64", "length of the normalised text"),
    ("duplicate_of", "string", "source_path of the first file with the same text, if any"),
]

PROBLEM_COLUMNS: list[tuple[str, str, str]] = [
    ("doc_id", "string", "the notice"),
    ("problem_no", "int64", "1-based order in the notice"),
    ("aspect", "string", "heading of the enclosing 方面 section, if any"),
    ("problem", "string", "the problem statement"),
    ("rectification", "string", "the rectification text that follows it"),
    ("status", "string", "completed, in_progress, unknown"),
    ("category", "string", "primary category (learning, finance, personnel, conduct, "
                           "party_building, duty, rectification, other)"),
    ("categories", "string", ";-joined categories that apply, primary first"),
    ("category_source", "string", "rule, model, manual"),
    ("category_reason", "string", "the matched words behind a rule category"),
    ("amounts_wan", "float64", "money named in the rectification text, in 万元"),
]

FACT_COLUMNS: list[tuple[str, str, str]] = [
    ("doc_id", "string", "the notice"),
    ("field", "string", "the notices column it feeds, or amount for each money figure"),
    ("value", "string", "the value as stored"),
    ("unit", "string", "万元, 个, 项, 人, date …"),
    ("evidence", "string", "the sentence it was read from"),
    ("start", "int64", "character offset of the match in the normalised text"),
    ("end", "int64", "character offset after the match"),
]

ERROR_COLUMNS: list[tuple[str, str, str]] = [
    ("source_path", "string", "the file"),
    ("error", "string", "short reason a person can act on"),
]

TABLES: dict[str, list[tuple[str, str, str]]] = {
    "notices": NOTICE_COLUMNS,
    "problems": PROBLEM_COLUMNS,
    "facts": FACT_COLUMNS,
    "errors": ERROR_COLUMNS,
}


def columns(table: str) -> list[str]:
    """Column names of a table, in order."""
    return [name for name, _, _ in TABLES[table]]


def conform(table: str, rows: list[dict]) -> pd.DataFrame:
    """A DataFrame with exactly the table's columns and dtypes, missing cells as NA."""
    spec = TABLES[table]
    frame = pd.DataFrame(rows, columns=[name for name, _, _ in spec])
    for name, dtype, _ in spec:
        col = frame[name]
        if dtype == "Int64":
            frame[name] = pd.to_numeric(col, errors="coerce").round().astype("Int64")
        elif dtype == "float64":
            frame[name] = pd.to_numeric(col, errors="coerce").astype("float64")
        elif dtype == "int64":
            frame[name] = pd.to_numeric(col, errors="coerce").fillna(0).astype("int64")
        elif dtype == "boolean":
            frame[name] = col.astype("boolean")
        else:
            frame[name] = col.map(lambda v: None if v is None or v == "" or v != v else str(v)
                                  ).astype("string")
    return frame


def data_dictionary() -> pd.DataFrame:
    """One row per column of every table: table, column, type, unit, 中文 label, meaning.

    Units and Chinese labels come from resources/plots_dictionary.csv (the names the
    charts use); columns it does not list keep them empty.
    """
    from analysis.paths import resources_dir

    frame = pd.DataFrame([{"table": t, "column": n, "type": d, "meaning": m}
                          for t, spec in TABLES.items() for n, d, m in spec])
    labels = pd.read_csv(resources_dir() / "plots_dictionary.csv", dtype=str,
                         keep_default_na=False)[["table", "column", "unit", "label", "meaning"]]
    labels = labels.rename(columns={"meaning": "meaning_zh"})
    frame = frame.merge(labels, on=["table", "column"], how="left")
    return frame[["table", "column", "type", "unit", "label", "meaning", "meaning_zh"]]
