"""Write the tables: CSV (UTF-8 with BOM), Parquet and one XLSX workbook.

Every file is written to a temporary name in the output folder and renamed
into place, so an interrupted build never leaves a half-written table. Rows are
sorted and floats formatted the same way every time: the same inputs give
byte-identical CSV files.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.schema import data_dictionary
from analysis.tables.excel import EXCEL_MAX_ROWS, fits_a_sheet, write_workbook

SORT_KEYS = {
    "notices": ["source_path"],
    "problems": ["doc_id", "problem_no"],
    "facts": ["doc_id", "start", "field", "end"],
    "errors": ["source_path"],
    "inspections": ["inspection_id"],
}


def sort_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order, index reset."""
    keys = [k for k in SORT_KEYS.get(name, []) if k in frame.columns]
    if keys and not frame.empty:
        frame = frame.sort_values(keys, kind="stable", na_position="last")
    return frame.reset_index(drop=True)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed to it when the block ends without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write `path` through `write(tmp)` and rename: never a half-written file."""
    with atomic_path(path) as tmp:
        write(tmp)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """CSV in UTF-8 with BOM (Excel opens Chinese correctly), LF line ends."""
    atomic_write(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig",
                                                 lineterminator="\n", float_format="%.6g"))


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    atomic_write(path, lambda tmp: frame.to_parquet(tmp, index=False))


def dictionary_with_notes(dictionary: pd.DataFrame, n_rows: dict[str, int]) -> pd.DataFrame:
    """The data dictionary with a `note` on every table too long for an Excel sheet."""
    out = dictionary.copy()
    out["note"] = ""
    for name, count in n_rows.items():
        if not fits_a_sheet(count):
            out.loc[out["table"] == name, "note"] = (
                f"{count:,} rows: more than an Excel sheet holds ({EXCEL_MAX_ROWS - 1:,}); "
                f"this table is in {name}.csv and {name}.parquet only")
    return out


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path,
               dictionary: pd.DataFrame | None = None) -> list[str]:
    """One sheet per table plus a data_dictionary sheet; returns the tables left out
    because they have more rows than a sheet holds."""
    n_rows = {name: len(frame) for name, frame in tables.items()}
    left_out = [name for name, count in n_rows.items() if not fits_a_sheet(count)]
    sheets: dict = {name: frame for name, frame in tables.items() if name not in left_out}
    sheets["data_dictionary"] = dictionary_with_notes(
        data_dictionary() if dictionary is None else dictionary, n_rows)
    atomic_write(path, lambda tmp: write_workbook(sheets, tmp))
    return left_out


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path,
                 xlsx: bool = True) -> list[Path]:
    """Write every table as .csv and .parquet, and (with `xlsx`) all of them to dataset.xlsx."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {name: sort_table(name, frame) for name, frame in tables.items()}
    written = []
    for name, frame in tables.items():
        write_csv(frame, out / f"{name}.csv")
        write_parquet(frame, out / f"{name}.parquet")
        written += [out / f"{name}.csv", out / f"{name}.parquet"]
    if xlsx:
        write_xlsx(tables, out / "dataset.xlsx")
        written.append(out / "dataset.xlsx")
    return written
