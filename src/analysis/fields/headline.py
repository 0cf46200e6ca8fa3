"""Headline figures of a notice (problem counts, measures, rules, money, people)."""
from __future__ import annotations

from analysis.fields.context import NoticeText
from analysis.model import Fact


def extract_headline_fields(nt: NoticeText, found: dict[str, Fact]) -> list[Fact]:
    """Headline count and money facts (work in progress: returns none yet)."""
    return []
