"""The fitted model as plain arrays: what classifying needs, without scikit-learn.

`analysis.classify.model` trains a TF-IDF + logistic-regression model with scikit-learn;
`LinearModel` keeps only what applying it takes (the two vocabularies with their idf
weights, the coefficients and intercepts) and applies it with numpy. A build classifies
in every worker process: importing scikit-learn (and SciPy with it) costs each of them
most of a second and every small batch a few milliseconds of input checks, while the
arithmetic itself is a few dozen multiplications per statement. `tests/test_classify.py`
checks that both give the same probabilities.

Applying the model repeats what the scikit-learn objects do:
- words: the analyzer's features (words and adjacent pairs) counted, as given;
- characters: the text lowercased, runs of white space made one space, and each
  space-separated word padded with a space on both sides, its 1- to 3-character
  n-grams counted (a padded word shorter than n gives itself once), as `char_wb` does;
- each: counts c become 1 + ln c (sublinear tf), times idf, the vector scaled to unit length;
- both side by side, times the coefficients plus the intercepts, then softmax.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from analysis.classify.features import char_text, word_features

_WHITE_SPACES = re.compile(r"\s\s+")


def char_wb_ngrams(text: str, low: int = 1, high: int = 3) -> list[str]:
    """Character n-grams inside space-padded words, as scikit-learn's `char_wb` analyzer.

    >>> char_wb_ngrams("审计 整改", 2, 3)
    [' 审', '审计', '计 ', ' 审计', '审计 ', ' 整', '整改', '改 ', ' 整改', '整改 ']
    >>> char_wb_ngrams("a", 1, 3)
    [' ', 'a', ' ', ' a', 'a ', ' a ']
    """
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            if size <= n:               # the whole padded word, once, and no longer n
                grams.append(padded)
                break
            grams.extend(padded[i:i + n] for i in range(size - n + 1))
    return grams


@dataclass
class LinearModel:
    """A fitted TF-IDF + multinomial logistic-regression model as arrays."""

    classes: list[str]
    word_index: dict[str, int]          # feature -> column, in the word block
    word_idf: np.ndarray
    char_index: dict[str, int]          # n-gram -> column, in the character block
    char_idf: np.ndarray
    coef: np.ndarray                    # (word columns + character columns) x classes
    intercept: np.ndarray               # classes
    char_range: tuple[int, int] = (1, 3)

    def _block(self, rows: list[list[str]], index: dict[str, int], idf: np.ndarray,
               offset: int) -> np.ndarray:
        """The scores one block (words or characters) adds, a row per statement.

        All statements at once: each (statement, column) pair is counted by sorting their
        keys, the tf-idf weights are scaled to unit length per statement, and each
        statement's weighted coefficient rows are summed over its own stretch."""
        ids = [[i for i in map(index.get, features) if i is not None] for features in rows]
        out = np.zeros((len(rows), len(self.classes)))
        lengths = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
        if not lengths.sum():
            return out
        columns = np.fromiter(chain.from_iterable(ids), dtype=np.intp, count=int(lengths.sum()))
        keys = np.repeat(np.arange(len(rows), dtype=np.intp), lengths) * len(idf) + columns
        keys, counts = np.unique(keys, return_counts=True)     # sorted: by statement
        row, columns = np.divmod(keys, len(idf))
        weights = (1.0 + np.log(counts)) * idf[columns]
        weights /= np.sqrt(np.bincount(row, weights * weights))[row]
        present, starts = np.unique(row, return_index=True)
        out[present] = np.add.reduceat(weights[:, None] * self.coef[columns + offset], starts)
        return out

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """The linear scores of each statement, one column per class."""
        words = [word_features(t) for t in texts]
        chars = [char_wb_ngrams(char_text(t), *self.char_range) for t in texts]
        scores = self.intercept + self._block(words, self.word_index, self.word_idf, 0)
        return scores + self._block(chars, self.char_index, self.char_idf, len(self.word_idf))

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Rows of class probabilities, columns in `classes` order."""
        if not texts:
            return np.zeros((0, len(self.classes)))
        scores = self.decision(texts)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores
