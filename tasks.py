#!/usr/bin/env python3
"""The project's two commands; they need only Python 3.10+ on the machine.

    python3 tasks.py main    build data/processed from data/raw, run the notebooks,
                             write the figures and the briefing
    python3 tasks.py test    run the test suite (notebooks included)

Each creates .venv/ and installs the project into it the first time (again
whenever pyproject.toml or requirements.lock changes): on Python 3.11 the pinned
versions of requirements.lock, on another Python the ranges of pyproject.toml.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed"
LOCK = ROOT / "requirements.lock"
LOCKED_PYTHON = (3, 11)         # the Python requirements.lock was resolved for


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def ensure_env() -> None:
    """Create the virtual environment and install the project with its extras."""
    want = hashlib.sha1((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == want:
        return
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    if sys.version_info[:2] == LOCKED_PYTHON:
        run(PY, "-m", "pip", "install", "--quiet", "-r", LOCK)
        run(PY, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".")
    else:
        print(f"requirements.lock is for Python {LOCKED_PYTHON[0]}.{LOCKED_PYTHON[1]}: "
              "installing the ranges of pyproject.toml", flush=True)
        run(PY, "-m", "pip", "install", "--quiet", "-e", ".[notebooks,test]")
    STAMP.write_text(want)


def main_job() -> None:
    ensure_env()
    run(PY, "-m", "analysis", "build", "data/raw", "--out", "data/processed")
    run(PY, "-m", "analysis", "notebooks", "notebooks")
    run(PY, "-m", "analysis", "brief", "--out", "figures/briefing.html", "--docx")


def test() -> None:
    ensure_env()
    workers = ["-n", "2"] if _has_xdist() else []
    run(PY, "-m", "pytest", "-q", *workers)


def _has_xdist() -> bool:
    return subprocess.run([str(PY), "-c", "import xdist"], capture_output=True).returncode == 0


if __name__ == "__main__":
    jobs = {"main": main_job, "test": test}
    if len(sys.argv) != 2 or sys.argv[1] not in jobs:
        sys.exit(__doc__)
    try:
        jobs[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
