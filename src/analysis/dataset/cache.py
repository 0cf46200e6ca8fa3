"""Per-file results kept between builds, under their keys (analysis.dataset.scan).

`DiskStore` keeps them in one SQLite database, OUT_DIR/.cache/results.sqlite: a row per
key holding three pickles, the summary the corpus step needs (row, signature, error), the
problems and the facts (each read only when its table is written). Pool workers encode each
result (`encode`) and the build's main process writes them, a batch of files a
transaction (one writer, no waiting on locks), so an interrupted build keeps every batch
it finished. One database rather than a file per result: creating thousands of small files
costs a build more than writing the same bytes into one (and a folder of a hundred
thousand files is slow to list and to delete). `MemoryStore` keeps results in memory (a
build with no output folder).
"""
from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:                   # the stores only pass results through
    from analysis.dataset.process import FileResult

PARTS = ("problems", "facts")        # what a summary leaves out, each kept on its own


def encode(result: FileResult) -> tuple[bytes, bytes, bytes]:
    """A result as the three pickles a store keeps: the summary (without problems and
    facts), the problems, the facts."""
    return (pickle.dumps(replace(result, problems=[], facts=[]), protocol=pickle.HIGHEST_PROTOCOL),
            *(pickle.dumps(getattr(result, part), protocol=pickle.HIGHEST_PROTOCOL)
              for part in PARTS))


def decode(summary: bytes, problems: bytes | None = None, facts: bytes | None = None
           ) -> FileResult:
    """The result of `encode`'s pickles (only its summary when the others are None)."""
    result = pickle.loads(summary)
    if problems is not None and facts is not None:
        result.problems, result.facts = pickle.loads(problems), pickle.loads(facts)
    return result


class MemoryStore:
    """Results held in memory for the length of one build."""

    def __init__(self) -> None:
        self._results: dict[str, FileResult] = {}

    def get(self, key: str | None) -> FileResult | None:
        return self._results.get(key) if key else None

    def get_summary(self, key: str | None) -> FileResult | None:
        return self.get(key)

    def get_part(self, key: str | None, part: str) -> list[dict]:
        result = self.get(key)
        return [] if result is None else getattr(result, part)

    def put(self, key: str | None, result: FileResult) -> None:
        if key:
            self._results[key] = result

    @property
    def folder(self) -> Path | None:
        return None

    def close(self) -> None:
        """Nothing to close (the same calls as DiskStore)."""


class DiskStore:
    """Results in `folder`/results.sqlite (see the module docstring).

    Each process opens its own connection, and the build closes its own before it forks
    (`close`): SQLite connections must not cross a fork (one that did anyway is set aside
    and never used). A database that cannot be read is replaced by an empty one: the
    cache only saves time.
    """

    FILE = "results.sqlite"
    _inherited: list[sqlite3.Connection] = []       # connections of a parent process

    def __init__(self, folder: Path) -> None:
        self._folder = Path(folder)
        self._conn: sqlite3.Connection | None = None
        self._pid = 0

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def path(self) -> Path:
        return self._folder / self.FILE

    def _db(self, create: bool = False) -> sqlite3.Connection | None:
        if self._conn is not None and self._pid != os.getpid():
            DiskStore._inherited.append(self._conn)
            self._conn = None
        if self._conn is None:
            if not create and not self.path.is_file():
                return None
            self._folder.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
            self._pid = os.getpid()
        return self._conn

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.OperationalError:
            raise                   # cannot open (permissions, a lock): not damage
        except sqlite3.DatabaseError:
            self._discard()         # not a database: an empty one instead
            return self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=300, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("DROP TABLE IF EXISTS results")      # of an earlier layout
        conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, "
                     "summary BLOB NOT NULL, problems BLOB NOT NULL, facts BLOB NOT NULL)")
        return conn

    def _discard(self) -> None:
        """Remove an unreadable database (the next connection starts an empty one)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        """Close this process's connection (the next call opens one again)."""
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def _select(self, column: str, key: str | None) -> tuple | None:
        db = self._db() if key else None
        if db is None:
            return None
        try:
            return db.execute(f"SELECT {column} FROM {TABLE} WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None

    def get(self, key: str | None) -> FileResult | None:
        """The whole result of a file."""
        found = self._select("summary, problems, facts", key)
        if found is None:
            return None
        try:
            return decode(*found)
        except _UNREADABLE:
            return None

    def get_part(self, key: str | None, part: str) -> list[dict]:
        """The problems or the facts of a file (empty when it is not kept)."""
        assert part in PARTS
        found = self._select(part, key)
        try:
            return [] if found is None else pickle.loads(found[0])
        except _UNREADABLE:
            return []

    def get_summary(self, key: str | None) -> FileResult | None:
        """The result without its problems and facts (which are not even read)."""
        found = self._select("summary", key)
        if found is None:
            return None
        try:
            return decode(found[0])
        except _UNREADABLE:
            return None

    def put(self, key: str | None, result: FileResult) -> None:
        self.put_many([(key, result)])

    def __len__(self) -> int:
        return len(self.keys())

    def put_many(self, items: Iterable[tuple[str | None, FileResult]]) -> None:
        """Keep results, all in one transaction."""
        self.put_encoded((key, *encode(result)) for key, result in items)

    def put_encoded(self, items: Iterable[tuple[str | None, bytes, bytes, bytes]]) -> None:
        """Keep results as `encode` gave them, all in one transaction."""
        rows = [item for item in items if item[0]]
        if not rows:
            return
        for attempt in range(2):
            db = self._db(create=True)
            try:
                with db:        # BEGIN ... COMMIT, or ROLLBACK on an error
                    db.execute("BEGIN IMMEDIATE")
                    db.executemany(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?)", rows)
                return
            except sqlite3.OperationalError:
                raise               # locked by another build, a full disk: not damage
            except sqlite3.DatabaseError:
                if attempt:
                    raise
                self._discard()     # damaged under its header: an empty one instead

    def keys(self) -> set[str]:
        db = self._db()
        return set() if db is None else {k for (k,) in db.execute(f"SELECT key FROM {TABLE}")}

    def prune(self, keep: set[str]) -> int:
        """Remove results of files no longer in the folder; returns how many."""
        shutil.rmtree(self._folder / "files", ignore_errors=True)   # an older layout
        gone = sorted(self.keys() - keep)
        db = self._db()
        if db is not None and gone:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(f"DELETE FROM {TABLE} WHERE key = ?", [(k,) for k in gone])
        return len(gone)


TABLE = "file_results"
_UNREADABLE = (TypeError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
               IndexError, ValueError)
