"""The words that set one problem category apart from the others.

Tokens come from `analysis.classify.tokenize` (jieba with the project dictionary) when it is
available, else from plain jieba, else from character bigrams of the Chinese runs.
Distinctiveness is the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008), counted over problems (a term counts once per problem),
so words frequent everywhere score low.
"""
from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import pandas as pd

from analysis.paths import resources_dir

Tokenizer = Callable[[str], list[str]]
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PRIOR_WEIGHT = 100.0        # total pseudo-count spread over the vocabulary
MAX_PROBLEMS = 20_000        # a fixed sample past this keeps the count fast


def bigrams(text: str) -> list[str]:
    """Character bigrams inside each run of Chinese characters.

    >>> bigrams("理论学习,不深入")
    ['理论', '论学', '学习', '不深', '深入']
    """
    return [run[i:i + 2] for run in _CJK_RUN.findall(text or "") for i in range(len(run) - 1)]


def get_tokenizer() -> Tokenizer:
    """`analysis.classify.tokenize` if importable, else `jieba.lcut`, else `bigrams`."""
    try:
        found = importlib.import_module("analysis.classify").__dict__.get("tokenize")
        if found is None:
            found = importlib.import_module("analysis.classify.tokenize")
        if not callable(found):
            found = getattr(found, "tokenize", None)
        if callable(found):
            return found
    except Exception:        # the classifier is optional for charts
        pass
    try:
        import jieba
    except ImportError:
        return bigrams
    jieba.setLogLevel(60)
    return jieba.lcut


@lru_cache(maxsize=1)
def read_stopwords() -> frozenset[str]:
    """Words never shown as distinctive (resources/plots_stopwords.txt)."""
    lines = (resources_dir() / "plots_stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _terms(text: str, tokenize: Tokenizer, stop: frozenset[str]) -> set[str]:
    return {t for t in tokenize(text or "") if len(t) >= 2 and t not in stop
            and _CJK_RUN.fullmatch(t)}


def build_distinctive_terms(problems: pd.DataFrame, top_n: int = 8, min_count: int = 2,
                            tokenize: Tokenizer | None = None) -> pd.DataFrame:
    """Top terms per primary category: category, term, count (problems), z (log-odds z-score).

    Terms found in fewer than `min_count` problems of the category are skipped.
    """
    columns = ["category", "term", "count", "z"]
    frame = problems.dropna(subset=["category", "problem"])
    if len(frame) > MAX_PROBLEMS:
        frame = frame.sample(MAX_PROBLEMS, random_state=0)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    tokenize, stop = tokenize or get_tokenizer(), read_stopwords()
    per_category: dict[str, Counter] = {}
    for category, text in zip(frame["category"], frame["problem"]):
        per_category.setdefault(category, Counter()).update(_terms(text, tokenize, stop))
    total = sum(per_category.values(), Counter())
    rows = [row for category, counts in per_category.items()
            for row in _top_terms(category, counts, total, top_n, min_count)]
    return pd.DataFrame(rows, columns=columns)


def _top_terms(category: str, counts: Counter, total: Counter, top_n: int,
               min_count: int) -> list[dict]:
    n_all, n_in = sum(total.values()), sum(counts.values())
    scored = []
    for term, y_in in counts.items():
        if y_in < min_count:
            continue
        prior = _PRIOR_WEIGHT * total[term] / n_all
        y_out, n_out = total[term] - y_in, n_all - n_in
        rest_in = max(n_in + _PRIOR_WEIGHT - y_in - prior, 1e-9)
        rest_out = max(n_out + _PRIOR_WEIGHT - y_out - prior, 1e-9)
        delta = math.log((y_in + prior) / rest_in) - math.log((y_out + prior) / rest_out)
        z = delta / math.sqrt(1 / (y_in + prior) + 1 / (y_out + prior))
        scored.append({"category": category, "term": term, "count": y_in, "z": round(z, 2)})
    scored.sort(key=lambda row: (-row["z"], row["term"]))
    return [row for row in scored[:top_n] if row["z"] > 0]
