"""The briefing as a Word document (python-docx): same parts as the HTML version."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pandas as pd
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from analysis.report.brief import (
    BriefParts,
    build_brief_parts,
    case_rows,
    figure_png,
    format_number,
)
from analysis.tables.load import load_tables

EAST_ASIAN_FONT = "SimSun"   # present in every Chinese Office install; Word substitutes otherwise


def _set_chinese_font(document: docx.document.Document) -> None:
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _cell_text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (int, float)):
        return format_number(value)
    return str(value)


def _add_table(document: docx.document.Document, frame: pd.DataFrame) -> None:
    if frame.empty:
        document.add_paragraph("数据不足: n=0")
        return
    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, frame.columns):
        cell.text = str(name)
        cell.paragraphs[0].runs[0].bold = True
    for row in frame.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, row):
            cell.text = _cell_text(value)


def render_brief_docx(parts: BriefParts) -> docx.document.Document:
    """A python-docx Document holding the briefing."""
    document = docx.Document()
    _set_chinese_font(document)
    document.add_heading("巡察整改通报数据简报", level=0)
    document.add_paragraph(f"生成日期 {date.today().isoformat()}; 已剔除重复转载的通报; "
                           "比率均注明样本量 n; 按巡察统计时, 每次巡察取其最新通报的数字。")
    document.add_heading("关键数字", level=1)
    _add_table(document, parts.key_figures.rename(
        columns={"figure": "指标", "value": "数值", "note": "说明"}))
    for title, fig in parts.charts:
        document.add_heading(title, level=1)
        document.add_picture(io.BytesIO(figure_png(fig)), width=Inches(6.2))
    for title, header, frame, decimals in parts.cases:
        document.add_heading(title, level=1)
        _add_table(document, case_rows(frame, header, decimals))
    return document


def write_brief_docx(processed_dir: Path, out: Path) -> Path:
    """Write the briefing as a Word document to `out`; returns `out`."""
    tables = load_tables(processed_dir, unique=True)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    render_brief_docx(build_brief_parts(tables)).save(str(out))
    return out
