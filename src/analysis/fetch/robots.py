"""robots.txt, read once per site and run, interpreted by Protego (RFC 9309).

As RFC 9309 says: a robots.txt that does not exist (any 4xx) allows everything;
one that cannot be read (5xx, time-out, no connection) forbids everything for
this run (recorded as robots-unavailable, or as the time-out or connection
error). A Crawl-delay for our agent (or *) lengthens the per-host delay, up to
60 seconds.
"""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from protego import Protego

from analysis.fetch.transport import ROBOTS_AGENT, Transport
from analysis.fetch.urls import host_of, normalize_url
from analysis.readers.encoding import decode_bytes
from analysis.readers.errors import ReadError

FORBIDDEN = "robots"
UNAVAILABLE = "robots-unavailable"
_MAX_CRAWL_DELAY = 60.0
_MAX_REDIRECTS = 5


class Robots:
    """Whether the rules of a URL's site let our agent fetch it."""

    def __init__(self, transport: Transport, agent: str = ROBOTS_AGENT,
                 on_read: Callable[[str, str], None] | None = None) -> None:
        """on_read(robots_url, status) is told of every robots.txt asked for."""
        self.transport, self.agent, self.on_read = transport, agent, on_read
        self._rules: dict[str, Protego | None | str] = {}

    def verdict(self, url: str) -> str | None:
        """None when the URL may be fetched, else the status to record (robots, robots-unavailable)."""
        rules = self._rules_for(url)
        if rules is None:
            return None
        if isinstance(rules, str):
            return rules
        return None if rules.can_fetch(url, self.agent) else FORBIDDEN

    def _rules_for(self, url: str) -> Protego | None | str:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._rules:
            rules = self._load(origin + "/robots.txt")
            if isinstance(rules, Protego):
                self._apply_crawl_delay(rules, url)
            self._rules[origin] = rules
        return self._rules[origin]

    def _load(self, robots_url: str) -> Protego | None | str:
        """Parsed rules; None when the site has none; else the status for every URL of the
        site: UNAVAILABLE (5xx) or the transport's reason (timeout, connection-error)."""
        url = robots_url
        for _ in range(_MAX_REDIRECTS + 1):
            response = self.transport.get(url)
            if self.on_read:
                self.on_read(url, response.reason)
            status = response.status or 0
            location = response.headers.get("Location")
            if 300 <= status < 400 and location:
                url = normalize_url(urljoin(url, location)) or ""
                if not url:
                    return None
                continue
            if response.error:
                return response.error       # the site does not answer: say how
            if status >= 500:
                return UNAVAILABLE
            if 200 <= status < 300:
                return parse_robots(response.body)
            return None
        return None

    def _apply_crawl_delay(self, rules: Protego, url: str) -> None:
        try:
            delay = rules.crawl_delay(self.agent)
        except (TypeError, ValueError):
            delay = None
        if delay:
            self.transport.gate.set_delay(host_of(url), min(float(delay), _MAX_CRAWL_DELAY))


def parse_robots(body: bytes) -> Protego | None:
    """Protego rules from robots.txt bytes in any encoding (None when it is not text).

    >>> rules = parse_robots(b"User-agent: *\\nDisallow: /private/\\nDisallow: /*.jsp$\\n")
    >>> [rules.can_fetch(u, "analysis-fetch") for u in
    ...  ("http://x.cn/private/a.html", "http://x.cn/list.jsp", "http://x.cn/list.jsp?p=2")]
    [False, False, True]
    """
    try:
        text = decode_bytes(body) if body.strip() else ""
    except ReadError:
        return None
    return Protego.parse(text)
