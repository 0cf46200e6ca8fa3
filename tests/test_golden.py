"""The five sample notices: every field and every problem equals the hand-checked gold."""
import pandas as pd
import pytest
from conftest import load_gold

from analysis.report.evaluate import problem_score, same_value

GOLD = load_gold()
SKIP = {"id", "problems", "amounts", "accept"}
CASES = [(g["id"], f) for g in GOLD for f in g if f not in SKIP]


def _row(seed_tables, doc):
    n = seed_tables["notices"]
    rows = n[n["source_path"].str.rsplit(".", n=1).str[0] == doc]
    assert len(rows) == 1, f"{doc} missing from notices"
    return rows.iloc[0]


@pytest.mark.parametrize("doc, field", CASES)
def test_notice_field(seed_tables, doc, field):
    g = next(x for x in GOLD if x["id"] == doc)
    got = _row(seed_tables, doc)[field]
    got = None if got is None or (not isinstance(got, str) and pd.isna(got)) else got
    alts = [g[field], *(g.get("accept") or {}).get(field, [])]
    assert any(same_value(field, a, got) for a in alts), f"{doc}.{field}: {got!r} != {g[field]!r}"


@pytest.mark.parametrize("doc", [g["id"] for g in GOLD])
def test_problems(seed_tables, doc):
    g = next(x for x in GOLD if x["id"] == doc)
    p = seed_tables["problems"]
    got = p.loc[p["doc_id"] == _row(seed_tables, doc)["doc_id"], "problem"].tolist()
    want = [x["text"] for x in g.get("problems", [])]
    assert len(got) == len(want)
    assert problem_score(want, got) == 1.0


@pytest.mark.parametrize("doc", [g["id"] for g in GOLD])
def test_every_stored_figure_has_its_fact(seed_tables, doc):
    row = _row(seed_tables, doc)
    facts = seed_tables["facts"]
    facts = facts[facts["doc_id"] == row["doc_id"]]
    for field in ("problems_total", "problems_completed", "completion_rate", "measures_total",
                  "rules_total", "recovered_wan", "people_handled", "inspection_start",
                  "feedback_date", "publish_date", "inspection_group"):
        if not pd.isna(row[field]):
            ev = facts[facts["field"] == field]
            assert len(ev) >= 1, f"{doc}.{field} has no facts row"
            assert ev["evidence"].iloc[0], f"{doc}.{field} has no evidence sentence"


def test_recovered_money_evidence_in_hangzhou(seed_tables):
    row = _row(seed_tables, "hangzhou-minzheng-2023")
    facts = seed_tables["facts"]
    ev = facts[(facts["doc_id"] == row["doc_id"]) & (facts["field"] == "recovered_wan")]
    assert "挽回经济损失126.44万元" in ev["evidence"].iloc[0]


def test_seed_problem_categories(seed_tables):
    """Categories of the seed problems agree with gold (primary or an accepted alternate)."""
    p = seed_tables["problems"]
    right = total = 0
    for g in GOLD:
        rows = p[p["doc_id"] == _row(seed_tables, g["id"])["doc_id"]]
        for want, cat in zip(g.get("problems", []), rows["category"]):
            total += 1
            right += cat == want["category"] or cat in want.get("alt", [])
    assert total == 53 and right / total >= 0.95
