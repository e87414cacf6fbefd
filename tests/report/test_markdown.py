from __future__ import annotations

import re
from collections.abc import Callable

from checker.models import Evidence, Finding, Report, Severity
from checker.report import markdown
from tests.report.sample import CHECKED, empty_report, sample_report

Golden = Callable[[str, str], None]


def _outside_fences(text: str) -> list[str]:
    """The lines of `text` that GitHub renders as Markdown (not inside a fenced block)."""
    lines, fence = [], None
    for line in text.splitlines():
        match = re.match(r"(`{3,})", line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and line.strip() == fence:
            fence = None
        elif fence is None:
            lines.append(line)
    assert fence is None, "a fence was left open"
    return lines


def _diff_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line[:2] in ("- ", "+ ") and ".md:" in line]


def test_markdown_golden(golden: Golden) -> None:
    golden("markdown.txt", markdown.render(sample_report(), checked=CHECKED))


def test_summary_line_and_empty_report() -> None:
    text = markdown.render(sample_report())
    assert text.startswith("**checker**: 3 findings (1 error, 1 warning, 1 info)")
    assert (
        markdown.render(empty_report()) == "**checker**: No findings in 4 articles (97 claims).\n"
    )


def test_checked_paths_get_plus_and_the_archive_minus() -> None:
    lines = _diff_lines(markdown.render(sample_report(), checked=CHECKED))
    signs = {line.split(":")[0][2:]: line[0] for line in lines}
    assert signs["archive/a.md"] == "-" and signs["archive/c.md"] == "-"
    assert signs["drafts/b.md"] == "+" and signs["drafts/e,f"] == "+"


def test_without_checked_paths_the_last_evidence_is_plus() -> None:
    lines = _diff_lines(markdown.render(sample_report()))
    assert [line[0] for line in lines] == ["-", "+", "-", "-", "+", "-", "+"]


def test_hostile_text_cannot_break_the_comment() -> None:
    text = markdown.render(sample_report(), checked=CHECKED)
    rendered = _outside_fences(text)
    # Only our own headings start with "#", and nothing outside fences is raw HTML, a link,
    # a table cell, a code span or a mention.
    assert all(line.startswith(("### ", "#### ")) for line in rendered if line.startswith("#"))
    outside = "\n".join(rendered)
    assert "<" not in outside and "@octocat" not in outside
    assert re.search(r"(?<!\\)[`|\[]", outside) is None
    # Inside the fence, the hostile sentence stays on one line with no escape sequences.
    assert "````diff" in text
    assert len([line for line in text.splitlines() if "::pwned" in line and line[0] == "+"]) == 1
    assert "\x1b" not in text and "\r" not in text


def test_fence_outgrows_the_longest_backtick_run() -> None:
    evidence = (
        Evidence(path="a.md", line=1, text="a `````` run of six"),
        Evidence(path="b.md", line=2, text="plain"),
    )
    report = Report(
        findings=[Finding(rule="r", severity=Severity.ERROR, message="m", evidence=evidence)]
    )
    text = markdown.render(report)
    assert "```````diff\n" in text and text.count("```````") == 2
    _outside_fences(text)


def test_long_reports_are_cut_below_githubs_limit() -> None:
    evidence = (Evidence(path="a.md", line=1, text="x" * 5000),)
    findings = [Finding(rule="r", severity=Severity.INFO, message="m", evidence=evidence)] * 40
    text = markdown.render(Report(findings=findings))
    assert len(text) < 65_536
    assert "more findings not shown" in text
