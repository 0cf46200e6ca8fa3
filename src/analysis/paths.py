"""Every default path of the project, each overridable by an environment variable.

    ANALYSIS_RAW_DIR         sample corpus            (default: <root>/data/raw)
    ANALYSIS_PROCESSED_DIR   built tables             (default: <root>/data/processed)
    ANALYSIS_FIGURES_DIR     charts                   (default: <root>/figures)
    ANALYSIS_LABELS_DIR      labels and overrides     (default: <root>/data/labels)

<root> is the nearest folder at or above the current directory that holds
pyproject.toml, else the current directory.
"""
from __future__ import annotations

import os
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


def raw_dir() -> Path:
    return _env_path("ANALYSIS_RAW_DIR", "data/raw")


def processed_dir() -> Path:
    return _env_path("ANALYSIS_PROCESSED_DIR", "data/processed")


def figures_dir() -> Path:
    return _env_path("ANALYSIS_FIGURES_DIR", "figures")


def labels_dir() -> Path:
    return _env_path("ANALYSIS_LABELS_DIR", "data/labels")


def resources_dir() -> Path:
    """Vocabularies and tables shipped inside the package."""
    return Path(__file__).resolve().parent / "resources"


def read_resource_lines(name: str) -> list[str]:
    """Lines of resources/`name`, without blank lines and `#` comments (data, not code)."""
    text = (resources_dir() / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
