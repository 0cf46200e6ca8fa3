"""build_corpus: a folder of notices -> the tables of SCHEMA.md.

1. The per-file map (dataset.process): read -> notice fields -> problems -> categories,
   for each file on its own, in a process pool (`jobs`), each result cached by the file's
   content and the code (dataset.cache) so an unchanged file is never read twice.
2. The corpus-level step, on the notices rows and their compact signatures only:
   reposts (dataset.copies), agencies (dataset.agencies) and inspections
   (dataset.inspections).
3. The problems and facts of the notices that are not copies are streamed from the
   results, in doc_id order, chunk by chunk: no build holds every text at once.

A file that fails at any stage becomes one `errors` row with a reason a person can act
on; the rest of the build goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from tqdm import tqdm

from analysis.classify import read_overrides
from analysis.classify.overrides import apply_override_table
from analysis.dataset.cache import DiskStore, MemoryStore, decode
from analysis.dataset.copies import find_copies
from analysis.dataset.inspections import STAGE_ORDER, inspection_ids, inspection_row, link_inspections, notice_date
from analysis.dataset.pool import start_pool, wants_pool
from analysis.dataset.process import FileResult
from analysis.dataset.scan import Scan, scan_folder
from analysis.dataset.worker import process_batch
from analysis.paths import overrides_path as paths_overrides_path
from analysis.readers import MAX_BYTES, printable_name, read_manifest
from analysis.schema import conform, conform_frame

BATCH_FILES = 16            # files a worker reads and classifies together


@dataclass
class BuildOptions:
    max_bytes: int = MAX_BYTES
    jobs: int | None = None                 # None: every core
    overrides_path: Path | None = None      # None: data/labels/overrides.csv
    cache_dir: Path | None = None           # None: results held in memory
    progress: Callable[[Iterable, int], Iterable] | None = None
    pool: Executor | None = None            # a started pool (analysis.dataset.pool) to use


@dataclass
class Corpus:
    """The built notices, inspections and errors, and the problems and facts as streams."""

    notices: pd.DataFrame
    inspections: pd.DataFrame
    errors: pd.DataFrame
    store: Any
    keys: list[tuple[str, str | None, str]] = field(default_factory=list)
    overrides: dict = field(default_factory=dict)
    n_read: int = 0                         # files read this time (not from the cache)
    n_problems: int = 0                     # rows the problem and fact streams will give
    n_facts: int = 0

    def _rows(self, part: str) -> Iterator[list[dict]]:
        """The problems or the facts of each kept notice, in doc_id order."""
        for _, key, _ in self.keys:
            yield self.store.get_part(key, part)

    def problem_chunks(self, size: int = 5_000) -> Iterator[pd.DataFrame]:
        """The problems table in doc_id, problem_no order, `size` rows at a time."""
        for rows in _chunks((r for part in self._rows("problems") for r in part), size):
            yield conform_frame("problems", apply_override_table(pd.DataFrame(rows),
                                                                 self.overrides))

    def fact_chunks(self, size: int = 20_000) -> Iterator[pd.DataFrame]:
        """The facts table in doc_id, start, field, end order, chunk by chunk."""
        def ordered() -> Iterator[dict]:
            for facts in self._rows("facts"):
                yield from sorted(facts, key=lambda f: (f["start"], f["field"], f["end"]))
        for rows in _chunks(ordered(), size):
            yield conform("facts", rows)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table in memory (for notebooks, tests and small folders)."""
        return {"notices": self.notices,
                "problems": _concat("problems", list(self.problem_chunks())),
                "facts": _concat("facts", list(self.fact_chunks())),
                "errors": self.errors, "inspections": self.inspections}


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _concat(table: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(frames, ignore_index=True) if frames else conform(table, [])


def _progress(batches: Iterable[list[FileResult]], sizes: list[int],
              progress: Callable[[Iterable, int], Iterable]) -> Iterator[list[FileResult]]:
    """Batches as they come, the progress bar advancing by files, not by batches."""
    bar = progress(iter(()), sum(sizes))
    update = getattr(bar, "update", None)
    for batch in batches:
        if update:
            update(len(batch))
        yield batch
    if hasattr(bar, "close"):
        bar.close()


def _map_files(root: Path, files: list[Path], keys: list[str | None], store,
               options: BuildOptions) -> tuple[list[tuple[str | None, FileResult]], int]:
    """(key, result) for every file, in file order; and how many files were read anew.

    New results are kept in the store batch by batch as they come: the summaries only,
    in memory; the problems and facts in a DiskStore until the tables are written."""
    shared: dict[str, str] = {}
    cached = {i: _shared(store.get_summary(k), shared) for i, k in enumerate(keys)}
    todo = [i for i, r in cached.items() if r is None]
    tasks = [(str(files[i]), str(root), options.max_bytes) for i in todo]
    batches = [todo[i:i + BATCH_FILES] for i in range(0, len(todo), BATCH_FILES)]
    progress = options.progress or (lambda it, total: it)
    pool, options.pool = options.pool, None      # a pool given is used up here
    parallel = wants_pool(len(todo), options.jobs)
    if pool is None and parallel:
        store.close()                           # no open database across a fork
        pool = start_pool(options.jobs)
    try:
        run = pool.map if pool is not None and parallel else map
        work = run(process_batch, [tasks[i:i + BATCH_FILES]
                                   for i in range(0, len(tasks), BATCH_FILES)])
        for batch, encoded in zip(batches, _progress(work, [len(b) for b in batches], progress)):
            if store.folder is not None:
                store.put_encoded((keys[i], *blobs) for i, blobs in zip(batch, encoded))
            for i, blobs in zip(batch, encoded):
                if store.folder is None:        # held whole in memory for the streams
                    result = decode(*blobs)
                    store.put(keys[i], result)
                else:
                    result = decode(blobs[0])
                cached[i] = _shared(result, shared)
    finally:
        if pool is not None:    # shut down before the tables are written (by a fork)
            pool.shutdown()
    return [(keys[i], cached[i]) for i in range(len(files))], len(todo)


def _shared(result: FileResult | None, shared: dict[str, str]) -> FileResult | None:
    """The result with one string object for each column name and each short value (a
    place, a type, a level) across the corpus: every summary comes out of its own pickle
    with its own copies of them, which would take half of the memory it holds."""
    if result is not None and result.row:
        result.row = {sys.intern(k): shared.setdefault(v, v) if isinstance(v, str) and
                      len(v) <= 24 else v for k, v in result.row.items()}
    return result


def build_corpus(input_dir: str | Path, options: BuildOptions | None = None,
                 scan: Scan | None = None) -> Corpus:
    """Read every supported file under input_dir; see the module docstring."""
    options = options or BuildOptions()
    scan = scan or scan_folder(input_dir, options.max_bytes)
    root, files = scan.root, scan.files
    store = MemoryStore() if options.cache_dir is None else DiskStore(options.cache_dir)
    mapped, n_read = _map_files(root, files, scan.keys, store, options)
    if isinstance(store, DiskStore):
        store.prune({k for k, _ in mapped if k})
    manifest = read_manifest(root)
    rows, sigs, keys, errors = [], [], [], []
    sizes: dict[str, tuple[int, int]] = {}         # key -> (problems, facts)
    for path, (key, result) in zip(files, mapped):
        rel = printable_name(path.relative_to(root).as_posix())
        if result.error is not None:
            errors.append({"source_path": rel, "error": result.error})
            continue
        row = result.row            # the summary's own row: one copy of each in memory
        row["source_path"] = rel
        row["url"] = manifest.get(rel) or row.get("url")
        rows.append(row)
        sigs.append(result.signature)
        keys.append(key)
        if key:
            sizes[key] = (row.get("problems_listed", 0), result.n_facts)
    del mapped
    notices, order = corpus_step(rows, sigs, keys)
    del rows, sigs
    kept = [sizes[key] for _, key, _ in order if key in sizes]
    overrides_path = options.overrides_path or paths_overrides_path()
    return Corpus(notices=notices, inspections=build_inspections(notices),
                  errors=conform("errors", errors), store=store, keys=order,
                  overrides=read_overrides(overrides_path), n_read=n_read,
                  n_problems=sum(p for p, _ in kept), n_facts=sum(f for _, f in kept))


def corpus_step(rows: list[dict[str, Any]], sigs: list, keys: list[str | None]
                ) -> tuple[pd.DataFrame, list[tuple[str, str | None, str]]]:
    """Copies, agencies and inspections on the notices rows; returns the notices table and
    the (doc_id, key, source_path) of the notices whose problems and facts are kept."""
    copies = find_copies(rows, sigs)
    for i, copy in copies.items():
        first = rows[copy.first]
        rows[i].update(duplicate_of=first["source_path"], duplicate_match=copy.how,
                       duplicate_similarity=copy.similarity)
    originals = [i for i in range(len(rows)) if i not in copies]
    kept = [rows[i] for i in originals]
    agencies = [r.get("agency") for r in kept]
    groups = link_inspections(kept, agencies)
    ids = inspection_ids(kept, agencies, groups)
    for row, group in zip(kept, groups):
        row["inspection_id"] = ids.get(group) if group is not None else None
    for i, copy in copies.items():
        rows[i]["inspection_id"] = rows[copy.first].get("inspection_id")
    order = sorted(((rows[i]["doc_id"], keys[i], rows[i]["source_path"]) for i in originals),
                   key=lambda t: t[0])
    return conform("notices", rows), order


def build_inspections(notices: pd.DataFrame, groups_per_chunk: int = 1_000) -> pd.DataFrame:
    """The inspections table: one row per inspection_id, from its notices that are not copies
    (their rows made into dicts a few thousand inspections at a time)."""
    linked = notices[notices["inspection_id"].notna() & notices["duplicate_of"].isna()]
    linked = linked.sort_values("inspection_id", kind="stable")
    ids = linked["inspection_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.zeros(0, int)
    bounds = np.r_[starts[::groups_per_chunk], len(ids)]
    frames = []
    for low, high in zip(bounds[:-1], bounds[1:]):
        part = linked.iloc[low:high]
        records = part.astype(object).where(part.notna(), None).to_dict("records")
        by_id: dict[str, list[dict]] = {}
        for row in records:
            by_id.setdefault(row["inspection_id"], []).append(row)
        out = []
        for inspection_id, members in by_id.items():
            members.sort(key=lambda r: (notice_date(r) or "9999", _stage(r), r["source_path"]))
            out.append(inspection_row(inspection_id, members[0].get("agency"), members))
        frames.append(conform("inspections", out))
    return _concat("inspections", frames)


def _stage(row: dict[str, Any]) -> int:
    return STAGE_ORDER.get(row.get("doc_type"), 3)


def progress_bar(enabled: bool) -> Callable[[Iterable, int], Iterable]:
    """A tqdm bar on stderr over the files read (none when disabled or for one file)."""
    def wrap(items: Iterable, total: int) -> Iterable:
        if not enabled or total < 2:
            return items
        return tqdm(items, total=total, desc="notices", unit="file", file=sys.stderr,
                    dynamic_ncols=True, leave=False)
    return wrap


def build_dataset(input_dir: str | Path, *, max_bytes: int = MAX_BYTES,
                  overrides_path: Path | None = None, jobs: int | None = 1,
                  progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every table of a folder, in memory (for notebooks and tests)."""
    options = BuildOptions(max_bytes=max_bytes, overrides_path=overrides_path, jobs=jobs,
                           progress=progress_bar(progress))
    return build_corpus(input_dir, options).tables()
