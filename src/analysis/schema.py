"""Every column of every table, declared once, as data: resources/schema.csv.

One row per column: table, column, type, unit, Chinese label, meaning (English) and
meaning_zh. Types are the contract's kinds:

    str    text                 date   ISO YYYY-MM-DD text
    Int    nullable integer     int    integer, never empty
    float  number               bool   true/false, may be empty

Building (`conform`), loading (`analysis.tables.load`), the data dictionary of the
workbook and of the shared copy, and the charts' Chinese labels all read this one table.

>>> columns("errors")
['source_path', 'error']
>>> column_types("inspections")["completion_rate"]
'float'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.paths import resources_dir

PANDAS_DTYPES = {"str": "string", "date": "string", "Int": "Int64", "int": "int64",
                 "float": "float64", "bool": "boolean"}


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    type: str
    unit: str
    label: str
    meaning: str
    meaning_zh: str

    @property
    def dtype(self) -> str:
        """The pandas dtype that holds this column."""
        return PANDAS_DTYPES[self.type]


@lru_cache(maxsize=1)
def _read_schema() -> dict[str, tuple[Column, ...]]:
    frame = pd.read_csv(resources_dir() / "schema.csv", dtype=str, keep_default_na=False)
    out: dict[str, list[Column]] = {}
    for row in frame.itertuples(index=False):
        if row.type not in PANDAS_DTYPES:
            raise ValueError(f"schema.csv: unknown type {row.type!r} for {row.table}.{row.column}")
        out.setdefault(row.table, []).append(
            Column(row.table, row.column, row.type, row.unit, row.label, row.meaning,
                   row.meaning_zh))
    return {table: tuple(cols) for table, cols in out.items()}


def table_names() -> list[str]:
    """The tables of the dataset, in the order they are written."""
    return list(_read_schema())


def table_columns(table: str) -> tuple[Column, ...]:
    """The Column entries of `table`, in order."""
    spec = _read_schema()
    if table not in spec:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(spec)}")
    return spec[table]


def columns(table: str) -> list[str]:
    """Column names of a table, in order."""
    return [c.name for c in table_columns(table)]


def column_types(table: str) -> dict[str, str]:
    """Contract kind (str, date, Int, int, float, bool) of every column of `table`."""
    return {c.name: c.type for c in table_columns(table)}


def _as_text(value: object) -> str | None:
    if value is None or value == "" or value != value:
        return None
    return str(value)


def conform_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with exactly the table's columns and dtypes, missing cells as NA."""
    frame = frame.reindex(columns=columns(table))
    for col in table_columns(table):
        values = frame[col.name]
        if col.type == "Int":
            frame[col.name] = pd.to_numeric(values, errors="coerce").round().astype("Int64")
        elif col.type == "float":
            frame[col.name] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif col.type == "int":
            frame[col.name] = pd.to_numeric(values, errors="coerce").fillna(0).astype("int64")
        elif col.type == "bool":
            frame[col.name] = values.astype("boolean")
        else:
            frame[col.name] = values.map(_as_text).astype("string")
    return frame


def conform(table: str, rows: list[dict]) -> pd.DataFrame:
    """A DataFrame of `rows` with exactly the table's columns and dtypes."""
    return conform_frame(table, pd.DataFrame(rows, columns=columns(table)))


def data_dictionary(frames: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per column: table, column, type, unit, label, meaning, meaning_zh.

    With `frames`, only the columns those tables hold, each with `n_filled`, its count of
    non-empty cells: the dictionary of a filtered or shared copy.
    """
    rows = []
    for table in table_names() if frames is None else list(frames):
        present = None if frames is None else set(frames[table].columns)
        for col in table_columns(table):
            if present is not None and col.name not in present:
                continue
            row = {"table": table, "column": col.name, "type": col.type, "unit": col.unit,
                   "label": col.label, "meaning": col.meaning, "meaning_zh": col.meaning_zh}
            if frames is not None:
                row["n_filled"] = int(frames[table][col.name].notna().sum())
            rows.append(row)
    return pd.DataFrame(rows)


@lru_cache(maxsize=1)
def read_code_labels() -> pd.DataFrame:
    """Chinese labels for coded values: kind, code, label, short (resources/code_labels.csv)."""
    return pd.read_csv(resources_dir() / "code_labels.csv", dtype=str, keep_default_na=False)


def code_labels(kind: str, short: bool = True) -> dict[str, str]:
    """Code -> Chinese label for one kind (doc_type, category, inspector_level …).

    >>> code_labels("category")["party_building"]
    '党建责任'
    """
    table = read_code_labels()
    rows = table[table["kind"] == kind]
    return dict(zip(rows["code"], rows["short" if short else "label"]))


def column_label(table: str, column: str) -> str:
    """The Chinese name of a column, else the column's own name.

    >>> column_label("notices", "recovered_wan")
    '挽回经济损失'
    """
    for col in table_columns(table):
        if col.name == column:
            return col.label or column
    return column
