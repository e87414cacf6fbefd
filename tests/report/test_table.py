from __future__ import annotations

import re
from collections.abc import Callable

from checker.report import table
from tests.report.sample import HOSTILE, empty_report, sample_report

Golden = Callable[[str, str], None]


def test_table_golden(golden: Golden) -> None:
    golden("table.txt", table.render(sample_report()))


def test_empty_report_says_so() -> None:
    assert table.render(empty_report()) == "No findings in 4 articles (97 claims).\n"


def test_header_counts_and_every_evidence_location() -> None:
    text = table.render(sample_report())
    assert (
        text.splitlines()[0]
        == "3 findings (1 error, 1 warning, 1 info) in 5 articles (140 claims)."
    )
    for where in ("archive/a.md:14", "drafts/b.md:9", "archive/c.md:2", "drafts/e,f:g.md:40"):
        assert where in text
    assert "Diagnostics:" in text and "inbox/blob.bin: binary file skipped" in text


def test_article_text_cannot_drive_the_terminal() -> None:
    text = table.render(sample_report())
    assert HOSTILE.count("\x1b") > 0
    assert re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text) is None


def test_color_marks_only_the_severity() -> None:
    text = table.render(sample_report(), color=True)
    assert "\x1b[31merror\x1b[0m" in text and "\x1b[33mwarning\x1b[0m" in text
    assert len(re.findall("\x1b", text)) == 6
    assert table.render(sample_report(), color=False).count("\x1b") == 0


def test_long_text_is_wrapped() -> None:
    width = max(len(line) for line in table.render(sample_report()).splitlines())
    assert width <= 140
