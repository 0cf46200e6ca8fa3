"""The parts of `fetch` one at a time: cues, pagination, decoding, the delay gate, sources.csv."""
from __future__ import annotations

import doctest
import importlib

import pytest

from analysis.fetch.cues import is_notice_title
from analysis.fetch.pages import Link, read_page
from analysis.fetch.pagination import page_links
from analysis.fetch.store import MANIFEST_NAME, Manifest
from analysis.fetch.transport import HostGate
from analysis.fetch.urls import local_path, normalize_url
from analysis.readers import find_input_files, read_manifest
from analysis.readers.walk import MANIFEST_NAME as BUILD_MANIFEST_NAME

MODULES = ["urls", "content", "cues", "pages", "pagination", "transport", "robots", "client",
           "store", "summary", "crawl"]


@pytest.mark.parametrize("name", MODULES + [""])
def test_doctests(name):
    module = importlib.import_module("analysis.fetch" + (f".{name}" if name else ""))
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("title", [
    "中共某某县财政局党组关于县委第三巡察组巡察反馈意见整改情况的通报",
    "中共某某市委教育工委关于十二届市委第五轮巡视整改进展情况的通报",
    "某某大学党委关于巡视整改落实情况的报告",
    "关于县委第二巡察组反馈意见集中整改情况的公告 2023-06-01",
    "某某街道党工委巡察整改情况",
])
def test_notice_titles_are_followed(title):
    assert is_notice_title(title)


@pytest.mark.parametrize("title", [
    "全县财政系统业务培训班顺利开班",
    "县委第三巡察组巡察县教育局党组工作动员会召开",
    "县委第一巡察组向县卫健局党组反馈巡察情况",
    "我局召开巡察整改专题民主生活会",
    "巡察整改工作推进会议举行",
    "政务公开",
    "",
])
def test_news_items_are_not_followed(title):
    assert not is_notice_title(title)


def links(*pairs: tuple[str, str]) -> list[Link]:
    return [Link(normalize_url(url), text) for url, text in pairs]


def test_pagination_by_text_number_and_url_shape():
    here = "http://x.cn/col/list.jsp?cid=4"
    found = page_links(here, links(
        ("http://x.cn/", "首页"),                                   # the site's home
        ("http://x.cn/col/t20230506_1.html", "关于巡察整改情况的通报"),
        ("http://x.cn/col/list.jsp?cid=4&pageNo=2", "2"),
        ("http://x.cn/col/list.jsp?cid=4&pageNo=3", "第3页"),
        ("http://x.cn/col/more.jsp?cid=4&start=40", "下一页"),
        ("http://other.cn/col/list.jsp?cid=4&pageNo=2", "下一页"),   # another site
        ("http://x.cn/col/list.jsp?cid=4", "1"),                   # this page
    ), "")
    assert found == ["http://x.cn/col/list.jsp?cid=4&pageNo=2",
                     "http://x.cn/col/list.jsp?cid=4&pageNo=3",
                     "http://x.cn/col/more.jsp?cid=4&start=40"]


def test_pagination_drawn_by_a_script():
    html = '<div id="page"></div><script>var countPage = 3//共多少页\n' \
           'createPageHTML(countPage, 0, "index", "shtml");</script>'
    assert page_links("http://x.cn/col/index.shtml", [], html) == [
        "http://x.cn/col/index_1.shtml", "http://x.cn/col/index_2.shtml"]


@pytest.mark.parametrize("content_type,meta", [
    ("text/html; charset=GBK", ""),                                  # in the header
    ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ("", ""),                                                        # nowhere: detected
])
def test_gbk_listing_links_are_read(content_type, meta):
    html = (f"<html><head>{meta}</head><body><a href='/a/巡察.html' title='关于巡察整改情况的通报'>"
            "关于巡察整改情况的...</a></body></html>")
    page = read_page(html.encode("gbk"), content_type, "http://x.cn/col/")
    assert page.links == (Link("http://x.cn/a/巡察.html", "关于巡察整改情况的...",
                               "关于巡察整改情况的通报"),)


def test_host_gate_counts_from_the_end_of_the_last_request():
    now, slept = [100.0], []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        now[0] += seconds

    gate = HostGate(1.0, clock=lambda: now[0], sleep=sleep, slack=0.0)
    gate.wait("a.cn")                      # first request: no wait
    now[0] += 5.0                          # a slow answer
    gate.done("a.cn")
    gate.wait("b.cn")                      # another host: no wait
    now[0] += 0.25
    gate.wait("a.cn")                      # 0.75 s left of the delay
    gate.done("a.cn", pause=3.0)           # a 503 asking for a 3 s backoff
    gate.wait("a.cn")
    gate.set_delay("a.cn", 10.0)           # robots.txt Crawl-delay
    gate.done("a.cn")
    gate.wait("a.cn")
    assert slept == [0.75, 3.0, 10.0]


def test_sources_csv_survives_a_cut_line_and_build_reads_it(tmp_path):
    saved = tmp_path / "x.cn" / "a.html"
    saved.parent.mkdir()
    saved.write_text("<p>通报</p>", encoding="utf-8")
    (tmp_path / MANIFEST_NAME).write_text(
        "path,url,status,fetched_at,note\n"
        "x.cn/a.html,http://x.cn/a.html,200,2024-05-01T12:00:00Z,kept\n"
        "x.cn/b.html,http://x.cn/b.ht", encoding="utf-8")          # killed mid-write
    manifest = Manifest(tmp_path).open()
    manifest.record("http://x.cn/gone.html", "404", kind="notice")
    manifest.close()
    text = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8")
    assert text.splitlines()[0] == ("path,url,status,fetched_at,kind,referer,redirect_to,"
                                    "content_type,bytes,sha256,note")
    assert "b.ht" not in text and ",kept" in text
    assert read_manifest(tmp_path) == {"x.cn/a.html": "http://x.cn/a.html"}
    assert find_input_files(tmp_path) == [saved]
    assert MANIFEST_NAME == BUILD_MANIFEST_NAME


def test_two_urls_never_share_a_file(tmp_path):
    manifest = Manifest(tmp_path).open()
    rel = local_path("http://x.cn/a.htm", ".html")
    manifest.record("http://x.cn/a.htm", "200", path=rel)
    other = manifest.free_path(local_path("http://x.cn/a.html", ".html"), "http://x.cn/a.html")
    manifest.close()
    assert rel == "x.cn/a.html" and other.startswith("x.cn/a_") and other.endswith(".html")
    assert manifest.free_path(rel, "http://x.cn/a.htm") == rel


def test_pagination_in_sub_folders_and_without_underscore():
    here = "http://x.cn/xcgz/"
    found = page_links(here, links(
        ("http://x.cn/xcgz/page/2/", "2"),
        ("http://x.cn/xcgz/page3.html", "3"),
        ("http://x.cn/other/page/2/", "2"),                         # another column
        ("http://x.cn/xcgz/202305/t1.html", "关于巡察整改情况的通报"),
    ), "")
    assert found == ["http://x.cn/xcgz/page/2/", "http://x.cn/xcgz/page3.html"]
