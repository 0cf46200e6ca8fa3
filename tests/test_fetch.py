"""`python -m analysis fetch` against a county website served on 127.0.0.1 (tests/fetch_site.py).

The first test is the acceptance check: the site fetched twice through the CLI,
then built. The others each look at one behaviour, in-process and fast.
"""
from __future__ import annotations

import csv
import io
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from fetch_site import (
    DEAD,
    DOCX,
    FORBIDDEN,
    LISTING,
    NEWS,
    NOTICES,
    OLD_C,
    Answer,
    Site,
    county_site,
    notice,
)

from analysis.fetch import FetchOptions, fetch_urls

PY = sys.executable
SRC = Path(__file__).resolve().parents[1] / "src"
FAST = FetchOptions(delay=0.05, backoff=0.05, timeout=5)
FOLLOW = FetchOptions(follow=True, delay=0.05, backoff=0.05, timeout=5)
LISTINGS = {"/robots.txt", LISTING, "/xxgk/xcgz/index_1.html", "/xxgk/xcgz/index_2.html"}


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "analysis", *args], capture_output=True, text=True,
                          env=cli_env(), timeout=300, check=False)


def manifest(out: Path) -> dict[str, dict[str, str]]:
    """sources.csv by url (tolerates a line being written right now)."""
    path = out / "sources.csv"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    text = text[: text.rfind("\n") + 1]
    return {row["url"]: row for row in csv.DictReader(io.StringIO(text)) if row.get("url")}


def since(site: Site, mark: float) -> list[str]:
    """The paths asked for after time.monotonic() was `mark`."""
    return [hit.path for hit in sorted(site.hits, key=lambda hit: hit.start) if hit.start > mark]


def gaps(hits) -> list[float]:
    """Seconds from the end of each request to the start of the next (server-side)."""
    hits = sorted(hits, key=lambda hit: hit.start)
    return [b.start - a.end for a, b in itertools.pairwise(hits)]


def test_fetch_twice_then_build(tmp_path):
    """The acceptance check: fetch --follow --delay 0.5 twice, then build."""
    out, built = tmp_path / "raw", tmp_path / "built"
    with Site() as other, Site() as site:
        site.routes = routes = county_site(other.base)
        served_docx = routes[DOCX].body
        args = ("fetch", site.url(LISTING), "--follow", "--delay", "0.5", "--out", str(out))
        first = run_cli(*args)
        assert first.returncode == 0, first.stderr
        mark = time.monotonic()
        second = run_cli(*args)
        assert second.returncode == 0, second.stderr
        hits, off_site_hits = list(site.hits), list(other.hits)
        second_run = since(site, mark)
    rows = manifest(out)
    for path, _, _ in NOTICES.values():                      # every notice arrives
        row = rows[site.base + path]
        assert row["status"] == "200" and (out / row["path"]).is_file(), row
    paths = [hit.path for hit in hits]
    assert FORBIDDEN not in paths and rows[site.base + FORBIDDEN]["status"] == "robots"
    assert off_site_hits == []                                # off-site link not followed
    assert not set(NEWS) & set(paths)                         # news items not followed
    assert min(gaps(hits)) >= 0.5                             # the delay, server-side
    assert rows[site.base + DEAD]["status"] == "404"
    assert rows[site.base + OLD_C]["redirect_to"] == site.base + NOTICES["C"][0]
    assert paths.count(NOTICES["B"][0]) == 2                  # 503, then 200
    assert set(second_run) <= LISTINGS                   # the second run: no notice again
    docx_row = rows[site.base + DOCX]
    assert (out / docx_row["path"]).read_bytes() == served_docx
    assert docx_row["referer"] == site.base + NOTICES["D"][0]
    assert next(h for h in hits if h.path == DOCX).headers["Referer"] == docx_row["referer"]
    assert all("analysis-fetch" in hit.headers["User-Agent"] for hit in hits)
    assert "fetched 7 (6 notices, 1 attachment)" in first.stdout
    assert "already held: 7" in second.stdout

    assert_builds_with_urls(out, built, site.base, rows)


def assert_builds_with_urls(out: Path, built: Path, base: str, rows: dict) -> None:
    """`build DIR` reads every saved notice, each with its URL, and not sources.csv."""
    build = run_cli("build", str(out), "--out", str(built), "--quiet")
    assert build.returncode == 0, build.stderr
    notices = pd.read_csv(built / "notices.csv", encoding="utf-8-sig")
    urls = dict(zip(notices["source_path"], notices["url"]))
    assert len(notices) == 7                                  # 6 notices and the .docx
    for path, title, _ in NOTICES.values():
        assert urls[rows[base + path]["path"]] == base + path
        assert notices.loc[notices["url"] == base + path, "title"].item() == title

def test_an_interrupted_run_is_resumed_without_asking_again(tmp_path):
    out = tmp_path / "raw"
    with Site() as other, Site() as site:
        site.routes = county_site(other.base)
        cmd = [PY, "-m", "analysis", "fetch", site.url(LISTING), "--follow", "--delay", "0.3",
               "--out", str(out), "--quiet"]
        proc = subprocess.Popen(cmd, env=cli_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if sum(1 for row in manifest(out).values() if row["path"]) >= 2:
                break
            time.sleep(0.02)
        proc.kill()
        proc.wait()
        saved = {url for url, row in manifest(out).items() if row["path"]}
        assert 2 <= len(saved) < 7
        mark = time.monotonic()
        rerun = run_cli("fetch", site.url(LISTING), "--follow", "--delay", "0.05",
                        "--out", str(out), "--quiet")
        assert rerun.returncode == 0, rerun.stderr
        again = [site.base + path for path in since(site, mark)]
    assert not saved & set(again)
    rows = manifest(out)
    assert all(rows[site.base + path]["path"] for path, _, _ in NOTICES.values())


def test_ctrl_c_stops_with_a_summary_and_a_tidy_sources_csv(tmp_path):
    out = tmp_path / "raw"
    with Site() as other, Site() as site:
        site.routes = county_site(other.base)
        cmd = [PY, "-m", "analysis", "fetch", site.url(LISTING), "--follow", "--delay", "0.3",
               "--out", str(out), "--quiet"]
        proc = subprocess.Popen(cmd, env=cli_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(
                row["path"] for row in manifest(out).values()):
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        stdout, _ = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in stdout
    text = (out / "sources.csv").read_text(encoding="utf-8")
    assert text.endswith("\n") and len(manifest(out)) == len(text.splitlines()) - 1


def test_a_503_is_asked_again_after_the_delay(tmp_path):
    with Site({"/n.html": [Answer(503), Answer(body=notice("关于巡察整改情况的通报", "财政局",
                                                          "2023年5月6日", []))]}) as site:
        fetch_urls([site.url("/n.html")], tmp_path,
                   FetchOptions(delay=0.2, backoff=0.01, timeout=5))
        hits = [hit for hit in site.hits if hit.path == "/n.html"]
    assert len(hits) == 2 and min(gaps(hits)) >= 0.2
    assert manifest(tmp_path)[site.url("/n.html")]["status"] == "200"


def test_a_time_out_is_asked_again(tmp_path):
    body = notice("关于巡察整改情况的通报", "财政局", "2023年5月6日", [])
    with Site({"/slow.html": [Answer(body=body, pause=1.0), Answer(body=body)]}) as site:
        fetch_urls([site.url("/slow.html")], tmp_path, FetchOptions(delay=0.05, timeout=0.3,
                                                                    backoff=0.05))
    row = manifest(tmp_path)[site.url("/slow.html")]
    assert row["status"] == "200" and (tmp_path / row["path"]).read_bytes() == body


def test_server_errors_give_up_and_are_asked_again_on_a_rerun(tmp_path):
    with Site({"/n.html": Answer(500, b"oops")}) as site:
        options = FetchOptions(delay=0.01, backoff=0.01, retries=2)
        summary = fetch_urls([site.url("/n.html")], tmp_path, options)
        assert site.paths().count("/n.html") == 3 and summary.failed == {"500": 1}
        assert not summary.anything
        fetch_urls([site.url("/n.html")], tmp_path, options)
        assert site.paths().count("/n.html") == 6
    assert manifest(tmp_path)[site.url("/n.html")]["path"] == ""


def test_a_dead_link_is_recorded_once_and_not_asked_again(tmp_path):
    with Site() as site:
        url = site.url("/gone.html")
        assert fetch_urls([url], tmp_path, FAST).failed == {"404": 1}
        assert fetch_urls([url], tmp_path, FAST).not_asked == 1
        assert site.paths().count("/gone.html") == 1
        fetch_urls([url], tmp_path, FetchOptions(delay=0.05, retry_failed=True))
        assert site.paths().count("/gone.html") == 2
    assert manifest(tmp_path)[url]["status"] == "404"


def test_redirects_stay_on_the_site(tmp_path):
    body = notice("关于巡察整改情况的通报", "财政局", "2023年5月6日", [])
    with Site({"/x.html": Answer(body=body)}) as other, Site() as site:
        site.routes = {"/a.html": Answer(301, headers={"Location": "/b.html"}),
                       "/b.html": Answer(body=body),
                       "/away.html": Answer(302, headers={"Location": other.url("/x.html")})}
        fetch_urls([site.url("/a.html"), site.url("/away.html")], tmp_path, FAST)
        mark = time.monotonic()
        summary = fetch_urls([site.url("/a.html")], tmp_path, FAST)
        assert since(site, mark) == [] and summary.held == 1
        assert other.hits == []
    rows = manifest(tmp_path)
    assert rows[site.url("/a.html")]["redirect_to"] == site.url("/b.html")
    assert rows[site.url("/b.html")]["path"].endswith("/b.html")
    assert rows[site.url("/away.html")]["status"] == "302"
    assert rows[other.url("/x.html")]["status"] == "offsite-redirect"


def test_pages_that_need_a_browser_are_recorded_not_saved(tmp_path):
    shell = b'<html><head><script src="/app.js"></script></head><body><div id="app"></div></body></html>'
    challenge = b"<html><body><script>var $_ts=window['$_ts'];</script></body></html>"
    with Site({"/shell.html": Answer(body=shell), "/check.html": Answer(412, challenge),
               "/js.html": Answer(body=challenge)}) as site:
        urls = [site.url(p) for p in ("/shell.html", "/js.html", "/check.html")]
        summary = fetch_urls(urls, tmp_path, FAST)
        listing = fetch_urls([site.url("/shell.html")], tmp_path / "l", FOLLOW)
    rows = manifest(tmp_path)
    assert [rows[u]["status"] for u in urls] == ["needs-browser", "needs-browser", "412"]
    assert summary.failed["needs-browser"] == 2 and not any(rows[u]["path"] for u in urls)
    assert listing.failed == {"needs-browser": 1} and listing.listings == 0


def test_a_download_over_the_size_cap_is_abandoned(tmp_path):
    with Site({"/big.pdf": Answer(body=b"%PDF-1.4 " + b"x" * 5000,
                                  headers={"Content-Type": "application/pdf"})}) as site:
        fetch_urls([site.url("/big.pdf")], tmp_path,
                   FetchOptions(delay=0.01, max_bytes=1000))
    assert manifest(tmp_path)[site.url("/big.pdf")]["status"] == "too-large"
    assert not list(tmp_path.rglob("*.pdf"))


def test_robots_forbidden_and_crawl_delay(tmp_path):
    robots = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n"
    body = notice("关于巡察整改情况的通报", "财政局", "2023年5月6日", [])
    with Site({"/robots.txt": Answer(body=robots, headers={"Content-Type": "text/plain"}),
               "/a.html": Answer(body=body), "/b.html": Answer(body=body),
               "/private/c.html": Answer(body=body)}) as site:
        urls = [site.url(p) for p in ("/a.html", "/private/c.html", "/b.html")]
        summary = fetch_urls(urls, tmp_path, FetchOptions(delay=0.01))
        hits = list(site.hits)
    assert "/private/c.html" not in [hit.path for hit in hits] and summary.robots == 1
    assert min(gaps(hits)) >= 0.3


def test_an_unreadable_robots_txt_forbids_everything(tmp_path):
    with Site({"/robots.txt": Answer(503)}) as site:
        fetch_urls([site.url("/a.html")], tmp_path, FetchOptions(delay=0.01, retries=1,
                                                                 backoff=0.01))
        assert set(site.paths()) == {"/robots.txt"}
    assert manifest(tmp_path)[site.url("/a.html")]["status"] == "robots-unavailable"


def test_a_notice_url_without_follow_brings_its_attachments(tmp_path):
    pdf = b"%PDF-1.4\n% invented\n"
    extra = ('<a href="/files/down.jsp?id=9">附件：整改清单.pdf</a>'
             '<a href="/files/x.docx" title="其他附件">x</a>')
    with Site({"/n.html": Answer(body=notice("关于巡察整改情况的通报", "财政局", "2023年5月6日",
                                             [], extra)),
               "/files/down.jsp?id=9": Answer(body=pdf, headers={
                   "Content-Type": "application/octet-stream"})}) as site:
        summary = fetch_urls([site.url("/n.html")], tmp_path, FetchOptions(delay=0.01))
    rows = manifest(tmp_path)
    row = rows[site.url("/files/down.jsp?id=9")]
    assert row["path"].endswith(".pdf") and (tmp_path / row["path"]).read_bytes() == pdf
    assert rows[site.url("/files/x.docx")]["status"] == "404"
    assert summary.fetched == {"notice": 1, "attachment": 1}


def test_a_lost_attachment_is_fetched_again_without_its_notice(tmp_path):
    with Site() as other, Site() as site:
        site.routes = county_site(other.base)
        fetch_urls([site.url(LISTING)], tmp_path, FOLLOW)
        (tmp_path / manifest(tmp_path)[site.base + DOCX]["path"]).unlink()
        mark = time.monotonic()
        fetch_urls([site.url(LISTING)], tmp_path, FOLLOW)
        assert set(since(site, mark)) == LISTINGS | {DOCX}


def test_listing_page_limit(tmp_path):
    with Site() as other, Site() as site:
        site.routes = county_site(other.base)
        summary = fetch_urls([site.url(LISTING)], tmp_path,
                             FetchOptions(follow=True, delay=0.01, backoff=0.01, max_pages=1))
        assert "/xxgk/xcgz/index_1.html" not in site.paths()
    assert summary.listings == 1 and summary.beyond_page_limit == 2


def test_cli_reads_a_url_file_and_exits_1_when_nothing_came(tmp_path, capsys):
    from analysis.cli import main

    with Site() as site:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# dead\n{site.url('/gone.html')}\n", encoding="utf-8")
        code = main(["fetch", "--urls", str(urls), "--delay", "0", "--out", str(tmp_path / "o"),
                     "--quiet"])
    assert code == 1 and "404 x1" in capsys.readouterr().out
    assert main(["fetch", "--out", str(tmp_path / "o")]) == 2



def test_the_delay_holds_across_runs(tmp_path):
    body = notice("关于巡察整改情况的通报", "财政局", "2023年5月6日", [])
    with Site({"/a.html": Answer(body=body), "/b.html": Answer(body=body)}) as site:
        options = FetchOptions(delay=0.3)
        fetch_urls([site.url("/a.html")], tmp_path, options)
        fetch_urls([site.url("/b.html")], tmp_path, options)      # at once: it must wait
        hits = list(site.hits)
    assert [hit.path for hit in hits] == ["/robots.txt", "/a.html", "/robots.txt", "/b.html"]
    assert min(gaps(hits)) >= 0.3
    assert manifest(tmp_path)[site.url("/robots.txt")]["kind"] == "robots.txt"


def test_a_site_that_does_not_answer_is_recorded_as_such(tmp_path):
    with Site() as site:
        url = site.url("/a.html")
    summary = fetch_urls([url], tmp_path, FetchOptions(delay=0, retries=1, backoff=0.01))
    assert summary.failed == {"connection-error": 1} and not summary.anything
    assert manifest(tmp_path)[url]["status"] == "connection-error"
