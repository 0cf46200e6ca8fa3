"""Which files under the input folder are inputs, and what each suffix means.

`find_input_files` returns the files the analyst meant as inputs:

- every file with a supported suffix (SUPPORTED, plus aliases: .shtml, .xhtml,
  .markdown, .text, and .mht/.mhtml web archives, read as html);
- files in formats we cannot read but that are clearly documents, archives,
  images or unfinished downloads (resources/readers_unsupported.csv), so that
  `read_document` turns each into an errors row saying what to do;

and skips, silently:

- hidden files and folders (a leading dot), the sources.csv manifest;
- names in resources/readers_ignored.txt (Word's ``~$`` owner files ...);
- every other suffix (.json, .css, .js, .xml, no suffix ...): not notices;
- the ``<name>_files`` folder a browser saves beside ``<name>.html``.

Symbolic links to folders are followed once: a folder already visited (by its
resolved path) is not entered again, so link loops end. A broken link is
returned so that it is reported.
"""
from __future__ import annotations

import csv
import fnmatch
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
# other spellings of the supported formats
ALIASES = {".htm": "html", ".shtml": "html", ".xhtml": "html", ".markdown": "md",
           ".text": "txt", ".mht": "mhtml", ".mhtml": "mhtml"}
MANIFEST_NAME = "sources.csv"


def format_for_suffix(suffix: str) -> str | None:
    """The reader format name for a file suffix, or None when unsupported.

    >>> format_for_suffix(".HTM"), format_for_suffix(".docx"), format_for_suffix(".doc")
    ('html', 'docx', None)
    """
    suffix = suffix.lower()
    if suffix in ALIASES:
        return ALIASES[suffix]
    return suffix[1:] if suffix in SUPPORTED else None


@lru_cache(maxsize=1)
def unsupported_reasons() -> dict[str, str]:
    """Suffix -> what to do, for known formats we do not read."""
    path = resources.files("analysis") / "resources" / "readers_unsupported.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["suffix"].lower(): row["reason"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _ignored_patterns() -> tuple[str, ...]:
    path = resources.files("analysis") / "resources" / "readers_ignored.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines
                 if line.strip() and not line.startswith("#"))


def is_input_name(name: str) -> bool:
    """Whether a file of this name is one find_input_files returns.

    >>> [is_input_name(n) for n in ("通报.TXT", "a.doc", "~$通报.docx", ".x.txt", "a.json")]
    [True, True, False, False, False]
    """
    lower = name.lower()
    if lower.startswith(".") or lower == MANIFEST_NAME:
        return False
    if any(fnmatch.fnmatchcase(lower, pattern) for pattern in _ignored_patterns()):
        return False
    suffix = os.path.splitext(lower)[1]
    return format_for_suffix(suffix) is not None or suffix in unsupported_reasons()


def find_input_files(root: Path) -> list[Path]:
    """Input files under root, recursively, sorted by their relative posix path.

    Paths are root joined with the path below it (links are not resolved), so
    `path.relative_to(root)` always works.
    """
    root = Path(root)
    found: list[tuple[str, Path]] = []
    _walk(root, "", found, seen=set())
    return [path for _, path in sorted(found, key=lambda item: item[0])]


def _walk(folder: Path, rel: str, found: list[tuple[str, Path]], seen: set[str]) -> None:
    try:
        real = os.path.realpath(folder)
        if real in seen:
            return
        seen.add(real)
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return  # an unreadable folder holds nothing we can list
    names = {e.name.lower() for e in entries}
    for entry in entries:
        child_rel = f"{rel}{entry.name}"
        if _is_folder(entry):
            if not entry.name.startswith(".") and not _is_page_assets(entry.name, names):
                _walk(folder / entry.name, child_rel + "/", found, seen)
        elif is_input_name(entry.name) and _is_file_or_link(entry):
            found.append((child_rel, folder / entry.name))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _is_file_or_link(entry: os.DirEntry) -> bool:
    """A regular file, or a link (a broken one is returned to be reported)."""
    try:
        return entry.is_file() or entry.is_symlink()
    except OSError:
        return False


def _is_page_assets(name: str, siblings: set[str]) -> bool:
    """A browser's `<page>_files` folder saved beside `<page>.html`."""
    lower = name.lower()
    for tail in ("_files", ".files", "_文件"):
        if lower.endswith(tail):
            stem = lower[: -len(tail)]
            return any(f"{stem}{suffix}" in siblings for suffix in (".html", ".htm", ".shtml"))
    return False
