"""Chart plumbing: a CJK font from pip, saving figures with their numbers, shared drawing helpers.

`use_cjk_font()` registers Noto Sans CJK SC from the mplfonts package with matplotlib, so
Chinese renders on any machine where the project's requirements are installed; it also sets
seaborn's theme (which would otherwise reset the font settings) so charts look alike.
"""
from __future__ import annotations

import importlib.resources
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.paths import figures_dir
from analysis.report.summary import MISSING
from analysis.schema import code_labels
from analysis.schema import column_label as schema_column_label

FONT_FILES = ("NotoSansCJKsc-Regular.otf", "SourceHanSansSC-Regular.otf", "SimHei.ttf")
DPI = 200
WIDTH = 8.0                  # inches: readable on a slide or an A4 page
COLOR = "#2f6690"
ACCENT = "#d1495b"
LABEL_KINDS = ("doc_type", "category", "inspector_level", "inspection_kind", "status",
               "source_format")
MAX_LABEL = 16               # characters of a bar label before it is cut with …


@lru_cache(maxsize=1)
def find_cjk_font() -> Path:
    """The CJK font file shipped by mplfonts (Noto Sans CJK SC first)."""
    folder = importlib.resources.files("mplfonts") / "fonts"
    for name in FONT_FILES:
        path = Path(str(folder / name))
        if path.is_file():
            return path
    raise FileNotFoundError(f"no CJK font in {folder}: `pip install mplfonts`")


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    """Add the CJK font file to matplotlib's font manager (once); returns its family name."""
    path = find_cjk_font()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def cjk_rc() -> dict[str, object]:
    """rcParams that make matplotlib draw Chinese (pass to seaborn's set_theme as rc)."""
    family = register_cjk_font()
    fallback = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    return {"font.family": [family, "sans-serif"], "font.sans-serif": [family, *fallback],
            "axes.unicode_minus": False, "svg.fonttype": "path",
            "axes.spines.top": False, "axes.spines.right": False,
            "axes.titlesize": 13, "axes.labelsize": 11, "xtick.labelsize": 10,
            "ytick.labelsize": 10, "figure.titlesize": 14}


def use_cjk_font() -> str:
    """Seaborn's theme for every chart, with the CJK font registered and first in the font
    settings (passed in its rc: set_theme otherwise resets the fonts); returns the family."""
    settings = cjk_rc()
    sns.set_theme(context="notebook", style="white", palette="deep", rc=settings)
    return settings["font.family"][0]


def save_figure(fig: Figure, name: str, data: pd.DataFrame | pd.Series | None = None,
                out_dir: Path | str | None = None) -> list[Path]:
    """Write `fig` as name.png (200 dpi) and name.svg, and the plotted numbers as name.csv.

    `data` defaults to the numbers a plot_* function attached to the figure; the CSV is
    UTF-8 with BOM so Excel opens it. Returns the written paths.
    """
    folder = Path(out_dir) if out_dir is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], dpi=DPI, facecolor="white")
    fig.savefig(paths[1], facecolor="white")
    data = data if data is not None else getattr(fig, "plotted_data", None)
    if data is not None:
        paths.append(folder / f"{name}.csv")
        frame = data.to_frame() if isinstance(data, pd.Series) else data
        keep_index = not isinstance(frame.index, pd.RangeIndex)
        frame.to_csv(paths[2], index=keep_index, encoding="utf-8-sig")
    return paths


def save_table(frame: pd.DataFrame, name: str, out_dir: Path | str | None = None) -> Path:
    """Write a table shown in a notebook as name.csv (UTF-8 with BOM) beside the figures."""
    folder = Path(out_dir) if out_dir is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def attach(fig: Figure, data: pd.DataFrame) -> Figure:
    """Keep the plotted numbers on the figure, for `save_figure`."""
    fig.plotted_data = data
    return fig


def new_figure(n_rows: int = 6, ncols: int = 1, width: float = WIDTH,
               sharey: bool = False) -> tuple[Figure, np.ndarray]:
    """A figure sized for `n_rows` bars or heatmap rows; axes always as an array.

    Figures are made without pyplot, so none pile up in its global state.
    """
    use_cjk_font()
    height = float(np.clip(1.6 + 0.34 * n_rows, 3.0, 11.0))
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(1, ncols, sharey=sharey, squeeze=False)
    return fig, axes.ravel()


def empty_figure(title: str, n: int, note: str = "", headline: str = "数据不足") -> Figure:
    """An annotated empty chart: 数据不足: n=… (never an exception)."""
    fig, (ax,) = new_figure(3)
    ax.set_title(title, loc="left")
    message = f"{headline}: n={n}" + (f"\n{note}" if note else "")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="#666666",
            transform=ax.transAxes)
    ax.set_axis_off()
    return attach(fig, pd.DataFrame({"n": [n], "note": [note or headline]}))


def shorten(label: object, limit: int = MAX_LABEL) -> str:
    """A label cut to `limit` characters with an ellipsis.

    >>> shorten("中共澜江市青溪区人力资源和社会保障局党组", 10)
    '中共澜江市青溪区人…'
    """
    text = str(label)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def format_number(value: float | int, decimals: int = 2) -> str:
    """A number with thousands separators and at most `decimals` decimals, trailing zeros cut.

    >>> format_number(1234.5), format_number(108.333), format_number(41), format_number(3.209, 4)
    ('1,234.5', '108.33', '41', '3.209')
    """
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def display_labels(values: pd.Series | pd.Index, column: str) -> list[str]:
    """Chinese display labels for the values of `column` (codes translated, long names cut)."""
    labels = code_labels(column) if column in LABEL_KINDS else {}
    return [shorten(labels.get(str(v), MISSING if pd.isna(v) else str(v))) for v in values]


def column_label(column: str, table: str = "notices") -> str:
    """The Chinese name of a column (from the schema), else of a derived column."""
    found = schema_column_label(table, column)
    return found if found != column else code_labels("column", short=False).get(column, column)


def draw_barh(ax: Axes, labels: list[str], values: pd.Series, notes: list[str],
              color: str = COLOR) -> None:
    """Horizontal bars, first label on top, each with its note (value, n) at the bar end."""
    positions = np.arange(len(labels))
    ax.barh(positions, values.to_numpy(dtype=float), color=color)
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    top = float(np.nanmax(values.to_numpy(dtype=float))) if len(values) else 0.0
    for y, value, note in zip(positions, values.to_numpy(dtype=float), notes):
        ax.text(value + top * 0.01, y, note, va="center", fontsize=9, color="#333333")
    ax.set_xlim(0, top * 1.25 if top > 0 else 1)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def draw_heatmap(ax: Axes, table: pd.DataFrame, notes: pd.DataFrame | None = None,
                 unit: str = "", cmap: str = "Blues") -> None:
    """A heatmap of `table` with each cell written in it (`notes` replaces the numbers)."""
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), list(table.columns), rotation=35, ha="right")
    ax.set_yticks(range(table.shape[0]), list(table.index))
    ax.spines[:].set_visible(False)
    high = np.nanmax(values) if values.size else 0
    for (i, j), value in np.ndenumerate(values):
        text = notes.iat[i, j] if notes is not None else f"{value:.0f}"
        ax.text(j, i, text, ha="center", va="center", fontsize=8,
                color="white" if high and value > 0.6 * high else "#222222")
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.7)
    bar.set_label(unit)


def split_min_n(frame: pd.DataFrame, min_n: int, column: str = "n"
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(groups with at least `min_n` in `column`, the groups left out), order kept.

    >>> frame = pd.DataFrame({"group": ["a", "b", "c"], "n": [5, 1, 3]})
    >>> [part["group"].tolist() for part in split_min_n(frame, 3)]
    [['a', 'c'], ['b']]
    """
    if frame.empty:
        return frame, frame
    enough = frame[column].fillna(0) >= min_n
    return frame[enough].reset_index(drop=True), frame[~enough].reset_index(drop=True)


def min_n_note(left_out: pd.DataFrame, min_n: int, unit: str, group_unit: str = "组") -> str:
    """The line a chart carries about the groups it leaves out ("" when none are).

    >>> min_n_note(pd.DataFrame({"n": [1, 2]}), 3, "次巡察")
    '未列出 n<3 的 2 组 (共 3 次巡察)'
    """
    if left_out.empty:
        return ""
    return f"未列出 n<{min_n} 的 {len(left_out)} {group_unit} (共 {int(left_out['n'].sum())} {unit})"
