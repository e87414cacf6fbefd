from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import jsonschema  # type: ignore[import-untyped]

from checker.models import Evidence, Finding, Report, Severity
from checker.report import sarif
from checker.rule import Rule, RuleContext
from tests.report.sample import CHECKED, empty_report, sample_report

Golden = Callable[[str, str], None]
SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"


class FakeFigureRule(Rule):
    """Two claims give incompatible figures.

    ## What it does
    Compares figures.
    """

    id: ClassVar[str] = "figure-mismatch"
    severity: ClassVar[Severity] = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        yield from ()


class FakeRepeatRule(Rule):
    """A passage is repeated."""

    id: ClassVar[str] = "repeated-passage"
    severity: ClassVar[Severity] = Severity.INFO

    def check(self, context: RuleContext) -> Iterator[Finding]:
        yield from ()


FAKE_RULES = [FakeFigureRule, FakeRepeatRule]


@cache
def _validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _validate(log: dict[str, Any]) -> None:
    errors = sorted(_validator().iter_errors(log), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])


def _log(report: Report, **kwargs: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif.render(report, **kwargs))
    return data


def test_sarif_golden(golden: Golden) -> None:
    golden("sarif.txt", sarif.render(sample_report(), checked=CHECKED, rule_classes=FAKE_RULES))


def test_sarif_validates_against_the_official_schema() -> None:
    _validate(_log(sample_report(), checked=CHECKED, rule_classes=FAKE_RULES))
    _validate(_log(empty_report(), rule_classes=FAKE_RULES))


def test_sarif_with_the_built_in_rules_validates() -> None:
    log = _log(sample_report())
    _validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "figure-mismatch" in ids and len(ids) == len(set(ids))


def test_the_schema_check_can_fail() -> None:
    log = _log(sample_report(), rule_classes=FAKE_RULES)
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(_validator().iter_errors(log))


def test_driver_rules_carry_documentation_and_default_level() -> None:
    driver = _log(empty_report(), rule_classes=FAKE_RULES)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "checker" and driver["version"]
    first, second = driver["rules"]
    assert first["id"] == "figure-mismatch" and first["name"] == "FakeFigureRule"
    assert first["shortDescription"]["text"] == "Two claims give incompatible figures."
    assert "## What it does" in first["fullDescription"]["text"]
    assert first["help"]["text"] == first["fullDescription"]["text"]
    assert first["defaultConfiguration"]["level"] == "error"
    assert second["defaultConfiguration"]["level"] == "note"


def test_results_locations_and_fingerprints() -> None:
    log = _log(sample_report(), checked=CHECKED, rule_classes=FAKE_RULES)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    # A rule that is not installed still gets a descriptor, so its index resolves.
    assert rules[results[1]["ruleIndex"]] == {"id": "misattribution"}
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/b.md"
    assert location["region"]["startLine"] == 9 and location["region"]["startColumn"] == 1
    related = first["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["archive/a.md"]
    assert related[0]["physicalLocation"]["region"]["startColumn"] == 3
    assert first["partialFingerprints"] == {"checkerFingerprint/v1": "0123456789abcdef0123"}
    assert len(results[1]["relatedLocations"]) == 2
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "inbox/blob.bin"
    )


def test_a_sentence_cited_by_many_findings_is_written_once() -> None:
    copy = Evidence(path="archive/a.md", line=4, text="The copied sentence.", value=35_000)
    findings = [
        Finding(
            rule="x",
            severity=Severity.ERROR,
            message=f"finding {n}",
            evidence=(Evidence(path=f"b{n}.md", line=2, text=f"Draft {n}."), copy),
        )
        for n in range(3)
    ]
    results = _log(Report(findings=findings), rule_classes=FAKE_RULES)["runs"][0]["results"]
    cited = [r["relatedLocations"][0] for r in results]
    snippets = [c["physicalLocation"]["region"].get("snippet") for c in cited]
    assert snippets == [{"text": "The copied sentence."}, None, None]
    assert all(c["physicalLocation"]["region"]["startLine"] == 4 for c in cited)
    assert {c["message"]["text"] for c in cited} == {"archive/a.md:4 (35,000)"}
    assert [r["locations"][0]["physicalLocation"]["region"]["snippet"] for r in results] == [
        {"text": f"Draft {n}."} for n in range(3)
    ]


def test_uris_are_relative_with_forward_slashes_and_encoded() -> None:
    evidence = (Evidence(path=".\\news\\my story.md", line=3, text="t"),)
    report = Report(
        findings=[Finding(rule="x", severity=Severity.WARNING, message="m", evidence=evidence)]
    )
    log = _log(report, rule_classes=[])
    _validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ]
    assert uri == "news/my%20story.md"
