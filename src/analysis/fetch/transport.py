"""One polite GET: a per-host delay, retries with backoff, time-outs and a size cap.

requests (over urllib3) does the HTTP; its own retries and redirects are off, so
that every attempt, retry or redirect hop passes through the HostGate: at least
`delay` seconds from the end of one request to the start of the next to one host.
A retry waits the longer of the delay, its backoff and the server's Retry-After.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import requests
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

from analysis.fetch.urls import host_of
from analysis.readers.dispatch import MAX_BYTES

USER_AGENT = "Mozilla/5.0 (compatible; analysis-fetch/0.1; +notice collection for research)"
ROBOTS_AGENT = "analysis-fetch"
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8",
    "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
}
_RETRY_STATUSES = frozenset({408, 429})
_RETRY_ERRORS = frozenset({"timeout", "connection-error"})
_MAX_RETRY_AFTER = 60.0
_SLACK = 0.02
_CHUNK = 65_536


@dataclass(frozen=True)
class Response:
    """What one GET gave: a status and the body, or an error reason."""

    url: str
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=CaseInsensitiveDict)
    body: bytes = b""
    error: str | None = None   # timeout, connection-error, too-large, error:<name>

    @property
    def reason(self) -> str:
        """The status column: the HTTP code, or the reason nothing came."""
        return self.error or str(self.status)


class HostGate:
    """Keeps at least `delay` seconds between the end of one request and the start of the
    next to the same host (longer for a host whose robots.txt asks for a Crawl-delay,
    or after a failure that asks for a longer pause)."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, slack: float = _SLACK) -> None:
        """slack: added to every wait, so that the server, whose clock stops a little after
        ours, never sees a gap shorter than the delay either."""
        self.delay, self.slack = max(0.0, delay), slack
        self._clock, self._sleep = clock, sleep
        self._delays: dict[str, float] = {}
        self._ended: dict[str, float] = {}
        self._pauses: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        """A longer delay for one host (its Crawl-delay); it counts from the last request."""
        self._delays[host] = max(self.delay, delay)

    def wait(self, host: str) -> None:
        """Sleep until a request to host may start."""
        if host not in self._ended:
            return
        gap = max(self._delays.get(host, self.delay), self._pauses.get(host, 0.0))
        wait = self._ended[host] + gap + (self.slack if gap else 0.0) - self._clock()
        if wait > 0:
            self._sleep(wait)

    def done(self, host: str, pause: float = 0.0) -> None:
        """A request to host has just ended; the next waits the delay, or `pause` if longer."""
        self._ended[host] = self._clock()
        self._pauses[host] = pause

    def ended_at(self, host: str, wall_time: float) -> None:
        """A request to host ended at this wall-clock time (in an earlier run; it is recorded
        to the millisecond, so the slack is added once more)."""
        ended = self._clock() - max(0.0, time.time() - wall_time - self.slack)
        self._ended[host] = max(self._ended.get(host, ended), ended)
        self._pauses.setdefault(host, 0.0)


class _TooLarge(Exception):
    pass


class _TooSlow(Exception):
    pass


class Transport:
    """GET with retries through a HostGate; never follows redirects itself."""

    def __init__(self, gate: HostGate, *, timeout: float = 30.0, max_bytes: int = MAX_BYTES,
                 retries: int = 3, backoff: float = 1.0) -> None:
        self.gate, self.timeout, self.max_bytes = gate, timeout, max_bytes
        self.retries, self.backoff = max(0, retries), backoff
        self.session = requests.Session()
        self.session.headers.update(_HEADERS)
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, HTTPAdapter(max_retries=0))

    def close(self) -> None:
        self.session.close()

    def get(self, url: str, referer: str | None = None) -> Response:
        """The response of the last attempt (a 5xx, 429 or time-out is tried again)."""
        host = host_of(url)
        attempt = 0
        while True:
            self.gate.wait(host)
            response = self._once(url, referer)
            pause = self._retry_pause(response, attempt)
            last = pause is None or attempt >= self.retries
            self.gate.done(host, 0.0 if last else pause)
            if last:
                return response
            attempt += 1

    def _retry_pause(self, response: Response, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None when there is no point."""
        status = response.status or 0
        if response.error not in _RETRY_ERRORS and status < 500 and status not in _RETRY_STATUSES:
            return None
        return max(self.backoff * 2 ** attempt, retry_after(response.headers.get("Retry-After")))

    def _once(self, url: str, referer: str | None) -> Response:
        headers = {"Referer": referer} if referer else {}
        try:
            with self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                  timeout=(min(self.timeout, 10.0), self.timeout)) as reply:
                body = self._read(reply)
                return Response(url, reply.status_code, CaseInsensitiveDict(reply.headers), body)
        except _TooLarge:
            return Response(url, error="too-large")
        except (requests.Timeout, _TooSlow):
            return Response(url, error="timeout")
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
            return Response(url, error="connection-error")
        except requests.RequestException as exc:
            return Response(url, error=f"error:{type(exc).__name__}")

    def _read(self, reply: requests.Response) -> bytes:
        declared = reply.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _TooLarge
        deadline = time.monotonic() + 10 * self.timeout
        chunks, size = [], 0
        for chunk in reply.iter_content(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            if time.monotonic() > deadline:
                raise _TooSlow
            chunks.append(chunk)
        return b"".join(chunks)


def retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (at most 60; 0 when absent or unreadable).

    >>> retry_after("5"), retry_after(None), retry_after("3600"), retry_after("soon")
    (5.0, 0.0, 60.0, 0.0)
    """
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return min(float(value), _MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return min(max(0.0, when.timestamp() - time.time()), _MAX_RETRY_AFTER)
