"""Excel workbooks: one sheet per table, written row by row in constant memory.

xlsxwriter's constant-memory mode streams each row to disk, so a workbook of any size
costs no more memory than one row. Excel holds at most 1,048,576 rows a sheet and 32,767
characters a cell: a table with more rows than a sheet holds is left out of the workbook
(it stays whole in its CSV and Parquet files) and the reason is written in the dictionary
sheet; text is cut to what a cell holds and cleared of characters Excel refuses.
"""
from __future__ import annotations

import math
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


def _write_cell(sheet, row: int, col: int, value: object) -> None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    elif hasattr(value, "item") and not isinstance(value, str):      # numpy scalars
        _write_cell(sheet, row, col, value.item())
    else:
        sheet.write_string(row, col, excel_text(str(value)))


def _write_sheet(book: xlsxwriter.Workbook, name: str,
                 frames: pd.DataFrame | Iterable[pd.DataFrame]) -> None:
    """One sheet from a frame, or from the chunks of one table (the header from the first)."""
    sheet = book.add_worksheet(name[:31])
    bold = book.add_format({"bold": True})
    row = 0
    for frame in [frames] if isinstance(frames, pd.DataFrame) else frames:
        if row == 0:
            for col, header in enumerate(frame.columns):
                sheet.write_string(0, col, str(header), bold)
        data = frame.astype(object).where(frame.notna(), None)
        for values in data.itertuples(index=False, name=None):
            row += 1
            for col, value in enumerate(values):
                _write_cell(sheet, row, col, value)


def write_workbook(sheets: dict[str, pd.DataFrame | Iterable[pd.DataFrame]], path: Path) -> None:
    """Write each frame (or stream of frames) as a sheet named by its key.

    Callers leave out what does not fit a sheet (see `fits_a_sheet`).
    """
    options = {"constant_memory": True, "strings_to_numbers": False,
               "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        for name, frames in sheets.items():
            _write_sheet(book, name, frames)
