"""The bundled example corpus (`make demo`) flags what fixtures/example-problems.md says it does."""

from __future__ import annotations

from pathlib import Path

from checker.engine import check_paths

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example"


def test_example_corpus_findings() -> None:
    report = check_paths([EXAMPLE])
    by_rule: dict[str, list[str]] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, []).append(finding.message)
    assert any("35,000" in m and "53,000" in m for m in by_rule["figure-mismatch"])
    assert by_rule["cumulative-decrease"]
    assert any("Ivana Kos" in m for m in by_rule["title-mismatch"])
    assert any("drops the attribution" in m for m in by_rule["repeated-passage"])
    # different aid packages, and one source named two ways, are not problems
    assert not any("EUR" in m or "€" in m for m in by_rule["figure-mismatch"])
    assert "misattribution" not in by_rule
    assert report.diagnostics == []
