"""The statistical layer: TF-IDF over jieba words and character n-grams, logistic regression.

Trained from the labelled set `data/labels/problem_labels.csv` (columns text,
category, categories, source; see `analysis.paths.labelled_set_path`) at first use.
Training is deterministic (fixed random_state, a deterministic solver, rows in file
order); the fitted model is kept in memory and pickled into `paths.cache_dir()`,
keyed by the labelled set, the classifier's code and vocabularies and the versions of
scikit-learn and jieba, so a build trains it once, not every time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
import numpy as np
import pandas as pd
import sklearn
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from analysis.classify.tokenize import prepare_text, split_numbers, tokenize
from analysis.paths import cache_dir, labelled_set_path, resources_dir

RANDOM_STATE = 0
_NON_WORD = re.compile(r"[\W_]+")


def load_labels(path: Path | None = None) -> pd.DataFrame:
    """The labelled statements; `categories` holds the primary then accepted alternates."""
    path = labelled_set_path() if path is None else path
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


def model_key(path: Path) -> str:
    """What the fitted model depends on: labels, classifier code and vocabularies, versions."""
    digest = hashlib.sha1(path.read_bytes())
    for source in sorted(Path(__file__).parent.glob("*.py")) + sorted(
            resources_dir().glob("classify_*")):
        digest.update(source.name.encode() + source.read_bytes())
    digest.update(f"{sklearn.__version__}|{jieba.__version__}".encode())
    return digest.hexdigest()[:16]


def _load_or_train(path: Path) -> TextModel:
    cached = cache_dir() / f"classifier-{model_key(path)}.pkl"
    try:
        with cached.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    labels = load_labels(path)
    model = train_model(labels["text"].tolist(), labels["category"].tolist())
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass        # a read-only home: the model is trained again next time
    return model


@lru_cache(maxsize=2)
def _cached_model(path: Path, mtime_ns: int) -> TextModel:
    return _load_or_train(path)


def get_model(path: Path | None = None) -> TextModel:
    """The model trained on the labelled set: once per process, and kept on disk between runs."""
    path = labelled_set_path() if path is None else path
    return _cached_model(path, path.stat().st_mtime_ns)
