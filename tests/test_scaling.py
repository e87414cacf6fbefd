"""Scaling changes keep findings identical: the `--against` focus, and the sweeps and blocking
that replace all-pairs loops. Work is counted, never timed, so a busy machine fails nothing."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bench.corpus import write_archive
from checker.against import check_against
from checker.consolidate import consolidate
from checker.engine import Extraction, default_rules, extract_all, run_rules
from checker.load import load
from checker.models import Figure, Finding, Frame, Qualifier
from checker.rule import RuleContext
from rules.misattribution import Misattribution
from rules.repeated_passage import RepeatedPassage


def summary(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return sorted((f.rule, f.message, f.fingerprint) for f in findings)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A generated archive (seeded contradictions included) and three drafts taken from it."""
    root = tmp_path_factory.mktemp("scaling")
    archive = root / "archive"
    files = write_archive(archive, 90, seed=11)
    drafts = root / "drafts"
    drafts.mkdir()
    for file in files[::30]:
        shutil.move(file, drafts / file.name)
    return drafts, archive


def test_focused_against_run_equals_the_unfocused_one(
    newsroom: tuple[Path, Path], tmp_path: Path
) -> None:
    drafts, archive = newsroom
    report = check_against([drafts], archive, cache_dir=tmp_path / "cache")
    # The old way: every rule over everything, then keep findings touching a draft.
    checked = load([drafts])
    union = extract_all(load([drafts, archive]))
    rules, _ = default_rules()
    everything, _ = run_rules(union, rules, consolidated=False)
    paths = {a.path for a in checked.articles}
    # Consolidated after the filter, as the engine does (one root cause among what is kept).
    dates = {a.path: a.date for a in union.articles}
    touching = [f for f in everything if any(e.path in paths for e in f.evidence)]
    wanted = consolidate(touching, dates, frozenset(paths))
    assert wanted, "the drafts should disagree with the archive somewhere"
    assert len(wanted) < len(everything), "the archive should disagree with itself too"
    assert summary(report.findings) == summary(wanted)


def test_focus_filters_rules_that_do_not_know_it(newsroom: tuple[Path, Path]) -> None:
    drafts, archive = newsroom
    union = extract_all(load([drafts, archive]))
    rules, _ = default_rules()
    focus = frozenset(a.path for a in load([drafts]).articles)
    findings, _ = run_rules(union, rules, focus=focus)
    assert findings
    assert all(any(e.path in focus for e in f.evidence) for f in findings)


def figure(path: str, value: float, source: str, line: int = 1) -> Figure:
    return Figure(
        path=path,
        line=line,
        column=1,
        sentence_index=line,
        text=f"{value} homes were flooded, {source} said.",
        surface=str(value),
        value=value,
        qualifier=Qualifier.EXACT,
        noun="home",
        subject="homes flooded",
        period_start=dt.date(2024, 5, 1),
        period_end=dt.date(2024, 5, 31),
        source=source,
        frame=Frame(anchor=("Vero County",), predicate="flood", attribute="home"),
    )


class AllPairs(Misattribution):
    """The all-pairs reference the sweep replaced (over the classes of equal figures)."""

    def _candidates(self, figures, context, kinds):  # type: ignore[no-untyped-def]
        return [
            (i, j)
            for i in range(len(figures))
            for j in range(i + 1, len(figures))
            if context.any_in_focus(kinds[i]) or context.any_in_focus(kinds[j])
        ]


@pytest.mark.parametrize("seed", range(8))
def test_misattribution_sweep_equals_all_pairs(seed: int) -> None:
    rng = random.Random(seed)
    sources = ["the fire service", "the regional council", "FS", "the mayor"]
    values = [1000, 1004, 1006, 2000, 2009, 0.5, -30, -30.1, 0]
    figures = [
        figure(f"a{rng.randrange(6)}.md", rng.choice(values), rng.choice(sources), line=n)
        for n in range(40)
    ]
    for focus in (None, frozenset({"a0.md", "a3.md"})):
        context = RuleContext(articles={}, claims=figures, focus=focus)
        fast = summary(list(Misattribution().check(context)))
        slow = summary(list(AllPairs().check(context)))
        assert fast == slow


def test_misattribution_work_is_near_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Values 0.3% apart (tolerance 0.5%): each figure has one close neighbour, and the sweep
    compares about that many pairs, where all pairs would be n^2 / 2."""
    calls = 0
    original = Misattribution._same_value

    def counted(self: Misattribution, first: Figure, second: Figure) -> bool:
        nonlocal calls
        calls += 1
        return original(self, first, second)

    monkeypatch.setattr(Misattribution, "_same_value", counted)
    counts = []
    for size in (200, 800):
        calls = 0
        figures = [figure(f"a{n}.md", 1000 * 1.003**n, f"source {n % 5}") for n in range(size)]
        list(Misattribution().check(RuleContext(articles={}, claims=figures)))
        counts.append(calls)
    assert counts[0] > 0 and counts[1] <= 5 * counts[0], counts


def test_repeated_passage_scores_no_pair_outside_the_focus(
    newsroom: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts, archive = newsroom
    union: Extraction = extract_all(load([drafts, archive]))
    focus = frozenset(a.path for a in load([drafts]).articles)
    scored: list[tuple[str, str]] = []
    from rules import repeated_passage

    real_ratio = fuzz.ratio

    class Spy:
        @staticmethod
        def ratio(a: str, b: str) -> float:
            scored.append((a, b))
            return float(real_ratio(a, b))

        @staticmethod
        def partial_ratio(a: str, b: str) -> float:
            scored.append((a, b))
            return float(fuzz.partial_ratio(a, b))

    monkeypatch.setattr(repeated_passage, "fuzz", Spy)
    everything = list(RepeatedPassage().check(RuleContext(articles={}, claims=union.claims)))
    all_scored = len(scored)
    scored.clear()
    focused = list(
        RepeatedPassage().check(RuleContext(articles={}, claims=union.claims, focus=focus))
    )
    assert len(scored) < all_scored
    touching = [f for f in everything if any(e.path in focus for e in f.evidence)]
    assert summary(focused) == summary(touching)


@pytest.mark.parametrize("seed", range(5))
def test_title_window_sweep_equals_all_pairs(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.models import Article, PersonClaim
    from rules import title_mismatch
    from rules.title_mismatch import TitleMismatch

    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    articles = {
        f"p{n}.md": Article(
            path=f"p{n}.md",
            date=start + dt.timedelta(days=rng.randrange(200)),
            body="",
            line_numbers=(),
        )
        for n in range(30)
    }
    titles = ["Mayor", "former Mayor", "Finance Minister", "Deputy Mayor", "Police Chief"]
    people = [
        PersonClaim(
            path=f"p{rng.randrange(30)}.md",
            line=n,
            column=1,
            text="A sentence.",
            person=rng.choice(["Elena Varga", "Varga", "Tomas Varga", "Ines Holm"]),
            title=rng.choice(titles),
        )
        for n in range(80)
    ]
    for focus in (None, frozenset({"p1.md", "p2.md", "p3.md"})):
        context = RuleContext(articles=articles, claims=people, focus=focus)
        fast = summary(list(TitleMismatch().check(context)))
        with monkeypatch.context() as patch:
            patch.setattr(
                title_mismatch,
                "_within_window",
                lambda block, window, titles: [
                    (i, j)
                    for i in range(len(block))
                    for j in range(i + 1, len(block))
                    if abs((block[i][1] - block[j][1]).days) <= window
                ],
            )
            slow = summary(list(TitleMismatch().check(context)))
        if focus is None:
            assert fast, "the generated mentions should disagree somewhere"
        assert fast == slow
