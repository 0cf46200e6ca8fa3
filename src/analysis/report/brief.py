"""A briefing on a build: one self-contained HTML file (and a DOCX) with charts and key cases.

    write_brief(Path("data/processed"), Path("brief.html"))

The HTML embeds its charts as base64 PNG, so it can be mailed as one file. Every rate shows
the number of notices or inspections behind it; every case cites its evidence sentences and
source. Completion and money by group are counted per inspection (its latest figures), and
the inspections still incomplete are listed with the sentences their figures come from.
Re-posted copies (duplicate_of) are left out.
"""
from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis.report.highlights import (
    build_incomplete_inspections,
    build_key_figures,
    build_largest_recoveries,
)
from analysis.report.plots import (
    plot_category_heatmap,
    plot_category_shares,
    plot_completion_by,
    plot_over_time,
    plot_recovered_by,
)
from analysis.report.plots_base import format_number
from analysis.report.plots_trajectories import plot_trajectories
from analysis.report.trajectories import build_trajectories
from analysis.tables.load import load_tables

BRIEF_DPI = 150
_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?")
CASE_HEADERS = {"inspected_org": "被巡察党组织", "region": "地区", "value": "",
                "completed": "已完成", "n": "问题数", "as_of": "截至", "evidence": "依据原句",
                "source": "来源"}
MAX_INCOMPLETE = 20          # rows of the incomplete-inspections table
_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.6em;border-bottom:3px solid #2f6690;padding-bottom:.3em}
h2{font-size:1.25em;color:#2f6690;margin-top:2em}
.cards{display:flex;flex-wrap:wrap;gap:.8em}
.card{border:1px solid #ccd;border-radius:6px;padding:.6em 1em;min-width:150px}
.card b{display:block;font-size:1.5em;color:#2f6690}.card small{color:#666}
img{max-width:100%;border:1px solid #eee;margin:.5em 0}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#eef3f8}td.num{text-align:right;white-space:nowrap}
.note{color:#666;font-size:.85em}
"""


@dataclass
class BriefParts:
    """What the briefing shows, independent of its file format."""

    key_figures: pd.DataFrame
    charts: list[tuple[str, Figure]] = field(default_factory=list)
    # (title, value header, cases, decimals shown for the value)
    cases: list[tuple[str, str, pd.DataFrame, int]] = field(default_factory=list)


def build_brief_parts(tables: dict[str, pd.DataFrame]) -> BriefParts:
    """Key figures, charts and case tables of the briefing from the (unique) tables."""
    notices, problems, facts = tables["notices"], tables["problems"], tables["facts"]
    inspections = tables["inspections"]
    charts = [("整改完成情况的年度变化", plot_over_time(notices, problems)),
              ("巡察整改进度: 完成率随反馈后天数的变化",
               plot_trajectories(build_trajectories(notices, inspections))),
              ("问题类别构成", plot_category_shares(problems)),
              ("各领域的问题类别", plot_category_heatmap(problems, notices, by="sector")),
              ("各领域的整改完成率 (按巡察)",
               plot_completion_by(inspections, by="sector", unit="次巡察")),
              ("各省的挽回经济损失 (按巡察)",
               plot_recovered_by(inspections, by="province", unit="次巡察"))]
    cases = [("挽回经济损失最多的通报", "金额(万元)", build_largest_recoveries(notices, facts), 4),
             ("尚未全部完成整改的巡察", "完成率(%)",
              build_incomplete_inspections(inspections, notices, facts, n=MAX_INCOMPLETE), 1)]
    return BriefParts(build_key_figures(tables), charts, cases)


def figure_png(fig: Figure, dpi: int = BRIEF_DPI) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def case_rows(cases: pd.DataFrame, value_header: str, decimals: int = 2) -> pd.DataFrame:
    """A case table as shown: organisation, region, value (as text), [completed], n, [as of],
    evidence, source. Columns a case table does not have, or leaves all empty, are left out."""
    region = (cases["province"].fillna("").astype(str) + cases["city"].fillna("").astype(str)
              + cases["county"].fillna("").astype(str))
    organisation = cases["inspected_org"].astype("object").where(cases["inspected_org"].notna(),
                                                                cases["title"])
    shown = pd.DataFrame({"inspected_org": organisation.fillna(""), "region": region,
                          "value": [format_number(v, decimals) if pd.notna(v) else ""
                                    for v in cases["value"]],
                          "completed": cases.get("completed"), "n": cases["n"],
                          "as_of": cases.get("as_of"),
                          "evidence": cases["evidence"].fillna("(无依据原句)"),
                          "source": cases["source"].fillna("")})
    empty = [c for c in ("completed", "n", "as_of") if shown[c].isna().all()]
    return shown.drop(columns=empty).rename(columns={**CASE_HEADERS, "value": value_header})


def _html_cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "<td></td>"
    if isinstance(value, (int, float)):
        return f'<td class="num">{format_number(value)}</td>'
    text = html.escape(str(value))
    if _NUMBER.fullmatch(text):
        return f'<td class="num">{text}</td>'
    if text.startswith(("http://", "https://")):
        return f'<td><a href="{text}">{text}</a></td>'
    return f"<td>{text}</td>"


def _html_table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return '<p class="note">数据不足: n=0</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(_html_cell(v) for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_brief_html(parts: BriefParts, source: str = "") -> str:
    """The briefing as one HTML document (UTF-8, charts inline)."""
    cards = "".join(f'<div class="card">{html.escape(str(r.figure))}<b>{html.escape(str(r.value))}'
                    f"</b><small>{html.escape(str(r.note))}</small></div>"
                    for r in parts.key_figures.itertuples(index=False))
    charts = "".join(
        f"<h2>{html.escape(title)}</h2><img alt=\"{html.escape(title)}\" "
        f"src=\"data:image/png;base64,{base64.b64encode(figure_png(fig)).decode()}\">"
        for title, fig in parts.charts)
    cases = "".join(f"<h2>{html.escape(title)}</h2>"
                    f"{_html_table(case_rows(frame, header, decimals))}"
                    for title, header, frame, decimals in parts.cases)
    note = (f"数据来源: {html.escape(source)}; " if source else "") + \
        f"生成日期 {date.today().isoformat()}; 已剔除重复转载的通报; 比率均注明样本量 n; " \
        "按巡察统计时, 每次巡察取其最新通报的数字 (累计数, 不跨通报相加)。"
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<title>巡察整改通报数据简报</title>"
            f"<style>{_CSS}</style></head><body><h1>巡察整改通报数据简报</h1>"
            f"<p class=\"note\">{note}</p><h2>关键数字</h2><div class=\"cards\">{cards}</div>"
            f"{charts}{cases}</body></html>")


def write_brief(processed_dir: Path, out: Path) -> Path:
    """Write the HTML briefing for the build in `processed_dir` to `out`; returns `out`."""
    tables = load_tables(processed_dir, unique=True)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_brief_html(build_brief_parts(tables), Path(processed_dir).name),
                   encoding="utf-8")
    return out
