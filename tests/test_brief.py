"""The briefing: one self-contained HTML file (and a DOCX) with charts, key figures and cases."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pandas as pd
import pytest
from fixtures_tables import make_tables, write_tables

from analysis.report.brief import write_brief
from analysis.report.brief_docx import write_brief_docx
from analysis.tables.load import empty_table

N_CHARTS = 6


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    built = make_tables(60)
    built["notices"].loc[1, "inspected_org"] = "<script>alert(1)</script>青溪区党组"
    built["notices"].loc[1, "recovered_wan"] = 99_999.5
    built["facts"].loc[len(built["facts"])] = {
        "doc_id": built["notices"].loc[1, "doc_id"], "field": "recovered_wan",
        "value": "99999.5", "unit": "万元", "evidence": "全年挽回经济损失99999.5万元。",
        "start": 1, "end": 9}
    return built


@pytest.fixture(scope="module")
def processed(tables, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tables(tables, tmp_path_factory.mktemp("processed"))


@pytest.fixture(scope="module")
def page(processed, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = write_brief(processed, tmp_path_factory.mktemp("out") / "brief" / "brief.html")
    return out.read_text(encoding="utf-8")


def test_html_is_self_contained(page: str) -> None:
    images = re.findall(r'<img[^>]+src="([^"]+)"', page)
    assert len(images) == N_CHARTS
    assert all(src.startswith("data:image/png;base64,") for src in images)
    assert '<meta charset="utf-8">' in page and "<link" not in page and "<script" not in page


def test_html_escapes_names_from_the_data(page: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;青溪区党组" in page


def test_largest_recovery_leads_with_its_evidence(page: str) -> None:
    section = page.split("挽回经济损失最多的通报</h2>")[1].split("</table>")[0]
    first_row = section.split("<tr>")[2]
    assert "99,999.5" in first_row and "全年挽回经济损失99999.5万元。" in first_row


def test_incomplete_inspections_are_listed_with_their_evidence(page: str, tables) -> None:
    section = page.split("尚未全部完成整改的巡察</h2>")[1].split("</table>")[0]
    open_ = tables["inspections"][tables["inspections"]["status"] == "incomplete"]
    assert len(open_) and section.count("<tr>") == len(open_) + 1
    lowest = open_["completion_rate"].min()
    assert f"{lowest:.1f}".rstrip("0").rstrip(".") in section.split("<tr>")[2]
    assert "<th>已完成</th>" in section and "<th>问题数</th>" in section
    assert "<th>截至</th>" in section and "已完成整改" in section


def test_charts_count_completion_and_money_per_inspection(page: str) -> None:
    assert "各领域的整改完成率 (按巡察)" in page and "巡察整改进度" in page


def test_key_figures_carry_n(page: str) -> None:
    assert "整改完成率中位数(%)" in page and re.search(r"n=\d+ 份通报给出完成率", page)
    assert "巡察整改完成率中位数(%)" in page and re.search(r"n=\d+ 次巡察 \(最新通报", page)


@pytest.mark.parametrize("size", [5, 0])
def test_small_and_empty_builds_still_brief(size: int, tmp_path: Path) -> None:
    if size:
        write_tables(make_tables(size), tmp_path / "processed")
    else:
        write_tables({name: empty_table(name) for name in ("notices", "problems", "facts",
                                                           "errors")}, tmp_path / "processed")
    page = write_brief(tmp_path / "processed", tmp_path / "brief.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == N_CHARTS
    if not size:
        assert "数据不足: n=0" in page


def test_docx_has_charts_tables_and_evidence(processed: Path, tmp_path: Path) -> None:
    out = write_brief_docx(processed, tmp_path / "brief.docx")
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == N_CHARTS
    assert len(document.tables) == 3
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "全年挽回经济损失99999.5万元。" in cells
    assert document.paragraphs[0].text == "巡察整改通报数据简报"
