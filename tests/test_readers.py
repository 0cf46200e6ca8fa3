"""Readers: every format and encoding back to the text that was written."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import readers_fixtures as fx  # noqa: E402

from analysis.readers import SUPPORTED, ReadError, find_input_files, read_document, read_manifest  # noqa: E402
from analysis.readers.docx_numbering import chinese_count, format_number  # noqa: E402
from analysis.readers.encoding import decode_bytes, detect_encoding  # noqa: E402
from analysis.readers.html_meta import find_labelled_values  # noqa: E402
from analysis.readers.md import split_front_matter  # noqa: E402
from analysis.readers.metadata import clean_file_title, parse_date_text, split_page_title  # noqa: E402

SEEDS = fx.seed_texts()
CLEAN_TITLE_SEEDS = ["dongxihu-renshe-2025", "yuhu-minzheng-2023"]


def flat(text: str) -> str:
    """Text without any whitespace, to compare across wrapped lines."""
    return "".join(text.split())


# --- text encodings -------------------------------------------------------------------

ENCODINGS = [
    # (encoding, BOM, CRLF line ends)
    ("gb18030", False, False),
    ("gb18030", False, True),     # Windows Notepad in a Chinese locale
    ("utf-16-le", True, True),    # Notepad "Unicode"
    ("utf-16-be", False, False),  # no BOM: told apart by where the NUL bytes sit
    ("utf-16-be", True, False),
    ("utf-16-le", False, True),
    ("utf-8", True, True),        # Notepad "UTF-8 with BOM"
    ("utf-8", False, True),
]


@pytest.mark.parametrize("encoding,bom,crlf", ENCODINGS)
@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_reencoded_reads_back(tmp_path, seed, encoding, bom, crlf):
    text = SEEDS[seed]
    path = fx.write_encoded(tmp_path, f"{seed}.txt", text, encoding, bom=bom, crlf=crlf)
    doc = read_document(path, tmp_path)
    assert doc.text == text.replace("\r\n", "\n")
    assert doc.source_format == "txt"
    assert doc.source_path == f"{seed}.txt"


TRADITIONAL = "瀾江市審計局黨組關於巡察整改進展情況的通報\n根據市委統一部署，市委第二巡察組對本局開展了常規巡察。\n"


@pytest.mark.parametrize("data,expected", [
    ("巡察整改".encode(), "巡察整改"),
    ("巡察整改".encode("gbk"), "巡察整改"),
    (TRADITIONAL.encode("big5"), TRADITIONAL),          # Big5 also decodes as GB18030 (garbled)
    (TRADITIONAL.encode("gb18030"), TRADITIONAL),        # traditional characters in GB18030
    ("完成率100%\r\n".encode(), "完成率100%\n"),  # CRLF to LF
    ("一\r二\r".encode(), "一\n二\n"),            # old Mac line ends
    (b"\xef\xbb\xbfabc", "abc"),                          # BOM dropped
    ("整改完成".encode()[:-1], "整改完\ufffd"),    # a character cut by the end of the file
    ("挽回经济损失3.2万元".encode("gb18030")[:-1], "挽回经济损失3.2万\ufffd"),
    # UTF-16 without BOM and without any ASCII, so without NUL bytes
    ("第四巡察组反馈意见".encode("utf-16-le"), "第四巡察组反馈意见"),
    ("巡察组反馈，“整改”".encode("utf-16-be"), "巡察组反馈，“整改”"),  # low bytes 0x1C/0x1D
    # NUL padding after a cut download
    ("整改情况\n".encode() + bytes(3), "整改情况\n"),
    ("整改情况\n".encode("gbk") + bytes(2), "整改情况\n"),
])
def test_decode_bytes(data, expected):
    assert decode_bytes(data) == expected


def test_detect_encoding_prefers_utf8_for_valid_utf8():
    # valid UTF-8 Chinese also "decodes" as GB18030 into nonsense: UTF-8 must win
    assert detect_encoding(SEEDS["yuhu-minzheng-2023"].encode("utf-8")) == ("utf-8", 0)


# --- markdown -------------------------------------------------------------------------

def test_md_front_matter(tmp_path):
    front = """title: 北塘县统计局党组关于巡察整改情况的通报
date: 2023-04-18
tags: [巡察, 统计]
url: https://www.beitang.gov.cn/tjj/2023/0418.html
author: 某编辑"""
    path = fx.write_md(tmp_path, "notice.md", front, "\n".join(fx.NOTICE_LINES))
    doc = read_document(path, tmp_path)
    assert doc.title == "北塘县统计局党组关于巡察整改情况的通报"
    assert doc.url == "https://www.beitang.gov.cn/tjj/2023/0418.html"
    assert doc.metadata["publish_date"] == "2023-04-18"
    assert doc.metadata["tags"] == ["巡察", "统计"]
    assert doc.metadata["author"] == "某编辑"
    assert doc.text == "\n".join(fx.NOTICE_LINES)
    assert "title:" not in doc.text


def test_md_seed_front_matter():
    path = fx.SEEDS / "gonghui-anon-2023.md"
    doc = read_document(path, fx.SEEDS)
    assert doc.title.startswith("工会审计巡察")
    assert doc.metadata["publish_date"] == "2023-10-24"   # gold publish_date comes from here
    assert doc.metadata["tags"] == ["专项", "工会"]
    assert doc.text.startswith("根据XX统一部署")


@pytest.mark.parametrize("text,meta,body", [
    ("---\ntitle: 通报\n---\n正文", {"title": "通报"}, "正文"),
    ("---\ntitle: [未闭合\n---\n正文", {}, "正文"),      # bad YAML in key lines: body, no metadata
    # one bad line costs that line only; a date that is no date stays text
    ("---\ntitle: [未闭合\ndate: 2023-17-32\nurl: https://a.example.cn/1\n---\n正文",
     {"date": "2023-17-32", "url": "https://a.example.cn/1"}, "正文"),
    ("---\nround: 3\ndraft: true\nauthor:\n---\n正文",      # no numbers, booleans, nulls built
     {"round": "3", "draft": "true", "author": None}, "正文"),
    ("---\na: &x [1]\nb: *x\n---\n正文", {"a": ["1"]}, "正文"),  # an alias is refused, its line left out
    ("---\n巡察发现:问题较多\n另有说明\n---\n正文", {}, "---\n巡察发现:问题较多\n另有说明\n---\n正文"),
    ("---\n- 列表\n---\n正文", {}, "---\n- 列表\n---\n正文"),                # not a mapping
    ("正文\n---\n第二节", {}, "正文\n---\n第二节"),                          # a rule, not front matter
    ("---\ndate: 2021年06月03日\n...\n正文", {"date": "2021年06月03日"}, "正文"),
])
def test_split_front_matter(text, meta, body):
    assert split_front_matter(text) == (meta, body)


def test_md_heading_is_title_without_front_matter(tmp_path):
    path = fx.write_md(tmp_path, "h.md", "", "# 云岭镇党委关于巡察整改情况的通报\n\n根据县委统一部署。")
    doc = read_document(path, tmp_path)
    assert doc.title == "云岭镇党委关于巡察整改情况的通报"
    assert doc.metadata == {}


def test_txt_with_front_matter(tmp_path):
    # scrapers often save pages as .txt with a YAML header
    text = ("---\ntitle: 北塘县统计局党组关于巡察整改情况的通报\nurl: https://bt.example.gov.cn/2.html\n"
            "date: 2024-01-05\n---\n" + "\n".join(fx.NOTICE_LINES))
    doc = read_document(fx.write_encoded(tmp_path, "a.txt", text, "utf-8"), tmp_path)
    assert doc.text == "\n".join(fx.NOTICE_LINES)
    assert (doc.title, doc.url, doc.source_format) == (
        "北塘县统计局党组关于巡察整改情况的通报", "https://bt.example.gov.cn/2.html", "txt")
    assert doc.metadata["publish_date"] == "2024-01-05"


def test_txt_starting_with_a_rule_is_plain_text(tmp_path):
    text = "-----\n" + "\n".join(fx.NOTICE_LINES)
    assert read_document(fx.write_encoded(tmp_path, "b.txt", text, "utf-8"), tmp_path).text == text


def test_md_chinese_date_in_front_matter(tmp_path):
    path = fx.write_md(tmp_path, "d.md", "date: 2021年06月03日\ntitle: 通报", "根据部署。")
    assert read_document(path, tmp_path).metadata["publish_date"] == "2021-06-03"


# --- html -----------------------------------------------------------------------------

CHROME = ["网站首页", "互动交流", "当前位置", "版权所有", "备案号", "页面统计脚本", "访问统计尾部脚本"]


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
@pytest.mark.parametrize("seed", CLEAN_TITLE_SEEDS)
def test_html_page_main_text_and_metadata(tmp_path, seed, encoding):
    title, body = fx.split_title_body(SEEDS[seed])
    path = fx.write_html_page(tmp_path, f"{seed}.html", title, body, encoding=encoding,
                              published="2023-06-02 09:12:33")
    doc = read_document(path, tmp_path)
    lines = doc.text.split("\n")
    for paragraph in body:  # every paragraph, each still on its own line
        assert " ".join(paragraph.split()) in lines
    for chrome in CHROME:
        assert chrome not in doc.text
    assert doc.title == title
    assert doc.url == "https://www.qingxi.gov.cn/art/2023/6/2/art_1021_88.html"
    assert doc.metadata["publish_date"] == "2023-06-02"
    assert doc.metadata["publisher"] == "青溪区统计局"
    assert doc.metadata["site"] == "青溪区人民政府"
    assert doc.source_format == "html"


@pytest.mark.parametrize("info,body_extra,expected", [
    # an unlabelled time stamp glued to the source label, above the notice
    ("2022-03-07 15:40:02来源:青溪区统计局", "", "2022-03-07"),
    ("【 2021-09-30 15:20 】【 来源：青溪区统计局 】", "", "2021-09-30"),
    # no info line: a meeting time inside the notice is not the publication date
    ("", "2023年6月12日 9:30召开整改专题会。", None),
])
def test_html_unlabelled_stamp(tmp_path, info, body_extra, expected):
    body = fx.NOTICE_LINES + ([body_extra] if body_extra else [])
    path = fx.write_html_page(tmp_path, "s.html", fx.NOTICE_TITLE, body, info=info)
    assert read_document(path, tmp_path).metadata.get("publish_date") == expected


@pytest.mark.parametrize("heading_tag", ["h2", "h3", "h4"])
def test_html_keeps_outline_headings(tmp_path, heading_tag):
    # trafilatura's default pass drops short <h3> headings like 一、…; they carry the outline
    path = fx.write_html_page(tmp_path, "h.html", fx.NOTICE_TITLE, fx.NOTICE_LINES,
                              heading_tag=heading_tag)
    lines = read_document(path, tmp_path).text.split("\n")
    assert "一、提高政治站位，扛牢整改责任" in lines
    assert "二、下一步工作打算" in lines
    assert lines[0] == fx.NOTICE_LINES[0]


def test_html_long_page_keeps_whole_body(tmp_path):
    # the longest seed, about 6,000 characters of body, under an invented title
    _, body = fx.split_title_body(SEEDS["hangzhou-minzheng-2023"])
    path = fx.write_html_page(tmp_path, "long.htm", fx.NOTICE_TITLE, body, encoding="gbk")
    doc = read_document(path, tmp_path)
    assert doc.source_format == "html"
    assert flat("".join(body)) in flat(doc.text)
    assert doc.text.count("\n") >= len(body) - 1


def test_html_table_layout_page_falls_back_to_content_block(tmp_path):
    # old CMS pages: layout tables, paragraphs split by <br>; trafilatura flattens them
    body = fx.NOTICE_LINES
    content = "<br>\n".join("&nbsp;&nbsp;" + line for line in body)
    page = f"""<html><head><meta charset="utf-8"><title>{fx.NOTICE_TITLE}</title></head><body>
<table><tr><td><a href="/">首页</a> | <a href="/a">机构概况</a></td></tr></table>
<table><tr><td><table><tr><td><a href="/x">通知公告</a></td></tr><tr><td><a href="/y">工作动态</a>
</td></tr></table></td><td><table><tr><td><b>{fx.NOTICE_TITLE}</b></td></tr>
<tr><td>时间：2023-07-06 来源：青溪区统计局</td></tr>
<tr><td class="bt_content">{content}</td></tr></table></td></tr></table>
<table><tr><td>Copyright 版权所有 青溪区人民政府</td></tr></table></body></html>"""
    path = fx.write_bytes(tmp_path, "layout.html", page.encode("utf-8"))
    doc = read_document(path, tmp_path)
    assert doc.text.split("\n") == body
    assert doc.metadata["publish_date"] == "2023-07-06"
    assert doc.title == fx.NOTICE_TITLE


@pytest.mark.parametrize("name,charset,quoted_printable", [
    ("page.mht", "gb2312", False),   # IE / Edge "web archive, single file", base64 body
    ("page.mhtml", "utf-8", True),   # Chrome "single file", quoted-printable
    ("attachment.doc", "gbk", True),  # a site's "download as Word" that is a web archive
])
def test_web_archive(tmp_path, name, charset, quoted_printable):
    path = fx.write_mhtml(tmp_path, name, fx.NOTICE_TITLE, fx.NOTICE_LINES, charset=charset,
                          quoted_printable=quoted_printable)
    doc = read_document(path, tmp_path)
    assert doc.source_format == "html"
    assert doc.text.split("\n") == fx.NOTICE_LINES
    assert doc.title == fx.NOTICE_TITLE
    assert doc.metadata["publish_date"] == "2023-06-02"


def test_html_undeclared_gbk_is_detected(tmp_path):
    page = f"<html><body><p>{'</p><p>'.join(fx.NOTICE_LINES)}</p></body></html>"
    path = fx.write_bytes(tmp_path, "plain.html", page.encode("gbk"))
    assert "区委第三巡察组" in read_document(path, tmp_path).text


def test_html_declared_utf8_but_gbk_bytes(tmp_path):
    # a page that declares one charset and is saved in another
    page = f"<html><head><meta charset='utf-8'></head><body><p>{fx.NOTICE_LINES[0]}</p></body></html>"
    path = fx.write_bytes(tmp_path, "wrong.html", page.encode("gbk"))
    assert "区委第三巡察组" in read_document(path, tmp_path).text


def test_html_meta_tags_beat_visible_lines(tmp_path):
    page = f"""<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{fx.NOTICE_TITLE}">
<meta name="PubDate" content="2022-11-30 10:00"><meta name="ContentSource" content="青溪区纪委监委">
<meta property="og:url" content="https://qx.example.gov.cn/a/1.html">
<title>首页</title></head><body><div>发布日期:2022-12-01</div>
<div class="content"><p>{'</p><p>'.join(fx.NOTICE_LINES)}</p></div></body></html>"""
    doc = read_document(fx.write_bytes(tmp_path, "m.html", page.encode("utf-8")), tmp_path)
    assert doc.title == fx.NOTICE_TITLE
    assert doc.metadata["publish_date"] == "2022-11-30"
    assert doc.metadata["publisher"] == "青溪区纪委监委"
    assert doc.url == "https://qx.example.gov.cn/a/1.html"


@pytest.mark.parametrize("head,h1,title,site", [
    # <title> names only the site: the heading is the notice title
    ("<title>澜江市人民政府门户网站</title>", "北塘县统计局党组关于巡察整改情况的通报",
     "北塘县统计局党组关于巡察整改情况的通报", "澜江市人民政府门户网站"),
    ("<title>正文</title>", "北塘县统计局党组关于巡察整改情况的通报",
     "北塘县统计局党组关于巡察整改情况的通报", None),  # a generic page name, no site
    ('<title>通报_澜江市民政局</title><meta property="og:site_name" content="澜江市民政局">',
     "", "通报", "澜江市民政局"),
    ("", "云岭镇党委关于巡察整改情况的通报", "云岭镇党委关于巡察整改情况的通报", None),
])
def test_html_title_and_site(tmp_path, head, h1, title, site):
    page = (f"<html><head><meta charset='utf-8'>{head}</head><body><div class='logo'>"
            f"<h1>{h1}</h1></div><div><p>{'</p><p>'.join(fx.NOTICE_LINES)}</p></div></body></html>")
    doc = read_document(fx.write_bytes(tmp_path, "t.html", page.encode()), tmp_path)
    assert doc.title == title
    assert doc.metadata.get("site") == site


@pytest.mark.parametrize("text,expected", [
    ("发布时间：2023-04-18 09:12:33 来源：澜江市纪委监委 浏览次数：356",
     {"publish_date": "2023-04-18", "publisher": "澜江市纪委监委"}),
    # date glued to the source label, no date label: only the publisher is labelled
    ("2022-03-07 15:40:02来源:青溪区统计局", {"publisher": "青溪区统计局"}),
    ("时间:2022/5/9 10:03:11 作者:党建办", {"publish_date": "2022-05-09"}),
    ("【 发布时间:2021年06月03日 】 点击数:", {"publish_date": "2021-06-03"}),
    # disclosure block with spaced labels; 文号 无 is no number
    ("索 引 号:11420000/2022-00815\n发布机构:中共云岭镇委员会\n成文时间:2022年08月05日\n文 号:无",
     {"publish_date": "2022-08-05", "publisher": "中共云岭镇委员会",
      "index_number": "11420000/2022-00815"}),
    ("发文字号:北塘林〔2021〕15号", {"doc_number": "北塘林〔2021〕15号"}),
    ("整改时间:2023年6月30日前完成", {}),          # a deadline inside a sentence
    ("资金来源:财政拨款", {}),                     # 来源 inside another word
    ("发布时间:202X年X月X日", {}),                 # placeholder date
])
def test_find_labelled_values(text, expected):
    assert find_labelled_values(text) == expected


@pytest.mark.parametrize("raw,expected", [
    ("关于巡察整改情况的通报_澜江市人民政府", ("关于巡察整改情况的通报", "澜江市人民政府")),
    ("关于巡察整改情况的通报 - 青溪区纪检监察网", ("关于巡察整改情况的通报", "青溪区纪检监察网")),
    ("北塘县门户网站|关于巡察整改进展情况的通报", ("关于巡察整改进展情况的通报", "北塘县门户网站")),
    # a hyphen inside a year range is not a separator
    ("2022-2023年度巡察整改情况", ("2022-2023年度巡察整改情况", None)),
    # the shorter segment is a channel name even without a site word
    ("某某局关于巡察整改情况的通报_工作动态", ("某某局关于巡察整改情况的通报", "工作动态")),
])
def test_split_page_title(raw, expected):
    assert split_page_title(raw) == expected


@pytest.mark.parametrize("text,expected", [
    ("2023-04-18 09:12", "2023-04-18"),
    ("2021年06月03日", "2021-06-03"),
    ("2021 年 6 月 3 日", "2021-06-03"),       # stray spaces
    ("2023.4.8", "2023-04-08"),
    ("2023-04-18T09:12:00+08:00", "2023-04-18"),
    ("20230418", "2023-04-18"),
    ("20230418093000", "2023-04-18"),         # compact timestamp in a meta tag
    ("2023-13-01", None),                     # no month 13
    ("2023年6月", None),                      # no day
    ("202X年X月X日", None),
])
def test_parse_date_text(text, expected):
    assert parse_date_text(text) == expected


# --- pdf ------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", ["yuhu-minzheng-2023", "dongxihu-renshe-2025"])
def test_pdf_of_seed(tmp_path, seed):
    title, body = fx.split_title_body(SEEDS[seed])
    path = fx.write_pdf(tmp_path, f"{seed}.pdf", [title] + body,
                        title=f"Microsoft Word - {title}.docx")
    doc = read_document(path, tmp_path)
    text = flat(doc.text)
    for paragraph in body[:8]:  # lines are wrapped by the PDF layout, not by us
        assert flat(paragraph) in text
    assert doc.title == title
    assert doc.source_format == "pdf"
    assert doc.metadata["pages_without_text"] == 0 and doc.metadata["pages"] >= 1


def test_pdf_page_numbers_dropped(tmp_path):
    _, body = fx.split_title_body(SEEDS["hangzhou-minzheng-2023"])  # several pages
    path = fx.write_pdf(tmp_path, "p.pdf", body, page_numbers=True)
    doc = read_document(path, tmp_path)
    assert doc.metadata["pages"] >= 3
    assert "—" not in doc.text.replace("——", "")  # the seed's own dashes come in pairs
    assert flat("".join(body)) == flat(doc.text)


def test_pdf_fake_bold_heading_read_once(tmp_path):
    path = fx.write_pdf(tmp_path, "b.pdf", fx.NOTICE_LINES, fake_bold_headings=True)
    lines = read_document(path, tmp_path).text.split("\n")
    assert "一、提高政治站位，扛牢整改责任" in lines
    assert "二、下一步工作打算" in lines


def test_pdf_placeholder_title_ignored(tmp_path):
    path = fx.write_pdf(tmp_path, "t.pdf", fx.NOTICE_LINES, title="untitled")
    doc = read_document(path, tmp_path)
    assert doc.title == ""
    assert "区委第三巡察组" in doc.text


@pytest.mark.parametrize("raw,expected", [
    ("Microsoft Word - 关于巡察整改情况的通报.docx", "关于巡察整改情况的通报"),
    ("WPS 文字 - 云岭镇巡察整改通报", "云岭镇巡察整改通报"),
    ("untitled", ""),
    ("1", ""),
    ("", ""),
    ("Inspection rectification report", "Inspection rectification report"),
])
def test_clean_file_title(raw, expected):
    assert clean_file_title(raw) == expected


# --- docx -----------------------------------------------------------------------------

def test_docx_recovers_automatic_numbering(tmp_path):
    rows = [["序号", "反馈问题", "整改情况"], ["1", "统计数据审核不严", "已完成"]]
    path = fx.write_numbered_docx(tmp_path, "n.docx", fx.NOTICE_TITLE, fx.NOTICE_LINES,
                                  table_rows=rows)
    doc = read_document(path, tmp_path)
    lines = doc.text.split("\n")
    # the markers were numbering, not text; they come back in document order
    assert lines == [fx.NOTICE_TITLE, fx.NOTICE_LINES[0], "序号\t反馈问题\t整改情况",
                     "1\t统计数据审核不严\t已完成", *fx.NOTICE_LINES[1:]]
    assert doc.title == fx.NOTICE_TITLE
    assert doc.source_format == "docx"


def test_docx_numbering_three_levels_restart(tmp_path):
    lines = ["一、总体情况", "（一）第一项", "1.措施甲", "2.措施乙", "（二）第二项", "1.措施丙",
             "二、下一步", "（一）巩固成果"]
    path = fx.write_numbered_docx(tmp_path, "l.docx", "标题", lines, levels=(0, 1, 2))
    assert read_document(path, tmp_path).text.split("\n") == ["标题", *lines]


@pytest.mark.parametrize("seed", CLEAN_TITLE_SEEDS)
def test_docx_of_seed(tmp_path, seed):
    title, body = fx.split_title_body(SEEDS[seed])
    assert any(fx.outline_level(line) for line in body)  # the seed has headings to number
    path = fx.write_numbered_docx(tmp_path, f"{seed}.docx", title, body)
    doc = read_document(path, tmp_path)
    assert doc.text.split("\n") == [title, *body]


def test_docx_numbering_from_paragraph_style(tmp_path):
    import docx
    from docx.oxml import parse_xml

    path = fx.write_numbered_docx(tmp_path, "s.docx", "标题", ["正文"])
    document = docx.Document(str(path))
    style = document.styles["Heading 1"]
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {fx.W_NS}><w:ilvl w:val="0"/><w:numId w:val="{fx.NUM_ID}"/></w:numPr>'))
    document.add_paragraph("加强组织领导", style="Heading 1")
    document.add_paragraph("细化整改措施", style="Heading 1")
    document.save(str(path))
    assert read_document(path, tmp_path).text.split("\n")[-2:] == ["一、加强组织领导",
                                                                  "二、细化整改措施"]


@pytest.mark.parametrize("runs,expected", [
    ("<w:r><w:t>整改</w:t></w:r><w:r><w:tab/><w:t>完成</w:t></w:r>", "整改\t完成"),
    # tracked changes: deleted text is gone, inserted text is in
    ("<w:r><w:t>已</w:t></w:r><w:del><w:r><w:delText>基本</w:delText></w:r></w:del>"
     "<w:ins><w:r><w:t>全部</w:t></w:r></w:ins><w:r><w:t>完成</w:t></w:r>", "已全部完成"),
    # a hyperlink and a field: the shown text only, not the field code
    ('<w:hyperlink><w:r><w:t>附件</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/>'
     '</w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>3</w:t></w:r>', "附件3"),
    # tab stops in the paragraph properties are not text
    ('<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>正文</w:t></w:r>',
     "正文"),
    ("<w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r>", "第一行\n第二行"),
])
def test_docx_paragraph_text(runs, expected):
    from docx.oxml import parse_xml

    from analysis.readers.docx import paragraph_text

    assert paragraph_text(parse_xml(f"<w:p {fx.W_NS}>{runs}</w:p>")) == expected


@pytest.mark.parametrize("n,fmt,expected", [
    (1, "chineseCounting", "一"),
    (10, "chineseCountingThousand", "十"),
    (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"),
    (3, "chineseLegalSimplified", "叁"),
    (12, "ideographDigital", "一二"),
    (2, "ideographTraditional", "乙"),
    (11, "ideographTraditional", "甲"),    # the ten stems cycle
    (5, "decimalEnclosedCircleChinese", "⑤"),
    (25, "decimalEnclosedCircle", "25"),   # no circled form past 20
    (3, "decimalEnclosedParen", "⑶"),
    (7, "decimalFullWidth", "７"),
    (4, "lowerRoman", "iv"),
    (27, "upperLetter", "AA"),
    (1, "bullet", ""),
    (9, "someFutureFormat", "9"),
])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


@pytest.mark.parametrize("n,expected", [(100, "一百"), (105, "一百零五"), (1010, "一千零一十"),
                                        (2024, "二千零二十四")])
def test_chinese_count(n, expected):
    assert chinese_count(n) == expected


# --- the folder: files, manifest, dispatch ----------------------------------------------

def test_find_input_files(tmp_path):
    for name in ["b.txt", "a/notice.HTML", "a/z.md", "c.pdf", "d.docx", "old.doc", "scan.jpg",
                 "page.htm", "page_files/logo.png", "page_files/app.js", "data.json",
                 ".hidden.txt", ".git/x.txt", "~$d.docx", "Thumbs.db", "sources.csv",
                 "README", "x.shtml", "sub dir/通报 一.txt"]:
        fx.write_bytes(tmp_path, name, b"x")
    rel = [p.relative_to(tmp_path).as_posix() for p in find_input_files(tmp_path)]
    assert rel == ["a/notice.HTML", "a/z.md", "b.txt", "c.pdf", "d.docx", "old.doc",
                   "page.htm", "scan.jpg", "sub dir/通报 一.txt", "x.shtml"]


def test_find_input_files_follows_folder_links_once(tmp_path):
    real = tmp_path / "real"
    fx.write_bytes(real, "n.txt", b"x")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    rel = [p.relative_to(tmp_path).as_posix() for p in find_input_files(tmp_path)]
    assert rel == ["alias/n.txt"]  # the same folder is not read twice


def test_mixed_input_tree(tmp_path):
    expected = fx.write_mixed_tree(tmp_path)
    files = find_input_files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == sorted(expected)
    urls = read_manifest(tmp_path)
    for path in files:
        rel = path.relative_to(tmp_path).as_posix()
        want = expected[rel]
        if want.startswith("error:"):
            with pytest.raises(ReadError, match=want[len("error:"):]):
                read_document(path, tmp_path)
            continue
        doc = read_document(path, tmp_path)
        assert (doc.source_path, doc.source_format) == (rel, want)
        assert "区委第三巡察组" in doc.text
    assert urls == {"txt/青溪 通报.txt": "https://www.qingxi.gov.cn/tjj/1.html"}


def test_supported_suffixes():
    assert SUPPORTED == (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


@pytest.mark.parametrize("encoding,header,rows,expected", [
    ("utf-8-sig", "path,url", [("a.txt", "https://x.gov.cn/1")], {"a.txt": "https://x.gov.cn/1"}),
    # Excel in a Chinese locale saves GBK; Windows separators; ./ prefix
    ("gbk", "path,url", [(".\\子目录\\通报.txt", "https://x.gov.cn/2")],
     {"子目录/通报.txt": "https://x.gov.cn/2"}),
    # UTF-16 with BOM, columns in the other order, headers capitalised
    ("utf-16", "URL,Path", [("https://x.gov.cn/3", "b.md")], {"b.md": "https://x.gov.cn/3"}),
    ("utf-8", "name,link2", [("a.txt", "https://x.gov.cn/1")], {}),   # no path/url columns
    ("utf-8", "path,url", [("a.txt", "")], {}),                       # empty url
])
def test_read_manifest(tmp_path, encoding, header, rows, expected):
    fx.write_manifest(tmp_path, rows, encoding=encoding, header=header)
    assert read_manifest(tmp_path) == expected


def test_read_manifest_missing_or_binary(tmp_path):
    assert read_manifest(tmp_path) == {}
    fx.write_bytes(tmp_path, "sources.csv", fx.binary_junk())
    assert read_manifest(tmp_path) == {}


@pytest.mark.parametrize("written", [
    "raw/2023/a.txt",              # written from the folder above the input folder
    "data/raw/2023/a.txt",         # from the project root
    "D:\\analysis\\raw\\2023\\a.txt",  # a Windows absolute path
    "{root}/2023/a.txt",           # an absolute path inside the input folder
])
def test_manifest_paths_cut_to_input_folder(tmp_path, written):
    root = tmp_path / "data" / "raw"
    fx.write_encoded(root / "2023", "a.txt", "巡察", "utf-8")
    fx.write_manifest(root, [(written.format(root=root), "https://qx.example.gov.cn/a.html")])
    assert read_manifest(root) == {"2023/a.txt": "https://qx.example.gov.cn/a.html"}


def test_manifest_keeps_unknown_paths(tmp_path):
    fx.write_manifest(tmp_path, [("later/b.txt", "https://qx.example.gov.cn/b.html")])
    assert read_manifest(tmp_path) == {"later/b.txt": "https://qx.example.gov.cn/b.html"}


def test_manifest_keys_match_source_paths(tmp_path):
    path = fx.write_encoded(tmp_path / "2023", "青溪 通报.txt", "\n".join(fx.NOTICE_LINES), "utf-8")
    fx.write_manifest(tmp_path, [("2023\\青溪 通报.txt", "https://qx.example.gov.cn/9.html")])
    doc = read_document(path, tmp_path)
    assert read_manifest(tmp_path)[doc.source_path] == "https://qx.example.gov.cn/9.html"


@pytest.mark.parametrize("name,fmt", [("a.TXT", "txt"), ("b.Htm", "html"), ("c.MD", "md"),
                                      ("d.shtml", "html")])
def test_suffix_case_and_aliases(tmp_path, name, fmt):
    data = "\n".join(fx.NOTICE_LINES).encode("utf-8")
    if fmt == "html":
        data = b"<html><body><p>" + data + b"</p></body></html>"
    doc = read_document(fx.write_bytes(tmp_path / "sub", name, data), tmp_path)
    assert (doc.source_format, doc.source_path) == (fmt, f"sub/{name}")
    assert "区委第三巡察组" in doc.text


@pytest.mark.parametrize("name", [
    "source.txt",   # "view source", saved as text
    "export.doc",   # a site's "export to Word" button that sends HTML
    "export.xls",
    "saved.mht",    # a plain page saved under the web-archive suffix
])
def test_html_under_other_suffix(tmp_path, name):
    page = fx.page_html(fx.NOTICE_TITLE, fx.NOTICE_LINES)
    doc = read_document(fx.write_bytes(tmp_path, name, page.encode("utf-8")), tmp_path)
    assert doc.source_format == "html"
    assert doc.text.split("\n") == fx.NOTICE_LINES


def test_content_beats_suffix(tmp_path):
    # a PDF saved with a .html suffix, and a .docx saved as .doc, are read for what they are
    pdf = fx.write_pdf(tmp_path, "x.pdf", fx.NOTICE_LINES)
    renamed = tmp_path / "download.html"
    pdf.rename(renamed)
    assert read_document(renamed, tmp_path).source_format == "pdf"
    docx_path = fx.write_numbered_docx(tmp_path, "y.docx", "标题", fx.NOTICE_LINES)
    as_doc = tmp_path / "y.doc"
    docx_path.rename(as_doc)
    doc = read_document(as_doc, tmp_path)
    assert doc.source_format == "docx" and "一、提高政治站位" in doc.text


# --- the doctests of the reader modules ---------------------------------------------------

@pytest.mark.parametrize("module", ["encoding", "walk", "dispatch", "manifest", "md",
                                    "metadata", "html", "html_blocks", "html_meta", "docx_numbering",
                                    "pdf"])
def test_reader_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"analysis.readers.{module}"))
    assert result.attempted > 0 and result.failed == 0
