"""Shared test paths. The seeds and their gold values are copied into tests/data/seeds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS / "data" / "seeds"
SHARED = TESTS.parents[1] / "shared"


def load_gold() -> list[dict]:
    return [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    return load_gold()


@pytest.fixture(scope="session")
def seed_tables():
    """The seeds built once per test session."""
    from analysis.dataset.build import build_dataset
    return build_dataset(SEEDS)
