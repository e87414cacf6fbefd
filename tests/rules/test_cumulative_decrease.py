from __future__ import annotations

import datetime as dt
from typing import Any

from checker.models import Figure, Modality, Qualifier
from checker.rule import RuleContext
from rules.cumulative_decrease import CumulativeDecrease
from tests.test_compat import figure

OVER = Qualifier.AT_LEAST
NEARLY = {"qualifier": Qualifier.APPROX, "surface": "nearly"}


def total(value: float, as_of: dt.date, path: str = "a.md", **fields: Any) -> Figure:
    return figure(value, path=path, as_of=as_of, cumulative=True, noun="casualty", **fields)


def _run(*figures: Figure) -> list[str]:
    context = RuleContext(articles={}, claims=list(figures))
    return [f.message for f in CumulativeDecrease().check(context)]


def test_growing_totals_with_qualifiers_pass() -> None:
    assert not _run(
        total(200_000, dt.date(2023, 3, 24), qualifier=OVER),
        total(768_000, dt.date(2024, 12, 15), "b.md", qualifier=OVER),
        total(1_200_000, dt.date(2026, 1, 31), "c.md", **NEARLY),
    )


def test_later_lower_total_flags() -> None:
    messages = _run(
        total(768_000, dt.date(2024, 12, 15), qualifier=OVER),
        total(700_000, dt.date(2026, 1, 31), "b.md", **NEARLY),
    )
    assert len(messages) == 1
    assert "over 768,000 (a.md:1) then nearly 700,000 (b.md:1)" in messages[0]


def test_same_month_is_not_a_decrease() -> None:
    assert not _run(
        total(768_000, dt.date(2024, 12, 1)),
        total(700_000, dt.date(2024, 12, 30), "b.md"),
    )


def test_one_finding_for_a_wrong_early_total() -> None:
    messages = _run(
        total(2_000_000, dt.date(2023, 1, 10)),
        total(800_000, dt.date(2024, 1, 10), "b.md"),
        total(900_000, dt.date(2025, 1, 10), "c.md"),
    )
    assert len(messages) == 1
    assert "b.md:1" in messages[0] and "c.md:1" in messages[0]


def test_targets_and_other_starts_ignored() -> None:
    assert not _run(
        total(768_000, dt.date(2024, 12, 15)),
        total(500_000, dt.date(2025, 6, 1), "b.md", modality=Modality.TARGET),
    )
    assert not _run(
        total(768_000, dt.date(2024, 12, 15), period_start=dt.date(2022, 2, 24)),
        total(100_000, dt.date(2025, 6, 1), "b.md", period_start=dt.date(2025, 1, 1)),
    )
    assert _run(
        total(768_000, dt.date(2024, 12, 15), period_start=dt.date(2022, 2, 24)),
        total(100_000, dt.date(2025, 6, 1), "b.md"),
    )


def test_exact_totals_are_taken_at_face_value() -> None:
    assert _run(total(900_000, dt.date(2025, 3, 1)), total(850_000, dt.date(2025, 9, 1), "b.md"))
