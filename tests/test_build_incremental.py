"""Builds into the same folder: parallel output byte-identical, rebuilds reuse what they can,
an interrupted build keeps what it finished, Excel's row limit, and lazy imports."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEEDS
from corpus_fixtures import SAME_NAME_OTHER_DISTRICT, write_corpus

import analysis.dataset.build as build_module
import analysis.dataset.worker as worker_module
import analysis.tables.excel as excel
from analysis.dataset.build import BuildOptions
from analysis.dataset.cache import DiskStore
from analysis.dataset.scan import scan_folder
from analysis.tables.output import build_into

PY = sys.executable
TABLES = ("notices", "problems", "facts", "inspections", "errors")


def _cli(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([PY, "-m", "analysis", *args, "--quiet"], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Twelve notices: the five seeds and the invented corpus (enough for the process pool)."""
    src = tmp_path / "in"
    src.mkdir()
    for f in SEEDS.iterdir():
        if f.suffix in (".txt", ".md"):
            shutil.copy(f, src / f.name)
    write_corpus(src)
    return src


def _csvs(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def test_output_is_byte_identical_whatever_the_number_of_processes(folder, tmp_path) -> None:
    _cli("build", str(folder), "--out", str(tmp_path / "one"), "--jobs", "1")
    _cli("build", str(folder), "--out", str(tmp_path / "two"), "--jobs", "2")
    assert _csvs(tmp_path / "one") == _csvs(tmp_path / "two")
    assert len(pd.read_csv(tmp_path / "two" / "notices.csv")) == 12


def test_rebuilds_read_only_what_changed(folder, tmp_path) -> None:
    out = tmp_path / "out"
    assert "(12 files read)" in _cli("build", str(folder), "--out", str(out)).stdout
    assert "unchanged since the last build" in _cli("build", str(folder), "--out", str(out)).stdout
    changed = folder / "f-other-unit.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("4个问题", "6个问题"),
                       encoding="utf-8")
    (folder / "added.txt").write_text(SAME_NAME_OTHER_DISTRICT, encoding="utf-8")
    (folder / "g-earlier-round.txt").unlink()
    assert "2 of 12 files read" in _cli("build", str(folder), "--out", str(out)).stdout
    notices = pd.read_csv(out / "notices.csv", encoding="utf-8-sig").set_index("source_path")
    assert "g-earlier-round.txt" not in notices.index
    assert notices.loc["f-other-unit.txt", "problems_total"] == 6
    assert notices.loc["added.txt", "agency"] == "北塘区民政局"
    # what the rebuild wrote is what a build from scratch writes
    _cli("build", str(folder), "--out", str(tmp_path / "fresh"))
    assert _csvs(out) == _csvs(tmp_path / "fresh")
    # one result per file in the folder: the deleted file's and the old version's are gone
    assert len(DiskStore(out / ".cache")) == 12       # the deleted file's result dropped


def test_an_interrupted_build_keeps_what_it_finished(folder, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(build_module, "BATCH_FILES", 2)
    real, seen = worker_module.process_file, []

    def stop_at_the_fifth(path, root, max_bytes):
        seen.append(path)
        if len(seen) == 5:
            raise KeyboardInterrupt
        return real(path, root, max_bytes)

    monkeypatch.setattr(worker_module, "process_file", stop_at_the_fifth)
    scan = scan_folder(folder)
    with pytest.raises(KeyboardInterrupt):
        build_into(scan, out, BuildOptions(jobs=1), key="k")
    assert len(DiskStore(out / ".cache")) == 4                          # two whole batches
    assert not (out / "notices.csv").exists()
    monkeypatch.setattr(worker_module, "process_file", real)
    report = build_into(scan_folder(folder), out, BuildOptions(jobs=1), key="k")
    assert (report.n_read, report.n_rows["notices"]) == (8, 12)


def test_a_table_longer_than_a_sheet_stays_out_of_the_workbook(folder, tmp_path,
                                                                monkeypatch) -> None:
    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", 100)     # only facts have more rows than this
    report = build_into(scan_folder(folder), tmp_path, BuildOptions(jobs=1), key="k")
    assert report.left_out_of_xlsx == ["facts"]
    book = pd.read_excel(tmp_path / "dataset.xlsx", sheet_name=None)
    assert "facts" not in book and len(book["notices"]) == 12
    notes = book["data_dictionary"].set_index(["table", "column"])["note"]
    assert "more than an Excel sheet holds" in notes[("facts", "evidence")]
    assert pd.read_csv(tmp_path / "facts.csv").shape[0] == report.n_rows["facts"] > 100


def test_no_xlsx(folder, tmp_path) -> None:
    _cli("build", str(folder), "--out", str(tmp_path), "--no-xlsx")
    assert not (tmp_path / "dataset.xlsx").exists() and (tmp_path / "facts.parquet").exists()


def test_commands_that_do_not_classify_never_import_scikit_learn(folder, tmp_path) -> None:
    out = tmp_path / "out"
    _cli("build", str(folder), "--out", str(out))
    code = ("import sys\nfrom analysis.cli import main\n"
            f"main(['build', {str(folder)!r}, '--out', {str(out)!r}, '--quiet'])\n"
            "assert 'sklearn' not in sys.modules and 'pandas' not in sys.modules, 'imported'\n"
            f"main(['brief', '--processed', {str(out)!r}, '--out', {str(tmp_path / 'b.html')!r}])\n"
            "assert 'sklearn' not in sys.modules, 'brief imported sklearn'\n")
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test_disk_store_keeps_summaries_apart_and_survives_a_broken_file(tmp_path) -> None:
    from analysis.dataset.process import FileResult

    store = DiskStore(tmp_path)
    assert store.get("a") is None and "a" not in store.keys() and len(store) == 0
    assert not (tmp_path / DiskStore.FILE).exists()         # reading creates nothing
    whole = FileResult("a.txt", row={"doc_id": "d1"}, problems=[{"problem_no": 1}],
                       facts=[{"field": "problems_total"}], n_facts=1)
    store.put_many([("a", whole), ("b", FileResult("b.txt", error="empty file")), (None, whole)])
    assert "a" in store.keys() and store.keys() == {"a", "b"}
    summary = store.get_summary("a")
    assert (summary.row, summary.problems, summary.facts, summary.n_facts) == (
        {"doc_id": "d1"}, [], [], 1)
    assert store.get("a").problems == [{"problem_no": 1}]
    assert store.get("b").error == "empty file"
    assert store.prune({"a"}) == 1 and store.keys() == {"a"}
    store.close()
    (tmp_path / DiskStore.FILE).write_bytes(b"not a database at all" * 100)
    broken = DiskStore(tmp_path)
    assert broken.get("a") is None                          # unreadable: nothing cached
    broken.put("c", whole)                                  # and a fresh database
    assert broken.keys() == {"c"}
