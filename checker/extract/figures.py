"""Figures (placeholder until the extractor lands)."""

from __future__ import annotations

from checker.extract.context import ArticleContext, Source
from checker.models import Figure, Sentence


def find_figures(sentence: Sentence, context: ArticleContext, source: Source) -> list[Figure]:
    return []
