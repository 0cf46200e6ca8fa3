"""Tidy datasets from Chinese party-inspection rectification notices.

Import what you need from the submodules; nothing is set up at import time.

    >>> from analysis.dataset import build_dataset      # doctest: +SKIP
    >>> tables = build_dataset("data/raw")             # doctest: +SKIP
"""

__version__ = "0.1.0"
