"""What an extractor knows about the article beyond the sentence in front of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict

from checker.models import Granularity, PersonClaim, Sentence


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
    # Full name -> the organisation their title names ("Coastal Agency Director Lena Ruiz" ->
    # "Coastal Agency").
    affiliations: dict[str, str] = field(default_factory=dict)
    # Acronyms the article introduced: "ISW" -> "Institute for the Study of War".
    acronyms: dict[str, str] = field(default_factory=dict)
    # The last person named (with or without a title), for "He said ..." in the next sentence.
    last_person: str | None = None
    # Canonical source names in order of appearance, for "the institute said" -> the last
    # source whose name contains "institute".
    recent_sources: list[str] = field(default_factory=list)
    # The last date the article's narrative named, and how precisely: "the next day" and
    # "later that year" are told from it.
    narrative: tuple[dt.date, Granularity] | None = None
    # Titled people read from a headline in title case, where a capital marks no name
    # ("Governor Declares State of Emergency"): reported only if the body names them too.
    unconfirmed: list[PersonClaim] = field(default_factory=list)

    def affiliation_of(self, name: str | None) -> str | None:
        """The organisation a credited person's title names, if the article gave one."""
        return None if name is None else self.affiliations.get(name)


class Placement(TypedDict):
    """The fields every claim read from a sentence shares: where it is and whom it credits."""

    path: str
    line: int
    column: int
    text: str
    surface: str
    value_span: tuple[int, int]
    sentence_index: int
    paragraph: int
    source: str | None
    source_chain: tuple[str, ...]
    source_affiliation: str | None


def placement(
    sentence: Sentence, context: ArticleContext, source: Source, begin: int, end: int
) -> Placement:
    """Where a claim read from `sentence[begin:end]` is, and the sentence's credit."""
    text = sentence.text
    return Placement(
        path=context.path,
        line=sentence.line,
        column=sentence.column,
        text=text,
        surface=text[begin:end],
        value_span=(begin, end),
        sentence_index=sentence.index,
        paragraph=sentence.paragraph,
        source=source.name,
        source_chain=source.chain,
        source_affiliation=context.affiliation_of(source.name),
    )
