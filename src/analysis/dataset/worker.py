"""What a pool worker runs: batches of files through the per-file step, into the cache."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from analysis.classify import classify_texts
from analysis.dataset.cache import DiskStore
from analysis.dataset.process import FileResult, classify_results, process_file

# (path, root, max_bytes, cache key, cache folder or None): one file for `process_batch`
Task = tuple[str, str, int, "str | None", "str | None"]


def process_batch(tasks: list[Task]) -> list[FileResult]:
    """What a pool worker runs: process a batch of files and classify their problems
    together; with a cache folder, store each result there and return only the part the
    corpus step needs (the problems and facts are read back from the cache when written)."""
    results = classify_results([process_file(Path(path), Path(root), max_bytes)
                                for path, root, max_bytes, _, _ in tasks])
    out = []
    for (_, _, _, key, folder), result in zip(tasks, results):
        if folder is None:
            out.append(result)
            continue
        DiskStore(Path(folder)).put(key, result)
        out.append(replace(result, problems=[], facts=[]))
    return out


def warm_up() -> None:
    """Load the classifier and jieba, as a pool worker does before its first file."""
    classify_texts(["理论学习不深入"])
