"""What a pool worker runs: batches of files through the per-file step."""
from __future__ import annotations

from pathlib import Path

from analysis.classify import classify_texts
from analysis.dataset.cache import encode
from analysis.dataset.process import classify_results, process_file

# (path, root, max_bytes): one file for `process_batch`
Task = tuple[str, str, int]


def process_batch(tasks: list[Task]) -> list[tuple[bytes, bytes, bytes]]:
    """Process a batch of files, classify their problems together, and return each result
    encoded for the cache (analysis.dataset.cache.encode): the process that keeps them
    writes them as they are and reads back only the summaries."""
    results = classify_results([process_file(Path(path), Path(root), max_bytes)
                                for path, root, max_bytes in tasks])
    return [encode(result) for result in results]


def warm_up() -> None:
    """Load the classifier and jieba, as a pool worker does before its first file."""
    classify_texts(["理论学习不深入"])
