"""The per-file step: one input file -> its notice row, problems, facts and signature.

`process_file` is a pure function of the file's bytes and the code: it is what the
process pool runs and what the cache keeps. A file that cannot be read gives a
FileResult with `error` set (a reason a person can act on) and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.classify import classify_texts
from analysis.dataset.agencies import canonical_agency
from analysis.dataset.signature import Signature, text_signature
from analysis.document import Document, Fact, Problem
from analysis.fields import extract_notice_fields
from analysis.fields.headline_money import problem_recovered_wan
from analysis.problems.segment import extract_problems
from analysis.readers import MAX_BYTES, ReadError, read_document
from analysis.text.normalize import doc_id_of_simplified

MAX_CHARS = 500_000         # a longer text is no single notice: reported, not parsed


@dataclass(slots=True)         # no __dict__: a corpus holds one summary per file
class FileResult:
    """Everything the build keeps of one input file."""

    source_path: str
    error: str | None = None
    row: dict[str, Any] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    signature: Signature | None = None
    n_facts: int = 0            # kept when the facts are left out of a summary


def process_document(doc: Document) -> FileResult:
    """Extract the notice row, its problems (classified) and its facts from one Document."""
    nt, values, facts = extract_notice_fields(doc)
    problems = extract_problems(nt, values.get("doc_type"))
    doc_id = doc_id_of_simplified(nt.match)
    row = dict(values)
    row.update(
        doc_id=doc_id,
        source_path=doc.source_path,
        source_format=doc.source_format,
        url=doc.url or values.get("url") or doc.metadata.get("url"),
        title=values.get("title") or nt.title or None,
        problems_listed=len(problems),
        n_chars=len(nt.text),
    )
    row.setdefault("anonymized", False)
    row["rate_stated"] = _rate_is_stated(nt.text, facts)
    row["agency"] = canonical_agency(values.get("inspected_org"), values.get("province"),
                                     values.get("city"), values.get("county"),
                                     texts=(nt.title, nt.match))
    # columns with no value are left out (the notices table fills them in): a row half the
    # size in the cache and in the memory of the corpus step
    row = {column: value for column, value in row.items() if value is not None}
    return FileResult(source_path=doc.source_path, row=row,
                      problems=problem_rows(doc_id, problems),
                      facts=[fact_row(doc_id, f) for f in facts],
                      signature=text_signature(nt.body), n_facts=len(facts))


def _rate_is_stated(text: str, facts: list[Fact]) -> bool | None:
    """Whether the completion rate is the notice's own percentage (else computed, or none)."""
    rate = next((f for f in facts if f.field == "completion_rate"), None)
    if rate is None:
        return None
    return "%" in text[rate.start:rate.end] or "％" in text[rate.start:rate.end]


def process_file(path: Path, root: Path, max_bytes: int = MAX_BYTES) -> FileResult:
    """Read and extract one file; a failure at any stage becomes `error`, never an exception."""
    rel = path.relative_to(root).as_posix()
    try:
        doc = read_document(path, root, max_bytes=max_bytes)
        if len(doc.text) > MAX_CHARS:
            raise ReadError(f"text too long ({len(doc.text):,} characters) — "
                            "not a single notice; split the file")
        return process_document(doc)
    except ReadError as exc:
        return FileResult(source_path=rel, error=str(exc))
    except Exception as exc:  # a parser bug must not cost the rest of the build
        return FileResult(source_path=rel,
                          error=f"could not parse ({type(exc).__name__}: {str(exc)[:120]})")


def problem_rows(doc_id: str, problems: list[Problem]) -> list[dict[str, Any]]:
    """problems rows, each with its money; categories come from `classify_results`."""
    return [{"doc_id": doc_id, "problem_no": p.problem_no, "aspect": p.aspect,
             "problem": p.problem, "rectification": p.rectification, "status": p.status,
             "amounts_wan": problem_recovered_wan(p.rectification or "")}
            for p in problems]


def classify_results(results: list[FileResult]) -> list[FileResult]:
    """Fill the category columns of every problem of `results`, in one batch (the model's
    fixed cost is paid once per batch, not once per file). Overrides come later."""
    rows = [row for result in results for row in result.problems]
    for row, r in zip(rows, classify_texts([row["problem"] or "" for row in rows])):
        row.update(category=r.category, categories=";".join(r.categories),
                   category_source=r.source, category_reason=" ".join(r.matched) or None)
    return results


def fact_row(doc_id: str, f: Fact) -> dict[str, Any]:
    """A facts row: the value as stored, written the same way every time."""
    value = f.value
    if isinstance(value, bool):
        value = str(value).lower()
    elif isinstance(value, float):
        value = f"{value:g}" if abs(value) < 1e15 else str(value)
    return {"doc_id": doc_id, "field": f.field, "value": value, "unit": f.unit,
            "evidence": f.evidence, "start": f.start, "end": f.end}

