"""Speed and memory of a build on a generated corpus.

    python benchmarks/build_speed.py [--n 2000] [--keep DIR]

Makes N notices by recombining the sample notices' paragraphs (an opening and
a closing from one sample, body paragraphs drawn from all of them) with every
number varied, builds them with build_dataset, and prints notices per second
and the peak resident memory of the process.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "raw"


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[-1]
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=[一二三四五六七八九十]、)", text) if p.strip()]


def _vary_numbers(text: str, rng: random.Random) -> str:
    return re.sub(r"\d", lambda m: str(rng.randint(1 if m.start() == 0 else 0, 9)), text)


def make_corpus(out: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    samples = [_paragraphs(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in (".txt", ".md")]
    pool = [para for paras in samples for para in paras[2:-1]]
    files = []
    for i in range(n):
        paras = samples[i % len(samples)]
        body = rng.sample(pool, k=min(len(pool), rng.randint(6, 18)))
        text = "\n\n".join([paras[0], paras[1], *body, paras[-1]])
        path = out / f"notice-{i:05d}.txt"
        path.write_text(_vary_numbers(text, rng), encoding="utf-8")
        files.append(path)
    return files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--keep", type=Path, default=None, help="write the corpus here and keep it")
    args = ap.parse_args()
    from analysis.dataset.build import build_dataset

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.keep or Path(tmp)
        corpus.mkdir(parents=True, exist_ok=True)
        make_corpus(corpus, args.n)
        t0 = time.perf_counter()
        tables = build_dataset(corpus, progress=True)
        secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(tables["notices"])
    print(f"{n} notices, {len(tables['problems'])} problems, {len(tables['facts'])} facts "
          f"in {secs:.1f} s: {n / secs:.1f} notices/s; peak memory {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
