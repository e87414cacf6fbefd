from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.models import Figure, Frame, Granularity, Modality, Qualifier
from checker.rule import RuleContext
from rules.figure_mismatch import FigureMismatch, FigureMismatchOptions
from tests.test_compat import figure

DECEMBER = {
    "period_start": dt.date(2025, 12, 1),
    "period_end": dt.date(2025, 12, 31),
    "period_granularity": Granularity.MONTH,
}


def _run(*figures: Figure, facts: object = None, **options: object) -> list[str]:
    context = RuleContext(articles={}, claims=list(figures), facts=facts)  # type: ignore[arg-type]
    rule = FigureMismatch(FigureMismatchOptions(**options))  # type: ignore[arg-type]
    return [f.message for f in rule.check(context)]


def test_different_figures_same_month_flag() -> None:
    messages = _run(
        figure(35_000, source="Mykhailo Fedorov", line=14, **DECEMBER),
        figure(53_000, path="b.md", line=9, source="NATO", **DECEMBER),
    )
    assert messages == [
        "35,000 (a.md:14, Mykhailo Fedorov) vs 53,000 (b.md:9, NATO): "
        "russian soldiers killed, 2025-12"
    ]


def test_equivalent_wordings_do_not_flag() -> None:
    assert not _run(
        figure(35_000, **DECEMBER),
        figure(35_000, path="b.md", **DECEMBER),
        figure(
            35_000, path="c.md", qualifier=Qualifier.APPROX, surface="almost 35,000", **DECEMBER
        ),
    )


def test_other_period_modality_or_subject_do_not_flag() -> None:
    january = {**DECEMBER, "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 1, 31)}
    assert not _run(figure(35_000, **DECEMBER), figure(9_000, path="b.md", **january))
    assert not _run(
        figure(35_000, **DECEMBER), figure(50_000, modality=Modality.TARGET, **DECEMBER)
    )
    assert not _run(figure(35_000, **DECEMBER), figure(9_000, noun="civilian", **DECEMBER))
    # an estimate is compared with a fact
    assert _run(
        figure(35_000, **DECEMBER),
        figure(9_000, path="b.md", modality=Modality.ESTIMATE, **DECEMBER),
    )


def test_current_state_compared_only_when_close_in_time() -> None:
    age_2023 = figure(27, noun="age limit", event=None, as_of=dt.date(2023, 3, 24))
    age_2025 = figure(30, noun="age limit", event=None, path="b.md", as_of=dt.date(2025, 4, 1))
    assert not _run(age_2023, age_2025)
    age_2025_march = age_2025.model_copy(update={"as_of": dt.date(2023, 4, 10)})
    assert _run(age_2023, age_2025_march)
    assert not _run(age_2023, age_2025_march, as_of_window_days=7)


def test_running_totals_compared_when_stated_days_apart() -> None:
    first = figure(
        768_000, cumulative=True, qualifier=Qualifier.AT_LEAST, as_of=dt.date(2024, 12, 5)
    )
    second = figure(500_000, path="b.md", cumulative=True, as_of=dt.date(2024, 12, 12))
    across_months = figure(650_000, path="d.md", cumulative=True, as_of=dt.date(2025, 1, 1))
    later = figure(500_000, path="c.md", cumulative=True, as_of=dt.date(2025, 6, 1))
    assert len(_run(first, second)) == 1
    assert not _run(first, later)
    assert _run(second.model_copy(update={"as_of": dt.date(2024, 12, 28)}), across_months)
    assert not _run(first, second, running_total_window_days=3)


def test_one_finding_per_outlier_cluster() -> None:
    figures = [figure(35_000, path=f"{name}.md", **DECEMBER) for name in "abcd"]
    odd = figure(53_000, path="e.md", **DECEMBER)
    messages = _run(*figures, odd)
    assert len(messages) == 1
    assert "and 3 more" in messages[0]


class _Register:
    def __init__(self, *figures: Figure) -> None:
        self.figures = figures

    def figure_claims(self) -> list[Figure]:
        return list(self.figures)


def test_register_figures_take_part() -> None:
    register_line = figure(300_000, path="facts.toml", line=12, noun="reservist", event="mobilized")
    article = figure(30_000, path="a.md", line=3, noun="reservist", event="mobilized")
    messages = _run(article, facts=_Register(register_line))
    assert messages and "facts.toml:12" in messages[0]
    # two register lines that disagree are not an article's problem
    other = register_line.model_copy(update={"line": 20, "value": 1})
    assert not _run(facts=_Register(register_line, other))


def test_large_bucket_is_fast() -> None:
    import time

    figures = [figure(35_000 + (i % 3) * 10, path=f"{i}.md", **DECEMBER) for i in range(5_000)]
    started = time.perf_counter()
    assert not _run(*figures)
    assert time.perf_counter() - started < 2.0


def test_two_values_in_one_sentence_are_not_a_contradiction() -> None:
    rose = [
        figure(20_000, sentence_index=3, **DECEMBER),
        figure(35_000, sentence_index=3, **DECEMBER),
    ]
    assert not _run(*rose)
    assert _run(rose[0], rose[1].model_copy(update={"sentence_index": 4, "line": 2}))


def test_bare_noun_counts_are_never_compared() -> None:
    regions = {"noun": "region", "event": None, "modifiers": ()}
    assert not _run(figure(42, line=3, **regions), figure(31, line=9, **regions))
    assert not _run(figure(42, line=3, **regions), figure(31, path="b.md", line=9, **regions))
    owned = {"noun": "region", "event": None, "modifiers": ("russian",)}
    assert _run(figure(42, line=3, **owned), figure(31, path="b.md", line=9, **owned))


FIGURE_RULES = {"figure-mismatch", "cumulative-decrease", "superlative-conflict"}


def _figure_findings(paths: list[Path]) -> list[str]:
    from checker.engine import check_paths

    return [f.message for f in check_paths(paths).findings if f.rule in FIGURE_RULES]


def test_seed_articles_are_quiet(seeds_dated: Path) -> None:
    assert _figure_findings(sorted(seeds_dated.glob("*.md"))) == []


def test_one_changed_figure_in_the_seeds_is_flagged(seeds_dated: Path, tmp_path: Path) -> None:
    for article in sorted(seeds_dated.glob("*.md")):
        text = article.read_text(encoding="utf-8")
        if article.name.startswith("000_"):
            assert "killed 35,000 Russian" in text
            text = text.replace("killed 35,000 Russian", "killed 45,000 Russian")
        (tmp_path / article.name).write_text(text, encoding="utf-8")
    messages = _figure_findings(sorted(tmp_path.glob("*.md")))
    assert len(messages) == 1 and "45,000" in messages[0] and "35,000" in messages[0]


def test_running_totals_from_different_starts_are_not_compared() -> None:
    as_of = dt.date(2025, 6, 10)
    since_war = figure(900_000, cumulative=True, as_of=as_of, period_start=dt.date(2022, 2, 24))
    since_january = figure(
        210_000, path="b.md", cumulative=True, as_of=as_of, period_start=dt.date(2025, 1, 1)
    )
    no_start = figure(500_000, path="c.md", cumulative=True, as_of=as_of)
    assert not _run(since_war, since_january)
    assert _run(since_war, no_start)
    assert not _run(since_war, since_january, no_start)


def test_sizes_are_compared_across_years_and_periods() -> None:
    bridge = {
        "noun": None,
        "subject": "length",
        "unit": "meter",
        # "The Kessel Bridge is 1,240 m long": the bridge is the subject, what is measured
        "frame": Frame(anchor=("Kessel Bridge",), anchor_from="subject"),
    }
    built = {"period_start": dt.date(1964, 1, 1), "period_end": dt.date(1964, 12, 31)}
    messages = _run(
        figure(
            1_240,
            as_of=dt.date(2021, 9, 14),
            period_granularity=Granularity.YEAR,
            **built,
            **bridge,
        ),
        figure(1_420, path="b.md", as_of=dt.date(2025, 4, 2), **bridge),
    )
    assert messages and not messages[0].endswith("1964")


def test_undated_figures_are_compared() -> None:
    assert _run(figure(412, as_of=None), figure(214, path="b.md", as_of=None))
    assert not _run(figure(412, as_of=None), figure(412, path="b.md", as_of=None))


def test_ranges_with_other_ends_flag() -> None:
    ages = {"noun": "age", "event": "conscripted", "unit": "year", "qualifier": Qualifier.RANGE}
    assert _run(
        figure(24, low=18, high=30, **ages), figure(26.5, low=18, high=35, path="b.md", **ages)
    )
    assert not _run(
        figure(24, low=18, high=30, **ages), figure(24, low=18, high=30, path="b.md", **ages)
    )


def test_a_toll_that_falls_on_many_days_is_one_finding_per_pair_of_values() -> None:
    # Copies of one report published day after day repeat the same drop: read once.
    earlier = figure(47, path="a.md", as_of=dt.date(2026, 3, 16))
    later = [
        figure(41, path=f"{name}.md", as_of=dt.date(2026, 3, 17 + n))
        for n, name in enumerate("bcdef")
    ]
    messages = _run(earlier, *later)
    assert messages == ["47 (a.md:1) vs 41 (b.md:1) and 4 more: russian soldiers killed"]


def test_a_checked_article_leads_its_side_of_a_large_cluster() -> None:
    # Only part of a side is listed, and a check keeps the findings that list a checked article.
    earlier = figure(47, path="a.md", as_of=dt.date(2026, 3, 16))
    copies = [
        figure(41, path=f"archive/{n:02d}.md", as_of=dt.date(2026, 3, 17 + n)) for n in range(10)
    ]
    draft = figure(41, path="zz-draft.md", as_of=dt.date(2026, 3, 30))
    context = RuleContext(
        articles={}, claims=[earlier, *copies, draft], focus=frozenset({"zz-draft.md"})
    )  # type: ignore[arg-type]
    findings = list(FigureMismatch(FigureMismatchOptions()).check(context))
    assert len(findings) == 1
    assert "zz-draft.md" in {e.path for e in findings[0].evidence}
    assert findings[0].message.startswith("47 (a.md:1) vs 41 (zz-draft.md:1) and 10 more")


def test_one_disagreement_in_two_time_windows_is_one_finding() -> None:
    def limit(value: int, path: str, day: dt.date) -> Figure:
        return figure(value, noun="age limit", event=None, path=path, as_of=day)

    spring, autumn = dt.date(2023, 3, 24), dt.date(2023, 11, 2)
    messages = _run(
        limit(27, "a.md", spring),
        limit(30, "b.md", spring),
        limit(27, "c.md", autumn),
        limit(30, "d.md", autumn),
        as_of_window_days=30,
    )
    assert messages == ["27 (a.md:1) and 1 more vs 30 (b.md:1) and 1 more: russian soldiers killed"]


def test_a_wrong_conversion_copied_into_two_articles_is_one_finding() -> None:
    text = "The route runs 43 miles (90 km) along the coast."
    spans = {"text": text, "sentence_index": 0, "line": 3}
    miles = {**spans, "value_span": (15, 23), "unit": "mile", "surface": "43 miles"}
    km = {**spans, "value_span": (25, 30), "unit": "kilometer", "restates": (15, 23)}
    messages = _run(
        figure(43, **miles),
        figure(90, **km),
        figure(43, path="b.md", **miles),
        figure(90, path="b.md", **km),
    )
    assert messages == ["43 mi is given as 90 km; it is 69.2 km (a.md:3 and 1 more)"]


def test_a_conversion_that_holds_to_its_digits_is_quiet() -> None:
    text = "The route runs about 100 miles (160 km) along the coast."
    spans = {"text": text, "sentence_index": 0}
    assert not _run(
        figure(100, value_span=(15, 30), unit="mile", qualifier=Qualifier.APPROX, **spans),
        figure(160, value_span=(32, 38), unit="kilometer", restates=(15, 30), **spans),
    )


def test_a_count_and_a_longer_list_disagree() -> None:
    text = "Three clubs (Ashford, Brill, Cotton and Dunmore) went down."
    messages = _run(figure(3, text=text, value_span=(0, 5), listed=4))
    assert messages == ['"Three clubs" is followed by a list of 4 (a.md:1)']
