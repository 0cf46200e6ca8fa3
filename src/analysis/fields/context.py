"""NoticeText: the normalised text of one notice, as every field extractor sees it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analysis.document import Document, Fact
from analysis.text.normalize import normalize_text, to_simplified

_SENTENCE_END = re.compile(r"[。;!?\n]")


@dataclass
class NoticeText:
    """What extractors read.

    text:       the normalised text (analysis.text.normalize); facts' offsets index it
    match:      to_simplified(text), the same length: run patterns on this, take
                as-written values from `text[start:end]`
    title:      the notice's title (set by fields.page), "" when none
    body_start: offset where the body begins after page chrome (set by fields.page)
    metadata:   the reader's Document.metadata (publish_date, url, ...)
    layout:     title, chrome and header lines found by fields.page (reused, not redone)
    """

    text: str
    match: str
    title: str = ""
    body_start: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)
    layout: Any = None          # fields.page_layout.Layout, once fields.page has found it

    @classmethod
    def from_document(cls, doc: Document) -> NoticeText:
        text = normalize_text(doc.text)
        return cls(text=text, match=to_simplified(text),
                   title=normalize_text(doc.title or ""), metadata=dict(doc.metadata))

    @property
    def body(self) -> str:
        """The simplified body text (after chrome), for matching."""
        return self.match[self.body_start:]

    def fact(self, field_name: str, value: Any, unit: str, start: int, end: int) -> Fact:
        """A Fact whose evidence is the sentence holding text[start:end]."""
        return Fact(field_name, value, unit, evidence_sentence(self.text, start, end), start, end)


def evidence_sentence(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence (between 。;!? or line breaks) that holds text[start:end].

    >>> evidence_sentence("前言。截至目前,已完成41个。下一步", 8, 11)
    '截至目前,已完成41个。'
    """
    lo = max(0, start - limit)
    left = start   # back to the last sentence end before start, at most `limit` back
    if start > 0 and limit > 0:
        left = max(text.rfind("。", lo, start), text.rfind(";", lo, start), text.rfind("!", lo, start),
                   text.rfind("?", lo, start), text.rfind("\n", lo, start)) + 1 or lo
    m = _SENTENCE_END.search(text, max(end, start))
    right = m.end() if m and m.end() - end < limit else min(len(text), end + limit)
    return text[left:right].strip()
