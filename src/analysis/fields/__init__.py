"""Notice fields: each module returns Facts; `extract_notice_fields` runs them in order.

Every extractor has the form ``extract_*(nt: NoticeText, found: dict[str, Fact]) ->
list[Fact]``: it reads the normalised notice and the facts found so far (first fact per
field), and returns new facts. The first fact for a field gives the field's value, so
stored values and their evidence always come from the same object.
"""
from __future__ import annotations

from typing import Any

from analysis.document import Document, Fact
from analysis.fields.context import NoticeText
from analysis.fields.headline import extract_headline_fields
from analysis.fields.inspection import extract_inspection_fields
from analysis.fields.page import extract_page_fields
from analysis.fields.places import extract_place_fields

# in order: each extractor sees the facts the ones before it found
EXTRACTORS = (extract_page_fields, extract_inspection_fields, extract_headline_fields,
              extract_place_fields)


def extract_notice_fields(doc: Document) -> tuple[NoticeText, dict[str, Any], list[Fact]]:
    """Normalise a document and extract every notice field with its facts."""
    nt = NoticeText.from_document(doc)
    found: dict[str, Fact] = {}
    facts: list[Fact] = []
    for extract in EXTRACTORS:
        for fact in extract(nt, found):
            facts.append(fact)
            found.setdefault(fact.field, fact)
    values = {name: fact.value for name, fact in found.items() if name != "amount"}
    return nt, values, facts
