"""Dates: every date expression a reader would resolve becomes a `DateClaim`.

"born on 7 November 1867", "the previous mobilization in September 2022", "The decree, dated
December 8": each date is read (`timex`), resolved against the publication date or the date the
narrative last named ("the next day"), and kept as a claim with the sentence it was read from.
What it dates (the predicate and the anchor) comes from the parse (`checker.extract.frames`);
the date rules compare dates of the same predicate and anchor.

One form states what it dates without a verb to parse: life dates in brackets after a name
("Marie Curie (7 November 1867 – 4 July 1934)", "(1867–1934)") are a birth and a death, with
the name as their participant. A date that looks ahead ("is set to begin on April 1") is
"planned".
"""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.context import ArticleContext, Source, placement
from checker.extract.names import NAME_SPAN, name_data
from checker.extract.people import remember_person
from checker.extract.timex import TimeSpan, as_ranges, find_times, month_bounds, reanchor
from checker.models import DateClaim, Granularity, Sentence

__all__ = ["find_dates", "last_day", "written"]

# The lookahead on the words' first letters rejects most offsets on one test.
_FUTURE = re.compile(
    r"\b(?=[wspeiau])(?:will|shall|set\s+to|scheduled|plans?\s+to|planned|expected\s+to|is\s+to|are\s+to|"
    r"aims?\s+to|intends?\s+to|upcoming)\b",
    re.I,
)
_LIFE = re.compile(
    rf"(?P<name>{NAME_SPAN}),?\s*\((?:(?P<born>born\s+|b\.\s*)|(?P<died>died\s+|d\.\s*))?"
    r"(?P<body>[^()]{4,60})\)"
)
_DASH = re.compile(r"^\s*[-–—]\s*$|^\s*(?:to|until)\s*$|^\s*[,;]\s*(?:d\.|died)\s*$")


def find_dates(sentence: Sentence, context: ArticleContext, source: Source) -> list[DateClaim]:
    """Every date of the sentence, as a claim; life dates in brackets are a birth and a death."""
    text = sentence.text
    times = _told_from_narrative(find_times(text, context.published), context)
    # "between 1820 and 1825" is one period, which "1823" does not contradict
    times = as_ranges(text, times)
    claims: list[DateClaim] = []
    used: set[tuple[int, int]] = set()
    if "(" in text:
        for name, key, span in _life_dates(text, times):
            person = remember_person(name, context) if _looks_like_name(name) else name
            claims.append(_claim(sentence, context, source, span, key, (person,)))
            used.add((span.begin, span.stop))
    claims.extend(
        _claim(sentence, context, source, span, None, ())
        for span in times
        if (span.begin, span.stop) not in used
    )
    return claims


def _claim(
    sentence: Sentence,
    context: ArticleContext,
    source: Source,
    span: TimeSpan,
    event: str | None,
    participants: tuple[str, ...],
) -> DateClaim:
    return DateClaim(
        **placement(sentence, context, source, span.begin, span.stop),
        date=span.start,
        end=span.end if span.end != span.start else None,
        granularity=span.granularity,
        event=event,
        participants=participants,
        relation=_relation(sentence.text, span, context),
        relative=span.deictic,
    )


def _life_dates(text: str, times: list[TimeSpan]) -> list[tuple[str, str, TimeSpan]]:
    """ "Marie Curie (7 November 1867 – 4 July 1934)", "(1867–1934)" or "(b. 1867, d. 1934)":
    born and died; "(born 3 May 1950)" or "(b. 1950)": born; "(d. 1934)": died."""
    found: list[tuple[str, str, TimeSpan]] = []
    for match in _LIFE.finditer(text):
        inside = [
            t for t in times if match.start("body") <= t.begin and t.stop <= match.end("body")
        ]
        name = match.group("name")
        if len(inside) == 2 and _DASH.match(text[inside[0].stop : inside[1].begin]):
            found += [(name, "born", inside[0]), (name, "died", inside[1])]
        elif match.group("born") is not None and inside:
            found.append((name, "born", inside[0]))  # "Anna Verlaine (born 3 May 1950)"
        elif match.group("died") is not None and inside:
            found.append((name, "died", inside[0]))  # "Tomas Brell (d. 1977)"
        elif (
            len(inside) == 1
            and inside[0].end.year > inside[0].start.year
            and match.group("born") is None
            and match.group("died") is None
        ):
            whole = inside[0]
            born = TimeSpan(
                whole.start,
                whole.start.replace(month=12, day=31),
                whole.granularity,
                whole.begin,
                whole.stop,
                "around" if whole.relation == "around" else "on",  # "(c. 1850 – 1921)"
                True,
            )
            died = TimeSpan(
                whole.end.replace(month=1, day=1),
                whole.end,
                whole.granularity,
                whole.begin,
                whole.stop,
                "on",
                True,
            )
            found += [(name, "born", born), (name, "died", died)]
    return found


def _looks_like_name(text: str) -> bool:
    data = name_data()
    words = [w for w in text.split() if w not in _NAME_PARTICLES]
    return 2 <= len(words) <= 4 and not any(
        w in data.not_person or w in data.openers or w in data.demonyms or not w[:1].isupper()
        for w in words
    )


# "Ludwig van Beethoven", "Charles de Gaulle": lowercase words inside a person's name.
_NAME_PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "der", "du", "la", "le", "bin"})


def _told_from_narrative(times: list[TimeSpan], context: ArticleContext) -> list[TimeSpan]:
    """ "On March 3 the storm hit. The next day ...": relative dates told from the last day the
    article named at least as precisely (from the publication date when it named none), each
    date named becoming the one the next is told from."""
    told: list[TimeSpan] = []
    for span in times:
        if span.shift is not None and context.narrative is not None:
            anchor, precision = context.narrative
            # "the next day" needs a day to be told from; "later that year" any date
            if _PRECISION[precision] <= _PRECISION[_SHIFT_UNITS[span.shift[0]]]:
                span = reanchor(span, anchor)
        if span.granularity in _PRECISION:
            context.narrative = (span.start, span.granularity)
        told.append(span)
    return told


_PRECISION = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.QUARTER: 3,
    Granularity.SEASON: 3,
    Granularity.YEAR: 4,
}
_SHIFT_UNITS = {
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
}


def _relation(text: str, span: TimeSpan, context: ArticleContext) -> str:
    """ "planned" for a future event ("is set to begin on April 1"), else the preposition."""
    published = context.published
    if _FUTURE.search(text) and (published is None or span.end >= published):
        return "planned"
    return span.relation


def last_day(claim: DateClaim) -> dt.date:
    """The last day of a date claim's month or year, its day for a day (its `end` aside)."""
    start = claim.date
    if claim.granularity is Granularity.YEAR:
        return start.replace(month=12, day=31)
    if claim.granularity is Granularity.MONTH:
        return month_bounds(start.year, start.month)[1]
    return start


def written(claim: DateClaim) -> str | None:
    """The date's words as written, lower-cased, None when the claim does not say where they
    are."""
    start, end = claim.value_span
    return " ".join(claim.text[start:end].lower().split()) if end > start else None
