"""Articles whose publication date is unknown, and the dates in them that need it.

"In March" or "on February 19" is read against the article's publication date. When neither
the metadata nor the text gives one, those dates cannot be resolved and their claims are left
out: a draft would pass silently. `undated_warnings` says so, per article, naming the first
such date; `with_date` applies `--date` to an article whose metadata has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from checker.extract.sentences import split_sentences
from checker.extract.timex import find_times
from checker.models import Article, DateSource, Diagnostic

# Any date serves to ask which expressions would take their year from the publication date.
_PROBE = dt.date(2000, 7, 1)


def with_date(article: Article, published: dt.date) -> Article:
    """`article` published on `published`, unless its metadata states its own date."""
    if article.date_source is DateSource.METADATA:
        return article
    return article.model_copy(update={"date": published, "date_source": DateSource.METADATA})


def dates_needing_publication(article: Article) -> list[tuple[int, str]]:
    """(line, words) of each date in `article` whose year comes from the publication date."""
    found: list[tuple[int, str]] = []
    for sentence in split_sentences(article.body, article.line_numbers):
        for span in find_times(sentence.text, _PROBE):
            if not span.year_stated:
                found.append((sentence.line, sentence.text[span.begin : span.stop]))
    return found


def undated_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A warning for each article with an unknown date and dates that need one."""
    warnings = []
    for article in articles:
        if article.date is not None:
            continue
        needing = dates_needing_publication(article)
        if not needing:
            continue
        line, words = needing[0]
        more = f" and {len(needing) - 1} more" if len(needing) > 1 else ""
        message = (
            f"warning: publication date unknown, so {len(needing)} date(s) without a year "
            f'(line {line}: "{words}"{more}) were not checked; add `date:` to the front matter '
            "or pass --date YYYY-MM-DD"
        )
        warnings.append(Diagnostic(path=article.path, message=message))
    return warnings
