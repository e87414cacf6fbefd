from __future__ import annotations

import datetime as dt
import time
from typing import Any

from checker.models import (
    Article,
    Attribution,
    Claim,
    DateClaim,
    DateSource,
    Figure,
    Frame,
    Granularity,
    Modality,
)
from checker.rule import RuleContext
from rules.temporal_order import TemporalOrder, TemporalOrderOptions, _Passages

PUBLISHED = dt.date(2026, 1, 31)
BASE: dict[str, Any] = {"path": "a.md", "column": 1}


def citation(index: int, cited: dt.date, source: str = "Bloomberg") -> Attribution:
    return Attribution(
        **BASE, line=10 + index, sentence_index=index, text="According to the outlet.",
        source=source, source_chain=(source,), verb="according to", cited_date=cited,
    )  # fmt: skip


def killed(index: int, start: dt.date, **fields: Any) -> Figure:
    end = dt.date(start.year, start.month, 28)
    defaults: dict[str, Any] = {
        "line": 10 + index, "sentence_index": index,
        "text": f"Forces killed 35,000 soldiers in {start:%B %Y}.", "value": 35_000,
        "noun": "soldier", "subject": "soldiers killed",
        "frame": Frame(
            anchor=("Forces",),
            predicate="kill",
            attribute="soldier",
            scope=f"{start:%B %Y}".lower(),
        ),
        "period_start": start, "period_end": end, "period_granularity": Granularity.MONTH,
    }  # fmt: skip
    defaults.update(fields)
    return Figure(**BASE, **defaults)


def dated(index: int, date: dt.date, text: str, **fields: Any) -> DateClaim:
    defaults: dict[str, Any] = {"granularity": Granularity.DAY}
    defaults.update(fields)
    return DateClaim(
        **BASE, line=10 + index, sentence_index=index, text=text, date=date, **defaults
    )


def _run(
    *claims: Claim,
    published: dt.date | None = PUBLISHED,
    source: DateSource = DateSource.METADATA,
    **options: Any,
) -> list[str]:
    article = Article(
        path="a.md", date=published, date_source=source, body="", line_numbers=()
    )  # fmt: skip
    articles = {"a.md": article}
    context = RuleContext(articles=articles, claims=list(claims))
    return [f.message for f in TemporalOrder(TemporalOrderOptions(**options)).check(context)]


NOV30 = dt.date(2025, 11, 30)


def test_cited_report_before_the_figures_it_reports() -> None:
    messages = _run(
        dated(0, dt.date(2026, 1, 19), "An exercise held on January 19, 2026."),
        citation(3, NOV30),
        killed(4, dt.date(2025, 12, 1)),
    )
    assert len(messages) == 1
    assert "Bloomberg" in messages[0] and "2025-11-30" in messages[0]
    assert "a.md:10" in messages[0] and "a.md:14" in messages[0]


def test_earlier_future_or_distant_claims_do_not_count() -> None:
    assert not _run(citation(0, dt.date(2025, 12, 10)), dated(1, dt.date(2025, 12, 8), "Dated."))
    assert not _run(
        citation(0, dt.date(2025, 12, 10)),
        dated(
            1, dt.date(2026, 1, 1), "Assemblies scheduled for 2026.", granularity=Granularity.YEAR
        ),
    )
    assert not _run(
        citation(0, NOV30),
        killed(1, dt.date(2025, 12, 1), modality=Modality.TARGET),
    )
    assert not _run(citation(0, NOV30), killed(9, dt.date(2025, 12, 1)))
    assert _run(citation(0, NOV30), killed(9, dt.date(2025, 12, 1)), window_sentences=9)
    # a month-precise date in the window is not enough: "in December" may be a forecast
    assert not _run(
        citation(0, NOV30),
        dated(1, dt.date(2025, 12, 1), "It rose in December.", granularity=Granularity.MONTH),
    )


def test_article_dated_before_a_past_event() -> None:
    text = "The decree was signed on February 10, 2026."
    at = text.index("February")
    signed = dated(
        2,
        dt.date(2026, 2, 10),
        text,
        value_span=(at, at + len("February 10, 2026")),
        frame=Frame(predicate="sign", attribute="decree"),
    )
    messages = _run(signed)
    assert len(messages) == 1 and "2026-02-10" in messages[0]
    # with no year written, "February 10" read against the publication date may be last year's
    yearless = text.replace(", 2026", "")
    assert not _run(signed.model_copy(update={"text": yearless}))
    # every date is a claim; one that dates no event ("reservists for 2026 assemblies") is no
    # reported past event
    assert not _run(dated(2, dt.date(2026, 2, 10), "Reservists were called up for February 10."))
    assert _run(killed(1, dt.date(2026, 2, 1)))
    # so is a figure's period read from a day with no year written
    yearless_scope = Frame(anchor=("Forces",), predicate="kill", attribute="soldier", scope="march")
    text = "Forces killed 35,000 soldiers in March."
    assert not _run(killed(1, dt.date(2026, 3, 1), text=text, frame=yearless_scope))
    assert not _run(signed, published=None)
    assert not _run(signed, source=DateSource.INFERRED)
    assert not _run(dated(2, dt.date(2026, 4, 1), "The draft is set to begin on April 1."))
    assert not _run(dated(2, dt.date(2026, 4, 1), "The talks begin on April 1."))
    assert not _run(killed(1, dt.date(2026, 6, 1), modality=Modality.FORECAST))


def test_a_figure_after_publication_must_be_dated_in_its_clause() -> None:
    # "extended its offer of $18 a share until Nov. 9", "bonds due 1993": a bound or a term
    bound = Frame(anchor=("Vero",), predicate="extend", attribute="share", scope="nov. 9")
    text = "Vero extended its offer of $18 a share until Nov. 9."
    assert not _run(killed(1, dt.date(2026, 3, 9), text=text, frame=bound))
    assert not _run(killed(1, dt.date(2026, 3, 9), frame=None))
    # a figure whose own sentence does not read as past reports nothing yet
    assert not _run(killed(1, dt.date(2026, 3, 1), text="Forces may kill 35,000 in March."))


def test_dates_count_even_without_an_event() -> None:
    # every date is a claim (a caption's date has no event word) and dates the passage it is in
    caption = dated(0, dt.date(2026, 1, 19), "A convoy near Izium on January 19, 2026.")
    messages = _run(citation(1, NOV30), caption)
    assert len(messages) == 1 and "2026-01-19 (a.md:10)" in messages[0]
    assert not _run(citation(1, dt.date(2026, 1, 20)), caption)


def test_window_stops_at_the_next_dated_citation() -> None:
    later = citation(2, dt.date(2025, 12, 20), source="Reuters")
    assert _run(citation(0, NOV30), killed(3, dt.date(2025, 12, 1)))
    assert not _run(citation(0, NOV30), later, killed(3, dt.date(2025, 12, 1)))


def test_windows_of_alternating_citations_match_a_plain_scan() -> None:
    # Citations of two dates in turn, some sharing a sentence: each window stops short of the
    # nearest citation with another date on each side, as a scan of every citation finds.
    early, late = dt.date(2025, 11, 30), dt.date(2026, 1, 10)
    citations: list[Attribution] = []
    for index in range(0, 60, 2):
        citations.append(citation(index, early if index % 6 else late))
        if index % 4 == 0:
            citations.append(citation(index, late if index % 6 else early, source="Reuters"))
        if index % 10 == 0:
            citations.append(citation(index + 1, early))
    ordered = sorted(citations, key=lambda c: c.sentence_index)
    passages = _Passages(ordered)
    for one in ordered:
        low, high = one.sentence_index - 3, one.sentence_index + 3
        for other in ordered:
            if other.cited_date != one.cited_date:
                if other.sentence_index > one.sentence_index:
                    high = min(high, other.sentence_index - 1)
                if other.sentence_index < one.sentence_index:
                    low = max(low, other.sentence_index + 1)
        assert passages.window(one, 3, 3) == (low, high)


def test_an_article_of_many_dated_citations_takes_linear_time() -> None:
    # A 20 MB article read as 40,000 dated citations: each one no longer rescans them all.
    claims: list[Claim] = []
    for index in range(0, 80_000, 2):
        claims.append(citation(index, dt.date(2025, 11, 1 + index % 28)))
        claims.append(killed(index + 1, dt.date(2025, 12, 1)))
    started = time.perf_counter()
    found = list(TemporalOrder().check(RuleContext(articles={}, claims=claims)))
    assert found
    assert time.perf_counter() - started < 30  # a rescan per citation takes many minutes


def test_a_long_list_of_late_figures_is_counted_not_listed() -> None:
    late = [killed(n, dt.date(2026, 3, 1)) for n in range(20)]
    [message] = _run(*late)
    assert message.endswith("(line 12) and 17 more")
    article = Article(
        path="a.md", date=PUBLISHED, date_source=DateSource.METADATA, body="", line_numbers=()
    )
    context = RuleContext(articles={"a.md": article}, claims=list(late))
    [finding] = TemporalOrder().check(context)
    assert len(finding.evidence) == 8
