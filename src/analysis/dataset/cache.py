"""Per-file results kept between builds, keyed by the file and the extraction code.

A file's key is the SHA-1 of its bytes, its suffix (which picks the reader) and the
version of everything that extracts from it: the package's reading, field, problem,
classifier and text code, its resources, and the labelled set the classifier learns
from. Change any of those and every file is read again; change one file and only that
file is.

`DiskStore` keeps each result as one pickle under OUT_DIR/.cache/files/, written to a
temporary name and renamed, so an interrupted build keeps every file it finished.
`MemoryStore` keeps them in memory (a build with no output folder).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from analysis import __version__
from analysis.dataset.process import FileResult
from analysis.paths import labelled_set_path, resources_dir

CACHE_FOLDER = ".cache"
# the stages whose code decides a file's result (report/ and tables/ do not)
_EXTRACTION_CODE = ("document.py", "text", "readers", "fields", "problems", "classify",
                    "dataset/process.py", "dataset/signature.py", "dataset/agencies.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """SHA-1 over the extraction code, the resources and the labelled set."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1(__version__.encode())
    sources: list[Path] = []
    for name in _EXTRACTION_CODE:
        target = package / name
        sources += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    sources += sorted(p for p in resources_dir().rglob("*") if p.is_file())
    labels = labelled_set_path()
    sources += [labels] if labels.is_file() else []
    for path in sources:
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_key(path: Path, max_bytes: int) -> str | None:
    """The cache key of one input file, or None when it is not to be cached (too large,
    unreadable: those are reported again on every build, which costs nothing)."""
    try:
        if path.stat().st_size > max_bytes:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha1(data)
    digest.update(f"|{path.suffix.lower()}|{code_version()}".encode())
    return digest.hexdigest()


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
