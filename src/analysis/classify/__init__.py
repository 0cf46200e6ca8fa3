"""Problem categories (TAXONOMY.md): keyword rules plus a scikit-learn model.

Two layers, combined as described in `analysis.classify.combine`: weighted
keywords from `resources/classify_keywords.csv` decide when they are decisive
and are returned as the reason; otherwise a TF-IDF + logistic-regression model
trained on `data/labels/problem_labels.csv` decides. Analysts' corrections in
`data/labels/overrides.csv` are applied at build time by `apply_overrides`.

    >>> [c.category for c in classify_texts(["落实“第一议题”制度不到位"])]
    ['learning']
"""
from __future__ import annotations

from collections.abc import Sequence

from analysis.classify.combine import Classification, classify_with_model
from analysis.classify.overrides import apply_overrides, read_overrides
from analysis.classify.rules import CATEGORIES

__all__ = ["CATEGORIES", "Classification", "apply_overrides", "classify_texts",
           "format_classify_lines", "read_overrides"]


def classify_texts(texts: Sequence[str]) -> list[Classification]:
    """Classify problem statements; one Classification per text, in order."""
    # the model (numpy arrays) is loaded only when something is classified; scikit-learn
    # only when it must be trained
    from analysis.classify.trained import get_model

    return classify_with_model(texts, get_model()) if len(texts) else []


def _top_probabilities(result: Classification, n: int = 3) -> str:
    ranked = sorted(result.probabilities.items(), key=lambda kv: -kv[1])[:n]
    return ",".join(f"{c}:{p:.2f}" for c, p in ranked)


def format_classify_lines(texts: Sequence[str], explain: bool = False) -> list[str]:
    """Lines for `python -m analysis classify FILE`: `category<TAB>text` per input.

    With `explain`, two more tab columns: the matched keywords (comma-joined,
    empty when none) and the model's top three probabilities (`category:p`).
    Tabs and line breaks inside a text become spaces so each result stays one
    line; blank inputs are skipped.
    """
    clean = [c for c in (" ".join((t or "").split()) for t in texts) if c]
    lines = []
    for text, result in zip(clean, classify_texts(clean)):
        columns = [result.category, text]
        if explain:
            columns += [",".join(result.matched), _top_probabilities(result)]
        lines.append("\t".join(columns))
    return lines
