"""A generated corpus for benchmarks: N notices made of the sample notices' paragraphs.

    python benchmarks/generate.py DIR [--n 3000]

Each notice takes an opening and a closing from one sample and 2 to 8 body paragraphs
drawn from all of them, with every digit varied (about 2.9 KB a notice: 3,000 make some
8.7 MB, the size of the corpus the scaling targets speak of); the same N and seed give
the same files.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
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
        body = rng.sample(pool, k=min(len(pool), rng.randint(2, 8)))
        text = "\n\n".join([paras[0], paras[1], *body, paras[-1]])
        path = out / f"notice-{i:05d}.txt"
        path.write_text(_vary_numbers(text, rng), encoding="utf-8")
        files.append(path)
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description="write a generated corpus of N notices")
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=3000)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    files = make_corpus(args.out, args.n)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} notices, {size / 1e6:.1f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
