"""The crawl: listing pages -> notice pages -> their attachments, saved under DIR.

Work is a queue of tasks (url, kind, referer, origin). A listing page is read for
notice links (by cue, on the origin's site) and for its other pages; it is never
saved. A notice page is saved and its attachments queued right after it. Before a
notice or attachment is asked for, sources.csv is consulted: a URL whose file is
held is not asked again (a held notice page is re-read from disk for attachments
that an interrupted run did not get), nor one that failed for good before.
"""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.fetch.client import HELD, Client, Reply
from analysis.fetch.content import choose_extension
from analysis.fetch.cues import is_notice_title
from analysis.fetch.pages import Page, is_attachment, needs_browser, read_page
from analysis.fetch.pagination import page_links
from analysis.fetch.robots import FORBIDDEN, Robots
from analysis.fetch.store import Manifest
from analysis.fetch.summary import FetchSummary
from analysis.fetch.transport import HostGate, Transport
from analysis.fetch.urls import local_path, normalize_url, same_site
from analysis.readers.dispatch import MAX_BYTES

LISTING, NOTICE, ATTACHMENT = "listing", "notice", "attachment"   # the kind column
NEEDS_BROWSER = "needs-browser"
Progress = Callable[[int, int, str], None]   # (done, known so far, current url)


@dataclass(frozen=True)
class FetchOptions:
    """The knobs of `python -m analysis fetch`."""

    follow: bool = False
    delay: float = 1.0
    max_pages: int = 50
    max_bytes: int = MAX_BYTES
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    retry_failed: bool = False


@dataclass(frozen=True)
class Task:
    url: str
    kind: str
    referer: str | None
    origin: str            # the start URL whose site bounds everything found from it


class Crawler:
    """One fetch run into `out_dir`; `summary` holds its counts, also after an interrupt."""

    def __init__(self, out_dir: Path, options: FetchOptions = FetchOptions(),
                 progress: Progress | None = None) -> None:
        self.options, self.progress = options, progress
        self.manifest = Manifest(Path(out_dir))
        transport = Transport(HostGate(options.delay), timeout=options.timeout,
                              max_bytes=options.max_bytes, retries=options.retries,
                              backoff=options.backoff)
        self.client = Client(transport, Robots(transport, on_read=self._robots_read))
        self.summary = FetchSummary()
        self._queue: deque[Task] = deque()
        self._seen: set[str] = set()
        self._done = 0

    def run(self, urls: Iterable[str]) -> FetchSummary:
        """Fetch everything reachable from urls; sources.csv is kept up to date throughout."""
        self.manifest.open()
        for host, ended in self.manifest.last_request_times().items():
            self.client.transport.gate.ended_at(host, ended)
        try:
            self._start(urls)
            while self._queue:
                task = self._queue.popleft()
                self._step(task)
                self._done += 1
                if self.progress:
                    self.progress(self._done, self._done + len(self._queue), task.url)
        except KeyboardInterrupt:
            self.summary.interrupted = True
            raise
        finally:
            self.manifest.close()
            self.client.close()
        return self.summary

    def _start(self, urls: Iterable[str]) -> None:
        kind = LISTING if self.options.follow else NOTICE
        for raw in urls:
            url = normalize_url(raw)
            if url is None:
                self.manifest.record(raw.strip(), "bad-url", kind=kind)
                self.summary.failed["bad-url"] += 1
            else:
                self._add(Task(url, kind, None, url))

    def _add(self, task: Task, first: bool = False) -> None:
        if task.url in self._seen:
            return
        self._seen.add(task.url)
        if first:
            self._queue.appendleft(task)
        else:
            self._queue.append(task)

    def _step(self, task: Task) -> None:
        if task.kind == LISTING:
            self._listing(task)
        else:
            self._document(task)

    def _listing(self, task: Task) -> None:
        if self.summary.listings >= self.options.max_pages:
            self.summary.beyond_page_limit += 1
            return
        reply = self._get(task)
        if reply is None:
            return
        response = reply.response
        content_type = response.headers.get("Content-Type", "")
        if choose_extension(reply.final_url, content_type, response.body) != ".html":
            self._keep(Task(task.url, NOTICE, task.referer, task.origin), reply)
            return
        page = read_page(response.body, content_type, reply.final_url)
        if needs_browser(page):
            self._failed(task, reply.final_url, NEEDS_BROWSER)
            return
        self.manifest.record(reply.final_url, reply.status, kind=LISTING, referer=task.referer,
                             content_type=content_type)
        self.summary.listings += 1
        self._follow(page, task)

    def _follow(self, page: Page, task: Task) -> None:
        """Queue the notice links and the other pages of a listing page."""
        for link in page.links:
            if not (is_notice_title(link.text) or is_notice_title(link.title)):
                continue
            if same_site(link.url, task.origin):
                self._add(Task(link.url, NOTICE, page.url, task.origin))
            elif link.url not in self._seen:
                self._seen.add(link.url)
                self.summary.offsite += 1
        for url in page_links(page.url, page.links, page.html):
            if same_site(url, task.origin):
                self._add(Task(url, LISTING, page.url, task.origin))

    def _document(self, task: Task) -> None:
        if self._held(task):
            return
        if not self.options.retry_failed and self.manifest.known_failure(task.url):
            self.summary.not_asked += 1
            return
        reply = self._get(task)
        if reply is not None:
            self._keep(task, reply)

    def _get(self, task: Task) -> Reply | None:
        """Ask for the task's URL; the reply when it gave a 2xx body, else None (recorded)."""
        reply = self.client.get(task.url, task.referer, is_held=self.manifest.is_held)
        for hop in reply.hops:
            self.manifest.record(hop.url, str(hop.status), kind=task.kind, referer=task.referer,
                                 redirect_to=hop.target)
            self._seen.update((hop.url, hop.target))
        if reply.status == HELD:
            self.summary.held += 1
        elif not reply.ok:
            self._failed(task, reply.final_url, reply.status)
        return reply if reply.ok else None

    def _held(self, task: Task) -> bool:
        """Whether the task's file is held; a held notice page's attachments are queued."""
        path = self.manifest.held_path(task.url)
        if path is None:
            return False
        self.summary.held += 1
        row = self.manifest.resolve(task.url) or {}
        if task.kind == NOTICE and path.endswith(".html"):
            try:
                body = (self.manifest.root / path).read_bytes()
            except OSError:
                return True
            url = row.get("url") or task.url
            self._attachments(read_page(body, row.get("content_type"), url), task)
        return True

    def _keep(self, task: Task, reply: Reply) -> None:
        """Save a fetched document (unless it is a page that needs a browser)."""
        response, url = reply.response, reply.final_url
        content_type = response.headers.get("Content-Type", "")
        ext = choose_extension(url, content_type, response.body,
                               response.headers.get("Content-Disposition"))
        page = read_page(response.body, content_type, url) if ext == ".html" else None
        if page is not None and needs_browser(page):
            self._failed(task, url, NEEDS_BROWSER)
            return
        rel = self.manifest.free_path(local_path(url, ext), url)
        try:
            self.manifest.save(rel, response.body)
        except OSError:
            self._failed(task, url, "cannot-save")
            return
        self.manifest.record(url, reply.status, path=rel, kind=task.kind, referer=task.referer,
                             content_type=content_type, bytes=len(response.body),
                             sha256=hashlib.sha256(response.body).hexdigest())
        self.summary.fetched[task.kind] += 1
        if page is not None and task.kind == NOTICE:
            self._attachments(page, task)

    def _attachments(self, page: Page, task: Task) -> None:
        """Queue a notice page's attachments on its site, to be fetched next."""
        found = [link.url for link in page.links
                 if is_attachment(link) and same_site(link.url, task.origin)]
        for url in reversed(found):
            self._add(Task(url, ATTACHMENT, page.url, task.origin), first=True)

    def _robots_read(self, url: str, status: str) -> None:
        """robots.txt gets a row too: its status, and the time the host was last asked."""
        self.manifest.record(url, status, kind="robots.txt")

    def _failed(self, task: Task, url: str, status: str) -> None:
        self.manifest.record(url, status, kind=task.kind, referer=task.referer)
        if status == FORBIDDEN:
            self.summary.robots += 1
        else:
            self.summary.failed[status] += 1


def fetch_urls(urls: Iterable[str], out_dir: Path, options: FetchOptions = FetchOptions(),
               progress: Progress | None = None) -> FetchSummary:
    """Fetch urls (notice pages, or listing pages with options.follow) into out_dir."""
    return Crawler(out_dir, options, progress).run(urls)
