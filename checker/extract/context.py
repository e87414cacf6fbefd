"""What an extractor knows about the article beyond the sentence in front of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """Who a sentence credits: `chain[0]` says it, citing `chain[1]`, citing ..."""

    chain: tuple[str, ...] = ()

    @property
    def name(self) -> str | None:
        return self.chain[0] if self.chain else None


@dataclass
class ArticleContext:
    """Mutable per-article state, threaded through the extractors in sentence order."""

    path: str
    published: dt.date | None
    # Named anchors for cumulative periods: "invasion" -> 2022-02-24 once the article names it.
    anchors: dict[str, dt.date] = field(default_factory=dict)
    # The last person or organisation credited, for "He stated ..." in the next sentence.
    last_speaker: str | None = None
    last_source: Source = Source()
    # Full names seen so far, so that "Fedorov" later resolves to "Mykhailo Fedorov".
    people: dict[str, str] = field(default_factory=dict)
    # The main entity of the article (title subject), for "the company was founded ...".
    topic: str | None = None
