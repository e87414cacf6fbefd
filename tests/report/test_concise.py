from __future__ import annotations

import re

from checker.report import concise
from tests.report.sample import CHECKED, empty_report, sample_report

LINE = re.compile(r"^(?P<path>[^\s].*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) ")


def test_one_line_per_finding_then_the_count_line() -> None:
    lines = concise.render(sample_report(), checked=CHECKED).splitlines()
    assert len(lines) == 5
    assert all(LINE.match(line) for line in lines[:3])
    assert lines[3] == "inbox/blob.bin: binary file skipped"
    assert lines[0].startswith("drafts/b.md:9:1: error figure-mismatch 35,000 (archive/a.md:14")
    assert lines[-1].startswith("3 findings")


def test_without_findings_only_the_count_line() -> None:
    assert concise.render(empty_report()) == "No findings in 4 articles (97 claims).\n"


def test_text_is_one_line() -> None:
    text = concise.render(sample_report())
    assert re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text) is None
