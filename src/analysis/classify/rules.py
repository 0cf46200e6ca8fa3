"""Keyword rules: weighted category keywords from `resources/classify_keywords.csv`.

Each row is `category,keyword,weight`: weight 3 marks a word that alone decides
the category (第一议题, 三会一课, 选拔任用, 审计指出), 2 a strong hint, 1 a weak
one. A category named `none` holds phrases that only block a shorter keyword
inside them. Keywords are matched longest first without overlap, so 整改主体责任
counts for rectification and not also 主体责任 for party_building. The matched
words are returned: they are the reason shown to the analyst.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.classify.tokenize import prepare_text

KEYWORDS_PATH = Path(__file__).resolve().parent.parent / "resources" / "classify_keywords.csv"
CATEGORIES: tuple[str, ...] = ("learning", "finance", "personnel", "conduct",
                               "party_building", "duty", "rectification", "other")
_BLOCKING = "none"


@dataclass(frozen=True)
class RuleHit:
    """What the keyword rules saw in one statement."""

    scores: dict[str, int] = field(default_factory=dict)
    matched: list[str] = field(default_factory=list)
    matched_by_category: dict[str, list[str]] = field(default_factory=dict)

    def ranked(self) -> list[tuple[str, int]]:
        """Categories by score, best first (ties in CATEGORIES order)."""
        order = {c: i for i, c in enumerate(CATEGORIES)}
        return sorted(self.scores.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))


@lru_cache(maxsize=4)
def load_keywords(path: Path = KEYWORDS_PATH) -> dict[str, tuple[str, int]]:
    """keyword -> (category, weight); rejects unknown categories and duplicates."""
    table: dict[str, tuple[str, int]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for line_no, row in enumerate(csv.DictReader(f), start=2):
            category, word = row["category"].strip(), prepare_text(row["keyword"])
            if category not in CATEGORIES and category != _BLOCKING:
                raise ValueError(f"{path.name} line {line_no}: unknown category {category!r}")
            if word in table:
                raise ValueError(f"{path.name} line {line_no}: duplicate keyword {word!r}")
            table[word] = (category, int(row["weight"]))
    return table


@lru_cache(maxsize=4)
def _pattern(path: Path = KEYWORDS_PATH) -> re.Pattern:
    words = sorted(load_keywords(path), key=lambda w: (-len(w), w))
    # a lookahead finds, at every position, the longest keyword starting there
    return re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")


def find_keywords(text: str, path: Path = KEYWORDS_PATH) -> list[tuple[int, str]]:
    """Non-overlapping keyword spans in prepared `text`, longest kept first.

    >>> find_keywords("巡察整改主体责任落实不到位")
    [(2, '整改主体责任')]
    """
    candidates = [(m.start(), m.group(1)) for m in _pattern(path).finditer(text)]
    candidates.sort(key=lambda c: (-len(c[1]), c[0]))
    taken: list[tuple[int, str]] = []
    used = [False] * len(text)
    for start, word in candidates:
        if not any(used[start:start + len(word)]):
            used[start:start + len(word)] = [True] * len(word)
            taken.append((start, word))
    return sorted(taken)


def match_keywords(text: str, path: Path = KEYWORDS_PATH) -> RuleHit:
    """Score each category by the keywords found in `text` (longest match first).

    >>> hit = match_keywords("执行“三重一大”议事规则不到位")
    >>> hit.scores, hit.matched
    ({'party_building': 5}, ['三重一大', '议事规则'])
    >>> match_keywords("巡察整改主体责任落实不到位").ranked()[0]
    ('rectification', 3)
    """
    table = load_keywords(path)
    scores: dict[str, int] = {}
    matched: list[str] = []
    by_category: dict[str, list[str]] = {}
    for _, word in find_keywords(prepare_text(text), path):
        category, weight = table[word]
        if category == _BLOCKING:
            continue
        scores[category] = scores.get(category, 0) + weight
        if word not in matched:
            matched.append(word)
            by_category.setdefault(category, []).append(word)
    return RuleHit(scores, matched, by_category)
