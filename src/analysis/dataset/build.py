"""build_dataset: a folder of notices -> the four tables of SCHEMA.md.

Each file goes through: read (readers) -> normalise and extract fields (fields)
-> segment problems (problems) -> classify problems (classify). A file that
fails at any stage becomes one `errors` row with a reason a person can act on;
the rest of the build goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.document import Document, Fact, Problem
from analysis.schema import conform
from analysis.text.normalize import doc_id_of_simplified

MAX_BYTES = 50_000_000      # a larger file is reported, not read
MAX_CHARS = 500_000         # a longer text is no single notice: reported, not parsed


@dataclass
class NoticeResult:
    """Everything the build keeps of one readable file."""

    row: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def process_document(doc: Document) -> NoticeResult:
    """Extract the notice row, its problems and its facts from one Document."""
    from analysis.fields import extract_notice_fields
    from analysis.fields.headline_money import problem_recovered_wan
    from analysis.problems.segment import extract_problems

    nt, values, facts = extract_notice_fields(doc)
    problems = extract_problems(nt, values.get("doc_type"))
    for p in problems:
        p.amounts_wan = problem_recovered_wan(p.rectification or "")
    row = dict(values)
    row.update(
        doc_id=doc_id_of_simplified(nt.match),
        source_path=doc.source_path,
        source_format=doc.source_format,
        url=doc.url or values.get("url") or doc.metadata.get("url"),
        title=values.get("title") or nt.title or None,
        problems_listed=len(problems),
        n_chars=len(nt.text),
    )
    if "anonymized" not in row:
        row["anonymized"] = False
    return NoticeResult(row=row, problems=problems, facts=facts)


def _read_all(root: Path, files: list[Path], max_bytes: int,
              progress: Callable[[Iterable], Iterable]) -> Iterable[tuple[Path, Any]]:
    from analysis.readers import read_document
    from analysis.readers.errors import ReadError

    for path in progress(files):
        try:
            doc = read_document(path, root, max_bytes=max_bytes)
            if len(doc.text) > MAX_CHARS:
                raise ReadError(f"text too long ({len(doc.text):,} characters) — "
                                "not a single notice; split the file")
            yield path, process_document(doc)
        except ReadError as exc:
            yield path, str(exc)
        except Exception as exc:  # a parser bug must not cost the rest of the build
            yield path, f"could not parse ({type(exc).__name__}: {str(exc)[:120]})"


def _progress_bar(total: int, enabled: bool) -> Callable[[Iterable], Iterable]:
    if not enabled or total < 2:
        return lambda it: it
    from tqdm import tqdm
    return lambda it: tqdm(it, total=total, desc="notices", unit="file", file=sys.stderr,
                           dynamic_ncols=True, leave=False)


def build_dataset(input_dir: str | Path, *, max_bytes: int = MAX_BYTES,
                  overrides_path: Path | None = None,
                  progress: bool = False) -> dict[str, pd.DataFrame]:
    """Read every supported file under input_dir and return the four tables.

    Duplicates (the same normalised text under two names) share a doc_id; every
    copy after the first carries `duplicate_of` = the first copy's source_path,
    and its problems and facts are not repeated.
    """
    from analysis.readers import find_input_files, printable_name, read_manifest

    root = Path(input_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    files = find_input_files(root)
    manifest = read_manifest(root)
    notices, problems, facts, errors = [], [], [], []
    first_path: dict[str, str] = {}
    for path, result in _read_all(root, files, max_bytes, _progress_bar(len(files), progress)):
        rel = printable_name(path.relative_to(root).as_posix())
        if isinstance(result, str):
            errors.append({"source_path": rel, "error": result})
            continue
        row = result.row
        row["url"] = manifest.get(rel) or row.get("url")
        doc_id = row["doc_id"]
        row["duplicate_of"] = first_path.get(doc_id)
        notices.append(row)
        if row["duplicate_of"]:
            continue
        first_path[doc_id] = rel
        problems.extend(_problem_row(doc_id, p) for p in result.problems)
        facts.extend(_fact_row(doc_id, f) for f in result.facts)
    tables = {
        "notices": conform("notices", notices),
        "problems": _classify(conform("problems", problems), overrides_path),
        "facts": conform("facts", facts),
        "errors": conform("errors", errors),
    }
    return tables


def _problem_row(doc_id: str, p: Problem) -> dict[str, Any]:
    return {"doc_id": doc_id, "problem_no": p.problem_no, "aspect": p.aspect,
            "problem": p.problem, "rectification": p.rectification, "status": p.status,
            "amounts_wan": p.amounts_wan}


def _fact_row(doc_id: str, f: Fact) -> dict[str, Any]:
    value = f.value
    if isinstance(value, bool):
        value = str(value).lower()
    elif isinstance(value, float):
        value = f"{value:g}" if abs(value) < 1e15 else str(value)
    return {"doc_id": doc_id, "field": f.field, "value": value, "unit": f.unit,
            "evidence": f.evidence, "start": f.start, "end": f.end}


def _classify(problems: pd.DataFrame, overrides_path: Path | None) -> pd.DataFrame:
    """Fill the category columns; analyst overrides win (category_source=manual)."""
    if problems.empty:
        return problems
    from analysis.classify import apply_overrides, classify_texts

    results = classify_texts(problems["problem"].fillna("").tolist())
    problems["category"] = [r.category for r in results]
    problems["categories"] = [";".join(r.categories) for r in results]
    problems["category_source"] = [r.source for r in results]
    problems["category_reason"] = [" ".join(r.matched) or None for r in results]
    problems = apply_overrides(problems, overrides_path)
    return conform("problems", problems.to_dict("records"))
