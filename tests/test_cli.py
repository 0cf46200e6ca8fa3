"""The whole build from the command line, as an analyst runs it."""
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from conftest import SEEDS

PY = sys.executable


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    for f in SEEDS.iterdir():
        if f.suffix in (".txt", ".md"):
            shutil.copy(f, src / f.name)
    (src / "扫描件 无文字.pdf").write_bytes(b"%PDF-1.4\n%broken\n")     # unreadable
    (src / "sources.csv").write_text("path,url\nyuhu-minzheng-2023.txt,http://example.org/a\n",
                                     encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    r = subprocess.run([PY, "-m", "analysis", "build", str(src), "--out", str(out)],
                       capture_output=True, text=True, timeout=600)
    return src, out, r


def test_build_exits_0_with_a_bad_file(built):
    _, _, r = built
    assert r.returncode == 0, r.stderr[-2000:]
    assert "built 5 notices" in r.stdout


def test_build_writes_every_table(built):
    _, out, _ = built
    for name in ("notices", "problems", "facts", "errors"):
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}.csv has no BOM"
        assert (out / f"{name}.parquet").exists()
    sheets = pd.ExcelFile(out / "dataset.xlsx").sheet_names
    assert sheets == ["notices", "problems", "facts", "inspections", "errors", "data_dictionary"]


def test_build_tables_content(built):
    _, out, _ = built
    notices = pd.read_csv(out / "notices.csv", encoding="utf-8-sig")
    assert len(notices) == 5
    yuhu = notices[notices["source_path"] == "yuhu-minzheng-2023.txt"].iloc[0]
    assert yuhu["url"] == "http://example.org/a"                       # from the manifest
    assert yuhu["problems_listed"] == 13
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    assert errors["source_path"].tolist() == ["扫描件 无文字.pdf"]
    assert "Traceback" not in errors["error"].iloc[0]
    problems = pd.read_csv(out / "problems.csv", encoding="utf-8-sig")
    assert len(problems) == 53


def test_build_is_byte_identical_when_repeated(built, tmp_path):
    src, out, _ = built
    r = subprocess.run([PY, "-m", "analysis", "build", str(src), "--out", str(tmp_path),
                        "--quiet"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0
    for name in ("notices", "problems", "facts", "errors"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes()


def test_build_leaves_no_temporary_files(built):
    _, out, _ = built
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".cache"]
    assert not list(out.rglob("*.tmp"))


def test_missing_input_folder_is_a_clear_error(tmp_path):
    r = subprocess.run([PY, "-m", "analysis", "build", str(tmp_path / "nope"), "--out",
                        str(tmp_path / "o")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "input folder not found" in r.stderr


def test_classify_command(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("中心组理论学习不深入不系统\n公务用车加油卡管理不规范\n", encoding="utf-8")
    r = subprocess.run([PY, "-m", "analysis", "classify", str(f)], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    assert [line.split("\t") for line in lines] == [["learning", "中心组理论学习不深入不系统"],
                                              ["finance", "公务用车加油卡管理不规范"]]


def test_share_command_writes_a_filtered_copy_with_inspections(built, tmp_path):
    _, out, _ = built
    share = tmp_path / "share"
    r = subprocess.run([PY, "-m", "analysis", "share", "--processed", str(out), "--out",
                        str(share), "--doc-types", "progress_report", "rectification_report",
                        "--years", "2020", "2025", "--drop-anonymized"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.startswith("shared ") and "inspections" in r.stdout
    notices = pd.read_csv(share / "dataset-share-notices.csv", encoding="utf-8-sig")
    inspections = pd.read_csv(share / "dataset-share-inspections.csv", encoding="utf-8-sig")
    assert len(notices) and set(notices["doc_type"]) <= {"progress_report", "rectification_report"}
    assert set(inspections["inspection_id"]) == set(notices["inspection_id"].dropna())
    assert (share / "dataset-share.xlsx").is_file()


def test_share_command_without_a_build_is_a_clear_error(tmp_path):
    r = subprocess.run([PY, "-m", "analysis", "share", "--processed", str(tmp_path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "no built dataset" in r.stderr
