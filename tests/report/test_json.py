from __future__ import annotations

import json
from collections.abc import Callable

from checker.report import json as json_report
from tests.report.sample import empty_report, sample_report

Golden = Callable[[str, str], None]


def test_json_golden(golden: Golden) -> None:
    golden("json.txt", json_report.render(sample_report()))


def test_json_is_the_report_schema_in_spec_order() -> None:
    report = sample_report()
    data = json.loads(json_report.render(report))
    assert data == report.to_json_dict()
    assert list(data) == ["schema", "articles", "summary", "findings", "diagnostics"]
    assert data["schema"] == "checker.report/1"
    assert list(data["summary"]) == ["articles", "claims", "error", "warning", "info"]
    assert list(data["findings"][0]) == [
        "rule", "severity", "message", "subject", "fingerprint", "evidence",
    ]  # fmt: skip
    assert list(data["findings"][0]["evidence"][0]) == [
        "path", "line", "column", "text", "value", "source", "date",
    ]  # fmt: skip


def test_json_is_indented_and_control_characters_are_escaped() -> None:
    text = json_report.render(sample_report())
    assert text.startswith('{\n  "schema": "checker.report/1",')
    assert "\x1b" not in text and "\\u001b" in text


def test_empty_report() -> None:
    data = json.loads(json_report.render(empty_report()))
    assert data["findings"] == [] and data["summary"]["articles"] == 4
