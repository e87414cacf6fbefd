from __future__ import annotations

import datetime as dt
from typing import Any

from checker.models import Figure, Granularity, Modality, Qualifier
from checker.rule import RuleContext
from rules.superlative_conflict import SuperlativeConflict
from tests.test_compat import figure


def draft(value: float, year: int, path: str = "a.md", **fields: Any) -> Figure:
    """A spring draft of `value` men, April to July of `year`."""
    period = {
        "period_start": dt.date(year, 4, 1),
        "period_end": dt.date(year, 7, 31),
        "period_granularity": Granularity.MONTH,
        "as_of": dt.date(year, 4, 1),
    }
    period.update(fields)
    return figure(value, path=path, noun="man", event="conscripted", modifiers=(), **period)


LARGEST = {"superlative": "largest", "superlative_since": dt.date(2011, 1, 1)}


def _run(*figures: Figure) -> list[str]:
    context = RuleContext(articles={}, claims=list(figures))
    return [f.message for f in SuperlativeConflict().check(context)]


def test_larger_figure_inside_interval_flags() -> None:
    messages = _run(draft(160_000, 2025, **LARGEST), draft(190_000, 2019, "b.md"))
    assert len(messages) == 1
    assert "190,000 (b.md:1)" in messages[0]


def test_smaller_or_earlier_or_target_figures_pass() -> None:
    assert not _run(draft(160_000, 2025, **LARGEST), draft(150_000, 2019, "b.md"))
    assert not _run(draft(160_000, 2025, **LARGEST), draft(190_000, 2009, "b.md"))
    target = draft(170_000, 2023, "b.md", modality=Modality.TARGET, qualifier=Qualifier.RANGE,
                   low=170_000, high=200_000)  # fmt: skip
    assert not _run(draft(160_000, 2025, **LARGEST), target)


def test_lowest_points_the_other_way() -> None:
    lowest = {"superlative": "lowest", "superlative_since": dt.date(2011, 1, 1)}
    assert _run(draft(100_000, 2025, **lowest), draft(90_000, 2019, "b.md"))
    assert not _run(draft(100_000, 2025, **lowest), draft(190_000, 2019, "b.md"))


def test_periods_of_different_length_not_compared() -> None:
    year_total = draft(
        276_000, 2019, "b.md", period_start=dt.date(2019, 1, 1), period_end=dt.date(2019, 12, 31)
    )
    assert not _run(draft(160_000, 2025, **LARGEST), year_total)


def test_running_totals_do_not_beat_a_period_figure() -> None:
    total = draft(900_000, 2019, "b.md", cumulative=True)
    assert not _run(draft(160_000, 2025, **LARGEST), total)


def test_copies_of_a_superlative_make_one_finding_with_evidence_capped() -> None:
    # 500 copies call the draft the largest since 2011; 600 others report a larger one in
    # 2019: one finding, eight beaten figures shown, the rest counted.
    claims = [draft(160_000, 2025, f"s{n}.md", **LARGEST) for n in range(500)]
    beaten = [draft(190_000, 2019, f"b{n:03d}.md") for n in range(600)]
    context = RuleContext(articles={}, claims=[*claims, *beaten])
    [finding] = SuperlativeConflict().check(context)
    assert finding.message.startswith("160,000 (s0.md:1 and 499 more) is called the largest")
    assert "190,000 (b007.md:1) and 592 more came in between: " in finding.message
    assert len(finding.evidence) == 16


def test_a_checked_article_is_listed_however_many_figures_it_beats_with() -> None:
    # The beaten figures are listed in part; a check keeps the findings that list its articles.
    beaten = [draft(190_000, 2019, f"archive/{n:02d}.md") for n in range(10)]
    checked = draft(190_000, 2019, "zz-draft.md")
    claims = [draft(160_000, 2025, **LARGEST), *beaten, checked]
    context = RuleContext(articles={}, claims=claims, focus=frozenset({"zz-draft.md"}))
    findings = list(SuperlativeConflict().check(context))
    assert len(findings) == 1
    assert "zz-draft.md" in {e.path for e in findings[0].evidence}
