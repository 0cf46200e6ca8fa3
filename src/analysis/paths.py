"""Every default path of the project, each overridable by an environment variable.

    ANALYSIS_PROCESSED_DIR   built tables             (default: <root>/data/processed)
    ANALYSIS_FIGURES_DIR     charts                   (default: <root>/figures)
    ANALYSIS_LABELS_DIR      labels and overrides     (default: <root>/data/labels, else the
                                                       labels shipped beside the package)
    ANALYSIS_CACHE_DIR       the trained classifier   (default: ~/.cache/analysis)

<root> is the nearest folder at or above the current directory that holds
pyproject.toml, else the current directory.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path


def project_root() -> Path:
    """The project folder: nearest parent of the cwd with a pyproject.toml, else the cwd."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file():
            return folder
    return here


def _env_path(name: str, default: str) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else project_root() / default


def processed_dir() -> Path:
    return _env_path("ANALYSIS_PROCESSED_DIR", "data/processed")


def figures_dir() -> Path:
    return _env_path("ANALYSIS_FIGURES_DIR", "figures")


def labels_dir() -> Path:
    return _env_path("ANALYSIS_LABELS_DIR", "data/labels")


def overrides_path() -> Path:
    """Analysts' category corrections: <labels dir>/overrides.csv."""
    return labels_dir() / "overrides.csv"


def labelled_set_path() -> Path:
    """problem_labels.csv in labels_dir(), else the one beside the installed package's checkout."""
    found = labels_dir() / "problem_labels.csv"
    if found.is_file():
        return found
    return Path(__file__).resolve().parents[2] / "data" / "labels" / "problem_labels.csv"


def cache_dir() -> Path:
    """Where the trained classifier is kept between runs."""
    value = os.environ.get("ANALYSIS_CACHE_DIR")
    return Path(value) if value else Path.home() / ".cache" / "analysis"


def resources_dir() -> Path:
    """Vocabularies and tables shipped inside the package."""
    return Path(__file__).resolve().parent / "resources"


def read_resource_lines(name: str) -> list[str]:
    """Lines of resources/`name`, without blank lines and `#` comments (data, not code)."""
    return list(_resource_lines(name))


@cache
def _resource_lines(name: str) -> tuple[str, ...]:
    text = (resources_dir() / name).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
