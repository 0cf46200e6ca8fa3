"""What a build reads, and whether it has changed since the last build into a folder.

A file's key is the SHA-1 of its bytes, its suffix (which picks the reader) and the
version of everything that extracts from it: the package's reading, field, problem,
classifier and text code, its resources, and the labelled set the classifier learns
from. Change any of those and every file is read again; change one file and only that
file is. A build's key adds every file's path, the options, the overrides and the
manifest: when it equals the one in OUT_DIR/.cache/build.json, there is nothing to do.

This module is light on purpose (no pandas, no model): an unchanged rebuild is decided
here before anything heavy is imported.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import __version__
from analysis.paths import labelled_set_path, resources_dir
from analysis.readers.dispatch import MAX_BYTES
from analysis.readers.walk import find_input_files

CACHE_FOLDER = ".cache"
# the stages whose code decides a file's result (report/ and tables/ do not)
_EXTRACTION_CODE = ("document.py", "text", "readers", "fields", "problems", "classify",
                    "dataset/process.py", "dataset/signature.py", "dataset/agencies.py")


def _digest(names: tuple[str, ...]) -> str:
    """SHA-1 over the package's code under `names`, the resources and the labelled set."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1(__version__.encode())
    sources: list[Path] = []
    for name in names:
        target = package / name
        sources += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    sources += sorted(p for p in resources_dir().rglob("*") if p.is_file())
    labels = labelled_set_path()
    sources += [labels] if labels.is_file() else []
    for path in sources:
        digest.update(path.relative_to(package).as_posix().encode("utf-8")
                      if package in path.parents else path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """The version of what a file's result depends on: the extraction code and its data."""
    return _digest(_EXTRACTION_CODE)


@lru_cache(maxsize=1)
def package_version() -> str:
    """The version of everything a build writes: all of the package's code and data (the
    corpus step and the table writers too)."""
    return _digest(("",))


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



@dataclass
class Scan:
    """The input files of a folder, sorted, each with its cache key."""

    root: Path
    files: list[Path]
    keys: list[str | None]

    def build_key(self, *extra: object) -> str:
        """SHA-1 of every file's path and key, the code and `extra` (options, overrides …)."""
        digest = hashlib.sha1(package_version().encode())
        for path, key in zip(self.files, self.keys):
            digest.update(f"{path.relative_to(self.root).as_posix()}\0{key}\0".encode(
                "utf-8", "surrogateescape"))
        for value in extra:
            digest.update(repr(value).encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def scan_folder(input_dir: str | Path, max_bytes: int = MAX_BYTES) -> Scan:
    """Find the input files under input_dir and key each by its content and the code."""
    root = Path(input_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    files = find_input_files(root)
    return Scan(root, files, [file_key(p, max_bytes) for p in files])


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or b"" when it is missing (an absent overrides file or manifest)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def state_path(out_dir: Path) -> Path:
    return Path(out_dir) / CACHE_FOLDER / "build.json"


def read_state(out_dir: Path) -> dict:
    """What the last build into out_dir wrote: its key, rows per table, errors, outputs."""
    try:
        return json.loads(state_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_state(out_dir: Path, state: dict) -> None:
    path = state_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(state, fh, ensure_ascii=False)
    os.replace(tmp, path)


def unchanged_state(out_dir: Path, key: str) -> dict | None:
    """The last build's state when its key is `key` and all its outputs are still there."""
    state = read_state(out_dir)
    outputs = [Path(out_dir) / name for name in state.get("outputs", [])]
    if state.get("key") == key and outputs and all(p.is_file() for p in outputs):
        return state
    return None
