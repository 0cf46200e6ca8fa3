"""Load the built tables for notebooks and reports, with the dtypes of the data contract.

    from analysis.tables.load import load_table
    notices = load_table("notices")

Tables are read from `processed_dir()` (env ANALYSIS_PROCESSED_DIR), parquet first,
else the UTF-8 (BOM) CSV. Column types come from `analysis.schema` (resources/schema.csv):
`Int` columns become pandas "Int64", `float` float64, `bool` "boolean", everything else
stays text (dates stay ISO strings; see `notice_years`).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.paths import processed_dir as default_processed_dir
from analysis.schema import column_types, table_names

_PANDAS_DTYPES = {"Int": "Int64", "int": "Int64", "float": "float64", "bool": "boolean"}


def empty_table(name: str) -> pd.DataFrame:
    """A table with the declared columns and no rows."""
    return coerce_types(pd.DataFrame(columns=list(column_types(name))), name)


def coerce_types(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Give the declared columns of `frame` their pandas dtypes; other columns are left alone.

    >>> frame = pd.DataFrame({"problems_total": [44.0, None], "anonymized": [0, 1]})
    >>> coerce_types(frame, "notices").dtypes.astype(str).tolist()
    ['Int64', 'boolean']
    """
    out = frame.copy()
    for column, kind in column_types(name).items():
        if column not in out.columns:
            continue
        if kind in _PANDAS_DTYPES:
            out[column] = _to_dtype(out[column], _PANDAS_DTYPES[kind])
        else:
            out[column] = _to_text(out[column])
    return out


def _to_dtype(values: pd.Series, dtype: str) -> pd.Series:
    if dtype == "boolean":
        mapped = values.map(_parse_bool, na_action="ignore")
        return mapped.astype("boolean")
    numbers = pd.to_numeric(values, errors="coerce")
    if dtype == "Int64":
        numbers = numbers.round()
    return numbers.astype(dtype)


def _parse_bool(value: object) -> bool | None:
    text = str(value).strip().lower()
    if text in {"true", "1", "1.0", "yes"}:
        return True
    if text in {"false", "0", "0.0", "no"}:
        return False
    return None


def _to_text(values: pd.Series) -> pd.Series:
    """Text column with blank strings as missing."""
    text = values.astype("str")
    return text.mask(text.str.strip() == "")


def load_table(name: str, processed_dir: Path | str | None = None) -> pd.DataFrame:
    """Table `name` (notices, problems, facts, errors) from the processed folder.

    Raises FileNotFoundError naming the folder when neither the .parquet nor the .csv exists.
    """
    if name not in table_names():
        raise ValueError(f"unknown table {name!r}; expected one of {', '.join(table_names())}")
    folder = Path(processed_dir) if processed_dir is not None else default_processed_dir()
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.is_file():
        frame = pd.read_parquet(parquet)
    elif csv.is_file():
        frame = pd.read_csv(csv, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    else:
        raise FileNotFoundError(
            f"no {name}.parquet or {name}.csv in {folder}: run "
            f"`python -m analysis build INPUT_DIR --out {folder}` first, "
            "or set ANALYSIS_PROCESSED_DIR")
    if frame.empty and not len(frame.columns):
        return empty_table(name)
    return coerce_types(frame, name)


def load_tables(processed_dir: Path | str | None = None, *,
                unique: bool = False) -> dict[str, pd.DataFrame]:
    """Every table; with `unique`, duplicate notices and their rows are left out.

    A missing errors or inspections table (a build from an older version) counts as empty.
    """
    tables = {}
    for name in table_names():
        try:
            tables[name] = load_table(name, processed_dir)
        except FileNotFoundError:
            if name not in ("errors", "inspections"):
                raise
            tables[name] = empty_table(name)
    return drop_duplicate_notices(tables) if unique else tables


def drop_duplicate_notices(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables without notices whose `duplicate_of` names another notice."""
    notices = tables["notices"]
    if "duplicate_of" not in notices.columns:
        return dict(tables)
    keep = notices["duplicate_of"].isna() | (notices["duplicate_of"].astype(str).str.strip() == "")
    kept_ids = set(notices.loc[keep, "doc_id"])
    out = dict(tables)
    out["notices"] = notices[keep].reset_index(drop=True)
    for name in ("problems", "facts"):
        if name in out and "doc_id" in out[name].columns:
            frame = out[name]
            out[name] = frame[frame["doc_id"].isin(kept_ids)].reset_index(drop=True)
    return out


DATE_ORDER = ("publish_date", "as_of_date", "feedback_date", "inspection_end", "inspection_start")


def notice_years(notices: pd.DataFrame) -> pd.Series:
    """Year of each notice: from the first of publish, as-of, feedback, inspection dates."""
    years = pd.Series(pd.NA, index=notices.index, dtype="Int64")
    for column in DATE_ORDER:
        if column in notices.columns:
            found = pd.to_datetime(notices[column], errors="coerce", format="%Y-%m-%d").dt.year
            years = years.fillna(found.astype("Int64"))
    return years
