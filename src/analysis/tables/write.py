"""Write the tables: CSV (UTF-8 with BOM), Parquet and one XLSX workbook.

Every file is written to a temporary name in the output folder and renamed
into place, so an interrupted build never leaves a half-written table. Rows are
sorted and floats formatted the same way every time: the same inputs give
byte-identical CSV files.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.schema import data_dictionary

SORT_KEYS = {
    "notices": ["source_path"],
    "problems": ["doc_id", "problem_no"],
    "facts": ["doc_id", "start", "field", "end"],
    "errors": ["source_path"],
}
XLSX_CELL_LIMIT = 32_000                       # Excel holds 32,767 characters a cell
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sort_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order, index reset."""
    keys = [k for k in SORT_KEYS.get(name, []) if k in frame.columns]
    if keys and not frame.empty:
        frame = frame.sort_values(keys, kind="stable", na_position="last")
    return frame.reset_index(drop=True)


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """CSV in UTF-8 with BOM (Excel opens Chinese correctly), LF line ends."""
    _atomic_write(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig",
                                                 lineterminator="\n", float_format="%.6g"))


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    _atomic_write(path, lambda tmp: frame.to_parquet(tmp, index=False))


def _excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == "string" or out[col].dtype == object:
            out[col] = out[col].map(
                lambda v: _ILLEGAL_XLSX.sub("", v)[:XLSX_CELL_LIMIT] if isinstance(v, str) else v)
    return out


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path,
               dictionary: pd.DataFrame | None = None) -> None:
    """One sheet per table plus a data_dictionary sheet."""
    dictionary = data_dictionary() if dictionary is None else dictionary

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for name, frame in tables.items():
                _excel_safe(frame).to_excel(xl, sheet_name=name[:31], index=False)
            dictionary.to_excel(xl, sheet_name="data_dictionary", index=False)
    _atomic_write(path, write)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write every table as .csv and .parquet, and all of them to dataset.xlsx."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {name: sort_table(name, frame) for name, frame in tables.items()}
    written = []
    for name, frame in tables.items():
        write_csv(frame, out / f"{name}.csv")
        write_parquet(frame, out / f"{name}.parquet")
        written += [out / f"{name}.csv", out / f"{name}.parquet"]
    write_xlsx(tables, out / "dataset.xlsx")
    written.append(out / "dataset.xlsx")
    return written
