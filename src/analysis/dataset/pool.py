"""The process pool of the per-file step, started as early as a build knows it needs one.

Each worker loads the classifier and jieba's dictionary before its first file (most of a
second). `build` starts the pool right after it has scanned the folder and found files
its cache does not hold, before it imports the rest of the build (pandas, pyarrow, the
tables), so the workers warm up while the main process imports. Workers are forked
where the system can fork (they then share what the main process has loaded), spawned
elsewhere.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from analysis.dataset.worker import warm_up

POOL_MIN_FILES = 8          # fewer new files than this are read in the main process


def default_jobs(jobs: int | None) -> int:
    """Worker processes for `jobs` (None: every core)."""
    return max(1, jobs or os.cpu_count() or 1)


def wants_pool(n_new: int, jobs: int | None) -> bool:
    """Whether reading n_new files is worth a pool of `jobs` workers."""
    return default_jobs(jobs) > 1 and n_new >= POOL_MIN_FILES


def _started() -> None:
    """A task that returns at once: submitting one per worker starts them all now."""


def start_pool(jobs: int | None) -> ProcessPoolExecutor:
    """A pool of `jobs` workers, all started and warming up when this returns."""
    n = default_jobs(jobs)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method),
                               initializer=warm_up)
    for _ in range(n):
        pool.submit(_started)
    return pool
