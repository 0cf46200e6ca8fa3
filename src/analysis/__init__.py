"""Tidy datasets from Chinese party-inspection rectification notices.

Import what you need from the submodules; nothing is set up at import time.

    from analysis.dataset.build import build_dataset
    tables = build_dataset("data/raw")
"""

__version__ = "0.1.0"
