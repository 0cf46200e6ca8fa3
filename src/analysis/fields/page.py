"""Page-level fields: title, body start, publish_date, url, doc_type.

`extract_page_fields` runs first: it sets `nt.title` and `nt.body_start` for the
extractors after it, and returns the facts "title", "publish_date", "url" and
"doc_type". Layout rules live in page_layout, dates in page_dates, the doc_type
rule in page_doctype.
"""
from __future__ import annotations

import re

from analysis.document import Fact
from analysis.fields.context import NoticeText
from analysis.fields.page_dates import find_publish_date
from analysis.fields.page_doctype import parse_doc_type
from analysis.fields.page_layout import TITLE_STRONG, Layout, clean_title, find_layout, is_chrome
from analysis.text.normalize import to_simplified

_TITLE_WORDS = re.compile(r"巡察|巡视|整改|反馈|通报|报告|公告|通知|关于|方案|情况")
_META_TITLE = re.compile(r"标\s*题\s*:\s*(.{6,})$")


def _meaningful(title: str) -> bool:
    """A reader title worth keeping: Chinese, long enough, about the notice."""
    simple = to_simplified(title)
    if is_chrome(simple) or not _TITLE_WORDS.search(simple):
        return False
    return len(simple) >= 10 or bool(TITLE_STRONG.search(simple))


def _metadata_title(layout: Layout) -> tuple[str, int, int] | None:
    """标题:… in a disclosure metadata block."""
    for line in layout.chrome:
        m = _META_TITLE.search(line.match)
        if m:
            start = line.start + m.start(1)
            return line.text[m.start(1):].strip(), start, line.end
    return None


def _title_fact(nt: NoticeText, layout: Layout) -> Fact | None:
    reader = clean_title(nt.title)[0] if nt.title else ""
    strong = bool(TITLE_STRONG.search(to_simplified(reader)))
    if reader and _meaningful(reader) and (strong or not layout.title):
        at = nt.text.find(reader)
        if at >= 0:
            return nt.fact("title", reader, "", at, at + len(reader))
        return Fact("title", reader, "", reader, -1, -1)
    if meta := _metadata_title(layout):
        return nt.fact("title", meta[0], "", meta[1], meta[2])
    if layout.title:
        return Fact("title", layout.title, "", layout.title, layout.title_start, layout.title_end)
    if len(reader) >= 10 and not is_chrome(to_simplified(reader)):
        return Fact("title", reader, "", reader, -1, -1)
    return None


def _url_fact(nt: NoticeText) -> Fact | None:
    url = nt.metadata.get("url")
    if isinstance(url, str) and url.strip():
        return Fact("url", url.strip(), "", url.strip(), -1, -1)
    return None


def extract_page_fields(nt: NoticeText, found: dict[str, Fact]) -> list[Fact]:
    """Set nt.title and nt.body_start; return title, publish_date, url, doc_type facts."""
    layout = nt.layout = find_layout(nt.text, nt.match)
    nt.body_start = layout.body_start
    facts: list[Fact] = []
    title = _title_fact(nt, layout)
    nt.title = title.value if title else ""
    if title:
        facts.append(title)
    date = find_publish_date(nt.text, nt.match, layout, nt.metadata)
    if date:
        iso, start, end = date
        if start < 0:
            facts.append(Fact("publish_date", iso, "date", f"publish_date: {iso}", -1, -1))
        else:
            facts.append(nt.fact("publish_date", iso, "date", start, end))
    if url := _url_fact(nt):
        facts.append(url)
    facts.append(_doc_type_fact(nt, title))
    return facts


def _doc_type_fact(nt: NoticeText, title: Fact | None) -> Fact:
    simple_title = to_simplified(nt.title)
    # a page whose layout leaves no body (a document viewer's page list) is read whole
    body_start = nt.body_start if nt.body.strip() else 0
    cue = parse_doc_type(simple_title, nt.match[body_start:])
    if cue.where == "body":
        start, end = body_start + cue.start, body_start + cue.end
        return nt.fact("doc_type", cue.doc_type, "", start, end)
    evidence = nt.title if cue.where == "title" else ""
    start = title.start if title and cue.where == "title" else -1
    end = title.end if title and cue.where == "title" else -1
    return Fact("doc_type", cue.doc_type, "", evidence, start, end)
