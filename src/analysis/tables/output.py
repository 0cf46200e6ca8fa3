"""`build INPUT_DIR --out OUT_DIR`: build a folder and write its tables, incrementally.

OUT_DIR holds the tables (.csv, .parquet, dataset.xlsx) and `.cache/`:

- `.cache/files/`: one result per input file, keyed by its content and the extraction
  code (analysis.dataset.cache); a rebuild reads only new and changed files, and a file
  that left the folder drops out;
- `.cache/build.json`: the key of the last build written (every file's key, the options,
  the overrides and the manifest: analysis.dataset.scan). When it has not changed and the
  tables are all there, nothing is written again.

Deleting `.cache/` is always safe: the next build reads everything again.
The problems and facts tables are written chunk by chunk (CSV appended, Parquet in row
groups, the workbook streamed from the Parquet files), so memory stays flat however
large the folder.
"""
from __future__ import annotations

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
_BATCH_ROWS = 20_000


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


def _parquet_chunks(path: Path):
    for batch in pq.ParquetFile(path).iter_batches(batch_size=_BATCH_ROWS):
        yield batch.to_pandas()


def write_corpus(corpus: Corpus, out_dir: Path, xlsx: bool = True) -> dict[str, int]:
    """Write every table of a built corpus; returns rows per table."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    whole = {"notices": corpus.notices, "errors": corpus.errors,
             "inspections": corpus.inspections}
    n_rows: dict[str, int] = {}
    for name in table_names():
        if name in STREAMED:
            chunks = corpus.problem_chunks() if name == "problems" else corpus.fact_chunks()
            n_rows[name] = _write_stream(name, chunks, out)
        else:
            frame = sort_table(name, whole[name])
            write_csv(frame, out / f"{name}.csv")
            write_parquet(frame, out / f"{name}.parquet")
            n_rows[name] = len(frame)
    if xlsx:
        sheets: dict = {name: _parquet_chunks(out / f"{name}.parquet") for name in table_names()
                        if fits_a_sheet(n_rows[name])}
        sheets["data_dictionary"] = dictionary_with_notes(data_dictionary(), n_rows)
        atomic_write(out / "dataset.xlsx", lambda tmp: write_workbook(sheets, tmp))
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
