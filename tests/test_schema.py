"""schema.py declares exactly the columns of the contract (SCHEMA.md)."""
import re

import pytest
from conftest import SHARED, TESTS

from analysis.schema import columns, conform, data_dictionary, table_columns, table_names


def contract_columns(text: str) -> dict[str, list[str]]:
    """Column names per table from the markdown tables under '## <table>' headings."""
    out, table = {}, None
    for line in text.splitlines():
        m = re.match(r"## (notices|problems|facts|errors|inspections)\b", line)
        if m:
            table = m.group(1)
            out[table] = []
        elif line.startswith("## "):
            table = None
        elif table and (c := re.match(r"\| ([a-z_]+(?:, [a-z_]+)*) \|", line)):
            if c.group(1) != "column":
                out[table] += c.group(1).split(", ")
    return out


def _check(text: str) -> None:
    contract = contract_columns(text)
    assert set(contract) <= set(table_names())
    for table, names in contract.items():
        ours = columns(table)
        missing = [n for n in names if n not in ours]
        assert not missing, f"{table} lacks {missing}"
        # contract columns keep the contract's order, extra columns come after them
        assert [n for n in ours if n in names] == names


def test_schema_matches_the_copied_contract():
    _check((TESTS / "data" / "SCHEMA.md").read_text(encoding="utf-8"))


def test_schema_matches_the_shared_contract():
    path = SHARED / "SCHEMA.md"
    if not path.exists():
        pytest.skip("../shared is not on this machine; the copied contract is tested above")
    _check(path.read_text(encoding="utf-8"))


def test_contract_parser_reads_the_documented_columns():
    contract = contract_columns((TESTS / "data" / "SCHEMA.md").read_text(encoding="utf-8"))
    assert "inspection_start" in contract["notices"] and "publish_date" in contract["notices"]
    assert "province" in contract["notices"] and "county" in contract["notices"]
    assert contract["errors"] == ["source_path", "error"]


def test_conform_types_and_empty_cells():
    frame = conform("notices", [{"doc_id": "abc", "problems_total": "44", "completion_rate": 93.2,
                                 "title": "", "anonymized": True}])
    assert list(frame.columns) == columns("notices")
    assert frame.loc[0, "problems_total"] == 44 and str(frame["problems_total"].dtype) == "Int64"
    assert frame["title"].isna().all()          # "" is stored as empty, never as text
    assert frame.loc[0, "problems_listed"] == 0


def test_data_dictionary_covers_every_column():
    dd = data_dictionary()
    assert len(dd) == sum(len(table_columns(t)) for t in table_names())
    assert (dd["label"].str.len() > 0).all()         # every column has its Chinese name
    assert dd["meaning"].str.len().min() > 3
