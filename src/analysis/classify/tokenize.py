"""Words of a problem statement: jieba with a domain dictionary, numbers pulled out.

The jieba tokenizer is built on first use (never at import time), loads the
user dictionary `resources/classify_userdict.txt` so that terms such as 一岗双责 or
三会一课 stay one token, and is silenced: jieba reports its dictionary loading on
stderr through its own logger, whose level is raised before loading.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from analysis.text.normalize import normalize_text, to_simplified

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"
USERDICT_PATH = _RESOURCES / "classify_userdict.txt"
STOPWORDS_PATH = _RESOURCES / "classify_stopwords.txt"

# Arabic numbers (with decimals, thousands commas, %) and anonymisation
# placeholders such as 202X, X月, XX万元. Chinese numerals stay: they are part of
# terms like 三会一课 and 四议两公开.
_NUMBER = re.compile(r"(?<![A-Za-z])(?:\d*[Xx]{1,4}(?![A-Za-z])|\d+(?:[.,]\d+)*%?)")
_PUNCT_OR_SPACE = re.compile(r"^[\W_]+$")


def prepare_text(text: str) -> str:
    """Canonical simplified form used by both the rules and the model.

    >>> prepare_text("對上輪巡察反饋問題整改不到位（２０２２年）")
    '对上轮巡察反馈问题整改不到位(2022年)'
    """
    return to_simplified(normalize_text(text or "")).strip()


def split_numbers(text: str) -> tuple[str, list[str]]:
    """Pull numbers and X placeholders out of `text`; each becomes a space.

    >>> split_numbers("202X年培训补助12.5万元未核销")
    (' 年培训补助 万元未核销', ['202X', '12.5'])
    >>> split_numbers("落实“三会一课”不到位")
    ('落实“三会一课”不到位', [])
    """
    numbers = [m.group(0) for m in _NUMBER.finditer(text)]
    return _NUMBER.sub(" ", text), numbers


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USERDICT_PATH))
    return tokenizer


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Stopwords from resources (one a line, `#` starts a comment)."""
    lines = STOPWORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def load_userdict_terms() -> list[str]:
    """The terms of the user dictionary (first column of each line)."""
    lines = USERDICT_PATH.read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]


def tokenize(text: str) -> list[str]:
    """Content words of a statement: normalised, numbers removed, stopwords dropped.

    >>> tokenize("2023年领导班子落实一岗双责不到位")
    ['领导班子', '落实', '一岗双责']
    >>> tokenize("XX村“四议两公开”落实不到位")
    ['村', '四议两公开', '落实']
    """
    cleaned, _ = split_numbers(prepare_text(text))
    stop = load_stopwords()
    return [w for w in _tokenizer().lcut(cleaned)
            if w.strip() and w not in stop and not _PUNCT_OR_SPACE.match(w)]
