"""Fetch: collect notices from the web into a folder that `build` reads.

    summary = fetch_urls(["http://www.x.gov.cn/xcgz/index.html"], Path("raw"),
                         FetchOptions(follow=True, delay=1.0))

With follow, each URL is a listing (column) page: the links whose text names a
rectification notice are fetched, and the listing's other pages are read too, on
the same site only. Notice pages are saved with their attachments (.pdf .docx
.doc .wps) under DIR/<host>/<path>, and DIR/sources.csv records every URL tried
(path,url,status,fetched_at,...). robots.txt is obeyed, one host is asked at most
once per `delay` seconds, and a rerun asks only for what is not held yet.

Modules, in the order they build on one another: urls (canonical URLs, saved
paths), content (file type), cues (notice and next-page words), pages (decoding,
links, pages that need a browser), pagination, transport (delay, retries, size
cap), robots, client (redirects), store (sources.csv), summary, crawl.
"""
from __future__ import annotations

from pathlib import Path

from analysis.fetch.crawl import Crawler, FetchOptions, fetch_urls
from analysis.fetch.store import MANIFEST_NAME
from analysis.fetch.summary import FetchSummary
from analysis.fetch.transport import USER_AGENT
from analysis.fetch.urls import normalize_url
from analysis.readers.encoding import decode_bytes
from analysis.readers.errors import ReadError

__all__ = ["MANIFEST_NAME", "USER_AGENT", "Crawler", "FetchOptions", "FetchSummary",
           "fetch_urls", "normalize_url", "read_url_file", "read_url_list"]


def read_url_list(text: str) -> list[str]:
    """The URLs of a --urls file: one per line; blank lines and # comments skipped, and
    only the first field of a CSV or tab-separated line is taken.

    >>> read_url_list("# column pages\\nhttp://x.cn/a/\\n\\n http://x.cn/b/ ,巡察整改\\nurl\\n")
    ['http://x.cn/a/', 'http://x.cn/b/']
    """
    urls = []
    for line in text.splitlines():
        first = line.replace("\t", ",").split(",", 1)[0].strip()
        if first.lower().startswith(("http://", "https://")):
            urls.append(first)
    return urls


def read_url_file(path: Path) -> list[str]:
    """The URLs listed in a file (any encoding); OSError when it cannot be read."""
    try:
        return read_url_list(decode_bytes(Path(path).read_bytes()))
    except ReadError:
        return []
