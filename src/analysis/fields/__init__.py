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


def _extractors():
    from analysis.fields import headline, inspection, page, places
    return (page.extract_page_fields, inspection.extract_inspection_fields,
            headline.extract_headline_fields, places.extract_place_fields)


def extract_notice_fields(doc: Document) -> tuple[NoticeText, dict[str, Any], list[Fact]]:
    """Normalise a document and extract every notice field with its facts."""
    nt = NoticeText.from_document(doc)
    found: dict[str, Fact] = {}
    facts: list[Fact] = []
    for extract in _extractors():
        for fact in extract(nt, found):
            facts.append(fact)
            found.setdefault(fact.field, fact)
    values = {name: fact.value for name, fact in found.items() if name != "amount"}
    return nt, values, facts
