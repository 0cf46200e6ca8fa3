"""The few objects that travel between stages: Document, Fact, Problem."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """One input file, read into text.

    `text` is the text as the reader found it (main text only for web pages);
    `title` the document's own title when the format carries one (front matter,
    <title>/<h1>, PDF or DOCX title), else "";
    `metadata` holds what the file says about itself: for example
    publish_date (ISO string), url, site, tags, publisher, doc_number;
    `source_path` is relative to the input folder, `/`-separated.
    """

    text: str
    source_path: str
    source_format: str
    title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    url: str | None = None


@dataclass
class Fact:
    """One extracted value with the evidence it came from.

    `start`/`end` are character offsets of the match in the normalised text;
    `evidence` is the sentence around it.
    """

    field: str
    value: Any
    unit: str
    evidence: str
    start: int
    end: int


@dataclass
class Problem:
    """One problem the notice lists, with the text of its rectification."""

    problem_no: int
    problem: str
    rectification: str = ""
    aspect: str | None = None
    status: str = "unknown"
    start: int = -1
    end: int = -1
    amounts_wan: float | None = None
