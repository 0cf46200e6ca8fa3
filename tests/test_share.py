"""The shared copy: cleaned, filtered, documented, readable by Excel."""
from __future__ import annotations

import pandas as pd
import pytest
from fixtures_tables import make_tables, write_tables
from openpyxl import load_workbook

from analysis.tables.load import load_tables
from analysis.tables.share import build_data_dictionary, build_share_tables, write_share


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    return load_tables(write_tables(make_tables(60), tmp_path_factory.mktemp("processed")))


def test_copies_and_internal_columns_are_dropped(tables) -> None:
    shared = build_share_tables(tables)
    assert set(shared) == {"notices", "problems", "facts", "inspections"}
    assert "duplicate_of" not in shared["notices"].columns
    copies = tables["notices"]["duplicate_of"].notna().sum()
    assert copies and len(shared["notices"]) == len(tables["notices"]) - copies
    assert set(shared["problems"]["doc_id"]) <= set(shared["notices"]["doc_id"])


@pytest.mark.parametrize("doc_types", [["progress_report"], ["feedback_news", "plan"]])
def test_doc_type_filter(tables, doc_types) -> None:
    shared = build_share_tables(tables, doc_types=doc_types)
    assert len(shared["notices"]) and set(shared["notices"]["doc_type"]) <= set(doc_types)
    assert set(shared["facts"]["doc_id"]) <= set(shared["notices"]["doc_id"])


def test_year_filter_leaves_out_undated_and_other_years(tables) -> None:
    shared = build_share_tables(tables, years=(2021, 2022))
    years = pd.to_datetime(shared["notices"]["publish_date"], errors="coerce").dt.year.dropna()
    assert len(shared["notices"]) and years.between(2021, 2022).all()


def test_dictionary_describes_each_shared_column(tables) -> None:
    shared = build_share_tables(tables)
    dictionary = build_data_dictionary(shared)
    assert len(dictionary) == sum(len(f.columns) for f in shared.values())
    row = dictionary[(dictionary["表"] == "notices") & (dictionary["列名"] == "recovered_wan")]
    assert row["单位"].iloc[0] == "万元" and row["中文名"].iloc[0] == "挽回经济损失"


def test_written_files_open_in_excel(tables, tmp_path) -> None:
    shared = build_share_tables(tables)
    shared["problems"].loc[0, "problem"] = "含控制字符\x0b的问题" + "长" * 40_000
    paths = write_share(shared, tmp_path)
    assert [p.name for p in paths][-1] == "dataset-share.xlsx"
    for csv in paths[:-1]:
        assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    workbook = load_workbook(paths[-1], read_only=True)
    assert workbook.sheetnames == ["notices 通报", "problems 问题", "facts 依据",
                                   "inspections 巡察", "数据字典"]
    first = next(workbook["problems 问题"].iter_rows(min_row=2, max_row=2, values_only=True))
    problem = first[list(shared["problems"].columns).index("problem")]
    assert problem.startswith("含控制字符的问题") and len(problem) <= 32_000


def test_inspections_follow_the_notices_kept(tables) -> None:
    shared = build_share_tables(tables, doc_types=["rectification_report"])
    kept = set(shared["notices"]["inspection_id"].dropna())
    assert kept and set(shared["inspections"]["inspection_id"]) == kept
    assert "status" in shared["inspections"].columns
