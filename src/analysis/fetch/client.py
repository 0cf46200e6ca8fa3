"""A GET that follows redirects itself: each hop is checked against robots.txt and the
site, and waits its turn at the HostGate like any other request."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from analysis.fetch.robots import Robots
from analysis.fetch.transport import Response, Transport
from analysis.fetch.urls import normalize_url, same_site

MAX_REDIRECTS = 5
HELD = "held"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Hop:
    """One redirect: `url` answered `status` and sent us to `target`."""

    url: str
    status: int
    target: str


@dataclass
class Reply:
    """The outcome of asking for a URL: the final URL, the status to record, the response."""

    url: str
    final_url: str
    status: str
    response: Response | None = None
    hops: list[Hop] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.response is not None and 200 <= (self.response.status or 0) < 300


class Client:
    """Robots-checked, same-site, redirect-limited GETs."""

    def __init__(self, transport: Transport, robots: Robots,
                 max_redirects: int = MAX_REDIRECTS) -> None:
        self.transport, self.robots, self.max_redirects = transport, robots, max_redirects

    def get(self, url: str, referer: str | None = None,
            is_held: Callable[[str], bool] = lambda url: False) -> Reply:
        """Ask for url. A redirect target that is off the site, forbidden, or already held
        (is_held) is not asked for; the reply says why."""
        current, hops, seen = url, [], {url}
        for _ in range(self.max_redirects + 1):
            if hops and not same_site(current, url):
                return Reply(url, current, "offsite-redirect", hops=hops)
            if hops and is_held(current):
                return Reply(url, current, HELD, hops=hops)
            refusal = self.robots.verdict(current)
            if refusal:
                return Reply(url, current, refusal, hops=hops)
            response = self.transport.get(current, referer)
            target = redirect_target(response)
            if target is None:
                return Reply(url, current, response.reason, response, hops)
            hops.append(Hop(current, response.status or 0, target))
            if target in seen:
                return Reply(url, target, "redirect-loop", hops=hops)
            seen.add(target)
            current = target
        return Reply(url, current, "too-many-redirects", hops=hops)

    def close(self) -> None:
        self.transport.close()


def redirect_target(response: Response) -> str | None:
    """The canonical URL a redirect response points to, or None when it is no redirect."""
    location = response.headers.get("Location")
    if response.status not in _REDIRECTS or not location:
        return None
    return normalize_url(urljoin(response.url, location.strip()))
