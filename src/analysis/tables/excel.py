"""Excel workbooks: one sheet per table, written row by row.

The workbook is written by rustpy-xlsxwriter (rust_xlsxwriter underneath), about nine
times as fast as the pure-Python xlsxwriter, which it falls back to where no wheel of
it installs; a table given as chunks is streamed to it row by row, in xlsxwriter's
constant-memory mode for the fallback. Excel holds at most 1,048,576 rows a sheet and
32,767 characters a cell: a table with more rows than a sheet holds is left out of the
workbook (it stays whole in its CSV and Parquet files) and the reason is written in the
dictionary sheet; text is cut to what a cell holds and cleared of characters Excel
refuses. Header cells are bold; text is never read as a formula, a number or a link.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

EXCEL_MAX_ROWS = 1_048_576          # rows a sheet holds, the header row included
XLSX_CELL_LIMIT = 32_000            # Excel holds 32,767 characters a cell
CHUNK_ROWS = 5_000                  # rows turned into cells at a time
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


def cell_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as cells: plain Python values, text cleaned for Excel, missing cells None."""
    out = frame.copy()
    out.columns = [str(c) for c in out.columns]
    for col in out.columns:
        values = out[col]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        text = values.astype("string")
        # a scan of the column first: characters to clear and cells too long are rare
        if text.str.contains(_ILLEGAL, regex=True).any() or \
                (text.str.len() > XLSX_CELL_LIMIT).any():
            out[col] = text.str.replace(_ILLEGAL, "", regex=True).str.slice(0, XLSX_CELL_LIMIT)
    return out.astype(object).where(out.notna(), None)


def _split(frame: pd.DataFrame, size: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    yield from (frame.iloc[i:i + size] for i in range(0, max(len(frame), 1), size))


def _streams(sheets: dict[str, pd.DataFrame | Iterable[pd.DataFrame]]
             ) -> Iterator[tuple[str, pd.DataFrame, Iterator[pd.DataFrame]]]:
    """(sheet name, first chunk as cells, the other chunks) of each sheet; a whole frame is
    cut into chunks too (its cells as Python objects take several times its own memory)."""
    for name, frames in sheets.items():
        chunks = _split(frames) if isinstance(frames, pd.DataFrame) else iter(frames)
        first = next(chunks, None)
        yield name[:31], cell_frame(first if first is not None else pd.DataFrame()), chunks


def _records(first: pd.DataFrame, rest: Iterator[pd.DataFrame]) -> Iterator[dict]:
    for frame in itertools.chain([first], map(cell_frame, rest)):
        columns = list(frame.columns)
        for row in frame.itertuples(index=False, name=None):
            yield dict(zip(columns, row))


def _write_fast(sheets: dict[str, pd.DataFrame | Iterable[pd.DataFrame]], path: Path) -> None:
    from rustpy_xlsxwriter import FastExcel

    book = FastExcel(str(path)).format(bold_headers=True)
    for name, first, rest in _streams(sheets):
        # a table of one chunk goes over as a frame (its header written even when it is
        # empty), a longer one row by row
        small = isinstance(sheets[name], pd.DataFrame) and len(sheets[name]) <= CHUNK_ROWS
        book.sheet(name, first if small or first.empty else _records(first, rest))
    book.save()


def _write_xlsxwriter(sheets: dict[str, pd.DataFrame | Iterable[pd.DataFrame]],
                      path: Path) -> None:
    import xlsxwriter

    options = {"constant_memory": True, "strings_to_numbers": False,
               "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        bold = book.add_format({"bold": True})
        for name, first, rest in _streams(sheets):
            sheet = book.add_worksheet(name)
            sheet.write_row(0, 0, list(first.columns), bold)
            row = 0
            for frame in itertools.chain([first], map(cell_frame, rest)):
                for values in frame.to_numpy().tolist():
                    row += 1
                    sheet.write_row(row, 0, values)


def fast_writer_available() -> bool:
    """Whether rustpy-xlsxwriter is installed (else the workbook is written by xlsxwriter)."""
    try:
        import rustpy_xlsxwriter  # noqa: F401
    except ImportError:
        return False
    return True


def write_workbook(sheets: dict[str, pd.DataFrame | Iterable[pd.DataFrame]], path: Path,
                   fast: bool | None = None) -> None:
    """Write each frame (or stream of frames) as a sheet named by its key; `fast` None:
    rustpy-xlsxwriter where it is installed.

    Callers leave out what does not fit a sheet (see `fits_a_sheet`).
    """
    if fast is None:
        fast = fast_writer_available()
    (_write_fast if fast else _write_xlsxwriter)(sheets, Path(path))
