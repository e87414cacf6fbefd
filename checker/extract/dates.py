"""Dates of events (placeholder until the extractor lands)."""

from __future__ import annotations

from checker.extract.context import ArticleContext, Source
from checker.models import DateClaim, Sentence


def find_dates(sentence: Sentence, context: ArticleContext, source: Source) -> list[DateClaim]:
    return []
