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
import zlib
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
    lines = (line for line in body.splitlines() if line.strip() and not is_chrome(line))
    return _NOT_TEXT.sub("", "".join(lines))


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def _crc32(data: bytes) -> int:
    # zlib's CRC-32 is deterministic across processes (Python's hash() is not) and fast.
    return zlib.crc32(data)


def text_signature(body: str) -> Signature:
    """The signature of a (simplified) notice body."""
    text = main_text(body)
    shingles = {text[i:i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, permutations=template.permutations,
                      hashfunc=_crc32, scheme=template.scheme)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    values = minhash.hashvalues.astype(np.uint32)
    return Signature(hashlib.sha1(text.encode("utf-8")).hexdigest(), values.tobytes(),
                     len(shingles) if text else 0)


def jaccard(a: Signature, b: Signature) -> float:
    """MinHash estimate of the Jaccard similarity of two main texts' shingle sets."""
    return float(np.mean(a.hashvalues() == b.hashvalues()))


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller shingle set found in the larger one (0–1).

    From J = |A∩B| / |A∪B|: |A∩B| = J (|A| + |B|) / (1 + J).
    """
    if not a.n_shingles or not b.n_shingles:
        return 0.0
    j = jaccard(a, b)
    shared = j * (a.n_shingles + b.n_shingles) / (1 + j)
    return min(1.0, shared / min(a.n_shingles, b.n_shingles))
