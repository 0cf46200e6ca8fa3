"""Classifier quality and speed: `python benchmarks/classifier_quality.py`.

Prints the cross-validated accuracy tables of `analysis.classify.quality.build_cv_report`
and the time to classify a few thousand statements in one batch.
"""
from __future__ import annotations

import time

from analysis.classify import classify_texts
from analysis.classify.model import load_labels
from analysis.classify.quality import build_cv_report


def main() -> None:
    started = time.perf_counter()
    report = build_cv_report()
    print(f"cross-validation took {time.perf_counter() - started:.1f}s\n")
    for name in ("summary", "by_source", "per_category"):
        print(report[name].round(3).to_string(index=False), end="\n\n")
    texts = load_labels()["text"].tolist() * 10
    classify_texts(texts[:1])
    started = time.perf_counter()
    classify_texts(texts)
    print(f"classified {len(texts)} statements in {time.perf_counter() - started:.2f}s")


if __name__ == "__main__":
    main()
