"""End to end on the real seed articles (skipped when the shared corpus is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.engine import check_paths, extract_all
from checker.facts import load_facts
from checker.load import load
from checker.models import Attribution, Figure, Qualifier

TRUMP_REGISTER = """
[[people]]
name = "Donald Trump"
aliases = ["Trump"]
roles = [
  { title = "President of the United States", from = 2017-01-20, to = 2021-01-20 },
  { title = "President of the United States", from = 2025-01-20 },
]
"""


@pytest.fixture(scope="module")
def claims(seeds_dated: Path) -> list:
    return extract_all(load([seeds_dated])).claims


def _figures(claims: list, stem: str) -> list[Figure]:
    return [c for c in claims if isinstance(c, Figure) and Path(c.path).name.startswith(stem)]


def test_december_kills_credited_to_fedorov_in_both_articles(claims: list) -> None:
    for stem in ("000", "002"):
        [figure] = [f for f in _figures(claims, stem) if f.value == 35000]
        assert figure.source == "Mykhailo Fedorov"
        assert figure.period_start is not None and figure.period_start.isoformat() == "2025-12-01"
        assert figure.frame is not None and figure.noun == "soldier"
        assert (figure.frame.predicate, figure.frame.attribute) == ("kill", "soldier")
        assert figure.subject == "soldiers killed"


def test_csis_running_total(claims: list) -> None:
    [figure] = [f for f in _figures(claims, "002") if f.value == 1_200_000]
    assert figure.qualifier is Qualifier.APPROX
    assert figure.cumulative
    assert figure.source and "Strategic and International Studies" in figure.source


def test_targets_and_hedges(claims: list) -> None:
    [spring] = [f for f in _figures(claims, "003") if f.low == 170000]
    assert (spring.qualifier, spring.high, spring.modality.value) == (
        Qualifier.RANGE,
        200000,
        "target",
    )
    assert any(
        f.value == 400000 and f.qualifier is Qualifier.AT_LEAST for f in _figures(claims, "003")
    )
    [goal] = [f for f in _figures(claims, "000") if f.value == 50000]
    assert goal.modality.value == "target"


def test_chain_of_two_sources(claims: list) -> None:
    chains = {
        c.source_chain
        for c in claims
        if isinstance(c, Attribution) and Path(c.path).name.startswith("000")
    }
    assert ("The Moscow Times", "Institute for the Study of War") in chains


def test_years_and_furniture_are_never_figures(claims: list) -> None:
    figures = [c for c in claims if isinstance(c, Figure)]
    assert not [f for f in figures if f.value in (2011, 2022, 2025, 2026)]
    assert not [c for c in claims if "keeps our team" in c.text or "DONATE" in c.text]


def test_raw_seeds_load_with_inferred_dates(seeds_raw: Path) -> None:
    dates = {Path(a.path).name[:3]: a for a in load([seeds_raw]).articles}
    assert len(dates) == 5
    # 000 names February 19 and the year 2026; 002 has a caption dated January 19, 2026.
    assert str(dates["000"].date) == "2026-02-19"
    assert str(dates["002"].date) == "2026-01-19"
    # 004 gives December 2024 as the latest month it reports on.
    assert str(dates["004"].date) == "2024-12-31"
    assert {dates[k].date_source.value for k in ("000", "002", "004")} == {"inferred"}
    # 001 names only a future year ("for 2026") and 003 no year at all: no guess.
    assert dates["001"].date is None and dates["003"].date_source.value == "unknown"


def test_seed_report_without_register(seeds_dated: Path) -> None:
    report = check_paths([seeds_dated])
    by_rule: dict[str, list] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    repeated = by_rule.get("repeated-passage", [])
    assert any(
        {Path(e.path).name[:3] for e in f.evidence} == {"000", "002"}
        and any("35,000" in e.text for e in f.evidence)
        for f in repeated
    )
    assert not by_rule.get("figure-mismatch"), [f.message for f in by_rule["figure-mismatch"]]
    assert not by_rule.get("cumulative-decrease")
    # 9,000 killed in January and 35,000 killed in December are two months' figures, not two
    # dates of one event
    assert not by_rule.get("date-mismatch"), [f.message for f in by_rule["date-mismatch"]]
    assert report.summary.error == 0
    temporal = by_rule.get("temporal-order", [])
    assert any(
        Path(e.path).name.startswith("002") and "November 30" in e.text
        for f in temporal
        for e in f.evidence
    )


def test_register_flags_former_president(seeds_dated: Path, tmp_path: Path) -> None:
    register = tmp_path / "facts.toml"
    register.write_text(TRUMP_REGISTER, encoding="utf-8")
    report = check_paths([seeds_dated], facts=load_facts(register))
    titles = [f for f in report.findings if f.rule == "title-mismatch"]
    assert any(Path(e.path).name.startswith("004") for f in titles for e in f.evidence)


def test_cli_json_report_on_seeds(seeds_dated: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(seeds_dated), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "checker.report/1"
    assert report["summary"]["articles"] == 5
    assert {a["date_source"] for a in report["articles"]} == {"metadata"}
