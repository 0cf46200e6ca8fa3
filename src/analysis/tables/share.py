"""A cleaned, filtered copy of the dataset for sharing: CSV (UTF-8 BOM) and XLSX with a dictionary.

    shared, paths = write_shared_dataset(processed_dir(), processed_dir() / "share",
                                         doc_types=["progress_report"])

or, the same from the shell: `python -m analysis share --doc-types progress_report`.

Cleaning: re-posted copies (duplicate_of) are dropped, only the documented columns are kept
(in the order of the data dictionary), and problems, facts and inspections follow the notices
kept (an inspection is kept when any of its notices is).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.schema import column_types, data_dictionary
from analysis.tables.excel import fits_a_sheet, write_workbook
from analysis.tables.load import drop_duplicate_notices, load_tables, notice_years
from analysis.tables.write import atomic_write, write_csv

SHEET_NAMES = {"notices": "notices 通报", "problems": "problems 问题", "facts": "facts 依据",
               "inspections": "inspections 巡察", "dictionary": "数据字典"}
SHARED = ("notices", "problems", "facts", "inspections")
_INTERNAL = {"duplicate_of", "duplicate_match", "duplicate_similarity"}


def build_share_tables(tables: dict[str, pd.DataFrame], *,
                       doc_types: Iterable[str] | None = None,
                       years: tuple[int, int] | None = None,
                       drop_anonymized: bool = False) -> dict[str, pd.DataFrame]:
    """notices, problems, facts and inspections cleaned and filtered for sharing.

    `doc_types` keeps only those document types; `years` (first, last) keeps notices dated
    in that span (see `notice_years`); `drop_anonymized` leaves out texts with placeholders.
    """
    unique = drop_duplicate_notices(tables)
    notices = unique["notices"]
    keep = pd.Series(True, index=notices.index)
    if doc_types is not None:
        keep &= notices["doc_type"].isin(list(doc_types))
    if years is not None:
        year = notice_years(notices)
        keep &= year.between(*years).fillna(False).astype(bool)
    if drop_anonymized and "anonymized" in notices.columns:
        keep &= ~notices["anonymized"].fillna(False).astype(bool)
    kept = notices[keep]
    out = {"notices": _documented(kept, "notices")}
    for name in ("problems", "facts"):
        frame = unique[name]
        out[name] = _documented(frame[frame["doc_id"].isin(kept["doc_id"])], name)
    if "inspections" in unique and "inspection_id" in kept.columns:
        frame = unique["inspections"]
        linked = frame["inspection_id"].isin(kept["inspection_id"].dropna())
        out["inspections"] = _documented(frame[linked], "inspections")
    return out


def _documented(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    columns = [c for c in column_types(name) if c in frame.columns and c not in _INTERNAL]
    return frame[columns].reset_index(drop=True)


# the shared copy's dictionary speaks Chinese first
_DICTIONARY_HEADERS = {"table": "表", "column": "列名", "label": "中文名", "type": "类型",
                       "unit": "单位", "meaning_zh": "含义", "meaning": "含义（英文）",
                       "n_filled": "非空行数"}


def build_data_dictionary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per shared column: 表, 列名, 中文名, 类型, 单位, 含义, 含义（英文）, 非空行数."""
    dictionary = data_dictionary(tables)
    return dictionary[list(_DICTIONARY_HEADERS)].rename(columns=_DICTIONARY_HEADERS)


def write_share(tables: dict[str, pd.DataFrame], out_dir: Path | str,
                name: str = "dataset-share") -> list[Path]:
    """Write each table as `name-<table>.csv` (UTF-8 BOM) and all of them as `name.xlsx`.

    The workbook has one sheet per table plus a 数据字典 sheet. Returns the written paths.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for table, frame in tables.items():
        path = folder / f"{name}-{table}.csv"
        write_csv(frame, path)
        paths.append(path)
    workbook = folder / f"{name}.xlsx"
    sheets: dict = {SHEET_NAMES.get(table, table): frame for table, frame in tables.items()
                    if fits_a_sheet(len(frame))}
    sheets[SHEET_NAMES["dictionary"]] = build_data_dictionary(tables)
    atomic_write(workbook, lambda tmp: write_workbook(sheets, tmp))
    return [*paths, workbook]


def write_shared_dataset(processed_dir: Path | str, out_dir: Path | str, *,
                         doc_types: Iterable[str] | None = None,
                         years: tuple[int, int] | None = None,
                         drop_anonymized: bool = False
                         ) -> tuple[dict[str, pd.DataFrame], list[Path]]:
    """Load the build in `processed_dir`, clean and filter it, write the shared copy to
    `out_dir`; returns the shared tables and the written paths (`python -m analysis share`)."""
    tables = load_tables(processed_dir)
    shared = build_share_tables(tables, doc_types=doc_types, years=years,
                                drop_anonymized=drop_anonymized)
    return shared, write_share(shared, out_dir)
