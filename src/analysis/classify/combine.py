"""How the keyword rules and the model are combined into one Classification.

- The rules win when they are decisive: the best-scoring category reaches
  RULE_MIN_SCORE (one strong keyword such as 第一议题, 选拔任用, 审计指出, 养老) and
  leads the runner-up by at least RULE_MIN_LEAD, so 三重一大 + 走过场 is
  party_building by rule while 民主生活会 + 整改措施未落实 goes to the model. Such
  words name the category outright; in cross-validation rule decisions are
  right on about 99% of the rows they take (about two thirds of all rows),
  against about 75-90% for the model on the rest. The matched words are the
  reason shown (source "rule").
- Otherwise the model decides (source "model"): statements with no keyword, or
  with keywords of several categories in balance, are where word and character
  statistics over whole phrasings do better. Rule scores still nudge the model
  (RULE_NUDGE per keyword weight) so a matching keyword breaks near-ties.
- Secondary categories: another category is added when the statement clearly
  spans it: its own keywords score at least SECONDARY_RULE_SCORE, or a keyword
  (weight >= 2) and model probability at least SECONDARY_MIN_PROBA, or model
  probability at least SECONDARY_STRONG_PROBA alone. Candidates are taken in
  order of model probability; at most MAX_CATEGORIES in all; `other` is never
  secondary.
- `other` ("none of the above") is taken from the model only when its
  probability reaches OTHER_MIN_PROBA; below that the best named category wins,
  since a vague statement of a known kind is more common than a truly new kind.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analysis.classify.rules import CATEGORIES, RuleHit, match_keywords

if TYPE_CHECKING:
    from analysis.classify.linear import LinearModel

RULE_MIN_SCORE = 2
RULE_MIN_LEAD = 2
RULE_NUDGE = 0.05
SECONDARY_RULE_SCORE = 3
SECONDARY_MIN_PROBA = 0.15
SECONDARY_STRONG_PROBA = 0.4
MAX_CATEGORIES = 2
OTHER_MIN_PROBA = 0.6


@dataclass
class Classification:
    """One statement's category, with the reason and the model's view.

    `matched` holds the keywords found for the chosen categories (the reason
    shown to the analyst); keywords of categories not chosen are left out.
    `probabilities` is the model's view of every category, whoever decided.
    """

    category: str
    categories: list[str]
    source: str
    matched: list[str] = field(default_factory=list)
    probabilities: dict[str, float] = field(default_factory=dict)


def _rule_decides(hit: RuleHit) -> str | None:
    ranked = hit.ranked()
    if not ranked or ranked[0][1] < RULE_MIN_SCORE:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] - runner_up >= RULE_MIN_LEAD else None


def _secondary(primary: str, hit: RuleHit, proba: dict[str, float]) -> list[str]:
    extra = []
    for category in sorted(proba, key=lambda c: -proba[c]):
        if category in (primary, "other"):
            continue
        p, score = proba[category], hit.scores.get(category, 0)
        if (score >= SECONDARY_RULE_SCORE or (score >= 2 and p >= SECONDARY_MIN_PROBA)
                or p >= SECONDARY_STRONG_PROBA):
            extra.append(category)
    return [primary, *extra][:MAX_CATEGORIES]


def combine(hit: RuleHit, proba: dict[str, float]) -> Classification:
    """Merge rule hits and model probabilities for one statement."""
    category = _rule_decides(hit)
    source = "rule"
    if category is None:
        source = "model"
        nudged = {c: p + RULE_NUDGE * hit.scores.get(c, 0) for c, p in proba.items()}
        order = {c: i for i, c in enumerate(CATEGORIES)}
        if proba.get("other", 0.0) < OTHER_MIN_PROBA:
            nudged.pop("other", None)
        category = max(nudged, key=lambda c: (nudged[c], -order.get(c, 99)))
    rounded = {c: round(float(p), 4) for c, p in proba.items()}
    categories = _secondary(category, hit, proba)
    return Classification(category, categories, source, _reasons(hit, categories), rounded)


def _reasons(hit: RuleHit, categories: list[str]) -> list[str]:
    """Matched words that speak for the chosen categories, primary's first."""
    return [w for c in categories for w in hit.matched_by_category.get(c, [])]


def classify_with_model(texts: Sequence[str], model: LinearModel) -> list[Classification]:
    """Classify `texts` with the rules and a given fitted model (batch)."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    if not texts:
        return []
    classes = model.classes
    return [combine(match_keywords(text), dict(zip(classes, row.tolist())))
            for text, row in zip(texts, model.predict_proba(texts))]
