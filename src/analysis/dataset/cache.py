"""Per-file results kept between builds, under their keys (analysis.dataset.scan).

`DiskStore` keeps each result as one pickle under OUT_DIR/.cache/files/, written to a
temporary name and renamed, so an interrupted build keeps every file it finished.
`MemoryStore` keeps them in memory (a build with no output folder).
"""
from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:                   # the stores only pass results through
    from analysis.dataset.process import FileResult

class MemoryStore:
    """Results held in memory for the length of one build."""

    def __init__(self) -> None:
        self._results: dict[str, FileResult] = {}

    def get(self, key: str | None) -> FileResult | None:
        return self._results.get(key) if key else None

    def get_summary(self, key: str | None) -> FileResult | None:
        return self.get(key)

    def put(self, key: str | None, result: FileResult) -> None:
        if key:
            self._results[key] = result

    @property
    def folder(self) -> Path | None:
        return None


class DiskStore:
    """Results as pickles under `folder`/files, one file per key holding two pickles: the
    summary the corpus step needs (row, signature, error), then the problems and facts,
    read only when the tables are written."""

    def __init__(self, folder: Path) -> None:
        self._folder = Path(folder)

    @property
    def folder(self) -> Path:
        return self._folder

    def _path(self, key: str) -> Path:
        return self._folder / "files" / key[:2] / f"{key}.pkl"

    def _load(self, key: str | None, whole: bool) -> FileResult | None:
        if not key:
            return None
        try:
            with self._path(key).open("rb") as fh:
                summary = pickle.load(fh)
                if whole:
                    summary.problems, summary.facts = pickle.load(fh)
                return summary
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            return None

    def get(self, key: str | None) -> FileResult | None:
        """The whole result of a file."""
        return self._load(key, whole=True)

    def holds(self, key: str | None) -> bool:
        """Whether a result is kept under `key` (without reading it)."""
        return bool(key) and self._path(key).is_file()

    def get_summary(self, key: str | None) -> FileResult | None:
        """The result without its problems and facts (which are not even unpickled)."""
        return self._load(key, whole=False)

    def put(self, key: str | None, result: FileResult) -> None:
        if not key:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        summary = replace(result, problems=[], facts=[])
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(summary, fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump((result.problems, result.facts), fh,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> int:
        """Remove results of files no longer in the folder; returns how many."""
        removed = 0
        for path in self._folder.glob("files/*/*.pkl"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
