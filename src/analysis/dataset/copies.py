"""Reposts: which notices are copies of one read before (the corpus-level step).

The same notice appears on the unit's own site, the discipline commission's, a news
portal and a traditional-character mirror, each with other page chrome, another title
line or other line breaks. Notices are taken in build order (sorted source paths); the
first copy wins, and each later one is matched to it by, in this order:

- `identical`: the same normalised text (the same doc_id);
- `body`: the same main text once chrome, punctuation, spacing and the script are set
  aside (signature.body_hash);
- `near`: MinHash LSH (`BandIndex`) finds earlier notices whose main texts share shingles;
  one is the first copy when at least 85% of the shorter main text is found in the
  other, the two are of comparable length (the shorter at least 60% of the longer), and
  no figure or date both of them state differs (a progress notice and the final notice
  of one inspection share most of their text but not their figures).

No pair of notices is compared unless LSH puts them in one bucket, so the step grows
with the corpus, not with its square.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from analysis.dataset.signature import NUM_PERM, Signature

MIN_CONTAINMENT = 0.85
MIN_LENGTH_RATIO = 0.6
LSH_THRESHOLD = 0.5
# Stated figures that must agree between two copies of one notice.
AGREEING_FIELDS = ("as_of_date", "feedback_date", "inspection_round", "inspection_group",
                   "problems_total", "problems_completed", "problems_in_progress",
                   "completion_rate", "recovered_wan", "rules_total", "people_handled")


@dataclass(frozen=True)
class Copy:
    first: int              # index of the first copy in the notices given
    how: str                # identical, body, near
    similarity: float       # share of the shorter main text found in the first copy


def _known(value: Any) -> bool:
    return value is not None and value == value and value != ""


def figures_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """No figure or date that both notices state differs.

    >>> figures_agree({"problems_total": 5, "as_of_date": None}, {"problems_total": 5})
    True
    >>> figures_agree({"problems_completed": 3}, {"problems_completed": 5})
    False
    """
    return all(not (_known(a.get(f)) and _known(b.get(f))) or a.get(f) == b.get(f)
               for f in AGREEING_FIELDS)


@lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that minimise the chance of a false positive below
    `threshold` plus that of a false negative above it (the choice datasketch's MinHashLSH
    makes, with equal weights): two texts of Jaccard similarity s share a band with
    probability 1 - (1 - s^r)^b.

    >>> lsh_bands(0.5, 64)
    (14, 4)
    """
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)])
    bands, rows = pairs[:, :1].astype(float), pairs[:, 1:].astype(float)
    low = np.linspace(0.0, threshold, 1001)
    high = np.linspace(threshold, 1.0, 1001)
    false_pos = np.trapezoid(1 - (1 - low ** rows) ** bands, low, axis=1)
    false_neg = np.trapezoid((1 - high ** rows) ** bands, high, axis=1)
    best = pairs[int(np.argmin(false_pos + false_neg))]
    return int(best[0]), int(best[1])


class BandIndex:
    """MinHash LSH over the notices of one build: `query(i)` gives the notices inserted so
    far that agree with notice i on every value of at least one band.

    Each band's values are numbered once for all notices (np.unique), so the index is a few
    integer arrays (some 200 bytes a notice) rather than a dictionary entry per notice and
    band. Written here, not taken from datasketch, for the same reason as the MinHash itself
    (analysis.dataset.signature).
    """

    def __init__(self, values: np.ndarray, threshold: float = LSH_THRESHOLD) -> None:
        n = len(values)
        bands, rows = lsh_bands(threshold, values.shape[1])
        # for band b, value number v: the notices (sorted by index) that have it are
        # members[starts[first[b] + v]:starts[first[b] + v + 1]]
        self._groups = np.zeros((bands, n), dtype=np.int64)     # value number, by notice
        members, starts, first = [], [], []
        for band in range(bands if n else 0):
            _, ids = np.unique(values[:, band * rows:(band + 1) * rows], axis=0,
                               return_inverse=True)
            ids = ids.ravel()
            order = np.argsort(ids, kind="stable")
            first.append(sum(len(s) for s in starts))
            self._groups[band] = ids
            members.append(order.astype(np.int32))
            starts.append(np.searchsorted(ids[order], np.arange(ids.max() + 2)) + band * n)
        self._members = np.concatenate(members) if members else np.zeros(0, np.int32)
        self._starts = np.concatenate(starts) if starts else np.zeros(0, np.int64)
        self._first = np.array(first, dtype=np.int64).reshape(-1, 1)
        self._inserted = np.zeros(n, dtype=bool)

    def insert(self, i: int) -> None:
        self._inserted[i] = True

    def query(self, i: int) -> np.ndarray:
        """The notices inserted before i that share a band with it, in index order."""
        at = self._groups[:, i:i + 1] + self._first
        low, high = self._starts[at].ravel(), self._starts[at + 1].ravel()
        shared = np.flatnonzero(high - low > 1)         # bands where i is not alone
        if not len(shared):
            return np.zeros(0, dtype=np.int32)
        parts = [self._members[low[k]:high[k]] for k in shared]
        found = np.unique(np.concatenate([p[:p.searchsorted(i)] for p in parts]))
        return found[self._inserted[found]]


def _near_match(i: int, sig: Signature, rows: Sequence[dict[str, Any]],
                values: np.ndarray, sizes: np.ndarray, lsh: BandIndex) -> Copy | None:
    """The earlier notice this one is a near copy of, if any. The candidates LSH finds are
    scored all at once (a template-heavy corpus can put thousands in one bucket): the MinHash
    Jaccard estimate J gives the shared shingles |A∩B| = J (|A| + |B|) / (1 + J), and the
    share of the shorter text found in the other is that over min(|A|, |B|)."""
    found = lsh.query(i)
    if not len(found):
        return None
    jaccard = (values[found] == values[i]).mean(axis=1)
    small = np.minimum(sizes[found], sig.n_shingles)
    large = np.maximum(sizes[found], sig.n_shingles)
    share = np.minimum(1.0, jaccard * (sizes[found] + sig.n_shingles) / (1 + jaccard)
                       / np.maximum(small, 1))
    keep = (share >= MIN_CONTAINMENT) & (small >= MIN_LENGTH_RATIO * large)
    for k in np.argsort(-share[keep], kind="stable"):
        j = int(found[keep][k])
        if figures_agree(rows[i], rows[j]):
            return Copy(j, "near", round(float(share[keep][k]), 3))
    return None


def find_copies(rows: Sequence[dict[str, Any]],
                sigs: Sequence[Signature | None]) -> dict[int, Copy]:
    """{index of a copy: Copy naming the first copy}, for notices in build order.

    `rows` are notices rows (doc_id and the figures), `sigs` their signatures (None when
    a notice has no main text to compare).
    """
    copies: dict[int, Copy] = {}
    values = np.stack([s.hashvalues() if s is not None else np.zeros(NUM_PERM, np.uint32)
                       for s in sigs]) if len(sigs) else np.zeros((0, NUM_PERM), np.uint32)
    sizes = np.array([s.n_shingles if s is not None else 0 for s in sigs], dtype=np.float64)
    by_doc_id: dict[str, int] = {}
    by_body: dict[str, int] = {}
    lsh = BandIndex(values)
    for i, (row, sig) in enumerate(zip(rows, sigs)):
        if row["doc_id"] in by_doc_id:
            copies[i] = Copy(by_doc_id[row["doc_id"]], "identical", 1.0)
            continue
        by_doc_id[row["doc_id"]] = i
        if sig is None or not sig.n_shingles:
            continue
        if sig.body_hash in by_body:
            copies[i] = Copy(by_body[sig.body_hash], "body", 1.0)
            continue
        found = _near_match(i, sig, rows, values, sizes, lsh)
        if found:
            copies[i] = found
            continue
        by_body[sig.body_hash] = i
        lsh.insert(i)
    return copies


