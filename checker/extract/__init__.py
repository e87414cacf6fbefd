"""Claims from text: sentences first, then each extractor over every sentence in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker.extract.attribution import find_attributions, source_for
from checker.extract.context import ArticleContext
from checker.extract.dates import find_dates
from checker.extract.figures import find_figures
from checker.extract.people import find_people
from checker.extract.sentences import split_sentences
from checker.models import Article, Claim, Sentence

__all__ = ["extract", "extract_article", "extract_sentences"]


def extract(text: str, published: dt.date | None = None, *, path: str = "<text>") -> list[Claim]:
    """Every claim in `text`, dates resolved against `published`."""
    line_numbers = tuple(range(1, text.count("\n") + 2))
    return extract_sentences(split_sentences(text, line_numbers), published, path=path)


def extract_article(article: Article) -> list[Claim]:
    sentences = split_sentences(article.body, article.line_numbers)
    return extract_sentences(sentences, article.date, path=article.path, title=article.title)


def extract_sentences(
    sentences: Sequence[Sentence],
    published: dt.date | None,
    *,
    path: str,
    title: str | None = None,
) -> list[Claim]:
    context = ArticleContext(path=path, published=published, topic=title)
    claims: list[Claim] = []
    for sentence in sentences:
        people = find_people(sentence, context)
        attributions = find_attributions(sentence, context)
        source = source_for(sentence, attributions, context)
        claims.extend(people)
        claims.extend(attributions)
        claims.extend(find_figures(sentence, context, source))
        claims.extend(find_dates(sentence, context, source))
    return claims
