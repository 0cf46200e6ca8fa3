"""Figures for the classifier quality notebook (return Figures, never save)."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.schema import code_labels


def plot_confusion(confusion: pd.DataFrame, title: str = "分类混淆矩阵（交叉验证）") -> Figure:
    """Heatmap of gold (rows) x predicted (columns) counts, with the counts written in."""
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    image = ax.imshow(confusion.to_numpy(), cmap="Blues")
    labels_x = [code_labels("category").get(c, c) for c in confusion.columns]
    labels_y = [code_labels("category").get(c, c) for c in confusion.index]
    ax.set_xticks(range(len(labels_x)), labels_x, rotation=45, ha="right")
    ax.set_yticks(range(len(labels_y)), labels_y)
    peak = confusion.to_numpy().max() or 1
    for i, row in enumerate(confusion.to_numpy()):
        for j, count in enumerate(row):
            if count:
                ax.text(j, i, str(count), ha="center", va="center",
                        color="white" if count > peak / 2 else "black", fontsize=9)
    ax.set_xlabel("预测类别")
    ax.set_ylabel("标注类别")
    ax.set_title(f"{title}，n={int(confusion.to_numpy().sum())} 条")
    fig.colorbar(image, ax=ax, shrink=0.8, label="问题条数")
    fig.tight_layout()
    return fig
