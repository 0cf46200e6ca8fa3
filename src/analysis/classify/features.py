"""What the model reads of a statement: its words and word pairs, and its characters."""
from __future__ import annotations

import re

from analysis.classify.tokenize import prepare_text, split_numbers, tokenize

_NON_WORD = re.compile(r"[\W_]+")


def word_features(text: str) -> list[str]:
    """Content words (analysis.classify.tokenize) plus adjacent word pairs.

    >>> word_features("落实一岗双责不到位")
    ['落实', '一岗双责', '落实 一岗双责']
    """
    tokens = tokenize(text)
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def char_text(text: str) -> str:
    """Prepared text without numbers, punctuation turned into spaces.

    >>> char_text("2023年“三会一课”落实不到位。")
    '年 三会一课 落实不到位'
    """
    cleaned, _ = split_numbers(prepare_text(text))
    return _NON_WORD.sub(" ", cleaned).strip()
