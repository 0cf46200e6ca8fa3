"""A compact signature of a notice's main text, for finding reposts at corpus level.

The main text is the simplified body after the page chrome (fields.page), without the
lines that are page furniture, and with everything but Chinese characters and digits
set aside: so line breaks, punctuation width, a breadcrumb, a footer line or a
traditional-character mirror do not change it. Its signature holds

- `body_hash`: SHA-1 of that text (an exact match is a copy for certain);
- `minhash`: 64 MinHash values (datasketch) over its 5-character shingles;
- `n_shingles`: how many distinct shingles it has (turns a Jaccard estimate into the
  share of the shorter text found in the longer).

A signature is 300 bytes whatever the notice's length.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from analysis.fields.page_layout import is_chrome

NUM_PERM = 64
SHINGLE = 5
_NOT_TEXT = re.compile(r"[^\u3400-\u9fff0-9]+")


@dataclass(frozen=True)
class Signature:
    body_hash: str
    minhash: bytes          # NUM_PERM uint32 values
    n_shingles: int

    def hashvalues(self) -> np.ndarray:
        return np.frombuffer(self.minhash, dtype=np.uint32)


def main_text(body: str) -> str:
    """The text a signature is made of: body lines that are not chrome, letters only.

    >>> main_text("当前位置:首页 > 巡察整改\\n一、关于 “学习” 问题。\\n整改 2 项")
    '一关于学习问题整改2项'
    """
    # a line with a sentence end is body text; only the others may be chrome
    lines = (line for line in body.splitlines()
             if line.strip() and ("。" in line or not is_chrome(line)))
    return _NOT_TEXT.sub("", "".join(lines))


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's 5-character shingles, sorted.

    A polynomial hash over the characters' code points, computed for all shingles at once
    with numpy (deterministic across processes, unlike Python's hash()).

    >>> len(shingle_hashes("一二三四五六")), len(shingle_hashes("一二三四五一二三四五"))
    (2, 5)
    """
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = max(1, len(points) - SHINGLE + 1)
    hashes = np.zeros(n, dtype=np.uint64)
    for k in range(min(SHINGLE, len(points))):
        hashes = (hashes * np.uint64(1_000_003) + points[k:k + n]) & np.uint64(0xFFFFFFFF)
    hashes.sort()   # np.unique, sorting once (faster than its hashing for these sizes)
    return hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]


def text_signature(body: str) -> Signature:
    """The signature of a (simplified) notice body."""
    text = main_text(body)
    hashes = shingle_hashes(text) if text else np.zeros(0, dtype=np.uint64)
    template = _template()
    # the shingles are hashed already: datasketch only permutes and takes the minima
    minhash = MinHash(num_perm=NUM_PERM, permutations=template.permutations,
                      hashfunc=int, scheme=template.scheme)
    minhash.update_batch(hashes.tolist())
    values = minhash.hashvalues.astype(np.uint32)
    return Signature(hashlib.sha1(text.encode("utf-8")).hexdigest(), values.tobytes(),
                     len(hashes))
