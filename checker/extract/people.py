"""People and their titles (placeholder until the extractor lands)."""

from __future__ import annotations

from checker.extract.context import ArticleContext
from checker.models import PersonClaim, Sentence


def find_people(sentence: Sentence, context: ArticleContext) -> list[PersonClaim]:
    return []
