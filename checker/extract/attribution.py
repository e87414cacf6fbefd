"""Attributions: who a sentence credits (placeholder until the extractor lands)."""

from __future__ import annotations

from checker.extract.context import ArticleContext, Source
from checker.models import Attribution, Sentence


def find_attributions(sentence: Sentence, context: ArticleContext) -> list[Attribution]:
    return []


def source_for(
    sentence: Sentence, attributions: list[Attribution], context: ArticleContext
) -> Source:
    return Source()
