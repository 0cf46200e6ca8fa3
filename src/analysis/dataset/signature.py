"""A compact signature of a notice's main text, for finding reposts at corpus level.

The main text is the simplified body after the page chrome (fields.page), without the
lines that are page furniture, and with everything but Chinese characters and digits
set aside: so line breaks, punctuation width, a breadcrumb, a footer line or a
traditional-character mirror do not change it. Its signature holds

- `body_hash`: SHA-1 of that text (an exact match is a copy for certain);
- `minhash`: 64 MinHash values over its 5-character shingles;
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

from analysis.fields.page_layout import is_chrome

NUM_PERM = 64
SHINGLE = 5
_NOT_TEXT = re.compile(r"[^\u3400-\u9fff0-9]+")


@dataclass(frozen=True, slots=True)
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


# MinHash is written out here rather than taken from datasketch: importing datasketch
# imports SciPy (half a second of every build), and applying the permutations is three
# lines of numpy. The values are those of datasketch's MinHash(num_perm=64, seed=1,
# scheme="affine32") fed the same shingle hashes (tests/test_copies.py checks that).
_MAX_VALUE = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine maps h -> a h + b (mod 2^32), a odd so that each is a bijection."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: mixes structured hashes before the affine maps."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash_values(hashes: np.ndarray) -> np.ndarray:
    """NUM_PERM MinHash values (uint32) of a set of 32-bit hashes; all 2^32 - 1 when empty.

    >>> minhash_values(np.zeros(0, dtype=np.uint32))[:2].tolist()
    [4294967295, 4294967295]
    >>> bool((minhash_values(np.array([7, 9])) <= minhash_values(np.array([7]))).all())
    True
    """
    if not len(hashes):
        return np.full(NUM_PERM, _MAX_VALUE, dtype=np.uint32)
    a, b = _permutations()
    # a row per permutation, built in place: far faster than a column per permutation,
    # whose extra temporary of the same size is costly once it grows past the caches
    values = np.multiply.outer(a, _fmix32(hashes.astype(np.uint32)))
    values += b[:, None]
    return values.min(axis=1)


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's 5-character shingles, sorted.

    A polynomial hash over the characters' code points, computed for all shingles at once
    with numpy (deterministic across processes, unlike Python's hash()).

    >>> len(shingle_hashes("一二三四五六")), len(shingle_hashes("一二三四五一二三四五"))
    (2, 5)
    """
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    n = max(1, len(points) - SHINGLE + 1)
    hashes = np.zeros(n, dtype=np.uint32)
    for k in range(min(SHINGLE, len(points))):
        # uint32 arithmetic wraps modulo 2^32: the hash is taken modulo 2^32 at every step
        hashes *= np.uint32(1_000_003)
        hashes += points[k:k + n]
    hashes.sort()   # np.unique, sorting once (faster than its hashing for these sizes)
    return hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]


def text_signature(body: str) -> Signature:
    """The signature of a (simplified) notice body."""
    text = main_text(body)
    hashes = shingle_hashes(text) if text else np.zeros(0, dtype=np.uint32)
    return Signature(hashlib.sha1(text.encode("utf-8")).hexdigest(),
                     minhash_values(hashes).tobytes(), len(hashes))
