"""URLs: one canonical form, what counts as the same site, and where a download is saved.

A URL is kept in one form everywhere (sources.csv, the seen set, robots checks):
lower-case scheme and host, no default port, no fragment, and Chinese (any
non-ASCII text) as itself, the way a browser's address bar shows it, whether the
link wrote it raw or percent-encoded as UTF-8; requests encodes it when asking.
Saved files go under ``<host>/<path>`` with the percent-encoding undone.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit, urlunsplit

from requests.utils import requote_uri

ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".wps")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "ftp:", "#")
# suffixes of pages that are saved as .html whatever the server script was
_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".jspx", ".asp", ".aspx",
                  ".php", ".do", ".action", ".cgi")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
_MAX_NAME_BYTES = 150
_ENCODED_RUN = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")


def normalize_url(url: str) -> str | None:
    """The canonical form of an http(s) URL, or None for anything else.

    >>> normalize_url(" HTTP://WWW.Example.gov.cn:80/巡察/%E9%80%9A%E6%8A%A5 1.html#top ")
    'http://www.example.gov.cn/巡察/通报%201.html'
    >>> normalize_url("https://x.cn:8443?page=2")
    'https://x.cn:8443/?page=2'
    >>> normalize_url("mailto:a@x.cn") is None
    True
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = _ascii_host(parts.hostname.lower())
    if host is None:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    uri = requote_uri(urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")))
    return _ENCODED_RUN.sub(_decoded_text, uri)


def _decoded_text(match: re.Match[str]) -> str:
    """A run of %XX escapes as its text when it is UTF-8 for printable non-ASCII characters."""
    try:
        text = unquote_to_bytes(match.group(0)).decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)
    printable = all(unicodedata.category(c)[0] not in "CZ" for c in text)
    return text if printable else match.group(0)


def _ascii_host(host: str) -> str | None:
    if ":" in host:  # IPv6 literal
        return f"[{host}]"
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def join_link(base: str, href: str | None) -> str | None:
    """The canonical absolute URL of a link on page `base`, or None when it is no page link.

    >>> join_link("http://x.cn/col/index.html", " ./202305/t1.html ")
    'http://x.cn/col/202305/t1.html'
    >>> join_link("http://x.cn/col/index.html", "..\\\\a.pdf")
    'http://x.cn/a.pdf'
    >>> join_link("http://x.cn/", "javascript:void(0)") is None
    True
    """
    if not href:
        return None
    href = href.strip().replace("\\", "/")
    if not href or href.lower().startswith(_SKIPPED_SCHEMES):
        return None
    try:
        return normalize_url(urljoin(base, href))
    except ValueError:
        return None


def site_of(url: str) -> tuple[str, int | None]:
    """What same-site means: the host without a leading www., and a non-default port.

    >>> site_of("https://www.x.gov.cn/a") == site_of("http://x.gov.cn/b")
    True
    >>> site_of("http://127.0.0.1:8001/") == site_of("http://127.0.0.1:8002/")
    False
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    return host, (None if port in (80, 443) else port)


def same_site(url: str, other: str) -> bool:
    return site_of(url) == site_of(other)


def host_of(url: str) -> str:
    """The host name that the per-host delay is kept for (ports share it)."""
    return (urlsplit(url).hostname or "").lower()


def url_suffix(url: str) -> str:
    """The lower-case suffix of the URL's last path segment ('' when none).

    >>> url_suffix("http://x.cn/files/%E6%B8%85%E5%8D%95.DOCX?v=1")
    '.docx'
    >>> url_suffix("http://x.cn/col/")
    ''
    """
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return ("." + name.rsplit(".", 1)[1].lower()) if "." in name.strip(".") else ""


def local_path(url: str, ext: str) -> str:
    """Where `url`, saved with extension `ext`, goes: a relative, '/'-separated path.

    Deterministic and filesystem-safe: the host (port after '_'), the URL's folders,
    and its file name with the page suffix replaced by `ext`; a query string adds a
    short hash of itself so that ``?id=1`` and ``?id=2`` differ.

    >>> local_path("http://www.x.gov.cn/zwgk/2023/t20230506_1.shtml", ".html")
    'www.x.gov.cn/zwgk/2023/t20230506_1.html'
    >>> local_path("http://127.0.0.1:8080/巡察/", ".html")
    '127.0.0.1_8080/巡察/index.html'
    >>> local_path("http://x.cn/down.jsp?id=7", ".pdf")
    'x.cn/down_c53d0f05.pdf'
    >>> local_path("http://x.cn/a/..%2F..%2Fetc/CON", ".html")
    'x.cn/a/_._.._etc/_CON.html'
    """
    parts = urlsplit(url)
    host = safe_name(parts.netloc.replace(":", "_"))
    segments = parts.path.split("/")
    folders = [safe_name(unquote(s)) for s in segments[1:-1] if unquote(s) not in ("", ".", "..")]
    name = unquote(segments[-1]) or "index"
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and ("." + suffix.lower() in _PAGE_SUFFIXES or "." + suffix.lower() == ext):
        name = stem
    if parts.query:
        name += "_" + hashlib.sha1(parts.query.encode("utf-8")).hexdigest()[:8]
    return "/".join([host, *folders, safe_name(name + ext)])


def safe_name(name: str) -> str:
    """One path segment that every filesystem takes: no separators, no leading dot,
    no reserved device name, at most 150 bytes (a hash keeps long names distinct).

    >>> safe_name('a:b?.html'), safe_name('.hidden'), safe_name('nul.txt')
    ('a_b_.html', '_hidden', '_nul.txt')
    """
    name = _UNSAFE.sub("_", name).rstrip(" .") or "_"
    if name.startswith("."):
        name = "_" + name[1:]
    if name.split(".", 1)[0].lower() in _RESERVED:
        name = "_" + name
    if len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        stem, dot, suffix = name.rpartition(".")
        if not dot or len(suffix) > 8:
            stem, suffix = name, ""
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        stem = stem.encode("utf-8")[: _MAX_NAME_BYTES - 20].decode("utf-8", "ignore")
        name = f"{stem}_{digest}" + (f".{suffix}" if suffix else "")
    return name
