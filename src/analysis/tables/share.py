"""A cleaned, filtered copy of the dataset for sharing: CSV (UTF-8 BOM) and XLSX with a dictionary.

    from analysis.tables.load import load_tables
    shared = build_share_tables(load_tables(), doc_types=["progress_report"])
    write_share(shared, Path("figures/share"))

Cleaning: re-posted copies (duplicate_of) are dropped, only the documented columns are kept
(in the order of the data dictionary), and problems and facts follow the notices kept.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.tables.load import column_types, drop_duplicate_notices, notice_years, read_dictionary

SHARED_TABLES = ("notices", "problems", "facts")
SHEET_NAMES = {"notices": "notices 通报", "problems": "problems 问题", "facts": "facts 依据",
               "dictionary": "数据字典"}
XLSX_CELL_LIMIT = 32_000     # Excel holds at most 32,767 characters in a cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INTERNAL = {"duplicate_of"}


def build_share_tables(tables: dict[str, pd.DataFrame], *,
                       doc_types: Iterable[str] | None = None,
                       years: tuple[int, int] | None = None,
                       drop_anonymized: bool = False) -> dict[str, pd.DataFrame]:
    """notices, problems and facts cleaned and filtered for sharing.

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
    return out


def _documented(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    columns = [c for c in column_types(name) if c in frame.columns and c not in _INTERNAL]
    return frame[columns].reset_index(drop=True)


def build_data_dictionary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per shared column: 表, 列名, 中文名, 类型, 单位, 含义, 非空行数."""
    dictionary = read_dictionary()
    rows = []
    for name, frame in tables.items():
        entries = dictionary[dictionary["table"] == name].set_index("column")
        types, meanings = column_types(name), _schema_meanings(name)
        for column in frame.columns:
            entry = entries.loc[column] if column in entries.index else None
            rows.append({"表": name, "列名": column,
                         "中文名": "" if entry is None else entry["label"],
                         "类型": types.get(column, ""),
                         "单位": "" if entry is None else entry["unit"],
                         "含义": meanings.get(column, "") if entry is None else entry["meaning"],
                         "非空行数": int(frame[column].notna().sum())})
    return pd.DataFrame(rows)


def _schema_meanings(name: str) -> dict[str, str]:
    """Column meanings from `analysis.schema`, for columns the Chinese dictionary lacks."""
    try:
        from analysis.schema import TABLES as SCHEMA_TABLES
    except ImportError:
        return {}
    return {column: meaning for column, _, meaning, *_ in SCHEMA_TABLES.get(name, [])}


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cleaned of control characters and cut to what an Excel cell holds."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: v if not isinstance(v, str) else _ILLEGAL.sub("", v)[:XLSX_CELL_LIMIT])
    return out


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
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        paths.append(path)
    workbook = folder / f"{name}.xlsx"
    with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
        for table, frame in tables.items():
            _for_excel(frame).to_excel(writer, sheet_name=SHEET_NAMES.get(table, table)[:31],
                                       index=False)
        build_data_dictionary(tables).to_excel(writer, sheet_name=SHEET_NAMES["dictionary"],
                                               index=False)
    return [*paths, workbook]
