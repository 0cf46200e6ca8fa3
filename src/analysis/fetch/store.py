"""DIR/sources.csv and the saved files: what is held, written as the run goes.

One row per URL tried, appended and flushed at once, so that a run stopped at any
point loses nothing; at the start and the end of a run the file is rewritten (to a
temporary file, then renamed) with one row per URL, the latest winning, and an
incomplete last line (a run killed mid-write) dropped.

Columns: path,url,status,fetched_at,kind,referer,redirect_to,content_type,bytes,sha256.
`path` is relative to DIR with '/' and empty when nothing was saved; `status` is the
HTTP code or the reason (robots, needs-browser, timeout, ...). Columns of an older
file that are not ours are kept.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from datetime import datetime, timezone
from pathlib import Path

from analysis.fetch.urls import host_of
from analysis.readers.encoding import decode_bytes
from analysis.readers.errors import ReadError

MANIFEST_NAME = "sources.csv"   # the name `build` reads (analysis.readers.walk.MANIFEST_NAME)
COLUMNS = ("path", "url", "status", "fetched_at", "kind", "referer", "redirect_to",
           "content_type", "bytes", "sha256")
# failures that asking again will not mend: not retried on a rerun unless asked to
FINAL_FAILURES = frozenset({"needs-browser", "too-large", "offsite-redirect",
                            "too-many-redirects", "redirect-loop"})
_ALIASES = {"file": "path", "filename": "path", "source_path": "path", "文件": "path",
            "文件名": "path", "路径": "path", "link": "url", "source_url": "url", "href": "url",
            "网址": "url", "链接": "url"}


def now_utc() -> str:
    """The fetched_at form: UTC to the millisecond (a rerun keeps the delay from it)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(value: str) -> float | None:
    """Seconds since the epoch of a fetched_at value, or None.

    >>> parse_time("2024-05-01T12:00:00.250Z") - parse_time("2024-05-01T12:00:00Z")
    0.25
    >>> parse_time("yesterday") is None
    True
    """
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def is_final_failure(status: str) -> bool:
    """A recorded status not worth asking again: 4xx (but 408, 429) and FINAL_FAILURES.

    >>> [is_final_failure(s) for s in ("404", "410", "429", "503", "timeout", "needs-browser")]
    [True, True, False, False, False, True]
    """
    if status.isdigit():
        return 400 <= int(status) < 500 and int(status) not in (408, 429)
    return status in FINAL_FAILURES


class Manifest:
    """The rows of DIR/sources.csv by URL, and the appending writer."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / MANIFEST_NAME
        self.fieldnames = list(COLUMNS)
        self.rows: dict[str, dict[str, str]] = {}
        self._owners: dict[str, str] = {}   # saved path -> url
        self._handle: io.TextIOWrapper | None = None
        self._writer: csv.DictWriter | None = None

    def open(self) -> Manifest:
        """Read what an earlier run left, tidy it, and get ready to append."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._load()
        self.compact()
        self._handle = self.path.open("a", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._handle, self.fieldnames, extrasaction="ignore")
        return self

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = self._writer = None
            self.compact()

    def _load(self) -> None:
        if not self.path.is_file():
            return
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            data = data[: data.rfind(b"\n") + 1]   # a line cut by a killed run
        try:
            text = decode_bytes(data) if data.strip() else ""
        except ReadError:
            return
        reader = csv.DictReader(io.StringIO(text))
        header = [_ALIASES.get(name.strip().lower(), name.strip().lower())
                  for name in reader.fieldnames or []]
        reader.fieldnames = header
        self.fieldnames += [name for name in header if name and name not in self.fieldnames]
        for row in reader:
            self._remember({key: (value or "").strip() for key, value in row.items() if key})

    def _remember(self, row: dict[str, str]) -> None:
        key = row.get("url") or row.get("path")
        if key:
            self.rows[key] = row
            if row.get("path"):
                self._owners[row["path"]] = row.get("url", "")

    def record(self, url: str, status: str, **fields: object) -> dict[str, str]:
        """Add one row (fetched_at now) and flush it to disk."""
        row = {name: "" for name in COLUMNS}
        row.update({key: "" if value is None else str(value) for key, value in fields.items()})
        row.update(url=url, status=status, fetched_at=now_utc())
        self._remember(row)
        if self._writer is not None and self._handle is not None:
            self._writer.writerow(row)
            self._handle.flush()
        return row

    def compact(self) -> None:
        """Rewrite the file with one row per URL, atomically."""
        temporary = self.path.with_name(f".{self.path.name}.part")
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, self.fieldnames, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(self.rows.values())
        os.replace(temporary, self.path)

    def last_request_times(self) -> dict[str, float]:
        """Host -> the latest fetched_at (seconds since the epoch) recorded for it."""
        latest: dict[str, float] = {}
        for row in self.rows.values():
            when = parse_time(row.get("fetched_at", ""))
            host = host_of(row.get("url", ""))
            if when is not None and host:
                latest[host] = max(when, latest.get(host, when))
        return latest

    def resolve(self, url: str) -> dict[str, str] | None:
        """The row of url, or of the URL its recorded redirects lead to."""
        row, seen = self.rows.get(url), {url}
        while row is not None and row.get("redirect_to") and not row.get("path"):
            target = row["redirect_to"]
            if target in seen:
                break
            seen.add(target)
            row = self.rows.get(target)
        return row

    def held_path(self, url: str) -> str | None:
        """The saved file of url (after its redirects), when it is still there."""
        row = self.resolve(url)
        path = row.get("path") if row else None
        return path if path and (self.root / path).is_file() else None

    def is_held(self, url: str) -> bool:
        return self.held_path(url) is not None

    def known_failure(self, url: str) -> str | None:
        """The recorded status of url when it failed in a way not worth asking again."""
        row = self.resolve(url)
        status = row.get("status", "") if row else ""
        return status if row and not row.get("path") and is_final_failure(status) else None

    def free_path(self, rel: str, url: str) -> str:
        """rel, or rel with a hash of url added when another URL already saved there."""
        owner = self._owners.get(rel)
        if owner is None or owner == url:
            return rel
        stem, dot, suffix = rel.rpartition(".")
        tag = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
        return f"{stem}_{tag}.{suffix}" if dot and "/" not in suffix else f"{rel}_{tag}"

    def save(self, rel: str, body: bytes) -> None:
        """Write body to DIR/rel through a temporary file, so no half file is ever left."""
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.part")
        temporary.write_bytes(body)
        os.replace(temporary, target)
