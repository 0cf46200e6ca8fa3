"""`build INPUT_DIR --out OUT_DIR`: build a folder and write its tables, incrementally.

OUT_DIR holds the tables (.csv, .parquet, dataset.xlsx) and `.cache/`:

- `.cache/results.sqlite`: one result per input file, keyed by its content and the
  extraction code (analysis.dataset.cache); a rebuild reads only new and changed files,
  and a file that left the folder drops out;
- `.cache/build.json`: the key of the last build written (every file's key, the options,
  the overrides and the manifest: analysis.dataset.scan). When it has not changed and the
  tables are all there, nothing is written again.

Deleting `.cache/` is always safe: the next build reads everything again.
The problems and facts tables are written chunk by chunk (CSV appended, Parquet in row
groups), and the workbook is streamed too, by a forked process at the same time (it is the
slowest of the three), so memory stays flat however large the folder.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.dataset.build import BuildOptions, Corpus, build_corpus
from analysis.dataset.scan import CACHE_FOLDER, Scan, write_state
from analysis.schema import conform, data_dictionary, table_columns, table_names
from analysis.tables.excel import fits_a_sheet, write_workbook
from analysis.tables.write import atomic_path, atomic_write, dictionary_with_notes, sort_table, write_csv, write_parquet

STREAMED = ("problems", "facts")
_ARROW = {"str": pa.string(), "date": pa.string(), "Int": pa.int64(), "int": pa.int64(),
          "float": pa.float64(), "bool": pa.bool_()}


@dataclass
class BuildReport:
    """What a build did, for the closing message."""

    out_dir: Path
    n_rows: dict[str, int] = field(default_factory=dict)
    n_read: int = 0
    n_files: int = 0
    unchanged: bool = False
    left_out_of_xlsx: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of a table, from analysis.schema."""
    return pa.schema([(c.name, _ARROW[c.type]) for c in table_columns(table)])


def _write_stream(table: str, chunks: Iterable[pd.DataFrame], out: Path) -> int:
    """Write chunks to table.csv and table.parquet (both renamed into place at the end)."""
    schema, count = arrow_schema(table), 0
    with atomic_path(out / f"{table}.csv") as tmp_csv, \
            atomic_path(out / f"{table}.parquet") as tmp_pq, \
            pq.ParquetWriter(tmp_pq, schema) as writer:
        for frame in chunks:
            _append(frame, tmp_csv, writer, first=not count)
            count += len(frame)
        if not count:       # the header alone
            _append(conform(table, []), tmp_csv, writer, first=True)
    return count


def _append(frame: pd.DataFrame, csv_path: Path, writer: pq.ParquetWriter, first: bool) -> None:
    frame.to_csv(csv_path, index=False, encoding="utf-8-sig" if first else "utf-8",
                 lineterminator="\n", float_format="%.6g", mode="w" if first else "a",
                 header=first)
    writer.write_table(pa.Table.from_pandas(frame, schema=writer.schema, preserve_index=False))


def row_counts(corpus: Corpus) -> dict[str, int]:
    """Rows per table, known before the problems and facts are streamed."""
    return {"notices": len(corpus.notices), "problems": corpus.n_problems,
            "facts": corpus.n_facts, "inspections": len(corpus.inspections),
            "errors": len(corpus.errors)}


def _whole(corpus: Corpus) -> dict[str, pd.DataFrame]:
    return {name: sort_table(name, frame) for name, frame in (
        ("notices", corpus.notices), ("errors", corpus.errors),
        ("inspections", corpus.inspections))}


def _table_chunks(corpus: Corpus, name: str, whole: dict[str, pd.DataFrame]):
    if name == "problems":
        return corpus.problem_chunks()
    return corpus.fact_chunks() if name == "facts" else whole[name]


def write_workbook_of(corpus: Corpus, out: Path, n_rows: dict[str, int]) -> None:
    """dataset.xlsx from the corpus itself: every table that fits a sheet, and the dictionary."""
    whole = _whole(corpus)
    sheets: dict = {name: _table_chunks(corpus, name, whole) for name in table_names()
                    if fits_a_sheet(n_rows[name])}
    sheets["data_dictionary"] = dictionary_with_notes(data_dictionary(), n_rows)
    atomic_write(out / "dataset.xlsx", lambda tmp: write_workbook(sheets, tmp))


def _start_workbook(corpus: Corpus, out: Path, n_rows: dict[str, int]):
    """Write the workbook in a forked process while this one writes CSV and Parquet (the
    workbook takes longest); None where processes cannot fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    corpus.store.close()                        # no open database across a fork
    child = multiprocessing.get_context("fork").Process(
        target=write_workbook_of, args=(corpus, out, n_rows), daemon=True)
    child.start()
    return child


def write_corpus(corpus: Corpus, out_dir: Path, xlsx: bool = True) -> dict[str, int]:
    """Write every table of a built corpus; returns rows per table."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n_rows = row_counts(corpus)
    child = _start_workbook(corpus, out, n_rows) if xlsx else None
    whole = _whole(corpus)
    for name in table_names():
        if name in STREAMED:
            written = _write_stream(name, _table_chunks(corpus, name, whole), out)
            assert written == n_rows[name], f"{name}: {written} rows, {n_rows[name]} expected"
        else:
            write_csv(whole[name], out / f"{name}.csv")
            write_parquet(whole[name], out / f"{name}.parquet")
    if child is not None:
        child.join()
    if xlsx and (child is None or child.exitcode != 0):
        write_workbook_of(corpus, out, n_rows)      # no fork, or the child failed: here
    return n_rows


def build_into(scan: Scan, out_dir: str | Path, options: BuildOptions, key: str,
               xlsx: bool = True) -> BuildReport:
    """Build a scanned folder into out_dir, reusing the per-file results its cache holds,
    and record the build's `key` (see analysis.dataset.scan.unchanged_state)."""
    out = Path(out_dir)
    options.cache_dir = out / CACHE_FOLDER
    corpus = build_corpus(scan.root, options, scan)
    report = BuildReport(out, n_files=len(scan.files), n_read=corpus.n_read)
    report.n_rows = write_corpus(corpus, out, xlsx)
    report.left_out_of_xlsx = [n for n, c in report.n_rows.items() if xlsx and not fits_a_sheet(c)]
    report.errors = list(zip(corpus.errors["source_path"], corpus.errors["error"]))
    outputs = [f"{n}.{ext}" for n in table_names() for ext in ("csv", "parquet")]
    write_state(out, {"key": key, "n_rows": report.n_rows, "errors": report.errors,
                      "outputs": outputs + (["dataset.xlsx"] if xlsx else [])})
    return report
