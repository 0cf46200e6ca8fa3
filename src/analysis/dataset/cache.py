"""Per-file results kept between builds, under their keys (analysis.dataset.scan).

`DiskStore` keeps each result as one pickle under OUT_DIR/.cache/files/, written to a
temporary name and renamed, so an interrupted build keeps every file it finished.
`MemoryStore` keeps them in memory (a build with no output folder).
"""
from __future__ import annotations

import os
import pickle
import tempfile
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

    def put(self, key: str | None, result: FileResult) -> None:
        if key:
            self._results[key] = result

    @property
    def folder(self) -> Path | None:
        return None


class DiskStore:
    """Results as pickles under `folder`/files, one per key."""

    def __init__(self, folder: Path) -> None:
        self._folder = Path(folder)

    @property
    def folder(self) -> Path:
        return self._folder

    def _path(self, key: str) -> Path:
        return self._folder / "files" / key[:2] / f"{key}.pkl"

    def get(self, key: str | None) -> FileResult | None:
        if not key:
            return None
        try:
            with self._path(key).open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError):
            return None

    def put(self, key: str | None, result: FileResult) -> None:
        if not key:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
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
