"""The evaluate command's comparison rules."""
import pandas as pd
import pytest

from analysis.report.evaluate import problem_score, same_value, score_tables


@pytest.mark.parametrize("field, gold, got, ok", [
    ("inspector", "區委第一巡察組", "区委第一巡察组", True),      # traditional vs simplified
    ("inspected_org", "区人社局党组", "中共东西湖区人社局党组", True),   # substring after 中共/党组
    ("inspected_org", "区人社局党组", "区民政局党组", False),
    ("inspected_org", "市民政局党组", "中共杭州市民政局党组", True),
    ("inspection_kind", ["look_back", "special"], "special;look_back", True),
    ("inspection_kind", ["regular"], "special", False),
    ("inspection_kind", [], "regular", False),                  # invented kind
    ("problems_total", 44, "44.0", True),
    ("problems_total", None, "3", False),
    ("completion_rate", 93.2, "93.18", True),
    ("recovered_wan", 126.44, "126.44", True),
    ("recovered_wan", 126.44, "126.6", False),
    ("feedback_date", "2023-03-16", None, False),
])
def test_same_value(field, gold, got, ok):
    assert same_value(field, gold, got) is ok


def test_problem_score_counts_extras():
    assert problem_score(["甲问题不到位", "乙问题有差距"], ["甲问题不到位", "乙问题有差距", "丙"]) == pytest.approx(2 / 3)
    assert problem_score([], []) == 1.0 and problem_score([], ["x"]) == 0.0


def test_score_tables_counts_miss_wrong_invented():
    gold = [{"id": "a", "doc_type": "progress_report", "problems_total": 5, "rules_total": None,
             "inspection_group": 2, "problems": [{"text": "甲问题不到位"}]}]
    notices = pd.DataFrame([{"doc_id": "x", "source_path": "sub/a.txt", "doc_type": "progress_report",
                             "problems_total": None, "rules_total": 3, "inspection_group": 4}])
    problems = pd.DataFrame([{"doc_id": "x", "problem": "甲问题不到位"}])
    rep = score_tables(gold, notices, problems)
    f = rep.fields.set_index("field")
    assert f.loc["doc_type", "right"] == 1 and f.loc["problems_total", "miss"] == 1
    assert f.loc["rules_total", "invented"] == 1 and f.loc["inspection_group", "wrong"] == 1
    assert rep.problems["score"].tolist() == [1.0]
