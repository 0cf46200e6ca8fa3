"""Score a build against a gold file (one JSON object per line, keyed by file stem).

For each field: right (equal, or an accepted alternative), wrong (a different
value), miss (empty where gold has a value), invented (a value where gold has
none). Problem segmentation: gold statements found (difflib ratio >= 0.8) over
gold count plus extras.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.dataset.build import build_dataset
from analysis.text.normalize import strip_pinyin, to_simplified

INT_FIELDS = {"inspection_round", "inspection_group", "problems_total", "aspects_total",
              "problems_completed", "problems_in_progress", "measures_total", "rules_total",
              "people_handled"}
SKIP = {"id", "problems", "amounts", "accept"}
ORG_WORDS = re.compile("中共|党组织|党组|党委")


def normalise_value(value: Any) -> str | None:
    """Compare-ready form: NFKC, no spaces or pinyin, simplified characters.

    >>> normalise_value(" 區委第一巡察組 ")
    '区委第一巡察组'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    s = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
    s = to_simplified(strip_pinyin(s))
    return s or None


def same_value(field: str, gold: Any, got: Any) -> bool:
    """Whether a built value matches a gold value, by the field's rule."""
    got = normalise_value(got)
    if field == "inspection_kind":
        want = set(gold or [])
        have = set((got or "").split(";")) - {""}
        return not have if not want else gold[0] in have
    if gold is None or gold == []:
        return got is None
    if got is None:
        return False
    try:
        if field in INT_FIELDS:
            return int(float(got)) == int(gold)
        if field == "completion_rate":
            return abs(float(got) - float(gold)) <= 0.15
        if field == "recovered_wan":
            return abs(float(got) - float(gold)) <= max(1e-4, 1e-3 * abs(float(gold)))
    except ValueError:
        return False
    if field == "inspected_org":
        a, b = ORG_WORDS.sub("", normalise_value(gold) or ""), ORG_WORDS.sub("", got)
        return a == b or (len(a) >= 3 and a in b) or (len(b) >= 3 and b in a)
    if isinstance(gold, bool):
        return got.lower() == str(gold).lower()
    return normalise_value(gold) == got


def problem_score(want: list[str], got: list[str]) -> float:
    """Share of gold problems found, with extras counted against."""
    if not want:
        return 1.0 if not got else 0.0
    norm = [normalise_value(x) or "" for x in got]
    matched = sum(1 for w in want
                  if any(SequenceMatcher(None, normalise_value(w) or "", x).ratio() >= 0.8
                         for x in norm))
    return matched / (len(want) + max(0, len(got) - len(want)))


@dataclass
class Report:
    fields: pd.DataFrame      # field, right, wrong, miss, invented, n, accuracy
    problems: pd.DataFrame    # id, want, got, score
    missing_docs: int

    def summary_lines(self) -> list[str]:
        f = self.fields
        right, n = int(f["right"].sum()), int(f["n"].sum())
        seg = self.problems["score"].mean() if len(self.problems) else float("nan")
        return [f"docs missing from the build: {self.missing_docs}",
                f"overall field accuracy {right / max(n, 1):.1%} ({right}/{n}); "
                f"wrong {int(f['wrong'].sum())}, missed {int(f['miss'].sum())}, "
                f"invented {int(f['invented'].sum())}",
                f"problem segmentation {seg:.1%} over {len(self.problems)} docs"]


def score_tables(gold: list[dict], notices: pd.DataFrame, problems: pd.DataFrame) -> Report:
    """Compare built tables with gold records."""
    by_stem = {Path(p).stem: row for p, row in zip(notices["source_path"],
                                                   notices.to_dict("records"))}
    fields = [k for k in dict.fromkeys(k for g in gold for k in g) if k not in SKIP]
    counts = {f: dict(right=0, wrong=0, miss=0, invented=0, n=0) for f in fields}
    seg_rows, missing = [], 0
    for g in gold:
        row = by_stem.get(g["id"])
        missing += row is None
        for f in fields:
            gv = g.get(f)
            got = None if row is None else row.get(f)
            if got is not None and not isinstance(got, str) and pd.isna(got):
                got = None
            alts = [gv, *((g.get("accept") or {}).get(f, []))]
            c = counts[f]
            c["n"] += 1
            if row is not None and any(same_value(f, a, got) for a in alts):
                c["right"] += 1
            elif normalise_value(got) is None:
                c["miss"] += 1
            elif gv in (None, [], ""):
                c["invented"] += 1
            else:
                c["wrong"] += 1
        got_p = [] if row is None else problems.loc[problems["doc_id"] == row["doc_id"],
                                                    "problem"].fillna("").tolist()
        want_p = [p["text"] for p in g.get("problems", [])]
        seg_rows.append({"id": g["id"], "want": len(want_p), "got": len(got_p),
                         "score": problem_score(want_p, got_p)})
    table = pd.DataFrame([{"field": f, **c} for f, c in counts.items()])
    table["accuracy"] = (table["right"] / table["n"]).round(3)
    return Report(table, pd.DataFrame(seg_rows), missing)


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def evaluate_build(gold_path: Path, docs_dir: Path) -> Report:
    """Build docs_dir in memory and score it against gold_path."""
    tables = build_dataset(docs_dir)
    return score_tables(load_gold(gold_path), tables["notices"], tables["problems"])
