"""Every fixture case under fixtures/<rule-id>/{flag,pass}-*/ through the real pipeline.

A case folder holds articles, an `expect.toml` and optionally a `facts.toml` register:

    rule = "figure-mismatch"
    flag = true                        # false: no finding of this rule may appear
    count = 2                          # optional: exactly this many findings of the rule
    [[findings]]                       # flag cases: each must match some finding's evidence
    evidence = ["a.md:6", "b.md:7"]
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.engine import check_paths
from checker.facts import load_facts
from checker.models import Finding
from rules import get_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RULE_IDS = [rule.id for rule in get_rules()]
CASES = sorted(
    case
    for rule_id in RULE_IDS
    for case in (FIXTURES / rule_id).glob("*-*")
    if case.is_dir() and (case / "expect.toml").is_file()
)


def _evidence(finding: Finding, case: Path) -> set[str]:
    return {
        f"{Path(e.path).resolve().relative_to(case.resolve())}:{e.line}"
        for e in finding.evidence
        if Path(e.path).resolve().is_relative_to(case.resolve())
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_rule_case(case: Path) -> None:
    expect = tomllib.loads((case / "expect.toml").read_text(encoding="utf-8"))
    facts_file = case / "facts.toml"
    facts = load_facts(facts_file) if facts_file.is_file() else None
    articles = sorted(p for p in case.iterdir() if p.suffix in {".md", ".txt", ".html"})
    report = check_paths(articles, facts=facts)
    found = [f for f in report.findings if f.rule == expect["rule"]]
    if not expect["flag"]:
        assert found == [], [f.message for f in found]
        return
    assert found, f"{expect['rule']} did not fire; findings: {[f.message for f in report.findings]}"
    if "count" in expect:
        assert len(found) == expect["count"], [f.message for f in found]
    for wanted in expect.get("findings", []):
        assert any(set(wanted["evidence"]) <= _evidence(f, case) for f in found), (
            wanted["evidence"],
            [sorted(_evidence(f, case)) for f in found],
        )


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_flag_and_pass_cases(rule_id: str) -> None:
    names = [case.name for case in CASES if case.parent.name == rule_id]
    assert sum(n.startswith("flag-") for n in names) >= 3, names
    assert sum(n.startswith("pass-") for n in names) >= 3, names
