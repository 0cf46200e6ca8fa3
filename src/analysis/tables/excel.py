"""Excel workbooks: one sheet per table, written row by row in constant memory.

xlsxwriter's constant-memory mode streams each row to disk, so a workbook of any size
costs no more memory than one row. Excel holds at most 1,048,576 rows a sheet and 32,767
characters a cell: a table with more rows than a sheet holds is left out of the workbook
(it stays whole in its CSV and Parquet files) and the reason is written in the dictionary
sheet; text is cut to what a cell holds and cleared of characters Excel refuses.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import xlsxwriter

EXCEL_MAX_ROWS = 1_048_576          # rows a sheet holds, the header row included
XLSX_CELL_LIMIT = 32_000            # Excel holds 32,767 characters a cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def excel_text(value: str) -> str:
    """Text as an Excel cell holds it.

    >>> excel_text("含控制字符\\x0b的问题")
    '含控制字符的问题'
    >>> len(excel_text("长" * 40_000))
    32000
    """
    return _ILLEGAL.sub("", value)[:XLSX_CELL_LIMIT]


def fits_a_sheet(n_rows: int) -> bool:
    """Whether a table of n_rows rows and its header fit one Excel sheet."""
    return n_rows + 1 <= EXCEL_MAX_ROWS


def _cell_values(frame: pd.DataFrame) -> list[list[object]]:
    """Rows of plain Python values: text cleaned for Excel, missing cells as None."""
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            out[col] = values.astype("string").str.replace(_ILLEGAL, "", regex=True).str.slice(
                0, XLSX_CELL_LIMIT)
    data = out.astype(object).where(out.notna(), None)
    return data.to_numpy().tolist()


def _write_sheet(book: xlsxwriter.Workbook, name: str,
                 frames: pd.DataFrame | Iterable[pd.DataFrame]) -> None:
    """One sheet from a frame, or from the chunks of one table (the header from the first)."""
    sheet = book.add_worksheet(name[:31])
    bold = book.add_format({"bold": True})
    row = 0
    for frame in [frames] if isinstance(frames, pd.DataFrame) else frames:
        if row == 0:
            sheet.write_row(0, 0, [str(c) for c in frame.columns], bold)
        for values in _cell_values(frame):
            row += 1
            sheet.write_row(row, 0, values)


def write_workbook(sheets: dict[str, pd.DataFrame | Iterable[pd.DataFrame]], path: Path) -> None:
    """Write each frame (or stream of frames) as a sheet named by its key.

    Callers leave out what does not fit a sheet (see `fits_a_sheet`).
    """
    options = {"constant_memory": True, "strings_to_numbers": False,
               "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        for name, frames in sheets.items():
            _write_sheet(book, name, frames)
