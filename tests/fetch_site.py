"""A small county-government website on 127.0.0.1 for the fetch tests.

`Site` serves fixed answers from a thread and logs every request with server-side
times (start, end), so tests can assert what was asked, when, and with which
headers. `county_site` builds the pages: listing pages with pagination (UTF-8 with
the charset in the header, GBK with it only in a <meta> tag), notice pages with
site chrome, a .docx attachment, news items, a robots-forbidden notice, a notice
that answers 503 once, a 301, a dead link and an off-site link. All notices are
invented.
"""
from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote

import docx

LISTING = "/xxgk/xcgz/index.html"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    pause: float = 0.0          # seconds to wait before answering


@dataclass
class Hit:
    path: str                   # unquoted path and query
    start: float                # time.monotonic() when the request arrived
    end: float                  # ... when the answer was sent
    headers: dict[str, str]


class Site:
    """A threaded HTTP server on 127.0.0.1; routes map unquoted paths to answers
    (a list is answered in turn, its last answer repeated)."""

    def __init__(self, routes: dict[str, Answer | list[Answer]] | None = None) -> None:
        self.routes: dict[str, Answer | list[Answer]] = routes or {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + quote(path, safe="/?=&%")

    def __enter__(self) -> Site:  # noqa: PYI034 (Python 3.10 has no typing.Self)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def paths(self) -> list[str]:
        with self._lock:
            return [hit.path for hit in self.hits]

    def answer(self, path: str) -> Answer:
        with self._lock:
            route = self.routes.get(path)
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
        return route or Answer(404, page("页面不存在", "<p>您访问的页面不存在或已删除。</p>"))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                start = time.monotonic()
                path = unquote(self.path)
                answer = site.answer(path)
                time.sleep(answer.pause)
                try:
                    self.send_response(answer.status)
                    for name, value in {"Content-Type": "text/html; charset=utf-8",
                                        **answer.headers}.items():
                        if value:
                            self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                    self.wfile.flush()
                except OSError:
                    pass   # the client gave up (a time-out test)
                with site._lock:
                    site.hits.append(Hit(path, start, time.monotonic(), dict(self.headers)))

            def log_message(self, *args: object) -> None:
                pass

        return Handler


CHROME_TOP = """<div class="header"><a href="/">某某县人民政府</a> <a href="/en/">English</a></div>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">政务公开</a> <a href="/xxgk/xcgz/index.html">巡察工作</a>
<a href="/hdjl/">互动交流</a> <a href="/zwfw/">政务服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; 巡察工作</div>"""
CHROME_FOOT = """<div class="footer">主办：某某县人民政府办公室　承办：某某县大数据中心
<a href="http://beian.example.invalid/">某ICP备00000000号</a> 联系电话：0000-1234567</div>"""


def page(title: str, content: str, meta: str = "") -> bytes:
    """A page with the site's chrome around content (UTF-8 bytes; re-encode for GBK)."""
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}_某某县人民政府</title>"
            f"<script>var _hmt = _hmt || [];</script></head><body>{CHROME_TOP}"
            f'<div class="main">{content}</div>{CHROME_FOOT}</body></html>').encode()


def notice_text(org: str, group: str, when: str, problems: list[tuple[str, str]]) -> str:
    """The body of an invented rectification notice, with 一、二、 sections."""
    items = "".join(
        f"<p>（{'一二三四五'[i]}）关于“{issue}”问题的整改情况</p><p>{fix}</p>"
        for i, (issue, fix) in enumerate(problems))
    return (f"<p>根据县委统一部署，{group}于2022年9月至11月对{org}党组开展了常规巡察，"
            f"并于2023年1月反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改情况予以公布。</p>"
            f"<p>一、党组履行整改主体责任情况</p><p>党组召开专题会议研究部署，成立整改工作领导小组，"
            f"制定整改方案，逐项明确责任领导、责任部门和完成时限。</p>"
            f"<p>二、巡察反馈问题整改落实情况</p>{items}"
            f"<p>三、下一步工作打算</p><p>持续巩固整改成果，建立健全长效机制，防止问题反弹回潮。</p>"
            f"<p>欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-7654321。</p>"
            f"<p>中共某某县{org}党组</p><p>{when}</p>")


def notice(title: str, org: str, when: str, problems: list[tuple[str, str]],
           extra: str = "", meta: str = "") -> bytes:
    content = f'<h1 class="title">{title}</h1><div class="info">发布时间：{when}　来源：{org}</div>' \
              f'<div class="article">{notice_text(org, "县委第三巡察组", when, problems)}{extra}</div>' \
              '<div class="related">相关新闻：<a href="../202305/t20230501_0990.html">全县财政系统业务培训班顺利开班</a></div>'
    return page(title, content, meta)


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("附件：县农业农村局巡察反馈问题整改任务清单")
    document.add_paragraph("一、高标准农田建设项目监管不到位。已完成整改，追回资金12.5万元。")
    document.add_paragraph("二、惠农补贴发放审核不严。已完成整改，建立三级审核制度。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def listing(items: list[tuple[str, str]], pager: str, meta: str = "") -> bytes:
    lis = "".join(f'<li><a href="{href}" title="{text}">{text}</a><span>2023-05-06</span></li>'
                  for href, text in items)
    return page("巡察工作", f'<ul class="list">{lis}</ul><div class="page">{pager}</div>', meta)


# (path, title, org) of the notices that must arrive
NOTICES = {
    "A": ("/xxgk/xcgz/202305/t20230506_1001.html",
          "中共某某县财政局党组关于县委第三巡察组巡察反馈意见整改情况的通报", "财政局"),
    "B": ("/xxgk/xcgz/202304/t20230420_0950.html",
          "中共某某县教育局党组关于巡察整改进展情况的通报", "教育局"),
    "C": ("/xxgk/xcgz/202303/t20230315_0901.html",
          "中共某某县卫生健康局党组关于巡察集中整改进展情况的通报", "卫生健康局"),
    "D": ("/xxgk/xcgz/202212/t20221220_0600.html",
          "中共某某县农业农村局党组关于县委第二巡察组反馈意见整改情况的通报", "农业农村局"),
    "E": ("/xxgk/xcgz/202211/巡察整改通报.html",
          "中共某某县市场监督管理局党组关于巡察整改落实情况的通报", "市场监督管理局"),
    "F": ("/xxgk/xcgz/202210/t20221015_0500.html",
          "中共某某县民政局党组关于巡察反馈问题整改情况的通报", "民政局"),
}
OLD_C = "/old/wjj-zhenggai.html"                    # answers 301 to notice C
FORBIDDEN = "/private/t20230301_0800.html"          # Disallow: /private/
DEAD = "/xxgk/xcgz/202302/t20230210_0700.html"      # 404
NEWS = ("/xxgk/xcgz/202305/t20230501_0990.html", "/xxgk/xcgz/202304/t20230410_0900.html",
        "/xxgk/xcgz/202212/t20221201_0590.html")
DOCX = "/xxgk/xcgz/202212/P020221220512345678901.docx"
PROBLEMS = [("财政资金绩效管理不够严格", "已完成整改。修订绩效评价办法，收回闲置资金326.5万元。"),
            ("公务接待管理不规范", "已完成整改。清理不规范接待费用3.2万元，建立公务接待审批台账。")]


GBK = {"Content-Type": "text/html"}       # the charset is only in the page's <meta>
GBK_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


def listing_pages(offsite_base: str) -> dict[str, Answer | list[Answer]]:
    """Three listing pages: UTF-8 (charset in the header), GBK (charset in <meta>), UTF-8."""
    return {
        LISTING: Answer(body=listing([
            ("./202305/t20230506_1001.html", NOTICES["A"][1]),
            ("./202305/t20230501_0990.html", "全县财政系统业务培训班顺利开班"),
            ("./202304/t20230410_0900.html", "县委第三巡察组巡察县教育局党组工作动员会召开"),
            ("./202304/t20230420_0950.html", NOTICES["B"][1]),
            (OLD_C, NOTICES["C"][1]),
            (FORBIDDEN, "中共某某县审计局党组关于巡察整改情况的通报"),
            ("./202302/t20230210_0700.html", "中共某某县水利局党组关于巡察反馈意见整改落实情况的通报"),
            (offsite_base + "/xxgk/t20230101_0001.html", "中共某某县交通运输局党组关于巡察整改情况的通报"),
        ], '<span>1</span> <a href="index_1.html">2</a> <a href="index_2.html">3</a> '
           '<a href="index_1.html">下一页</a> <a href="index_2.html">尾页</a>')),
        "/xxgk/xcgz/index_1.html": Answer(body=listing([
            ("./202212/t20221220_0600.html", NOTICES["D"][1]),
            ("./202212/t20221201_0590.html", "县农业农村局召开巡察整改专题民主生活会"),
            ("./202211/巡察整改通报.html", NOTICES["E"][1]),
        ], '<a href="index.html">上一页</a> <a href="index.html">1</a> <span>2</span> '
           '<a href="index_2.html">3</a> <a href="index_2.html">下一页</a>',
            meta=GBK_META).decode("utf-8").encode("gbk"), headers=GBK),
        "/xxgk/xcgz/index_2.html": Answer(body=listing([
            ("./202210/t20221015_0500.html", NOTICES["F"][1]),
        ], '<a href="index_1.html">上一页</a> <a href="index.html">首页</a> <span>3</span>')),
    }


def county_site(offsite_base: str) -> dict[str, Answer | list[Answer]]:
    """The routes of the county site; offsite_base is another server's base URL."""
    routes = listing_pages(offsite_base)
    routes["/robots.txt"] = Answer(body=b"User-agent: *\nDisallow: /private/\n",
                                   headers={"Content-Type": "text/plain"})
    routes[OLD_C] = Answer(301, headers={"Location": NOTICES["C"][0]})
    routes[DOCX] = Answer(body=make_docx(), headers={"Content-Type": "application/octet-stream"})
    for key, (path, title, org) in NOTICES.items():
        extra = ('<p>附件：<a href="./P020221220512345678901.docx">整改任务清单.docx</a></p>'
                 if key == "D" else "")
        routes[path] = Answer(body=notice(title, org, "2023年5月6日", PROBLEMS, extra))
    e_path, e_title, e_org = NOTICES["E"]      # a GBK notice, its charset only in <meta>
    routes[e_path] = Answer(body=notice(e_title, e_org, "2022年11月8日", PROBLEMS, meta=GBK_META)
                            .decode("utf-8").encode("gbk"), headers=GBK)
    routes[NOTICES["B"][0]] = [Answer(503, b"busy"), routes[NOTICES["B"][0]]]
    for path in NEWS:
        routes[path] = Answer(body=page("新闻", "<h1>新闻</h1><p>" + "会议召开。" * 30 + "</p>"))
    return routes
