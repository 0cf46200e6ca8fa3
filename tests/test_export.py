"""Writing tables: BOM, sorted rows, atomic replacement, Excel-safe cells."""
import pandas as pd

from analysis.schema import conform
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
