"""Files a real input folder holds by mistake: each gives a ReadError a person can act on."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
import readers_fixtures as fx  # noqa: E402

from analysis.readers import ReadError, find_input_files, read_document  # noqa: E402
from analysis.readers.encoding import decode_bytes  # noqa: E402


def _truncated_pdf(folder: Path) -> Path:
    whole = fx.write_pdf(folder, "whole.pdf", fx.NOTICE_LINES)
    data = whole.read_bytes()
    whole.unlink()
    return fx.write_bytes(folder, "cut.pdf", data[:300])


def _renamed_workbook(folder: Path) -> Path:
    # an .xlsx package renamed .docx
    return fx.write_zip(folder, "table.docx", {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.'
                               b'openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": b"<workbook/>"})


HOSTILE = [
    # (what, maker, words the reason must hold)
    ("empty .txt", lambda d: fx.write_bytes(d, "empty.txt", b""), ["empty"]),
    ("whitespace only", lambda d: fx.write_bytes(d, "blank.txt", b" \r\n\t\n\xe3\x80\x80\n"),
     ["empty"]),  # includes an ideographic space
    ("UTF-16 whitespace only", lambda d: fx.write_bytes(d, "blank16.txt",
                                                        "\ufeff \n \n".encode("utf-16-le")),
     ["empty"]),
    ("empty .md front matter only", lambda d: fx.write_md(d, "fm.md", "title: 空", ""), ["empty"]),
    ("binary junk named .txt", lambda d: fx.write_bytes(d, "junk.txt", fx.binary_junk()),
     ["binary", "download"]),
    ("old Word .doc", fx.write_old_doc, ["old Word .doc", "save as .docx"]),
    ("old .doc renamed .docx", lambda d: fx.write_old_doc(d, "renamed.docx"),
     ["old Word .doc", ".docx"]),
    ("corrupt .docx", fx.write_corrupt_docx, ["not a valid .docx", "re-save"]),
    ("text renamed .docx", lambda d: fx.write_bytes(d, "t.docx", "巡察整改".encode()),
     ["not a valid .docx"]),
    ("workbook renamed .docx", _renamed_workbook, ["Excel workbook renamed .docx"]),
    ("corrupt .pdf", _truncated_pdf, ["not a valid PDF"]),
    ("HTML saved as .pdf", lambda d: fx.write_bytes(d, "page.pdf", b"<html>404</html>"),
     ["not a valid PDF"]),
    ("scanned .pdf", fx.write_scanned_pdf, ["no text layer", "OCR"]),
    ("password .pdf", fx.write_encrypted_pdf, ["password"]),
    ("scripts-only HTML", fx.write_scripts_only_page, ["no readable text", "scripts"]),
    ("markup without text", lambda d: fx.write_bytes(d, "e.html", b"<html><body> </body></html>"),
     ["no readable text"]),
    ("zip archive", lambda d: fx.write_zip(d, "notices.zip", {"a.txt": b"x"}), ["unpack"]),
    ("image", lambda d: fx.write_bytes(d, "scan.jpg", b"\xff\xd8\xff\xe0" + fx.binary_junk()),
     ["image", "OCR"]),
    ("WPS document", lambda d: fx.write_bytes(d, "a.wps", b"\xd0\xcf\x11\xe0" + bytes(600)),
     ["WPS", ".docx"]),
    ("RTF named .doc", lambda d: fx.write_bytes(d, "r.doc", b"{\\rtf1\\ansi hello}"), ["RTF"]),
    ("unknown suffix", lambda d: fx.write_bytes(d, "notes.xyz", b"abc"),
     ["unsupported file type", ".xyz"]),
    ("unfinished download", lambda d: fx.write_bytes(d, "a.pdf.crdownload", b"%PDF-1.4"),
     ["PDF"]),  # the bytes say PDF, but it is cut: a damaged PDF
    ("web archive without a page", lambda d: fx.write_bytes(d, "x.mht", (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: image/gif\r\n\r\nGIF89a\r\n--b--\r\n")), ["no HTML page"]),
    ("folder named .txt", lambda d: (d / "dir.txt").mkdir() or d / "dir.txt", ["folder"]),
    ("missing file", lambda d: d / "gone.txt", ["not found"]),
]


@pytest.mark.parametrize("what,maker,words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_gives_reason(tmp_path, what, maker, words):
    path = maker(tmp_path)
    with pytest.raises(ReadError) as raised:
        read_document(path, tmp_path)
    reason = str(raised.value)
    for word in words:
        assert word in reason, f"{what}: {reason!r}"
    assert "Traceback" not in reason and len(reason) < 160


def test_html_error_page_still_returns_its_text(tmp_path):
    # the pipeline, not the reader, decides that a 404 page is no notice
    doc = read_document(fx.write_error_page(tmp_path), tmp_path)
    assert "页面不存在" in doc.text
    assert doc.source_format == "html"


def test_html_with_control_characters(tmp_path):
    # stray control bytes from a bad conversion: lxml refuses them in a tree
    page = fx.page_html(fx.NOTICE_TITLE, fx.NOTICE_LINES).replace("根据", "根\x01据", 1)
    path = fx.write_bytes(tmp_path, "ctl.html", page.encode("utf-8") + b"\x00")
    doc = read_document(path, tmp_path)
    assert doc.text.split("\n")[0] == fx.NOTICE_LINES[0]


BROKEN_FRONT_MATTER = [
    # (front matter, metadata the reader keeps); the notice itself is always read
    ("title: 通报\ndate: 2023-17-32", {"title": "通报", "date": "2023-17-32"}),   # no such date
    ("date: 2023-02-30\ntitle: 通报", {"title": "通报", "date": "2023-02-30"}),   # 30 February
    ("date: 2024-04-31", {"date": "2024-04-31"}),
    ("title: [未闭合\ndate: 2023-04-18", {"date": "2023-04-18",                   # one bad line
                                          "publish_date": "2023-04-18"}),
    ("title: 通报\n\tdate: 2023-04-18", {"title": "通报"}),   # a tab breaks the YAML
    ("title: \"未闭合\n: 无键", {}),                     # no line that reads on its own
    ("date: 2023-04-18T25:61:00", {"date": "2023-04-18T25:61:00",     # the day is still good
                                  "publish_date": "2023-04-18"}),
    ("tags: {巡察: [1, 2}\ntitle: 通报", {"title": "通报"}),
]


@pytest.mark.parametrize("front, kept", BROKEN_FRONT_MATTER, ids=[f[0][:16] for f in BROKEN_FRONT_MATTER])
def test_broken_front_matter_keeps_the_notice(tmp_path, front, kept):
    path = fx.write_md(tmp_path, "n.md", front, "\n".join(fx.NOTICE_LINES))
    doc = read_document(path, tmp_path)
    assert doc.text == "\n".join(fx.NOTICE_LINES)
    assert doc.metadata == kept
    assert doc.title == kept.get("title", "")


def test_front_matter_alias_chain_is_refused_quickly(tmp_path):
    # `&a` … `*a` chains expand exponentially when walked: aliases are not read
    front = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi"))
    path = fx.write_md(tmp_path, "bomb.md", front, "\n".join(fx.NOTICE_LINES))
    started = time.perf_counter()
    doc = read_document(path, tmp_path)
    assert time.perf_counter() - started < 2
    assert doc.metadata == {"a": ["x"] * 9}
    assert doc.text == "\n".join(fx.NOTICE_LINES)


def _docx_with_core(folder: Path, core: bytes | None) -> Path:
    """A notice .docx whose properties part (docProps/core.xml) is replaced by `core`,
    or whose body part is broken too when core is None."""
    import zipfile
    path = fx.write_numbered_docx(folder, "whole.docx", fx.NOTICE_TITLE, fx.NOTICE_LINES)
    with zipfile.ZipFile(path) as package:
        parts = {i.filename: package.read(i.filename) for i in package.infolist()}
    broken = folder / "broken-props.docx"
    with zipfile.ZipFile(broken, "w") as out:
        for name, data in parts.items():
            if name == "docProps/core.xml":
                data = core if core is not None else b"<cp:coreProperties><dc:title>"
            elif name == "word/document.xml" and core is None:
                data = data[: len(data) // 2]
            out.writestr(name, data)
    return broken


@pytest.mark.parametrize("core", [
    b"<cp:coreProperties><dc:title>",                  # not XML: cut in the middle
    "<?xml version='1.0' encoding='gbk'?><a>标题".encode("gbk"),  # wrong header, unclosed
    b"",                                                # an empty part
])
def test_docx_with_broken_properties_keeps_its_text(tmp_path, core):
    doc = read_document(_docx_with_core(tmp_path, core), tmp_path)
    assert fx.NOTICE_LINES[0] in doc.text
    assert doc.title == ""


def test_docx_with_broken_properties_and_body_is_damaged(tmp_path):
    with pytest.raises(ReadError, match="not a valid .docx"):
        read_document(_docx_with_core(tmp_path, None), tmp_path)


def test_chinese_name_with_spaces(tmp_path):
    path = fx.write_encoded(tmp_path / "2023年 巡察", "青溪区 统计局 整改通报（第二轮）.txt",
                            "\n".join(fx.NOTICE_LINES), "gb18030")
    assert find_input_files(tmp_path) == [path]
    doc = read_document(path, tmp_path)
    assert doc.source_path == "2023年 巡察/青溪区 统计局 整改通报（第二轮）.txt"
    assert doc.text.split("\n") == fx.NOTICE_LINES


def test_gbk_bytes_file_name(tmp_path):
    # a zip made on Chinese Windows, unpacked on Linux: the name is GBK bytes
    raw = os.path.join(os.fsencode(tmp_path), "澜江 通报.txt".encode("gbk"))
    with open(raw, "wb") as fh:
        fh.write("\n".join(fx.NOTICE_LINES).encode("gbk"))
    [path] = find_input_files(tmp_path)
    doc = read_document(path, tmp_path)
    assert doc.source_path == "澜江 通报.txt"
    assert doc.text.split("\n") == fx.NOTICE_LINES


def test_huge_html_page_reads_in_seconds(tmp_path):
    path = fx.write_html_page(tmp_path, "big.html", fx.NOTICE_TITLE, fx.NOTICE_LINES * 15_000)
    assert path.stat().st_size > 9_000_000
    started = time.perf_counter()
    doc = read_document(path, tmp_path)
    assert time.perf_counter() - started < 20
    assert doc.text.count("巡察整改进展情况予以公布") == 15_000


def test_symlink_loop_ends(tmp_path):
    fx.make_symlink_loop(tmp_path)
    (tmp_path / "self").symlink_to(tmp_path, target_is_directory=True)
    rel = [p.relative_to(tmp_path).as_posix() for p in find_input_files(tmp_path)]
    assert rel == ["loop/note.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_read(tmp_path):
    # opening a pipe would wait for a writer forever
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert find_input_files(tmp_path) == []
    with pytest.raises(ReadError, match="not a regular file"):
        read_document(pipe, tmp_path)


def test_broken_link_is_listed_and_reported(tmp_path):
    link = tmp_path / "moved.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert find_input_files(tmp_path) == [link]
    with pytest.raises(ReadError, match="broken link"):
        read_document(link, tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="the superuser can read any file")
def test_unreadable_file(tmp_path):
    path = fx.write_encoded(tmp_path, "locked.txt", "巡察", "utf-8")
    path.chmod(0)
    with pytest.raises(ReadError, match="permission"):
        read_document(path, tmp_path)


def test_permission_error_reason(tmp_path, monkeypatch):
    # the same path as a chmod 000 file, for runs as the superuser
    import analysis.readers.dispatch as dispatch

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    path = fx.write_encoded(tmp_path, "locked.txt", "巡察", "utf-8")
    monkeypatch.setattr(dispatch, "open", refuse, raising=False)
    with pytest.raises(ReadError, match="permission denied"):
        read_document(path, tmp_path)


def test_huge_single_line_reads_in_seconds(tmp_path):
    path = fx.write_huge_line(tmp_path, megabytes=30)
    started = time.perf_counter()
    doc = read_document(path, tmp_path)
    assert time.perf_counter() - started < 20
    assert len(doc.text) > 9_000_000 and "\n" not in doc.text


def test_huge_gb18030_line_reads_in_seconds(tmp_path):
    text = "澜江市巡察整改工作持续推进," * 800_000  # about 20 MB in GB18030
    path = fx.write_bytes(tmp_path, "big.txt", text.encode("gb18030"))
    started = time.perf_counter()
    assert read_document(path, tmp_path).text == text
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.pdf", "a.docx"])
def test_oversize_file(tmp_path, name):
    path = fx.write_bytes(tmp_path, name, b"x" * 3_000_000)
    with pytest.raises(ReadError) as raised:
        read_document(path, tmp_path, max_bytes=1_000_000)
    assert "file too large (3.0 MB > 1 MB limit)" in str(raised.value)
    assert "--max-mb" in str(raised.value)


def test_unexpected_exception_is_wrapped(tmp_path, monkeypatch):
    import analysis.readers.txt as txt

    def explode(path):
        raise RuntimeError("boom " * 100)

    monkeypatch.setattr(txt, "read_txt", explode)
    path = fx.write_encoded(tmp_path, "a.txt", "巡察", "utf-8")
    with pytest.raises(ReadError) as raised:
        read_document(path, tmp_path)
    reason = str(raised.value)
    assert reason.startswith("could not read: RuntimeError: boom")
    assert len(reason) < 160


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_decode_bytes_never_fails_otherwise(data):
    try:
        text = decode_bytes(data)
    except ReadError as exc:
        assert "binary" in str(exc)
    else:
        assert isinstance(text, str) and "\r" not in text


SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ".doc"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2000),
                      st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0"]).flatmap(
                          lambda head: st.binary(max_size=500).map(lambda tail: head + tail))),
       suffix=st.sampled_from(SUFFIXES))
def test_read_document_raises_only_read_error(tmp_path, data, suffix):
    path = fx.write_bytes(tmp_path, f"any{suffix}", data)
    try:
        doc = read_document(path, tmp_path)
    except ReadError as exc:
        assert str(exc)
    else:
        assert doc.text.strip()
