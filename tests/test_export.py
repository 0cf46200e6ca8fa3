"""Writing tables: BOM, sorted rows, atomic replacement, Excel-safe cells."""
import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.schema import conform
from analysis.tables.excel import fast_writer_available, write_workbook
from analysis.tables.write import sort_table, write_csv, write_tables


def _tables():
    notices = conform("notices", [
        {"doc_id": "b", "source_path": "z.txt", "title": "乙", "completion_rate": 81.81818},
        {"doc_id": "a", "source_path": "a.txt", "title": "甲\x07控制符", "problems_total": 3}])
    return {"notices": notices, "problems": conform("problems", []),
            "facts": conform("facts", []), "errors": conform("errors", [])}


def test_rows_sorted_and_bom(tmp_path):
    write_tables(_tables(), tmp_path)
    raw = (tmp_path / "notices.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(tmp_path / "notices.csv", encoding="utf-8-sig")
    assert back["source_path"].tolist() == ["a.txt", "z.txt"]
    assert back["completion_rate"].iloc[1] == 81.8182          # six significant digits


def test_xlsx_has_dictionary_and_drops_control_characters(tmp_path):
    write_tables(_tables(), tmp_path)
    xl = pd.read_excel(tmp_path / "dataset.xlsx", sheet_name=None)
    assert set(xl) == {"notices", "problems", "facts", "errors", "data_dictionary"}
    assert xl["notices"]["title"].iloc[0] == "甲控制符"
    assert "recovered_wan" in set(xl["data_dictionary"]["column"])


def test_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"a": [1]}), path)
    before = path.read_bytes()

    class Boom(pd.DataFrame):
        def to_csv(self, *a, **k):
            raise RuntimeError("disk full")
    try:
        write_csv(Boom({"a": [2]}), path)
    except RuntimeError:
        pass
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_sort_table_is_stable_for_facts():
    facts = pd.DataFrame({"doc_id": ["x", "x", "a"], "start": [5, 1, 9],
                          "field": ["b", "a", "c"], "end": [6, 2, 10]})
    assert sort_table("facts", facts)["start"].tolist() == [9, 1, 5]


@pytest.mark.parametrize("fast", [True, False], ids=["rustpy-xlsxwriter", "xlsxwriter"])
def test_workbook_cells_with_either_writer(tmp_path, fast):
    """Both writers give the same cells: bold header, text kept as text (never a formula,
    a number or a link), numbers and booleans as such, missing cells empty; a table in
    chunks is one sheet, and an empty table still has its header."""
    if fast and not fast_writer_available():
        pytest.skip("rustpy-xlsxwriter is not installed")
    whole = pd.DataFrame({"text": pd.array(["=1+1", "http://例.cn", "0012", None], dtype="string"),
                          "n": pd.array([3, None, 0, 12], dtype="Int64"),
                          "rate": [81.8, float("nan"), 0.5, 100.0],
                          "flag": pd.array([True, False, None, True], dtype="boolean")})
    chunks = [pd.DataFrame({"doc_id": ["a", "b"], "value": ["甲\x0b乙", "丙"]}),
              pd.DataFrame({"doc_id": ["c"], "value": ["丁"]})]
    path = tmp_path / "book.xlsx"
    write_workbook({"whole": whole, "chunks": iter(chunks), "empty": whole.iloc[:0]}, path,
                   fast=fast)
    book = load_workbook(path)
    assert book.sheetnames == ["whole", "chunks", "empty"]
    rows = [[c.value for c in row] for row in book["whole"].iter_rows()]
    assert rows[0] == ["text", "n", "rate", "flag"] and book["whole"]["A1"].font.b
    assert [r[0] for r in rows[1:]] == ["=1+1", "http://例.cn", "0012", None]
    assert book["whole"]["A2"].data_type == "s" and book["whole"]["A4"].data_type == "s"
    assert [r[1] for r in rows[1:]] == [3, None, 0, 12]
    assert [r[2] for r in rows[1:]] == [81.8, None, 0.5, 100]
    assert [r[3] for r in rows[1:]] == [True, False, None, True]
    assert [[c.value for c in row] for row in book["chunks"].iter_rows()] == [
        ["doc_id", "value"], ["a", "甲乙"], ["b", "丙"], ["c", "丁"]]
    assert [[c.value for c in row] for row in book["empty"].iter_rows()] == [
        ["text", "n", "rate", "flag"]]
