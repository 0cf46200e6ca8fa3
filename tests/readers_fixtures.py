"""Functions that make input files for reader tests in a temporary folder.

Every function takes the folder to write into and returns the path it wrote.
They are plain functions (not pytest fixtures) so other test modules can build
whole input trees with them. The invented notice text below uses made-up
places and organisations.
"""
from __future__ import annotations

import codecs
import html
import os
import re
import zipfile
from pathlib import Path

SEEDS = Path(__file__).parent / "data" / "seeds"

# An invented notice, used where a seed is not needed.
NOTICE_LINES = [
    "根据区委统一部署，2023年3月6日至4月28日，区委第三巡察组对青溪区统计局党组进行了常规巡察。",
    "2023年6月12日，区委第三巡察组向区统计局党组反馈了巡察意见。现将巡察整改进展情况予以公布。",
    "一、提高政治站位，扛牢整改责任",
    "（一）统计数据质量管控不严格问题",
    "整改情况：修订数据审核办法，完成整改。",
    "（二）财务报销审核把关不严问题",
    "整改情况：清退违规发放补贴1.2万元。",
    "二、下一步工作打算",
    "持续巩固整改成果，欢迎广大干部群众监督。",
]
NOTICE_TITLE = "中共青溪区统计局党组关于巡察整改进展情况的通报"


def _target(folder: Path, name: str) -> Path:
    """folder/name, with its folder made."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def seed_texts() -> dict[str, str]:
    """Seed name -> UTF-8 text, for the .txt seeds."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def split_title_body(text: str) -> tuple[str, list[str]]:
    """A notice's title (the lines before the first 根据/按照 line) and its body lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((i for i, line in enumerate(lines) if re.match(r"(根据|按照)", line)), 1)
    return "".join(lines[:first]), lines[first:]


# --- text encodings -------------------------------------------------------------------

def write_encoded(folder: Path, name: str, text: str, encoding: str, *, bom: bool = False,
                  crlf: bool = False) -> Path:
    """text written in an encoding; bom adds the encoding's byte-order mark."""
    if crlf:
        text = text.replace("\n", "\r\n")
    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE}
    data = (boms[encoding] if bom else b"") + text.encode(encoding)
    path = _target(folder, name)
    path.write_bytes(data)
    return path


# --- html -----------------------------------------------------------------------------

def page_html(title: str, body_lines: list[str], *, charset_tag: str = '<meta charset="utf-8">',
              published: str = "2023-06-02 09:12:33",
              canonical: str = "https://www.qingxi.gov.cn/art/2023/6/2/art_1021_88.html",
              site: str = "青溪区人民政府", info: str | None = None,
              heading_tag: str = "p") -> str:
    """A government-style page: nav, breadcrumb, info line, content, footer, scripts.

    info replaces the default info line (发布时间 … 来源 … 浏览次数);
    heading_tag is the tag of 一、 heading lines (h3, or p with <strong> ...).
    """
    if info is None:
        info = f"发布时间：{published} 来源：青溪区统计局 浏览次数：356"
    paragraphs = "\n".join(
        f"<{heading_tag}>{html.escape(line)}</{heading_tag}>" if HEADING.match(line)
        else f"<p>{html.escape(line)}</p>" for line in body_lines)
    return f"""<!DOCTYPE html>
<html><head>{charset_tag}
<title>{html.escape(title)}_{site}</title>
<link rel="canonical" href="{canonical}">
<script type="text/javascript">var siteTracker = "页面统计脚本不应出现";</script>
<style>.nav {{ color: red; }}</style>
</head><body>
<div class="top-nav"><ul><li><a href="/">网站首页</a></li><li><a href="/xxgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置:首页 &gt; 信息公开 &gt; 巡察整改</div>
<div class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="info">{html.escape(info)}</div>
<div class="article-content">
{paragraphs}
</div></div>
<div class="footer"><p>版权所有：{site} 主办单位：青溪区人民政府办公室</p>
<p>网站标识码 3300000001 备案号：某ICP备00000001号</p></div>
<script>document.write("访问统计尾部脚本");</script>
</body></html>
"""


def write_html_page(folder: Path, name: str, title: str, body_lines: list[str], *,
                    encoding: str = "utf-8", **page_options: str) -> Path:
    """page_html written in an encoding whose charset it declares."""
    if encoding.lower() in ("gbk", "gb2312", "gb18030"):
        tag = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    else:
        tag = f'<meta charset="{encoding}">'
    page = page_html(title, body_lines, charset_tag=tag, **page_options)
    path = _target(folder, name)
    path.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
    return path


def write_mhtml(folder: Path, name: str, title: str, body_lines: list[str], *,
                charset: str = "gb2312", quoted_printable: bool = True) -> Path:
    """A browser's single-file web archive (MIME multipart/related) of page_html."""
    from email import charset as email_charset
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    page = page_html(title, body_lines, charset_tag=f'<meta charset="{charset}">')
    archive = MIMEMultipart("related", type="text/html")
    part = MIMENonMultipart("text", "html")
    codec = email_charset.Charset(charset)
    codec.body_encoding = email_charset.QP if quoted_printable else email_charset.BASE64
    part.set_payload(page.encode(charset, errors="xmlcharrefreplace"), charset=codec)
    part["Content-Location"] = "https://www.qingxi.gov.cn/art/2023/6/2/art_1021_88.html"
    archive.attach(part)
    archive.attach(MIMEImage(b"GIF89a" + bytes(20), "gif"))
    path = _target(folder, name)
    path.write_bytes(archive.as_bytes().replace(b"\n", b"\r\n"))
    return path


def write_error_page(folder: Path, name: str = "404.html") -> Path:
    """A site's 'page not found' page: a little text, no notice."""
    page = ("<html><head><title>404 页面不存在</title></head><body>"
            "<div class='nav'><a href='/'>首页</a></div>"
            "<h2>抱歉，您访问的页面不存在或已被删除！</h2><p><a href='/'>返回首页</a></p>"
            "</body></html>")
    path = _target(folder, name)
    path.write_text(page, encoding="utf-8")
    return path


def write_scripts_only_page(folder: Path, name: str = "app.html") -> Path:
    """A page whose content is all drawn by scripts: no text in the markup."""
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title></title>"
            "<script>window.__DATA__ = {\"title\": \"巡察整改\"};</script></head>"
            "<body><div id='app'></div><script src='/static/app.js'></script>"
            "<noscript>请启用脚本</noscript></body></html>")
    path = _target(folder, name)
    path.write_text(page, encoding="utf-8")
    return path


# --- pdf ------------------------------------------------------------------------------

def write_pdf(folder: Path, name: str, lines: list[str], *, title: str | None = None,
              chars_per_line: int = 38, fake_bold_headings: bool = False,
              page_numbers: bool = False) -> Path:
    """A text PDF drawn with reportlab's built-in Chinese CID font, long lines wrapped.

    fake_bold_headings draws 一、 headings twice, a hair apart, as office
    software does for bold without a bold font; page_numbers prints
    "— N —" at the foot of every page, as official documents do.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = _target(folder, name)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if title:
        pdf.setTitle(title)
    y, page = A4[1] - 60, 1

    def foot() -> None:
        if page_numbers:
            pdf.setFont("STSong-Light", 10)
            pdf.drawCentredString(A4[0] / 2, 30, f"— {page} —")

    for line in lines:
        for start in range(0, max(len(line), 1), chars_per_line):
            if y < 60:
                foot()
                pdf.showPage()
                y, page = A4[1] - 60, page + 1
            pdf.setFont("STSong-Light", 12)
            pdf.drawString(50, y, line[start:start + chars_per_line])
            if fake_bold_headings and HEADING.match(line):
                pdf.drawString(50.3, y, line[start:start + chars_per_line])
            y -= 18
    foot()
    pdf.save()
    return path


def write_scanned_pdf(folder: Path, name: str = "scan.pdf") -> Path:
    """A PDF that only draws shapes, like a scan without OCR: no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = _target(folder, name)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        for row in range(30):
            pdf.rect(50, 780 - row * 24, 400 - (row * 7 + page * 13) % 150, 10, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def write_encrypted_pdf(folder: Path, name: str = "locked.pdf") -> Path:
    """A text PDF that needs a password to open."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = _target(folder, name)
    lock = pdfencrypt.StandardEncryption("secret-user", ownerPassword="secret-owner")
    pdf = canvas.Canvas(str(path), encrypt=lock)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(50, 780, NOTICE_LINES[0][:30])
    pdf.save()
    return path


# --- docx -----------------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEADING = re.compile(r"^([一二三四五六七八九十]+)、")
SUBHEADING = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")
STEP = re.compile(r"^(\d{1,2})[.．、](?!\d)")
ABSTRACT_ID, NUM_ID = "90", "90"


def _abstract_num_xml() -> str:
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    return f'<w:abstractNum {W_NS} w:abstractNumId="{ABSTRACT_ID}">{lvls}</w:abstractNum>'


def _add_outline_numbering(document) -> None:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    first_num = numbering.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstract = parse_xml(_abstract_num_xml())
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {W_NS} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'))


def _number_paragraph(paragraph, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="{NUM_ID}"/></w:numPr>'))


def outline_level(line: str) -> tuple[int, str] | None:
    """(level, text without its marker) for 一、 / （一） / 1. lines, else None."""
    for level, pattern in enumerate((HEADING, SUBHEADING, STEP)):
        found = pattern.match(line)
        if found:
            return level, line[found.end():]
    return None


def write_numbered_docx(folder: Path, name: str, title: str, lines: list[str], *,
                        table_rows: list[list[str]] | None = None,
                        levels: tuple[int, ...] = (0, 1)) -> Path:
    """A .docx whose 一、/（一） (and with levels=(0, 1, 2) also 1.) markers are Word
    automatic numbering, not text.

    Lines that start with such a marker lose it and get a numPr instead; an
    optional table goes after the first paragraph.
    """
    import docx

    document = docx.Document()
    document.core_properties.title = title
    _add_outline_numbering(document)
    document.add_paragraph(title)
    for i, line in enumerate(lines):
        numbered = outline_level(line)
        numbered = numbered if numbered and numbered[0] in levels else None
        paragraph = document.add_paragraph(numbered[1] if numbered else line)
        if numbered:
            _number_paragraph(paragraph, numbered[0])
        if i == 0 and table_rows:
            table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
            for r, row in enumerate(table_rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    path = _target(folder, name)
    document.save(str(path))
    return path


def write_corrupt_docx(folder: Path, name: str = "broken.docx") -> Path:
    """A .docx cut short in the middle of its zip data (an interrupted download)."""
    import docx

    whole = _target(folder, f"whole-{name}")
    document = docx.Document()
    document.add_paragraph(NOTICE_LINES[0])
    document.save(str(whole))
    data = whole.read_bytes()
    whole.unlink()
    path = _target(folder, name)
    path.write_bytes(data[: len(data) // 3])
    return path


def write_old_doc(folder: Path, name: str = "old.doc") -> Path:
    """Bytes that start like an old binary Word .doc (an OLE compound file)."""
    path = _target(folder, name)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + os.urandom(1024))
    return path


# --- markdown, manifest, hostile files -------------------------------------------------

def write_md(folder: Path, name: str, front_matter: str, body: str) -> Path:
    """A markdown file; front_matter is the YAML between the --- lines ("" for none)."""
    text = f"---\n{front_matter.strip()}\n---\n{body}" if front_matter else body
    path = _target(folder, name)
    path.write_text(text, encoding="utf-8")
    return path


def write_manifest(folder: Path, rows: list[tuple[str, str]], *, encoding: str = "utf-8-sig",
                   header: str = "path,url") -> Path:
    """folder/sources.csv with the given (path, url) rows."""
    lines = [header] + [f"{p},{u}" for p, u in rows]
    path = _target(folder, "sources.csv")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    """Any bytes under any name (empty files, junk, a corrupt PDF)."""
    path = _target(folder, name)
    path.write_bytes(data)
    return path


def binary_junk(size: int = 4096) -> bytes:
    """Bytes like an image or executable: NULs and control bytes on both sides of pairs."""
    pattern = bytes(range(256))
    return (pattern * (size // 256 + 1))[:size]


def write_huge_line(folder: Path, name: str = "huge.txt", megabytes: int = 30) -> Path:
    """A UTF-8 file of one line, megabytes long, without a line break."""
    unit = "巡察整改工作持续推进,".encode()
    path = _target(folder, name)
    with open(path, "wb") as fh:
        fh.write(unit * (megabytes * 1_000_000 // len(unit)))
    return path


def make_symlink_loop(folder: Path) -> Path:
    """folder/loop/back -> folder/loop (a link to its own parent); returns the loop folder."""
    loop = Path(folder) / "loop"
    loop.mkdir(parents=True, exist_ok=True)
    (loop / "note.txt").write_text(NOTICE_LINES[0], encoding="utf-8")
    (loop / "back").symlink_to(loop, target_is_directory=True)
    return loop


def write_zip(folder: Path, name: str, members: dict[str, bytes]) -> Path:
    """A zip archive with the given members."""
    path = _target(folder, name)
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


# --- a whole input folder -------------------------------------------------------------

def write_mixed_tree(folder: Path) -> dict[str, str]:
    """An input folder with one good file per format and typical bad files.

    Returns {relative path: expected}, where expected is the source_format of
    a readable file or "error:<words in the reason>" for a file that must
    become an errors row. Files that find_input_files must skip are written
    too but are not in the map. A sources.csv gives the txt file a url.
    """
    folder = Path(folder)
    text = "\n".join(NOTICE_LINES)
    write_encoded(folder / "txt", "青溪 通报.txt", text, "gb18030")
    write_md(folder / "md", "notice.md", f"title: {NOTICE_TITLE}\ndate: 2023-06-20", text)
    write_html_page(folder / "html", "page.htm", NOTICE_TITLE, NOTICE_LINES, encoding="gbk")
    write_pdf(folder / "pdf", "notice.pdf", NOTICE_LINES)
    write_numbered_docx(folder / "docx", "notice.docx", NOTICE_TITLE, NOTICE_LINES)
    write_bytes(folder / "bad", "empty.txt", b"")
    write_old_doc(folder / "bad")
    write_scanned_pdf(folder / "bad")
    write_bytes(folder / "bad", "junk.txt", binary_junk())
    for skipped in (".hidden.txt", "~$notice.docx", "notes.json", "page_files/logo.png"):
        write_bytes(folder / ("html" if skipped.startswith("page_") else "bad"), skipped, b"x")
    write_manifest(folder, [("txt\\青溪 通报.txt", "https://www.qingxi.gov.cn/tjj/1.html")])
    return {
        "bad/empty.txt": "error:empty file",
        "bad/junk.txt": "error:binary",
        "bad/old.doc": "error:old Word .doc",
        "bad/scan.pdf": "error:OCR",
        "docx/notice.docx": "docx",
        "html/page.htm": "html",
        "md/notice.md": "md",
        "pdf/notice.pdf": "pdf",
        "txt/青溪 通报.txt": "txt",
    }
