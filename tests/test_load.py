"""load_table: parquet or CSV from the processed folder, with the contract's dtypes."""
from __future__ import annotations

import pandas as pd
import pytest
from fixtures_tables import make_tables, write_tables

from analysis.tables.load import (
    coerce_types,
    column_types,
    drop_duplicate_notices,
    load_table,
    load_tables,
)


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory):
    return write_tables(make_tables(30), tmp_path_factory.mktemp("processed"))


@pytest.mark.parametrize(("column", "dtype"), [
    ("problems_total", "Int64"), ("inspection_round", "Int64"), ("completion_rate", "float64"),
    ("recovered_wan", "float64"), ("anonymized", "boolean"), ("n_chars", "Int64"),
])
def test_notices_columns_get_contract_dtypes(processed, column: str, dtype: str) -> None:
    assert str(load_table("notices", processed)[column].dtype) == dtype


def test_csv_is_read_when_parquet_is_missing(tmp_path, processed) -> None:
    (tmp_path / "problems.csv").write_bytes((processed / "problems.csv").read_bytes())
    from_csv, from_parquet = load_table("problems", tmp_path), load_table("problems", processed)
    assert str(from_csv["problem_no"].dtype) == "Int64"
    assert from_csv["problem"].tolist() == from_parquet["problem"].tolist()
    assert from_csv["amounts_wan"].isna().sum() == from_parquet["amounts_wan"].isna().sum()


def test_env_var_names_the_folder(processed, monkeypatch) -> None:
    monkeypatch.setenv("ANALYSIS_PROCESSED_DIR", str(processed))
    assert len(load_table("notices")) == 30


def test_missing_table_says_what_to_do(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="analysis build"):
        load_table("notices", tmp_path)


def test_unknown_table_is_refused(processed) -> None:
    with pytest.raises(ValueError, match="unknown table"):
        load_table("people", processed)


@pytest.mark.parametrize(("raw", "expected"), [
    (["44", "", "7.0"], [44, None, 7]),          # CSV text, blank = missing, 7.0 from a float
    ([44.0, float("nan"), 7.0], [44, None, 7]),  # parquet floats from a column with gaps
])
def test_int_columns_become_nullable_ints(raw, expected) -> None:
    values = coerce_types(pd.DataFrame({"problems_total": raw}), "notices")["problems_total"]
    assert [None if pd.isna(v) else int(v) for v in values] == expected


@pytest.mark.parametrize(("raw", "expected"), [
    (["True", "false", ""], [True, False, None]),
    ([1, 0, None], [True, False, None]),
])
def test_bool_columns(raw, expected) -> None:
    values = coerce_types(pd.DataFrame({"anonymized": raw}), "notices")["anonymized"]
    assert [None if pd.isna(v) else bool(v) for v in values] == expected


def test_blank_text_becomes_missing() -> None:
    values = coerce_types(pd.DataFrame({"county": ["青溪区", " ", ""]}), "notices")["county"]
    assert values.isna().tolist() == [False, True, True]


def test_dictionary_declares_every_schema_column() -> None:
    declared = set(column_types("notices"))
    assert {"doc_id", "recovered_wan", "duplicate_of", "publish_date"} <= declared
    assert column_types("facts")["evidence"] == "str"


def test_unique_tables_drop_copies_and_their_rows(processed) -> None:
    everything, unique = load_tables(processed), load_tables(processed, unique=True)
    copies = everything["notices"]["duplicate_of"].notna()
    assert copies.any() and len(unique["notices"]) == len(everything["notices"]) - copies.sum()
    dropped = set(everything["notices"].loc[copies, "doc_id"])
    assert not dropped & set(unique["problems"]["doc_id"])


def test_drop_duplicates_without_the_column_keeps_everything() -> None:
    tables = {"notices": pd.DataFrame({"doc_id": ["a"]}), "problems": pd.DataFrame()}
    assert drop_duplicate_notices(tables)["notices"]["doc_id"].tolist() == ["a"]


def test_csv_and_parquet_load_alike(processed, tmp_path) -> None:
    """The CSV (all text on disk) comes back with the same types and values as the Parquet."""
    for name in ("notices", "problems", "facts"):
        from_parquet = load_table(name, processed)
        only_csv = tmp_path / name
        only_csv.mkdir()
        (only_csv / f"{name}.csv").write_bytes((processed / f"{name}.csv").read_bytes())
        from_csv = load_table(name, only_csv)
        assert from_csv.dtypes.astype(str).tolist() == from_parquet.dtypes.astype(str).tolist()
        pd.testing.assert_frame_equal(from_csv, from_parquet, check_exact=False)


def test_integer_text_with_a_decimal_point_loads_as_integer(tmp_path) -> None:
    (tmp_path / "notices.csv").write_text("doc_id,problems_total,anonymized\na,44.0,True\nb,,\n",
                                          encoding="utf-8-sig")
    notices = load_table("notices", tmp_path)
    assert str(notices["problems_total"].dtype) == "Int64"
    assert notices["problems_total"].tolist()[0] == 44 and notices["problems_total"].isna().tolist()[1]
    assert notices["anonymized"].tolist()[0] is True
