from __future__ import annotations

import re
from collections.abc import Callable

from checker.report import github
from tests.report.sample import CHECKED, empty_report, sample_report

Golden = Callable[[str, str], None]

COMMAND = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")


def _unescape(text: str) -> str:
    return (
        text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def _command(line: str) -> re.Match[str]:
    match = COMMAND.fullmatch(line)
    assert match is not None, line
    return match


def test_github_golden(golden: Golden) -> None:
    golden("github.txt", github.render(sample_report(), checked=CHECKED))


def test_one_command_per_finding_and_diagnostic_and_nothing_else() -> None:
    lines = github.render(sample_report(), checked=CHECKED).splitlines()
    assert len(lines) == 3 + 1
    assert [_command(line).group(1) for line in lines] == [
        "error", "warning", "notice", "warning",
    ]  # fmt: skip


def test_article_text_cannot_start_a_command() -> None:
    # Without checked paths the hostile sentence is related evidence, so it is in a message.
    text = github.render(sample_report())
    assert text.count("::error ::pwned") == 2  # in the message and in the hostile sentence
    assert "\n::error ::pwned" not in text and "%0A::error" not in text
    assert sum(line.startswith("::") for line in text.splitlines()) == 4
    assert "\r" not in text and "\x1b" not in text


def test_annotation_sits_on_the_first_checked_evidence() -> None:
    lines = github.render(sample_report(), checked=CHECKED).splitlines()
    pairs = [p.split("=", 1) for p in _command(lines[1]).group(2).split(",")]
    properties = {key: value for key, value in pairs}
    assert properties == {
        "file": "drafts/e%2Cf%3Ag.md",
        "line": "40",
        "col": "2",
        "title": "misattribution",
    }
    assert _unescape(properties["file"]) == "drafts/e,f:g.md"
    # Without checked paths it falls back to the first evidence.
    first = github.render(sample_report()).splitlines()[0]
    assert first.startswith("::error file=archive/a.md,line=14,col=3,title=figure-mismatch::")


def test_message_names_the_other_evidence_and_round_trips() -> None:
    line = github.render(sample_report(), checked=CHECKED).splitlines()[0]
    message = _unescape(_command(line).group(3))
    assert message.splitlines() == [
        "35,000 (archive/a.md:14, Mykhailo Fedorov) vs 53,000 (drafts/b.md:9, NATO): "
        "Russian soldiers killed, December 2025",
        "archive/a.md:14: Kyiv put the number of Russian soldiers killed in December at 35,000.",
    ]


def test_percent_is_escaped_first() -> None:
    text = github.render(sample_report())
    assert "50%25 done" in text


def test_empty_report_prints_nothing() -> None:
    assert github.render(empty_report()) == ""


def test_diagnostics_of_articles_sit_on_the_file_others_in_the_summary() -> None:
    from checker.models import Diagnostic, Report

    report = Report(
        diagnostics=[
            Diagnostic(path="drafts/a.md", message="publication date unknown"),
            Diagnostic(path="drafts", message="skipped 2 files that are not articles (2 .jpg)"),
        ]
    )
    lines = github.render(report).splitlines()
    assert lines[0] == "::warning file=drafts/a.md,title=checker::publication date unknown"
    assert lines[1].startswith("::warning title=checker::drafts: skipped 2 files")
