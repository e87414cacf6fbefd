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
    return [
        line
        for line in text.splitlines()
        if line[:2] in ("- ", "+ ") and (".md:" in line or ".toml:" in line)
    ]


def test_markdown_golden(golden: Golden) -> None:
    golden("markdown.txt", markdown.render(sample_report(), checked=CHECKED))


def test_summary_line_and_empty_report() -> None:
    text = markdown.render(sample_report())
    assert text.startswith("**checker**: 3 findings (1 error, 1 warning, 1 info)")
    assert (
        markdown.render(empty_report()) == "**checker**: No findings in 4 articles (97 claims).\n"
    )


def _sides(text: str) -> dict[str, tuple[str, str]]:
    """path -> (sign, label) of each diff line."""
    sides = {}
    for line in _diff_lines(text):
        match = re.match(r"([-+]) (.+?)  +(\S+?):\d+: ", line)
        assert match, line
        sides[match.group(3)] = (match.group(1), match.group(2))
    return sides


def test_checked_paths_get_plus_and_the_archive_minus_each_labelled() -> None:
    sides = _sides(markdown.render(sample_report(), checked=CHECKED))
    assert sides["archive/a.md"] == sides["archive/c.md"] == ("-", "archive")
    assert sides["drafts/b.md"] == sides["drafts/e,f:g.md"] == ("+", "this pull request")


def test_without_checked_paths_the_primary_side_is_plus() -> None:
    report = sample_report()
    first = report.findings[0].model_copy(update={"primary": 0})
    report = report.model_copy(update={"findings": [first]})
    sides = _sides(markdown.render(report))
    assert sides["archive/a.md"] == ("+", "disagrees") and sides["drafts/b.md"][0] == "-"


def test_register_lines_are_labelled() -> None:
    register = Evidence(path="../facts.toml", line=3, text="register: Ivana Kos: minister")
    finding = Finding(
        rule="title-mismatch",
        severity=Severity.ERROR,
        message="m",
        evidence=(Evidence(path="drafts/b.md", line=2, text="t"), register),
    )
    text = markdown.render(Report(findings=[finding]), checked=CHECKED)
    assert _sides(text)["../facts.toml"] == ("-", "facts register")


def test_locations_link_to_the_pull_requests_files() -> None:
    text = markdown.render(sample_report(), checked=CHECKED, link_base="https://h/o/r/blob/abc/")
    assert "[archive/a.md:14](https://h/o/r/blob/abc/archive/a.md#L14)" in text
    assert "(https://h/o/r/blob/abc/drafts/e%2Cf%3Ag.md#L40)" in text
    assert "blob/abc" not in markdown.render(sample_report(), checked=CHECKED)


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
