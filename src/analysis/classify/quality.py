"""Quality of the classifier, measured without scoring a statement the model saw.

- Seeds, leave-one-notice-out: for each seed notice, the model is trained
  without that notice's rows (the written rows and the other notices' rows stay)
  and its statements are classified.
- Written rows, k-fold: the written rows are split into stratified folds; each
  fold is classified by a model trained on everything else.

A prediction counts as right when it is the primary category or one of the
accepted alternates (`categories` column of the labels).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from analysis.classify.combine import classify_with_model
from analysis.classify.model import RANDOM_STATE, load_labels, train_model
from analysis.classify.rules import CATEGORIES, match_keywords


def _predict_rows(labels: pd.DataFrame, test_mask: pd.Series) -> pd.DataFrame:
    train, test = labels[~test_mask], labels[test_mask]
    model = train_model(train["text"].tolist(), train["category"].tolist())
    results = classify_with_model(test["text"].tolist(), model)
    out = test[["text", "category", "categories", "source"]].copy()
    out["predicted"] = [r.category for r in results]
    out["predicted_categories"] = [";".join(r.categories) for r in results]
    out["decided_by"] = [r.source for r in results]
    out["model_only"] = [max(r.probabilities, key=r.probabilities.get) for r in results]
    out["rules_only"] = [_rule_guess(t) for t in test["text"]]
    return out


def _rule_guess(text: str) -> str | None:
    ranked = match_keywords(text).ranked()
    return ranked[0][0] if ranked else None


def _accepted(row: pd.Series, column: str) -> bool:
    return row[column] in str(row["categories"]).split(";")


def build_leave_one_notice_out(labels: pd.DataFrame | None = None) -> pd.DataFrame:
    """Seed statements classified by models that never saw their notice."""
    labels = load_labels() if labels is None else labels
    seeds = labels["source"].str.startswith("seed:")
    parts = [_predict_rows(labels, labels["source"] == source)
             for source in sorted(labels.loc[seeds, "source"].unique())]
    return _score(pd.concat(parts), "seeds, leave-one-notice-out")


def build_written_cross_validation(labels: pd.DataFrame | None = None,
                                   folds: int = 5) -> pd.DataFrame:
    """Written statements classified in stratified folds (seed rows always train)."""
    labels = (load_labels() if labels is None else labels).reset_index(drop=True)
    written = labels.index[labels["source"] == "written"]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=RANDOM_STATE)
    parts = []
    for _, test_positions in splitter.split(written, labels.loc[written, "category"]):
        mask = labels.index.isin(written[test_positions])
        parts.append(_predict_rows(labels, pd.Series(mask, index=labels.index)))
    return _score(pd.concat(parts).sort_index(), f"written, {folds}-fold")


def _score(rows: pd.DataFrame, scope: str) -> pd.DataFrame:
    rows = rows.copy()
    rows["scope"] = scope
    rows["correct"] = rows.apply(_accepted, axis=1, column="predicted")
    rows["model_only_correct"] = rows.apply(_accepted, axis=1, column="model_only")
    rows["rules_only_correct"] = rows.apply(_accepted, axis=1, column="rules_only")
    return rows


def _summary(predictions: pd.DataFrame) -> pd.DataFrame:
    groups = predictions.groupby("scope", sort=False)
    summary = pd.DataFrame({
        "n": groups.size(),
        "accuracy": groups["correct"].mean(),
        "model_only_accuracy": groups["model_only_correct"].mean(),
        "rules_only_accuracy": groups["rules_only_correct"].mean(),
        "decided_by_rule": groups["decided_by"].apply(lambda s: (s == "rule").mean()),
    })
    return summary.reset_index()


def _by_source(predictions: pd.DataFrame) -> pd.DataFrame:
    table = predictions.groupby(["scope", "decided_by"])["correct"].agg(["size", "mean"])
    return table.rename(columns={"size": "n", "mean": "accuracy"}).reset_index()


def _per_category(predictions: pd.DataFrame) -> pd.DataFrame:
    gold = predictions["category"]
    # an accepted alternate counts as the gold primary, so it is not an error
    predicted = predictions["predicted"].where(~predictions["correct"], gold)
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=list(CATEGORIES), zero_division=0)
    return pd.DataFrame({"category": CATEGORIES, "precision": precision, "recall": recall,
                         "f1": f1, "support": support})


def _confusion(predictions: pd.DataFrame) -> pd.DataFrame:
    matrix = confusion_matrix(predictions["category"], predictions["predicted"],
                              labels=list(CATEGORIES))
    return pd.DataFrame(matrix, index=pd.Index(CATEGORIES, name="gold"),
                        columns=pd.Index(CATEGORIES, name="predicted"))


def build_cv_report(labels_path: Path | None = None, folds: int = 5) -> dict[str, pd.DataFrame]:
    """Tables for the quality notebook.

    Returns `predictions` (one row per scored statement), `summary` (accuracy per
    scope, with rules-only and model-only accuracy for comparison), `by_source`
    (accuracy of rule and model decisions), `per_category` (precision, recall,
    F1 on all scored rows) and `confusion` (gold x predicted counts).
    """
    labels = load_labels(labels_path)
    predictions = pd.concat([build_leave_one_notice_out(labels),
                             build_written_cross_validation(labels, folds)],
                            ignore_index=True)
    return {"predictions": predictions, "summary": _summary(predictions),
            "by_source": _by_source(predictions), "per_category": _per_category(predictions),
            "confusion": _confusion(predictions)}
