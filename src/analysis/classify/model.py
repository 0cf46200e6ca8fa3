"""The statistical layer: TF-IDF over jieba words and character n-grams, logistic regression.

Trained with scikit-learn from the labelled set `data/labels/problem_labels.csv`
(columns text, category, categories, source; see `analysis.paths.labelled_set_path`).
Training is deterministic (fixed random_state, a deterministic solver, rows in file
order). Classifying does not use this module: `to_linear` turns the fitted model into
an `analysis.classify.linear.LinearModel`, which `analysis.classify.trained.get_model`
keeps on disk and which is applied with numpy alone.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from analysis.classify.features import char_text, word_features
from analysis.classify.linear import LinearModel
from analysis.paths import labelled_set_path

RANDOM_STATE = 0


def load_labels(path: Path | None = None) -> pd.DataFrame:
    """The labelled statements; `categories` holds the primary then accepted alternates."""
    path = labelled_set_path() if path is None else path
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"text", "category", "categories", "source"} - set(labels.columns)
    if missing:
        raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
    return labels


def _identity(features: list[str]) -> list[str]:
    return features


@dataclass
class TextModel:
    """Fitted vectorisers and classifier; `classes` orders the probability columns."""

    words: TfidfVectorizer
    chars: TfidfVectorizer
    classifier: LogisticRegression

    @property
    def classes(self) -> list[str]:
        return [str(c) for c in self.classifier.classes_]

    def _features(self, texts: Sequence[str], fit: bool = False):
        word_docs = [word_features(t) for t in texts]
        char_docs = [char_text(t) for t in texts]
        if fit:
            return hstack([self.words.fit_transform(word_docs),
                           self.chars.fit_transform(char_docs)]).tocsr()
        return hstack([self.words.transform(word_docs),
                       self.chars.transform(char_docs)]).tocsr()

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> TextModel:
        # one BLAS thread: the problem is tiny, and spinning threads make a
        # busy machine take seconds instead of a fraction of one
        with threadpool_limits(limits=1):
            self.classifier.fit(self._features(texts, fit=True), list(labels))
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Rows of class probabilities, columns in `classes` order."""
        if not texts:
            return np.zeros((0, len(self.classes)))
        # sparse features: no BLAS threads to limit (and limiting them costs ms a call)
        return self.classifier.predict_proba(self._features(texts))


def train_model(texts: Sequence[str], labels: Sequence[str], c: float = 10.0) -> TextModel:
    """Fit a fresh model on `texts` with primary categories `labels`."""
    model = TextModel(
        words=TfidfVectorizer(analyzer=_identity, sublinear_tf=True),
        chars=TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True,
                              min_df=1),
        classifier=LogisticRegression(C=c, max_iter=5000, class_weight="balanced",
                                      random_state=RANDOM_STATE),
    )
    return model.fit(list(texts), list(labels))


def to_linear(model: TextModel) -> LinearModel:
    """The arrays that applying `model` takes (see analysis.classify.linear)."""
    words, chars = model.words, model.chars
    assert words.sublinear_tf and chars.sublinear_tf and words.norm == chars.norm == "l2"
    assert chars.analyzer == "char_wb" and chars.lowercase and chars.strip_accents is None
    coef = model.classifier.coef_
    if coef.shape[0] == 1:          # two classes: one row of scores for the second
        coef = np.vstack([-coef, coef]) / 2
        intercept = np.array([-1.0, 1.0]) * model.classifier.intercept_[0] / 2
    else:
        intercept = model.classifier.intercept_
    return LinearModel(
        classes=model.classes,
        word_index={str(k): int(v) for k, v in words.vocabulary_.items()},
        word_idf=np.asarray(words.idf_, dtype=np.float64),
        char_index={str(k): int(v) for k, v in chars.vocabulary_.items()},
        char_idf=np.asarray(chars.idf_, dtype=np.float64),
        coef=np.ascontiguousarray(coef.T, dtype=np.float64),
        intercept=np.asarray(intercept, dtype=np.float64),
        char_range=tuple(chars.ngram_range))
