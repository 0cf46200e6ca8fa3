"""The statistical layer: TF-IDF over jieba words and character n-grams, logistic regression.

Trained from the labelled set `data/labels/problem_labels.csv` (columns text,
category, categories, source) at first use and kept in memory; training takes
about a second and is deterministic (fixed random_state, a deterministic solver,
rows in file order). No fitted model is written to disk.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from analysis.classify.tokenize import prepare_text, split_numbers, tokenize

# the labelled set lives with the project's data: <repo>/data/labels/problem_labels.csv
LABELS_PATH = Path(__file__).resolve().parents[3] / "data" / "labels" / "problem_labels.csv"
RANDOM_STATE = 0
_NON_WORD = re.compile(r"[\W_]+")


def load_labels(path: Path = LABELS_PATH) -> pd.DataFrame:
    """The labelled statements; `categories` holds the primary then accepted alternates."""
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"text", "category", "categories", "source"} - set(labels.columns)
    if missing:
        raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
    return labels


def _word_features(tokens: list[str]) -> list[str]:
    """Words plus adjacent word pairs."""
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def _char_text(text: str) -> str:
    """Prepared text without numbers, punctuation turned into spaces."""
    cleaned, _ = split_numbers(prepare_text(text))
    return _NON_WORD.sub(" ", cleaned).strip()


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
        word_docs = [_word_features(tokenize(t)) for t in texts]
        char_docs = [_char_text(t) for t in texts]
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
        with threadpool_limits(limits=1):
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


@lru_cache(maxsize=2)
def _cached_model(path: Path, mtime_ns: int) -> TextModel:
    labels = load_labels(path)
    return train_model(labels["text"].tolist(), labels["category"].tolist())


def get_model(path: Path = LABELS_PATH) -> TextModel:
    """The model trained on the labelled set, trained once per process (per file version)."""
    return _cached_model(path, path.stat().st_mtime_ns)
