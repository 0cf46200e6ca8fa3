"""Analyst corrections: `data/labels/overrides.csv`, applied at every build.

The file has columns `doc_id,problem_no,category` (an optional `note` column and
lines starting with `#` are ignored). `category` is one category or several
`;`-joined, primary first. A matching problem row gets that category, those
categories and category_source `manual`, so a correction survives rebuilds as
long as the notice's text (hence its doc_id) and the problem's position do.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.classify.rules import CATEGORIES
from analysis.paths import overrides_path as default_path

if TYPE_CHECKING:       # pandas is imported where a table is changed, not by classifying
    import pandas as pd

OVERRIDES_FILE = "overrides.csv"


def parse_override_categories(value: str) -> list[str]:
    """Split a `;`-joined category cell, checking each name against the taxonomy.

    >>> parse_override_categories(" finance ; party_building ")
    ['finance', 'party_building']
    >>> parse_override_categories("money")
    Traceback (most recent call last):
    ...
    ValueError: unknown category 'money' (expected one of learning, finance, ...)
    """
    names = [v.strip() for v in value.split(";") if v.strip()]
    for name in names:
        if name not in CATEGORIES:
            raise ValueError(f"unknown category {name!r} (expected one of {', '.join(CATEGORIES)})")
    if not names:
        raise ValueError("empty category")
    return list(dict.fromkeys(names))


def parse_overrides(text: str, name: str = OVERRIDES_FILE) -> dict[tuple[str, int], list[str]]:
    """(doc_id, problem_no) -> categories from the CSV text; later rows win.

    >>> parse_overrides("doc_id,problem_no,category\\n# a comment\\nab12,3,duty;finance\\n")
    {('ab12', 3): ['duty', 'finance']}
    """
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    table: dict[tuple[str, int], list[str]] = {}
    for line_no, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            key = (row["doc_id"].strip(), int(str(row["problem_no"]).strip()))
            table[key] = parse_override_categories(row["category"] or "")
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"{name}: row {line_no}: {err}") from None
    return table


def read_overrides(path: Path) -> dict[tuple[str, int], list[str]]:
    """The overrides file as a lookup; a missing file means no overrides."""
    path = Path(path)
    if not path.is_file():
        return {}
    return parse_overrides(path.read_text(encoding="utf-8-sig"), path.name)


def apply_overrides(problems: pd.DataFrame, overrides_path: Path | None = None) -> pd.DataFrame:
    """Copy of `problems` with analyst categories applied (category_source=manual).

    `overrides_path` None means the default file (`analysis.paths.overrides_path()`);
    a path that does not exist means nothing to apply. A bad row (unknown
    category, non-numeric problem_no) raises ValueError naming the row.
    """
    table = read_overrides(default_path() if overrides_path is None else overrides_path)
    return apply_override_table(problems, table)


def apply_override_table(problems: pd.DataFrame,
                         table: dict[tuple[str, int], list[str]]) -> pd.DataFrame:
    """Copy of `problems` with the categories of a read overrides table applied."""
    import pandas as pd

    out = problems.copy()
    if not table or out.empty:
        return out
    for column in ("category", "categories", "category_source"):
        if column not in out.columns:
            out[column] = pd.Series([None] * len(out), index=out.index, dtype="object")
        else:
            out[column] = out[column].astype("object")
    numbers = pd.to_numeric(out["problem_no"], errors="coerce")
    for index, doc_id, number in zip(out.index, out["doc_id"].astype(str), numbers):
        categories = None if pd.isna(number) else table.get((doc_id, int(number)))
        if categories:
            out.at[index, "category"] = categories[0]
            out.at[index, "categories"] = ";".join(categories)
            out.at[index, "category_source"] = "manual"
    return out
