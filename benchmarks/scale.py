"""How a build scales: throughput, peak memory and rebuild time at several corpus sizes.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--jobs N] [--work DIR]

For each size it generates a corpus (benchmarks/generate.py; kept in --work for reuse),
then, each in a fresh process:

- tokenizes every notice with jieba (`jieba.lcut`), the yardstick: the time jieba needs
  merely to read the same text, its dictionary loaded beforehand;
- builds it with `python -m analysis build DIR --out OUT` into an empty OUT;
- builds it again into the same OUT (nothing changed);
- touches one file and builds again (one file re-read).

It prints one table row per size: seconds, notices per second, the ratio of the build
time to jieba's, the rebuild times as a share of the build, and the peak resident memory
of the largest process of the build (the main process or a worker).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable

_JIEBA = """
import json, sys, time, pathlib, jieba
jieba.setLogLevel(60)
t0 = time.perf_counter(); jieba.initialize(); t1 = time.perf_counter()
for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    jieba.lcut(p.read_text(encoding="utf-8"))
print(json.dumps({"load": t1 - t0, "tokenize": time.perf_counter() - t1}))
"""

_MEASURE = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
secs = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"secs": secs, "peak_mb": peak, "rc": r.returncode, "out": r.stdout[-300:],
                  "err": r.stderr[-300:]}))
"""


def _run_json(code: str, *args: str) -> dict:
    out = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_build(corpus: Path, out: Path, jobs: int | None) -> dict:
    cmd = [PY, "-m", "analysis", "build", str(corpus), "--out", str(out), "--quiet"]
    cmd += ["--jobs", str(jobs)] if jobs else []
    result = _run_json(_MEASURE, *cmd)
    if result["rc"] != 0:
        raise SystemExit(f"build failed: {result['err']}")
    return result


def bench(size: int, work: Path, jobs: int | None) -> dict:
    corpus = work / f"corpus-{size}"
    if not corpus.is_dir():
        subprocess.run([PY, str(HERE / "generate.py"), str(corpus), "--n", str(size)],
                       check=True, capture_output=True)
    out = work / f"out-{size}"
    shutil.rmtree(out, ignore_errors=True)
    jieba = _run_json(_JIEBA, str(corpus))
    full = measure_build(corpus, out, jobs)
    again = measure_build(corpus, out, jobs)
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    one = measure_build(corpus, out, jobs)
    mb = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
    return {"notices": size, "mb": mb, "jieba_s": jieba["tokenize"], "build_s": full["secs"],
            "per_s": size / full["secs"], "ratio": full["secs"] / jieba["tokenize"],
            "unchanged_s": again["secs"], "one_file_s": one["secs"], "peak_mb": full["peak_mb"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) /
                    "analysis-scale")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; jobs={args.jobs or 'all'}", flush=True)
    print("| notices | MB | jieba s | build s | notices/s | build ÷ jieba | unchanged rebuild "
          "| one file changed | peak RSS MB |", flush=True)
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    for size in args.sizes:
        t0 = time.perf_counter()
        r = bench(size, args.work, args.jobs)
        print(f"| {r['notices']:,} | {r['mb']:.0f} | {r['jieba_s']:.1f} | {r['build_s']:.1f} | "
              f"{r['per_s']:.0f} | {r['ratio']:.2f} | {r['unchanged_s']:.2f} s "
              f"({100 * r['unchanged_s'] / r['build_s']:.0f}%) | {r['one_file_s']:.1f} s | "
              f"{r['peak_mb']:.0f} |", flush=True)
        print(f"  ({time.perf_counter() - t0:.0f} s for this size)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
