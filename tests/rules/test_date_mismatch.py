from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest

from checker.models import DateClaim, Granularity
from checker.rule import RuleContext
from rules.date_mismatch import DateMismatch, DateMismatchOptions


def event(
    date: dt.date,
    granularity: Granularity = Granularity.YEAR,
    *,
    path: str = "a.md",
    event: str | None = "founded",
    participants: tuple[str, ...] = ("Severn Shipyard",),
    **fields: Any,
) -> DateClaim:
    defaults: dict[str, Any] = {"line": 4, "column": 1, "text": "It happened then."}
    defaults.update(fields)
    return DateClaim(
        path=path, date=date, granularity=granularity, event=event,
        participants=participants, **defaults,
    )  # fmt: skip


def _run(*claims: DateClaim, **options: Any) -> list[str]:
    context = RuleContext(articles={}, claims=list(claims))
    return [f.message for f in DateMismatch(DateMismatchOptions(**options)).check(context)]


def test_different_years_flag() -> None:
    messages = _run(event(dt.date(1867, 1, 1)), event(dt.date(1868, 1, 1), path="b.md", line=9))
    assert messages == ["Severn Shipyard, founded: 1867 (a.md:4) vs 1868 (b.md:9)"]


def test_dates_at_coarser_granularity_agree() -> None:
    assert not _run(
        event(dt.date(1867, 1, 1)),
        event(dt.date(1867, 11, 7), Granularity.DAY, path="b.md"),
        event(dt.date(1867, 11, 1), Granularity.MONTH, path="c.md"),
    )
    assert _run(
        event(dt.date(1867, 11, 7), Granularity.DAY),
        event(dt.date(1867, 11, 8), Granularity.DAY, path="b.md"),
    )
    assert _run(
        event(dt.date(2022, 9, 1), Granularity.MONTH),
        event(dt.date(2022, 10, 1), Granularity.MONTH, path="b.md"),
    )


def test_participants_match_flexibly() -> None:
    assert _run(
        event(dt.date(1867, 1, 1), event="born", participants=("Marie Curie",)),
        event(dt.date(1868, 1, 1), path="b.md", event="born", participants=("Curie",)),
    )
    assert not _run(
        event(dt.date(1867, 1, 1), event="born", participants=("Marie Curie",)),
        event(dt.date(1868, 1, 1), path="b.md", event="born", participants=("Pierre Dupont",)),
    )
    assert _run(
        event(dt.date(1867, 1, 1), event="born", participants=("Physicist Marie Curie",)),
        event(dt.date(1868, 1, 1), path="b.md", event="born", participants=("Marie Curie",)),
    )
    assert not _run(
        event(dt.date(1867, 1, 1), event="born", participants=("Marie Curie",)),
        event(dt.date(1868, 1, 1), path="b.md", event="born", participants=("Pierre Curie",)),
    )


def test_conservative_without_event_participant_or_with_distinct_markers() -> None:
    assert not _run(
        event(dt.date(1867, 1, 1), event=None), event(dt.date(1868, 1, 1), event=None, path="b.md")
    )
    assert not _run(
        event(dt.date(1867, 1, 1), participants=()),
        event(dt.date(1868, 1, 1), participants=(), path="b.md"),
    )
    assert not _run(
        event(dt.date(1867, 1, 1)),
        event(dt.date(1868, 1, 1), event="renamed", path="b.md"),
    )
    previous = "Russia saw the previous mobilization in September 2022, officials said."
    new = previous.replace("the previous", "a new").replace("September 2022", "2026")
    assert not _run(
        event(dt.date(2022, 9, 1), Granularity.MONTH, event="mobilization",
              participants=("Russia",), text=previous, surface="mobilization in September 2022"),
        event(dt.date(2026, 1, 1), event="mobilization", participants=("Russia",),
              path="b.md", text=new, surface="mobilization in 2026"),
    )  # fmt: skip
    # a bound is not a date of the event
    assert not _run(
        event(dt.date(1867, 1, 1)), event(dt.date(1900, 1, 1), relation="before", path="b.md")
    )


def test_same_article_option() -> None:
    first = event(dt.date(1867, 1, 1), sentence_index=1)
    second = event(dt.date(1868, 1, 1), sentence_index=5, line=9)
    assert _run(first, second)
    assert not _run(first, second, same_article=False)
    assert not _run(first, second.model_copy(update={"sentence_index": 1}))


def test_recurring_events_compare_only_in_alike_sentences() -> None:
    signed = "Putin signed the decree on reservists on December 8, the Kremlin said."
    other = "A law on electronic draft notices was signed by Putin on April 14."
    decree: dict[str, Any] = {"event": "decree signed", "participants": ("Vladimir Putin",)}
    first = event(dt.date(2025, 12, 8), Granularity.DAY, text=signed, **decree)
    assert _run(
        first,
        event(dt.date(2025, 12, 9), Granularity.DAY, path="b.md", **decree,
              text=signed.replace("8", "9")),
    )  # fmt: skip
    assert not _run(
        first, event(dt.date(2025, 4, 14), Granularity.DAY, path="b.md", text=other, **decree)
    )


def test_a_block_that_agrees_but_for_one_claim_is_flagged_once() -> None:
    # A much-covered founding, stated alike in 2,000 articles and once otherwise (how few pairs
    # that takes: tests/test_pairs.py).
    agreeing = [event(dt.date(1867, 1, 1), path=f"{n}.md") for n in range(2_000)]
    dissenting = event(dt.date(1868, 1, 1), path="late.md")
    claims = [*agreeing[:1_000], dissenting, *agreeing[1_000:]]
    messages = _run(*claims)
    assert messages == ["Severn Shipyard, founded: 1867 (0.md:4 and 1999 more) vs 1868 (late.md:4)"]


def test_copies_in_two_versions_make_one_finding_with_evidence_capped_per_side() -> None:
    # A story republished 3,000 times, its founding year given two ways: one finding, not
    # 1,500 x 1,500, with eight copies of each side as evidence and the rest counted.
    claims = [
        event(dt.date(1867 + n % 2, 1, 1), path=f"{n:04d}.md", line=4 + n % 2) for n in range(3_000)
    ]
    context = RuleContext(articles={}, claims=claims)
    [finding] = DateMismatch().check(context)
    assert finding.message == (
        "Severn Shipyard, founded: 1867 (0000.md:4 and 1499 more) vs 1868 (0001.md:5 and 1499 more)"
    )
    assert len(finding.evidence) == 16
    assert finding.evidence[0].path == "0000.md" and finding.evidence[8].path == "0001.md"


def test_copies_inside_one_article_are_not_paired_across_sentences_when_told_not_to() -> None:
    claims = [event(dt.date(1867, 1, 1), sentence_index=1), event(dt.date(1868, 1, 1), line=9)]
    assert not _run(*claims, same_article=False)
    # the other article's copy heads its side: a.md's own is counted, never paired with a.md
    assert _run(*claims, event(dt.date(1868, 1, 1), path="b.md"), same_article=False) == [
        "Severn Shipyard, founded: 1867 (a.md:4) vs 1868 (b.md:4 and 1 more)"
    ]


def _all_pairs_markers(
    claims: list[DateClaim], focus: frozenset[str] | None
) -> set[tuple[str, ...]]:
    """The label pairs the all-pairs loop this rule replaced would report."""
    from checker.extract.dates import written
    from rules.date_mismatch import _blocks, _label, _markers, _overlap

    rule = DateMismatch()
    context = RuleContext(articles={}, claims=list(claims), focus=focus)
    found: set[tuple[str, ...]] = set()
    for (_, event, shared), block in _blocks(context.dates):
        for i, first in enumerate(block):
            for second in block[i + 1 :]:
                if not (context.in_focus(first.path) or context.in_focus(second.path)):
                    continue
                if first.path == second.path and first.sentence_index == second.sentence_index:
                    continue
                if _markers(first) != _markers(second) or _overlap(first, second):
                    continue
                if written(first) is not None and written(first) == written(second):
                    continue
                if rule._placed(first, context) and rule._placed(second, context):
                    found.add((f"{shared} {event}", *sorted([_label(first), _label(second)])))
    return found


@pytest.mark.parametrize("seed", range(6))
def test_classes_report_the_label_pairs_all_pairs_would(seed: int) -> None:
    rng = random.Random(seed)
    claims = [
        event(
            dt.date(rng.choice([1866, 1867, 1868]), 1, 1),
            path=f"{rng.randrange(5)}.md",
            line=n,
            sentence_index=rng.randrange(3),
        )
        for n in range(60)
    ]
    for focus in (None, frozenset({"0.md"})):
        context = RuleContext(articles={}, claims=list(claims), focus=focus)
        reported = {
            (f.subject, *sorted(re.findall(r"(\d{4}) \(", f.message)))
            for f in DateMismatch().check(context)
        }
        assert reported == _all_pairs_markers(claims, focus)


def test_an_ordinal_inside_a_name_marks_no_occurrence() -> None:
    from rules.date_mismatch import _markers

    def claim(text: str, surface: str) -> DateClaim:
        at = text.index(surface)
        return DateClaim(
            path="a.md",
            line=1,
            column=1,
            text=text,
            surface=surface,
            value_span=(at, at + len(surface)),
            date=dt.date(1993, 4, 1),
            granularity=Granularity.MONTH,
        )

    named = "Production of the Halden Second Series began in April 1993."
    assert _markers(claim(named, "April 1993")) == frozenset()
    assert _markers(claim("Second Series Halden K7 output: April 1993", "April 1993")) == {
        "second"
    }  # the first word of a sentence may be either
    marked = "A second wave of the draft began in April 1993."
    assert _markers(claim(marked, "April 1993")) == {"second"}
