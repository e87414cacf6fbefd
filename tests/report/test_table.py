from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from checker.report import table
from tests.report.sample import HOSTILE, empty_report, sample_report

Golden = Callable[[str, str], None]


def test_table_golden(golden: Golden) -> None:
    golden("table.txt", table.render(sample_report(), width=100))


def test_empty_report_says_so() -> None:
    assert table.render(empty_report(), width=80) == "No findings in 4 articles (97 claims).\n"


def test_one_block_per_finding_then_diagnostics_then_counts() -> None:
    text = table.render(sample_report(), width=100)
    blocks = text.split("\n\n")
    assert blocks[-1] == "3 findings (1 error, 1 warning, 1 info) in 5 articles (140 claims).\n"
    assert blocks[0].splitlines()[0] == "error figure-mismatch"
    assert blocks[-2].startswith("Diagnostics:") and "inbox/blob.bin: binary file skipped" in text
    for where in ("archive/a.md:14:3", "drafts/b.md:9:1", "archive/c.md:2", "drafts/e,f:g.md:40"):
        assert where in text


@pytest.mark.parametrize("width", [60, 80, 120])
def test_fits_the_width_and_never_breaks_a_path(width: int) -> None:
    text = table.render(sample_report(), width=width)
    for line in text.splitlines():
        # Only an unbreakable word (a path, a long word) may pass the width.
        assert len(line) <= width or " " not in line.strip(), line
    assert "archive/a.md:14:3" in text and "drafts/b.md:9:1" in text


def test_article_text_cannot_drive_the_terminal() -> None:
    text = table.render(sample_report(), width=80)
    assert HOSTILE.count("\x1b") > 0
    assert re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text) is None


def test_color_marks_only_the_severity_and_rule() -> None:
    text = table.render(sample_report(), color=True, width=80)
    assert "\x1b[31merror\x1b[0m \x1b[1mfigure-mismatch\x1b[0m" in text
    assert "\x1b[33mwarning\x1b[0m" in text
    assert len(re.findall("\x1b", text)) == 12
    assert table.render(sample_report(), color=False, width=80).count("\x1b") == 0


def test_width_defaults_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    assert table.terminal_width() == 64
    assert max(len(x) for x in table.render(sample_report()).splitlines() if " " in x) <= 64
